//! The shape of the code, read from its own `use` lines and paths: no file
//! imports another that (through any chain) imports it back, and no module
//! imports one that stands above it in the layers below. A re-export is
//! followed to the file that defines the item, so `pub use child::Item` in a
//! `mod.rs` is an import of the child, and a child naming that item through
//! its parent imports the child's file, not the parent's. A child naming its
//! enclosing module (`super::Item`, `use super::*`) is inside that module:
//! not counted as an import between two.
//!
//! Run `cargo test --test it architecture -- --nocapture` to print the
//! figures (files, imports, circles, layer breaches).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The layers, bottom first: a module may import its own layer's other
/// modules (without a circle) and those below, never one above.
const LAYERS: &[&[&str]] = &[
    &["text", "i18n", "model"],
    &["figures", "load"],
    &["edit", "history"],
    // Many units' plans as one: read with `load` and `history`, reported by `report`.
    &["rollup"],
    &["report"],
    &["tui"],
    // The user's config file is read into the screen's keymap and theme.
    &["config"],
    &["bin"],
];

/// A module: its path from the crate root (the binary's under `bin`).
type ModPath = Vec<String>;

struct Source {
    file: PathBuf,
    module: ModPath,
    code: String,
}

fn module_of(src: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_owned());
    }
    // The binary's files: main.rs, cli.rs and commands/.
    let in_bin = matches!(
        parts.first().map(String::as_str),
        Some("cli") | Some("commands")
    ) || (parts.is_empty() && stem == "main");
    if in_bin {
        parts.insert(0, "bin".to_owned());
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().unwrap().to_string_lossy();
            // Unit tests kept in files of their own are not the product's shape.
            if !name.ends_with("_tests.rs") && name != "tests.rs" {
                out.push(path);
            }
        }
    }
}

/// The code without comments, string and char literals, and `#[cfg(test)]` items.
fn code_only(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |end| end + 2);
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].chars().take_while(|&c| c == '#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 2 + hashes;
            i += rest[body..]
                .find(&close)
                .map_or(rest.len(), |end| body + end + close.len());
            out.push_str("\"\"");
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() {
                match rest.as_bytes()[j] {
                    b'\\' => j += 2,
                    b'"' => break,
                    _ => j += 1,
                }
            }
            i += j + 1;
            out.push_str("\"\"");
        } else if rest.starts_with('\'') && is_char_literal(rest) {
            let end = rest[1..].find('\'').unwrap() + 2;
            i += end;
            out.push_str("' '");
        } else if rest.starts_with("#[cfg(test)]") {
            i += skip_item(rest);
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// A char literal (`'a'`, `'\n'`, `'\u{1F600}'`), not a lifetime (`'a`).
fn is_char_literal(rest: &str) -> bool {
    let mut chars = rest[1..].chars();
    match chars.next() {
        Some('\\') => rest[1..].find('\'').is_some_and(|end| end <= 11),
        Some(_) => chars.next() == Some('\''),
        None => false,
    }
}

/// The length of the item after an attribute: to its `;` or its closing brace.
fn skip_item(rest: &str) -> usize {
    let mut depth = 0usize;
    for (at, c) in rest.char_indices().skip("#[cfg(test)]".len()) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            ';' if depth == 0 => return at + 1,
            _ => {}
        }
    }
    rest.len()
}

/// Every path a `use` item names, with `pub use` marked.
fn use_paths(code: &str) -> Vec<(bool, Vec<String>)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(pos) = code[at..].find("use ") {
        let start = at + pos;
        at = start + 4;
        let before = code[..start].trim_end();
        let boundary = code[..start]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        if !boundary {
            continue;
        }
        let public = before.ends_with("pub") || before.ends_with(')') && before.contains("pub(");
        let Some(end) = code[at..].find(';') else {
            break;
        };
        let tree = code[at..at + end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        expand(&tree, &mut Vec::new(), &mut |path| {
            found.push((public, path))
        });
        at += end;
    }
    found
}

/// Expands a use tree (`a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut dyn FnMut(Vec<String>)) {
    let tree = tree.trim().trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap()];
        let depth = prefix.len();
        prefix.extend(head);
        let mut level = 0;
        let mut part = String::new();
        for c in inner.chars().chain(std::iter::once(',')) {
            match c {
                '{' => level += 1,
                '}' => level -= 1,
                ',' if level == 0 => {
                    if !part.is_empty() {
                        expand(&part, prefix, out);
                    }
                    part.clear();
                    continue;
                }
                _ => {}
            }
            part.push(c);
        }
        prefix.truncate(depth);
    } else {
        let name = tree.split(" as ").next().unwrap_or(tree);
        let mut path = prefix.clone();
        path.extend(
            name.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        if path.last().is_some_and(|s| s == "self") {
            path.pop();
        }
        out(path);
    }
}

