//! The one key table. `App::update` maps keys through it and the help
//! overlay is generated from it, so the two cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Command;
use crate::model::Lang;

/// Where a binding applies. Lookup tries the current context first, then
/// `Global` (outside prompts), then `Always`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, prompts included.
    Always,
    /// Everywhere except in a prompt.
    Global,
    Overview,
    Campaign,
    Help,
    Filter,
    Update,
}

impl Context {
    /// The order the help overlay lists them in.
    pub const HELP_ORDER: [Context; 7] = [
        Context::Overview,
        Context::Campaign,
        Context::Global,
        Context::Always,
        Context::Help,
        Context::Filter,
        Context::Update,
    ];
}

/// One key as the table matches and shows it.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub label: &'static str,
    pub ascii_label: &'static str,
}

impl Key {
    const fn plain(code: KeyCode, label: &'static str) -> Key {
        Key {
            code,
            ctrl: false,
            label,
            ascii_label: label,
        }
    }

    const fn arrow(code: KeyCode, label: &'static str, ascii_label: &'static str) -> Key {
        Key {
            code,
            ctrl: false,
            label,
            ascii_label,
        }
    }

    const fn ch(c: char, label: &'static str) -> Key {
        Key::plain(KeyCode::Char(c), label)
    }

    pub fn shown(&self, ascii: bool) -> &'static str {
        if ascii { self.ascii_label } else { self.label }
    }

    fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl || event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self.code, event.code) {
            // Shift is how a terminal spells capitals: `G` arrives as Shift+G.
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        }
    }
}

