//! Turning an `Edit` into splices of the file's text: the new value, the
//! note, the history point, each computed from what the file holds now.

use chrono::NaiveDate;
use toml_edit::{Item, Table, Value};

use super::literal::{self, Number};
use super::locate::{self, Kind, Node};
use super::point_lines;
use super::splice::{self, Splice};
use super::{Change, Edit, EditError};
use crate::model::{Lang, WaterClass};
use crate::text::sanitize_line;

/// What the edit does to the text, and one line saying so.
pub struct Planned {
    pub splices: Vec<Splice>,
    pub summary: String,
}

/// The value an edit leaves in `done` or `value`: its TOML text and how
/// the summary shows it.
struct Figure {
    literal: String,
    shown: String,
}

/// `record`: the date of the history point `edit.record` asks for.
pub fn plan(
    body: &str,
    root: &Table,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Result<Planned, EditError> {
    asks_for_something(edit)?;
    let located = locate::find(root, &edit.campaign, &edit.item)?;
    plan_located(body, located, edit, record)
}

/// `plan` on a text that holds the item's own section alone (its
/// `[[campaign.task]]` or `[[campaign.indicator]]` and its history).
/// `None` when anything is amiss: the caller then plans on more.
pub fn plan_in_item(
    body: &str,
    root: &Table,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Option<Planned> {
    asks_for_something(edit).ok()?;
    let located = locate::find_alone(root, &edit.item)?;
    plan_located(body, located, edit, record).ok()
}

pub fn asks_for_something(edit: &Edit) -> Result<(), EditError> {
    if edit.change.is_none() && edit.note.is_none() && edit.record.is_none() {
        return Err(EditError::NothingToChange {
            target: sanitize_line(&format!("{}/{}", edit.campaign, edit.item)),
        });
    }
    Ok(())
}

fn plan_located(
    body: &str,
    located: locate::Located<'_>,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Result<Planned, EditError> {
    let target = format!("{}/{}", edit.campaign, edit.item);
    let key = match located.kind {
        Kind::Task => "done",
        Kind::Indicator => "value",
    };
    let current = located
        .node
        .value(key)
        .ok_or_else(|| unreadable(&target, key))?;
    let current_span = current.span().ok_or_else(|| unreadable(&target, key))?;
    let mut splices = Vec::new();
    let mut said = Vec::new();

    let figure = match &edit.change {
        None => Figure {
            literal: body[current_span.clone()].to_owned(),
            shown: shown(body, current),
        },
        Some(change) => {
            let figure = new_figure(change, located.kind, located.node, current, &target)?;
            said.push(format!("{key} {} → {}", shown(body, current), figure.shown));
            splices.push(Splice::replace(current_span, figure.literal.clone()));
            figure
        }
    };
    if let Some(note) = &edit.note {
        let (splice, replaced) = note_splice(body, located.node, note, edit.lang, &target)?;
        splices.push(splice);
        let what = if replaced { "replaced" } else { "added" };
        said.push(format!("note ({}) {what}", edit.lang.code()));
    }
    if let Some(date) = record {
        let (record, replaced) = record_splice(body, located.node, key, date, &figure, &target)?;
        splices.extend(record);
        let date = literal::date_literal(date);
        said.push(if replaced {
            format!("history {date} replaced with {}", figure.shown)
        } else {
            format!("recorded {} at {date}", figure.shown)
        });
    }
    Ok(Planned {
        splices,
        summary: format!("{}: {}", sanitize_line(&target), said.join(", ")),
    })
}

fn unreadable(target: &str, key: &str) -> EditError {
    EditError::InvalidValue(format!(
        "`{}` has no readable `{key}` in the file",
        sanitize_line(target)
    ))
}

/// A value as the summary line shows it: strings without their quotes.
fn shown(body: &str, value: &Value) -> String {
    match value.as_str() {
        Some(text) => sanitize_line(text),
        None => value
            .span()
            .map_or_else(String::new, |span| sanitize_line(&body[span])),
    }
}

/// Whether the file's `current` figure is `figure`: the same number, or
/// the same water class however it is written.
fn holds(current: &Value, figure: &str) -> bool {
    match (number_of(current), current.as_str()) {
        (Some(n), _) => literal::parse_figure(figure) == Some(n.as_f64()),
        (None, Some(text)) => match (WaterClass::parse(text), WaterClass::parse(figure)) {
            (Some(a), Some(b)) => a == b,
            _ => text == figure,
        },
        (None, None) => false,
    }
}

fn number_of(value: &Value) -> Option<Number> {
    match value {
        Value::Integer(n) => Some(Number::Integer(*n.value())),
        Value::Float(x) => Some(Number::Float(*x.value())),
        _ => None,
    }
}

fn new_figure(
    change: &Change,
    kind: Kind,
    node: Node<'_>,
    current: &Value,
    target: &str,
) -> Result<Figure, EditError> {
    let wrong_kind = |advice: &'static str| EditError::WrongKind {
        target: sanitize_line(target),
        kind: kind.described(),
        advice,
    };
    let number = |n: Number| Figure {
        literal: n.literal(),
        shown: n.literal(),
    };
    match change {
        Change::Restore { to, from } => restored(to, from, kind, node, current, target),
        Change::SetDone(_) | Change::AddDone(_) if kind == Kind::Indicator => {
            Err(wrong_kind("set its level with --value"))
        }
        Change::SetValue(_) if kind == Kind::Task => {
            Err(wrong_kind("record its progress with --done or --add"))
        }
        Change::SetDone(n) => {
            if !n.is_finite() || *n < 0.0 {
                return Err(EditError::InvalidValue(format!(
                    "done must be a number of 0 or more, not {n}"
                )));
            }
            number_of(current).ok_or_else(|| unreadable(target, "done"))?;
            Ok(number(Number::whole_or_decimal(*n)))
        }
        Change::AddDone(delta) => {
            if !delta.is_finite() {
                return Err(EditError::InvalidValue(format!(
                    "cannot add {delta}: not a number"
                )));
            }
            let current = number_of(current).ok_or_else(|| unreadable(target, "done"))?;
            let sum = current.add(*delta).ok_or_else(|| {
                EditError::InvalidValue(format!(
                    "done {} + {delta} is out of range",
                    current.literal()
                ))
            })?;
            // A sum below zero is left to validation, which refuses it with
            // the line and column of the value.
            Ok(number(sum))
        }
        Change::SetValue(text) => level(text.trim(), node, current, target),
    }
}

/// Undo: the figure back to `to`, while the file still holds `from`.
fn restored(
    to: &str,
    from: &str,
    kind: Kind,
    node: Node<'_>,
    current: &Value,
    target: &str,
) -> Result<Figure, EditError> {
    if !holds(current, from) {
        let now = match (number_of(current), current.as_str()) {
            (Some(n), _) => n.literal(),
            (None, Some(text)) => text.to_owned(),
            (None, None) => "something else".to_owned(),
        };
        return Err(EditError::InvalidValue(format!(
            "`{}` is {} now, not {} as the update left it: not undone",
            sanitize_line(target),
            sanitize_line(&now),
            sanitize_line(from)
        )));
    }
    let back = match kind {
        Kind::Task => Change::SetDone(literal::parse_figure(to).ok_or_else(|| {
            EditError::InvalidValue(format!("`{}` is not a number", sanitize_line(to)))
        })?),
        Kind::Indicator => Change::SetValue(to.to_owned()),
    };
    new_figure(&back, kind, node, current, target)
}

/// An indicator's new level: a water class written in the file's style
/// (ASCII or Ⅰ–Ⅴ), or a number.
fn level(text: &str, node: Node<'_>, current: &Value, target: &str) -> Result<Figure, EditError> {
    if node.str("scale") == Some("water-class") {
        let class = WaterClass::parse(text).ok_or_else(|| {
            EditError::InvalidValue(format!(
                "`{}` is not a water class (I, II, III, IV, V, 劣V, or Ⅰ–Ⅴ)",
                sanitize_line(text)
            ))
        })?;
        let unicode = current.as_str().is_some_and(literal::uses_unicode_numerals);
        let literal = literal::water_class_literal(class, unicode);
        let shown = literal.trim_matches('"').to_owned();
        return Ok(Figure { literal, shown });
    }
    let Some(x) = literal::parse_figure(text) else {
        return Err(EditError::InvalidValue(format!(
            "`{}` is not a number, and `{}` is measured as a number",
            sanitize_line(text),
            sanitize_line(target)
        )));
    };
    let n = Number::whole_or_decimal(x);
    Ok(Figure {
        literal: n.literal(),
        shown: n.literal(),
    })
}

/// Sets the note: replaces a plain string, or the entry of the interface
/// language in a table of translations, or adds `note = "..."`.
fn note_splice(
    body: &str,
    node: Node<'_>,
    note: &str,
    lang: Lang,
    target: &str,
) -> Result<(Splice, bool), EditError> {
    let text = literal::string_literal(note);
    let cannot = || {
        EditError::InvalidValue(format!(
            "cannot place a note in `{}`; edit the file by hand",
            sanitize_line(target)
        ))
    };
    match node.get("note") {
        None => splice::insert_key(body, node, "note", &text)
            .map(|splice| (splice, false))
            .ok_or_else(cannot),
        // A plain note in the other language is kept beside the new one.
        Some(Item::Value(Value::String(old))) if Lang::of_script(old.value()) != lang => {
            let kept = literal::string_literal(old.value());
            let (first, second) = match lang {
                Lang::Zh => ((lang, &text), (lang.other(), &kept)),
                Lang::En => ((lang.other(), &kept), (lang, &text)),
            };
            let table = format!(
                "{{ {} = {}, {} = {} }}",
                first.0.code(),
                first.1,
                second.0.code(),
                second.1
            );
            old.span()
                .map(|span| (Splice::replace(span, table), false))
                .ok_or_else(cannot)
        }
        Some(Item::Value(Value::String(old))) => old
            .span()
            .map(|span| (Splice::replace(span, text), true))
            .ok_or_else(cannot),
        Some(item) => {
            let translations = Node::of(item).ok_or_else(cannot)?;
            match translations.value(lang.code()).and_then(Value::span) {
                Some(span) => Ok((Splice::replace(span, text), true)),
                None => splice::insert_key(body, translations, lang.code(), &text)
                    .map(|splice| (splice, true))
                    .ok_or_else(cannot),
            }
        }
    }
}

/// Records `figure` in `history` at `date`: replaces the point of that date,
/// or inserts one where the dates stay in order, or starts the history.
fn record_splice(
    body: &str,
    node: Node<'_>,
    key: &str,
    date: NaiveDate,
    figure: &Figure,
    target: &str,
) -> Result<(Vec<Splice>, bool), EditError> {
    let date_text = literal::date_literal(date);
    let point = format!("{{ date = {date_text}, {key} = {} }}", figure.literal);
    let cannot = |why: &str| {
        EditError::InvalidValue(format!(
            "cannot record in the history of `{}`: {why}",
            sanitize_line(target)
        ))
    };
    let history = match node.get("history") {
        None => {
            return point_lines::fresh(body, node, &point)
                .map(|splice| (vec![splice], false))
                .ok_or_else(|| cannot("no place for it in the file"));
        }
        Some(item @ (Item::Value(Value::Array(_)) | Item::ArrayOfTables(_))) => item,
        Some(_) => return Err(cannot("`history` is not a list of points")),
    };
    let points = locate::tables(history);
    let mut index = points.len();
    for (i, existing) in points.iter().enumerate() {
        let Some(point_date) = existing.value("date").and_then(date_of) else {
            return Err(cannot("a point has no date"));
        };
        if point_date == date {
            let splice = match existing.value(key).and_then(Value::span) {
                Some(span) => Splice::replace(span, figure.literal.clone()),
                None => splice::insert_key(body, *existing, key, &figure.literal)
                    .ok_or_else(|| cannot("no place for it in the file"))?,
            };
            return Ok((vec![splice], true));
        }
        if point_date > date && index == points.len() {
            index = i;
        }
    }
    let inserted = match history {
        Item::ArrayOfTables(sections) => {
            let lines = [
                format!("date = {date_text}"),
                format!("{key} = {}", figure.literal),
            ];
            splice::insert_section(body, sections, index, &lines)
        }
        Item::Value(Value::Array(array)) if array.len() == points.len() => {
            point_lines::spread(body, node, array, index, &point)
                .map(|splice| vec![splice])
                .or_else(|| splice::insert_element(body, array, index, &point))
        }
        _ => return Err(cannot("a point is not a { date = ..., ... } table")),
    };
    inserted
        .map(|splices| (splices, false))
        .ok_or_else(|| cannot("no place for it in the file"))
}

fn date_of(value: &Value) -> Option<NaiveDate> {
    let date = value.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
}
