//! Line numbers of offsets, for the lines a plan records and the messages
//! that name a line.

/// The line of an offset, counted on from the last one asked: the reader
/// asks in file order, so the whole file is scanned about once, and no
/// index of every line is built for the few lines a plan records.
pub(super) struct LineCursor<'s> {
    source: &'s str,
    offset: usize,
    line: usize,
}

impl<'s> LineCursor<'s> {
    /// A cursor at the start of `source`, which starts on line `first_line`.
    pub(super) fn new(source: &'s str, first_line: usize) -> Self {
        LineCursor {
            source,
            offset: 0,
            line: first_line,
        }
    }

    /// The 1-based line that byte `offset` is on.
    pub(super) fn line(&mut self, offset: usize) -> usize {
        let bytes = self.source.as_bytes();
        let offset = offset.min(bytes.len());
        if offset >= self.offset {
            self.line += count_newlines(&bytes[self.offset..offset]);
        } else {
            self.line -= count_newlines(&bytes[offset..self.offset]);
        }
        self.offset = offset;
        self.line
    }
}

/// Counts `\n` eight bytes at a time: a byte-by-byte count costs more than
/// the rest of the reader.
pub(in crate::load) fn count_newlines(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        // Bytes equal to `\n` become zero; the high bit of each zero byte is set below.
        let x = u64::from_le_bytes(chunk) ^ (ONES * u64::from(b'\n'));
        let zero_bytes = !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7);
        count += zero_bytes.count_ones() as usize;
    }
    count + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::LineIndex;

    #[test]
    fn line_cursor_agrees_with_the_line_index_in_any_order() {
        let source = "a\nbb\n\nccc\r\nd\n";
        let index = LineIndex::new(source);
        let mut cursor = LineCursor::new(source, 1);
        for offset in [0, 1, 2, 5, 6, 4, 0, 12, 13, 99, 3, 10] {
            assert_eq!(cursor.line(offset), index.line(offset), "offset {offset}");
        }
    }

    #[test]
    fn counts_newlines_across_words_and_tails() {
        let text = "x\n\n\u{a0a}\n中\n\x0b\u{8a}\x7f\n".repeat(7) + "\n\n";
        for start in 0..9 {
            let bytes = &text.as_bytes()[start..];
            let expected = bytes.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(bytes), expected);
        }
    }
}
