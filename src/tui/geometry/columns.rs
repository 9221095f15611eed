//! The columns of a list across campaigns: the widest cell of each (measured
//! once when the list is made, so the columns stay put while scrolling),
//! and how an inner width is shared among them. Status, figure and gap keep
//! their width; the names are cut first.

/// A width per column: the widest cell (0 when no row has that cell), or
/// the width a column gets, each but the last with its gap after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// Symbol, word and the assumed mark.
    pub status: u16,
    pub campaign: u16,
    pub item: u16,
    pub figure: u16,
    pub percent: u16,
    pub lead: u16,
    /// The gap in points or the days late (or a row's change).
    pub gap: u16,
}

/// The selection pointer before each row.
pub const POINTER: u16 = 2;
/// A campaign or a lead wider than this is cut before the item name is.
const CAMPAIGN_CAP: u16 = 16;
const LEAD_CAP: u16 = 20;
/// A name column narrower than this is left out rather than shown as a
/// stub (`Cl…`).
const NAME_MIN: u16 = 6;
/// A lead narrower than this is left out: `Cit…` or `市…` names no bureau.
const LEAD_MIN: u16 = 9;
/// An item name narrower than this (about 5 CJK characters) takes the
/// lead's column.
const ITEM_LEGIBLE: u16 = 11;
/// The percentage shows while the item name keeps this much room: at 80
/// columns a task's `53/77` keeps its `68%`, and the lead gives way first.
const PERCENT_ROOM: u16 = ITEM_LEGIBLE + NAME_MIN;

impl Columns {
    /// Status, figure and gap keep their full width (a figure is never
    /// cut); the names share what is left and are cut first: the lead
    /// soonest (it is often the same bureau on every row), the item name
    /// last; at the narrowest, the lead and the campaign go.
    pub fn fit(width: u16, cells: Columns, headers: Columns) -> Columns {
        let status = cells.status.max(headers.status) + 1;
        let figure = cells.figure.max(headers.figure) + 1;
        let mut gap = if cells.gap == 0 {
            0
        } else {
            cells.gap.max(headers.gap)
        };
        let fixed = POINTER + status + figure;
        // Room for an item name of NAME_MIN: the gap's heading gives first,
        // then the gap itself.
        let over = (fixed + gap + NAME_MIN).saturating_sub(width);
        if over > 0 {
            gap = gap.saturating_sub(over).max(cells.gap);
            if fixed + gap + NAME_MIN > width {
                gap = 0;
            }
        }
        let mut rest = width.saturating_sub(fixed + gap);
        let percent = if cells.percent > 0 && rest >= PERCENT_ROOM + cells.percent + 2 {
            cells.percent + 2
        } else {
            0
        };
        rest -= percent;
        // (width wanted, weight, width kept while another can give: the
        // heading's, so that it reads whole).
        let want = |cell: u16, header: u16, cap: u16, weight: u16| {
            let want = cell.max(header).min(cap) + 1;
            (want, weight, want.min(header + 1))
        };
        let [campaign, item, lead] = share(
            rest,
            [
                want(cells.campaign, headers.campaign, CAMPAIGN_CAP, 2),
                want(cells.item, headers.item, rest, 4),
                want(cells.lead, headers.lead, LEAD_CAP, 1),
            ],
        );
        let (mut campaign, mut lead) = (campaign, lead);
        let mut item = item;
        for (column, min) in [(&mut lead, LEAD_MIN), (&mut campaign, NAME_MIN)] {
            if *column < min {
                *column = 0;
            }
        }
        // An item cut too short to tell it from its neighbours takes the
        // lead's room: the lead is the same bureau on most rows.
        if item < ITEM_LEGIBLE && lead > 0 {
            item += lead;
            lead = 0;
        }
        // What is left over (a short list, a dropped column) goes to the item.
        item += rest.saturating_sub(campaign + item + lead);
        Columns {
            status,
            campaign,
            item,
            figure,
            percent,
            lead,
            gap,
        }
    }
}

