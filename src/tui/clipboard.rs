//! Copying a line to the clipboard of the terminal the user sits at, over
//! SSH and through tmux: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`) asks the
//! terminal itself to set its clipboard, so nothing on the server needs a
//! display. tmux passes it on with `set -g set-clipboard on`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// A line copied is never longer than this (characters): some terminals
/// drop an OSC 52 sequence longer than a few kilobytes whole.
const MAX_CHARS: usize = 1000;

/// The escape sequence that puts `text` on the clipboard. The text is made
/// one safe line first: control characters (an ESC or BEL inside would end
/// the sequence early and let the rest run as commands) and bidi overrides
/// are taken out, line breaks and tabs become spaces.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(clean(text)))
}

/// `text` as the line that is copied.
pub fn clean(text: &str) -> String {
    let safe = crate::text::sanitize(text).replace('\n', " ");
    safe.trim().chars().take(MAX_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_osc_52_with_base64() {
        // "蓝天" is E8 93 9D E5 A4 A9 in UTF-8.
        assert_eq!(osc52("蓝天"), "\x1b]52;c;6JOd5aSp\x07");
        assert_eq!(osc52("110/113"), "\x1b]52;c;MTEwLzExMw==\x07");
    }

    #[test]
    fn hostile_text_cannot_end_the_sequence() {
        let sequence = osc52("a\x07b\x1b]52;c;evil\x1b\\c\u{202E}d\r\ne\tf");
        let payload = sequence
            .strip_prefix("\x1b]52;c;")
            .and_then(|rest| rest.strip_suffix('\x07'))
            .expect("one sequence");
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let decoded = String::from_utf8(STANDARD.decode(payload).unwrap()).unwrap();
        assert_eq!(decoded, "ab]52;c;evil\\cd e f");
    }

    #[test]
    fn a_copied_line_is_bounded() {
        assert_eq!(clean(&"长".repeat(5000)).chars().count(), MAX_CHARS);
        assert_eq!(clean("  two\nlines  "), "two lines");
    }
}
