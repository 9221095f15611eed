//! Why a workbook could not be made.

use rust_xlsxwriter::XlsxError;

/// Why a workbook could not be made.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(
        "sheet `{sheet}` would need {rows} rows; a sheet holds {room} below its title and header"
    )]
    TooManyRows {
        sheet: String,
        rows: usize,
        room: usize,
    },
    #[error(transparent)]
    Xlsx(#[from] XlsxError),
}
