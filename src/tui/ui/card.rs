//! A campaign's card on the overview: the overall gauge and figure, the
//! period and lead, tasks per status, indicators met and the items that
//! need attention, as many as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::card_statuses::status_lines;
use super::cells::{inner, put, put_right, put_spans};
use super::gauge;
use crate::figures;
use crate::i18n;
use crate::model::{Campaign, CampaignStatus, Lang, Status};
use crate::text;
use crate::tui::rows::Item;
use crate::tui::theme::Theme;

pub struct Card<'a> {
    pub campaign: &'a Campaign,
    pub status: &'a CampaignStatus,
    /// The items that need attention, worst first.
    pub attention: &'a [Item],
    /// The number key that opens the campaign (1–9; none beyond).
    pub key_number: usize,
    pub selected: bool,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for Card<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = self.border(area, buf);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let bottom = inner.bottom();
        let line = |y: u16| Rect {
            y,
            height: 1,
            ..inner
        };
        let mut y = inner.y;
        self.headline(buf, line(y));
        y += 1;
        if y < bottom {
            self.gauge_line(buf, line(y));
            y += 1;
        }
        if y < bottom && self.status.rollup.measured > 0 {
            self.measure_line(buf, line(y));
            y += 1;
        }
        if y < bottom {
            self.period_line(buf, line(y));
            y += 1;
        }
        y = self.status_count_lines(buf, inner, y);
        if y < bottom {
            self.indicators_line(buf, line(y));
            y += 1;
        }
        let room = (self.theme.dot(), usize::from(inner.width));
        let closing = figures::campaign_closing_line(self.campaign, self.status, self.lang, room);
        if let Some(closing) = closing.filter(|_| y < bottom) {
            let (x, width, ell) = (inner.x, inner.width, self.theme.ellipsis());
            put(buf, x, y, width, &closing, Style::new(), ell);
            y += 1;
        }
        if y < bottom {
            let rest = Rect {
                y,
                height: bottom - y,
                ..inner
            };
            self.attention_lines(buf, rest);
        }
    }
}

