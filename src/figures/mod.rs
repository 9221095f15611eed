//! Every figure that is shown, on the screen and in the human reports alike:
//! numbers as people write them (`236,500`, `23.65万`), floored
//! percentages, numbers with their units (`1 firm`), a task's `done/total
//! unit`, an indicator's value and target, days left and pace. One
//! implementation, so a figure reads the same wherever it appears (DESIGN "Shown figures"). No ratatui here: the headless reports
//! use it too. JSON keeps exact fractions and shows no percentages; the CSV
//! keeps them too, writing its numbers with [`exact`] and dates with [`date`];
//! the update prompt starts from [`plain`], which reads back as typed;
//! a change since a baseline (`report --since`) is [`difference`] and reads
//! [`signed`]. A figure worked out from an assumed value comes out as a
//! [`Shown`], which carries the `*` wherever it is printed.

mod approx;
mod assumed;
mod change;
mod closing;
mod days;
mod gap;
mod indicator;
mod number;
mod percent;
mod shortfall;
mod task;
mod unit;
mod yoy;

pub use approx::{
    about, approx_number, approx_prefix, approx_sign, at_least_number, at_least_sign, task_done,
};
pub use assumed::{Shown, mark};
pub use change::{
    Delta, change, difference, points_moved, points_text, signed, status_move, status_moved,
};
pub use closing::{
    campaign_closing_line, closed_cell, closed_count, closing_line, name_with_notices, notices_line,
};
pub use days::{date, days_left, days_short, marked_date};
pub use gap::{attention_gap, gap, gap_points, gap_text, gap_text_width};
pub use indicator::{
    class_numeral, indicator_figure, indicator_target, indicator_value, level,
    marked_indicator_figure, marked_indicator_value, water_class,
};
pub use number::{exact, marked_rate, number, number_width, plain, rate};
pub use percent::{marked_percent, percent};
pub use shortfall::{shortfall, status_counts};
pub use task::{
    marked_task_figure, task_amount, task_figure, task_figure_width, task_percent, task_unit,
};
pub use unit::{joined_unit, unit_for, with_unit};
pub use yoy::{Against, Direction, YearChange, YearUnit, year_change};
