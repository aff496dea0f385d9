//! What the terminal says when a command fails, in the scenario's language: a scenario's
//! errors (said again from their data), the optimiser's refusal, the limits of a simulation, a
//! plan or a sensitivity request, and files that cannot be read or written. In English the
//! errors' own words (their `Display`); in Chinese said again from their data, with what a
//! library or the system said quoted where it is all there is.

use crate::error::Error;
use crate::model::Language;
use crate::multiyear::{PlanError, MAX_BAND_VALUES as MAX_STAFF_FIGURES, MAX_PERSON_YEARS};
use crate::sensitivity::{SensitivityError, MAX_FIGURES};
use crate::simulate::{
    SimulateError, MAX_BAND_VALUES, MAX_DAYS, MAX_ITEMS, MAX_ITEMS_PER_RUN, MAX_OFFICE_DAYS,
    MAX_PEOPLE, MAX_RUNS, MIN_BAND_RUNS,
};

/// The whole of what the terminal prints for `error` in `language`.
pub fn failure(language: Language, error: &Error) -> String {
    if let Error::Scenario(diagnostics) = error {
        return super::problem::scenario_errors(language, diagnostics);
    }
    let prefix = super::terminal(language).check.error;
    match language {
        Language::En => format!("{prefix}{error}"),
        Language::Zh => {
            let (message, help) = chinese(error);
            format!("{prefix}{message}\n  提示：{help}")
        }
    }
}

/// (what is wrong, what to do) of an error in Chinese.
fn chinese(error: &Error) -> (String, String) {
    let fault = || "这是 staffplan 自身的故障，与情景无关；请连同情景文件一并报告".to_string();
    match error {
        // Said by `failure` before it comes here.
        Error::Scenario(_) => (String::new(), String::new()),
        Error::Read { path, source } => (
            format!("无法读取 {}：{}", path.display(), system(source)),
            "请确认文件存在且有读取权限".into(),
        ),
        Error::NotUtf8 {
            path,
            line,
            column,
            offset,
        } => (
            format!(
                "{}:{line}:{column}：文件不是 UTF-8 文本（第一个错误字节位于第 {offset} 字节）",
                path.display()
            ),
            "请把情景文件另存为 UTF-8 编码".into(),
        ),
        Error::Write { path, source } => (
            format!("无法写入 {}：{}", path.display(), system(source)),
            "请选择有写入权限的输出文件夹（--out DIR），并确认磁盘有足够空间".into(),
        ),
        Error::WriteNew { path, source } => (
            format!("无法创建 {}：{}", path.display(), system(source)),
            "请确认文件夹存在且有写入权限".into(),
        ),
        Error::WouldOverwrite { path } => (
            format!("--write {} 就是正在读取的情景文件", path.display()),
            "请把建议方案写入新文件（如 --write proposal.toml），或加上 --force 替换此文件（其中的注释会保留）".into(),
        ),
        Error::Exists { path } => (
            format!(
                "{} 已存在；staffplan 从不在已有文件上写入新的情景或模板",
                path.display()
            ),
            "请换一个文件名，或先把已有文件移走".into(),
        ),
        Error::Optimise(error) => super::clash::refusal_zh(error),
        Error::Simulate(error) => simulate(error),
        Error::Plan(error) => plan(error),
        Error::Sensitivity(error) => sensitivity(error),
        Error::Chart { name, source } => {
            let said = source.to_string();
            let first = said.lines().next().unwrap_or_default();
            (
                format!("无法绘制图表 \"{name}\"（程序的说明：\"{first}\"）"),
                fault(),
            )
        }
        Error::Document { file, message } => (
            format!("无法生成 {file}（程序的说明：\"{message}\"）"),
            fault(),
        ),
    }
}

/// What the system said of a file, in Chinese where it is one of the common cases.
fn system(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "找不到该文件或文件夹".into(),
        ErrorKind::PermissionDenied => "没有访问权限".into(),
        ErrorKind::AlreadyExists => "文件已存在".into(),
        ErrorKind::StorageFull => "磁盘空间已满".into(),
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件".into(),
        ErrorKind::ReadOnlyFilesystem => "文件系统是只读的".into(),
        _ => format!("系统的说明：\"{error}\""),
    }
}

fn threads(threads: usize, reason: &str) -> (String, String) {
    (
        format!("无法启动 {threads} 个工作线程（系统的说明：\"{reason}\"）"),
        "请减少 --threads".into(),
    )
}

