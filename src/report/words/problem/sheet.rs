//! [`Sheet`] problems in Chinese.

use crate::scenario::problem::{Held, Sheet};

/// The help of a workbook that cannot be read.
const SAVE_AS_XLSX: &str = "请在 Excel、WPS 或 LibreOffice 中把文件另存为 Excel 工作簿（.xlsx），或用 `staffplan template` 生成工作簿";

/// What a cell holds, in Chinese.
fn held(held: &Held) -> String {
    match held {
        Held::Formula => "未算出结果的公式".into(),
        Held::Date => "日期".into(),
        Held::ErrorValue(e) => format!("错误值 `{e}`"),
    }
}

pub(super) fn chinese(problem: &Sheet) -> (String, String) {
    match problem {
        Sheet::Unreadable { sheet, why } => (
            match sheet {
                Some(sheet) => format!(
                    "不是可以读取的 .xlsx 工作簿（工作表 \"{sheet}\"，读取程序的说明：\"{why}\"）"
                ),
                None => format!("不是可以读取的 .xlsx 工作簿（读取程序的说明：\"{why}\"）"),
            },
            SAVE_AS_XLSX.into(),
        ),
        Sheet::Unpacked { megabytes } => (
            format!("不是可以读取的 .xlsx 工作簿（其各部分解压后超过 {megabytes} MB）"),
            SAVE_AS_XLSX.into(),
        ),
        Sheet::TooManyCells { most } => (
            format!("工作簿的单元格超过 {most} 个"),
            "请只保留模板中的工作表；一个组织的数据远用不了这么多单元格".into(),
        ),
        Sheet::UnknownTable { table } => (
            format!("该工作表隐藏的第 1 行写的是 `{table}`，这不是情景格式中的表"),
            "请用 `staffplan template` 生成工作簿，再把数据复制进去".into(),
        ),
        Sheet::MergedCells => (
            "有合并单元格：合并区域只存放一个值，却占了多个单元格".into(),
            "请取消合并（开始 → 合并后居中 → 取消单元格合并），并在每个单元格中分别填写".into(),
        ),
        Sheet::NoKeyRow => (
            "工作簿中没有一张工作表带有 staffplan 隐藏的键行".into(),
            "请用 `staffplan template BOOK.xlsx` 生成工作簿后填写".into(),
        ),
        Sheet::SecondRow { sheet, row } => (
            format!("工作表 \"{sheet}\" 只能有一行数据，第 {row} 行是多出来的"),
            "请把数据留在表头下的第一行，删除其余各行".into(),
        ),
        Sheet::NoId => (
            "编号为空或不是文字".into(),
            "请在此单元格填写人员类别的编号（字母、数字、`-` 或 `_`）".into(),
        ),
        Sheet::NoParent => (
            "此行所属的条目为空".into(),
            "请在此单元格填写所属条目（如工作类型）的编号".into(),
        ),
        Sheet::UnknownParent { id, near, known } => (
            format!("没有编号为 `{id}` 的条目"),
            match near {
                Some(near) => format!("是否应为 `{near}`？"),
                None => format!("请使用以下编号之一：{}", super::in_backticks(known)),
            },
        ),
        Sheet::TextForNumber { text } => (
            format!("此处应填数，却是文字 \"{text}\""),
            "请只填数，不带单位、空格或文字；说明请写在“说明与出处”列".into(),
        ),
        Sheet::BoolForNumber => ("此处应填数，却是 `TRUE`/`FALSE`".into(), "请填数".into()),
        Sheet::NoValue { held: what } => (
            format!("单元格中是{}", held(what)),
            "请填写数值本身；公式须算出结果并保存（在 Excel、WPS 或 LibreOffice 中打开文件后保存）"
                .into(),
        ),
        Sheet::NotTrueFalse => (
            "值既不是 `TRUE` 也不是 `FALSE`".into(),
            "请从单元格的下拉列表中选择 `TRUE` 或 `FALSE`".into(),
        ),
        Sheet::RangeWithoutLikely => (
            "区间缺少最可能值：“最可能”一列的单元格为空".into(),
            "请在“最低”与“最高”之间的一列填写最可能值，或把最低值和最高值都清空".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::problem::tests::assert_chinese;

    #[test]
    fn every_sheet_problem_is_said_in_chinese() {
        for problem in [
            Sheet::Unreadable {
                sheet: None,
                why: "invalid Zip archive".into(),
            },
            Sheet::Unreadable {
                sheet: Some("Work".into()),
                why: "unexpected end of file".into(),
            },
            Sheet::Unpacked { megabytes: 256 },
            Sheet::TooManyCells { most: 1_000_000 },
            Sheet::UnknownTable {
                table: "offices".into(),
            },
            Sheet::MergedCells,
            Sheet::NoKeyRow,
            Sheet::SecondRow {
                sheet: "Calendar".into(),
                row: 5,
            },
            Sheet::NoId,
            Sheet::NoParent,
            Sheet::UnknownParent {
                id: "reveiw".into(),
                near: Some("review".into()),
                known: vec!["review".into(), "audit".into()],
            },
            Sheet::UnknownParent {
                id: "zzz".into(),
                near: None,
                known: vec!["review".into(), "audit".into()],
            },
            Sheet::TextForNumber {
                text: "about 12 hours".into(),
            },
            Sheet::BoolForNumber,
            Sheet::NoValue {
                held: Held::Formula,
            },
            Sheet::NoValue { held: Held::Date },
            Sheet::NoValue {
                held: Held::ErrorValue("#DIV/0!".into()),
            },
            Sheet::NotTrueFalse,
            Sheet::RangeWithoutLikely,
        ] {
            assert_chinese(&chinese(&problem));
        }
        assert_eq!(
            chinese(&Sheet::TextForNumber {
                text: "12 小时".into()
            }),
            (
                "此处应填数，却是文字 \"12 小时\"".to_string(),
                "请只填数，不带单位、空格或文字；说明请写在“说明与出处”列".to_string()
            )
        );
    }
}
