//! The detail pane's 销号 and 督办 lines: "131 done · 131 closed · 35 on
//! schedule of 166", the closing stage, "2 notices · last 05-10" and the
//! newest notices with their reference and note.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::parts::label;
use crate::figures;
use crate::i18n;
use crate::model::{Lang, Notice, Task, TaskSchedule, last_notice};
use crate::tui::theme::Theme;

/// How many notices are listed one a line, newest first.
const NOTICES_LISTED: usize = 3;

/// A task's closing figures and stage, when it tracks them.
pub fn task_closing_lines(
    task: &Task,
    schedule: &TaskSchedule,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    // The line names done and closed itself: no label before it.
    out.extend(figures::closing_line(task, schedule, lang, theme.dot()).map(Line::raw));
    if let Some(stage) = &task.stage {
        out.push(Line::from(vec![
            label(i18n::stage_label(lang), theme),
            Span::raw(stage.clone()),
        ]));
    }
    out
}

/// "2 notices · last 05-10", then the newest notices, each with its
/// reference and note; nothing without notices.
pub fn notice_lines(
    notices: &[Notice],
    as_of: Option<NaiveDate>,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(last) = last_notice(notices) else {
        return Vec::new();
    };
    let as_of = as_of.unwrap_or(last.date);
    let summary = figures::notices_line(notices, as_of, lang, theme.dot()).unwrap_or_default();
    let mut out = vec![Line::styled(summary, theme.notice())];
    for notice in notices.iter().rev().take(NOTICES_LISTED) {
        let mut text = format!("  {}", figures::date(notice.date));
        for part in [&notice.reference, &notice.note].into_iter().flatten() {
            text.push(' ');
            text.push_str(part.get(lang));
        }
        out.push(Line::styled(text, theme.dim()));
    }
    out
}
