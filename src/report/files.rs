//! Every file staffplan writes goes through here, so that each appears whole or not at all.
//!
//! A single file is written to a temporary name beside it, synced and renamed over the target
//! (keeping the target's permissions). A pack (several files and a `charts/` folder) is written
//! into a staging folder beside the output folder and swapped in whole: an old pack survives
//! any failure, and a reader never sees new charts beside an old report. Temporary files and
//! staging folders are registered while they exist; an interrupt (SIGINT, SIGTERM) removes
//! them before the process exits, and never in the middle of a swap.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use crate::error::Error;

/// Paths to remove if the process is interrupted; the lock is held during a swap.
fn pending() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    static PENDING: OnceLock<Mutex<BTreeSet<PathBuf>>> = OnceLock::new();
    PENDING
        .get_or_init(|| Mutex::new(BTreeSet::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Installs the interrupt handler: temporary files and staging folders are removed, then the
/// process exits with 130 (the shell's code for an interrupted command). Called once by the
/// command line, which says what happened through `say` (told whether any file was already
/// written whole); library users who never call it keep their own signal handling.
pub fn clean_up_on_interrupt(say: fn(bool)) {
    let _ = ctrlc::set_handler(move || {
        // Held until the process exits: a writer waiting for it never creates another file
        // in a staging folder or a temporary file that this removal has already passed.
        let paths = pending();
        for path in paths.iter() {
            remove(path);
        }
        say(WRITTEN.load(Ordering::SeqCst));
        std::process::exit(130);
    });
}

/// Set once a file or folder is in place, so that an interrupt after it says so.
static WRITTEN: AtomicBool = AtomicBool::new(false);

/// Runs `f` (which creates files under a registered temporary path) with the lock held, so
/// that an interrupt removes the temporary path either before `f` starts or after it ends.
fn locked<T>(f: impl FnOnce() -> T) -> T {
    let _guard = pending();
    f()
}

fn remove(path: &Path) {
    if path.is_dir() {
        let _ = std::fs::remove_dir_all(path);
    } else {
        let _ = std::fs::remove_file(path);
    }
}

/// A temporary path, registered for removal on interrupt until dropped.
struct Temporary(PathBuf);

impl Temporary {
    fn new(path: PathBuf) -> Temporary {
        pending().insert(path.clone());
        Temporary(path)
    }

    /// The temporary is now in place under its final name: nothing to remove.
    fn settled(self) {
        pending().remove(&self.0);
        std::mem::forget(self);
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        remove(&self.0);
        pending().remove(&self.0);
    }
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates a folder and its parents, with an error that names it.
pub fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(write_error(dir))
}

/// A name beside `path`, hidden, marked with the process id.
fn beside(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{what}.{}", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes a whole file or nothing: the bytes go to a temporary file beside it, which is
/// synced and renamed over the target. A replaced file keeps its permissions.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, Error> {
    let mut written = write_files(&[(path.to_path_buf(), bytes)], &[])?;
    Ok(written.pop().unwrap_or_else(|| path.to_path_buf()))
}

/// Writes files that belong together (an LP file and its companions) as one set, whole or
/// not at all: every file goes to a temporary file beside its target first, then all are
/// renamed into place; the `stale` files of an earlier set that this one lacks are removed.
/// A target that is a symbolic link is replaced where it points, and keeps its permissions.
pub fn write_files(files: &[(PathBuf, &[u8])], stale: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut staged = Vec::new();
    for (path, bytes) in files {
        let target = match path.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => {
                std::fs::canonicalize(path).map_err(write_error(path))?
            }
            _ => path.clone(),
        };
        let temporary = Temporary::new(beside(&target, "tmp"));
        locked(|| write_synced(&temporary.0, bytes)).map_err(write_error(path))?;
        if let Ok(old) = std::fs::metadata(&target) {
            std::fs::set_permissions(&temporary.0, old.permissions()).map_err(write_error(path))?;
        }
        staged.push((temporary, target, path));
    }
    let guard = pending();
    let mut placed: Vec<&Path> = Vec::new();
    for (temporary, target, path) in &staged {
        if let Err(e) = std::fs::rename(&temporary.0, target) {
            // Part of a set is no set: the files already placed go too.
            for done in placed {
                let _ = std::fs::remove_file(done);
            }
            drop(guard);
            return Err(write_error(path)(e));
        }
        placed.push(target);
    }
    for path in stale {
        let _ = std::fs::remove_file(path);
    }
    WRITTEN.store(true, Ordering::SeqCst);
    drop(guard);
    Ok(staged
        .into_iter()
        .map(|(temporary, _, path)| {
            temporary.settled();
            path.clone()
        })
        .collect())
}

/// Writes a set of files (paths relative to `out`, `/`-separated) as one folder, whole or not
/// at all, and returns their paths under `out`.
///
/// Where `out` holds nothing but files of the same set (an earlier pack), the new folder
/// replaces it in two renames. Where the planner keeps other files there too, those are left
/// alone: the old pack's files are moved aside, the new ones moved in, and on any failure the
/// old ones are put back.
pub fn write_folder(out: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, Error> {
    // The folder itself first: a path that cannot be a folder fails here, naming it.
    let created = !out.exists();
    create_dir(out)?;
    let staged = stage(out, files);
    if staged.is_err() && created {
        // A first pack that failed (a full disk) leaves no empty folder behind.
        let _ = std::fs::remove_dir(out);
    }
    let staging = staged?;
    let names: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    // Held through the swap, so an interrupt waits until the folder is consistent.
    let guard = pending();
    let swapped = if holds_only(out, &names) {
        swap_whole(out, &staging.0)
    } else {
        swap_files(out, &staging.0, &names)
    };
    if swapped.is_ok() {
        WRITTEN.store(true, Ordering::SeqCst);
    }
    drop(guard);
    swapped?;
    staging.settled();
    Ok(files.iter().map(|(n, _)| out.join(n)).collect())
}

/// The files written into a staging folder beside `out`, each under the lock so that an
/// interrupt's removal of the folder is never followed by a file created in it.
fn stage(out: &Path, files: &[(String, Vec<u8>)]) -> Result<Temporary, Error> {
    let staging = Temporary::new(beside(out, "staging"));
    remove(&staging.0);
    for (name, bytes) in files {
        let path = staging.0.join(name);
        locked(|| -> Result<(), Error> {
            if let Some(dir) = path.parent() {
                create_dir(dir)?;
            }
            write_synced(&path, bytes).map_err(write_error(&out.join(name)))
        })?;
    }
    Ok(staging)
}

/// Whether every file under `out` is one of `names` (so `out` is an earlier pack).
fn holds_only(out: &Path, names: &BTreeSet<&str>) -> bool {
    fn walk(dir: &Path, prefix: &str, names: &BTreeSet<&str>) -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        entries.flatten().all(|entry| {
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            match entry.file_type() {
                // A folder the pack has no file in (the planner's, even empty) is not the pack's.
                Ok(t) if t.is_dir() => {
                    let inside = format!("{name}/");
                    names.iter().any(|n| n.starts_with(&inside))
                        && walk(&entry.path(), &inside, names)
                }
                Ok(_) => names.contains(name.as_str()),
                Err(_) => false,
            }
        })
    }
    walk(out, "", names)
}

fn swap_whole(out: &Path, staging: &Path) -> Result<(), Error> {
    let old = beside(out, "old");
    remove(&old);
    std::fs::rename(out, &old).map_err(write_error(out))?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(write_error(out)(e));
    }
    remove(&old);
    Ok(())
}

