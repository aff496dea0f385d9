//! [`Entry`] problems in Chinese.

use crate::scenario::problem::Entry;

pub(super) fn chinese(problem: &Entry) -> (String, String) {
    match problem {
        Entry::NoName => (
            "情景没有名称".into(),
            "请在文件开头写 `[scenario]`，并在其下写 `name = \"…\"`".into(),
        ),
        Entry::UnknownLanguage { found } => (
            format!("未知的语言 \"{found}\""),
            "请写 \"en\"（英文）或 \"zh\"（中文）".into(),
        ),
        Entry::WrongType { library } => (
            wrong_type(library),
            "请按格式要求的类型填写（各键的类型见 `staffplan schema`）".into(),
        ),
        Entry::NotArrayOfTables { kind } => {
            let name = kind.array();
            (
                format!("`{name}` 必须写成表数组"),
                format!("请把每一项写成一个 `[[{name}]]` 表"),
            )
        }
        Entry::TooMany { kind, count, most } => (
            format!(
                "`[[{}]]` 共有 {count} 项，超过允许的 {most} 项",
                kind.array()
            ),
            "请把组织拆分为几个情景分别计算".into(),
        ),
        Entry::NoId { kind, number } => (
            format!("`[[{}]]` 第 {number} 项没有 `id`", kind.array()),
            format!(
                "请加上 `id = \"…\"`，各{}的编号不得重复",
                super::noun(*kind)
            ),
        ),
        Entry::EmptyId => ("编号为空".into(), "请写上编号，如 \"audit\"".into()),
        Entry::DuplicateId {
            kind,
            id,
            first_line,
        } => (
            format!(
                "{}编号 \"{id}\" 重复（第 {first_line} 行已经用过）",
                super::noun(*kind)
            ),
            format!("请给每个{}各取一个不同的编号", super::noun(*kind)),
        ),
        Entry::UnknownId { kind, id, ids } => {
            let noun = super::noun(*kind);
            (
                format!("未知的{noun} \"{id}\""),
                super::known_ids(ids, noun),
            )
        }
        Entry::MissingKey { key } => (format!("缺少 `{key}`"), format!("请加上 `{key} = …`")),
    }
}

/// A type error from the TOML library's words ("invalid type: string \"x\", expected f64"):
/// the type expected and the value found where they can be recognised, else the library's
/// text quoted.
fn wrong_type(library: &str) -> String {
    let parts = library.rsplit_once(", expected ");
    let expected = parts.and_then(|(found, expected)| {
        Some(match expected {
            "f64" | "f32" | "u64" | "u32" | "i64" | "i32" | "usize" | "a number" => {
                if found == "invalid type: map" {
                    "数值（此键不接受区间）"
                } else {
                    "数值"
                }
            }
            "a string" => "文字",
            "a boolean" => "布尔值（`true` 或 `false`）",
            "a sequence" => "数组 `[…]`",
            "a table of ids" => "以编号为键的表",
            "a map" => "表 `{ … }`",
            e if e.starts_with("struct ") => "表",
            _ => return None,
        })
    });
    let Some(expected) = expected else {
        return format!("值的类型不对（TOML 库的说明：{}）", quoted(library));
    };
    let found = parts
        .and_then(|(found, _)| found.strip_prefix("invalid type: "))
        .and_then(|found| {
            if found == "sequence" {
                return Some("数组".to_string());
            }
            let (what, value) = found.split_once(' ')?;
            let what = match what {
                "integer" => "整数 ",
                "floating" => return Some(format!("数值 {}", value.strip_prefix("point ")?)),
                "string" => "文字 ",
                "boolean" => "布尔值 ",
                _ => return None,
            };
            Some(format!("{what}{value}"))
        });
    match found {
        Some(found) => format!("值的类型不对：应为{expected}，现为{found}"),
        None => format!("值的类型不对：应为{expected}"),
    }
}

