//! Text from the file as literal markdown.

/// Text from the file as literal markdown: one line, with every character
/// markdown or HTML would act on escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if crate::text::is_unsafe(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_act_on() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(escape("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("PM2.5 年均浓度"), "PM2.5 年均浓度");
    }
}
