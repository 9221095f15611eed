//! Arbitrary bytes → the loader; when the text is a valid plan, every
//! status, every pace and every report format, in both languages. Nothing
//! may panic, diagnostics must point inside the text, and no output may
//! carry a control character or a bidi control.

#![no_main]

use campaigns::load::{self, Options};
use campaigns::model::{Lang, PlanStatus, schedule};
use campaigns::report::{Format, Report};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && c != '\r')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| unsafe_char(*c)) {
        panic!("{what}: raw {c:?} in {text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let loaded = load::parse(&source, options());
    for diagnostic in &loaded.diagnostics {
        let span = &diagnostic.span;
        assert!(
            span.start <= span.end && span.end <= source.len(),
            "{span:?}"
        );
        assert!(source.is_char_boundary(span.start), "{span:?}");
        for lang in [Lang::Zh, Lang::En] {
            let rendered = diagnostic.render(&source, "fuzz.toml", false, lang);
            assert_clean("diagnostic", &rendered);
            assert_clean("headline", &diagnostic.headline(&source, "fuzz.toml", lang));
        }
    }
    assert_eq!(loaded.plan.is_none(), loaded.errors().next().is_some());
    let Some(plan) = &loaded.plan else { return };
    let as_of = options().reporting_date(plan.meta.as_of);
    let status = PlanStatus::compute(plan, as_of);
    assert_eq!(status.campaigns.len(), plan.campaigns.len());
    for campaign in &plan.campaigns {
        for task in &campaign.tasks {
            schedule::pace(task, campaign, as_of);
        }
    }
    for lang in [Lang::Zh, Lang::En] {
        for ascii in [false, true] {
            let report = Report::new(plan, as_of, lang).ascii(ascii);
            for format in [Format::Markdown, Format::Json, Format::Csv, Format::Text] {
                let text = report.render(format);
                assert_clean("report", &text);
                if format == Format::Json {
                    let value: serde_json::Value =
                        serde_json::from_str(&text).expect("the JSON report parses");
                    assert_clean("decoded JSON", &value.to_string());
                }
            }
        }
    }
});