fn no_threads() -> (String, String) {
    (
        "--threads 至少为 1".into(),
        "不写 --threads 即使用全部处理器核心".into(),
    )
}

fn simulate(error: &SimulateError) -> (String, String) {
    match error {
        SimulateError::NoRuns => (
            "--runs 至少为 1".into(),
            format!("请用 --runs 1000（默认值），或不超过 {MAX_RUNS} 的任意次数"),
        ),
        SimulateError::TooManyRuns { runs } => (
            format!("--runs {runs} 超过一次模拟允许的 {MAX_RUNS} 次"),
            format!("{MAX_RUNS} 次模拟已能使 5–95% 区间精确到不足百分之一"),
        ),
        SimulateError::NoDays => (
            "--days 至少为 1".into(),
            "不写 --days 即模拟一年的工作日".into(),
        ),
        SimulateError::TooManyDays { days } => (
            format!("--days {days} 超过每次模拟最多可覆盖的 {MAX_DAYS} 个工作日"),
            "请减少天数，或改为多次模拟、每次一年".into(),
        ),
        SimulateError::TooLongWarmup { warmup, days } => (
            format!("--warmup-days {warmup} 加上计入统计的 {days} 天，超过每次模拟最多可覆盖的 {MAX_DAYS} 个工作日"),
            "不写 --warmup-days（即 `auto`：预热一年，积压仍在变化时更长）".into(),
        ),
        SimulateError::NoWorkingDays => (
            "情景没有工作日（`working_days = 0`），既不会有工作到达，也无法办理".into(),
            "请在 `[calendar]` 中设置 `working_days`，如 250".into(),
        ),
        SimulateError::NoThreads => no_threads(),
        SimulateError::TooManyItemsPerRun { per_run } => (
            format!("每次模拟约有 {per_run:.0} 件工作，超过每次模拟最多可容纳的 {MAX_ITEMS_PER_RUN:.0} 件"),
            "请减少 --days".into(),
        ),
        SimulateError::TooManyPeople { people } => (
            format!("要模拟的组织有 {people} 人，超过模拟逐人跟踪的上限 {MAX_PEOPLE} 人"),
            "方案或情景的规模失当，请检查工时和件数是否小数点错位".into(),
        ),
        SimulateError::TooManyItems {
            runs,
            per_run,
            total,
        } => (
            format!("{runs} 次模拟、每次约 {per_run:.0} 件，共 {total:.0} 件，超过一次模拟最多可处理的 {MAX_ITEMS:.0} 件"),
            "请减少 --runs 或 --days".into(),
        ),
        SimulateError::TooMuchWork {
            runs,
            days,
            offices,
            total,
            fitting,
        } => (
            format!("{runs} 次模拟、每次 {days} 天（含预热）、{offices} 个机构，共 {total:.0} 个机构日，超过一次模拟最多可推进的 {MAX_OFFICE_DAYS:.0} 个"),
            format!("请减少 --runs（按这些天数最多 {fitting} 次）或 --days"),
        ),
        SimulateError::TooManyValues { per_run } => (
            format!("每次模拟产生 {per_run} 个数值（机构、工作类型和办理期限），即使只保留 {MIN_BAND_RUNS} 次用于区间，也超过一次模拟最多可保存的 {MAX_BAND_VALUES} 个数值"),
            "请把组织拆分为几个情景".into(),
        ),
        SimulateError::Threads { threads: n, reason } => threads(*n, reason),
    }
}

fn plan(error: &PlanError) -> (String, String) {
    match error {
        PlanError::NoPlan => (
            "情景没有 `[plan]`，无从逐年规划".into(),
            "请加上 `[plan]`，写明 `years = 5`（以及 `start = 2018`，即第 1 年的年份）".into(),
        ),
        PlanError::Runs { runs } => (
            format!("--runs 必须在 1 至 {MAX_RUNS} 之间，现为 {runs}"),
            "请用 --runs 1000（默认值）".into(),
        ),
        PlanError::NoThreads => no_threads(),
        PlanError::TooManyPersonYears { runs, per_run } => (
            format!("--runs {runs} × 每次约 {per_run:.0} 人年，超过人员流失蒙特卡洛模拟逐人跟踪的上限 {MAX_PERSON_YEARS:e} 人年"),
            "请减少 --runs，或检查情景是否小数点错位（工时、件数、增长率）".into(),
        ),
        PlanError::TooManyValues {
            runs,
            offices,
            years,
        } => (
            format!("--runs {runs} × {offices} 个机构 × {years} 年，超过区间可保存的 {MAX_STAFF_FIGURES} 个人数数值"),
            "请减少 --runs".into(),
        ),
        PlanError::Threads { threads: n, reason } => threads(*n, reason),
    }
}

