use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::tui::action::Command as C;

fn lookup(event: &KeyEvent, context: Context) -> Option<C> {
    Keymap::default().lookup(event, context)
}

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
fn only_ctrl_c_and_ctrl_z_among_ctrl_keys() {
    for c in 'a'..='z' {
        let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let expected = match c {
            'c' => Some(C::Quit),
            'z' => Some(C::Suspend),
            _ => None,
        };
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
fn chinese_help_uses_full_width_punctuation() {
    for binding in BINDINGS {
        let help = binding.help_zh;
        assert!(!help.contains([',', ':', ';', '(', ')']), "{help}");
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

#[test]
fn every_bound_command_has_a_name_a_config_file_can_use() {
    for binding in BINDINGS {
        assert!(
            action_name(binding.command).is_some(),
            "{:?} has no action name in actions::ACTIONS",
            binding.command
        );
    }
}
