//! A history as JSON, CSV or text.

mod csv;
mod json;
mod text;

pub use csv::render as csv;
pub use json::render as json;
pub use text::render as text;
