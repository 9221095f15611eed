//! The update prompt's own update: what its text asks for, checked
//! against the item it updates (a number, a water class, not negative) and
//! guarded against typos (`y` confirms). Given the open campaign and the
//! language as arguments; the edit it gives is saved by the event loop.

use super::{Change, Edit, Prompt};
use crate::i18n;
use crate::model::{Campaign, Lang, Level, Scale, WaterClass};
use crate::tui::rows::Item;

impl Prompt {
    /// The update prompt's edit, when its text can be saved to its item of
    /// `campaign` and, unless `confirmed`, does not look like a typo; else
    /// `None`, the prompt saying why (and, for a typo, asking for `y`).
    pub(super) fn submit(
        &mut self,
        campaign: Option<&Campaign>,
        lang: Lang,
        confirmed: bool,
    ) -> Option<Edit> {
        let Prompt::Update {
            item,
            input,
            error,
            confirm,
            ..
        } = self
        else {
            return None;
        };
        let checked = validated(campaign, *item, input, lang)
            .map_err(|reason| (reason, false))
            .and_then(|edit| {
                let guard = campaign.and_then(|c| typo_guard(c, *item, &edit, lang));
                match guard.filter(|_| !confirmed) {
                    Some(why) => Err((why, true)),
                    None => Ok(edit),
                }
            });
        match checked {
            Ok(edit) => Some(edit),
            Err((reason, ask)) => {
                (*error, *confirm) = (Some(reason), ask);
                None
            }
        }
    }
}

/// Why a new figure looks like a typo: a done count above the total or
/// below the current one, or more than twice or under half the current figure.
fn typo_guard(campaign: &Campaign, item: Item, edit: &Edit, lang: Lang) -> Option<&'static str> {
    let (new, current, total) = match (item, edit.change.as_ref()?) {
        (Item::Task(i), Change::SetDone(new)) => {
            let task = campaign.tasks.get(i)?;
            (*new, task.done, task.total)
        }
        (Item::Indicator(i), Change::SetValue(text)) => {
            let indicator = campaign.indicators.get(i)?;
            let Level::Number(current) = indicator.value else {
                return None;
            };
            (parse_number(text)?, current, None)
        }
        _ => return None,
    };
    if total.is_some_and(|total| new > total) {
        return Some(i18n::beyond_total(lang));
    }
    let (far_new, far_current) = (new.abs(), current.abs());
    if far_current > 0.0 && (far_new > 2.0 * far_current || far_new < far_current / 2.0) {
        return Some(i18n::far_from_current(lang));
    }
    // A done count rarely falls: lowering it is most often a slip of the keys.
    (matches!(item, Item::Task(_)) && new < current).then(|| i18n::done_goes_down(lang))
}

/// The edit a prompt's text asks for, or why it cannot be saved.
fn validated(
    campaign: Option<&Campaign>,
    item: Item,
    input: &str,
    lang: Lang,
) -> Result<Edit, &'static str> {
    let s = i18n::strings(lang);
    let campaign = campaign.ok_or(s.nothing_selected)?;
    let text = input.trim();
    let (id, change) = match item {
        Item::Task(i) => {
            let task = campaign.tasks.get(i).ok_or(s.nothing_selected)?;
            let value = parse_number(text).ok_or(s.not_a_number)?;
            if value < 0.0 {
                return Err(s.negative);
            }
            (task.id.clone(), Change::SetDone(value))
        }
        Item::Indicator(i) => {
            let indicator = campaign.indicators.get(i).ok_or(s.nothing_selected)?;
            match indicator.scale {
                Scale::Number => {
                    parse_number(text).ok_or(s.not_a_number)?;
                }
                Scale::WaterClass => {
                    WaterClass::parse(text).ok_or(s.not_a_level)?;
                }
            }
            (indicator.id.clone(), Change::SetValue(text.to_owned()))
        }
    };
    Ok(Edit {
        campaign: campaign.id.clone(),
        item: id,
        change: Some(change),
        note: None,
        lang,
        record: None,
    })
}

fn parse_number(text: &str) -> Option<f64> {
    crate::edit::parse_figure(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign() -> Campaign {
        let text = "[meta]\ntitle = \"t\"\nas_of = 2024-07-01\n\n[[campaign]]\nid = \"air\"\nname = \"Air\"\n\n[[campaign.task]]\nid = \"labels\"\nname = \"Labels\"\ndone = 50\ntotal = 100\n";
        let today = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).expect("a date");
        let options = crate::load::Options { as_of: None, today };
        match crate::load::Opened::parse("plan.toml".as_ref(), text.to_owned(), options) {
            crate::load::Opened::Valid(document) => document.plan().campaigns[0].clone(),
            crate::load::Opened::Invalid(_) => panic!("a valid plan"),
        }
    }

    fn prompt(input: &str) -> Prompt {
        Prompt::Update {
            item: Item::Task(0),
            input: input.into(),
            pristine: false,
            error: None,
            confirm: false,
        }
    }

    #[test]
    fn a_figure_is_checked_against_its_item_and_a_typo_waits_for_y() {
        let air = campaign();
        let mut typed = prompt("60");
        let edit = typed.submit(Some(&air), Lang::En, false).expect("saved");
        assert_eq!(
            (edit.item.as_str(), edit.change),
            ("labels", Some(Change::SetDone(60.0)))
        );
        let mut word = prompt("sixty");
        assert_eq!(word.submit(Some(&air), Lang::En, false), None);
        let Prompt::Update { error, confirm, .. } = &word else {
            panic!("an update prompt");
        };
        assert_eq!(
            (error.is_some(), *confirm),
            (true, false),
            "not asked: refused"
        );
        // Above the total: asked, and saved once confirmed.
        let mut over = prompt("150");
        assert_eq!(over.submit(Some(&air), Lang::En, false), None);
        assert!(matches!(over, Prompt::Update { confirm: true, .. }));
        assert!(over.submit(Some(&air), Lang::En, true).is_some());
        assert_eq!(
            prompt("60").submit(None, Lang::En, false),
            None,
            "no campaign open"
        );
    }
}
