//! What a report shows: a plan, its statuses at one date, the language, and
//! the campaigns chosen (`--campaign`), with the baseline of `--since`.

use chrono::NaiveDate;

use super::since;
use crate::model::{Campaign, CampaignStatus, Lang, Plan, PlanStatus};

/// A plan, its statuses at one date, the language and the campaigns to show.
#[derive(Debug)]
pub struct Report<'a> {
    pub plan: &'a Plan,
    pub status: PlanStatus,
    pub lang: Lang,
    /// ASCII symbols and comparisons only (`--ascii`).
    pub ascii: bool,
    /// Indexes into `plan.campaigns` of the campaigns shown, in file order.
    pub(super) selected: Vec<usize>,
    /// The baseline of `--since`; `None` without it.
    since: Option<since::Since<'a>>,
    /// What each task had closed (销号) at the last meeting, for the brief.
    closed_then: Option<super::brief::closed_then::ClosedThen>,
    /// The same period last year (`--yoy`); `None` without it.
    yoy: Option<super::yoy::Yoy>,
    /// The reader's configured due-soon window, for the brief (see `brief`).
    pub(super) due_soon_configured: Option<u32>,
}

/// A `--campaign` id the plan does not have.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("no campaign `{id}` in the plan{}", hint(.suggestion, .known))]
pub struct UnknownCampaign {
    pub id: String,
    pub suggestion: Option<String>,
    pub known: Vec<String>,
}

fn hint(suggestion: &Option<String>, known: &[String]) -> String {
    match suggestion {
        Some(candidate) => format!("; did you mean `{candidate}`?"),
        None if known.is_empty() => "; it has no campaigns".to_owned(),
        None => format!("; its campaigns are: {}", known.join(", ")),
    }
}

impl<'a> Report<'a> {
    /// Every campaign of `plan`, with statuses computed at `as_of`.
    pub fn new(plan: &'a Plan, as_of: NaiveDate, lang: Lang) -> Report<'a> {
        Report {
            plan,
            status: PlanStatus::compute(plan, as_of),
            lang,
            ascii: false,
            selected: (0..plan.campaigns.len()).collect(),
            since: None,
            closed_then: None,
            yoy: None,
            due_soon_configured: None,
        }
    }

    /// Only the campaigns named in `ids` (in file order); all when `ids` is empty.
    pub fn only(mut self, ids: &[String]) -> Result<Report<'a>, UnknownCampaign> {
        if ids.is_empty() {
            return Ok(self);
        }
        let known: Vec<String> = self.plan.campaigns.iter().map(|c| c.id.clone()).collect();
        if let Some(unknown) = ids.iter().find(|id| !known.contains(id)) {
            return Err(UnknownCampaign {
                id: crate::text::sanitize_line(unknown),
                suggestion: closest(unknown, &known),
                known,
            });
        }
        self.selected = (0..self.plan.campaigns.len())
            .filter(|&index| ids.contains(&self.plan.campaigns[index].id))
            .collect();
        Ok(self)
    }

    /// Symbols and comparisons in ASCII (`+` for ✔, `>=` for ≥).
    pub fn ascii(mut self, ascii: bool) -> Report<'a> {
        self.ascii = ascii;
        self
    }

    /// Each item's figures at a baseline beside the current ones
    /// (`--since`).
    pub fn since(mut self, since: since::Since<'a>) -> Report<'a> {
        self.since = Some(since);
        self
    }

    /// What each task had closed at the last meeting (`report --brief`).
    pub fn closed_then(mut self, closed: super::brief::closed_then::ClosedThen) -> Report<'a> {
        self.closed_then = Some(closed);
        self
    }

    /// What each task had closed at the last meeting, when it is known.
    pub fn closed_at_last_meeting(&self) -> Option<&super::brief::closed_then::ClosedThen> {
        self.closed_then.as_ref()
    }

    /// The baseline compared with, when `--since` was given.
    pub fn compared(&self) -> Option<&since::Since<'a>> {
        self.since.as_ref()
    }

    /// Each item beside the same period last year (`--yoy`).
    pub fn yoy(mut self, yoy: super::yoy::Yoy) -> Report<'a> {
        self.yoy = Some(yoy);
        self
    }

    /// The year-on-year baselines, when `--yoy` was given.
    pub fn year_on_year(&self) -> Option<&super::yoy::Yoy> {
        self.yoy.as_ref()
    }

    pub fn as_of(&self) -> NaiveDate {
        self.status.as_of
    }

    /// The campaigns shown, each with its figures.
    pub fn campaigns(&self) -> impl Iterator<Item = (&'a Campaign, &CampaignStatus)> + '_ {
        let plan = self.plan;
        self.selected
            .iter()
            .map(move |&index| (&plan.campaigns[index], &self.status.campaigns[index]))
    }
}

/// The known id closest to `id`, when it is close enough to be a typo.
fn closest(id: &str, known: &[String]) -> Option<String> {
    known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(id, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate.clone())
}
