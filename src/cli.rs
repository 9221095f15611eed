//! The command line (clap types only; `main.rs` dispatches).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use campaigns::history::Since;

const EXAMPLES: &str = "\
Examples:
  campaigns                                  review ./campaigns.toml
  campaigns check plan.toml                  validate; exit 1 on errors
  campaigns report --format md > bulletin.md
  campaigns set campaigns.toml clear-water/yangtze-outfalls --add 1 --record";

#[derive(Debug, Parser)]
#[command(
    name = "campaigns",
    version,
    about = "Review pollution-control campaigns kept in a plain campaigns.toml",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The plan to open
    #[arg(default_value = "campaigns.toml")]
    pub file: PathBuf,

    /// Capture the mouse (off by default so the terminal's own selection works)
    #[arg(long, overrides_with = "no_mouse")]
    pub mouse: bool,

    /// Leave the mouse to the terminal, whatever the config file says
    #[arg(long, overrides_with = "mouse")]
    pub no_mouse: bool,

    /// Show the terminal cursor on the selected row and words for glyphs,
    /// for screen readers and braille displays (config: screen_reader)
    #[arg(long)]
    pub screen_reader: bool,

    /// The baseline the screen compares with: a commit, branch or tag, or a
    /// date (YYYY-MM-DD) [default: the last report, the newest meta.as_of
    /// before this one, found as a date is]
    #[arg(long, value_name = "REV|DATE")]
    pub since: Option<campaigns::history::Since>,

    #[command(flatten)]
    pub common: Common,
}

/// Flags every command takes.
#[derive(Debug, Args, Clone)]
pub struct Common {
    /// Reporting date (YYYY-MM-DD); overrides meta.as_of
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Language of the interface and of the data text [default: from LANG / LC_ALL]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// ASCII symbols and gauges only (automatic when the locale is not UTF-8)
    #[arg(long, global = true)]
    pub ascii: bool,

    /// No colour (NO_COLOR is honoured too); wins over the config's theme
    #[arg(long, global = true)]
    pub no_color: bool,

