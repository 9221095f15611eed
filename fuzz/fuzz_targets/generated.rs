//! The valid generated plan that the `set` and `reread` targets start from.

use arbitrary::Arbitrary;
use campaigns_synthetic::{Shape, plan_text};

#[derive(Arbitrary, Debug)]
pub struct GeneratedPlan {
    tasks: u8,
    per_campaign: u8,
    seed: u64,
    crlf: bool,
    bom: bool,
}

impl GeneratedPlan {
    /// `plan_text` of 0–39 tasks, 1–12 to a campaign, laid out by `layout`,
    /// then at random with CRLF line ends and a byte-order mark.
    pub fn text(&self, layout: impl FnOnce(&str) -> String) -> String {
        let shape = Shape {
            tasks: usize::from(self.tasks % 40),
            tasks_per_campaign: usize::from(self.per_campaign % 12) + 1,
            seed: self.seed,
        };
        let mut text = layout(&plan_text(shape));
        if self.crlf {
            text = text.replace('\n', "\r\n");
        }
        if self.bom {
            text.insert(0, '\u{FEFF}');
        }
        text
    }
}
