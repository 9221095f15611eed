use super::*;

fn error_of(text: &str) -> SyntaxError {
    match parse(text) {
        Ok(_) => panic!("{text:?} should not parse"),
        Err(error) => error,
    }
}

/// The message and the text the error points at.
fn error_at(text: &str) -> (String, &str) {
    let error = error_of(text);
    let span = error.span.clone().unwrap_or(0..0);
    (error.message, &text[span])
}

#[test]
fn reads_values_keys_and_spans() {
    let text = "title = \"a\\tb\"\n[meta]\nn = 0x1F\nf = 1_0.5\nd = 2024-12-31\nok = true\n";
    let tree = parse(text).expect("valid");
    let Item::Table(root) = tree.root().item() else {
        panic!("root is a table");
    };
    let keys: Vec<&str> = root.iter().map(|(key, _, _)| key).collect();
    assert_eq!(keys, ["title", "meta"]);
    let title = root.get("title").expect("title");
    assert!(matches!(title.item(), Item::String("a\tb")));
    assert_eq!(&text[title.span()], "\"a\\tb\"");
    let meta = root.get("meta").expect("meta");
    assert_eq!(&text[meta.span()], "[meta]");
    let Item::Table(meta) = meta.item() else {
        panic!("meta is a table");
    };
    assert!(matches!(
        meta.get("n").map(|v| v.item()),
        Some(Item::Integer(Some(31)))
    ));
    assert!(matches!(meta.get("f").map(|v| v.item()), Some(Item::Float(Some(f))) if f == 10.5));
    assert!(matches!(
        meta.get("ok").map(|v| v.item()),
        Some(Item::Boolean(true))
    ));
    let (_, span, _) = meta.iter().nth(2).expect("third key");
    assert_eq!(&text[span], "d");
}

#[test]
fn keeps_plain_strings_borrowed_from_the_source() {
    let text = "a = \"plain\"\nb = \"esc\\n\"";
    let tree = parse(text).expect("valid");
    let borrowed: Vec<bool> = tree
        .nodes
        .iter()
        .filter_map(|node| match &node.kind {
            Kind::String(text) => Some(matches!(text, Cow::Borrowed(_))),
            _ => None,
        })
        .collect();
    assert_eq!(borrowed, [true, false]);
}

#[test]
fn appends_to_the_last_table_of_nested_arrays_of_tables() {
    let text = "[[c]]\nid = 1\n[[c.t]]\nx = 1\n[[c]]\nid = 2\n[[c.t]]\nx = 2\n[[c.t]]\nx = 3\n";
    let tree = parse(text).expect("valid");
    let Item::Table(root) = tree.root().item() else {
        panic!("root is a table");
    };
    let Some(Item::Array(campaigns)) = root.get("c").map(|v| v.item()) else {
        panic!("c is an array");
    };
    let counts: Vec<usize> = campaigns
        .iter()
        .map(|campaign| match campaign.item() {
            Item::Table(table) => match table.get("t").map(|v| v.item()) {
                Some(Item::Array(tasks)) => tasks.len(),
                _ => 0,
            },
            _ => 0,
        })
        .collect();
    assert_eq!(counts, [1, 2]);
}

#[test]
fn overflowing_numbers_parse_but_hold_no_value() {
    let tree = parse("a = 9223372036854775808\nb = 1e400\nc = inf").expect("valid");
    let Item::Table(root) = tree.root().item() else {
        panic!("root is a table");
    };
    assert!(matches!(
        root.get("a").map(|v| v.item()),
        Some(Item::Integer(None))
    ));
    assert!(matches!(
        root.get("b").map(|v| v.item()),
        Some(Item::Float(None))
    ));
    assert!(
        matches!(root.get("c").map(|v| v.item()), Some(Item::Float(Some(f))) if f.is_infinite())
    );
}

#[test]
fn duplicate_key_points_at_the_second_key() {
    assert_eq!(error_at("a = 1\na = 2"), ("duplicate key".into(), "a"));
    let (message, at) = error_at("x = 1\n\"x\" = 2");
    assert_eq!((message.as_str(), at), ("duplicate key", "\"x\""));
}

#[test]
fn redefining_a_table_is_an_error() {
    let text = "[a]\nx = 1\n[a]\ny = 2";
    let error = error_of(text);
    assert_eq!(error.message, "duplicate key");
    assert_eq!(error.span, Some(11..12));
    // A table made on the way to a deeper one may be defined once.
    assert!(parse("[a.b]\n[a]\nx = 1").is_ok());
    assert_eq!(error_at("[a.b]\n[a]\n[a]").0, "duplicate key");
    // Dotted keys define their table too.
    assert_eq!(
        error_at("[a]\nb.c = 1\n[a.b]"),
        ("duplicate key".into(), "b")
    );
    assert_eq!(
        error_at("[a]\nb = 1\nb.c = 2").0,
        "cannot extend value of type integer with a dotted key"
    );
}

#[test]
fn appending_to_a_static_array_is_an_error() {
    assert_eq!(error_at("a = [1]\n[[a]]"), ("duplicate key".into(), "a"));
    assert_eq!(
        error_at("a = []\n[a.b]"),
        (
            "cannot extend value of type array with a dotted key".into(),
            "a"
        )
    );
    assert_eq!(error_at("[a]\n[[a]]"), ("duplicate key".into(), "a"));
}

