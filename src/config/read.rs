//! Reading the config file's bytes without waiting or ballooning: the
//! node's type is checked before it is opened (opening a FIFO blocks until
//! a writer comes), checked again on the opened file (it may have been
//! swapped in between; the open does not block as it is non-blocking), and
//! read through a cap (`/dev/zero` or a huge file never fills memory).

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// A config file is a few kilobytes; anything past this is not one.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Why the file's text could not be had.
#[derive(Debug)]
pub enum Failure {
    /// Nothing at the path.
    Missing,
    /// Something there that cannot be read as a file: not a regular file,
    /// no permission (on it or a directory above), an I/O error.
    Unreadable(String),
    /// Read, and not a config file's text: too large, not UTF-8.
    NotText(String),
}

/// The file's text, or why not.
pub fn text(path: &Path) -> Result<String, Failure> {
    let metadata = fs::metadata(path).map_err(failure)?;
    refuse_other_kinds(&metadata)?;
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(failure)?;
    refuse_other_kinds(&file.metadata().map_err(failure)?)?;
    let bytes = capped(file)?;
    String::from_utf8(bytes).map_err(|_| Failure::NotText("not UTF-8 text".into()))
}

fn capped(file: File) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(failure)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(Failure::NotText(format!(
            "more than the {} KiB a config file may have",
            MAX_CONFIG_BYTES / 1024
        )));
    }
    Ok(bytes)
}

fn refuse_other_kinds(metadata: &Metadata) -> Result<(), Failure> {
    let kind = metadata.file_type();
    let what = if kind.is_file() {
        return Ok(());
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "not a file"
    };
    Err(Failure::Unreadable(format!("{what}, not a regular file")))
}

fn failure(err: io::Error) -> Failure {
    match err.kind() {
        io::ErrorKind::NotFound => Failure::Missing,
        io::ErrorKind::PermissionDenied => Failure::Unreadable("permission denied".into()),
        _ => Failure::Unreadable(err.to_string()),
    }
}
