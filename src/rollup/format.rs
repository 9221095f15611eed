//! The manifest's format, declared as the plan's is (`load::format`): each
//! table's keys, for the unknown-key errors and their "did you mean" hints.

use crate::load::format::{Key, Kind, Need, Table};

const fn key(name: &'static str, kind: Kind, need: Need, about: &'static str) -> Key {
    Key {
        name,
        kind,
        need,
        marks: None,
        about,
    }
}

pub const HOWS: &[&str] = &["sum", "count-met", "none"];
pub const BYS: &[&str] = &["value", "change"];
pub const TIES: &[&str] = &["equal"];

pub static ROOT: Table = Table {
    def: "",
    what: "the manifest",
    about: "A roll-up of many units' plans (rollup.toml).",
    keys: &[
        key(
            "rollup",
            Kind::Table("rollup"),
            Need::Required,
            "Title and date.",
        ),
        key("unit", Kind::Tables("unit"), Need::Optional, "The units."),
        key(
            "combine",
            Kind::Tables("combine"),
            Need::Optional,
            "How items add up.",
        ),
        key(
            "ranking",
            Kind::Tables("ranking"),
            Need::Optional,
            "Rankings.",
        ),
        key(
            "alias",
            Kind::Table("alias"),
            Need::Optional,
            "Ids that differ.",
        ),
    ],
};

pub static ROLLUP: Table = Table {
    def: "rollup",
    what: "[rollup]",
    about: "The roll-up's title and reporting date.",
    keys: &[
        key("title", Kind::Text, Need::Required, "The roll-up's title."),
        key("as_of", Kind::Date, Need::Optional, "Reporting date."),
        key(
            "stale_after_days",
            Kind::NonNegative,
            Need::Optional,
            "A unit older than this is not reported (未报送).",
        ),
        key(
            "office",
            Kind::Id,
            Need::Optional,
            "The unit that is the office itself: its sums are checked against the others'.",
        ),
    ],
};

pub static UNIT: Table = Table {
    def: "unit",
    what: "[[unit]]",
    about: "A unit and where its campaigns.toml is.",
    keys: &[
        key("id", Kind::Id, Need::Required, "Unique; a-z, 0-9 and -."),
        key("name", Kind::Text, Need::Required, "The unit's name."),
        key("path", Kind::Text, Need::When("without ref"), "Its file."),
        key("ref", Kind::Text, Need::When("without path"), "A git ref."),
        key(
            "file",
            Kind::Text,
            Need::Optional,
            "The file in the ref's tree.",
        ),
        key(
            "groups",
            Kind::Text,
            Need::Optional,
            "Groups it belongs to.",
        ),
    ],
};

pub static COMBINE: Table = Table {
    def: "combine",
    what: "[[combine]]",
    about: "How one item combines across units.",
    keys: &[
        key("item", Kind::Text, Need::Required, "campaign/item."),
        key(
            "how",
            Kind::Words(HOWS),
            Need::Optional,
            "sum, count-met or none.",
        ),
    ],
};

pub static RANKING: Table = Table {
    def: "ranking",
    what: "[[ranking]]",
    about: "A ranking of the units by one item.",
    keys: &[
        key("item", Kind::Text, Need::Required, "campaign/item."),
        key("by", Kind::Words(BYS), Need::Optional, "value or change."),
        key("ties", Kind::Words(TIES), Need::Optional, "equal: 并列."),
        key("then", Kind::Text, Need::Optional, "Tie-break items."),
        key(
            "show",
            Kind::Positive,
            Need::Optional,
            "How many at each end.",
        ),
        key(
            "group",
            Kind::Id,
            Need::Optional,
            "Only this group's units.",
        ),
    ],
};
