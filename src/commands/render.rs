//! `campaigns render`: one frame of the screen as text.

use std::path::Path;

use super::{VALID, settings, to_stderr, to_stdout};
use crate::cli::Common;
use campaigns::tui::render::Request;

pub fn render(
    file: &Path,
    common: &Common,
    request: &Request,
    config: &campaigns::config::Config,
) -> anyhow::Result<u8> {
    let settings = settings::screen(common, Some(false), config);
    match campaigns::tui::render::render(file, settings, request) {
        Ok(frame) => {
            to_stdout(frame.as_bytes())?;
            Ok(VALID)
        }
        Err(failure) => {
            to_stderr(&format!("campaigns: {}", failure.message));
            Ok(failure.code)
        }
    }
}
