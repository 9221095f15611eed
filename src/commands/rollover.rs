//! `campaigns rollover YEAR [FILE] -o OUTPUT`: the next year's plan drafted
//! from this one (edit::rollover), checked as `check` would, written as a
//! new file and never over one; what changed on stdout, in zh or en.

use std::path::Path;

use campaigns::config::Config;
use campaigns::edit::rollover::{Fate, Rolled, roll_over};
use campaigns::figures::number;
use campaigns::load::Opened;
use campaigns::model::{ItemPath, Lang, Text};
use campaigns::report::output;
use campaigns::text::sanitize_line;

use super::{
    COULD_NOT_RUN, INVALID, VALID, load_reporting_problems, settings, to_stderr, to_stdout,
};
use crate::cli::Common;

pub fn rollover(
    year: i32,
    file: &Path,
    out: &Path,
    common: &Common,
    config: &Config,
) -> anyhow::Result<u8> {
    let lang = settings::lang(common, config);
    if let Some(refusal) = refusal(file, out, lang) {
        to_stderr(&refusal);
        return Ok(COULD_NOT_RUN);
    }
    let opened = match load_reporting_problems(file, common, lang) {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let Some(document) = opened.document() else {
        return Ok(INVALID);
    };
    let rolled = match roll_over(opened.text(), document.plan(), year) {
        Ok(rolled) => rolled,
        Err(err) => {
            to_stderr(&format!("campaigns: {}: {err}", opened.shown_path()));
            return Ok(COULD_NOT_RUN);
        }
    };
    // The draft must pass `check` before it is written.
    let draft = Opened::parse(out, rolled.text.clone(), settings::dates(common));
    if draft.document().is_none() {
        let color = settings::stderr_color(common);
        to_stderr(&draft.render_diagnostics(color, 50, lang));
        return Ok(INVALID);
    }
    if let Err(err) = output::create(out, rolled.text.as_bytes()) {
        to_stderr(&format!("campaigns: {err}"));
        return Ok(COULD_NOT_RUN);
    }
    let from = opened.shown_path();
    let to = sanitize_line(&out.display().to_string());
    let arrow = if common.ascii { "->" } else { "→" };
    let mut text = match lang {
        Lang::En => format!("{from} {arrow} {to}: the {year} plan, drafted\n"),
        Lang::Zh => format!("{from} {arrow} {to}：已起草{year}年计划\n"),
    };
    for change in &rolled.changes {
        text.push_str("  ");
        text.push_str(&line(change, lang).replace('→', arrow));
        text.push('\n');
    }
    to_stdout(text.as_bytes())?;
    Ok(VALID)
}

/// Why OUTPUT may not be written: it is the plan, or it exists.
fn refusal(file: &Path, out: &Path, lang: Lang) -> Option<String> {
    let shown = sanitize_line(&out.display().to_string());
    let same = match (std::fs::canonicalize(file), std::fs::canonicalize(out)) {
        (Ok(plan), Ok(output)) => plan == output,
        _ => file == out,
    };
    let exists = std::fs::symlink_metadata(out).is_ok();
    Some(match (same, exists, lang) {
        (true, _, Lang::En) => format!(
            "campaigns: {shown} is the plan itself: rollover never writes over it; give a new file with -o"
        ),
        (true, _, Lang::Zh) => {
            format!("campaigns：{shown} 就是计划文件本身：rollover 从不覆盖它；请用 -o 指定新文件")
        }
        (false, true, Lang::En) => format!(
            "campaigns: {shown} exists: rollover never writes over a file; give a new name with -o"
        ),
        (false, true, Lang::Zh) => {
            format!("campaigns：{shown} 已存在：rollover 从不覆盖已有文件；请用 -o 指定新文件名")
        }
        (false, false, _) => return None,
    })
}

/// One change, as a line of the summary.
fn line(change: &Rolled, lang: Lang) -> String {
    let name = |text: &Text| sanitize_line(text.get(lang));
    match (change, lang) {
        (Rolled::AsOf { from, to }, Lang::En) => format!("reporting date {} → {to}", date(*from)),
        (Rolled::AsOf { from, to }, Lang::Zh) => format!("报告日期 {} → {to}", date(*from)),
        (
            Rolled::CampaignDates {
                campaign,
                name: text,
                start,
                end,
            },
            Lang::En,
        ) => format!(
            "campaign {campaign} {}: {} to {}",
            name(text),
            date(*start),
            date(*end)
        ),
        (
            Rolled::CampaignDates {
                campaign,
                name: text,
                start,
                end,
            },
            Lang::Zh,
        ) => format!(
            "攻坚战 {campaign} {}：{} 至 {}",
            name(text),
            date(*start),
            date(*end)
        ),
        (
            Rolled::Task {
                path,
                name: text,
                done,
                total,
                fate,
            },
            _,
        ) => task_line(path, &name(text), *done, *total, *fate, lang),
        (Rolled::FollowsDropped { path, named }, Lang::En) => {
            format!("{path}: follows {named} taken away ({named} is left out)")
        }
        (Rolled::FollowsDropped { path, named }, Lang::Zh) => {
            format!("{path}：{named} 不再列入，去掉 follows")
        }
        (Rolled::StaleComment { place, comment }, Lang::En) => {
            format!("{place}: the comment \"{comment}\" names last year: read it again")
        }
        (Rolled::StaleComment { place, comment }, Lang::Zh) => {
            format!("{place}：注释“{comment}”提及上一年，请核对")
        }
    }
}

/// A task's line: what became of it.
fn task_line(
    path: &ItemPath,
    name: &str,
    done: f64,
    total: Option<f64>,
    fate: Fate,
    lang: Lang,
) -> String {
    let n = |figure: f64| number(figure, lang);
    let total = total.map(n).unwrap_or_default();
    let what = match (fate, lang) {
        (Fate::Carried { remainder }, Lang::En) => format!(
            "carried: {} left of {total} ({} done), follows {path}",
            n(remainder),
            n(done)
        ),
        (Fate::Carried { remainder }, Lang::Zh) => format!(
            "结转：剩余{}（已完成{}/{total}），follows {path}",
            n(remainder),
            n(done)
        ),
        (Fate::Reset, Lang::En) => format!("a count of the year: {} → 0", n(done)),
        (Fate::Reset, Lang::Zh) => format!("年度计数清零：{} → 0", n(done)),
        (Fate::Finished, Lang::En) => {
            format!("finished ({} of {total}): left out", n(done))
        }
        (Fate::Finished, Lang::Zh) => format!("已完成（{}/{total}）：不再列入", n(done)),
        (Fate::Kept, Lang::En) => "kept".to_owned(),
        (Fate::Kept, Lang::Zh) => "保留".to_owned(),
    };
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    format!("{path} {name}{colon}{what}")
}

fn date(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| d.to_string())
}
