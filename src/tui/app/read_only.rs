//! A plan shown read-only (a unit opened from the roll-up screen): every
//! command that would write the file or open it in the editor is refused
//! with a message that says why, before any prompt opens.

use super::{App, Effect};
use crate::model::Lang;
use crate::tui::action::Command;

impl App {
    /// From now on the file is never written from this screen.
    pub fn set_read_only(&mut self) {
        self.file.read_only = true;
    }

    pub fn read_only(&self) -> bool {
        self.file.read_only
    }

    /// The refusal of `command` when the screen is read-only and it would
    /// write or edit; `None`: the command goes ahead.
    pub(super) fn refused_when_read_only(&mut self, command: Command) -> Option<Effect> {
        let writes = matches!(
            command,
            Command::Increment
                | Command::Decrement
                | Command::StartUpdate
                | Command::ConfirmUpdate
                | Command::Undo
                | Command::OpenEditor
        );
        (self.file.read_only && writes).then(|| self.refuse_write())
    }

    /// An effect that writes or edits, turned into the refusal when the
    /// screen is read-only (the problems panel's Enter opens the editor).
    pub(super) fn unless_read_only(&mut self, effect: Effect) -> Effect {
        match effect {
            Effect::Save(_) | Effect::OpenEditor { .. } if self.file.read_only => {
                self.overlay.prompt = None;
                self.refuse_write()
            }
            effect => effect,
        }
    }

    fn refuse_write(&mut self) -> Effect {
        let text = match self.settings.lang {
            Lang::Zh => "只读：汇总中的单位，请在该单位自己的文件中修改",
            Lang::En => "read-only: a unit of the roll-up; change it in the unit's own file",
        };
        self.set_message(text.to_owned(), true);
        Effect::Redraw
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::load::{Opened, Options};
    use crate::model::Lang;
    use crate::tui::{Action, App, Effect, Settings};

    const PLAN: &str = r#"
[meta]
title = "t"
as_of = 2024-06-30

[[campaign]]
id = "water"
name = "Water"
start = 2024-01-01
end = 2024-12-31

[[campaign.task]]
id = "outfalls"
name = "Outfalls"
done = 10
total = 20
"#;

    fn app(lang: Lang) -> App {
        let dates = Options {
            as_of: None,
            today: NaiveDate::from_ymd_opt(2024, 7, 1).expect("a date"),
        };
        let settings = Settings::plain(lang, dates);
        let opened = Opened::parse("plan.toml".as_ref(), PLAN.to_owned(), dates);
        let mut app = App::new("plan.toml".into(), Ok(opened), settings);
        app.update(Action::Resize(100, 30));
        app.set_read_only();
        app
    }

    fn ch(app: &mut App, c: char) -> Effect {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )))
    }

    fn campaign_open(lang: Lang) -> App {
        let mut app = app(lang);
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE,
        )));
        assert_eq!(app.selected_id(), Some("outfalls"));
        app
    }

    #[test]
    fn every_write_and_the_editor_are_refused_with_why() {
        let mut overview = app(Lang::En);
        assert!(overview.read_only());
        assert_eq!(ch(&mut overview, 'e'), Effect::Redraw);
        assert!(
            overview
                .message()
                .is_some_and(|m| m.starts_with("read-only"))
        );
        // A fresh screen per key: no message is left over from another.
        for key in ['+', '-', 'u', 'U', 'e'] {
            let mut app = campaign_open(Lang::En);
            assert_eq!(app.message(), None);
            assert_eq!(ch(&mut app, key), Effect::Redraw, "{key}");
            assert!(
                app.message().is_some_and(|m| m.contains("roll-up")),
                "{key}"
            );
        }
    }

    #[test]
    fn the_refusal_speaks_the_screens_language() {
        let mut app = campaign_open(Lang::Zh);
        ch(&mut app, '+');
        assert!(app.message().is_some_and(|m| m.starts_with("只读")));
    }

    #[test]
    fn a_plan_of_its_own_is_written_as_before() {
        let mut app = campaign_open(Lang::En);
        app.file.read_only = false;
        assert!(matches!(ch(&mut app, '+'), Effect::Save(_)));
    }
}
