//! [`Value`] problems in Chinese.

use crate::scenario::problem::Value;
use crate::scenario::validate::{MAX_GROWTH, MAX_REAL, MAX_TEXT_CHARS, MIN_REAL};

pub(super) fn chinese(problem: &Value) -> (String, String) {
    match problem {
        Value::EmptyText => ("文字为空".into(), "请写上名称".into()),
        Value::TooLong { length } => (
            format!("文字有 {length} 个字符，超过名称、标识或标签最多允许的 {MAX_TEXT_CHARS} 个"),
            "请缩短；较长的说明请写在注释里".into(),
        ),
        Value::ControlCharacter { code } => (
            format!("文字含有控制字符 U+{code:04X}"),
            "请删除：名称、标识和标签会原样印在图表和报告中".into(),
        ),
        Value::NotFinite { key, found } => (
            format!("`{key}` 必须是有限的数，现为 {found}"),
            "请写普通的数，如 12.5".into(),
        ),
        Value::Negative { key, found } => (
            format!("`{key}` 不能为负数，现为 {found}"),
            "请写 0 或正数".into(),
        ),
        Value::TooLarge { key, found } => (
            format!("`{key}` 为 {found:e}，超过允许的最大值（{MAX_REAL:e}）"),
            "请核对数值的单位：数值这么大时求和会失去精度，staffplan 不予接受".into(),
        ),
        Value::TooSmall { key, found } => (
            format!("`{key}` 为 {found:e}，小于允许的最小非零值（{MIN_REAL:e}）"),
            "如表示没有，请写 0；否则请核对数值的单位".into(),
        ),
        Value::RateTooLow { key, found } => (
            format!("`{key}` 是年变化率，必须大于 −1，现为 {found}"),
            "请把每年的变化写成小数：0.1 表示每年增加 10%，-0.05 表示每年减少 5%".into(),
        ),
        Value::RateTooHigh { key, found } => (
            format!("`{key}` 为 {found}，超过允许的最大年变化率（{MAX_GROWTH}：每年翻一番）"),
            "请把每年的变化写成小数：0.1 表示每年增加 10%".into(),
        ),
        Value::RangeMissing { key, bound } => (
            format!("`{key}` 的区间缺少 `{}`", bound.key()),
            format!("请写成 `{key} = {{ low = …, likely = …, high = … }}`，或只写一个数"),
        ),
        Value::RangeOutOfOrder {
            key,
            low,
            likely,
            high,
        } => (
            format!("`{key}` 的区间顺序不对：`low` {low}，`likely` {likely}，`high` {high}"),
            "请使 `low` ≤ `likely` ≤ `high`".into(),
        ),
        Value::NotShare { key, found } => (
            format!("`{key}` 是比例，必须在 0 到 1 之间，现为 {found}"),
            format!("请写成小数：15% 写作 {}", 0.15),
        ),
        Value::NotCount { key, found } => (
            format!("`{key}` 必须是 0 或正整数，现为 {found}"),
            "请写个数，如 3".into(),
        ),
        Value::NotWhole { key, found } => (
            format!("`{key}` 必须是整数，现为 {found}"),
            format!("请写 {} 或 {}", found.floor(), found.ceil()),
        ),
        Value::AboveMost { key, found, most } => (
            format!("`{key}` 为 {found}，超过允许的最大值（{most}）"),
            "请核对该数值".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::problem::tests::assert_chinese;
    use crate::scenario::problem::Bound;

    #[test]
    fn every_value_problem_is_said_in_chinese() {
        let key = || "volume".to_string();
        for problem in [
            Value::EmptyText,
            Value::TooLong { length: 300 },
            Value::ControlCharacter { code: 0x1b },
            Value::NotFinite {
                key: key(),
                found: f64::INFINITY,
            },
            Value::Negative {
                key: key(),
                found: -15.0,
            },
            Value::TooLarge {
                key: key(),
                found: 1e13,
            },
            Value::TooSmall {
                key: key(),
                found: 1e-7,
            },
            Value::RateTooLow {
                key: key(),
                found: -1.0,
            },
            Value::RateTooHigh {
                key: key(),
                found: 2.0,
            },
            Value::RangeMissing {
                key: key(),
                bound: Bound::High,
            },
            Value::RangeOutOfOrder {
                key: key(),
                low: 3.0,
                likely: 2.0,
                high: 4.0,
            },
            Value::NotShare {
                key: key(),
                found: 1.5,
            },
            Value::NotCount {
                key: key(),
                found: -1.0,
            },
            Value::NotWhole {
                key: key(),
                found: 2.5,
            },
            Value::AboveMost {
                key: key(),
                found: 2e6,
                most: 1e6,
            },
        ] {
            assert_chinese(&chinese(&problem));
        }
        assert_eq!(
            chinese(&Value::Negative {
                key: key(),
                found: -15.0
            }),
            (
                "`volume` 不能为负数，现为 -15".to_string(),
                "请写 0 或正数".to_string()
            )
        );
    }
}
