//! The table itself: every binding with its help text in both languages;
//! within a context, the help lists them in this order.

use crossterm::event::KeyCode;

use super::key::{
    BACKSPACE, DIGITS, DOWN, END, ENTER, ESC, HOME, Key, LEFT, PAGE_DOWN, PAGE_UP, RIGHT, UP,
};
use super::{Binding, Context};
use crate::tui::action::Command as C;

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

/// Every key the app answers to. Nothing else is bound (no Ctrl keys but
/// Ctrl-C and Ctrl-Z, which do what they do in the shell: others clash
/// with tmux and shells).
pub const BINDINGS: &[Binding] = &[
    // Overview
    bind!(
        Overview,
        C::Up,
        [Key::ch('k'), UP],
        "上一行卡片",
        "card above"
    ),
    bind!(
        Overview,
        C::Down,
        [Key::ch('j'), DOWN],
        "下一行卡片",
        "card below"
    ),
    bind!(
        Overview,
        C::Left,
        [Key::ch('h'), LEFT],
        "左边的卡片",
        "card to the left"
    ),
    bind!(
        Overview,
        C::Right,
        [Key::ch('l'), RIGHT],
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
        [Key::ch('g'), HOME],
        "第一个攻坚战",
        "first campaign"
    ),
    bind!(
        Overview,
        C::Bottom,
        [Key::ch('G'), END],
        "最后一个攻坚战",
        "last campaign"
    ),
    bind!(Overview, C::PageUp, [PAGE_UP], "上一页", "page up"),
    bind!(Overview, C::PageDown, [PAGE_DOWN], "下一页", "page down"),
    bind!(
        Overview,
        C::OpenEditor,
        [Key::ch('e')],
        "在编辑器中打开此攻坚战",
        "edit this campaign in $EDITOR"
    ),
    bind!(
        Overview,
        C::StartFilter,
        [Key::ch('/')],
        "搜索各攻坚战",
        "search every campaign"
    ),
    // Campaign view
    bind!(
        Campaign,
        C::Up,
        [Key::ch('k'), UP],
        "上一项（详情中：向上滚动）",
        "previous item (detail: scroll up)"
    ),
    bind!(
        Campaign,
        C::Down,
        [Key::ch('j'), DOWN],
        "下一项（详情中：向下滚动）",
        "next item (detail: scroll down)"
    ),
    bind!(
        Campaign,
        C::Left,
        [Key::ch('h'), LEFT],
        "焦点到列表",
        "focus the list"
    ),
    bind!(
        Campaign,
        C::Right,
        [Key::ch('l'), RIGHT],
        "焦点到详情",
        "focus the detail"
    ),
    bind!(
        Campaign,
        C::NextPane,
        [Key::plain(KeyCode::Tab)],
        "下一个窗格",
        "next pane"
    ),
    bind!(
        Campaign,
        C::PrevPane,
        [Key::plain(KeyCode::BackTab)],
        "上一个窗格",
        "previous pane"
    ),
    bind!(Campaign, C::Enter, [ENTER], "进入详情", "into the detail"),
    bind!(
        Campaign,
        C::Back,
        [ESC, BACKSPACE],
        "返回（详情 → 列表 → 总览）",
        "back (detail -> list -> overview)"
    ),
    bind!(
        Campaign,
        C::Top,
        [Key::ch('g'), HOME],
        "第一项",
        "first item"
    ),
    bind!(
        Campaign,
        C::Bottom,
        [Key::ch('G'), END],
        "最后一项",
        "last item"
    ),
    bind!(Campaign, C::PageUp, [PAGE_UP], "上一页", "page up"),
    bind!(Campaign, C::PageDown, [PAGE_DOWN], "下一页", "page down"),
    bind!(
        Campaign,
        C::StartFilter,
        [Key::ch('/')],
        "筛选（边输边筛，Esc 清除）",
        "filter (live; Esc clears)"
    ),
    bind!(
        Campaign,
        C::CycleSort,
        [Key::ch('s')],
        // The help adds the orders, from `SortKey::CYCLE`.
        "排序",
        "sort"
    ),
    bind!(
        Campaign,
        C::OpenEditor,
        [Key::ch('e')],
        "在编辑器中打开此项",
        "edit this item in $EDITOR"
    ),
    bind!(
        Campaign,
        C::Increment,
        [Key::ch('+')],
        "完成数加一并保存",
        "done + 1 and save"
    ),
    bind!(
        Campaign,
        C::Decrement,
        [Key::ch('-')],
        "完成数减一并保存",
        "done - 1 and save"
    ),
    bind!(
        Campaign,
        C::StartUpdate,
        [Key::ch('u')],
        "输入新的完成数或当前值",
        "enter a new done count or value"
    ),
    bind!(
        Campaign,
        C::Undo,
        [Key::ch('U')],
        "逐项撤销本次启动以来的更新",
        "undo updates made here, newest first"
    ),
    // Attention list
    bind!(
        Attention,
        C::Up,
        [Key::ch('k'), UP],
        "上一项",
        "previous item"
    ),
    bind!(
        Attention,
        C::Down,
        [Key::ch('j'), DOWN],
        "下一项",
        "next item"
    ),
    bind!(
        Attention,
        C::Top,
        [Key::ch('g'), HOME],
        "第一项",
        "first item"
    ),
    bind!(
        Attention,
        C::Bottom,
        [Key::ch('G'), END],
        "最后一项",
        "last item"
    ),
    bind!(Attention, C::PageUp, [PAGE_UP], "上一页", "page up"),
    bind!(Attention, C::PageDown, [PAGE_DOWN], "下一页", "page down"),
    bind!(
        Attention,
        C::CycleSort,
        [Key::ch('s')],
        "按责任单位分组或取消",
        "group by lead, or not"
    ),
    bind!(
        Attention,
        C::StartFilter,
        [Key::ch('/')],
        "搜索各攻坚战",
        "search every campaign"
    ),
    bind!(
        Attention,
        C::Enter,
        [ENTER],
        "转到该项所在的攻坚战",
        "go to the item in its campaign"
    ),
    bind!(
        Attention,
        C::Back,
        [ESC, BACKSPACE],
        "返回打开前的视图",
        "back to where it was opened"
    ),
    bind!(
        Attention,
        C::OpenEditor,
        [Key::ch('e')],
        "在编辑器中打开此项",
        "edit this item in $EDITOR"
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
        [Key::ch('r')],
        "重新载入文件",
        "reload the file"
    ),
    bind!(
        Global,
        C::ToggleLang,
        [Key::ch('L')],
        "切换语言（中/英）",
        "switch language (zh/en)"
    ),
    bind!(
        Global,
        C::ToggleHelp,
        [Key::ch('?')],
        "显示/隐藏按键帮助",
        "show/hide this help"
    ),
    bind!(
        Global,
        C::Copy,
        [Key::ch('c')],
        "复制名称、数字和状态（剪贴板）",
        "copy name, figure and status"
    ),
    bind!(
        Global,
        C::ToggleAttention,
        [Key::ch('a')],
        "督办清单（各攻坚战）",
        "attention list (all campaigns)"
    ),
    bind!(
        Global,
        C::OlderBaseline,
        [Key::ch('b')],
        "与更早的版本比较（git 历史）",
        "compare with an older revision (git)"
    ),
    bind!(
        Global,
        C::NewerBaseline,
        [Key::ch('B')],
        "与更新的版本比较（git 历史）",
        "compare with a newer revision (git)"
    ),
    bind!(
        Global,
        C::ToggleChanges,
        [Key::ch('d')],
        "较上次的变化（git 历史）",
        "what moved since the baseline (git)"
    ),
    bind!(
        Global,
        C::GroupByLead,
        [Key::ch('o')],
        "督办清单按责任单位分组",
        "attention list by lead"
    ),
    bind!(
        Global,
        C::ToggleDueSoon,
        [Key::ch('t')],
        "临期事项：即将到期的未完成事项",
        "what falls due soon, not yet done"
    ),
    bind!(
        Global,
        C::ToggleYear,
        [Key::ch('y')],
        "年度对比：上年结果、上年同期与同比",
        "year view: last year beside this year"
    ),
    bind!(
        Global,
        C::ToggleProblems,
        [Key::ch('p')],
        "问题列表：文件中的错误和警告",
        "problems: the file's errors and warnings"
    ),
    bind!(
        Global,
        C::NextMatch,
        [Key::ch('n')],
        "下一个搜索结果",
        "next search result"
    ),
    bind!(
        Global,
        C::PrevMatch,
        [Key::ch('N')],
        "上一个搜索结果",
        "previous search result"
    ),
    bind!(
        Global,
        C::BackOrQuit,
        [Key::ch('q')],
        "返回；在总览中退出",
        "back; quit from the overview"
    ),
    bind!(
        Global,
        C::Quit,
        [Key::ch('Q')],
        "退出（任何位置）",
        "quit from anywhere"
    ),
    bind!(Always, C::Quit, [Key::ctrl('c')], "退出", "quit"),
    bind!(
        Always,
        C::Suspend,
        [Key::ctrl('z')],
        "挂起，回到 shell（fg 返回）",
        "suspend to the shell (fg comes back)"
    ),
    // Problems panel
    bind!(
        Problems,
        C::Up,
        [Key::ch('k'), UP],
        "上一个问题",
        "previous problem"
    ),
    bind!(
        Problems,
        C::Down,
        [Key::ch('j'), DOWN],
        "下一个问题",
        "next problem"
    ),
    bind!(Problems, C::PageUp, [PAGE_UP], "上一页", "page up"),
    bind!(Problems, C::PageDown, [PAGE_DOWN], "下一页", "page down"),
    bind!(
        Problems,
        C::Top,
        [Key::ch('g'), HOME],
        "第一个问题",
        "first problem"
    ),
    bind!(
        Problems,
        C::Bottom,
        [Key::ch('G'), END],
        "最后一个问题",
        "last problem"
    ),
    bind!(
        Problems,
        C::Enter,
        [ENTER],
        "在编辑器中打开问题所在行",
        "open $EDITOR at the problem's line"
    ),
    bind!(
        Problems,
        C::Back,
        [ESC, BACKSPACE],
        "关闭问题列表",
        "close the problems panel"
    ),
    // Help overlay
    bind!(Help, C::Up, [Key::ch('k'), UP], "向上滚动", "scroll up"),
    bind!(
        Help,
        C::Down,
        [Key::ch('j'), DOWN],
        "向下滚动",
        "scroll down"
    ),
    bind!(Help, C::PageUp, [PAGE_UP], "向上翻页", "page up"),
    bind!(Help, C::PageDown, [PAGE_DOWN], "向下翻页", "page down"),
    bind!(Help, C::Top, [Key::ch('g'), HOME], "回到顶部", "top"),
    bind!(Help, C::Bottom, [Key::ch('G'), END], "到底部", "bottom"),
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
        "保留筛选，回到列表",
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
    bind!(Filter, C::Up, [UP], "上一项", "previous item"),
    bind!(Filter, C::Down, [DOWN], "下一项", "next item"),
    // Search prompt
    bind!(
        Search,
        C::Submit,
        [ENTER],
        "打开所选结果",
        "open the selected result"
    ),
    bind!(Search, C::Back, [ESC], "取消搜索", "cancel the search"),
    bind!(
        Search,
        C::DeleteChar,
        [BACKSPACE],
        "删除一个字",
        "delete a character"
    ),
    bind!(Search, C::Up, [UP], "上一个结果", "previous result"),
    bind!(Search, C::Down, [DOWN], "下一个结果", "next result"),
    // Update prompt
    bind!(Update, C::Submit, [ENTER], "保存", "save"),
    bind!(Update, C::Back, [ESC], "取消", "cancel"),
    // A figure never holds a `y`: it only ever confirms.
    bind!(
        Update,
        C::ConfirmUpdate,
        [Key::ch('y')],
        "被询问时仍然保存",
        "save anyway when asked"
    ),
    bind!(
        Update,
        C::DeleteChar,
        [BACKSPACE],
        "删除一个字",
        "delete a character"
    ),
];
