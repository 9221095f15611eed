//! The combined row's cell of one campaign: its summed items ("89%* 871/968
//! outfalls") and its indicators counted ("5*/7 met"), fitted to its column.
//! A figure is never cut (a cut figure misleads and loses its `*`): the
//! unit of count goes first, then the items' names are cut, then the last
//! items are left out whole (an `…` says so).

use crate::figures::{number, percent};
use crate::model::Lang;
use crate::rollup::{Combined, How};
use crate::text::{sanitize_line, truncate_with, width};

/// One combined item of the column.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Its name, when the column has more than one to tell apart.
    name: Option<String>,
    /// Its figure with the unit of count and without: `89%* 871/968
    /// outfalls`, `89%* 871/968`.
    figure: [String; 2],
}

/// Between two items of a cell.
const SEPARATOR: &str = "; ";

/// The fewest columns a name is cut to (`Coa…`); below it the item is
/// left out rather than shown unnamed beside another.
const NAME_FLOOR: usize = 4;

/// The columns a cut name still reads in (`Yangtze outf…`).
const NAME_READS: usize = 12;

/// The combined items of campaign `id`, in the manifest's order; each
/// named when `named` or when the campaign has more than one.
pub fn parts(
    combined: &[Combined],
    id: &str,
    named: bool,
    (lang, ascii): (Lang, bool),
) -> Vec<Part> {
    let items: Vec<&Combined> = combined
        .iter()
        .filter(|c| {
            c.item
                .split_once('/')
                .is_some_and(|(campaign, _)| campaign == id)
        })
        .collect();
    // Two figures of one campaign are told apart by their items' names.
    let named = named || items.len() > 1;
    items
        .into_iter()
        .filter_map(|c| {
            Some(Part {
                name: c
                    .name
                    .as_ref()
                    .filter(|_| named)
                    .map(|name| sanitize_line(name.get(lang))),
                figure: figure(c, lang, ascii)?,
            })
        })
        .collect()
}

/// The widest one item reads: named in full, with its unit.
pub fn widest_part(parts: &[Part]) -> usize {
    (0..parts.len())
        .map(|i| full_width(&parts[i..=i]))
        .max()
        .unwrap_or(0)
}

/// The widest the items read on one line: each named in full, with its unit.
fn full_width(parts: &[Part]) -> usize {
    let names: usize = parts
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(|n| width(n) + 1)
        .sum();
    figures_width(parts, 0) + names
}

/// The column's combined items on `lines` lines of `room` columns: one
/// item a line, the last line holding those left; `None` when any figure
/// would not read whole.
pub fn on_lines(parts: &[Part], lines: usize, room: usize, ellipsis: &str) -> Option<Vec<String>> {
    (0..lines.min(parts.len()))
        .map(|line| match line + 1 == lines {
            true => all_of(&parts[line..], room, ellipsis),
            false => all_of(&parts[line..=line], room, ellipsis),
        })
        .collect()
}

/// Every campaign's items packed onto `lines` lines of `room` columns, as
/// many a line as read whole; the last line says `…` when some are left out.
pub fn packed(parts: &[Part], lines: usize, room: usize, ellipsis: &str) -> Vec<String> {
    let mut shown = Vec::new();
    let mut rest = parts;
    while !rest.is_empty() && shown.len() < lines {
        if shown.len() + 1 == lines {
            shown.push(fitted(rest, room, ellipsis));
            break;
        }
        // Spread evenly over the lines left, so names keep their room.
        let even = rest.len().div_ceil(lines - shown.len());
        let most = (1..=even)
            .rev()
            .find_map(|n| Some((n, all_of(&rest[..n], room, ellipsis)?)));
        let (n, text) = most.unwrap_or_else(|| (1, ellipsis.to_owned()));
        shown.push(text);
        rest = &rest[n..];
    }
    shown
}

/// The cell in `room` columns, every figure shown whole: as many items as
/// fit (the first ones, then `…`), with their units when there is room,
/// and their names cut evenly to what the figures leave.
pub fn fitted(parts: &[Part], room: usize, ellipsis: &str) -> String {
    for shown in (1..=parts.len()).rev() {
        let tail = match shown < parts.len() {
            true => format!(" {ellipsis}"),
            false => String::new(),
        };
        let Some(room) = room.checked_sub(width(&tail)) else {
            continue;
        };
        if let Some(text) = all_of(&parts[..shown], room, ellipsis) {
            return format!("{text}{tail}");
        }
    }
    // Not even one figure fits: it is left out whole.
    match parts.is_empty() {
        true => String::new(),
        false => ellipsis.to_owned(),
    }
}

