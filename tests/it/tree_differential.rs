//! The loader's own TOML tree against the `toml` crate: for random documents
//! and random damage to a real plan (the shipped campaigns.toml when the
//! repository has one, and a generated plan), the tree must accept exactly what
//! `toml::from_str::<toml::Table>` accepts, hold the same values, put the same
//! spans on keys and values as `toml`'s `DeTable`, and give the same first error.

use std::ops::Range;

use proptest::prelude::*;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use campaigns::load::tree::{self, Item, Value};
use campaigns_synthetic::{Shape, plan_text};

/// The tree's value as a `toml::Value`, failing where `toml`'s conversion fails.
fn convert(value: Value<'_, '_>) -> Result<toml::Value, String> {
    Ok(match value.item() {
        Item::String(text) => toml::Value::String(text.to_owned()),
        Item::Integer(Some(integer)) => toml::Value::Integer(integer),
        Item::Integer(None) => return Err("integer number overflowed".into()),
        Item::Float(Some(float)) => toml::Value::Float(float),
        Item::Float(None) => return Err("floating-point number overflowed".into()),
        Item::Boolean(boolean) => toml::Value::Boolean(boolean),
        Item::Datetime(datetime) => toml::Value::Datetime(*datetime),
        Item::Array(array) => {
            toml::Value::Array(array.iter().map(convert).collect::<Result<_, _>>()?)
        }
        Item::Table(table) => {
            let mut out = toml::Table::new();
            for (key, _, value) in table.iter() {
                out.insert(key.to_owned(), convert(value)?);
            }
            toml::Value::Table(out)
        }
    })
}

/// NaN is not equal to itself; compare it as a marker.
fn normalize(value: &mut toml::Value) {
    match value {
        toml::Value::Float(float) if float.is_nan() => {
            *value = toml::Value::String("<nan>".into());
        }
        toml::Value::Array(items) => items.iter_mut().for_each(normalize),
        toml::Value::Table(table) => table.iter_mut().for_each(|(_, v)| normalize(v)),
        _ => {}
    }
}

/// Every key and value with its span, in a canonical order.
#[derive(Debug, PartialEq)]
enum Shaped {
    Scalar(Range<usize>),
    Array(Range<usize>, Vec<Shaped>),
    Table(Range<usize>, Vec<(String, Range<usize>, Shaped)>),
}

fn shape_of_tree(value: Value<'_, '_>) -> Shaped {
    match value.item() {
        Item::Array(array) => {
            Shaped::Array(value.span(), array.iter().map(shape_of_tree).collect())
        }
        Item::Table(table) => {
            let mut entries: Vec<_> = table
                .iter()
                .map(|(key, span, value)| (key.to_owned(), span, shape_of_tree(value)))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Shaped::Table(value.span(), entries)
        }
        _ => Shaped::Scalar(value.span()),
    }
}

fn shape_of_de(value: &Spanned<DeValue<'_>>) -> Shaped {
    match value.get_ref() {
        DeValue::Array(array) => {
            Shaped::Array(value.span(), array.iter().map(shape_of_de).collect())
        }
        DeValue::Table(table) => Shaped::Table(value.span(), shape_of_de_table(table)),
        _ => Shaped::Scalar(value.span()),
    }
}