/// A row of the key table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub context: Context,
    /// For `Jump`, the digit pressed chooses the campaign.
    pub command: Command,
    pub help_zh: &'static str,
    pub help_en: &'static str,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.help_zh,
            Lang::En => self.help_en,
        }
    }

    /// The keys as the help lists them: "k ↑".
    pub fn keys_shown(&self, ascii: bool) -> String {
        self.keys
            .iter()
            .map(|key| key.shown(ascii))
            .filter(|label| !label.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const UP: Key = Key::arrow(KeyCode::Up, "↑", "Up");
const DOWN: Key = Key::arrow(KeyCode::Down, "↓", "Down");
const LEFT: Key = Key::arrow(KeyCode::Left, "←", "Left");
const RIGHT: Key = Key::arrow(KeyCode::Right, "→", "Right");
const ENTER: Key = Key::plain(KeyCode::Enter, "Enter");
const ESC: Key = Key::plain(KeyCode::Esc, "Esc");
const BACKSPACE: Key = Key::plain(KeyCode::Backspace, "Backspace");
const HOME: Key = Key::plain(KeyCode::Home, "Home");
const END: Key = Key::plain(KeyCode::End, "End");
const PAGE_UP: Key = Key::plain(KeyCode::PageUp, "PgUp");
const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown, "PgDn");
const DIGITS: [Key; 9] = [
    Key::ch('1', "1-9"),
    Key::ch('2', ""),
    Key::ch('3', ""),
    Key::ch('4', ""),
    Key::ch('5', ""),
    Key::ch('6', ""),
    Key::ch('7', ""),
    Key::ch('8', ""),
    Key::ch('9', ""),
];

macro_rules! bind {
    ($context:ident, $command:expr, [$($key:expr),+ $(,)?], $zh:literal, $en:literal) => {
        Binding {
            keys: &[$($key),+],
            context: Context::$context,
            command: $command,
            help_zh: $zh,
            help_en: $en,
        }
    };
}

use Command as C;

/// Every key the app answers to. Nothing else is bound (no Ctrl keys but
/// Ctrl-C: they clash with tmux and shells).
pub const BINDINGS: &[Binding] = &[
    // Overview
    bind!(
        Overview,
        C::Up,
        [Key::ch('k', "k"), UP],
        "上一行卡片",
        "card above"
    ),
    bind!(
        Overview,
        C::Down,
        [Key::ch('j', "j"), DOWN],
        "下一行卡片",
        "card below"
    ),
    bind!(
        Overview,
        C::Left,
        [Key::ch('h', "h"), LEFT],
        "左边的卡片",
        "card to the left"
    ),
    bind!(
        Overview,
        C::Right,
        [Key::ch('l', "l"), RIGHT],
        "右边的卡片",
        "card to the right"
    ),
    bind!(
        Overview,
        C::Enter,
        [ENTER],
        "打开攻坚战",
        "open the campaign"
    ),
    bind!(
        Overview,
        C::Top,
        [Key::ch('g', "g"), HOME],
        "第一个",
        "first campaign"
    ),
    bind!(
        Overview,
        C::Bottom,
        [Key::ch('G', "G"), END],
        "最后一个",
        "last campaign"
    ),
    bind!(Overview, C::PageUp, [PAGE_UP], "上一页", "page up"),
    bind!(Overview, C::PageDown, [PAGE_DOWN], "下一页", "page down"),
    bind!(
        Overview,
        C::OpenEditor,
        [Key::ch('e', "e")],
        "在编辑器中打开此攻坚战",
        "edit this campaign in $EDITOR"
    ),
    // Campaign view
    bind!(
        Campaign,
        C::Up,
        [Key::ch('k', "k"), UP],
        "上一项 (详情中: 向上滚动)",
        "previous item (detail: scroll up)"
    ),
    bind!(
        Campaign,
        C::Down,
        [Key::ch('j', "j"), DOWN],
        "下一项 (详情中: 向下滚动)",
        "next item (detail: scroll down)"
    ),
    bind!(
        Campaign,
        C::Left,
        [Key::ch('h', "h"), LEFT],
        "焦点到列表",
        "focus the list"
    ),
    bind!(
        Campaign,
        C::Right,
        [Key::ch('l', "l"), RIGHT],
        "焦点到详情",
        "focus the detail"
    ),
    bind!(
        Campaign,
        C::NextPane,
        [Key::plain(KeyCode::Tab, "Tab")],
        "下一个窗格",
        "next pane"
    ),
    bind!(
        Campaign,
        C::PrevPane,
        [Key::plain(KeyCode::BackTab, "Shift-Tab")],
        "上一个窗格",
        "previous pane"
    ),
    bind!(Campaign, C::Enter, [ENTER], "进入详情", "into the detail"),
    bind!(
        Campaign,
        C::Back,
        [ESC, BACKSPACE],
        "返回 (详情 → 列表 → 总览)",
        "back (detail -> list -> overview)"
    ),
    bind!(
        Campaign,
        C::Top,
        [Key::ch('g', "g"), HOME],
        "第一项",
        "first item"
    ),
    bind!(
        Campaign,
        C::Bottom,
        [Key::ch('G', "G"), END],
        "最后一项",
        "last item"
    ),
    bind!(Campaign, C::PageUp, [PAGE_UP], "上一页", "page up"),
    bind!(Campaign, C::PageDown, [PAGE_DOWN], "下一页", "page down"),
    bind!(
        Campaign,
        C::StartFilter,
        [Key::ch('/', "/")],
        "筛选 (边输边筛, Esc 清除)",
        "filter (live; Esc clears)"
    ),
    bind!(
        Campaign,
        C::CycleSort,
        [Key::ch('s', "s")],
        "排序: 状态 → 进度 → 截止 → 名称",
        "sort: status -> progress -> due -> name"
    ),
    bind!(
        Campaign,
        C::OpenEditor,
        [Key::ch('e', "e")],
        "在编辑器中打开此项",
        "edit this item in $EDITOR"
    ),
    bind!(
        Campaign,
        C::Increment,
        [Key::ch('+', "+")],
        "完成数加一并保存",
        "done + 1 and save"
    ),
    bind!(
        Campaign,
        C::Decrement,
        [Key::ch('-', "-")],
        "完成数减一并保存",
        "done - 1 and save"
    ),
    bind!(
        Campaign,
        C::StartUpdate,
        [Key::ch('u', "u")],
        "输入新的完成数或现值",
        "enter a new done count or value"
    ),
    // Outside prompts
    Binding {
        keys: &DIGITS,
        context: Context::Global,
        command: C::Jump(0),
        help_zh: "打开第 1–9 个攻坚战",
        help_en: "open campaign 1-9",
    },
    bind!(
        Global,
        C::Reload,
        [Key::ch('r', "r")],
        "重新载入文件",
        "reload the file"
    ),
    bind!(
        Global,
        C::ToggleLang,
        [Key::ch('L', "L")],
        "切换语言 (中/英)",
        "switch language (zh/en)"
    ),
    bind!(
        Global,
        C::ToggleHelp,
        [Key::ch('?', "?")],
        "显示/隐藏按键帮助",
        "show/hide this help"
    ),
    bind!(
        Global,
        C::BackOrQuit,
        [Key::ch('q', "q")],
        "返回; 在总览中退出",
        "back; quit from the overview"
    ),
    bind!(
        Always,
        C::Quit,
        [Key {
            code: KeyCode::Char('c'),
            ctrl: true,
            label: "Ctrl-C",
            ascii_label: "Ctrl-C"
        }],
        "退出",
        "quit"
    ),
    // Help overlay
    bind!(
        Help,
        C::Up,
        [Key::ch('k', "k"), UP],
        "向上滚动",
        "scroll up"
    ),
    bind!(
        Help,
        C::Down,
        [Key::ch('j', "j"), DOWN],
        "向下滚动",
        "scroll down"
    ),
    bind!(
        Help,
        C::Back,
        [ESC, BACKSPACE],
        "关闭帮助",
        "close the help"
    ),
    // Filter prompt
    bind!(
        Filter,
        C::Submit,
        [ENTER],
        "保留筛选, 回到列表",
        "keep the filter, back to the list"
    ),
    bind!(Filter, C::Back, [ESC], "清除筛选", "clear the filter"),
    bind!(
        Filter,
        C::DeleteChar,
        [BACKSPACE],
        "删除一个字",
        "delete a character"
    ),
    // Update prompt
    bind!(Update, C::Submit, [ENTER], "保存", "save"),
    bind!(Update, C::Back, [ESC], "取消", "cancel"),
    bind!(
        Update,
        C::DeleteChar,
        [BACKSPACE],
        "删除一个字",
        "delete a character"
    ),
];

/// The command a key press asks for in `context`, if any. Key releases are
/// ignored (terminals that report them would otherwise act twice).
pub fn lookup(event: &KeyEvent, context: Context) -> Option<Command> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let prompt = matches!(context, Context::Filter | Context::Update);
    let tiers: &[Context] = if prompt {
        &[context, Context::Always]
    } else {
        &[context, Context::Global, Context::Always]
    };
    for tier in tiers {
        for binding in BINDINGS.iter().filter(|b| b.context == *tier) {
            if let Some(key) = binding.keys.iter().find(|key| key.matches(event)) {
                return Some(match (binding.command, key.code) {
                    (Command::Jump(_), KeyCode::Char(digit)) => {
                        Command::Jump(digit.to_digit(10).unwrap_or(1) as usize)
                    }
                    (command, _) => command,
                });
            }
        }
    }
    None
}

