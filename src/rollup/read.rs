//! Reads `rollup.toml` into a [`Manifest`], collecting every problem as
//! the plan's loader does: each at `rollup.toml:LINE:COL` with the line
//! itself, unknown keys with a "did you mean".

use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;

use super::format;
use super::manifest::{Alias, By, Combine, DEFAULT_FILE, How, Manifest, Ranking, Source, UnitSpec};
use crate::load::tree::{self, Item, Value};
use crate::load::{Collector, Diagnostic, Fields, Words, did_you_mean_help, is_valid_id};

/// What reading a manifest gave: the manifest when there was no error, and
/// every diagnostic, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadManifest {
    pub manifest: Option<Manifest>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and validates the text of a manifest.
pub fn parse(source: &str) -> ReadManifest {
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let shift = source.len() - body.len();
    let mut reader = Reader::default();
    let manifest = match tree::parse(body) {
        Ok(tree) => reader.manifest(tree.root()),
        Err(first) => {
            let span = first.span.unwrap_or(0..0);
            reader.out.error(Diagnostic::error(
                span,
                Words::new(
                    format!("TOML syntax: {}", first.message.trim_end()),
                    format!("TOML 语法错误：{}", first.message.trim_end()),
                ),
                Words::new("here", "此处"),
            ));
            None
        }
    };
    let mut diagnostics = reader.out.diagnostics;
    for diagnostic in &mut diagnostics {
        diagnostic.span = diagnostic.span.start + shift..diagnostic.span.end + shift;
    }
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    let manifest = manifest.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    ReadManifest {
        manifest,
        diagnostics,
    }
}

/// Whether `text` is a roll-up manifest rather than a plan: it has a
/// `[rollup]` table (a plan never does).
pub fn is_manifest(text: &str) -> bool {
    // Only a header line is looked at closely: a plan has thousands of lines.
    let headers = text
        .lines()
        .filter(|line| line.trim_start().starts_with('['));
    headers.into_iter().any(|line| {
        let line: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        line.strip_prefix("[rollup]")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('#'))
    })
}

#[derive(Default)]
struct Reader {
    out: Collector,
}

impl Reader {
    fn manifest(&mut self, root: Value<'_, '_>) -> Option<Manifest> {
        let root = self.out.table(root, &format::ROOT)?;
        let head = match root.get("rollup") {
            Some(value) => self.head(value),
            None => {
                self.out.error(Diagnostic::error(
                    0..0,
                    Words::new("missing the [rollup] table", "缺少 `[rollup]` 表"),
                    Words::new("the file starts here", "文件从这里开始"),
                ));
                None
            }
        };
        let units = self.units(&root);
        let ids: Vec<String> = units.iter().map(|unit| unit.id.clone()).collect();
        let groups: Vec<&str> = units
            .iter()
            .flat_map(|unit| unit.groups.iter().map(String::as_str))
            .collect();
        let combine = self.each(&root, "combine", |reader, value| reader.combine(value));
        let rankings = self.each(&root, "ranking", |reader, value| {
            reader.ranking(value, &groups)
        });
        let aliases = root
            .get("alias")
            .map_or_else(Vec::new, |value| self.aliases(value, &ids));
        let office = super::office::read(&mut self.out, root.get("rollup"), &ids);
        let (title, as_of, stale_after_days) = head?;
        Some(Manifest {
            title,
            as_of,
            stale_after_days,
            units,
            combine,
            rankings,
            aliases,
            office: office?,
        })
    }

    /// The `[rollup]` table: title, as_of, stale_after_days.
    #[allow(clippy::type_complexity)]
    fn head(
        &mut self,
        value: Value<'_, '_>,
    ) -> Option<(crate::model::Text, Option<chrono::NaiveDate>, Option<u32>)> {
        let fields = self.out.table(value, &format::ROLLUP)?;
        let title = fields.get("title").and_then(|v| self.out.text(v, "title"));
        let as_of = fields.get("as_of").and_then(|v| self.out.date(v, "as_of"));
        let stale = match fields.get("stale_after_days") {
            Some(v) => Some(Some(self.count(v, "stale_after_days", 0)?)),
            None => Some(None),
        };
        Some((title?, as_of, stale?.map(|n| n as u32)))
    }

    /// Every table of the array `key`, read by `read`; those with errors left out.
    fn each<T>(
        &mut self,
        root: &Fields<'_, '_>,
        key: &str,
        mut read: impl FnMut(&mut Reader, Value<'_, '_>) -> Option<T>,
    ) -> Vec<T> {
        let Some(list) = root.get(key) else {
            return Vec::new();
        };
        let Some(list) = self.out.array(list, key) else {
            return Vec::new();
        };
        list.iter().filter_map(|value| read(self, value)).collect()
    }