/// Every one of `parts` in `room` columns, its figure whole (with its unit
/// when there is room) and its name cut to what the figures leave, no
/// shorter than its floor; `None` when they do not fit.
fn all_of(parts: &[Part], room: usize, ellipsis: &str) -> Option<String> {
    let names: Vec<&str> = parts.iter().filter_map(|p| p.name.as_deref()).collect();
    // Names in full, then cut but readable, before the unit of count goes;
    // names at their floor last.
    let tries = [
        (0, usize::MAX),
        (1, usize::MAX),
        (0, NAME_READS),
        (1, NAME_FLOOR),
    ];
    let form = tries.into_iter().find_map(|(form, least)| {
        let left = room.checked_sub(figures_width(parts, form) + names.len())?;
        let full = names.iter().map(|n| width(n)).sum::<usize>() <= left;
        let share = if full {
            usize::MAX
        } else {
            left / names.len().max(1)
        };
        (share >= least).then_some((form, share))
    });
    let (form, share) = form?;
    let shown: Vec<String> = parts
        .iter()
        .map(|p| match &p.name {
            Some(name) => format!(
                "{} {}",
                truncate_with(name, share, ellipsis),
                p.figure[form]
            ),
            None => p.figure[form].clone(),
        })
        .collect();
    Some(shown.join(SEPARATOR))
}

/// The figures of `parts` in form `form` with their separators.
fn figures_width(parts: &[Part], form: usize) -> usize {
    let figures: usize = parts.iter().map(|p| width(&p.figure[form])).sum();
    figures + width(SEPARATOR) * parts.len().saturating_sub(1)
}

fn figure(c: &Combined, lang: Lang, ascii: bool) -> Option<[String; 2]> {
    let unit = c
        .unit_word
        .as_ref()
        .map(|u| match lang {
            // "210/260 outfalls", "210/260个".
            Lang::En => format!(" {}", sanitize_line(u.get(lang))),
            Lang::Zh => sanitize_line(u.get(lang)),
        })
        .unwrap_or_default();
    let mark = crate::figures::mark(c.assumed());
    // A sum with a part that is a lower bound is one: 1,200+ (≈98%).
    let at_least = c.at_least();
    let sum = |done| crate::figures::at_least_number(done, at_least, lang);
    let bare = match (c.how, c.done, c.total) {
        // The share first, then the counts it is of.
        (How::Sum, Some(done), Some(total)) => format!(
            "{}{mark} {}/{}",
            crate::figures::about(percent(done / total), at_least, lang, ascii),
            sum(done),
            number(total, lang)
        ),
        (How::Sum, Some(done), None) => format!("{}{mark}", sum(done)),
        (How::CountMet, Some(met), Some(of)) => {
            let met_word = super::words::met(lang);
            let counted = format!(
                "{}{mark}/{} {met_word}",
                number(met, lang),
                number(of, lang)
            );
            return Some([counted.clone(), counted]);
        }
        _ => return None,
    };
    Some([format!("{bare}{unit}"), bare])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(name: Option<&str>, figure: &str, bare: &str) -> Part {
        Part {
            name: name.map(str::to_owned),
            figure: [figure.to_owned(), bare.to_owned()],
        }
    }

    fn blue_sky() -> Vec<Part> {
        vec![
            part(
                Some("Coal boilers retired"),
                "86%* 185/213 boilers",
                "86%* 185/213",
            ),
            part(Some("PM2.5 annual mean"), "4*/7 met", "4*/7 met"),
        ]
    }

    #[test]
    fn names_give_way_before_any_figure_is_cut() {
        let parts = blue_sky();
        let full = "Coal boilers retired 86%* 185/213 boilers; PM2.5 annual mean 4*/7 met";
        assert_eq!(fitted(&parts, 80, "…"), full);
        assert_eq!(widest_part(&parts), 41);
        // Names cut but readable before the unit of count goes.
        assert_eq!(
            fitted(&parts, 58, "…"),
            "Coal boilers… 86%* 185/213 boilers; PM2.5 annual… 4*/7 met"
        );
        // Then the unit, then names down to their floor.
        assert_eq!(
            fitted(&parts, 50, "…"),
            "Coal boilers… 86%* 185/213; PM2.5 annual… 4*/7 met"
        );
        assert_eq!(fitted(&parts, 32, "…"), "Coa… 86%* 185/213; PM2… 4*/7 met");
        // Then the last item is left out whole, and `…` says so.
        assert_eq!(fitted(&parts, 30, "…"), "Coal boilers r… 86%* 185/213 …");
        assert_eq!(fitted(&parts, 8, "…"), "…");
        assert_eq!(
            on_lines(&parts, 2, 30, "…").unwrap()[1],
            "PM2.5 annual mean 4*/7 met"
        );
        assert_eq!(on_lines(&parts, 2, 16, "…"), None);
        let lines = packed(&parts, 1, 30, "…");
        assert_eq!(lines, ["Coal boilers r… 86%* 185/213 …"]);
    }

    #[test]
    fn every_fitted_cell_has_its_figures_whole_and_fits() {
        let parts = blue_sky();
        for room in 0..90 {
            let cell = fitted(&parts, room, "…");
            assert!(width(&cell) <= room.max(1), "{room}: {cell}");
            let whole = ["86%* 185/213", "4*/7 met"];
            let cut = cell.contains("86%") && !cell.contains(whole[0]);
            assert!(!cut, "{room}: {cell}");
            assert!(!cell.contains("4*/7") || cell.contains(whole[1]), "{room}");
        }
        let alone = [part(None, "89%* 871/968 outfalls", "89%* 871/968")];
        assert_eq!(fitted(&alone, 20, "…"), "89%* 871/968");
        assert_eq!(fitted(&alone, 21, "…"), "89%* 871/968 outfalls");
    }
}