/// Shares `room` among columns that each want (width, weight, floor): the
/// widest per weight gives one column at a time until they fit, those above
/// their floor first.
fn share(room: u16, wants: [(u16, u16, u16); 3]) -> [u16; 3] {
    let mut got = wants.map(|(want, _, _)| want);
    while got.iter().map(|w| u32::from(*w)).sum::<u32>() > u32::from(room) {
        let above_floor = (0..3).any(|i| got[i] > wants[i].2);
        let widest = (0..3)
            .filter(|&i| got[i] > 0 && (!above_floor || got[i] > wants[i].2))
            .max_by(|&a, &b| {
                let (wa, wb) = (u32::from(wants[a].1), u32::from(wants[b].1));
                (u32::from(got[a]) * wb).cmp(&(u32::from(got[b]) * wa))
            });
        let Some(widest) = widest else {
            break;
        };
        got[widest] -= 1;
    }
    got
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(status: u16, campaign: u16, item: u16, figure: u16, lead: u16, gap: u16) -> Columns {
        Columns {
            status,
            campaign,
            item,
            figure,
            percent: 3,
            lead,
            gap,
        }
    }

    fn total(c: &Columns) -> u16 {
        POINTER + c.status + c.campaign + c.item + c.figure + c.percent + c.lead + c.gap
    }

    #[test]
    fn everything_fits_when_wide_and_the_item_takes_what_is_left() {
        let headers = widths(6, 8, 4, 6, 4, 8);
        let c = Columns::fit(160, widths(10, 11, 49, 14, 35, 7), headers);
        assert_eq!((c.status, c.figure, c.gap), (11, 15, 8));
        assert_eq!(c.campaign, 12);
        assert_eq!(c.lead, LEAD_CAP + 1);
        assert!(c.item >= 50 && c.percent == 5, "{c:?}");
        assert_eq!(total(&c), 160);
    }

    #[test]
    fn names_shrink_first_and_figures_keep_their_width() {
        let headers = widths(6, 8, 4, 6, 4, 8);
        let cells = widths(10, 11, 49, 14, 35, 7);
        for width in [118, 100, 78, 60, 38] {
            let c = Columns::fit(width, cells, headers);
            assert_eq!(c.figure, 15, "{width}: {c:?}");
            assert!(total(&c) <= width, "{width}: {c:?}");
            assert!(c.item >= NAME_MIN, "{width}: {c:?}");
            // The item name is never the narrowest name shown.
            for other in [c.campaign, c.lead].into_iter().filter(|w| *w > 0) {
                assert!(c.item >= other, "{width}: {c:?}");
            }
        }
        let narrow = Columns::fit(78, cells, headers);
        // At 80 columns a figure keeps its percentage (issue 25): names give way.
        assert_eq!(narrow.percent, 5, "the percentage kept: {narrow:?}");
        // The lead gives way first (often the same bureau on every row).
        assert!(
            narrow.lead == 0 && narrow.campaign >= NAME_MIN,
            "{narrow:?}"
        );
        assert_eq!(narrow.gap, 8);
        let tiny = Columns::fit(38, cells, headers);
        assert_eq!((tiny.lead, tiny.campaign), (0, 0), "{tiny:?}");
    }

    #[test]
    fn the_lead_gives_way_before_the_item_is_cut_past_reading() {
        let headers = widths(6, 8, 4, 6, 8, 8);
        let cells = widths(10, 11, 49, 14, 35, 16);
        let mut dropped = 0;
        for width in 40..=160 {
            let c = Columns::fit(width, cells, headers);
            if c.lead > 0 {
                assert!(c.item >= ITEM_LEGIBLE, "{width}: {c:?}");
            } else if c.campaign > 0 {
                dropped += 1;
            }
        }
        assert!(
            dropped > 0,
            "some width drops the lead and keeps the campaign"
        );
    }

    #[test]
    fn no_gap_column_without_gaps() {
        let headers = widths(6, 8, 4, 6, 4, 8);
        let c = Columns::fit(80, widths(10, 11, 20, 14, 10, 0), headers);
        assert_eq!(c.gap, 0);
        assert_eq!(total(&c), 80);
    }

    #[test]
    fn sharing_follows_the_weights_and_keeps_floors_while_it_can() {
        assert_eq!(
            share(40, [(12, 1, 0), (50, 2, 0), (21, 1, 0)]),
            [10, 20, 10]
        );
        assert_eq!(
            share(100, [(12, 1, 0), (50, 2, 0), (21, 1, 0)]),
            [12, 50, 21]
        );
        assert_eq!(share(0, [(12, 1, 5), (50, 2, 5), (21, 1, 5)]), [0, 0, 0]);
        // The lead, lightest, gives first, but not below its floor.
        assert_eq!(
            share(74, [(12, 2, 9), (50, 4, 5), (21, 1, 9)]),
            [12, 50, 12]
        );
        assert_eq!(share(50, [(12, 2, 9), (50, 4, 5), (21, 1, 9)]), [12, 29, 9]);
    }
}
