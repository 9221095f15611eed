//! The selected item's figures over time from the file's git history (the
//! item's own `history` array is already merged in): a sparkline with the
//! first and last dates under it, the last points (each written in the file
//! or correcting a report of its date says so), where the history stops,
//! and how many revisions did not load.

use ratatui::text::Line;

use super::parts::{ChartScale, chart_line, label};
use crate::figures;
use crate::history::{Boundary, PointFrom, Reported};
use crate::i18n;
use crate::model::{Figure, Lang, Level};
use crate::text::{self, sanitize_line};
use crate::tui::changes::Baselined;
use crate::tui::theme::Theme;

/// The lines for item `key` (`campaign/item`); `None` when there is no git
/// history to show (the pane then shows the file's own `history` array).
pub fn lines(
    baselined: &Baselined,
    key: &str,
    scale: &ChartScale,
    width: u16,
    lang: Lang,
    theme: &Theme,
) -> Option<Vec<Line<'static>>> {
    let item = baselined.history.items.iter().find(|i| i.key == key)?;
    let reported = baselined.history.reported(item);
    let s = i18n::strings(lang);
    let numbers: Vec<f64> = reported
        .iter()
        .filter_map(|r| match r.point.figure {
            Figure::Done(v) | Figure::Value(Level::Number(v)) => Some(v),
            Figure::Value(Level::WaterClass(_)) => None,
        })
        .collect();
    let mut out = vec![Line::raw("")];
    let (first, last) = (&reported.first()?.point, &reported.last()?.point);
    if numbers.len() > 1 {
        // On the one rule of every chart: from 0, to the total or the
        // target, the axis printed (45 → 53 of 77 is a small step).
        // The chart is marked when a point it draws is not from the source.
        let scale = ChartScale {
            points_assumed: reported.iter().any(|r| r.point.figure_assumed()),
            target: scale.target.clone(),
            ..*scale
        };
        let line = chart_line(&numbers, &scale, width, theme.title(), lang, theme);
        let spark_width = line
            .spans
            .get(1)
            .map_or(0, |span| text::width(&span.content));
        out.push(line);
        // The dates on the axis: the first under the start, the last under the end.
        let (from, to) = (figures::date(first.as_of), figures::date(last.as_of));
        let pad = spark_width.saturating_sub(text::width(&from) + text::width(&to));
        let indent = " ".repeat(text::width(s.history) + 1);
        let axis = if pad >= 1 {
            format!("{indent}{from}{}{to}", " ".repeat(pad))
        } else {
            format!("{indent}{from} – {to}")
        };
        out.push(Line::styled(axis, theme.dim()));
    } else {
        out.push(Line::from(label(s.history, theme)));
    }
    let arrow = if theme.ascii { " -> " } else { " → " };
    let point = |&Reported {
                     point: ref p,
                     corrects,
                 }: &Reported| {
        let figure = match p.figure {
            // A revision that gave a lower bound (90余) keeps its sign.
            Figure::Done(v) | Figure::Value(Level::Number(v)) => {
                figures::at_least_number(v, p.at_least, lang)
            }
            Figure::Value(level) => figures::level(level, lang, theme.ascii),
        };
        // A point of an assumed history array or an assumed figure is no
        // reading of the source: it keeps its `*` beside git's points.
        let figure = figures::Shown::new(figure, p.figure_assumed());
        format!(
            "{} {figure}{}",
            figures::date(p.as_of),
            origin(p.from, corrects, lang)
        )
    };
    let skip = reported.len().saturating_sub(4);
    let shown: Vec<String> = reported.iter().skip(skip).map(point).collect();
    out.push(Line::styled(shown.join(arrow), theme.dim()));
    out.extend(notes(baselined, lang, theme));
    Some(out)
}

/// Whether a point was written in the file rather than read from git, or
/// corrects a report of the same date: ` (file)`, ` (correction)`.
fn origin(from: PointFrom, corrects: bool, lang: Lang) -> &'static str {
    match (from, corrects, lang) {
        (PointFrom::Written, _, Lang::En) => " (file)",
        (PointFrom::Written, _, Lang::Zh) => "（文件）",
        (_, true, Lang::En) => " (correction)",
        (_, true, Lang::Zh) => "（更正）",
        (_, false, _) => "",
    }
}

/// Where the history stops and how many revisions had errors.
pub fn notes(baselined: &Baselined, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let short = |commit: &str| sanitize_line(crate::history::short_commit(commit));
    match &baselined.history.boundary {
        Some(Boundary::Shallow { commit }) => out.push(Line::styled(
            i18n::history::stops_shallow(&short(commit), lang),
            theme.dim(),
        )),
        Some(Boundary::Renamed { commit, from }) => out.push(Line::styled(
            i18n::history::stops_renamed(&short(commit), &sanitize_line(from), lang),
            theme.dim(),
        )),
        None => {}
    }
    let invalid = baselined.invalid();
    if invalid > 0 {
        out.push(Line::styled(
            i18n::history::invalid_revisions(invalid, lang),
            theme.dim(),
        ));
    }
    out
}
