//! `campaigns history` as JSON, CSV or text: a report of the figures over
//! time that the git reader (`crate::history`) found.

mod csv;
mod json;
mod text;

pub use csv::render as csv;
pub use json::render as json;
pub use text::render as text;
