//! `campaigns`: review pollution-control campaigns kept in a plain
//! `campaigns.toml`, in the terminal or as reports.

pub mod config;
pub mod edit;
pub mod figures;
pub mod history;
pub mod i18n;
pub mod load;
pub mod model;
pub mod report;
pub mod rollup;
pub mod text;
pub mod tui;
