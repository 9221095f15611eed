//! The workbook's cell formats, made once and shared by every sheet: the
//! title block, the header row, and one format per way a cell reads
//! (number shape, date, assumed or not). Every data cell has a thin border,
//! so a printed ledger reads as a table.

use std::collections::HashMap;

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use super::cells::Shape;

/// What decides a data cell's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Text,
    Long,
    Status,
    Number { shape: Shape, whole: bool },
    Date,
}

pub struct Formats {
    pub title: Format,
    pub byline: Format,
    pub header: Format,
    cells: HashMap<(Kind, bool), Format>,
}

impl Formats {
    pub fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            byline: Format::new().set_font_color(Color::RGB(0x40_40_40)),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xD9_D9_D9))
                .set_border(FormatBorder::Thin),
            cells: HashMap::new(),
        }
    }

    /// The format of a data cell; `assumed` appends the marker `*` to what
    /// the number or date shows.
    pub fn cell(&mut self, kind: Kind, assumed: bool) -> &Format {
        self.cells
            .entry((kind, assumed))
            .or_insert_with(|| make(kind, assumed))
    }
}

fn make(kind: Kind, assumed: bool) -> Format {
    let base = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let code = match kind {
        Kind::Text | Kind::Status => return base,
        Kind::Long => return base.set_text_wrap(),
        Kind::Date => "yyyy-mm-dd".to_owned(),
        Kind::Number { shape, whole } => {
            let amount = if whole { "#,##0" } else { "#,##0.0##" };
            match shape {
                Shape::Amount => amount.to_owned(),
                Shape::AtLeast(sign) => format!("{amount}\"{sign}\""),
                Shape::About(sign) => format!("\"{sign}\"{amount};\"{sign}\"-{amount}"),
                Shape::Target(sign) => format!("\"{sign} \"{amount}"),
                Shape::Percent => "0%".to_owned(),
                Shape::AboutPercent(sign) => format!("\"{sign}\"0%"),
                Shape::Whole => "0".to_owned(),
                Shape::Change(about, unit) => {
                    let amount = if whole { "#,##0" } else { "#,##0.0" };
                    let about = if about.is_empty() {
                        String::new()
                    } else {
                        format!("\"{about}\"")
                    };
                    format!(
                        "{about}+{amount}\"{unit}\";{about}-{amount}\"{unit}\";{about}0\"{unit}\""
                    )
                }
            }
        }
    };
    let code = if assumed {
        format!("{code}\"*\"")
    } else {
        code
    };
    base.set_num_format(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change from a lower bound stays a number that reads `≈30`, `≈-10`.
    #[test]
    fn an_approximate_change_reads_with_its_sign_before_it() {
        let about = Kind::Number {
            shape: Shape::About("≈"),
            whole: true,
        };
        assert_eq!(
            make(about, false),
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_num_format("\"≈\"#,##0;\"≈\"-#,##0")
        );
    }

    #[test]
    fn the_marker_is_part_of_the_number_format() {
        let mut formats = Formats::new();
        let target = Kind::Number {
            shape: Shape::Target("≥"),
            whole: true,
        };
        let with = formats.cell(target, true).clone();
        assert_eq!(with, make(target, true));
        assert_eq!(
            make(target, true),
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_num_format("\"≥ \"#,##0\"*\"")
        );
    }
}
