//! Problems of a workbook's cell (`staffplan import`, or `run` of a workbook).

/// What a cell holds that is not a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// A formula saved without its calculated value.
    Formula,
    Date,
    /// An error value of the spreadsheet (`#DIV/0!`, `#N/A`), as written.
    ErrorValue(String),
}

impl Held {
    /// In English, after "the cell holds".
    pub fn english(&self) -> String {
        match self {
            Held::Formula => "a formula without a calculated value".into(),
            Held::Date => "a date".into(),
            Held::ErrorValue(e) => format!("the error value {e}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Sheet {
    /// The file is not a workbook that can be read; `why` is the reading library's own
    /// (English) reason, `sheet` the sheet it was reading.
    Unreadable { sheet: Option<String>, why: String },
    /// The workbook's parts unpack to more than `megabytes`.
    Unpacked { megabytes: u64 },
    /// More than `most` cells in the workbook.
    TooManyCells { most: usize },
    /// The hidden row 1 of a sheet names a table the format does not have.
    UnknownTable { table: String },
    /// A merged range among the data or the hidden key row.
    MergedCells,
    /// No sheet has the hidden row of key paths.
    NoKeyRow,
    /// A second row (1-based) in a sheet of a single table (`[calendar]`).
    SecondRow { sheet: String, row: u32 },
    /// A staff type's row without its id.
    NoId,
    /// A nested sheet's row (`next`) without the entry it belongs to.
    NoParent,
    /// A nested sheet's row naming an entry that no row of its table has; `near` is the id it
    /// is likely a typo of, `known` the ids there are.
    UnknownParent {
        id: String,
        near: Option<String>,
        known: Vec<String>,
    },
    /// A text where a number is expected; `text` is its first 40 characters (and `…`).
    TextForNumber { text: String },
    /// TRUE or FALSE where a number is expected.
    BoolForNumber,
    /// A cell holding no value: a formula not calculated, a date, an error value.
    NoValue { held: Held },
    /// Neither TRUE nor FALSE where one of them is expected.
    NotTrueFalse,
    /// A range's low or high without its likely value.
    RangeWithoutLikely,
}

/// The help of a workbook that cannot be read.
const SAVE_AS_XLSX: &str = "save the file from Excel, WPS or LibreOffice as an Excel workbook (.xlsx), or make one with `staffplan template`";

impl Sheet {
    pub(super) fn english(&self) -> (String, String) {
        match self {
            Sheet::Unreadable { sheet, why } => (
                match sheet {
                    Some(sheet) => {
                        format!("not a readable .xlsx workbook (sheet {sheet}: {why})")
                    }
                    None => format!("not a readable .xlsx workbook ({why})"),
                },
                SAVE_AS_XLSX.into(),
            ),
            Sheet::Unpacked { megabytes } => (
                format!("not a readable .xlsx workbook (its parts unpack to more than {megabytes} MB)"),
                SAVE_AS_XLSX.into(),
            ),
            Sheet::TooManyCells { most } => (
                format!("the workbook has more than {most} cells"),
                "keep only the sheets of the template; an organisation fits in far fewer cells".into(),
            ),
            Sheet::UnknownTable { table } => (
                format!("the sheet's hidden row 1 names `{table}`, which is not a table of the format"),
                "make the workbook with `staffplan template` and copy the figures into it".into(),
            ),
            Sheet::MergedCells => (
                "merged cells: a merged range holds one value for several cells".into(),
                "unmerge the cells (Home → Merge → Unmerge) and type the value into each cell".into(),
            ),
            Sheet::NoKeyRow => (
                "no sheet of the workbook has staffplan's hidden key row".into(),
                "make the workbook with `staffplan template BOOK.xlsx` and fill it in".into(),
            ),
            Sheet::SecondRow { sheet, row } => (
                format!("the sheet {sheet} holds one row, and row {row} is a second"),
                "keep the figures on the first row under the headers and delete the others".into(),
            ),
            Sheet::NoId => (
                "the id is empty or not a text".into(),
                "type the staff type's id (letters, digits, `-` or `_`) in this cell".into(),
            ),
            Sheet::NoParent => (
                "the entry this row belongs to is empty".into(),
                "type the id of the entry (e.g. the work type) in this cell".into(),
            ),
            Sheet::UnknownParent { id, near, known } => (
                format!("unknown id `{id}`"),
                match near {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("use one of: {}", known.join(", ")),
                },
            ),
            Sheet::TextForNumber { text } => (
                format!("a text, \"{text}\", where a number is expected"),
                "type the number alone, without units, spaces or words; put remarks in the notes column".into(),
            ),
            Sheet::BoolForNumber => (
                "TRUE/FALSE where a number is expected".into(),
                "type the number".into(),
            ),
            Sheet::NoValue { held } => (
                format!("the cell holds {}", held.english()),
                "type the value itself; a formula needs its value calculated and saved (open the file in Excel, WPS or LibreOffice and save it)".into(),
            ),
            Sheet::NotTrueFalse => (
                "a value other than TRUE or FALSE".into(),
                "choose TRUE or FALSE from the cell's list".into(),
            ),
            Sheet::RangeWithoutLikely => (
                "a range needs its likely value, and that cell is empty".into(),
                "type the likely value in the column between low and high, or clear low and high".into(),
            ),
        }
    }
}
