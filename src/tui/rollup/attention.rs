//! The attention list (督办清单) across units: every fresh unit's items
//! that need attention, in the attention list's one order
//! (`model::attention::worse_first`), a unit before each. Units not
//! reported (未报送) or with errors have none to list.

use crate::model::attention::{Attention, attention, worse_first};
use crate::rollup::Rollup;

/// An item of one unit that needs attention.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitAttention {
    /// Index into `Rollup::units`.
    pub unit: usize,
    pub attention: Attention,
}

/// Every fresh unit's items that need attention, worst first; equals keep
/// the manifest's order of units, then each plan's own.
pub fn across(rollup: &Rollup) -> Vec<UnitAttention> {
    let mut items: Vec<UnitAttention> = rollup
        .units
        .iter()
        .enumerate()
        .filter(|(_, unit)| unit.fresh())
        .filter_map(|(at, unit)| Some((at, unit.status()?)))
        .flat_map(|(at, status)| {
            attention(status)
                .into_iter()
                .map(move |attention| UnitAttention {
                    unit: at,
                    attention,
                })
        })
        .collect();
    // Stable: the units' order, then each plan's, among equals.
    items.sort_by(|a, b| worse_first(&a.attention, &b.attention));
    items
}

/// The list while it is open: the selected row and the first row shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttentionView {
    pub items: Vec<UnitAttention>,
    pub selected: usize,
    pub offset: usize,
}
