//! The brief (`report --brief`) in markdown: a title, a byline, a section
//! per part of the meeting, a `###` heading per lead.

use std::fmt::Write;

use super::escape::escape;
use crate::report::Report;
use crate::report::brief::{self, Line};
use crate::report::marks::Marker;
use crate::report::words;

pub fn brief(report: &Report<'_>) -> String {
    // A bare `*` could open emphasis with a later one.
    let marker = Marker::new("\\*");
    let brief = brief::build(report, escape, &marker);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", brief.title);
    let _ = writeln!(out, "{}\n", brief.byline.join(" · "));
    if marker.used() {
        let legend = words::words(report.lang).assumed_legend;
        let _ = writeln!(out, "{} {legend}\n", marker.sign());
    }
    for section in &brief.sections {
        let _ = writeln!(out, "## {}\n", section.heading);
        let mut in_list = false;
        for line in &section.lines {
            // A list ends with a blank line before anything else.
            if in_list && !matches!(line, Line::Item(_)) {
                out.push('\n');
            }
            in_list = matches!(line, Line::Item(_));
            let _ = match line {
                Line::Group(text) => writeln!(out, "### {text}\n"),
                Line::Item(text) => writeln!(out, "- {text}"),
                Line::Note(text) => writeln!(out, "{text}\n"),
            };
        }
        if in_list {
            out.push('\n');
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}
