//! [`Input`] problems in Chinese.

use crate::scenario::problem::{Input, KnownIds};
use crate::scenario::{MAX_FILE_BYTES, PATHS};

/// The input paths, each in backticks.
fn paths() -> String {
    super::in_backticks(&PATHS.split(", ").collect::<Vec<_>>())
}

pub(super) fn chinese(problem: &Input) -> (String, String) {
    match problem {
        Input::Syntax { message } => (
            format!("此处写法有误（解析程序的说明：\"{message}\"）"),
            "请修正此处的 TOML 语法（引号、括号、`key = value` 的写法）".into(),
        ),
        Input::UnknownKey { key, near, allowed } => (
            format!("格式中没有键 `{key}`"),
            match near {
                Some(near) => format!("是否应为 `{near}`？此处允许的键：{}", super::in_backticks(allowed)),
                None => format!("请删除该键；此处允许的键：{}", super::in_backticks(allowed)),
            },
        ),
        Input::FileTooLarge { size } => (
            match size {
                Some(n) => format!(
                    "文件有 {n} 字节，超过情景文件最多允许的 {MAX_FILE_BYTES} 字节"
                ),
                None => format!("文件超过情景文件最多允许的 {MAX_FILE_BYTES} 字节"),
            },
            "请把该组织拆分为几个情景".into(),
        ),
        Input::CommentInValue => (
            "`#` 在 TOML 中表示注释，而 `--set` 的值中不能有注释".into(),
            "请删去注释；含有 `#` 的文字请放在引号中".into(),
        ),
        Input::ValueNotToml { message } => (
            format!("该值不是合法的 TOML（解析程序的说明：\"{message}\"）"),
            "请写一个数（如 130）、一个区间（如 `{ low = 110, likely = 130, high = 160 }`）或放在引号中的文字".into(),
        ),
        Input::SectionNotFigure { section } => {
            let shape = match section.as_str() {
                "staff" => "staff.TYPE.KEY",
                "office" | "unit" | "work" => "SECTION.ID.KEY",
                _ => "SECTION.KEY",
            };
            (
                format!("`{section}` 是整个表，不是其中的某个数值"),
                format!(
                    "请指明其中的数值：`{}`；可用的输入路径：{}",
                    shape.replace("SECTION", section),
                    paths()
                ),
            )
        }
        Input::UnknownPath { near } => (
            "没有这样的输入路径".into(),
            match near {
                Some(near) => format!("是否应为 `{near}.…`？可用的输入路径：{}", paths()),
                None => format!("可用的输入路径：{}", paths()),
            },
        ),
        Input::NoKeyAfterId {
            named: what,
            id,
            keys: allowed,
        } => (
            format!(
                "路径止于{} \"{id}\"，id 之后还需要写一个键",
                super::noun(*what)
            ),
            format!("请加上 `.KEY`；此处可用的键：{}", super::in_backticks(allowed)),
        ),
        Input::UnclosedQuote => (
            "加引号的 id 缺少后面的 `\"`".into(),
            "请把 id 写在一对双引号中，如 `office.\"a=b\".max_staff=3`".into(),
        ),
        Input::UnknownId {
            named: what,
            id,
            file,
            ids,
        } => (
            match file {
                Some(file) => format!("情景文件 `{file}` 中没有{} \"{id}\"", super::noun(*what)),
                None => format!("情景中没有{} \"{id}\"", super::noun(*what)),
            },
            super::known_ids(ids, super::noun(*what)),
        ),
        Input::NoEntry { named, id } => {
            let what = super::noun(*named);
            (
                format!("情景中没有{what} \"{id}\""),
                super::known_ids(&KnownIds::default(), what),
            )
        }
        Input::UnknownPathKey {
            key,
            near,
            keys: allowed,
        } => (
            format!("此处没有键 `{key}`"),
            match near {
                Some(near) => format!("是否应为 `{near}`？此处可用的键：{}", super::in_backticks(allowed)),
                None => format!("此处可用的键：{}", super::in_backticks(allowed)),
            },
        ),
        Input::NotTable { key } => (
            format!("情景文件中的 `{key}` 不是表"),
            "请先修正情景文件".into(),
        ),
        Input::NoNextEntry { follow, ids } => (
            format!("该工作类型没有指向 \"{follow}\" 的 `next` 条目"),
            if ids.count == 0 {
                "该工作类型不引发后续工作；请先在情景文件中为它加上 `next` 条目".into()
            } else {
                super::known_ids(ids, "后续工作类型")
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::problem::tests::assert_chinese;
    use crate::scenario::problem::Named;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_input_problem_is_said_in_chinese() {
        let many: Vec<String> = (1..=15).map(|i| format!("office{i}")).collect();
        for problem in [
            Input::Syntax {
                message: "invalid table header".into(),
            },
            Input::UnknownKey {
                key: "volumn".into(),
                near: Some("volume".into()),
                allowed: strings(&["id", "volume", "hours"]),
            },
            Input::UnknownKey {
                key: "colour".into(),
                near: None,
                allowed: strings(&["id", "volume"]),
            },
            Input::FileTooLarge {
                size: Some(20_000_000),
            },
            Input::FileTooLarge { size: None },
            Input::CommentInValue,
            Input::ValueNotToml {
                message: "invalid string".into(),
            },
            Input::SectionNotFigure {
                section: "calendar".into(),
            },
            Input::SectionNotFigure {
                section: "office".into(),
            },
            Input::UnknownPath {
                near: Some("calendar".into()),
            },
            Input::UnknownPath { near: None },
            Input::NoKeyAfterId {
                named: Named::Office,
                id: "audit".into(),
                keys: strings(&["name", "max_staff"]),
            },
            Input::UnclosedQuote,
            Input::UnknownId {
                named: Named::Work,
                id: "reveiw".into(),
                file: Some("city.toml".into()),
                ids: KnownIds::of("reveiw", &["review", "audit"]),
            },
            Input::UnknownId {
                named: Named::StaffType,
                id: "clerk".into(),
                file: None,
                ids: KnownIds::default(),
            },
            Input::UnknownId {
                named: Named::Unit,
                id: "zzz".into(),
                file: None,
                ids: KnownIds::of("u0", &many.iter().map(String::as_str).collect::<Vec<_>>()),
            },
            Input::NoEntry {
                named: Named::Work,
                id: "review".into(),
            },
            Input::UnknownPathKey {
                key: "hour".into(),
                near: Some("hours".into()),
                keys: strings(&["hours", "volume"]),
            },
            Input::UnknownPathKey {
                key: "colour".into(),
                near: None,
                keys: strings(&["hours"]),
            },
            Input::NotTable {
                key: "workload".into(),
            },
            Input::NoNextEntry {
                follow: "hearing".into(),
                ids: KnownIds::default(),
            },
            Input::NoNextEntry {
                follow: "hearng".into(),
                ids: KnownIds::of("hearng", &["hearing"]),
            },
        ] {
            assert_chinese(&chinese(&problem));
        }
        assert_eq!(
            chinese(&Input::UnknownKey {
                key: "volumn".into(),
                near: Some("volume".into()),
                allowed: strings(&["id", "volume", "hours"]),
            }),
            (
                "格式中没有键 `volumn`".to_string(),
                "是否应为 `volume`？此处允许的键：`id`、`volume`、`hours`".to_string()
            )
        );
        assert_eq!(
            chinese(&Input::UnknownId {
                named: Named::Work,
                id: "reveiw".into(),
                file: None,
                ids: KnownIds::of("reveiw", &["review", "audit"]),
            }),
            (
                "情景中没有工作类型 \"reveiw\"".to_string(),
                "是否应为 \"review\"？现有的工作类型：\"review\"、\"audit\"".to_string()
            )
        );
    }
}