impl Card<'_> {
    /// Where the border puts the title: right after the top-left corner.
    pub fn title_at(area: Rect) -> Position {
        Position::new(area.x + 1, area.y)
    }

    /// The border, with the campaign's mark and name and its number key;
    /// returns the area inside.
    fn border(&self, area: Rect, buf: &mut Buffer) -> Rect {
        let (campaign, theme) = (self.campaign, self.theme);
        let name = campaign.name.get(self.lang);
        let mark = theme.theme_mark(campaign.theme);
        let title_room = usize::from(area.width.saturating_sub(8));
        let title = text::truncate_with(&format!("{mark} {name}"), title_room, theme.ellipsis());
        let mut title_style = theme.accent(campaign.theme).add_modifier(Modifier::BOLD);
        if self.selected {
            title_style = title_style.add_modifier(Modifier::REVERSED);
        }
        let key = if self.key_number <= 9 {
            format!(" {} ", self.key_number)
        } else {
            String::new()
        };
        Block::bordered()
            .border_set(theme.border_set())
            .border_style(theme.border(self.selected))
            .title(Line::styled(format!(" {title} "), title_style))
            .title(Line::styled(key, theme.dim()).right_aligned())
            .render(area, buf);
        inner(area)
    }

    /// The campaign's status over its tasks and indicators, `*` when it
    /// rests on assumed values.
    fn headline(&self, buf: &mut Buffer, line: Rect) {
        let (rollup, theme, lang) = (&self.status.rollup, self.theme, self.lang);
        let ell = theme.ellipsis();
        let Some(status) = rollup.status else {
            let words = i18n::figures_only(lang);
            put(buf, line.x, line.y, line.width, words, theme.dim(), ell);
            return;
        };
        let headline = format!(
            "{}{}",
            theme.status_label(status, lang),
            figures::mark(rollup.status_assumed)
        );
        let style = theme.status(status).add_modifier(Modifier::BOLD);
        let used = put(buf, line.x, line.y, line.width, &headline, style, ell);
        // What the status speaks for: how many items carry it, of what.
        if let Some(scope) = rollup.scope() {
            let scope = format!("{}{}", theme.dot(), i18n::scope(scope, lang));
            let (x, room) = (line.x + used, line.width.saturating_sub(used));
            put(buf, x, line.y, room, &scope, theme.dim(), ell);
        }
    }

    /// The gauge of the measured tasks with its figure and a marker at
    /// 序时进度; or, without one, why there is none.
    fn gauge_line(&self, buf: &mut Buffer, line: Rect) {
        let (rollup, theme, lang) = (&self.status.rollup, self.theme, self.lang);
        let ell = theme.ellipsis();
        let Some(progress) = rollup.progress else {
            // The day they start from is marked when every one's start is assumed.
            let why = match rollup.marked_planned_from() {
                Some(from) => {
                    let from = figures::marked_date(from).to_string();
                    i18n::nothing_begun(rollup.planned, &from, lang)
                }
                None => i18n::no_gauge(lang).to_owned(),
            };
            put(buf, line.x, line.y, line.width, &why, theme.dim(), ell);
            return;
        };
        let figure = format!(
            "{}{}",
            figures::percent(progress),
            figures::mark(rollup.progress_assumed)
        );
        let bar = Rect {
            width: line.width.saturating_sub(text::width(&figure) as u16 + 1),
            ..line
        };
        // The gauge's own colour: its progress against its marker, never a
        // colour its caption contradicts (the headline says the rest).
        let accent = theme.accent(self.campaign.theme);
        let style = rollup.gauge_status.map_or(accent, |st| theme.status(st));
        gauge::bar(buf, bar, progress, rollup.expected, style, theme);
        put_right(
            buf,
            line.right(),
            line.y,
            line.width,
            &figure,
            theme.title(),
            ell,
        );
    }

    /// What the gauge stands for ("1 of 9 tasks measured"), 序时进度 as a
    /// figure (the gauge's marker in words) and what is planned.
    fn measure_line(&self, buf: &mut Buffer, line: Rect) {
        let (rollup, theme, lang) = (&self.status.rollup, self.theme, self.lang);
        let mut words = vec![i18n::measured(rollup.measured, rollup.tasks, lang)];
        if let Some(expected) = rollup.expected {
            let percent = format!(
                "{}{}",
                figures::percent(expected),
                figures::mark(rollup.expected_assumed)
            );
            words.push(i18n::expected(&percent, lang));
        }
        if let Some(from) = rollup.marked_planned_from() {
            let from = figures::marked_date(from).to_string();
            words.push(i18n::planned(rollup.planned, Some(&from), lang));
        }
        let ell = theme.ellipsis();
        put(
            buf,
            line.x,
            line.y,
            line.width,
            &words.join(theme.dot()),
            theme.dim(),
            ell,
        );
    }

    /// The period and who leads.
    fn period_line(&self, buf: &mut Buffer, line: Rect) {
        let (campaign, theme) = (self.campaign, self.theme);
        let s = i18n::strings(self.lang);
        let arrow = if theme.ascii { "->" } else { "→" };
        let mut period = match (campaign.start, campaign.end) {
            (Some(a), Some(b)) => {
                format!("{} {arrow} {}", figures::date(a), figures::date(b))
            }
            (None, Some(b)) => format!("{} {}", s.due, figures::date(b)),
            (Some(a), None) => format!("{} {}", s.start, figures::date(a)),
            (None, None) => String::new(),
        };
        if let Some(lead) = &campaign.lead {
            if !period.is_empty() {
                period.push_str(theme.dot());
            }
            period.push_str(lead.get(self.lang));
        }
        let ell = theme.ellipsis();
        put(buf, line.x, line.y, line.width, &period, theme.dim(), ell);
    }

    /// Tasks per status from line `y`, as many lines as fit; returns the
    /// line after them.
    fn status_count_lines(&self, buf: &mut Buffer, inner: Rect, mut y: u16) -> u16 {
        let theme = self.theme;
        for entries in status_lines(self.status, self.lang, inner.width, theme) {
            if y >= inner.bottom() {
                break;
            }
            let mut x = inner.x;
            for (entry, st) in &entries {
                let room = inner.right().saturating_sub(x);
                x += put(buf, x, y, room, entry, theme.status(*st), theme.ellipsis());
                x += 2;
            }
            y += 1;
        }
        y
    }

    /// Indicators met of those with a target.
    fn indicators_line(&self, buf: &mut Buffer, line: Rect) {
        let (rollup, theme) = (&self.status.rollup, self.theme);
        let s = i18n::strings(self.lang);
        let (met, style) = if self.campaign.indicators.is_empty() {
            (s.no_indicators.to_owned(), theme.dim())
        } else {
            let style = if rollup.indicators_met < rollup.indicators_with_target {
                theme.status(Status::NotMet)
            } else {
                Style::new()
            };
            let (met, of) = (rollup.indicators_met, rollup.indicators_with_target);
            let marked = self.status.marked_indicators_met();
            let mark = crate::figures::mark(marked.is_some_and(|count| count.assumed()));
            (format!("{} {met}/{of}{mark}", s.indicators_met), style)
        };
        put(
            buf,
            line.x,
            line.y,
            line.width,
            &met,
            style,
            theme.ellipsis(),
        );
    }

    /// What needs attention, worst first, as many as fit in `area` under a
    /// heading; or that nothing does.
    fn attention_lines(&self, buf: &mut Buffer, area: Rect) {
        let (lang, theme) = (self.lang, self.theme);
        let s = i18n::strings(lang);
        let ell = theme.ellipsis();
        let (x, width) = (area.x, area.width);
        if self.attention.is_empty() {
            // In words, "done nothing needs attention" would say it twice.
            let ok = if theme.words {
                s.all_well.to_owned()
            } else {
                format!("{} {}", Status::Done.symbol(theme.ascii), s.all_well)
            };
            let style = theme.status(Status::Done);
            put(buf, x, area.y, width, &ok, style, ell);
            return;
        }
        let y = area.y + 1;
        let room = usize::from(area.bottom().saturating_sub(y));
        let heading = if room == 0 {
            i18n::attention_count(self.attention.len(), lang)
        } else {
            format!("{}{}", s.worst, s.colon.trim_end())
        };
        put(buf, x, area.y, width, &heading, theme.dim(), ell);
        let attention = self.attention;
        for (n, item) in attention.iter().enumerate().take(room) {
            let y = y + n as u16;
            // The last line says how many more there are, if any.
            if n + 1 == room && attention.len() > room && room > 1 {
                let more = format!("  {ell} {}", i18n::more(attention.len() - n, lang));
                put(buf, x, y, width, &more, theme.dim(), ell);
                break;
            }
            let line = Rect {
                y,
                height: 1,
                ..area
            };
            attention_line(buf, line, self.campaign, self.status, *item, lang, theme);
        }
    }
}

