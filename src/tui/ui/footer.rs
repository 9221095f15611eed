//! The bottom line: a transient message or the open prompt, the keys that
//! work here (labels taken from the key table), warnings and the time of
//! the last load.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::cells::{put, put_right};
use crate::i18n;
use crate::model::Lang;
use crate::text;
use crate::tui::action::Command;
use crate::tui::app::{App, Prompt};
use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Theme;

/// The few keys worth a hint in each context, with a short word.
fn hints(context: Context) -> &'static [(Command, &'static str, &'static str)] {
    match context {
        Context::Overview => &[
            (Command::Enter, "打开", "open"),
            (Command::Jump(0), "跳转", "jump"),
            (Command::Reload, "重载", "reload"),
            (Command::ToggleLang, "EN", "中文"),
            (Command::ToggleHelp, "帮助", "help"),
            (Command::BackOrQuit, "退出", "quit"),
        ],
        Context::Campaign => &[
            (Command::Back, "返回", "back"),
            (Command::StartFilter, "筛选", "filter"),
            (Command::CycleSort, "排序", "sort"),
            (Command::Increment, "加一", "add 1"),
            (Command::StartUpdate, "更新", "update"),
            (Command::OpenEditor, "编辑", "edit"),
            (Command::ToggleHelp, "帮助", "help"),
            (Command::Quit, "退出", "quit"),
        ],
        Context::Attention => &[
            (Command::Enter, "转到", "go to"),
            (Command::Back, "返回", "back"),
            (Command::OpenEditor, "编辑", "edit"),
            (Command::ToggleHelp, "帮助", "help"),
            (Command::Quit, "退出", "quit"),
        ],
        Context::Problems => &[
            (Command::Enter, "编辑", "edit"),
            (Command::Back, "关闭", "close"),
        ],
        Context::Help => &[(Command::Back, "关闭", "close")],
        Context::Filter => &[
            (Command::Submit, "保留", "keep"),
            (Command::Back, "清除", "clear"),
        ],
        Context::Search => &[
            (Command::Submit, "打开", "open"),
            (Command::Back, "取消", "cancel"),
        ],
        Context::Update => &[
            (Command::Submit, "保存", "save"),
            (Command::Back, "取消", "cancel"),
        ],
        Context::Global | Context::Always => &[],
    }
}

/// The first key in force for `command` in `context` (or globally).
pub(super) fn key_for(
    keymap: &Keymap,
    command: Command,
    context: Context,
    ascii: bool,
) -> Option<String> {
    [context, Context::Global]
        .into_iter()
        .flat_map(|context| keymap.bound_in(context))
        .find(|b| b.command() == command)
        .and_then(|b| b.keys.first())
        .map(|k| match command {
            Command::Jump(_) => "1-9".to_owned(),
            _ => k.shown(ascii),
        })
}

/// Gives where the filter's or the search's input ends while one is typed.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    if area.height == 0 {
        return None;
    }
    let start = draw_status(buf, area, app, theme);
    let room = start.saturating_sub(area.x + 1);
    let hints = hints_shown(app, theme);
    // How to get help and how to quit stay in sight: a message gives way.
    let kept: u16 = hints.iter().filter(|h| kept(h.0)).map(|h| h.3 + 2).sum();
    let (x, typing) = draw_prompt_or_message(buf, area, room.saturating_sub(kept), app, theme);
    draw_hints(buf, area, hints, x, area.x + room, theme);
    typing
}

/// The hints that never give way to the others.
fn kept(command: Command) -> bool {
    matches!(
        command,
        Command::ToggleHelp | Command::BackOrQuit | Command::Quit
    )
}

