//! Replacing the plan atomically: a temporary file in the same directory
//! with the plan's permissions, fsync, rename over, fsync the directory.
//! A reader (or a crash) sees the old file or the new one, never half.

use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use tempfile::NamedTempFile;

/// A failed step: what was being done, and the error.
pub type StepError = (&'static str, io::Error);

/// Enough of a file's metadata to tell whether it was replaced or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: i64,
    mtime_nsec: i64,
}

impl Stamp {
    pub fn of(metadata: &Metadata) -> Stamp {
        Stamp {
            dev: metadata.dev(),
            ino: metadata.ino(),
            len: metadata.len(),
            mtime: metadata.mtime(),
            mtime_nsec: metadata.mtime_nsec(),
        }
    }
}

/// Temporary files are `.NAME.XXXXXX.tmp` beside the plan.
fn temp_affixes(target: &Path) -> (String, &'static str) {
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    (format!(".{name}."), ".tmp")
}

const TEMP_RANDOM_CHARS: usize = 6;

/// The new text written and synced to a temporary file, not yet in place.
pub struct Prepared {
    temp: NamedTempFile,
}

pub fn prepare(target: &Path, text: &str, original: &Metadata) -> Result<Prepared, StepError> {
    let dir = parent(target);
    let (prefix, suffix) = temp_affixes(target);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(suffix)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .tempfile_in(dir)
        .map_err(|err| ("create a temporary file", err))?;
    temp.write_all(text.as_bytes())
        .map_err(|err| ("write the temporary file", err))?;
    // A NamedTempFile is 0600: give it the plan's own mode and, where the
    // system lets us, its owner and group.
    temp.as_file()
        .set_permissions(original.permissions())
        .map_err(|err| ("set permissions", err))?;
    let _ = std::os::unix::fs::fchown(temp.as_file(), Some(original.uid()), Some(original.gid()));
    temp.as_file()
        .sync_all()
        .map_err(|err| ("sync the temporary file", err))?;
    Ok(Prepared { temp })
}

impl Prepared {
    /// Renames the temporary file over `target` and makes the rename durable.
    pub fn commit(self, target: &Path) -> Result<(), StepError> {
        self.temp
            .persist(target)
            .map_err(|err| ("replace the file", err.error))?;
        File::open(parent(target))
            .and_then(|dir| dir.sync_all())
            .map_err(|err| ("sync the directory", err))
    }
}

/// Removes temporary files a killed writer left behind. Only called with the
/// lock held: every live writer holds it while its temporary file exists, so
/// any such file now is stale.
pub fn remove_stale_temps(target: &Path) {
    let (prefix, suffix) = temp_affixes(target);
    let Ok(entries) = fs::read_dir(parent(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let random = name
            .strip_prefix(prefix.as_str())
            .and_then(|rest| rest.strip_suffix(suffix));
        let ours = random.is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS && random.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if ours {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn parent(target: &Path) -> &Path {
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn replaces_the_file_keeping_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.toml");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
        let metadata = fs::metadata(&target).unwrap();
        prepare(&target, "new", &metadata)
            .ok()
            .unwrap()
            .commit(&target)
            .ok()
            .unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o640);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn stale_temporary_files_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.toml");
        for name in [
            ".plan.toml.a1B2c3.tmp",
            ".plan.toml.lock",
            "plan.toml",
            ".plan.toml.x.tmp",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_stale_temps(&target);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".plan.toml.lock", ".plan.toml.x.tmp", "plan.toml"]);
    }
}
