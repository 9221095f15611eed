//! The roll-up's ledger workbook (台账), made by the xlsx writer's roll-up
//! sheets; a file of its own so that the writer, which reads the report,
//! and the report, which asks for the workbook, import no circle.

use super::RollupReport;
use crate::report::LedgerError;

impl RollupReport<'_> {
    /// The ledger workbook of the roll-up: the matrix, the combined items,
    /// each ranking, who drags and freshness.
    pub fn xlsx(&self) -> Result<Vec<u8>, LedgerError> {
        crate::report::xlsx::rollup_workbook(self)
    }
}