fn shape_of_de_table(table: &DeTable<'_>) -> Vec<(String, Range<usize>, Shaped)> {
    let mut entries: Vec<_> = table
        .iter()
        .map(|(key, value)| (key.get_ref().to_string(), key.span(), shape_of_de(value)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
}

/// Checks the tree as the loader parses (in large chunks) and cut before
/// every header, which must not change a thing.
fn check(text: &str) -> Result<(), TestCaseError> {
    check_with(text, tree::parse(text))?;
    check_with(text, tree::parse_in_chunks_of(text, 1))
}

fn check_with(
    text: &str,
    parsed: Result<tree::Tree<'_>, tree::SyntaxError>,
) -> Result<(), TestCaseError> {
    let expected = toml::from_str::<toml::Table>(text);
    match (&parsed, &expected) {
        (Ok(tree), Ok(expected)) => {
            let converted = convert(tree.root());
            let mut expected = toml::Value::Table(expected.clone());
            prop_assert!(converted.is_ok(), "tree value fails to convert: {text:?}");
            let mut converted = converted.unwrap_or(toml::Value::Boolean(false));
            normalize(&mut converted);
            normalize(&mut expected);
            prop_assert_eq!(&converted, &expected, "values differ for {:?}", text);
            let de = DeTable::parse(text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let Shaped::Table(_, entries) = shape_of_tree(tree.root()) else {
                return Err(TestCaseError::fail("root is not a table"));
            };
            prop_assert_eq!(
                entries,
                shape_of_de_table(de.get_ref()),
                "spans differ for {:?}",
                text
            );
        }
        (Ok(tree), Err(error)) => {
            // Only the conversion to plain values may refuse what parsed.
            prop_assert!(
                convert(tree.root()).is_err(),
                "tree accepts what toml refuses ({error}): {text:?}"
            );
            let de = DeTable::parse(text);
            prop_assert!(
                de.is_ok(),
                "DeTable refuses what the tree accepts: {text:?}"
            );
        }
        (Err(error), Ok(_)) => {
            return Err(TestCaseError::fail(format!(
                "tree refuses ({error:?}) what toml accepts: {text:?}"
            )));
        }
        (Err(error), Err(expected)) => {
            prop_assert_eq!(
                &error.message,
                expected.message(),
                "messages differ for {:?}",
                text
            );
            prop_assert_eq!(&error.span, &expected.span(), "spans differ for {:?}", text);
        }
    }
    Ok(())
}

fn simple_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a".to_owned()),
        Just("b".to_owned()),
        Just("c".to_owned()),
        Just("\"a\"".to_owned()),
        Just("'b'".to_owned()),
        Just("\"\\u0061\"".to_owned()),
        Just("\"x y\"".to_owned()),
        Just("\"a.b\"".to_owned()),
        Just("1".to_owned()),
        Just("-_".to_owned()),
        Just("\"\"".to_owned()),
        Just("\"名\"".to_owned()),
    ]
}

/// Keys TOML refuses: an unknown escape, a bare non-ASCII key.
fn bad_key() -> impl Strategy<Value = String> {
    prop_oneof![Just("\"\\q\"".to_owned()), Just("名".to_owned())]
}

fn key() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop_oneof![30 => simple_key(), 1 => bad_key()], 1..4),
        prop_oneof![Just("."), Just(" . "), Just(" .")],
    )
        .prop_map(|(parts, dot)| parts.join(dot))
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"plain\""),
        Just("\"tab\\there \\\"q\\\" \\u00e9 \\U0001F600 \\\\\""),
        Just("'lit\\eral'"),
        Just("\"\"\"\nmulti\\\n   line \"\"\""),
        Just("'''\nraw ''two'' \n'''"),
        Just("0"),
        Just("+17"),
        Just("-42"),
        Just("1_000"),
        Just("0xDEAD_beef"),
        Just("0o755"),
        Just("0b1101"),
        Just("9223372036854775807"),
        Just("9223372036854775808"),
        Just("-9223372036854775808"),
        Just("0x7fffffffffffffff"),
        Just("0xffffffffffffffff"),
        Just("1.5"),
        Just("-0.0"),
        Just("1e10"),
        Just("6.02E+23"),
        Just("1_0.5"),
        Just("inf"),
        Just("-inf"),
        Just("+nan"),
        Just("nan"),
        Just("1e400"),
        Just("true"),
        Just("false"),
        Just("1979-05-27T07:32:00Z"),
        Just("1979-05-27 07:32:00.999-07:00"),
        Just("1979-05-27"),
        Just("07:32:00"),
    ]
    .prop_map(str::to_owned)
}

