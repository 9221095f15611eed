//! "Who drags" in the bulletin (拖后腿): each summed item's shortfall
//! against 序时进度 and each unit's share of it, `*` on one resting on an
//! assumed value, `≈` (约) on one resting on a lower bound.

use super::Writer;
use crate::figures::{about, mark, number, percent};
use crate::model::Lang;
use crate::rollup::Drag;

impl Writer<'_> {
    pub(super) fn drags(&mut self) {
        if self.report.drags.is_empty() {
            return;
        }
        self.heading(
            "Who drags (short of expected by now)",
            "拖后腿（差序时进度）",
        );
        for drag in &self.report.drags {
            self.marked |= drag.assumed();
            let line = self.drag_line(drag);
            self.item(&line);
        }
    }

    /// "合计差55个，其中b市差30，占54%；a市差20，占36%".
    pub(super) fn drag_line(&self, drag: &Drag) -> String {
        let (lang, ascii) = (self.lang, self.report.ascii);
        let name = self.named(&drag.item, drag.name.as_ref());
        let unit = drag
            .unit_word
            .as_ref()
            .map(|u| self.text(u.get(lang)))
            .unwrap_or_default();
        if drag.units.is_empty() {
            return format!(
                "{name}{}",
                self.say(
                    ": no unit is short of expected by now",
                    "：各单位均未落后于序时进度"
                )
            );
        }
        let shares: Vec<String> = drag
            .units
            .iter()
            .map(|s| {
                // A lower bound's shortfall is only approximate, and so is
                // every share of a total that counts one.
                let short = about(number(s.shortfall, lang), s.approx, lang, ascii);
                let share = about(percent(s.share), drag.approx(), lang, ascii);
                let (who, short, share) = (
                    self.unit_name(&s.unit),
                    format!("{short}{}", mark(s.assumed)),
                    format!("{share}{}", mark(s.assumed)),
                );
                match lang {
                    Lang::En => format!("{who} {short} ({share})"),
                    Lang::Zh => format!("{who}差{short}，占{share}"),
                }
            })
            .collect();
        let total = about(number(drag.shortfall, lang), drag.approx(), lang, ascii);
        let total = format!("{total}{}", mark(drag.assumed()));
        match lang {
            Lang::En => format!("{name}: {total} {unit} short in all: {}", shares.join(", ")),
            Lang::Zh => format!("{name}：合计差{total}{unit}，其中{}", shares.join("；")),
        }
    }
}