/// A text between the quotes it does not hold.
fn quoted(text: &str) -> String {
    if !text.contains('"') {
        format!("\"{text}\"")
    } else if !text.contains('`') {
        format!("`{text}`")
    } else {
        format!("“{text}”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::problem::tests::assert_chinese;
    use crate::scenario::problem::{KnownIds, Named};

    fn said(library: &str) -> String {
        chinese(&Entry::WrongType {
            library: library.into(),
        })
        .0
    }

    #[test]
    fn every_entry_problem_is_said_in_chinese() {
        let wrong = |library: &str| Entry::WrongType {
            library: library.into(),
        };
        let unknown = |nearest: Option<&str>, known: &[&str], count| Entry::UnknownId {
            kind: Named::StaffType,
            id: "establishmnet".into(),
            ids: KnownIds {
                nearest: nearest.map(str::to_string),
                shown: known.iter().map(|k| k.to_string()).collect(),
                count,
            },
        };
        for problem in [
            Entry::NoName,
            Entry::UnknownLanguage { found: "fr".into() },
            wrong("invalid type: string \"250\", expected f64"),
            wrong("invalid type: map, expected f64"),
            wrong("invalid type: integer `3`, expected a string"),
            wrong("invalid type: floating point `1.5`, expected a string"),
            wrong("invalid type: boolean `true`, expected a number"),
            wrong("invalid type: sequence, expected a table of ids"),
            wrong("invalid type: string \"auditor\", expected a sequence"),
            wrong("invalid type: integer `1`, expected a boolean"),
            wrong("invalid type: integer `3`, expected struct StaffType"),
            wrong("invalid type: map, expected a string"),
            wrong("invalid length 1, expected struct Calendar with 6 elements"),
            wrong("unknown variant `x`, expected `a` or `b`"),
            Entry::NotArrayOfTables {
                kind: Named::Office,
            },
            Entry::TooMany {
                kind: Named::Unit,
                count: 20_001,
                most: 20_000,
            },
            Entry::NoId {
                kind: Named::Work,
                number: 3,
            },
            Entry::EmptyId,
            Entry::DuplicateId {
                kind: Named::Office,
                id: "audit".into(),
                first_line: 12,
            },
            unknown(Some("establishment"), &["establishment", "contract"], 2),
            unknown(None, &["establishment", "contract"], 2),
            unknown(None, &[], 0),
            unknown(None, &["a"; 12], 30),
            Entry::MissingKey { key: "name".into() },
        ] {
            assert_chinese(&chinese(&problem));
        }
    }

    #[test]
    fn a_type_error_names_the_type_expected_and_the_value_found() {
        assert_eq!(
            said("invalid type: string \"250\", expected f64"),
            "值的类型不对：应为数值，现为文字 \"250\""
        );
        assert_eq!(
            said("invalid type: map, expected f64"),
            "值的类型不对：应为数值（此键不接受区间）"
        );
        assert_eq!(
            said("invalid type: integer `3`, expected struct StaffType"),
            "值的类型不对：应为表，现为整数 `3`"
        );
        assert_eq!(
            said("invalid type: floating point `1.5`, expected a string"),
            "值的类型不对：应为文字，现为数值 `1.5`"
        );
        assert_eq!(
            said("invalid type: integer `1`, expected a boolean"),
            "值的类型不对：应为布尔值（`true` 或 `false`），现为整数 `1`"
        );
        assert_eq!(
            said("invalid type: boolean `true`, expected f64"),
            "值的类型不对：应为数值，现为布尔值 `true`"
        );
        assert_eq!(
            said("unknown variant `x`, expected `a` or `b`"),
            "值的类型不对（TOML 库的说明：\"unknown variant `x`, expected `a` or `b`\"）"
        );
        // Between full-width quotes when it holds both kinds of the file's.
        assert_eq!(
            said("invalid value: string \"x\", expected `a` or `b`"),
            "值的类型不对（TOML 库的说明：“invalid value: string \"x\", expected `a` or `b`”）"
        );
    }

    #[test]
    fn an_unknown_id_is_said_with_the_ids_declared() {
        assert_eq!(
            chinese(&Entry::UnknownId {
                kind: Named::Office,
                id: "adit".into(),
                ids: KnownIds::of("adit", &["audit", "quality"]),
            }),
            (
                "未知的机构 \"adit\"".to_string(),
                "是否应为 \"audit\"？现有的机构：\"audit\"、\"quality\"".to_string()
            )
        );
    }
}
