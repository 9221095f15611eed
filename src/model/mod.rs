//! The domain: a plan of campaigns, their tasks and indicators, and what the
//! schedule says of them at a reporting date. Pure: no I/O.

mod assumed;
pub mod attention;
pub mod by_lead;
mod closing;
pub mod due_soon;
mod figure;
mod follows;
mod item;
mod marked;
pub mod pairs;
mod plan;
mod plan_status;
mod qualifier;
mod rollup;
pub mod schedule;
mod status;
mod text;
mod water_class;

pub use assumed::{Assumed, Field};
pub use closing::{Closed, Notice, last_notice};
pub use figure::Figure;
pub use follows::ItemPath;
pub use item::{Item, ItemKey};
pub use marked::Marked;
pub use plan::{
    Better, Campaign, DEFAULT_AT_RISK_MARGIN, DEFAULT_DUE_SOON_DAYS, Indicator, IndicatorPoint,
    Level, MAX_WEIGHT, Meta, Plan, Scale, SourceLine, Task, TaskPoint, Theme,
};
pub use plan_status::{CampaignStatus, PlanStatus};
pub use qualifier::{Qualifier, Qualifiers, whole_contradicts};
pub use rollup::{Rollup, Scope, ScopeItems};
pub use schedule::{IndicatorState, Pace, PaceBasis, TaskSchedule};
pub use status::Status;
pub use text::{Lang, Text, text_or_empty};
pub use water_class::WaterClass;