/// Scalars TOML refuses.
fn bad_scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"bad \\x escape\""),
        Just("\"ctrl \u{7} char\""),
        Just("1__0"),
        Just("01"),
        Just("1."),
        Just("tru"),
        Just("2024-02-30"),
        Just("2024-13-01"),
    ]
    .prop_map(str::to_owned)
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![40 => scalar(), 1 => bad_scalar()].prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            (prop::collection::vec(inner.clone(), 0..4), any::<bool>()).prop_map(
                |(items, trailing)| {
                    let comma = if trailing && !items.is_empty() {
                        ","
                    } else {
                        ""
                    };
                    format!("[{}{comma}]", items.join(", "))
                }
            ),
            (prop::collection::vec(inner.clone(), 0..3))
                .prop_map(|items| { format!("[\n  {}\n  # note\n]", items.join(",\n  ")) }),
            prop::collection::vec((key(), inner), 0..4).prop_map(|pairs| {
                let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                format!("{{ {} }}", body.join(", "))
            }),
        ]
    })
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (key(), value()).prop_map(|(k, v)| format!("{k} = {v}")),
        2 => key().prop_map(|k| format!("[{k}]")),
        2 => key().prop_map(|k| format!("[[{k}]]")),
        1 => key().prop_map(|k| format!("[ {k} ]  # header")),
        1 => Just("# a comment é".to_owned()),
        1 => Just("# a bell \u{7} in a comment".to_owned()),
        1 => Just("a = 1 # tab\there, delete \u{7f}".to_owned()),
        1 => Just(String::new()),
        1 => Just("   ".to_owned()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..12), any::<bool>()).prop_map(|(lines, crlf)| {
        let newline = if crlf { "\r\n" } else { "\n" };
        lines.join(newline)
    })
}

const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "=",
    "\"",
    "'",
    "\n",
    ",",
    "{",
    "}",
    "#",
    "\\",
    "'''",
    ".",
    " ",
    "x",
    "\r",
    "[[campaign]]\n",
    "[campaign.task]\n",
    "[meta]\n",
    "x.y = 1\n",
    "id = 2\n",
    "task = []\n",
    "[[campaign.task.history]]\n",
    "done = 1e400\n",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, fragment: usize },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Mutation::Insert { at, fragment }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn char_boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_owned();
    for mutation in mutations {
        match *mutation {
            Mutation::Delete { at, len } => {
                let start = char_boundary(&text, at);
                let end = char_boundary(&text, (start + len).min(text.len()));
                text.replace_range(start..end.max(start), "");
            }
            Mutation::Insert { at, fragment } => {
                let at = char_boundary(&text, at);
                text.insert_str(at, FRAGMENTS[fragment]);
            }
            Mutation::DuplicateLine { line } => {
                let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
                if !lines.is_empty() {
                    let line = lines[line % lines.len()];
                    lines.insert(0, line);
                }
                text = lines.concat();
            }
            Mutation::SwapLines { a, b } => {
                let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
                if !lines.is_empty() {
                    let n = lines.len();
                    lines.swap(a % n, b % n);
                }
                text = lines.concat();
            }
        }
    }
    text
}

fn plan() -> &'static str {
    static PLAN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| plan_text(Shape::tasks(20)))
}

