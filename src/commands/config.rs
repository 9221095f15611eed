//! `campaigns config [--check]`: the configuration in force as a commented
//! config.toml, or only "OK". An invalid file never gets here: `main`
//! validates it before any command runs.

use campaigns::config::{self, Source};
use campaigns::text::sanitize_line;

use super::settings::Configured;
use super::{VALID, settings, to_stdout};

pub fn config(check: bool, configured: &Configured) -> anyhow::Result<u8> {
    if check {
        let said = match &configured.source {
            Source::File(path) => format!("{}: OK", shown(path)),
            Source::Missing(path) => format!("{}: not found; the defaults are OK", shown(path)),
            Source::Unreadable { path, reason } => format!(
                "{}: cannot be read ({}); the defaults are OK",
                shown(path),
                sanitize_line(reason)
            ),
            Source::Nowhere => "no config file (HOME is not set); the defaults are OK".into(),
        };
        to_stdout(format!("{said}\n").as_bytes())?;
        return Ok(VALID);
    }
    let locale_lang = settings::locale_lang();
    let text = config::print::render(&configured.config, &configured.source, locale_lang);
    to_stdout(text.as_bytes())?;
    Ok(VALID)
}

fn shown(path: &std::path::Path) -> String {
    sanitize_line(&path.display().to_string())
}
