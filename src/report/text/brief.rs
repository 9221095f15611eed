//! The brief (`report --brief`) as plain text: the title, a byline, then
//! each section's heading with its lines indented beneath it.

use std::fmt::Write;

use super::line::one_line;
use crate::report::Report;
use crate::report::brief::{self, Line};
use crate::report::marks::Marker;
use crate::report::words;

pub fn brief(report: &Report<'_>) -> String {
    let marker = Marker::new("*");
    let brief = brief::build(report, one_line, &marker);
    let mut out = String::new();
    let _ = writeln!(out, "{}", brief.title);
    let _ = writeln!(out, "{}", brief.byline.join(" · "));
    if marker.used() {
        let legend = words::words(report.lang).assumed_legend;
        let _ = writeln!(out, "{} {legend}", marker.sign());
    }
    for section in &brief.sections {
        let _ = writeln!(out, "\n{}", section.heading);
        for line in &section.lines {
            let _ = match line {
                Line::Group(text) => writeln!(out, "  {text}"),
                Line::Item(text) => writeln!(out, "    - {text}"),
                Line::Note(text) => writeln!(out, "  {text}"),
            };
        }
    }
    out
}
