//! A TOML syntax error as the clerk reads it: in either language, and at
//! the mistake. An unclosed `{` or `[` lets the parser run on into the next
//! line (TOML 1.1 inline tables and all arrays may span lines), so it
//! stumbles at the start of a later line; the `}` or `]` belongs at the end
//! of the content before it, and that is where it is reported.

use super::Diagnostic;
use super::tree::SyntaxError;
use super::words::Words;

/// The diagnostic for the first syntax error of `body` (the text after a
/// byte-order mark, `shift` bytes into the file).
pub(super) fn diagnostic(body: &str, error: &SyntaxError, shift: usize) -> Diagnostic {
    let span = error.span.clone().unwrap_or(0..0);
    let (description, expected) = match error.message.trim_end().split_once(", expected ") {
        Some((description, expected)) => (description, Some(expected)),
        None => (error.message.trim_end(), None),
    };
    let (span, message) = match unclosed(description) {
        Some(close) if at_line_start(body, span.start) => match content_end(body, span.start) {
            Some(end) => (end..end, unclosed_words(close)),
            None => (span, words(description, expected)),
        },
        _ => (span, words(description, expected)),
    };
    Diagnostic::error(
        span.start + shift..span.end + shift,
        message,
        Words::new("here", "此处"),
    )
}

/// A file whose text, after the one byte-order mark allowed, opens with
/// another: refused where it stands, at 1:1.
pub(super) fn second_byte_order_mark(shift: usize) -> Diagnostic {
    Diagnostic::error(
        shift..shift + '\u{FEFF}'.len_utf8(),
        Words::new(
            "TOML syntax: a second byte-order mark; one is allowed, at the very start only",
            "TOML 语法错误：第二个字节顺序标记（BOM）；只允许文件最前面有一个",
        ),
        Words::new("here", "此处"),
    )
}

/// The bracket a message means is missing when it stumbles at a line start.
fn unclosed(description: &str) -> Option<char> {
    match description {
        "missing key for inline table element"
        | "invalid inline table element"
        | "missing comma between key-value pairs" => Some('}'),
        "missing comma between array elements" => Some(']'),
        _ => None,
    }
}

fn unclosed_words(close: char) -> Words {
    match close {
        '}' => Words::new(
            "TOML syntax: the inline table is not closed: missing `}` (or a `,` to go on)",
            "TOML 语法错误：内联表没有闭合，缺少 `}`（或继续时的 `,`）",
        ),
        _ => Words::new(
            "TOML syntax: the array is not closed: missing `]` (or a `,` to go on)",
            "TOML 语法错误：数组没有闭合，缺少 `]`（或继续时的 `,`）",
        ),
    }
}

