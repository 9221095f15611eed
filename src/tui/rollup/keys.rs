//! The roll-up screen's keys: the app's own (j/k, Tab, Enter, Esc, `a`,
//! `L`, `?`, `q`), in a table with their help in both languages; a config
//! file's `[keys]` reach them by action name ([`lookup_in`]). A unit
//! opened from here answers to the app's key table instead.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::action::Command;
use crate::tui::keymap::{Context, Keymap};

/// What a key asks of the roll-up screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RollupCommand {
    /// The unit above (in a ranking or drags pane: scroll up).
    Up,
    /// The unit below (in a ranking or drags pane: scroll down).
    Down,
    /// The first unit.
    Top,
    /// The last unit.
    Bottom,
    /// A page of units up (or of lines, in a pane that scrolls).
    PageUp,
    /// A page of units down.
    PageDown,
    /// Focus the next pane: matrix → rankings → who drags → freshness.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the selected unit's own screen, read-only (in the attention
    /// list: the selected item in its unit).
    Open,
    /// Close the help or the attention list.
    Back,
    /// Open the attention list across units, or close it.
    ToggleAttention,
    /// Read the manifest and every unit again (a unit's file saved and a
    /// fetch are read by themselves, only what they changed).
    Reload,
    /// Switch the language (zh ↔ en).
    ToggleLang,
    /// Show or hide the keys.
    ToggleHelp,
    Quit,
    /// Give the terminal back to the shell (Ctrl-Z).
    Suspend,
}

use RollupCommand as C;

/// Every key, with its help: (keys shown, command, zh, en).
pub const KEYS: &[(&str, C, &str, &str)] = &[
    (
        "j / ↓",
        C::Down,
        "下一个单位（排名、拖后腿中：向下滚动）",
        "next unit (rankings, who drags: scroll)",
    ),
    (
        "k / ↑",
        C::Up,
        "上一个单位（排名、拖后腿中：向上滚动）",
        "previous unit (rankings, who drags: scroll)",
    ),
    (
        "g / G",
        C::Top,
        "第一个 / 最后一个单位",
        "first / last unit",
    ),
    (
        "PgUp / PgDn",
        C::PageUp,
        "上一页 / 下一页单位",
        "a page of units up / down",
    ),
    ("Tab / l / →", C::NextPane, "下一个面板", "next pane"),
    (
        "Shift-Tab / h / ←",
        C::PrevPane,
        "上一个面板",
        "previous pane",
    ),
    (
        "Enter",
        C::Open,
        "打开该单位的界面（只读）",
        "open the unit's own screen (read-only)",
    ),
    (
        "Esc",
        C::Back,
        "返回（在单位界面的总览中：回到汇总）",
        "back (from a unit's overview: to the roll-up)",
    ),
    (
        "a",
        C::ToggleAttention,
        "各单位督办清单",
        "attention list across units",
    ),
    (
        "r",
        C::Reload,
        "重新读取清单和各单位",
        "read the manifest and every unit again",
    ),
    (
        "L",
        C::ToggleLang,
        "切换语言（中文/English）",
        "switch language (中文/English)",
    ),
    ("?", C::ToggleHelp, "按键帮助", "this help"),
    ("q / Ctrl-C", C::Quit, "退出", "quit"),
];

/// The command of a key press, if any.
pub fn lookup(key: &KeyEvent) -> Option<RollupCommand> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => C::Quit,
        KeyCode::Char('z') if ctrl => C::Suspend,
        _ if ctrl || key.modifiers.contains(KeyModifiers::ALT) => return None,
        KeyCode::Char('j') | KeyCode::Down => C::Down,
        KeyCode::Char('k') | KeyCode::Up => C::Up,
        KeyCode::Char('g') | KeyCode::Home => C::Top,
        KeyCode::Char('G') | KeyCode::End => C::Bottom,
        KeyCode::PageUp => C::PageUp,
        KeyCode::PageDown => C::PageDown,
        KeyCode::Tab | KeyCode::Char('l') | KeyCode::Right => C::NextPane,
        KeyCode::BackTab | KeyCode::Char('h') | KeyCode::Left => C::PrevPane,
        KeyCode::Enter => C::Open,
        KeyCode::Esc | KeyCode::Backspace => C::Back,
        KeyCode::Char('a') => C::ToggleAttention,
        KeyCode::Char('r') => C::Reload,
        KeyCode::Char('L') => C::ToggleLang,
        KeyCode::Char('?') => C::ToggleHelp,
        KeyCode::Char('q') => C::Quit,
        _ => return None,
    })
}

