//! A roll-up manifest (`rollup.toml`) given where a plan is taken: `check`
//! validates the manifest and every unit, `report` writes the roll-up's
//! figures; the screen and `render` show the roll-up screen.

use std::path::Path;

use campaigns::config::Config;
use campaigns::load::{self, LineIndex};
use campaigns::model::Lang;
use campaigns::report::Format;
use campaigns::report::rollup::RollupReport;
use campaigns::rollup::{self, Manifest, Rollup, State};
use campaigns::text::sanitize_line;
use campaigns::tui::Settings;
use campaigns::tui::rollup::{RollupRequest, render_rollup};

use super::{COULD_NOT_RUN, INVALID, VALID, settings, to_stderr, to_stdout};
use crate::cli::{Common, ReportFormat};

/// A manifest is small: a file over this is a plan, never read twice.
const MAX_MANIFEST_BYTES: u64 = 4 * 1024 * 1024;

/// Whether `file` is a roll-up manifest: a small regular file with a
/// `[rollup]` table. Anything else is left to the plan's own reading.
pub fn is_manifest(file: &Path) -> bool {
    let small_file =
        std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.len() <= MAX_MANIFEST_BYTES);
    small_file && load::read(file).is_ok_and(|text| rollup::is_manifest(&text))
}

/// `campaigns rollup.toml`: the roll-up screen. A manifest with errors:
/// exit 1 before the terminal is touched; a unit's errors show on it.
pub fn screen(file: &Path, settings: Settings, common: &Common) -> anyhow::Result<u8> {
    let rollup = match read_manifest(file, common, settings.lang) {
        Ok(rollup) => rollup,
        Err(code) => return Ok(code),
    };
    campaigns::tui::rollup::run::run(rollup, settings)
}