fn at_line_start(body: &str, offset: usize) -> bool {
    let start = body[..offset.min(body.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    body[start..offset.min(body.len())].trim().is_empty()
}

/// Where the content before the line holding `offset` ends: the last
/// non-blank line that is more than a comment, before its comment.
fn content_end(body: &str, offset: usize) -> Option<usize> {
    let mut end = body[..offset.min(body.len())].rfind('\n')?;
    loop {
        let start = body[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = &body[start..end];
        let content = line[..comment_start(line)].trim_end();
        if !content.trim_start().is_empty() {
            return Some(start + content.len());
        }
        end = start.checked_sub(1)?;
    }
}

/// Where a `#` outside any string starts a comment (else the line's end).
fn comment_start(line: &str) -> usize {
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => return i,
            _ => {}
        }
        escaped = false;
    }
    line.len()
}

/// The parser's words, and the same in Chinese.
fn words(description: &str, expected: Option<&str>) -> Words {
    let en = match expected {
        Some(expected) => format!("TOML syntax: {description}, expected {expected}"),
        None => format!("TOML syntax: {description}"),
    };
    let said = zh_description(description);
    let zh = match expected {
        Some("nothing") => format!("TOML 语法错误：{said}，此处不应再有内容"),
        Some(expected) => format!("TOML 语法错误：{said}，此处应为{}", zh_expected(expected)),
        None => format!("TOML 语法错误：{said}"),
    };
    Words::new(en, zh)
}

/// What was expected, item by item: TOML's own marks stay verbatim.
fn zh_expected(expected: &str) -> String {
    expected
        .split(", ")
        .map(|item| match item {
            "newline" => "换行",
            "etc" => "等",
            "literal string" => "单引号字符串",
            "basic string" => "双引号字符串",
            "multi-line literal string" => "多行单引号字符串",
            "multi-line basic string" => "多行双引号字符串",
            "key" => "键",
            "value" => "值",
            "end-of-input" => "文件结尾",
            other => other,
        })
        .map(|item| format!(" {item} "))
        .collect::<Vec<_>>()
        .join("或")
        .trim_end()
        .to_owned()
}

fn zh_description(description: &str) -> String {
    let said = match description {
        "`_` may only go between digits" => "`_` 只能写在两个数字之间",
        "cannot recurse further; max recursion depth met" => "嵌套过深",
        "carriage return must be followed by newline" => "回车符后必须紧跟换行",
        "extra `=`" => "多了一个 `=`",
        "extra assignment between key-value pairs" => "键值对之间多了赋值",
        "extra comma in array" => "数组中多了逗号",
        "extra comma in inline table" => "内联表中多了逗号",
        "integers with a radix cannot be signed" => "带进制前缀的整数不能有正负号",
        "invalid basic string" => "双引号字符串无效",
        "invalid binary number" => "二进制数无效",
        "invalid boolean" => "布尔值无效（应为 true 或 false）",
        "invalid comment character" => "注释中有无效字符",
        "invalid date-time" => "日期时间无效",
        "invalid exponent" => "指数无效",
        "invalid float" => "小数无效",
        "invalid fraction" => "小数部分无效",
        "invalid hexadecimal number" => "十六进制数无效",
        "invalid inline table element" => "内联表元素无效",
        "invalid integer number" => "整数无效",
        "invalid key" => "键无效",
        "invalid key-value pair" => "键值对无效",
        "invalid literal string" => "单引号字符串无效",
        "invalid mantissa" => "尾数无效",
        "invalid multi-line basic string" => "多行双引号字符串无效",
        "invalid multi-line literal string" => "多行单引号字符串无效",
        "invalid octal number" => "八进制数无效",
        "invalid string" => "字符串无效",
        "invalid table" => "表无效",
        "invalid unquoted key" => "不带引号的键无效",
        "invalid value" => "值无效",
        "key with no value" => "键没有值",
        "keys cannot be multi-line basic strings" | "keys cannot be multi-line literal strings" => {
            "键不能是多行字符串"
        }
        "missing array opening" => "缺少数组的 `[`",
        "missing assignment between key-value pairs" => "键值对之间缺少 `=`",
        "missing comma between array elements" => "数组元素之间缺少逗号",
        "missing comma between key-value pairs" => "键值对之间缺少逗号",
        "missing comment start" => "缺少注释开头的 `#`",
        "missing escaped value" => "转义符后缺少内容",
        "missing inline table opening" => "缺少内联表的 `{`",
        "missing key for inline table element" => "内联表元素缺少键",
        "missing opening quote" => "缺少开头的引号",
        "missing table open" => "缺少表头的 `[`",
        "missing value for key" | "missing value" => "缺少值",
        "radix must be lowercase" => "进制前缀必须小写",
        "redundant integer number prefix" | "redundant numeric sign" => "多余的数字前缀或符号",
        "string values must be quoted" => "字符串值必须加引号",
        "too few unicode value digits" => "Unicode 转义的位数不够",
        "unclosed array table" | "unclosed table" => "表头没有闭合，缺少 `]`",
        "unclosed array" => "数组没有闭合，缺少 `]`",
        "unclosed inline table" => "内联表没有闭合，缺少 `}`",
        "unexpected `=` in array" => "数组中不应有 `=`",
        "unexpected content between comment and newline" | "unexpected content" => "此处不应有内容",
        "unexpected key or value" => "此处不应有键或值",
        "unexpected leading zero" => "数字不能以 0 开头",
        "unexpected sign" => "此处不应有正负号",
        "unquoted keys cannot be empty" => "不带引号的键不能为空",
        // A message this table does not know yet: its own words, marked.
        other => return format!("{other}（解析器原文）"),
    };
    said.to_owned()
}
