//! Text from the file as one line of plain text.

/// Text from the file on one line: line breaks become spaces and anything
/// unsafe for a terminal (the loader already removes it) a visible U+FFFD.
pub fn one_line(text: &str) -> String {
    crate::text::sanitize_line(&text.trim().replace("\r\n", " ").replace('\n', " "))
}