    fn units(&mut self, root: &Fields<'_, '_>) -> Vec<UnitSpec> {
        let mut seen: HashSet<String> = HashSet::new();
        self.each(root, "unit", |reader, value| {
            let (unit, id_span) = reader.unit(value)?;
            if !seen.insert(unit.id.clone()) {
                reader.out.error(Diagnostic::error(
                    id_span,
                    Words::new(
                        format!("unit id `{}` is used twice", unit.id),
                        format!("单位 id `{}` 重复", unit.id),
                    ),
                    Words::new("duplicate id", "重复的 id"),
                ));
                return None;
            }
            Some(unit)
        })
    }

    fn unit(&mut self, value: Value<'_, '_>) -> Option<(UnitSpec, Range<usize>)> {
        let fields = self.out.table(value, &format::UNIT)?;
        let id_value = fields.get("id");
        let id = id_value.and_then(|v| self.out.id(v));
        let name = fields.get("name").and_then(|v| self.out.text(v, "name"));
        let source = self.source(&fields);
        let groups = match fields.get("groups") {
            Some(v) => self.ids(v, "groups"),
            None => Some(Vec::new()),
        };
        let spec = UnitSpec {
            id: id?,
            name: name?,
            source: source?,
            groups: groups?,
        };
        Some((spec, id_value?.span()))
    }

    /// `path`, or `ref` with an optional `file`: exactly one of the two.
    fn source(&mut self, fields: &Fields<'_, '_>) -> Option<Source> {
        let path = fields.get("path");
        let reference = fields.get("ref");
        let file = fields.get("file");
        match (path, reference) {
            (Some(_), Some(second)) => {
                self.rule(
                    second,
                    "a unit takes `path` or `ref`, not both",
                    "单位只能写 `path` 或 `ref` 之一",
                );
                None
            }
            (None, None) => {
                self.out.error(
                    Diagnostic::error(
                        fields.span.clone(),
                        Words::new("a unit needs `path` or `ref`", "单位须写 `path` 或 `ref`"),
                        Words::new("where is its campaigns.toml?", "其 campaigns.toml 在何处？"),
                    )
                    .with_help(Words::new(
                        "path = \"units/NAME/campaigns.toml\" or ref = \"refs/remotes/NAME/main\"",
                        "`path = \"units/名称/campaigns.toml\"` 或 `ref = \"refs/remotes/名称/main\"`",
                    )),
                );
                None
            }
            (Some(path), None) => {
                if let Some(file) = file {
                    self.rule(
                        file,
                        "`file` goes with `ref`; with `path` name the file in it",
                        "`file` 仅与 `ref` 连用；用 `path` 时直接写文件路径",
                    );
                    return None;
                }
                let text = self.nonempty(path, "path")?;
                Some(Source::Path(PathBuf::from(text)))
            }
            (None, Some(reference)) => {
                let reference = self.nonempty(reference, "ref")?;
                let file = match file {
                    Some(file) => self.file_in_tree(file)?,
                    None => DEFAULT_FILE.to_owned(),
                };
                Some(Source::Ref { reference, file })
            }
        }
    }

    /// A path in a git tree: relative, `/`-separated, no `.` or `..`.
    fn file_in_tree(&mut self, value: Value<'_, '_>) -> Option<String> {
        let file = self.nonempty(value, "file")?;
        let bad = file.starts_with('/')
            || file
                .split('/')
                .any(|part| part.is_empty() || part == "." || part == "..");
        if bad {
            self.rule(value, "`file` must be a path inside the ref's tree, like \"campaigns.toml\" or \"city/campaigns.toml\"", "`file` 应为该 ref 目录树中的相对路径，如 `\"campaigns.toml\"`");
            return None;
        }
        Some(file)
    }

    fn combine(&mut self, value: Value<'_, '_>) -> Option<Combine> {
        let fields = self.out.table(value, &format::COMBINE)?;
        let item = fields.get("item").and_then(|v| self.item_key(v, "item"));
        let how = self.out.word(&fields, "how")?;
        Some(Combine {
            item: item?,
            how: how.and_then(How::parse).unwrap_or(How::None),
        })
    }

    fn ranking(&mut self, value: Value<'_, '_>, groups: &[&str]) -> Option<Ranking> {
        let fields = self.out.table(value, &format::RANKING)?;
        let item = fields.get("item").and_then(|v| self.item_key(v, "item"));
        let by = self.out.word(&fields, "by");
        let ties = self.out.word(&fields, "ties");
        let then = match fields.get("then") {
            Some(v) => self.item_keys(v, "then"),
            None => Some(Vec::new()),
        };
        // Each read before any `?`, so every error is reported.
        let show = fields.get("show").map(|v| self.count(v, "show", 1));
        let group = fields.get("group").map(|v| self.group(v, groups));
        ties?;
        Some(Ranking {
            item: item?,
            by: by?.and_then(By::parse).unwrap_or(By::Value),
            then: then?,
            show: written(show)?.map(|n| n as usize),
            group: written(group)?,
        })
    }

