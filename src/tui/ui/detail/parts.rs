//! Pieces both kinds of item use in the detail pane: labels, the status,
//! the history chart on its scale and the note.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::figures::{self, Shown};
use crate::i18n;
use crate::model::{Field, Indicator, Lang, Level, Status, Task, Text};
use crate::text;
use crate::tui::theme::Theme;
use crate::tui::ui::gauge;

/// A dim label followed by a space: "Due ", "截止 ".
pub fn label(text_: &str, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{text_} "), theme.dim())
}

/// The status as its symbol and word, in its colour.
/// "▼ behind", with `*` when the status rests on an assumed value.
pub fn status_span(status: Status, assumed: bool, lang: Lang, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!(
            "{}{}",
            theme.status_label(status, lang),
            crate::figures::mark(assumed)
        ),
        theme.status(status),
    )
}

/// What an item's history chart is drawn against: a task with a total from 0
/// to it; any other from its own lowest to its highest figure (an
/// indicator's target among them), so 35 → 37 → 39 → 31 draws four steps;
/// the range and the target are written on the axis.
pub struct ChartScale {
    pub total: Option<f64>,
    /// The item's `history` is assumed: its points, and so the chart, carry `*`.
    pub points_assumed: bool,
    /// An indicator's numeric target, and its words (`≥ 95%*`).
    pub target: Option<(f64, Shown)>,
}

impl ChartScale {
    /// A task's chart: 0 to its total (a plain count: to its largest figure).
    pub fn task(task: &Task) -> ChartScale {
        ChartScale {
            total: task.total,
            points_assumed: task.assumed.contains(Field::History),
            target: None,
        }
    }

    /// An indicator's chart: 0 to its largest figure or its target, the
    /// target on the axis (none for a water class, which has no chart).
    pub fn indicator(indicator: &Indicator, lang: Lang, ascii: bool) -> ChartScale {
        let target = match (
            indicator.target,
            figures::indicator_target(indicator, lang, ascii),
        ) {
            (Some(Level::Number(value)), Some(words)) => Some((value, words)),
            _ => None,
        };
        ChartScale {
            total: None,
            points_assumed: indicator.assumed.contains(Field::History),
            target,
        }
    }

    /// The chart's range, low then high.
    fn range(&self, values: &[f64]) -> (f64, f64) {
        let target = self.target.as_ref().map(|(value, _)| *value);
        let figures = values.iter().copied().chain(self.total).chain(target);
        let figures = figures.filter(|v| v.is_finite());
        let high = figures.clone().fold(f64::NEG_INFINITY, f64::max);
        let low = match self.total {
            Some(_) => 0.0,
            None => figures.fold(f64::INFINITY, f64::min),
        };
        if low <= high { (low, high) } else { (0.0, 0.0) }
    }
}

/// The history's line: its label, a sparkline of `values` (oldest first) on
/// `scale`, and the axis after it: `0–77`, `0–100 · target ≥ 95%*`.
pub fn chart_line(
    values: &[f64],
    scale: &ChartScale,
    width: u16,
    style: Style,
    lang: Lang,
    theme: &Theme,
) -> Line<'static> {
    let s = i18n::strings(lang);
    let (low, high) = scale.range(values);
    let dash = if theme.ascii { "-" } else { "–" };
    let mut axis = format!(
        "{} {}{dash}{}",
        figures::mark(scale.points_assumed),
        figures::number(low, lang),
        figures::number(high, lang)
    );
    if let Some((_, words)) = &scale.target {
        let target = match lang {
            Lang::Zh => s.target.to_owned(),
            Lang::En => s.target.to_lowercase(),
        };
        axis.push_str(&format!("{}{target} {words}", theme.dot()));
    }
    let room = usize::from(width)
        .saturating_sub(text::width(s.history) + 1 + text::width(&axis))
        .clamp(1, 60);
    Line::from(vec![
        label(s.history, theme),
        Span::styled(gauge::sparkline(values, room, (low, high), theme), style),
        Span::styled(axis, theme.dim()),
    ])
}

/// Whether a point of the item's own `history` array is the figure now,
/// recorded (`set --record`): on the reporting date with the same figure.
/// The figure now is drawn after the array, so it is drawn once, as itself.
pub fn recorded_now(date: NaiveDate, as_of: Option<NaiveDate>, same_figure: bool) -> bool {
    same_figure && as_of == Some(date)
}

/// The note under a blank line and its label, a line per paragraph.
pub fn note_lines(note: Option<&Text>, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let Some(note) = note else {
        return Vec::new();
    };
    let s = i18n::strings(lang);
    let mut out = vec![Line::raw(""), Line::from(label(s.note, theme))];
    out.extend(note.get(lang).lines().map(|p| Line::raw(p.to_owned())));
    out
}