/// The campaigns.toml shipped at the root of the repository, when there is one.
fn shipped() -> Option<&'static str> {
    static SHIPPED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    SHIPPED
        .get_or_init(|| {
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/campaigns.toml")).ok()
        })
        .as_deref()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 350, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_read_as_toml_reads_them(text in document()) {
        check(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn damaged_plans_read_as_toml_reads_them(
        use_shipped in any::<bool>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let base = if use_shipped { shipped().unwrap_or(plan()) } else { plan() };
        check(&mutate(base, &mutations))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Token soup: mostly broken documents, to drive the parser's recovery.
    #[test]
    fn token_soup_reads_as_toml_reads_it(
        text in "([\\[\\]{}=,.\"'#ab1 \n\t_:+-]|\r\n|\"\"\"|'''|\\[\\[|\\]\\]|2024-01-01|true|inf){0,40}"
    ) {
        check(&text)?;
    }
}

#[test]
fn the_plan_itself_reads_as_toml_reads_it() {
    check(plan()).expect("same reading");
    if let Some(shipped) = shipped() {
        check(shipped).expect("same reading of the shipped plan");
    }
}

/// Table rules that random documents hit rarely, each beside `toml`.
#[test]
fn table_rules_match_toml() {
    let cases = [
        "[a.b]\nx = 1\n[a]\ny = 2",
        "[a]\nb.c = 1\n[a.b]\nd = 2",
        "[a]\nb.c = 1\n[a.b.d]\ne = 2",
        "[a.b.c]\n[a]\nb.d = 1",
        "[a.b.c]\n[a]\nb.d = 1\n[a.b]",
        "[[a]]\n[a.b]\n[[a]]\n[a.b]",
        "[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\n[[a]]\n[[a.b]]",
        "[[a.b]]\n[a]\nb.c = 1",
        "a = [1]\n[[a]]",
        "a = [1]\n[a.b]",
        "a = {}\n[a]",
        "a = {}\n[a.b]",
        "a = {b = 1}\na.c = 2",
        "a = {b.c = 1, b.d = 2}",
        "a = {b = {c = 1}, b.d = 2}",
        "a = {b.c = 1, b = 2}",
        "a = 1\na.b = 2",
        "a.b = 1\n[a]",
        "[a]\n[a]",
        "[a]\nb = 1\n[a.b]",
        "a.b.c = 1\na.b.d = 2\na.e = 3",
        "[x]\na.b = 1\n[x.a]",
        "[[x]]\n[x]",
        "[x]\n[[x]]",
        "x = 1\nx = 2",
        "\"x\" = 1\nx = 2",
        "[a]\n[b]\n[a.c]\n[b]",
    ];
    for case in cases {
        check(case).unwrap_or_else(|e| panic!("{case:?}: {e}"));
    }
}

/// Tables of many keys are indexed: the index must keep toml's rules.
#[test]
fn wide_tables_match_toml() {
    let keys: String = (0..60).map(|i| format!("k{i} = {i}\n")).collect();
    let headers: String = (0..60).map(|i| format!("[t.k{i}.x]\n")).collect();
    let dotted: String = (0..60).map(|i| format!("a.k{i}.x = {i}\n")).collect();
    let inline = format!(
        "i = {{ {} }}",
        (0..60)
            .map(|i| format!("k{i}.x = 1"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for case in [
        keys.clone(),
        format!("{keys}k59 = 0"),
        format!("{keys}k0.x = 0"),
        headers.clone(),
        format!("{headers}[t.k30]\ny = 1"),
        format!("{headers}[t.k30]\n[t.k30]"),
        format!("{headers}[[t.k30]]"),
        dotted.clone(),
        format!("{dotted}a.k40.y = 1\n[a.k40]"),
        format!("{dotted}[a]"),
        inline.clone(),
        format!("{} , k3.y = 2 }}", inline.trim_end_matches('}')),
        format!("{} , k3 = 2 }}", inline.trim_end_matches('}')),
    ] {
        check(&case).unwrap_or_else(|e| panic!("{case:?}: {e}"));
    }
}

#[test]
fn nesting_limits_match_toml() {
    let array_80 = format!("a = {}{}", "[".repeat(80), "]".repeat(80));
    let mixed_80 = format!("a = {}1{}", "[{b = ".repeat(40), "}]".repeat(40));
    let mixed_81 = format!("a = [{}1{}]", "[{b = ".repeat(40), "}]".repeat(40));
    let deep_array = format!("a = {}{}", "[".repeat(81), "]".repeat(81));
    let deep_inline = format!("a = {}{}", "{b = ".repeat(81), "}".repeat(81));
    let key_80 = vec!["k"; 80].join(".");
    let key_81 = vec!["k"; 81].join(".");
    for case in [
        array_80,
        mixed_80,
        mixed_81,
        deep_array,
        deep_inline,
        format!("{key_80} = 1"),
        format!("{key_81} = 1"),
        format!("[{key_80}]"),
        format!("[{key_81}]"),
        format!("a = {{ {key_81} = 1 }}"),
    ] {
        check(&case).unwrap_or_else(|e| panic!("{case:?}: {e}"));
    }
}