/// Paths written inline in code: `crate::a::b`, `super::x`, `campaigns::y`.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for root in ["crate::", "super::", "campaigns::", "self::"] {
        let mut at = 0;
        while let Some(pos) = code[at..].find(root) {
            let start = at + pos;
            at = start + root.len();
            let boundary = code[..start]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != ':');
            if !boundary {
                continue;
            }
            let path: Vec<String> = code[start..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap()
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            found.push(path);
        }
    }
    found
}

struct Graph {
    sources: Vec<Source>,
    by_module: HashMap<ModPath, usize>,
    /// Per file, the names it re-exports and where they point (absolute).
    reexports: Vec<HashMap<String, ModPath>>,
}

impl Graph {
    fn read(src: &Path) -> Graph {
        let mut files = Vec::new();
        rust_files(src, &mut files);
        files.sort();
        let sources: Vec<Source> = files
            .into_iter()
            .map(|file| Source {
                module: module_of(src, &file),
                code: code_only(&std::fs::read_to_string(&file).unwrap()),
                file: file.strip_prefix(src).unwrap().to_path_buf(),
            })
            .collect();
        let by_module = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.module.clone(), i))
            .collect();
        let mut graph = Graph {
            sources,
            by_module,
            reexports: Vec::new(),
        };
        graph.reexports = (0..graph.sources.len())
            .map(|i| {
                use_paths(&graph.sources[i].code)
                    .into_iter()
                    .filter(|(public, path)| *public && path.last().is_some_and(|n| n != "*"))
                    .filter_map(|(_, path)| {
                        let absolute = graph.absolute(i, &path)?;
                        Some((path.last().unwrap().clone(), absolute))
                    })
                    .collect()
            })
            .collect();
        graph
    }

    /// A path as written in file `from`, from its crate's root.
    fn absolute(&self, from: usize, path: &[String]) -> Option<ModPath> {
        let here = &self.sources[from].module;
        let in_bin = here.first().is_some_and(|s| s == "bin");
        let first = path.first()?;
        let mut out: ModPath = match first.as_str() {
            "crate" if in_bin => vec!["bin".to_owned()],
            "crate" => Vec::new(),
            "campaigns" => Vec::new(),
            "self" => here.clone(),
            "super" => {
                let mut up = here.clone();
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    up.pop();
                    rest = &rest[1..];
                }
                up.extend(rest.iter().cloned());
                return Some(up);
            }
            // A child module named without `self::` (2018 paths), or a crate
            // module named from the binary (`commands::x`).
            name => {
                let mut child = here.clone();
                child.push(name.to_owned());
                if self.by_module.contains_key(&child) {
                    here.clone()
                } else if in_bin
                    && self
                        .by_module
                        .contains_key(&vec!["bin".into(), name.into()])
                {
                    vec!["bin".to_owned()]
                } else {
                    return None;
                }
            }
        };
        let skip = usize::from(matches!(first.as_str(), "crate" | "campaigns" | "self"));
        out.extend(path[skip..].iter().cloned());
        Some(out)
    }

    /// The file that defines what `path` names, re-exports followed.
    fn defining_file(&self, path: &[String], hops: usize) -> Option<usize> {
        let file = (0..=path.len())
            .rev()
            .find_map(|n| self.by_module.get(&path[..n]).map(|&i| (i, n)))?;
        let (index, depth) = file;
        if hops < 8
            && let Some(name) = path.get(depth)
            && let Some(target) = self.reexports[index].get(name)
        {
            let mut next = target.clone();
            next.extend(path[depth + 1..].iter().cloned());
            return self.defining_file(&next, hops + 1).or(Some(index));
        }
        Some(index)
    }

    /// Whether file `outer` is the module file of an ancestor of `inner`'s
    /// module: a child reaching into its enclosing scope (`use super::*`) is
    /// inside that module, not an import between two of them.
    fn encloses(&self, outer: usize, inner: usize) -> bool {
        let (outer, inner) = (&self.sources[outer].module, &self.sources[inner].module);
        outer.len() < inner.len() && inner.starts_with(outer)
    }

    fn edges(&self) -> BTreeMap<usize, BTreeSet<usize>> {
        self.named_edges()
            .into_iter()
            .map(|(from, to)| (from, to.into_keys().collect()))
            .collect()
    }

    /// The imports between files, each with the paths that make it.
    fn named_edges(&self) -> BTreeMap<usize, BTreeMap<usize, BTreeSet<String>>> {
        let mut edges: BTreeMap<usize, BTreeMap<usize, BTreeSet<String>>> = BTreeMap::new();
        for (i, source) in self.sources.iter().enumerate() {
            let paths = use_paths(&source.code)
                .into_iter()
                .map(|(_, p)| p)
                .chain(inline_paths(&source.code));
            for path in paths {
                let path: Vec<String> = path.into_iter().filter(|s| s != "*").collect();
                let Some(absolute) = self.absolute(i, &path) else {
                    continue;
                };
                if let Some(to) = self.defining_file(&absolute, 0)
                    && to != i
                    && !self.encloses(to, i)
                {
                    let named = edges.entry(i).or_default().entry(to).or_default();
                    named.insert(path.join("::"));
                }
            }
        }
        edges
    }
}