    /// The config file [default: $XDG_CONFIG_HOME/campaigns/config.toml, else
    /// ~/.config/campaigns/config.toml]. `schema --config` (no PATH) prints
    /// the config file's schema
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        num_args = 0..=1,
        default_missing_value = ""
    )]
    pub config: Option<std::ffi::OsString>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a plan: exit 0 valid (warnings printed), 1 errors found, 2 could not run
    #[command(after_help = "Example:\n  campaigns check campaigns.toml && echo valid")]
    Check {
        #[arg(default_value = "campaigns.toml")]
        file: PathBuf,
    },
    /// Print the figures as markdown, JSON, CSV or text, or write the ledger workbook (xlsx)
    #[command(
        after_help = "Examples:\n  campaigns report --format json | jq '.campaigns[].status'\n  campaigns report plan.toml --format csv --output figures.csv\n  campaigns report --format xlsx --lang zh -o 台账.xlsx\n  campaigns report --since 2024-11-30      # each figure with its change since then\n  campaigns report --brief                 # one page for the meeting: moved, closed, by lead, due soon\n  campaigns report --yoy                   # each figure beside the same period last year (同比)"
    )]
    Report {
        #[arg(default_value = "campaigns.toml")]
        file: PathBuf,
        #[arg(long, short, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Only these campaigns (repeatable)
        #[arg(long, value_name = "ID")]
        campaign: Vec<String>,
        /// Write to a file instead of standard output
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Compare with the file as committed at REV (a commit, branch, tag, HEAD~1) or on DATE
        /// (YYYY-MM-DD: the newest valid revision committed at or before it)
        #[arg(long, value_name = "REV|DATE")]
        since: Option<Since>,
        /// Each figure beside the same period last year (同比) and the mean of the three years
        /// before, from the git history of the file (else its own history points)
        #[arg(long)]
        yoy: bool,
        /// The one-page brief for the meeting (md, text or xlsx): what moved since the last
        /// meeting (--since, else the last report in git), the attention list by lead, what
        /// falls due within `[meta] due_soon_days`
        #[arg(long)]
        brief: bool,
    },
    /// Print one frame of the review screen as plain text
    #[command(
        after_help = "Examples:\n  campaigns render --size 120x40 --view blue-sky\n  campaigns render --select clear-water/main-canal --since 2024-11-30\n  campaigns render --view changes --since HEAD~1"
    )]
    Render {
        #[arg(default_value = "campaigns.toml")]
        file: PathBuf,
        /// Frame size, WIDTHxHEIGHT
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// `overview`, `help`, `attention` (the attention list), `changes` (what moved since
        /// the baseline), `problems`, `by-lead` (the attention list by 责任单位), `due-soon`
        /// (what is not done and falls due within `[meta] due_soon_days`), `year` (each item
        /// beside last year's, 同比; reads the git history), or a campaign id
        #[arg(long, default_value = "overview")]
        view: String,
        /// Compare with the file as committed at REV or reported on DATE, as the screen's
        /// --since does (the git history is read only with it, or with --view changes or year)
        #[arg(long, value_name = "REV|DATE")]
        since: Option<Since>,
        /// That item selected in its campaign, its detail shown
        #[arg(long, value_name = "CAMPAIGN/ITEM")]
        select: Option<String>,
        /// Keep colours and styles as ANSI escape codes
        #[arg(long)]
        color: bool,
    },
    /// Record progress from a script (same write-back path as the app)
    #[command(
        after_help = "Examples:\n  campaigns set campaigns.toml clear-water/yangtze-outfalls --done 111\n  campaigns set campaigns.toml blue-sky/pm25 --value 30.5 --record\nExit: 0 written, 1 refused, 2 could not run"
    )]
    Set(SetArgs),
    /// The figures over time, read from the git history of the file
    #[command(
        override_usage = "campaigns history [FILE] [ITEM]... [--format text|json|csv]",
        after_help = "\
FILE (default ./campaigns.toml) is the first argument when it ends in .toml or names an
existing file; the others are items: CAMPAIGN/ITEM, or CAMPAIGN for all of its items.

The revisions are the commits that touched FILE, first parent first from HEAD (as
`git log --first-parent -- FILE` lists them), and the working copy when it differs from
HEAD. Each is dated by its own meta.as_of, else the day it was committed (the working
copy: today); --as-of does not apply. A revision where the file has errors is listed
as invalid and has no figures. An item's points are the revisions where its figure
(done or value) changed or first appeared, with its own history array merged in.
The history stops at a shallow clone's boundary and at a rename of the file, and says so.

Examples:
  campaigns history                                 every item, as text
  campaigns history clear-water/yangtze-outfalls    one item
  campaigns history plan.toml blue-sky --format json
