//! The roll-up manifest (`rollup.toml`, DESIGN "Contract 3"), as read and
//! validated: the units, how their items combine, how they are ranked,
//! and which ids of a unit stand for the manifest's.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    pub title: Text,
    /// The roll-up's reporting date; `--as-of` overrides, today without either.
    pub as_of: Option<NaiveDate>,
    /// A unit reporting more than this many days before `as_of` is 未报送;
    /// `None`: no unit is ever stale.
    pub stale_after_days: Option<u32>,
    pub units: Vec<UnitSpec>,
    pub combine: Vec<Combine>,
    pub rankings: Vec<Ranking>,
    pub aliases: Vec<Alias>,
    /// The unit that is the office itself (`[rollup] office = "unit-id"`):
    /// its file states the whole of each summed item, so it is compared
    /// with the other units' sum, never added to it, ranked or dragging.
    pub office: Option<String>,
}

/// One unit (a city, a county, a district) and where its file is.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitSpec {
    pub id: String,
    pub name: Text,
    pub source: Source,
    pub groups: Vec<String>,
}

/// Where a unit's `campaigns.toml` is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on disk, relative to the manifest's folder when not absolute.
    Path(PathBuf),
    /// A file in the tree of a git ref of the repository that holds the
    /// manifest, read from the object store (no checkout).
    Ref { reference: String, file: String },
}

/// The file a `ref` unit reads when `file` is left out.
pub const DEFAULT_FILE: &str = "campaigns.toml";

/// How an item combines across units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Done and total added up (a count of work: outfalls, villages).
    Sum,
    /// How many units meet their target (an indicator).
    CountMet,
    /// Not combined: a level such as PM2.5 does not add up.
    None,
}

impl How {
    /// `sum`, `count-met` or `none`, as the manifest and the JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            How::Sum => "sum",
            How::CountMet => "count-met",
            How::None => "none",
        }
    }

    pub fn parse(word: &str) -> Option<How> {
        [How::Sum, How::CountMet, How::None]
            .into_iter()
            .find(|how| how.as_str() == word)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Combine {
    /// `campaign/item`, in the manifest's ids.
    pub item: String,
    pub how: How,
}

/// What a ranking orders units by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// The figure now: an indicator's value, a task's fraction done.
    Value,
    /// How far the figure moved since each unit's previous report.
    Change,
}

impl By {
    pub fn as_str(self) -> &'static str {
        match self {
            By::Value => "value",
            By::Change => "change",
        }
    }

    pub fn parse(word: &str) -> Option<By> {
        [By::Value, By::Change]
            .into_iter()
            .find(|by| by.as_str() == word)
    }
}

/// A published ranking (排名通报) of the units by one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranking {
    /// `campaign/item`, in the manifest's ids.
    pub item: String,
    pub by: By,
    /// Items that order units whose figures are equal; units equal in all
    /// of them share a rank (并列).
    pub then: Vec<String>,
    /// How many to show at each end (best and worst); `None`: all.
    pub show: Option<usize>,
    /// Only the units of this group (e.g. the 国考 cities).
    pub group: Option<String>,
}

/// A unit's own id standing for one of the manifest's: `unit` is `None`
/// when every unit writes it so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    pub unit: Option<String>,
    /// `campaign/item` as the unit writes it.
    pub from: String,
    /// `campaign/item` as the manifest names it.
    pub to: String,
}

impl Manifest {
    /// The manifest's name of `campaign/item` as `unit` writes it.
    pub fn canonical<'a>(&'a self, unit: &str, key: &'a str) -> &'a str {
        let own = self
            .aliases
            .iter()
            .find(|alias| alias.unit.as_deref() == Some(unit) && alias.from == key);
        let any = || {
            self.aliases
                .iter()
                .find(|alias| alias.unit.is_none() && alias.from == key)
        };
        own.or_else(any).map_or(key, |alias| alias.to.as_str())
    }

    /// Whether `unit` (by id) is the office itself.
    pub fn is_office(&self, unit: &str) -> bool {
        self.office.as_deref() == Some(unit)
    }

    /// Whether `unit` (by id) belongs to `group`.
    pub fn in_group(&self, unit: &str, group: &str) -> bool {
        self.units
            .iter()
            .any(|spec| spec.id == unit && spec.groups.iter().any(|g| g == group))
    }
}
