//! The problems of the file as last read: what the banner says after a
//! failed load, and every error and warning of the file shown. Kept as the
//! loader's diagnostics, not as text, so they read in the language of the
//! moment (`L` switches it).

use super::*;
use crate::load::{Diagnostic, Invalid};

/// Why the banner is up.
#[derive(Debug)]
pub(crate) enum Banner {
    /// The file could not be read: the reason, made safe to print.
    Unreadable(String),
    /// The file was read and has errors; the last good data stays shown.
    Rejected(Invalid),
}

/// The diagnostics of one text, with what they need to be shown.
pub struct Problems<'a> {
    pub path: String,
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

impl App {
    /// The banner's line: the first error as `file:line:col: message`, and
    /// how many more there are.
    pub fn banner(&self) -> Option<String> {
        match self.banner.as_ref()? {
            Banner::Unreadable(reason) => Some(reason.clone()),
            Banner::Rejected(invalid) => {
                let lang = self.settings.lang;
                let path = invalid.path.display().to_string();
                let mut errors = invalid.diagnostics.iter().filter(|d| d.is_error());
                let first = errors
                    .next()
                    .map(|d| d.headline(&invalid.text, &path, lang))
                    .unwrap_or_default();
                Some(match errors.count() {
                    0 => first,
                    more => format!("{first} (+{more})"),
                })
            }
        }
    }

    /// Every error and warning of the file as last read: the rejected text's
    /// when a load failed, else the shown document's warnings.
    pub fn problems(&self) -> Option<Problems<'_>> {
        if let Some(Banner::Rejected(invalid)) = &self.banner {
            return Some(Problems {
                path: invalid.path.display().to_string(),
                text: &invalid.text,
                diagnostics: &invalid.diagnostics,
            });
        }
        let document = self.document()?;
        Some(Problems {
            path: document.path().display().to_string(),
            text: document.text(),
            diagnostics: document.warnings(),
        })
    }

    /// The text of a load that failed, while the banner says so.
    pub(super) fn rejected_text(&self) -> Option<&str> {
        match &self.banner {
            Some(Banner::Rejected(invalid)) => Some(&invalid.text),
            _ => None,
        }
    }
}
