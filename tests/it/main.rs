//! The integration tests that run the library in-process or the binary
//! over plain pipes (no terminal), in one test binary so that they are
//! compiled and linked once. The pseudo-terminal tests are the other
//! binary, `tests/pty`.
//!
//! Being modules of this crate places their files: insta's snapshots are
//! `tests/it/snapshots/it__MODULE__NAME.snap`, and proptest, finding this
//! `main.rs`, keeps failing seeds in `tests/proptest-regressions/MODULE.txt`.

mod approx;
mod architecture;
#[path = "../common/binary.rs"]
mod binary;
mod brief;
mod check;
mod check_props;
mod check_zh;
mod closing;
mod comparison;
mod comparison_large;
mod config;
mod config_reading;
mod due_soon_config;
mod figures_agree;
mod follows;
mod friction_cli;
mod history;
mod history_corrected;
mod history_marks;
mod history_not_a_plan;
mod history_props;
mod hostile;
mod lower_bound_change;
mod lower_bound_rollup;
mod lower_bound_xlsx;
mod lower_bound_yoy;
mod marks_travel;
mod meeting;
mod props_roundtrip;
mod readme_screenshots;
mod render;
mod render_ascii;
mod render_attention;
mod render_year;
mod report_cli;
mod report_contract2;
mod report_csv;
mod report_json;
mod report_output;
mod report_since;
mod report_snapshots;
mod report_xlsx;
mod report_xlsx_limits;
mod report_xlsx_print;
mod report_yoy;
mod reread_differential;
mod rollover;
mod rollup_cli;
mod rollup_core;
mod rollup_demo;
mod rollup_fetch;
mod rollup_git;
mod rollup_office;
mod rollup_parts;
mod rollup_paths;
mod rollup_screen_figures;
mod rollup_xlsx;
mod safe_paths;
mod schema;
mod screen_honesty;
mod set;
mod set_concurrency;
mod set_crash;
mod set_faults;
mod set_record_assumed;
mod status_move_marks;
mod tree_differential;
mod tui_app;
mod tui_changes;
mod tui_follows;
mod tui_friction;
mod tui_friction_history;
mod tui_history;
mod tui_large;
mod tui_problems;
mod tui_rollup;
mod tui_rollup_git;
mod tui_rollup_reload;
mod tui_snapshots;
mod yoy_shipped_2025;

// Shared by the property tests.
mod edit_oracle;
mod git_fixture;
mod plan_gen;
mod rollup_fixture;