/// "▼* 长江入河排污口整治   110/113 个 97%" fitted to one card line.
fn attention_line(
    buf: &mut Buffer,
    line: Rect,
    campaign: &Campaign,
    status: &CampaignStatus,
    item: Item,
    lang: Lang,
    theme: &Theme,
) {
    let ell = theme.ellipsis();
    let (st, assumed, name, figure) = match item {
        Item::Task(i) => {
            let (Some(task), Some(schedule)) = (campaign.tasks.get(i), status.tasks.get(i)) else {
                return;
            };
            // The share rests on what the figure rests on: `48/50* 96%*`.
            let percent = schedule
                .marked_fraction()
                .map(|fraction| figures::marked_percent(fraction).to_string())
                .unwrap_or_default();
            (
                schedule.status,
                schedule.status_assumed,
                task.name.get(lang),
                format!("{} {percent}", figures::marked_task_figure(task, lang)),
            )
        }
        Item::Indicator(i) => {
            let (Some(indicator), Some(st)) =
                (campaign.indicators.get(i), status.indicators.get(i))
            else {
                return;
            };
            (
                st.status,
                st.status_assumed,
                indicator.name.get(lang),
                figures::marked_indicator_figure(indicator, lang, theme.ascii),
            )
        }
    };
    let style = theme.status(st);
    // The figure keeps its room (a cut figure misleads); the name takes what is left.
    let figure_width = (text::width(&figure) as u16).min(line.width - line.width / 3);
    let start = put_right(buf, line.right(), line.y, figure_width, &figure, style, ell);
    let name_area = Rect {
        width: start.saturating_sub(line.x + 1),
        ..line
    };
    // The status's symbol carries the mark of what it rests on, as the
    // headline's and the list's do: `▼* 总干渠…`.
    let symbol = format!(
        "{}{} ",
        theme.status_symbol(st, lang),
        figures::mark(assumed)
    );
    put_spans(
        buf,
        name_area,
        line.y,
        &[(&symbol, style), (name, Style::new())],
        ell,
    );
}