/// Right: warnings, the baseline of the changes shown, the last load.
/// Gives the column where it starts.
fn draw_status(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> u16 {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let mut status = Vec::new();
    let baseline = app.baseline_words();
    let (errors, warnings) = app.shown_problem_counts();
    if errors + warnings > 0 {
        // Where to read them: the key of the problems panel.
        let keymap = &app.settings().keymap;
        let key = key_for(
            keymap,
            Command::ToggleProblems,
            Context::Global,
            theme.ascii,
        )
        .map(|key| format!("{}{key}{}", s.open, s.close))
        .unwrap_or_default();
        status.push(format!(
            "{} {}{key}",
            theme.warning_mark(),
            // An error of `follows` found against the history is counted
            // in the words the panel's title uses.
            match errors {
                0 => i18n::warnings(warnings, lang),
                _ => i18n::problem_counts(lang, errors, warnings),
            }
        ));
    }
    if let Some(baseline) = &baseline {
        status.push(baseline.clone());
    }
    if let Some(time) = app.loaded_at() {
        status.push(format!("{} {}", s.loaded_at, time.format("%H:%M:%S")));
    }
    let status = status.join(theme.dot());
    let right_room = if baseline.is_some() {
        area.width / 2
    } else {
        area.width / 3
    };
    if status.is_empty() {
        area.right()
    } else {
        let ell = theme.ellipsis();
        put_right(
            buf,
            area.right(),
            area.y,
            right_room,
            &status,
            theme.dim(),
            ell,
        )
    }
}

/// Left: the prompt, or a message, or why live reload is off, in `room`
/// columns. Gives the column after it, and where a prompt's input ends.
fn draw_prompt_or_message(
    buf: &mut Buffer,
    area: Rect,
    room: u16,
    app: &App,
    theme: &Theme,
) -> (u16, Option<Position>) {
    let s = i18n::strings(app.settings().lang);
    let ell = theme.ellipsis();
    let y = area.y;
    let mut x = area.x;
    let mut typing = None;
    let prompt = match app.prompt() {
        Some(Prompt::Filter { input }) => Some((s.filter, input)),
        Some(Prompt::Search { input }) => Some((s.search, input)),
        _ => None,
    };
    if let Some((label, input)) = prompt {
        let label = format!("{label}{}", s.colon);
        x += put(buf, x, y, room, &label, theme.key(), ell);
        let cursor = theme.input_mark();
        let input = text::sanitize_line(input);
        let shown = format!("{input}{cursor}");
        let used = put(
            buf,
            x,
            y,
            room.saturating_sub(x - area.x),
            &shown,
            Style::new(),
            ell,
        );
        // On the drawn cursor mark, or on the ellipsis when the input is cut.
        let end = (text::width(&input) as u16).min(used.saturating_sub(1));
        typing = Some(Position::new(x + end, y));
        x += used + 2;
    } else if let Some(message) = app.footer_message() {
        let style = if message.error {
            theme.error()
        } else {
            theme.ok()
        };
        x += put(buf, x, y, room, &message.text, style, ell);
        x += 2;
    } else if let Some(reason) = app.watch_lost() {
        // A state, not an event: said for as long as it lasts.
        let text = format!(
            "{} {}{}{reason}",
            theme.warning_mark(),
            s.watch_failed,
            s.colon
        );
        x += put(buf, x, y, room, &text, theme.error(), ell);
        x += 2;
    }
    (x, typing)
}

/// One hint: its command, key, word and width.
type Hint = (Command, String, &'static str, u16);

/// The context's hints with the keys in force.
fn hints_shown(app: &App, theme: &Theme) -> Vec<Hint> {
    let lang = app.settings().lang;
    let context = app.context();
    let shown = |command: Command, zh: &'static str, en: &'static str| {
        let key = key_for(&app.settings().keymap, command, context, theme.ascii)?;
        let word = match lang {
            Lang::Zh => zh,
            Lang::En => en,
        };
        let width = (text::width(&key) + 1 + text::width(word)) as u16;
        Some((command, key, word, width))
    };
    // A unit opened from the roll-up: first, the key back to the roll-up.
    let back = back_to_rollup(app, theme.ascii).map(|(key, word)| {
        let width = (text::width(&key) + 1 + text::width(word)) as u16;
        (Command::Back, key, word, width)
    });
    let hints = hints(context).iter();
    back.into_iter()
        .chain(hints.filter_map(|(command, zh, en)| shown(*command, zh, en)))
        .collect()
}

/// On a unit's read-only screen opened from the roll-up, at its overview:
/// the key that goes back to the roll-up (the roll-up takes the campaign
/// view's Back there, where the overview has no use for it) and its word.
pub(super) fn back_to_rollup(app: &App, ascii: bool) -> Option<(String, &'static str)> {
    if !app.read_only() || app.context() != Context::Overview {
        return None;
    }
    let key = key_for(
        &app.settings().keymap,
        Command::Back,
        Context::Campaign,
        ascii,
    )?;
    let word = match app.settings().lang {
        Lang::Zh => "返回汇总",
        Lang::En => "back to the roll-up",
    };
    Some((key, word))
}

/// The key hints from `x` to `end`: help and quit are the hints that must
/// show, the others give way to them.
fn draw_hints(buf: &mut Buffer, area: Rect, hints: Vec<Hint>, mut x: u16, end: u16, theme: &Theme) {
    let ell = theme.ellipsis();
    let y = area.y;
    let mut reserve: u16 = hints.iter().filter(|h| kept(h.0)).map(|h| h.3 + 2).sum();
    for (command, key, word, needed) in hints {
        let must = kept(command);
        if must {
            reserve = reserve.saturating_sub(needed + 2);
        }
        if x + needed + reserve > end {
            if must {
                break;
            }
            continue;
        }
        x += put(buf, x, y, needed, &key, theme.key(), ell);
        x += 1;
        x += put(buf, x, y, needed, word, theme.dim(), ell);
        x += 2;
    }
}