/// The actions of the plan's key table (a config file's `[keys]` names)
/// each roll-up command answers to: the same name, or for Enter and `q`
/// what the plan's overview does with them.
fn actions_of(command: RollupCommand) -> &'static [Command] {
    match command {
        C::Up => &[Command::Up],
        C::Down => &[Command::Down],
        C::Top => &[Command::Top],
        C::Bottom => &[Command::Bottom],
        C::PageUp => &[Command::PageUp],
        C::PageDown => &[Command::PageDown],
        C::NextPane => &[Command::NextPane],
        C::PrevPane => &[Command::PrevPane],
        C::Open => &[Command::Enter],
        C::Back => &[Command::Back],
        C::ToggleAttention => &[Command::ToggleAttention],
        C::Reload => &[Command::Reload],
        C::ToggleLang => &[Command::ToggleLang],
        C::ToggleHelp => &[Command::ToggleHelp],
        C::Quit => &[Command::Quit, Command::BackOrQuit],
        C::Suspend => &[Command::Suspend],
    }
}

const ALL: [RollupCommand; 16] = [
    C::Up,
    C::Down,
    C::Top,
    C::Bottom,
    C::PageUp,
    C::PageDown,
    C::NextPane,
    C::PrevPane,
    C::Open,
    C::Back,
    C::ToggleAttention,
    C::Reload,
    C::ToggleLang,
    C::ToggleHelp,
    C::Quit,
    C::Suspend,
];

/// Where the plan's screen binds what the roll-up answers to.
const CONTEXTS: [Context; 4] = [
    Context::Overview,
    Context::Campaign,
    Context::Attention,
    Context::Help,
];

/// The command of a key press with the keys in force: a key the config
/// file gives an action the roll-up has acts as that action here too, and
/// a key of this table whose action the config moved to other keys acts
/// no more; with no config, [`lookup`].
pub fn lookup_in(keymap: &Keymap, key: &KeyEvent) -> Option<RollupCommand> {
    let remapped = |command: Command| {
        let bound = keymap.all().iter();
        bound
            .filter(|b| b.command() == command)
            .any(|b| b.keys != b.binding.keys)
    };
    let asked = CONTEXTS.iter().filter_map(|at| keymap.lookup(key, *at));
    for command in asked.filter(|command| remapped(*command)) {
        if let Some(ours) = ALL.into_iter().find(|c| actions_of(*c).contains(&command)) {
            return Some(ours);
        }
    }
    let fixed = lookup(key)?;
    let actions = actions_of(fixed);
    if !actions.iter().any(|action| remapped(*action)) {
        return Some(fixed);
    }
    let mut still = CONTEXTS.iter().filter_map(|at| keymap.lookup(key, *at));
    still
        .any(|command| actions.contains(&command))
        .then_some(fixed)
}

/// The keys a help row shows with the keys in force: the row's own
/// `label` (`"g / G"`) while the config file leaves its actions alone,
/// else the keys the file gives them (Ctrl-C quits whatever it says).
pub fn shown_keys(keymap: &Keymap, label: &str, command: RollupCommand, ascii: bool) -> String {
    // Two commands share a row: the first and last unit, a page up and down.
    let pair = match command {
        C::Top => Some(C::Bottom),
        C::PageUp => Some(C::PageDown),
        _ => None,
    };
    let given = |command: RollupCommand| {
        let bound = keymap.all().iter();
        let remapped = bound
            .filter(|b| actions_of(command).contains(&b.command()) && b.keys != b.binding.keys);
        let mut keys: Vec<String> = Vec::new();
        for key in remapped.flat_map(|b| b.keys.iter()) {
            let key = key.shown(ascii);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        if keys.is_empty() {
            return None;
        }
        if command == C::Quit && !keys.iter().any(|k| k == "Ctrl-C") {
            keys.push("Ctrl-C".to_owned());
        }
        Some(keys.join(" / "))
    };
    match (pair, label.split_once(" / ")) {
        (Some(pair), Some((first, second)))
            if given(command).is_some() || given(pair).is_some() =>
        {
            let first = given(command).unwrap_or_else(|| first.to_owned());
            let second = given(pair).unwrap_or_else(|| second.to_owned());
            format!("{first} / {second}")
        }
        _ => given(command).unwrap_or_else(|| label.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_in_the_help_has_a_key() {
        for (keys, command, _, _) in KEYS {
            let first = keys.split(" / ").next().unwrap_or_default();
            let code = match first {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                "Shift-Tab" => KeyCode::BackTab,
                "PgUp" => KeyCode::PageUp,
                one => KeyCode::Char(one.chars().next().unwrap_or(' ')),
            };
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            assert_eq!(lookup(&key), Some(*command), "{keys}");
        }
    }

    #[test]
    fn with_the_default_keys_the_table_is_what_acts() {
        let keymap = Keymap::default();
        let codes = [
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Up,
            KeyCode::Left,
            KeyCode::Home,
            KeyCode::End,
        ];
        let chars = "jkgGhlarLq?xQ".chars().map(KeyCode::Char);
        for code in codes.into_iter().chain(chars) {
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            assert_eq!(lookup_in(&keymap, &key), lookup(&key), "{code:?}");
        }
    }

    #[test]
    fn ctrl_c_quits_and_other_ctrl_keys_do_nothing() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(lookup(&ctrl('c')), Some(C::Quit));
        assert_eq!(lookup(&ctrl('j')), None);
    }
}
