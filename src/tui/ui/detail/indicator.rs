//! The detail pane for an indicator: its value against its target, the
//! water-class scale, its lead, its history and its note.

use chrono::NaiveDate;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::closing::notice_lines;
use super::parts::{ChartScale, chart_line, label, note_lines, recorded_now, status_span};
use crate::figures;
use crate::i18n;
use crate::model::{Field, Indicator, Lang, Level, Scale, Status, WaterClass};
use crate::text;
use crate::tui::theme::Theme;

/// An indicator as the detail pane shows it.
pub struct IndicatorDetail<'a> {
    pub indicator: &'a Indicator,
    pub status: Status,
    /// Whether met or not-met rests on an assumed value or target.
    pub status_assumed: bool,
    pub as_of: Option<NaiveDate>,
    pub lang: Lang,
    pub width: u16,
    pub theme: &'a Theme,
    /// The item's points from git, when the history is read.
    pub git: Option<Vec<Line<'static>>>,
}

impl IndicatorDetail<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let mut out = self.heading_lines();
        out.push(Line::raw(""));
        out.extend(self.value_lines());
        out.extend(self.class_scale_lines());
        out.extend(self.lead_line());
        let notices = &self.indicator.notices;
        out.extend(notice_lines(notices, self.as_of, self.lang, self.theme));
        out.extend(self.history_lines());
        let note = self.indicator.note.as_ref();
        out.extend(note_lines(note, self.lang, self.theme));
        out
    }

    /// The full name, then the status and the value against the target.
    fn heading_lines(&self) -> Vec<Line<'static>> {
        let (indicator, lang, theme) = (self.indicator, self.lang, self.theme);
        let figure = figures::marked_indicator_figure(indicator, lang, theme.ascii);
        vec![
            Line::styled(indicator.name.get(lang).to_owned(), theme.title()),
            Line::from(vec![
                status_span(self.status, self.status_assumed, lang, theme),
                Span::raw(theme.dot()),
                Span::styled(figure, theme.status(self.status)),
            ]),
        ]
    }

    /// "Value 31 μg/m³" and "Target ≤ 35 μg/m³" (or that there is none).
    fn value_lines(&self) -> Vec<Line<'static>> {
        let (indicator, lang, theme) = (self.indicator, self.lang, self.theme);
        let s = i18n::strings(lang);
        let value = figures::marked_indicator_value(indicator, lang, theme.ascii).to_string();
        let target = match figures::indicator_target(indicator, lang, theme.ascii) {
            Some(target) => Span::raw(target.to_string()),
            None => Span::styled(s.no_target, theme.dim()),
        };
        vec![
            Line::from(vec![
                label(s.value, theme),
                Span::styled(value, theme.title()),
            ]),
            Line::from(vec![label(s.target, theme), target]),
        ]
    }

    /// The water-class scale, for an indicator measured in classes.
    fn class_scale_lines(&self) -> Vec<Line<'static>> {
        if self.indicator.scale != Scale::WaterClass {
            return Vec::new();
        }
        let s = i18n::strings(self.lang);
        let mut out = vec![Line::raw(""), Line::from(label(s.class_scale, self.theme))];
        out.extend(class_scale(self.indicator, self.lang, self.theme));
        out
    }

    fn lead_line(&self) -> Option<Line<'static>> {
        let lead = self.indicator.lead.as_ref()?;
        Some(Line::from(vec![
            label(i18n::strings(self.lang).lead, self.theme),
            Span::raw(lead.get(self.lang).to_owned()),
        ]))
    }

    /// The recorded points, then the value now at the reporting date: a
    /// sparkline of the numbers and the points written out.
    fn history_lines(&self) -> Vec<Line<'static>> {
        // Git's points include the file's own history array.
        if let Some(git) = &self.git {
            return git.clone();
        }
        let (indicator, lang, theme) = (self.indicator, self.lang, self.theme);
        let earlier: Vec<_> = indicator
            .history
            .iter()
            .filter(|p| !recorded_now(p.date, self.as_of, p.value == indicator.value))
            .collect();
        if earlier.is_empty() {
            return Vec::new();
        }
        let numbers: Vec<f64> = earlier
            .iter()
            .map(|p| p.value)
            .chain([indicator.value])
            .filter_map(|l| match l {
                Level::Number(v) => Some(v),
                Level::WaterClass(_) => None,
            })
            .collect();
        let scale = ChartScale::indicator(indicator, lang, theme.ascii);
        let spans = if numbers.len() > 1 {
            chart_line(&numbers, &scale, self.width, Style::new(), lang, theme).spans
        } else {
            vec![label(i18n::strings(lang).history, theme)]
        };
        // Each point marked as what it is read from: an assumed history
        // point is not the source's reading.
        let point = |date: NaiveDate, level: Level, field: Field| {
            let level = figures::level(level, lang, theme.ascii);
            let level = figures::Shown::new(level, indicator.assumed.contains(field));
            format!("{} {level}", figures::date(date))
        };
        let points = earlier
            .iter()
            .map(|p| point(p.date, p.value, Field::History))
            .chain(self.as_of.map(|d| point(d, indicator.value, Field::Value)))
            .collect::<Vec<_>>()
            .join(if theme.ascii { " -> " } else { " → " });
        vec![
            Line::raw(""),
            Line::from(spans),
            Line::styled(points, theme.dim()),
        ]
    }
}

/// The class scale I … 劣V, the value's class reversed, with ▲ under the
/// value and △ under the target.
fn class_scale(indicator: &Indicator, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let s = i18n::strings(lang);
    let class_of = |level: Option<Level>| match level {
        Some(Level::WaterClass(class)) => Some(class),
        _ => None,
    };
    let value = class_of(Some(indicator.value));
    let target = class_of(indicator.target);
    const CELL: usize = 5;
    let (value_mark, target_mark) = theme.marker();
    let mut scale = Vec::new();
    let mut marks = Vec::new();
    for class in WaterClass::ALL {
        let name = figures::class_numeral(class, lang, theme.ascii);
        let mut style = Style::new();
        if Some(class) == value {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        scale.push(Span::styled(text::fit(name, CELL - 1), style));
        scale.push(Span::raw(" "));
        let mark = match (Some(class) == value, Some(class) == target) {
            (true, true) => format!("{value_mark}{target_mark}"),
            (true, false) => value_mark.to_owned(),
            (false, true) => target_mark.to_owned(),
            (false, false) => String::new(),
        };
        marks.push(Span::styled(text::fit(&mark, CELL), theme.title()));
    }
    vec![
        Line::from(scale),
        Line::from(marks),
        Line::styled(
            format!("{value_mark} {}   {target_mark} {}", s.value, s.target),
            theme.dim(),
        ),
    ]
}
