//! `[keys]`: action name → the keys that do it. An override replaces the
//! action's keys in every context the action is bound in; `[]` unbinds it.
//! Checked as a whole: an unknown action or key name, a key listed twice,
//! a key bound to two actions where one context (or the `Global`/`Always`
//! tiers it falls through to) would see both.

use std::collections::HashSet;
use std::ops::Range;

use toml_edit::{Item, TableLike};

use super::spans::{key_span, string_span, unknown, unknown_word, value_span, wrong_type};
use crate::load::{Diagnostic, Words};
use crate::tui::action::Command;
use crate::tui::keymap::{
    self, BINDINGS, Binding, Context, Key, Keymap, action, action_name, same_action,
};

/// Ctrl-C always quits, whatever the file says: the way out that never moves.
const CTRL_C: Key = Key::ctrl('c');

/// Where a key in force comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Origin {
    /// The table's default for this binding.
    Default,
    /// The config file, at this span.
    File(Range<usize>),
}

/// `[keys]` as written: each action given and its keys.
pub type Given = Vec<(&'static str, Vec<Key>)>;

/// One action's override as written.
struct Override {
    command: Command,
    keys: Vec<(Key, Range<usize>)>,
}

pub fn parse(table: &dyn TableLike, problems: &mut Vec<Diagnostic>) -> Option<(Keymap, Given)> {
    let before = problems.len();
    let names: Vec<&str> = keymap::action_names().collect();
    let overrides: Vec<(&str, Override)> = table
        .iter()
        .filter_map(|(name, item)| {
            read_override(name, item, key_span(table, name), &names, problems)
        })
        .collect();
    // Clashes are looked for among the entries that were read, even when
    // others had errors, so one run reports them all.
    let placed = place(&overrides);
    problems.extend(conflicts(&placed));
    if problems.len() > before {
        return None;
    }
    let keymap = Keymap::new(|i, _| placed[i].iter().map(|(key, _)| *key).collect());
    let given = overrides
        .into_iter()
        .map(|(name, o)| (name, o.keys.into_iter().map(|(k, _)| k).collect()))
        .collect();
    Some((keymap, given))
}

/// One `action = [keys]` entry, or `None` with its problems pushed.
fn read_override(
    name: &str,
    item: &Item,
    span: Range<usize>,
    names: &[&str],
    problems: &mut Vec<Diagnostic>,
) -> Option<(&'static str, Override)> {
    let Some(command) = action(name) else {
        problems.push(unknown(
            name,
            span,
            Words::new("[keys] (an action)", "`[keys]` 表（操作名）"),
            names,
        ));
        return None;
    };
    let Some(array) = item.as_array() else {
        problems.push(wrong_type(
            item,
            &span,
            Words::new(
                "a list of keys such as [\"k\", \"Up\"]",
                "按键列表，如 `[\"k\", \"Up\"]`",
            ),
        ));
        return None;
    };
    let keys = read_keys(name, array, problems);
    if let Some(refused) = fixed_keys(command, array.is_empty(), value_span(item, &span)) {
        problems.push(refused);
        return None;
    }
    let before = problems.len();
    problems.extend(inert_keys(name, command, &keys));
    if problems.len() > before {
        return None;
    }
    let name = keymap::action_name(command).unwrap_or("?");
    Some((name, Override { command, keys }))
}

/// The keys listed for action `name`, each with where it is written; a
/// wrong type, an unknown name or a key listed twice is a problem.
fn read_keys(
    name: &str,
    array: &toml_edit::Array,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(Key, Range<usize>)> {
    let mut keys: Vec<(Key, Range<usize>)> = Vec::new();
    for value in array.iter() {
        let at = string_span(value);
        let Some(key_name) = value.as_str() else {
            problems.push(Diagnostic::error(
                at,
                Words::new(
                    "wrong type: a key name is a string such as \"k\"",
                    "类型有误：按键名应为字符串，如 `\"k\"`",
                ),
                Words::new("wrong type", "类型有误"),
            ));
            continue;
        };
        let Some(key) = Key::parse(key_name) else {
            problems.push(unknown_key_name(key_name, at));
            continue;
        };
        if let Some((_, first)) = keys.iter().find(|(k, _)| *k == key) {
            problems.push(
                Diagnostic::error(
                    at,
                    Words::new(
                        format!("key `{}` is listed twice for `{name}`", key.name()),
                        format!("按键 `{}` 在 `{name}` 中重复列出", key.name()),
                    ),
                    Words::new("listed again", "重复列出"),
                )
                .with_also(first.clone(), Words::new("first here", "首次在此")),
            );
            continue;
        }
        keys.push((key, at));
    }
    keys
}

/// The actions whose keys a file may not set as it likes: the digits of
/// `jump` (only unbound), and `quit` (never left without a key).
fn fixed_keys(command: Command, unbound: bool, whole: Range<usize>) -> Option<Diagnostic> {
    if matches!(command, Command::Jump(_)) && !unbound {
        return Some(
            Diagnostic::error(
                whole,
                Words::new("`jump` keys cannot be changed", "`jump` 的按键不能更改"),
                Words::new("only [] here", "此处只能写 `[]`"),
            )
            .with_help(Words::new(
                "the digits 1-9 choose the campaign; `jump = []` unbinds them",
                "数字 1-9 选择攻坚战；`jump = []` 取消绑定",
            )),
        );
    }
    if command == Command::Quit && unbound {
        return Some(
            Diagnostic::error(
                whole,
                Words::new("`quit` needs a key", "`quit` 至少需要一个按键"),
                Words::new("no key", "没有按键"),
            )
            .with_help(Words::new(
                "give it one, such as [\"Q\"] (Ctrl-C always quits too)",
                "请指定一个，如 `[\"Q\"]`（Ctrl-C 也总能退出）",
            )),
        );
    }
    None
}

/// The keys given to `command` that would act in none of its views: a
/// plain character where every view of the action takes typing (`submit`
/// and `delete-char` act only in prompts, where a character is text). They
/// were dropped in silence, and the binding did nothing.
fn inert_keys(name: &str, command: Command, keys: &[(Key, Range<usize>)]) -> Vec<Diagnostic> {
    let only_in_prompts = prompt_only(command);
    let acts = |key: &Key| {
        BINDINGS
            .iter()
            .filter(|b| same_action(b.command, command))
            .any(|b| {
                (!b.context.is_prompt() || only_in_prompts)
                    && !(b.context.takes_text() && key.is_text())
            })
    };
    let (where_en, where_zh) = if only_in_prompts {
        ("only in prompts", "只在输入框中起作用")
    } else {
        (
            "in every view and prompt alike",
            "在所有视图和输入框中都起作用",
        )
    };
    keys.iter()
        .filter(|(key, _)| !acts(key))
        .map(|(key, at)| {
            let key = key.name();
            Diagnostic::error(
                at.clone(),
                Words::new(
                    format!(
                        "key `{key}` cannot act for `{name}`: `{name}` works {where_en}, and in a prompt a character is typed as text"
                    ),
                    format!(
                        "按键 `{key}` 无法用于 `{name}`：`{name}` {where_zh}，而普通字符在输入框中是输入的文字"
                    ),
                ),
                Words::new("typed as text", "会作为文字输入"),
            )
            .with_help(Words::new(
                "give a named key (Enter, Tab, Delete, …) or Ctrl- and a letter",
                "请改用具名按键（Enter、Tab、Delete 等）或 Ctrl- 加字母",
            ))
        })
        .collect()
}

fn unknown_key_name(name: &str, span: Range<usize>) -> Diagnostic {
    let known: Vec<&str> = keymap::named_keys().collect();
    let diagnostic = unknown_word(name, span, Words::new("key name", "按键名"), &known);
    diagnostic.with_help(Words::new(
        format!(
            "a key is one character (k, G, ?), Ctrl- and a letter, or one of: {}",
            known.join(", ")
        ),
        format!(
            "按键为单个字符（`k`、`G`、`?`）、Ctrl- 加字母，或以下之一：{}",
            crate::load::backticked(&known)
        ),
    ))
}

/// Each binding's keys in force, in table order, with where each came from.
fn place(overrides: &[(&str, Override)]) -> Vec<Vec<(Key, Origin)>> {
    BINDINGS
        .iter()
        .map(|binding| {
            let defaults = || binding.keys.iter().map(|k| (*k, Origin::Default)).collect();
            let Some((_, given)) = overrides
                .iter()
                .find(|(_, o)| same_action(o.command, binding.command))
            else {
                return defaults();
            };
            // A prompt keeps its own few keys (so it can always be left, and
            // `back = ["Esc", "Backspace"]` does not take the prompt's
            // Backspace), except for the actions that act only in prompts.
            if binding.context.is_prompt() && !prompt_only(binding.command) {
                return defaults();
            }
            let mut keys: Vec<(Key, Origin)> = given
                .keys
                .iter()
                // Where characters are text (the prompt-only actions, and
                // `Always`, which acts inside prompts), a character key
                // would eat typing.
                .filter(|(key, _)| !(binding.context.takes_text() && key.is_text()))
                .map(|(key, at)| (*key, Origin::File(at.clone())))
                .collect();
            if keys.is_empty() && !given.keys.is_empty() {
                // Only characters: the prompt keeps its own keys, so it can
                // always be left.
                return defaults();
            }
            if is_always_quit(binding) && !keys.iter().any(|(k, _)| *k == CTRL_C) {
                keys.push((CTRL_C, Origin::Default));
            }
            keys
        })
        .collect()
}

/// `submit` and `delete-char`: bound in prompts alone.
fn prompt_only(command: Command) -> bool {
    BINDINGS
        .iter()
        .filter(|b| same_action(b.command, command))
        .all(|b| b.context.is_prompt())
}

fn is_always_quit(binding: &Binding) -> bool {
    binding.context == Context::Always && binding.command == Command::Quit
}

/// A key bound to two actions that one context would both see.
fn conflicts(placed: &[Vec<(Key, Origin)>]) -> Vec<Diagnostic> {
    let mut seen_pairs = HashSet::new();
    let mut out = Vec::new();
    for context in Context::HELP_ORDER {
        let mut keys: Vec<(Key, &Origin, &Binding)> = Vec::new();
        for tier in context.tiers() {
            for (i, binding) in BINDINGS.iter().enumerate() {
                if binding.context == *tier {
                    keys.extend(placed[i].iter().map(|(k, o)| (*k, o, binding)));
                }
            }
        }
        for (n, (key, origin, binding)) in keys.iter().enumerate() {
            for (other_key, other_origin, other) in &keys[..n] {
                if key != other_key || same_action(binding.command, other.command) {
                    continue;
                }
                if !seen_pairs.insert(((*origin).clone(), (*other_origin).clone())) {
                    continue;
                }
                out.extend(conflict(*key, (origin, binding), (other_origin, other)));
            }
        }
    }
    out
}

fn conflict(
    key: Key,
    (origin, binding): (&Origin, &Binding),
    (other_origin, other): (&Origin, &Binding),
) -> Option<Diagnostic> {
    // Named by the narrower of the two contexts: where both act.
    let tiered = |c: Context| matches!(c, Context::Global | Context::Always);
    let context = match (binding.context, other.context) {
        (a, b) if a == b => a,
        (a, b) if tiered(a) && tiered(b) => Context::Global,
        (a, b) if tiered(a) => b,
        (a, _) => a,
    };
    let name = |b: &Binding| action_name(b.command).unwrap_or("?");
    let message = Words::new(
        format!(
            "key `{}` is bound to both `{}` and `{}` in {}",
            key.name(),
            name(other),
            name(binding),
            context_words(context)
        ),
        format!(
            "按键 `{}` 在{}中同时绑定了 `{}` 和 `{}`",
            key.name(),
            context_words_zh(context),
            name(other),
            name(binding),
        ),
    );
    // The file's place is the main one; a default is named in words.
    let (here, here_binding, there, there_binding) = match (origin, other_origin) {
        (Origin::File(_), _) => (origin, binding, other_origin, other),
        (Origin::Default, Origin::File(_)) => (other_origin, other, origin, binding),
        // Two defaults never clash (a test of the table says so).
        (Origin::Default, Origin::Default) => return None,
    };
    let Origin::File(span) = here else {
        return None;
    };
    let diagnostic = Diagnostic::error(
        span.clone(),
        message,
        Words::new(
            format!("bound to `{}`", name(here_binding)),
            format!("绑定到 `{}`", name(here_binding)),
        ),
    );
    Some(match there {
        Origin::File(other_span) => diagnostic.with_also(
            other_span.clone(),
            Words::new(
                format!("and here to `{}`", name(there_binding)),
                format!("此处又绑定到 `{}`", name(there_binding)),
            ),
        ),
        Origin::Default => diagnostic.with_help(Words::new(
            format!(
                "`{}` is the default binding of `{}`: rebind `{}` too, or choose another key",
                key.name(),
                name(there_binding),
                name(there_binding)
            ),
            format!(
                "`{}` 是 `{}` 的默认按键：请一并改绑 `{}`，或另选按键",
                key.name(),
                name(there_binding),
                name(there_binding)
            ),
        )),
    })
}

/// A context as a zh message names it.
fn context_words_zh(context: Context) -> &'static str {
    match context {
        Context::Always => "所有视图和输入框",
        Context::Global => "所有视图",
        Context::Overview => "总览",
        Context::Campaign => "攻坚战视图",
        Context::Attention => "督办清单",
        Context::Problems => "问题列表",
        Context::Help => "帮助",
        Context::Filter => "筛选输入框",
        Context::Search => "搜索输入框",
        Context::Update => "更新输入框",
    }
}

/// A context as a message names it.
pub fn context_words(context: Context) -> &'static str {
    match context {
        Context::Always => "every view and prompt",
        Context::Global => "every view",
        Context::Overview => "the overview",
        Context::Campaign => "a campaign",
        Context::Attention => "the attention list",
        Context::Problems => "the problems panel",
        Context::Help => "the help",
        Context::Filter => "the filter prompt",
        Context::Search => "the search prompt",
        Context::Update => "the update prompt",
    }
}