/// `campaigns render rollup.toml`: one frame of the roll-up screen.
pub fn render(
    file: &Path,
    request: &RollupRequest,
    common: &Common,
    config: &Config,
) -> anyhow::Result<u8> {
    let settings = settings::screen(common, Some(false), config);
    let rollup = match read_manifest(file, common, settings.lang) {
        Ok(rollup) => rollup,
        Err(code) => return Ok(code),
    };
    match render_rollup(rollup, settings, request) {
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

/// `render`, `set` or `history` given a manifest: exit 2, naming what
/// takes one (a unit's own file is what these read and write).
/// A plan's command given a roll-up manifest: its errors as `check` prints
/// them when it has any (a page that only quotes a `[rollup]` header is
/// no manifest), else what to run instead.
pub fn not_yet(file: &Path, command: &str, common: &Common, config: &Config) -> anyhow::Result<u8> {
    let lang = settings::lang(common, config);
    if let Err(code) = read_manifest_only(file, common, lang) {
        return Ok(code);
    }
    let file = sanitize_line(&file.display().to_string());
    to_stderr(&format!(
        "campaigns: {file} is a roll-up manifest; `{command}` takes one unit's campaigns.toml. \
         For the roll-up use `campaigns report {file}` or `campaigns check {file}`"
    ));
    Ok(COULD_NOT_RUN)
}

/// Reads the manifest and prints its diagnostics; `Err`: the exit code.
fn read_manifest(file: &Path, common: &Common, lang: Lang) -> Result<Rollup, u8> {
    let manifest = read_manifest_only(file, common, lang)?;
    Ok(Rollup::load(manifest, file, settings::dates(common)))
}

/// Reads and validates the manifest alone (no unit loaded), printing its
/// problems as `check` does; `Err`: the exit code (2 unreadable, 1 invalid).
pub fn read_manifest_only(file: &Path, common: &Common, lang: Lang) -> Result<Manifest, u8> {
    let text = load::read(file).map_err(|err| {
        to_stderr(&format!("campaigns: {err}"));
        COULD_NOT_RUN
    })?;
    let read = rollup::parse(&text);
    let shown = file.display().to_string();
    if !read.diagnostics.is_empty() {
        let color = settings::stderr_color(common);
        let index = LineIndex::new(&text);
        let blocks: Vec<String> = read
            .diagnostics
            .iter()
            .map(|d| d.render_indexed(&text, &index, &shown, color, lang))
            .collect();
        to_stderr(&format!("{}\n", blocks.join("\n\n")));
    }
    read.manifest.ok_or_else(|| {
        let (errors, warnings) = load::summary(&read.diagnostics);
        let summary = campaigns::i18n::problem_counts(lang, errors, warnings);
        to_stderr(&format!("campaigns: {}: {summary}", sanitize_line(&shown)));
        INVALID
    })
}

/// `campaigns check rollup.toml`: the manifest, then every unit's
/// problems; exit 1 when the manifest or a unit has errors.
pub fn check(file: &Path, common: &Common, config: &Config) -> anyhow::Result<u8> {
    let lang = settings::lang(common, config);
    let rollup = match read_manifest(file, common, lang) {
        Ok(rollup) => rollup,
        Err(code) => return Ok(code),
    };
    let color = settings::stderr_color(common);
    for unit in &rollup.units {
        match &unit.state {
            State::Unreadable(why) => {
                to_stderr(&format!("campaigns: {}: {}", unit.id, sanitize_line(why)))
            }
            State::Opened(opened, _) if !opened.diagnostics().is_empty() => {
                to_stderr(&format!("{}\n", opened.render_diagnostics(color, 50, lang)));
            }
            State::Opened(..) => {}
        }
    }
    let (all, broken, stale) = (
        rollup.units.len(),
        rollup.broken().count(),
        rollup.stale().count(),
    );
    let path = sanitize_line(&file.display().to_string());
    office_warnings(&rollup, &path, common, lang);
    let verdict = match (lang, broken) {
        (Lang::En, 0) => "valid",
        (Lang::En, _) => "errors",
        (Lang::Zh, 0) => "校验通过",
        (Lang::Zh, _) => "有错误",
    };
    let line = match lang {
        Lang::En => format!(
            "{path}: {verdict}: {all} units, {broken} with errors, {stale} not reported (未报送)\n"
        ),
        Lang::Zh => {
            format!("{path}：{verdict}：共{all}个单位，{broken}个有错误，{stale}个未报送\n")
        }
    };
    // Each `ref` unit's commit and when it was last fetched, before the verdict.
    to_stdout(super::fetch::freshness::lines(&rollup, lang).as_bytes())?;
    to_stdout(line.as_bytes())?;
    Ok(if broken == 0 { VALID } else { INVALID })
}

/// `campaigns report rollup.toml`: the roll-up in md, text, JSON or CSV.
/// Broken units are flagged in the report (and on stderr); the report
/// stands. A manifest with errors: exit 1, no report.
pub fn report(
    file: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    asked: (&[String], bool),
    common: &Common,
    config: &Config,
) -> anyhow::Result<u8> {
    // `None`: the xlsx ledger.
    let text_format = match (format, asked) {
        (_, (campaigns, _)) if !campaigns.is_empty() => return refuse("--campaign"),
        (_, (_, true)) => return refuse("--since / --yoy / --brief"),
        (ReportFormat::Xlsx, _) => None,
        (ReportFormat::Md, _) => Some(Format::Markdown),
        (ReportFormat::Json, _) => Some(Format::Json),
        (ReportFormat::Csv, _) => Some(Format::Csv),
        (ReportFormat::Text, _) => Some(Format::Text),
    };
    let target = match super::report::refused_output(file, format, output) {
        Ok(target) => target,
        Err(code) => return Ok(code),
    };
    let lang = settings::lang(common, config);
    let rollup = match read_manifest(file, common, lang) {
        Ok(rollup) => rollup,
        Err(code) => return Ok(code),
    };
    for unit in rollup.broken() {
        for error in unit.errors(lang) {
            to_stderr(&format!(
                "campaigns: {}: {}",
                unit.id,
                sanitize_line(&error)
            ));
        }
    }
    let report = RollupReport::new(&rollup, lang, common.ascii);
    let bytes = match text_format {
        Some(format) => report.render(format).into_bytes(),
        // Made whole in memory first: `--output` is replaced only by a
        // complete workbook, or left as it was.
        None => match report.xlsx() {
            Ok(bytes) => bytes,
            Err(err) => {
                to_stderr(&format!("campaigns: the ledger could not be made: {err}"));
                return Ok(COULD_NOT_RUN);
            }
        },
    };
    super::report::write_out(target.as_ref(), &bytes)
}

/// The summed items where the office's own figure is not the units' sum:
/// a warning each, naming both places.
fn office_warnings(rollup: &Rollup, path: &str, common: &Common, lang: Lang) {
    let report = RollupReport::new(rollup, lang, common.ascii);
    let (warning, colon) = match lang {
        Lang::En => ("warning: ", ": "),
        Lang::Zh => ("警告：", "："),
    };
    for (line, differs) in report.office_checks(|c| c.item.clone()) {
        if differs {
            to_stderr(&format!("{warning}{path}{colon}{}", sanitize_line(&line)));
        }
    }
}

fn refuse(flag: &str) -> anyhow::Result<u8> {
    to_stderr(&format!(
        "campaigns: {flag} does not apply to a roll-up manifest yet; its report is md, text, json, csv or xlsx"
    ));
    Ok(COULD_NOT_RUN)
}
