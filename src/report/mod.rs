//! Reports: the plan's figures at a reporting date as markdown, JSON, CSV,
//! plain text or the xlsx ledger, for bulletins, scripts and CI; and the
//! figures over time that the git history gives (`history`). Every figure and status comes
//! from `model::schedule` (`PlanStatus`) and the attention order from
//! `model::attention`; every shown figure is written by `figures`. Values
//! the source does not give carry the assumed marker (`marks`).

mod attention;
pub mod brief;
mod cells;
mod closing;
mod contents;
mod csv;
mod headline;
pub mod history;
mod json;
mod marks;
mod md;
pub mod output;
pub mod rollup;
pub mod schema;
pub mod since;
mod text;
mod words;
mod xlsx;
pub mod yoy;

pub use contents::{Report, UnknownCampaign};
pub use xlsx::LedgerError;

/// The text formats of `campaigns report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Csv,
    Text,
}

/// What `campaigns report` writes: a text format, or the ledger workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Text(Format),
    Xlsx,
}

impl Report<'_> {
    /// The report as `export` writes it: the one route of every format.
    pub fn export(&self, export: Export) -> Result<Vec<u8>, LedgerError> {
        match export {
            Export::Text(format) => Ok(self.render(format).into_bytes()),
            Export::Xlsx => self.xlsx(),
        }
    }

    /// `report --brief` in `export`'s format (see `brief`); `None` for
    /// JSON and CSV, which have no brief.
    pub fn brief(&self, export: Export) -> Option<Result<Vec<u8>, LedgerError>> {
        match export {
            Export::Text(Format::Markdown) => Some(Ok(md::brief(self).into_bytes())),
            Export::Text(Format::Text) => Some(Ok(text::brief(self).into_bytes())),
            Export::Xlsx => Some(xlsx::brief(self)),
            Export::Text(Format::Json | Format::Csv) => None,
        }
    }

    /// The report in `format`, ending with a line break.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => md::render(self),
            Format::Json => json::render(self),
            Format::Csv => csv::render(self),
            Format::Text => text::render(self),
        }
    }
}

#[cfg(test)]
mod tests;
