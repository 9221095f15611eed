//! What one write costs in whole-file parses, counted on this thread by the
//! loader (`load::whole_parses`): `campaigns set` and the app's `+` take
//! the same route, one parse to load and at most one to check what is
//! written. The part that changed is checked by re-reading it alone when
//! it can be (a file of `[[campaign]]` sections), which is no whole parse.
//!
//! `campaigns set` is called here as `commands/set.rs` calls it,
//! `edit::apply(FILE, request, dates, None)`: a test binary cannot count the
//! parses of another process.

use std::fs;
use std::path::Path;
use std::time::Duration;

use campaigns::edit::{self, Change, Edit, Written};
use campaigns::load::{self, Document, Opened, Options};
use chrono::NaiveDate;

use super::{PLAN, plan_file};

fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

fn plus(campaign: &str, item: &str) -> Edit {
    Edit {
        campaign: campaign.into(),
        item: item.into(),
        change: Some(Change::AddDone(1.0)),
        note: None,
        lang: campaigns::model::Lang::En,
        record: None,
    }
}

/// `campaigns set` on `text`: the whole parses it took, and what it wrote.
fn set(text: &str, request: &Edit) -> (usize, Written) {
    let plan = plan_file(text);
    let before = load::whole_parses();
    let saved = edit::apply(&plan.path, request, options(), None).expect("written");
    let parses = load::whole_parses() - before;
    assert_eq!(
        fs::read_to_string(&plan.path).unwrap(),
        saved.written.text()
    );
    (parses, saved.written)
}

#[test]
fn one_set_parses_the_file_once_to_load_it_and_rereads_what_changed() {
    let (parses, written) = set(PLAN, &plus("clear-water", "yangtze-outfalls"));
    assert_eq!(parses, 1, "load: 1; check: a re-read of the task");
    // The re-read was taken into the document loaded for the edit.
    let Written::Whole(document) = written else {
        panic!("set keeps no document of its own: it is told one whole");
    };
    assert_eq!(document.plan().campaigns[0].tasks[0].done, 111.0);
    // An item written inline is re-read with its campaign: no whole parse.
    let (parses, _) = set(PLAN, &plus("blue-sky", "coal-boilers"));
    assert_eq!(parses, 1);
}

#[test]
fn a_file_of_inline_campaigns_also_costs_toml_edit_its_parse() {
    // No campaign has a `[[campaign]]` section: toml_edit parses the whole
    // file to find the value, and the result cannot be re-read in part, so
    // it is checked by a whole parse.
    let inline = "campaign = [\n  \
        { id = \"c\", name = \"C\", task = [{ id = \"t\", name = \"T\", done = 1 }] },\n]\n\
        [meta]\ntitle = \"t\"\n";
    let (parses, written) = set(inline, &plus("c", "t"));
    assert_eq!(parses, 3, "load: 1; find the value: 1; check: 1");
    assert!(written.text().contains("done = 2 }"));
}

/// The app's `+`: the screen's load, then the write-back with the document
/// it shows and no wait for the lock, then the re-read taken in (what
/// `Action::Reread` does to the shown document).
#[test]
fn one_plus_in_the_app_is_one_parse_to_load_and_none_after() {
    let plan = plan_file(PLAN);
    let before = load::whole_parses();
    let mut shown = loaded(&plan.path);
    assert_eq!(load::whole_parses() - before, 1, "the screen's load");
    for (step, done) in [(1, 111.0), (2, 112.0)] {
        let before = load::whole_parses();
        let request = plus("clear-water", "yangtze-outfalls");
        let saved = edit::apply_within(
            &plan.path,
            &request,
            options(),
            Some(&shown),
            Duration::ZERO,
        )
        .expect("written");
        let Written::Reread { reread, text } = saved.written else {
            panic!("+ {step}: the task is re-read alone against the shown document");
        };
        shown.take(reread, text);
        assert_eq!(load::whole_parses() - before, 0, "+ {step}");
        assert_eq!(shown.plan().campaigns[0].tasks[0].done, done);
        assert_eq!(shown.text(), fs::read_to_string(&plan.path).unwrap());
    }
    // What a whole load of the file written gives, the screen has.
    assert_eq!(shown, loaded(&plan.path));
}

/// A `+` on a file changed since the screen loaded it: loaded again, once.
#[test]
fn a_plus_on_a_file_changed_behind_the_screen_loads_it_once_more() {
    let plan = plan_file(PLAN);
    let shown = loaded(&plan.path);
    let changed = PLAN.replace("done = 4\n", "done = 5\n");
    fs::write(&plan.path, &changed).unwrap();
    let before = load::whole_parses();
    let request = plus("clear-water", "yangtze-outfalls");
    let saved = edit::apply_within(
        &plan.path,
        &request,
        options(),
        Some(&shown),
        Duration::ZERO,
    )
    .expect("written");
    assert_eq!(load::whole_parses() - before, 1, "the new text's load");
    let Written::Whole(document) = saved.written else {
        panic!("a re-read against the new text would not fit the shown document");
    };
    assert_eq!(document.plan().campaigns[0].tasks[1].done, 5.0);
    assert_eq!(document, loaded(&plan.path));
}

fn loaded(path: &Path) -> Document {
    match Opened::load(path, options()).unwrap() {
        Opened::Valid(document) => document,
        Opened::Invalid(_) => panic!("the fixture is valid"),
    }
}
