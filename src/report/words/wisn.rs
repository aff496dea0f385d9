//! The words of WISN mode (SPEC §16): the section a report of a scenario with
//! `[scenario] method = "wisn"` has, its table and the reading of the WISN ratio, in the terms
//! of the WHO's *Workload indicators of staffing need: user's manual* (2010), in each language.

/// WISN's words.
#[derive(Debug)]
pub struct WisnWords {
    pub title: &'static str,
    /// What the section shows and where the method comes from.
    pub intro: &'static str,
    /// The formulas, so that a reader can redo every figure.
    pub formulas: &'static str,
    /// Office, staff type, AWT, CAF, IAF, required, existing, difference, ratio, pressure.
    pub headers: [&'static str; 10],
    /// The subheading of each side: today, and with the recommended staffing.
    pub today: &'static str,
    pub with_plan: &'static str,
    pub shortage: &'static str,
    pub balanced: &'static str,
    pub excess: &'static str,
    /// The headers of the bands' columns, with ranges: after "required" and after the ratio.
    pub required_band: &'static str,
    pub ratio_band: &'static str,
    /// The reading of the ratio, as the manual gives it.
    pub reading: &'static str,
    /// (office, staff type, required, existing): the summary's sentence on a shortage.
    pub short: fn(&str, &str, f64, u32) -> String,
    /// The name of `tables.xlsx`'s WISN sheet.
    pub sheet: &'static str,
    /// The sheet's band columns, as numbers: required's p5 and p95, the ratio's p5 and p95.
    pub band_headers: [&'static str; 4],
    /// The sheet's second table: office, cadre, work type, standard workload (items a year).
    pub standard_headers: [&'static str; 4],
}

pub(super) const WISN_EN: WisnWords = WisnWords {
    title: "Staffing need by WISN",
    intro: "The WHO's Workload Indicators of Staffing Need (WISN) count, cadre by cadre, the staff the workload requires and compare them with the staff in post (World Health Organization, Workload indicators of staffing need: user's manual, 2010).",
    formulas: "Available working time (AWT) = (working days − leave − training) × hours a day, per cadre; standard workload = AWT ÷ activity standard (hours an item); category allowance factor CAF = 1 ÷ (1 − share of time on support activities); individual allowance factor IAF = individual allowance hours ÷ AWT; required staff = workload ÷ standard workload × CAF + IAF; WISN difference = existing − required; WISN ratio = existing ÷ required.",
    headers: [
        "Office",
        "Cadre",
        "AWT (h)",
        "CAF",
        "IAF",
        "Required",
        "Existing",
        "WISN difference",
        "WISN ratio",
        "Workload pressure",
    ],
    today: "Staff in post today",
    with_plan: "With the recommended staffing",
    shortage: "shortage",
    balanced: "balanced",
    excess: "excess",
    required_band: "Required, 5–95%",
    ratio_band: "WISN ratio, 5–95%",
    reading: "A WISN ratio of 1 means the staff in post match the workload; below 1 there are fewer than it requires, and the lower the ratio the greater the workload pressure; above 1 there are more (user's manual, step 8).",
    short: |office, cadre, required, existing| {
        format!("{office}: the workload requires {required:.2} {cadre}, and {existing} are in post.")
    },
    sheet: "wisn",
    band_headers: [
        "Required, 5%",
        "Required, 95%",
        "WISN ratio, 5%",
        "WISN ratio, 95%",
    ],
    standard_headers: [
        "Office",
        "Cadre",
        "Work type",
        "Standard workload (items a year)",
    ],
};

pub(super) const WISN_ZH: WisnWords = WisnWords {
    title: "按 WISN 测算的人员需求",
    intro: "世界卫生组织的人员配置需求工作量指标法（WISN）按人员类别测算工作量所需人数，并与现有人数比较（世界卫生组织，《人员配置需求工作量指标：用户手册》，2010 年）。",
    formulas: "可用工作时间（AWT)=（工作日 − 休假 − 培训）× 每日小时数，按人员类别计；标准工作量 = AWT ÷ 活动标准（每件小时数）；类别宽限系数 CAF = 1 ÷(1 − 支持性活动时间比例）；个人宽限系数 IAF = 个人宽限小时数 ÷ AWT；所需人数 = 工作量 ÷ 标准工作量 × CAF + IAF;WISN 差额 = 现有 − 所需；WISN 比率 = 现有 ÷ 所需。",
    headers: [
        "部门",
        "人员类别",
        "可用工作时间（小时）",
        "CAF",
        "IAF",
        "所需人数",
        "现有人数",
        "WISN 差额",
        "WISN 比率",
        "工作压力",
    ],
    today: "目前在岗人员",
    with_plan: "按建议配置",
    shortage: "不足",
    balanced: "平衡",
    excess: "富余",
    required_band: "所需人数 5–95%",
    ratio_band: "WISN 比率 5–95%",
    reading: "WISN 比率为 1 表示在岗人数与工作量相符；小于 1 表示人数少于工作量所需，比率越低工作压力越大；大于 1 表示人数多于所需（用户手册第 8 步）。",
    short: |office, cadre, required, existing| {
        format!("{office}：工作量需要{cadre}{required:.2}人，现有{existing}人。")
    },
    sheet: "WISN 测算",
    band_headers: [
        "所需人数 5%",
        "所需人数 95%",
        "WISN 比率 5%",
        "WISN 比率 95%",
    ],
    standard_headers: ["部门", "人员类别", "工作类型", "标准工作量（每年件数）"],
};
