//! Writing an output file (`report -o`, the ledger, a next year's draft)
//! so that a failure never costs the file that was there: the bytes go to
//! `NAME.tmp-XXXXXX` beside the target, are synced, and the temporary file
//! is renamed over the target; the directory is synced last. A full disk or
//! a killed writer leaves the old file whole (and no temporary file once
//! the writer has returned). A target that is not a regular file (a FIFO,
//! a device, a directory) is refused before anything is written: opening a
//! FIFO would block, and a rename would replace the node itself.

use std::fs::{self, File, Metadata, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::text::sanitize_line;

/// Why an output file was not written; the old file, if any, is as it was.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: {kind}, not a regular file; nothing written")]
    NotAFile { path: String, kind: &'static str },
    #[error("{path}: a symbolic link to nothing; nothing written")]
    DanglingLink { path: String },
    #[error("{path} exists: a new file is never written over one; nothing written")]
    Exists { path: String },
    #[error("{path}: could not {step}: {source}; nothing written")]
    Io {
        path: String,
        step: &'static str,
        source: io::Error,
    },
}

/// Where the bytes will land, checked: the file a symbolic link names (so
/// the link stays a link), and the old file's metadata when there is one.
#[derive(Debug)]
pub struct Target {
    path: PathBuf,
    old: Option<Metadata>,
}

impl Target {
    /// `path` checked as a place to write: a regular file or nothing yet.
    /// Never opens it, so a FIFO cannot block here.
    pub fn check(path: &Path) -> Result<Target, OutputError> {
        let shown = shown(path);
        let io = |step, source| OutputError::Io {
            path: shown.clone(),
            step,
            source,
        };
        let linked = match fs::symlink_metadata(path) {
            Ok(metadata) => metadata.file_type().is_symlink(),
            Err(err) if err.kind() == io::ErrorKind::NotFound => false,
            Err(err) => return Err(io("look at the file", err)),
        };
        let resolved = if linked {
            fs::canonicalize(path).map_err(|err| match err.kind() {
                io::ErrorKind::NotFound => OutputError::DanglingLink {
                    path: shown.clone(),
                },
                _ => io("follow the link", err),
            })?
        } else {
            path.to_owned()
        };
        let old = match fs::metadata(&resolved) {
            Ok(metadata) => Some(metadata),
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            Err(err) => return Err(io("look at the file", err)),
        };
        if let Some(kind) = old.as_ref().and_then(not_a_file) {
            return Err(OutputError::NotAFile { path: shown, kind });
        }
        Ok(Target {
            path: resolved,
            old,
        })
    }

    /// Writes `bytes` in place of the file, or leaves it whole.
    pub fn replace(&self, bytes: &[u8]) -> Result<(), OutputError> {
        let io = |step, source| OutputError::Io {
            path: shown(&self.path),
            step,
            source,
        };
        // A new file gets what the umask allows of rw-rw-rw-, as a shell's
        // `>` would; a replaced one keeps its mode exactly.
        let mode = self.old.as_ref().map_or(0o666, |old| old.mode() & 0o7777);
        let mut temp = tempfile::Builder::new()
            .prefix(&temp_prefix(&self.path))
            .rand_bytes(6)
            .permissions(Permissions::from_mode(mode))
            .tempfile_in(directory(&self.path))
            .map_err(|err| io("create a temporary file beside it", err))?;
        temp.write_all(bytes)
            .map_err(|err| io("write the temporary file", err))?;
        if let Some(old) = &self.old {
            temp.as_file()
                .set_permissions(Permissions::from_mode(mode))
                .map_err(|err| io("set permissions", err))?;
            // Only root may give a file away; anyone else keeps their own.
            let _ = std::os::unix::fs::fchown(temp.as_file(), Some(old.uid()), Some(old.gid()));
        }
        temp.as_file()
            .sync_all()
            .map_err(|err| io("sync the temporary file", err))?;
        temp.persist(&self.path)
            .map_err(|err| io("rename the temporary file over it", err.error))?;
        File::open(directory(&self.path))
            .and_then(|dir| dir.sync_all())
            .map_err(|err| io("sync the directory", err))
    }
}

/// `path` checked, then written in place of the old file.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    Target::check(path)?.replace(bytes)
}

/// Writes `bytes` as a new file at `path`, never over anything there (a
/// file, a link, a FIFO): the temporary file is linked into place only if
/// the name is still free when it lands.
pub fn create(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let shown = shown(path);
    let io = |step, source| OutputError::Io {
        path: shown.clone(),
        step,
        source,
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(OutputError::Exists { path: shown });
    }
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .rand_bytes(6)
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(directory(path))
        .map_err(|err| io("create a temporary file beside it", err))?;
    temp.write_all(bytes)
        .map_err(|err| io("write the temporary file", err))?;
    temp.as_file()
        .sync_all()
        .map_err(|err| io("sync the temporary file", err))?;
    temp.persist_noclobber(path)
        .map_err(|err| match err.error.kind() {
            io::ErrorKind::AlreadyExists => OutputError::Exists {
                path: shown.clone(),
            },
            _ => io("move the temporary file into place", err.error),
        })?;
    File::open(directory(path))
        .and_then(|dir| dir.sync_all())
        .map_err(|err| io("sync the directory", err))
}

/// What the node is, when it is not a regular file.
fn not_a_file(metadata: &Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("a directory")
    } else if kind.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if kind.is_char_device() {
        Some("a character device")
    } else if kind.is_block_device() {
        Some("a block device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

/// `ledger.xlsx.tmp-`: the target's name, so a leftover says whose it is.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{name}.tmp-")
}

fn directory(target: &Path) -> &Path {
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn shown(path: &Path) -> String {
    sanitize_line(&path.display().to_string())
}

#[cfg(test)]
#[path = "output_tests.rs"]
mod tests;