#[test]
fn extending_an_inline_table_is_an_error() {
    assert_eq!(
        error_at("a = {b = 1}\na.c = 2"),
        (
            "cannot extend value of type inline table with a dotted key".into(),
            "a"
        )
    );
    assert_eq!(
        error_at("a = {b = 1}\n[a.c]"),
        (
            "cannot extend value of type inline table with a dotted key".into(),
            "a"
        )
    );
    assert_eq!(error_at("a = {b = 1}\n[a]"), ("duplicate key".into(), "a"));
    assert_eq!(
        error_at("a = {b = {}, b.c = 1}"),
        ("duplicate key".into(), "b")
    );
}

#[test]
fn syntax_errors_come_before_table_errors() {
    // `toml` reports the parser's errors first, wherever they are.
    let error = error_of("a = 1\na = 2\nb = [1,,2]");
    assert_eq!(error.message, "extra comma in array, expected value");
}

#[test]
fn nesting_is_limited() {
    let deep = format!("a = {}{}", "[".repeat(90), "]".repeat(90));
    assert_eq!(
        error_of(&deep).message,
        "cannot recurse further; max recursion depth met"
    );
    // Arrays and inline tables count alike: 80 levels pass, 81 do not.
    let nested = |depth: usize| "[{b = ".repeat(depth) + "1" + &"}]".repeat(depth);
    assert!(parse(&format!("a = {}", nested(40))).is_ok());
    assert_eq!(
        error_of(&format!("a = [{}]", nested(40))).message,
        "cannot recurse further; max recursion depth met"
    );
    let long_key = vec!["k"; 81].join(".");
    assert_eq!(
        error_of(&format!("{long_key} = 1")).message,
        "recursion limit"
    );
    assert!(parse(&format!("{} = 1", vec!["k"; 80].join("."))).is_ok());
}

#[test]
fn wide_tables_still_refuse_duplicates() {
    let mut text: String = (0..100).map(|i| format!("k{i} = {i}\n")).collect();
    text.push_str("k7 = 0\n");
    let error = error_of(&text);
    assert_eq!(error.message, "duplicate key");
    assert_eq!(&text[error.span.unwrap_or(0..0)], "k7");
    let wide: String = (0..100).map(|i| format!("[t.k{i}]\nx = {i}\n")).collect();
    let tree = parse(&wide).expect("valid");
    let Item::Table(root) = tree.root().item() else {
        panic!("root is a table");
    };
    let Some(Item::Table(t)) = root.get("t").map(|v| v.item()) else {
        panic!("t is a table");
    };
    assert_eq!(t.len(), 100);
    assert_eq!(
        error_at(&format!("{wide}[t.k42]")),
        ("duplicate key".into(), "k42")
    );
}

#[test]
fn inline_tables_keep_their_keys_nested_or_not() {
    let text = "a = { p = 1, q = { r = [ { x = 1 }, { y = 2, z = 3 } ], s.t = 4 }, u = 5 }";
    let tree = parse(text).expect("valid");
    let keys = |value: Value<'_, '_>| -> Vec<String> {
        match value.item() {
            Item::Table(table) => table.iter().map(|(key, _, _)| key.to_owned()).collect(),
            _ => Vec::new(),
        }
    };
    let Item::Table(root) = tree.root().item() else {
        panic!("root is a table");
    };
    let a = root.get("a").expect("a");
    assert_eq!(keys(a), ["p", "q", "u"]);
    let Item::Table(a) = a.item() else {
        panic!("a is a table");
    };
    let q = a.get("q").expect("q");
    assert_eq!(keys(q), ["r", "s"]);
    let Item::Table(q) = q.item() else {
        panic!("q is a table");
    };
    let Some(Item::Array(r)) = q.get("r").map(|v| v.item()) else {
        panic!("r is an array");
    };
    let points: Vec<Vec<String>> = r.iter().map(keys).collect();
    assert_eq!(points, [vec!["x"], vec!["y", "z"]]);
    let many: Vec<String> = (0..50).map(|i| format!("k{i} = {i}")).collect();
    let wide = format!("w = {{ {} }}", many.join(", "));
    let tree = parse(&wide).expect("valid");
    let Item::Table(root) = tree.root().item() else {
        panic!("root is a table");
    };
    assert_eq!(keys(root.get("w").expect("w")).len(), 50);
    let twice = format!("w = {{ {}, k49 = 0 }}", many.join(", "));
    assert_eq!(error_at(&twice), ("duplicate key".into(), "k49"));
}

#[test]
fn a_section_starts_at_each_top_level_header_and_where_the_first_key_changes() {
    let text = "a = 1\n[meta]\nx = 1\n[[campaign]]\n[[campaign.task]]\n  [campaign.name]\n\
                [meta.more]\n[[campaign]]\ns = \"\"\"\n[[campaign]]\n\"\"\"\n";
    let tree = parse_in_chunks_of(text, 1).expect("valid");
    let starts: Vec<&str> = tree
        .section_starts()
        .iter()
        .map(|&at| text[at as usize..].lines().next().unwrap_or_default())
        .collect();
    assert_eq!(
        starts,
        ["[meta]", "[[campaign]]", "[meta.more]", "[[campaign]]"]
    );
}