/// The bindings the help overlay lists under `context`.
pub fn bindings_in(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn vim_keys_and_arrows_agree() {
        for context in [Context::Overview, Context::Campaign] {
            assert_eq!(lookup(&key(KeyCode::Char('j')), context), Some(C::Down));
            assert_eq!(lookup(&key(KeyCode::Down), context), Some(C::Down));
            assert_eq!(lookup(&key(KeyCode::Char('k')), context), Some(C::Up));
        }
    }

    #[test]
    fn capitals_arrive_with_shift() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&shifted, Context::Campaign), Some(C::Bottom));
        let lang = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&lang, Context::Overview), Some(C::ToggleLang));
        let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(&back_tab, Context::Campaign), Some(C::PrevPane));
    }

    #[test]
    fn digits_jump_to_their_campaign() {
        assert_eq!(
            lookup(&key(KeyCode::Char('3')), Context::Campaign),
            Some(C::Jump(3))
        );
        assert_eq!(lookup(&key(KeyCode::Char('0')), Context::Campaign), None);
    }

    #[test]
    fn only_ctrl_c_among_ctrl_keys() {
        for c in 'a'..='z' {
            let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
            let expected = (c == 'c').then_some(C::Quit);
            assert_eq!(lookup(&event, Context::Overview), expected, "Ctrl-{c}");
        }
    }

    #[test]
    fn prompts_take_text_but_ctrl_c_still_quits() {
        assert_eq!(lookup(&key(KeyCode::Char('q')), Context::Filter), None);
        assert_eq!(lookup(&key(KeyCode::Char('j')), Context::Update), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&ctrl_c, Context::Filter), Some(C::Quit));
        assert_eq!(lookup(&key(KeyCode::Esc), Context::Filter), Some(C::Back));
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = key(KeyCode::Char('j'));
        release.kind = KeyEventKind::Release;
        assert_eq!(lookup(&release, Context::Campaign), None);
    }

    #[test]
    fn english_help_and_ascii_labels_are_ascii() {
        for binding in BINDINGS {
            assert!(binding.help_en.is_ascii(), "{}", binding.help_en);
            assert!(binding.keys_shown(true).is_ascii(), "{:?}", binding.keys);
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in Context::HELP_ORDER {
            let keys: Vec<_> = bindings_in(context)
                .flat_map(|b| b.keys.iter().map(|k| (k.code, k.ctrl)))
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{a:?} twice in {context:?}");
            }
        }
    }
}