/// Tarjan's strongly connected components of more than one file.
fn circles(n: usize, edges: &BTreeMap<usize, BTreeSet<usize>>) -> Vec<Vec<usize>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<usize, BTreeSet<usize>>,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        found: Vec<Vec<usize>>,
    }
    fn visit(w: &mut Walk, v: usize) {
        w.index[v] = Some(w.next);
        w.low[v] = w.next;
        w.next += 1;
        w.stack.push(v);
        w.on_stack[v] = true;
        for &to in w.edges.get(&v).into_iter().flatten() {
            match w.index[to] {
                None => {
                    visit(w, to);
                    w.low[v] = w.low[v].min(w.low[to]);
                }
                Some(at) if w.on_stack[to] => w.low[v] = w.low[v].min(at),
                Some(_) => {}
            }
        }
        if Some(w.low[v]) == w.index[v] {
            let mut component = Vec::new();
            while let Some(top) = w.stack.pop() {
                w.on_stack[top] = false;
                component.push(top);
                if top == v {
                    break;
                }
            }
            if component.len() > 1 {
                w.found.push(component);
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in 0..n {
        if walk.index[v].is_none() {
            visit(&mut walk, v);
        }
    }
    walk.found
}

fn layer_of(module: &ModPath) -> usize {
    let top = module.first().map_or("", String::as_str);
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top))
        .unwrap_or_else(|| panic!("module `{top}` is in no layer of tests/it/architecture.rs"))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_file_imports_one_that_imports_it_back() {
    let graph = Graph::read(&src());
    let edges = graph.edges();
    let named = graph.named_edges();
    let found = circles(graph.sources.len(), &edges);
    let imports: usize = edges.values().map(BTreeSet::len).sum();
    println!(
        "{} files, {imports} imports between files, {} circles",
        graph.sources.len(),
        found.len()
    );
    let described: Vec<String> = found
        .iter()
        .map(|component| {
            let names: Vec<String> = component
                .iter()
                .map(|&i| graph.sources[i].file.display().to_string())
                .collect();
            let mut line = names.join(" <-> ");
            for &from in component {
                for (to, paths) in named.get(&from).into_iter().flatten() {
                    if component.contains(to) {
                        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
                        line.push_str(&format!(
                            "\n    {} -> {}: {}",
                            graph.sources[from].file.display(),
                            graph.sources[*to].file.display(),
                            paths.join(", ")
                        ));
                    }
                }
            }
            line
        })
        .collect();
    for line in &described {
        println!("circle: {line}");
    }
    assert!(
        described.is_empty(),
        "import circles:\n{}",
        described.join("\n")
    );
}

#[test]
fn no_module_imports_one_above_it() {
    let graph = Graph::read(&src());
    let mut breaches = Vec::new();
    for (from, targets) in graph.edges() {
        for to in targets {
            let (a, b) = (&graph.sources[from], &graph.sources[to]);
            if layer_of(&b.module) > layer_of(&a.module) {
                breaches.push(format!("{} -> {}", a.file.display(), b.file.display()));
            }
        }
    }
    println!("{} imports of a module above", breaches.len());
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

#[test]
fn the_screens_state_never_imports_its_panes() {
    let graph = Graph::read(&src());
    let is = |i: usize, prefix: &[&str]| {
        let module = &graph.sources[i].module;
        module.len() >= prefix.len() && module.iter().zip(prefix).all(|(a, b)| a == b)
    };
    let breaches: Vec<String> = graph
        .edges()
        .into_iter()
        .flat_map(|(from, to)| to.into_iter().map(move |to| (from, to)))
        .filter(|&(from, to)| is(from, &["tui", "app"]) && is(to, &["tui", "ui"]))
        .map(|(from, to)| {
            format!(
                "{} -> {}",
                graph.sources[from].file.display(),
                graph.sources[to].file.display()
            )
        })
        .collect();
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

#[test]
fn the_reader_sees_through_reexports_and_groups() {
    let mut paths = Vec::new();
    expand(
        "crate::a::{b, c::{d, e as f}, self}",
        &mut Vec::new(),
        &mut |p| paths.push(p.join("::")),
    );
    assert_eq!(
        paths,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "crate::a"
        ]
    );
    let code = code_only(
        "// use crate::x;\nlet s = \"crate::y\"; #[cfg(test)] mod t { use crate::z; }\nuse crate::w;",
    );
    assert_eq!(
        use_paths(&code),
        vec![(false, vec!["crate".to_owned(), "w".to_owned()])]
    );
}
