//! Problems found in a file, each tied to a byte span, rendered like rustc:
//! `file:line:col`, the line itself and a caret under the offending value.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::text::sanitize_line;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Byte range in the source the problem is about.
    pub span: Range<usize>,
    /// A short note under the caret.
    pub label: String,
    /// A suggestion, such as "did you mean `total`?".
    pub help: Option<String>,
    /// A second place the problem is about (the other side of a key bound
    /// twice), with its own note.
    pub also: Option<(Range<usize>, String)>,
}

/// A 1-based line and column (in characters), as editors count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// Counts from the start of the file: fine once, too slow for many
    /// diagnostics in a big file (use a [`LineIndex`] there).
    pub fn of(source: &str, offset: usize) -> Position {
        LineIndex::new(source).position(source, offset)
    }
}

/// Where every line starts, so positions in a large file cost a binary search.
#[derive(Clone, Debug)]
pub struct LineIndex {
    breaks: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        LineIndex {
            breaks: source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The 1-based line that byte `offset` is on.
    pub fn line(&self, offset: usize) -> usize {
        self.breaks.partition_point(|&b| b < offset) + 1
    }

    pub fn position(&self, source: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line = self.line(offset);
        let line_start = line_start(source, offset);
        Position {
            line,
            column: source[line_start..offset].chars().count() + 1,
        }
    }
}

/// Where the line holding `offset` starts. A byte-order mark is not part of
/// the first line: editors do not count it as a column.
fn line_start(source: &str, offset: usize) -> usize {
    match source[..offset].rfind('\n') {
        Some(i) => i + 1,
        None if offset >= 3 && source.starts_with('\u{FEFF}') => 3,
        None => 0,
    }
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl Diagnostic {
    pub fn error(span: Range<usize>, message: impl Into<String>, label: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            label: label.into(),
            help: None,
            also: None,
        }
    }

    pub fn warning(
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message, label)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_also(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.also = Some((span, label.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn position(&self, source: &str) -> Position {
        Position::of(source, self.span.start)
    }

    /// One line: `file:line:col: error: message`, for banners and logs.
    pub fn headline(&self, source: &str, path: &str) -> String {
        self.headline_indexed(source, &LineIndex::new(source), path)
    }

    pub fn headline_indexed(&self, source: &str, index: &LineIndex, path: &str) -> String {
        let Position { line, column } = index.position(source, self.span.start);
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = sanitize_line(path);
        let also = self.also.as_ref().map_or_else(String::new, |(span, _)| {
            let Position { line, column } = index.position(source, span.start);
            format!(" (and {path}:{line}:{column})")
        });
        format!(
            "{path}:{line}:{column}: {severity}: {}{also}",
            sanitize_line(&self.message)
        )
    }

    /// The rustc-style block: message, `--> file:line:col`, the line and a caret.
    pub fn render(&self, source: &str, path: &str, color: bool) -> String {
        self.render_indexed(source, &LineIndex::new(source), path, color)
    }

    /// As [`Diagnostic::render`], with the file's line index built once for
    /// many diagnostics.
    pub fn render_indexed(
        &self,
        source: &str,
        index: &LineIndex,
        path: &str,
        color: bool,
    ) -> String {
        let (line_text, line_number, span) = line_excerpt(&self.span, source, index);
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let (message, label) = (sanitize_line(&self.message), sanitize_line(&self.label));
        let path = sanitize_line(path);
        let help = self.help.as_deref().map(sanitize_line);
        let mut group = level.primary_title(&message).element(
            Snippet::source(&line_text)
                .line_start(line_number)
                .path(&path)
                .annotation(AnnotationKind::Primary.span(span).label(&label)),
        );
        let also = self.also.as_ref().map(|(span, label)| {
            let (text, number, span) = line_excerpt(span, source, index);
            (text, number, span, sanitize_line(label))
        });
        if let Some((text, number, span, label)) = &also {
            group = group.element(
                Snippet::source(text)
                    .line_start(*number)
                    .path(&path)
                    .annotation(AnnotationKind::Context.span(span.clone()).label(label)),
            );
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
    }
}

/// The line `span` starts on (made safe to print), its number, and the span
/// within it. Rendering one line keeps the cost independent of the file's
/// size.
fn line_excerpt(
    span: &Range<usize>,
    source: &str,
    index: &LineIndex,
) -> (String, usize, Range<usize>) {
    {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = line_start(source, start);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let raw = &source[line_start..line_end];
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // Replace each unsafe character by one safe one so the caret stays put.
        let line = sanitize_line(raw);
        // A span at a line's closing `\r` (say, a syntax error at the end of a
        // CRLF file) sits just past the stripped line.
        let column = raw[..(start - line_start).min(raw.len())].chars().count();
        let span_chars = source
            [start..floor_char_boundary(source, span.end.clamp(start, line_end))]
            .chars()
            .count()
            .max(1);
        let byte_of = |chars: usize| {
            line.char_indices()
                .nth(chars)
                .map_or(line.len(), |(i, _)| i)
        };
        let span = byte_of(column)..byte_of(column + span_chars);
        let line_number = index.line(line_start);
        (line, line_number, span)
    }
}

/// "3 errors, 1 warning" and the like.
pub fn summary(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let source = "a = 1\nname = \"潜江\" x\n";
        let offset = source.find('x').unwrap();
        assert_eq!(
            Position::of(source, offset),
            Position {
                line: 2,
                column: 13
            }
        );
        assert_eq!(Position::of(source, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(source, source.len() + 10).line, 3);
    }

    #[test]
    fn renders_like_rustc() {
        let source = "[meta]\ntitel = \"x\"\n";
        let diagnostic = Diagnostic::error(7..12, "unknown key `titel` in [meta]", "unknown key")
            .with_help("did you mean `title`?");
        let text = diagnostic.render(source, "campaigns.toml", false);
        assert!(
            text.contains("error: unknown key `titel` in [meta]"),
            "{text}"
        );
        assert!(text.contains("--> campaigns.toml:2:1"), "{text}");
        assert!(text.contains("titel = \"x\""), "{text}");
        assert!(text.contains("^^^^^ unknown key"), "{text}");
        assert!(text.contains("did you mean `title`?"), "{text}");
    }

    #[test]
    fn a_second_place_is_shown_and_named() {
        let source = "[keys]\nup = [\"k\"]\ntop = [\"k\"]\n";
        let diagnostic = Diagnostic::error(25..28, "`k` twice", "bound to `top`")
            .with_also(13..16, "and to `up`");
        let text = diagnostic.render(source, "config.toml", false);
        assert!(text.contains("config.toml:3:8"), "{text}");
        assert!(text.contains("config.toml:2:7"), "{text}");
        assert!(text.contains("and to `up`"), "{text}");
        assert_eq!(
            diagnostic.headline(source, "config.toml"),
            "config.toml:3:8: error: `k` twice (and config.toml:2:7)"
        );
    }

    #[test]
    fn a_span_on_a_carriage_return_renders() {
        let source = "x = 1\r";
        let text = Diagnostic::error(6..6, "bad", "here").render(source, "f.toml", false);
        assert!(
            text.contains("--> f.toml:1:") && text.contains("x = 1"),
            "{text}"
        );
    }

    #[test]
    fn control_characters_in_the_line_are_not_printed() {
        let source = "name = \"\x1b]0;pwned\x07\" 7\n";
        let diagnostic = Diagnostic::error(20..21, "bad", "here");
        let text = diagnostic.render(source, "f.toml", false);
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    }
}