fn sensitivity(error: &SensitivityError) -> (String, String) {
    match error {
        SensitivityError::NoDraws => (
            "--draws 至少为 1".into(),
            "请用 --draws 1000（默认值）".into(),
        ),
        SensitivityError::TooMany { draws, per_draw } => (
            format!("{draws} 次抽样、每次 {per_draw} 个数值，超过一次请求最多可保存的 {MAX_FIGURES} 个数值"),
            "请减少 --draws（1,000 次已能把 5–95% 区间估计到几个百分点以内）".into(),
        ),
        SensitivityError::Threads { threads: n, reason } => threads(*n, reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartError;
    use crate::report::words::problem::tests::assert_chinese;
    use std::io::{Error as Io, ErrorKind};
    use std::path::PathBuf;

    #[test]
    fn every_failure_but_the_scenario_s_is_said_in_chinese() {
        let path = || PathBuf::from("pack/report.html");
        let reason = || "Resource temporarily unavailable".to_string();
        let mut errors = vec![
            Error::Read {
                path: path(),
                source: Io::from(ErrorKind::NotFound),
            },
            Error::NotUtf8 {
                path: path(),
                line: 3,
                column: 7,
                offset: 41,
            },
            Error::Write {
                path: path(),
                source: Io::from(ErrorKind::StorageFull),
            },
            Error::WriteNew {
                path: path(),
                source: Io::other("disk on fire"),
            },
            Error::WouldOverwrite { path: path() },
            Error::Exists { path: path() },
            Error::Chart {
                name: "backlog".into(),
                source: ChartError::Font,
            },
            Error::Document {
                file: "report.docx",
                message: "zip writer failed".into(),
            },
        ];
        errors.extend(
            [
                SimulateError::NoRuns,
                SimulateError::TooManyRuns { runs: 200_000 },
                SimulateError::NoDays,
                SimulateError::TooManyDays { days: 200_000 },
                SimulateError::TooLongWarmup {
                    warmup: 99_000,
                    days: 2_000,
                },
                SimulateError::NoWorkingDays,
                SimulateError::NoThreads,
                SimulateError::TooManyItemsPerRun { per_run: 2e7 },
                SimulateError::TooManyPeople { people: 200_000 },
                SimulateError::TooManyItems {
                    runs: 1_000,
                    per_run: 2e6,
                    total: 2e9,
                },
                SimulateError::TooMuchWork {
                    runs: 1_000,
                    days: 500,
                    offices: 30_000,
                    total: 1.5e10,
                    fitting: 666,
                },
                SimulateError::TooManyValues { per_run: 400_000 },
                SimulateError::Threads {
                    threads: 64,
                    reason: reason(),
                },
            ]
            .map(Error::Simulate),
        );
        errors.extend(
            [
                PlanError::NoPlan,
                PlanError::Runs { runs: 0 },
                PlanError::NoThreads,
                PlanError::TooManyPersonYears {
                    runs: 1_000,
                    per_run: 2e6,
                },
                PlanError::TooManyValues {
                    runs: 100_000,
                    offices: 2_000,
                    years: 50,
                },
                PlanError::Threads {
                    threads: 64,
                    reason: reason(),
                },
            ]
            .map(Error::Plan),
        );
        errors.extend(
            [
                SensitivityError::NoDraws,
                SensitivityError::TooMany {
                    draws: 100_000,
                    per_draw: 500,
                },
                SensitivityError::Threads {
                    threads: 64,
                    reason: reason(),
                },
            ]
            .map(Error::Sensitivity),
        );
        for error in &errors {
            assert_chinese(&chinese(error));
        }
        assert_eq!(
            failure(Language::Zh, &Error::Plan(PlanError::NoPlan)),
            "错误：情景没有 `[plan]`，无从逐年规划\n  提示：请加上 `[plan]`，写明 `years = 5`（以及 `start = 2018`，即第 1 年的年份）"
        );
        assert_eq!(
            failure(Language::En, &Error::Plan(PlanError::NoPlan)),
            format!("error: {}", PlanError::NoPlan)
        );
    }
}
