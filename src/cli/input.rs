//! Reading a scenario file (or standard input): size-limited, UTF-8 checked, parsed and
//! validated with the command line's `--set` overrides; warnings on stderr unless quiet.
//! The only place that reads input files.

use std::path::Path;

use super::args::Args;
use crate::error::Error;
use crate::model::Language;
use crate::scenario::{self, Loaded};

/// The language of the last scenario read, for the lines printed after it (an error's
/// prefix); English before any.
static LANGUAGE: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

/// The language of the scenario read (English before any).
pub(super) fn terminal_language() -> Language {
    LANGUAGE.get().copied().unwrap_or(Language::En)
}

/// Says what follows in `language` (a scenario that could not be read, in the language it
/// asks for); the first language set stays.
pub(super) fn set_terminal_language(language: Language) {
    let _ = LANGUAGE.set(language);
}

/// A scenario file read and validated, with its text (for `--write` and the annotations).
pub(super) struct Input {
    pub(super) text: String,
    pub(super) loaded: Loaded,
}

/// Reads and validates a scenario file (`-`: standard input); warnings go to stderr unless
/// quiet.
pub(super) fn load(path: &Path, args: &Args) -> Result<Input, Error> {
    let quiet = args.quiet;
    let name = path.display().to_string();
    let bytes = read_limited(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let Some(bytes) = bytes else {
        let size = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        return Err(Error::Scenario(vec![scenario::too_large(&name, size)]));
    };
    if super::sheets::is_workbook(path, &bytes) {
        let input = super::sheets::load_workbook(&bytes, &name, args)?;
        let _ = LANGUAGE.set(input.loaded.scenario.language);
        return Ok(input);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Error::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
            offset: valid.len(),
        }
    })?;
    let loaded = scenario::parse_with(&text, &name, &args.set).map_err(|errors| {
        // Its errors are said in the language the file asks for.
        let _ = LANGUAGE.set(scenario::language_of(&text));
        Error::Scenario(errors)
    })?;
    let _ = LANGUAGE.set(loaded.scenario.language);
    if !quiet {
        for warning in &loaded.warnings {
            eprintln!("{}", said(&loaded, warning));
        }
    }
    Ok(Input { text, loaded })
}

/// The bytes of a file or of standard input (`-`), or `None` when there are more than a
/// scenario may have: a huge file or an endless device is refused without being read into
/// memory (at most one byte past the limit is read).
fn read_limited(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let limit = scenario::MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)?;
    } else {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.len() >= limit {
            return Ok(None);
        }
        file.take(limit).read_to_end(&mut bytes)?;
    }
    Ok(Some(bytes).filter(|b| b.len() <= scenario::MAX_FILE_BYTES))
}

/// The peer organisations of a scenario (`[scenario] peers`, SPEC §14), read relative to the
/// scenario's own file (to the working folder for standard input), without the command
/// line's `--set`, which is about the scenario being run. A peer that cannot be read or is
/// not valid stops the run, named by its path.
pub(super) fn load_peers(
    file: &Path,
    peers: &[String],
    quiet: bool,
) -> Result<Vec<(String, Loaded)>, Error> {
    let folder = match file.as_os_str() == "-" {
        true => Path::new(""),
        false => file.parent().unwrap_or(Path::new("")),
    };
    peers
        .iter()
        .take(crate::benchmark::MAX_PEERS.saturating_sub(1))
        .map(|peer| {
            let path = folder.join(peer);
            let name = path.display().to_string();
            let read = |source| Error::Read {
                path: path.clone(),
                source,
            };
            let bytes = read_limited(&path)
                .map_err(read)?
                .ok_or_else(|| Error::Scenario(vec![scenario::too_large(&name, None)]))?;
            let text = String::from_utf8(bytes)
                .map_err(|e| read(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
            let loaded = scenario::parse_with(&text, &name, &[]).map_err(Error::Scenario)?;
            if !quiet {
                for warning in &loaded.warnings {
                    eprintln!("{}", said(&loaded, warning));
                }
            }
            Ok((name, loaded))
        })
        .collect()
}

/// A warning of `loaded` in its scenario's language.
pub(super) fn said(loaded: &Loaded, warning: &scenario::Diagnostic) -> String {
    crate::report::words::scenario_diagnostic(loaded.scenario.language, warning)
}
