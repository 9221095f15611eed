//! Problems found in a file, each tied to a byte span, rendered like rustc:
//! `file:line:col`, the line itself and a caret under the offending value.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::words::{Words, help_word, level_word};
use crate::model::Lang;
use crate::text::sanitize_line;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: Words,
    /// Byte range in the source the problem is about.
    pub span: Range<usize>,
    /// A short note under the caret.
    pub label: Words,
    /// A suggestion, such as "did you mean `total`?".
    pub help: Option<Words>,
    /// A second place the problem is about (the other side of a key bound
    /// twice), with its own note.
    pub also: Option<(Range<usize>, Words)>,
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
    pub fn error(span: Range<usize>, message: Words, label: Words) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message,
            span,
            label,
            help: None,
            also: None,
        }
    }

    pub fn warning(span: Range<usize>, message: Words, label: Words) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message, label)
        }
    }

    pub fn with_help(mut self, help: Words) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_also(mut self, span: Range<usize>, label: Words) -> Self {
        self.also = Some((span, label));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn position(&self, source: &str) -> Position {
        Position::of(source, self.span.start)
    }

    /// One line: `file:line:col: error: message` (zh `file:line:col: 错误：…`),
    /// for banners and logs.
    pub fn headline(&self, source: &str, path: &str, lang: Lang) -> String {
        self.headline_indexed(source, &LineIndex::new(source), path, lang)
    }

    pub fn headline_indexed(
        &self,
        source: &str,
        index: &LineIndex,
        path: &str,
        lang: Lang,
    ) -> String {
        let Position { line, column } = index.position(source, self.span.start);
        let severity = level_word(self.is_error(), lang);
        let path = sanitize_line(path);
        let also = self.also.as_ref().map_or_else(String::new, |(span, _)| {
            let Position { line, column } = index.position(source, span.start);
            match lang {
                Lang::En => format!(" (and {path}:{line}:{column})"),
                Lang::Zh => format!("（另见 {path}:{line}:{column}）"),
            }
        });
        let colon = match lang {
            Lang::En => ": ",
            Lang::Zh => "：",
        };
        format!(
            "{path}:{line}:{column}: {severity}{colon}{}{also}",
            sanitize_line(self.message.get(lang))
        )
    }

    /// The rustc-style block: message, `--> file:line:col`, the line and a caret.
    pub fn render(&self, source: &str, path: &str, color: bool, lang: Lang) -> String {
        self.render_indexed(source, &LineIndex::new(source), path, color, lang)
    }

    /// As [`Diagnostic::render`], with the file's line index built once for
    /// many diagnostics.
    pub fn render_indexed(
        &self,
        source: &str,
        index: &LineIndex,
        path: &str,
        color: bool,
        lang: Lang,
    ) -> String {
        let (line_text, line_number, span) = line_excerpt(&self.span, source, index);
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        }
        .with_name(level_word(self.is_error(), lang));
        let (message, label) = (
            sanitize_line(self.message.get(lang)),
            sanitize_line(self.label.get(lang)),
        );
        let path = sanitize_line(path);
        let help = self.help.as_ref().map(|help| sanitize_line(help.get(lang)));
        let mut group = level.primary_title(&message).element(
            Snippet::source(&line_text)
                .line_start(line_number)
                .path(&path)
                .annotation(AnnotationKind::Primary.span(span).label(&label)),
        );
        let also = self.also.as_ref().map(|(span, label)| {
            let (text, number, span) = line_excerpt(span, source, index);
            (text, number, span, sanitize_line(label.get(lang)))
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
            group = group.element(Level::HELP.with_name(help_word(lang)).message(help));
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

    fn words(en: &str) -> Words {
        Words::new(en, format!("{en}（中文）"))
    }

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

    /// `titel` for `title` in `[meta]`, with its hint.
    fn titel() -> (&'static str, Diagnostic) {
        let diagnostic = Diagnostic::error(
            7..12,
            Words::new(
                "unknown key `titel` in [meta]",
                "`[meta]` 表中有未知的键 `titel`",
            ),
            Words::new("unknown key", "未知的键"),
        )
        .with_help(Words::new("did you mean `title`?", "是否应为 `title`？"));
        ("[meta]\ntitel = \"x\"\n", diagnostic)
    }

    #[test]
    fn renders_like_rustc() {
        let (source, diagnostic) = titel();
        let text = diagnostic.render(source, "campaigns.toml", false, Lang::En);
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
    fn renders_in_chinese_with_the_level_words_translated() {
        let (source, diagnostic) = titel();
        let text = diagnostic.render(source, "campaigns.toml", false, Lang::Zh);
        assert!(
            text.contains("错误: `[meta]` 表中有未知的键 `titel`"),
            "{text}"
        );
        assert!(text.contains("--> campaigns.toml:2:1"), "{text}");
        assert!(text.contains("^^^^^ 未知的键"), "{text}");
        assert!(text.contains("提示: 是否应为 `title`？"), "{text}");
        assert_eq!(
            diagnostic.headline(source, "campaigns.toml", Lang::Zh),
            "campaigns.toml:2:1: 错误：`[meta]` 表中有未知的键 `titel`"
        );
    }

    #[test]
    fn a_second_place_is_shown_and_named() {
        let source = "[keys]\nup = [\"k\"]\ntop = [\"k\"]\n";
        let diagnostic = Diagnostic::error(
            25..28,
            Words::new("`k` twice", "`k` 重复"),
            Words::new("bound to `top`", "绑定到 `top`"),
        )
        .with_also(13..16, Words::new("and to `up`", "又绑定到 `up`"));
        let text = diagnostic.render(source, "config.toml", false, Lang::En);
        assert!(text.contains("config.toml:3:8"), "{text}");
        assert!(text.contains("config.toml:2:7"), "{text}");
        assert!(text.contains("and to `up`"), "{text}");
        assert_eq!(
            diagnostic.headline(source, "config.toml", Lang::En),
            "config.toml:3:8: error: `k` twice (and config.toml:2:7)"
        );
    }

    #[test]
    fn a_span_on_a_carriage_return_renders() {
        let source = "x = 1\r";
        let text = Diagnostic::error(6..6, words("bad"), words("here")).render(
            source,
            "f.toml",
            false,
            Lang::En,
        );
        assert!(
            text.contains("--> f.toml:1:") && text.contains("x = 1"),
            "{text}"
        );
    }

    #[test]
    fn control_characters_in_the_line_are_not_printed() {
        let source = "name = \"\x1b]0;pwned\x07\" 7\n";
        let diagnostic = Diagnostic::error(20..21, words("bad"), words("here"));
        let text = diagnostic.render(source, "f.toml", false, Lang::En);
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    }
}
