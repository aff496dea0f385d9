//! The words of the steady state (SPEC §13): the summary's sentence on each office whose
//! backlog keeps growing, and the note on a simulation that started empty, in each language.

/// The steady state's words.
#[derive(Debug)]
pub struct SteadyWords {
    /// (when: `today`, `with_plan` or `in_file`; office; items its backlog grows by a year).
    pub unstable: fn(&str, &str, f64) -> String,
    pub today: &'static str,
    pub with_plan: &'static str,
    /// (the other side's file, in `compare`).
    pub in_file: fn(&str) -> String,
    /// (days): the simulated year started from an empty, idle office.
    pub started_empty: fn(u32) -> String,
}

pub(super) const STEADY_EN: SteadyWords = SteadyWords {
    unstable: |when, office, growth| {
        // Just at capacity the growth rounds to nothing, which would read as "about 0".
        let grows = match growth < 0.5 {
            true => "grows slowly, by less than one item a year".to_string(),
            false => format!("grows by about {growth:.0} a year"),
        };
        format!("{when}, {office} takes in more work than its people can do: its backlog {grows}; no deadline can be kept in the long run.")
    },
    today: "Today",
    with_plan: "With the recommended staffing",
    in_file: |file| format!("In {file}"),
    started_empty: |days| {
        format!("The simulation started empty: each simulated year of {days} days begins with an idle office and no backlog, which flatters an office near its capacity (run without --warmup-days 0 to start from steady operation).")
    },
};

pub(super) const STEADY_ZH: SteadyWords = SteadyWords {
    unstable: |when, office, growth| {
        let grows = match growth < 0.5 {
            true => "积压缓慢增加（每年不到1件）".to_string(),
            false => format!("积压每年约增加{growth:.0}件"),
        };
        format!("{when}，{office}收到的工作多于其人员所能完成的：{grows}，长期看任何办理时限都无法保证。")
    },
    today: "目前",
    with_plan: "按建议配置",
    in_file: |file| format!("在{file}中"),
    started_empty: |days| {
        format!("本次模拟从空起步：每个模拟年度（{days}个工作日）开始时机构空闲、没有积压，这会使接近满负荷的机构显得比实际宽松（去掉 --warmup-days 0 即从稳定运行状态开始模拟）。")
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_growth_that_rounds_to_nothing_is_said_to_be_slow() {
        let en = (STEADY_EN.unstable)("Today", "audit", 0.07);
        assert!(
            en.contains("grows slowly, by less than one item a year"),
            "{en}"
        );
        assert!((STEADY_EN.unstable)("Today", "audit", 5.7).contains("grows by about 6 a year"));
        let zh = (STEADY_ZH.unstable)("目前", "审计局", 0.07);
        assert!(zh.contains("积压缓慢增加（每年不到1件）"), "{zh}");
    }
}