    /// A group some unit belongs to.
    fn group(&mut self, value: Value<'_, '_>, groups: &[&str]) -> Option<String> {
        let group = self.out.id(value)?;
        if groups.contains(&group.as_str()) {
            return Some(group);
        }
        let diagnostic = Diagnostic::error(
            value.span(),
            Words::new(
                format!("no unit is in the group `{group}`"),
                format!("没有单位属于分组 `{group}`"),
            ),
            Words::new("unknown group", "未知的分组"),
        );
        self.out
            .error(match crate::load::did_you_mean(&group, groups) {
                Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
                None => diagnostic,
            });
        None
    }

    /// The `[alias]` table: `"unit:campaign/item" = "campaign/item"`, or
    /// without `unit:` for every unit.
    fn aliases(&mut self, value: Value<'_, '_>, units: &[String]) -> Vec<Alias> {
        let Item::Table(entries) = value.item() else {
            self.out.wrong_type(
                value,
                Words::new("[alias] must be a table", "`[alias]` 应为表"),
                Words::new("a table", "表"),
            );
            return Vec::new();
        };
        let mut aliases = Vec::new();
        for (key, key_span, to) in entries.iter() {
            let (unit, from) = match key.split_once(':') {
                Some((unit, from)) => (Some(unit), from),
                None => (None, key),
            };
            if let Some(unit) = unit.filter(|unit| !units.iter().any(|id| id == unit)) {
                let known: Vec<&str> = units.iter().map(String::as_str).collect();
                let diagnostic = Diagnostic::error(
                    key_span.clone(),
                    Words::new(
                        format!("no unit `{unit}` in the manifest"),
                        format!("清单中没有单位 `{unit}`"),
                    ),
                    Words::new("unknown unit", "未知的单位"),
                );
                self.out
                    .error(match crate::load::did_you_mean(unit, &known) {
                        Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
                        None => diagnostic,
                    });
                continue;
            }
            if !is_item_key(from) {
                self.out.error(item_key_error(key_span, key));
                continue;
            }
            if let Some(to) = self.item_key(to, key) {
                aliases.push(Alias {
                    unit: unit.map(str::to_owned),
                    from: from.to_owned(),
                    to,
                });
            }
        }
        aliases
    }

    /// `campaign/item`, two ids.
    fn item_key(&mut self, value: Value<'_, '_>, key: &str) -> Option<String> {
        let text = self.out.string(value, key)?;
        if is_item_key(&text) {
            return Some(text);
        }
        self.out.error(item_key_error(value.span(), &text));
        None
    }

    fn item_keys(&mut self, value: Value<'_, '_>, key: &str) -> Option<Vec<String>> {
        let list = self.out.array(value, key)?;
        let keys: Vec<Option<String>> = list.iter().map(|v| self.item_key(v, key)).collect();
        keys.into_iter().collect()
    }

    fn ids(&mut self, value: Value<'_, '_>, key: &str) -> Option<Vec<String>> {
        let list = self.out.array(value, key)?;
        let ids: Vec<Option<String>> = list.iter().map(|v| self.out.id(v)).collect();
        ids.into_iter().collect()
    }

    fn nonempty(&mut self, value: Value<'_, '_>, key: &str) -> Option<String> {
        let text = self.out.string(value, key)?;
        if text.trim().is_empty() {
            self.rule(
                value,
                &format!("`{key}` must not be empty"),
                &format!("`{key}` 不能为空"),
            );
            return None;
        }
        Some(text)
    }

    /// A whole number of at least `least`.
    fn count(&mut self, value: Value<'_, '_>, key: &str, least: u32) -> Option<u64> {
        let number = self.out.number(value, key)?;
        if number.fract() == 0.0 && number >= f64::from(least) && number <= 1e9 {
            return Some(number as u64);
        }
        self.rule(
            value,
            &format!("`{key}` must be a whole number of at least {least}"),
            &format!("`{key}` 应为不小于 {least} 的整数"),
        );
        None
    }

    fn rule(&mut self, value: Value<'_, '_>, en: &str, zh: &str) {
        self.out.error(Diagnostic::error(
            value.span(),
            Words::new(en, zh),
            Words::new("here", "此处"),
        ));
    }
}

/// An optional key's value as read: `Some(None)` when it is not written,
/// `None` when it is written wrong (its error already reported).
fn written<T>(read: Option<Option<T>>) -> Option<Option<T>> {
    read.map_or(Some(None), |value| value.map(Some))
}

fn is_item_key(text: &str) -> bool {
    text.split_once('/')
        .is_some_and(|(campaign, item)| is_valid_id(campaign) && is_valid_id(item))
}

fn item_key_error(span: Range<usize>, text: &str) -> Diagnostic {
    Diagnostic::error(
        span,
        Words::new(
            format!("`{text}` is not an item like \"blue-sky/pm25\" (campaign/item)"),
            format!("`{text}` 不是形如 `\"blue-sky/pm25\"` 的项目（攻坚战/项目）"),
        ),
        Words::new("campaign id / item id", "攻坚战 id / 项目 id"),
    )
}