fn swap_files(out: &Path, staging: &Path, names: &BTreeSet<&str>) -> Result<(), Error> {
    let old = beside(out, "old");
    remove(&old);
    let mut moved_aside = Vec::new();
    let mut moved_in = Vec::new();
    let result = (|| -> Result<(), Error> {
        for name in names {
            let (target, aside, new) = (out.join(name), old.join(name), staging.join(name));
            if target.exists() {
                if let Some(dir) = aside.parent() {
                    create_dir(dir)?;
                }
                std::fs::rename(&target, &aside).map_err(write_error(&target))?;
                moved_aside.push(*name);
            }
            if let Some(dir) = target.parent() {
                create_dir(dir)?;
            }
            std::fs::rename(&new, &target).map_err(write_error(&target))?;
            moved_in.push(*name);
        }
        Ok(())
    })();
    if result.is_err() {
        for name in moved_in {
            let _ = std::fs::remove_file(out.join(name));
        }
        for name in moved_aside {
            let _ = std::fs::rename(old.join(name), out.join(name));
        }
    }
    remove(&old);
    remove(staging);
    result
}

/// Writes a whole new file, never replacing one: the bytes go to a temporary file beside it,
/// which is then linked to `path` (a link fails where `path` exists, so even a file created
/// meanwhile is kept) and removed. Where the file system has no links, the temporary file is
/// renamed after a last check.
pub fn write_new_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, Error> {
    let exists = || Error::Exists {
        path: path.to_path_buf(),
    };
    if path.symlink_metadata().is_ok() {
        return Err(exists());
    }
    let temporary = Temporary::new(beside(path, "new"));
    locked(|| write_synced(&temporary.0, bytes)).map_err(new_error(path))?;
    match locked(|| std::fs::hard_link(&temporary.0, path)) {
        Ok(()) => {
            WRITTEN.store(true, Ordering::SeqCst);
            Ok(path.to_path_buf())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        Err(_) if path.symlink_metadata().is_ok() => Err(exists()),
        Err(_) => {
            std::fs::rename(&temporary.0, path).map_err(new_error(path))?;
            WRITTEN.store(true, Ordering::SeqCst);
            temporary.settled();
            Ok(path.to_path_buf())
        }
    }
}

fn new_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::WriteNew {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A first pack that cannot be written (here a name no file system takes, as a full disk
    /// fails a write) leaves neither the folder nor its staging behind.
    #[test]
    fn failed_first_pack_leaves_no_folder() {
        let base = std::env::temp_dir().join(format!("staffplan-first-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&base).unwrap();
        let out = base.join("pack");
        let files = vec![
            ("report.md".to_string(), b"ok".to_vec()),
            ("bad\0name".to_string(), b"no".to_vec()),
        ];
        assert!(write_folder(&out, &files).is_err());
        let left: Vec<_> = std::fs::read_dir(&base).unwrap().flatten().collect();
        assert!(left.is_empty(), "{left:?}");
        let _ = std::fs::remove_dir_all(&base);
    }
}