Exit: 0 printed, 1 an unknown item, 2 could not run (not in a git work tree, …)"
    )]
    History(HistoryArgs),
    /// Draft the next year's plan from this one into a new file, comments kept
    #[command(
        after_help = "Examples:\n  campaigns rollover 2025 -o campaigns-2025.toml\n  campaigns rollover 2025 plan.toml -o plan-2025.toml\n\nThe draft: meta.as_of on 1 January of YEAR; campaign and task dates moved into YEAR;\nunfinished tasks carried as what is left (total - done) with `follows`; counts of the\nclosed year back to 0; finished tasks listed and left out. It never writes over a file.\nExit: 0 written, 1 the plan (or the draft) has errors, 2 could not run (OUTPUT exists, …)"
    )]
    Rollover {
        /// The year the new plan is for, e.g. 2025
        year: i32,
        #[arg(default_value = "campaigns.toml")]
        file: PathBuf,
        /// The new file (never an existing one, never the plan)
        #[arg(long, short, value_name = "PATH")]
        output: PathBuf,
    },
    /// Fetch the remotes of a roll-up's units (`git fetch`, a time limit each)
    #[command(
        after_help = "Examples:\n  campaigns fetch rollup.toml\n  campaigns fetch rollup.toml --timeout 20\n\nEach unit read from `ref = \"refs/remotes/<remote>/<branch>\"` has its remote fetched in the\nrepository holding the manifest, a few at a time; one line per unit: fetched OLD → NEW,\nunchanged, failed (git's reason) or timed out. No program a repository configures runs\n(hooks, fsmonitor, credential helpers, ssh or proxy commands, ext:: remotes). The time of\neach successful fetch is kept in .git/campaigns-fetch.toml.\nExit: 0 every unit fetched, 1 any not, 2 could not run (no git, not in a git repository)"
    )]
    Fetch {
        /// The roll-up manifest
        #[arg(default_value = "rollup.toml")]
        file: PathBuf,
        /// Seconds a remote's fetch may take before it is stopped
        #[arg(long, value_name = "SECONDS", default_value_t = 60,
              value_parser = clap::value_parser!(u64).range(1..=86_400))]
        timeout: u64,
    },
    /// Print the JSON Schema of the file format (with --config, of the config file), for editors
    #[command(
        after_help = "Examples:\n  campaigns schema > campaigns.schema.json   # then start campaigns.toml with: #:schema ./campaigns.schema.json\n  campaigns schema --config > config.schema.json"
    )]
    Schema,
    /// Print the configuration in force as a commented config.toml, or check it
    #[command(
        after_help = "Examples:\n  campaigns config > ~/.config/campaigns/config.toml   # a file to edit\n  campaigns config --check --config my.toml\nExit: 0 valid, 2 errors (each as config.toml:LINE:COL)"
    )]
    Config {
        /// Only validate: print OK, or the errors and exit 2
        #[arg(long)]
        check: bool,
    },
    /// Print shell completions
    #[command(
        after_help = "Example:\n  campaigns completions bash > ~/.local/share/bash-completion/completions/campaigns"
    )]
    Completions { shell: clap_complete::Shell },
}

#[derive(Debug, Args)]
// `set [FILE] CAMPAIGN/ITEM`: one name is the item, FILE defaulting like every command's.
#[command(allow_missing_positional = true)]
pub struct SetArgs {
    /// The plan (default ./campaigns.toml)
    #[arg(default_value = "campaigns.toml")]
    pub file: PathBuf,
    /// CAMPAIGN/ITEM, e.g. clear-water/yangtze-outfalls
    pub target: String,
    /// Set a task's done count (12, 12.5, 1_000 or 1e3)
    #[arg(long, group = "change", allow_negative_numbers = true)]
    pub done: Option<String>,
    /// Add to a task's done count (may be negative)
    #[arg(long, group = "change", allow_negative_numbers = true)]
    pub add: Option<String>,
    /// Set an indicator's value (a number, or a water class such as II)
    #[arg(long, group = "change", allow_negative_numbers = true)]
    pub value: Option<String>,
    /// Replace the item's note
    #[arg(long)]
    pub note: Option<String>,
    /// Also append a history point at the reporting date (replacing one of that date)
    #[arg(long)]
    pub record: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// [FILE] [ITEM]...: the plan, then CAMPAIGN/ITEM or CAMPAIGN (see below)
    #[arg(value_name = "FILE|ITEM")]
    pub args: Vec<PathBuf>,
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: HistoryFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum HistoryFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Json,
    Csv,
    Text,
    /// The ledger workbook (台账); binary, so `-o FILE` or a pipe
    Xlsx,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2024-12-31"))
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not a size like 120x40"))?;
    let parse = |n: &str| {
        n.trim()
            .parse::<u16>()
            .map_err(|_| format!("`{text}` is not a size like 120x40"))
    };
    let (width, height) = (parse(w)?, parse(h)?);
    let (max_width, max_height) = (
        campaigns::tui::geometry::MAX_WIDTH,
        campaigns::tui::geometry::MAX_HEIGHT,
    );
    if width > max_width || height > max_height {
        return Err(format!(
            "`{text}` is larger than the {max_width}x{max_height} a frame may be"
        ));
    }
    Ok((width, height))
}
