//! The spreadsheet commands (SPEC §15): `template` writes the workbook to fill in, `import`
//! prints or writes the scenario a workbook holds, and every command given a `.xlsx` reads it
//! through the same import ([`load_workbook`]).

use std::path::Path;

use super::args::{Args, LangArg};
use super::input::{load, Input};
use super::print;
use crate::error::Error;
use crate::model::Language;
use crate::{report, scenario, starter};

/// Is the file a workbook (by its name, or by the zip signature every .xlsx starts with)?
pub(super) fn is_workbook(path: &Path, bytes: &[u8]) -> bool {
    let named = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    named || bytes.starts_with(b"PK\x03\x04")
}

/// A workbook's scenario, read by the import; warnings go to stderr unless quiet.
pub(super) fn load_workbook(bytes: &[u8], name: &str, args: &Args) -> Result<Input, Error> {
    let (imported, loaded) =
        scenario::workbook::import(bytes, name, &args.set).map_err(|errors| {
            // Its errors are said in the language of the workbook.
            super::input::set_terminal_language(scenario::workbook::language(bytes));
            Error::Scenario(errors)
        })?;
    if !args.quiet {
        for warning in &loaded.warnings {
            eprintln!("{}", super::input::said(&loaded, warning));
        }
    }
    Ok(Input {
        text: imported.text,
        loaded,
    })
}

/// `staffplan template BOOK.xlsx [--lang zh|en] [--from SCENARIO]`.
pub(super) fn template(
    book: &Path,
    lang: Option<LangArg>,
    from: Option<&Path>,
    args: &Args,
) -> Result<(), Error> {
    let lang = lang.map(|l| match l {
        LangArg::En => Language::En,
        LangArg::Zh => Language::Zh,
    });
    let (text, language) = match from {
        Some(path) => {
            let Input { text, loaded } = load(path, args)?;
            let language = lang.unwrap_or(loaded.scenario.language);
            (text, language)
        }
        None => {
            let language = lang.unwrap_or(Language::En);
            (starter::template_example(language).to_string(), language)
        }
    };
    super::input::set_terminal_language(language);
    let bytes = report::template(&text, language)?;
    report::write_new_file(book, &bytes)?;
    if !args.quiet {
        let w = report::words::terminal(language);
        eprintln!("{}", (w.check.template)(&book.display().to_string()));
    }
    Ok(())
}

/// `staffplan import BOOK.xlsx [--out SCENARIO.toml]`: the scenario text, checked, with the
/// cell of each value.
pub(super) fn import(book: &Path, args: &Args) -> Result<(), Error> {
    let Input { text, loaded } = load(book, args)?;
    match &args.out {
        Some(out) => {
            report::write_file(out, text.as_bytes())?;
            if !args.quiet {
                let w = report::words::terminal(loaded.scenario.language);
                eprintln!("{}", (w.check.wrote)(&out.display().to_string()));
            }
        }
        None => print(&text),
    }
    Ok(())
}
