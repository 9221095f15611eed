//! The status words of DESIGN.md. They are a contract: reports, the CSV and
//! the tests use them verbatim.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    // Declared in the campaign roll-up's order (contract 2): the first present
    // over a campaign's tasks with a total and indicators with a target is the
    // campaign's status, so a not-met indicator is never hidden by done tasks.
    Overdue,
    NotMet,
    Behind,
    AtRisk,
    InProgress,
    /// Done, and not all of it closed (销号) yet: still on the meeting's table.
    DoneOpen,
    OnTrack,
    Done,
    Met,
    NotStarted,
    /// A task without a total: a plain figure, outside the roll-up.
    Count,
    NoTarget,
}

impl Status {
    /// Task statuses, worst first.
    pub const TASK: [Status; 9] = [
        Status::Overdue,
        Status::Behind,
        Status::AtRisk,
        Status::InProgress,
        Status::DoneOpen,
        Status::OnTrack,
        Status::Done,
        Status::NotStarted,
        Status::Count,
    ];

    pub const INDICATOR: [Status; 3] = [Status::NotMet, Status::Met, Status::NoTarget];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::NotStarted => "not-started",
            Status::Overdue => "overdue",
            Status::InProgress => "in-progress",
            Status::DoneOpen => "done-open",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::Behind => "behind",
            Status::Count => "count",
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::NoTarget => "no-target",
        }
    }

    pub fn parse(word: &str) -> Option<Status> {
        Status::TASK
            .iter()
            .chain(Status::INDICATOR.iter())
            .copied()
            .find(|status| status.as_str() == word)
    }

    /// A symbol that carries the status without colour, each status its own
    /// (a task's heavy ✔ and ✖, an indicator's light ✓ and ✗), none of them
    /// the arrows of a change ([`crate::figures::status_move`]).
    pub fn symbol(self, ascii: bool) -> &'static str {
        match (self, ascii) {
            (Status::Done, false) => "✔",
            (Status::Done, true) => "=",
            (Status::NotStarted, false) => "○",
            (Status::NotStarted, true) => "o",
            (Status::Overdue, false) => "✖",
            (Status::Overdue, true) => "X",
            (Status::InProgress, false) => "◔",
            (Status::InProgress, true) => "~",
            (Status::DoneOpen, false) => "◑",
            (Status::DoneOpen, true) => "@",
            (Status::OnTrack, false) => "●",
            (Status::OnTrack, true) => ">",
            (Status::AtRisk, false) => "▲",
            (Status::AtRisk, true) => "!",
            (Status::Behind, false) => "▼",
            (Status::Behind, true) => "<",
            (Status::Count, false) => "#",
            (Status::Count, true) => "#",
            (Status::Met, false) => "✓",
            (Status::Met, true) => "Y",
            (Status::NotMet, false) => "✗",
            (Status::NotMet, true) => "N",
            (Status::NoTarget, false) => "·",
            (Status::NoTarget, true) => "-",
        }
    }

    /// Whether the work is all done (closed or not): no days left to count.
    pub fn finished(self) -> bool {
        matches!(self, Status::Done | Status::DoneOpen)
    }

    /// Whether this status asks for someone's attention in a review.
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            Status::Overdue | Status::Behind | Status::AtRisk | Status::NotMet
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
            assert_eq!(Status::parse(status.as_str()), Some(*status));
        }
        assert_eq!(Status::parse("late"), None);
    }

    /// `+` is a key and a box corner in ASCII mode, `*` the assumed marker:
    /// neither may stand for a status. No two statuses share a symbol, in
    /// either mode: overdue is not not-met, done is not met.
    #[test]
    fn every_status_has_a_symbol_of_its_own() {
        let all: Vec<Status> = Status::TASK
            .iter()
            .chain(Status::INDICATOR.iter())
            .copied()
            .collect();
        for ascii in [false, true] {
            let symbols: Vec<&str> = all.iter().map(|s| s.symbol(ascii)).collect();
            for (i, symbol) in symbols.iter().enumerate() {
                assert!(!["+", "*"].contains(symbol), "{symbol}");
                assert!(!ascii || symbol.is_ascii(), "{symbol}");
                assert!(!symbols[i + 1..].contains(symbol), "{symbol} twice");
            }
        }
    }

    #[test]
    fn roll_up_order_is_worst_first() {
        let mut sorted = Status::TASK.to_vec();
        sorted.sort();
        assert_eq!(sorted, Status::TASK.to_vec());
        assert!(Status::Overdue < Status::NotMet && Status::NotMet < Status::Behind);
        assert!(Status::Done < Status::Met && Status::Met < Status::NotStarted);
        assert!(Status::InProgress < Status::DoneOpen && Status::DoneOpen < Status::OnTrack);
    }
}
