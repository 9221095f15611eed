//! A file as loaded: the one owner of its text, its plan, its diagnostics,
//! where each part is written and the reporting date it was read at, so
//! that they always describe the same bytes.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Diagnostic, ItemKind, LineIndex, Loaded, Options, ReadError, Sections, parse, read};
use crate::model::{Lang, Plan};

/// A file that loaded without errors: what the screen shows and what a
/// write-back starts from. Its diagnostics are warnings only.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub(super) path: PathBuf,
    /// Shared, so that a reader off the screen's thread can have it
    /// without a copy (27 MB at 100 000 tasks).
    pub(super) text: Arc<String>,
    pub(super) plan: Plan,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) sections: Sections,
    pub(super) options: Options,
    /// `--as-of`, else `meta.as_of`, else today: resolved once, at the load.
    pub(super) as_of: NaiveDate,
}

/// A file that was read but has errors: its text and every diagnostic.
#[derive(Clone, Debug)]
pub struct Invalid {
    pub path: PathBuf,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// What reading and loading a file gave.
// Made once per load and unpacked at once: boxing the document would buy
// nothing but an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Opened {
    Valid(Document),
    Invalid(Invalid),
}

impl Opened {
    /// Reads and loads `path`.
    pub fn load(path: &Path, options: Options) -> Result<Opened, ReadError> {
        let text = read(path)?;
        Ok(Opened::parse(path, text, options))
    }

    /// Loads `text`, read from `path`.
    pub fn parse(path: &Path, text: String, options: Options) -> Opened {
        let loaded = parse(&text, options);
        Opened::from_loaded(path, text, loaded, options)
    }

    /// `loaded` is what `parse(&text, options)` gave.
    pub fn from_loaded(path: &Path, text: String, loaded: Loaded, options: Options) -> Opened {
        let path = path.to_owned();
        match loaded.plan {
            Some(plan) => Opened::Valid(Document {
                as_of: options.reporting_date(plan.meta.as_of),
                path,
                text: Arc::new(text),
                plan,
                diagnostics: loaded.diagnostics,
                sections: loaded.sections,
                options,
            }),
            None => Opened::Invalid(Invalid {
                path,
                text,
                diagnostics: loaded.diagnostics,
            }),
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            Opened::Valid(document) => &document.path,
            Opened::Invalid(invalid) => &invalid.path,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Opened::Valid(document) => &document.text,
            Opened::Invalid(invalid) => &invalid.text,
        }
    }

    /// Every diagnostic, errors and warnings, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Opened::Valid(document) => &document.diagnostics,
            Opened::Invalid(invalid) => &invalid.diagnostics,
        }
    }

    pub fn document(&self) -> Option<&Document> {
        match self {
            Opened::Valid(document) => Some(document),
            Opened::Invalid(_) => None,
        }
    }

    pub fn into_document(self) -> Option<Document> {
        match self {
            Opened::Valid(document) => Some(document),
            Opened::Invalid(_) => None,
        }
    }

    /// The path as messages show it.
    pub fn shown_path(&self) -> String {
        self.path().display().to_string()
    }

    /// The diagnostics rendered rustc-style, one block after another: every
    /// error, and at most `max_warnings` warnings (a generated file can have
    /// thousands) followed by a line saying how many were left out.
    pub fn render_diagnostics(&self, color: bool, max_warnings: usize, lang: Lang) -> String {
        let (text, path) = (self.text(), self.shown_path());
        let index = LineIndex::new(text);
        let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
            self.diagnostics().iter().partition(|d| d.is_error());
        let mut blocks: Vec<String> = errors
            .iter()
            .chain(warnings.iter().take(max_warnings))
            .map(|d| d.render_indexed(text, &index, &path, color, lang))
            .collect();
        let hidden = warnings.len().saturating_sub(max_warnings);
        if hidden > 0 {
            blocks.push(match lang {
                Lang::En => format!("... and {hidden} more warnings"),
                Lang::Zh => format!("……另有 {hidden} 条警告"),
            });
        }
        blocks.join("\n\n")
    }
}

impl Document {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text, shared: no copy is made.
    pub fn shared_text(&self) -> Arc<String> {
        Arc::clone(&self.text)
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The warnings, in file order (a document has no errors).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Where each part of the plan is written.
    pub fn sections(&self) -> &Sections {
        &self.sections
    }

    /// The reporting date the statuses are computed at.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// How the dates of the file were read.
    pub fn options(&self) -> Options {
        self.options
    }

    /// The plan, for a caller that keeps nothing else of the document.
    pub fn into_plan(self) -> Plan {
        self.plan
    }

    /// Whether the re-read can take changes of this document: its
    /// campaigns are all `[[campaign]]` sections of their own.
    pub(super) fn rereadable(&self) -> bool {
        let campaigns = self.sections.campaigns.len();
        campaigns == self.plan.campaigns.len() && campaigns > 0
    }

    /// Where the campaign `id` is written.
    pub fn section_of(&self, id: &str) -> Option<Range<usize>> {
        if !self.rereadable() {
            return None;
        }
        let index = self.plan.campaigns.iter().position(|c| c.id == id)?;
        self.sections.campaigns.get(index).cloned()
    }

    /// Where item `item` of campaign `campaign` is written, if it has a
    /// section of its own.
    pub fn item_section_of(&self, campaign: &str, item: &str) -> Option<Range<usize>> {
        if !self.rereadable() {
            return None;
        }
        let index = self.plan.campaigns.iter().position(|c| c.id == campaign)?;
        let found = &self.plan.campaigns[index];
        let (kind, place) = match found.tasks.iter().position(|t| t.id == item) {
            Some(at) => (ItemKind::Task, at),
            None => (
                ItemKind::Indicator,
                found.indicators.iter().position(|i| i.id == item)?,
            ),
        };
        self.sections.items[self.sections.items_of(index)]
            .iter()
            .find(|section| section.kind == kind && section.index == place)
            .map(|section| section.range.clone())
    }
}
