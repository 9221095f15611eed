//! A `[[campaign.indicator]]` table: a measured level, a number or a water
//! class, with a target and which way is better.

use chrono::NaiveDate;

use super::PlanReader;
use super::ids::IdSet;
use crate::load::Diagnostic;
use crate::load::fields::{Fields, Value};
use crate::load::keys::{INDICATOR_KEYS, INDICATOR_POINT_KEYS};
use crate::load::tree::Item;
use crate::model::{Better, Field, Indicator, IndicatorPoint, Level, Scale, WaterClass};

impl PlanReader<'_> {
    pub(super) fn indicator(
        &mut self,
        value: Value<'_, '_>,
        as_of: NaiveDate,
        ids: &mut IdSet,
    ) -> Option<Indicator> {
        let fields = self
            .out
            .table(value, "[[campaign.indicator]]", INDICATOR_KEYS)?;
        let id = self.required_id(&fields, ids);
        let name = self
            .out
            .required(&fields, "name")
            .and_then(|v| self.out.text(v, "name"));
        let scale = self.scale(&fields);
        let better = self.better(&fields);
        let scale_value = scale.unwrap_or(Scale::Number);
        let value = self
            .out
            .required(&fields, "value")
            .and_then(|v| self.level(v, "value", scale_value));
        let target = fields
            .get("target")
            .and_then(|v| self.level(v, "target", scale_value));
        self.check_target_direction(&fields, target, better);
        let history = match fields.get("history") {
            None => Some(Vec::new()),
            Some(list) => self.history(list, as_of, INDICATOR_POINT_KEYS, |reader, point| {
                let value = reader.out.required(point, "value")?;
                reader.level(value, "value", scale_value)
            }),
        };
        let assumed = self.assumed(&fields, Field::INDICATOR);
        Some(Indicator {
            id: id?,
            name: name?,
            unit: self.optional_text(&fields, "unit"),
            scale: scale?,
            value: value?,
            target,
            better: match (target, better) {
                (Some(Level::Number(_)), None) => return None,
                (_, better) => better,
            },
            lead: self.optional_text(&fields, "lead"),
            note: self.optional_text(&fields, "note"),
            history: history?
                .into_iter()
                .map(|(date, value)| IndicatorPoint { date, value })
                .collect(),
            assumed: assumed?,
            line: self.line_of(&fields.span),
        })
    }

    /// `scale`: "water-class", or a number when it is left out.
    fn scale(&mut self, fields: &Fields<'_, '_>) -> Option<Scale> {
        let Some(v) = fields.get("scale") else {
            return Some(Scale::Number);
        };
        let word = self.out.string(v, "scale")?;
        match word.as_str() {
            "water-class" => Some(Scale::WaterClass),
            "number" => Some(Scale::Number),
            _ => {
                self.out.error(
                    Diagnostic::error(v.span(), format!("unknown scale `{word}`"), "unknown scale")
                        .with_help("scale is \"water-class\", or leave it out for a number"),
                );
                None
            }
        }
    }

    /// `better`: "higher" or "lower", if it is there.
    fn better(&mut self, fields: &Fields<'_, '_>) -> Option<Better> {
        let v = fields.get("better")?;
        let word = self.out.string(v, "better")?;
        match word.as_str() {
            "higher" => Some(Better::Higher),
            "lower" => Some(Better::Lower),
            _ => {
                self.out.error(Diagnostic::error(
                    v.span(),
                    format!("`better` must be \"higher\" or \"lower\", found `{word}`"),
                    "unknown direction",
                ));
                None
            }
        }
    }

    /// A numeric target means nothing without `better`; a bad `better` was
    /// reported already, so only a missing one is reported here.
    fn check_target_direction(
        &mut self,
        fields: &Fields<'_, '_>,
        target: Option<Level>,
        better: Option<Better>,
    ) {
        if let (Some(Level::Number(_)), None, Some(v)) = (target, better, fields.get("target"))
            && fields.get("better").is_none()
        {
            self.out.error(
                Diagnostic::error(
                    v.span(),
                    "a numeric target needs `better`",
                    "which way is better?",
                )
                .with_help("add better = \"higher\" or better = \"lower\""),
            );
        }
    }

    /// A level on `scale`: a number, or a water class written as a string.
    pub(super) fn level(&mut self, value: Value<'_, '_>, key: &str, scale: Scale) -> Option<Level> {
        match scale {
            Scale::Number => self.number_level(value, key),
            Scale::WaterClass => self.water_class_level(value, key),
        }
    }

    fn number_level(&mut self, value: Value<'_, '_>, key: &str) -> Option<Level> {
        if let Item::String(text) = value.item()
            && WaterClass::parse(text).is_some()
        {
            self.out.error(
                Diagnostic::error(
                    value.span(),
                    format!("`{key}` is a water class but the indicator has no scale"),
                    "a water class",
                )
                .with_help("add scale = \"water-class\" to this indicator"),
            );
            return None;
        }
        self.out.number(value, key).map(Level::Number)
    }

    fn water_class_level(&mut self, value: Value<'_, '_>, key: &str) -> Option<Level> {
        let Item::String(text) = value.item() else {
            self.out.wrong_type(
                value,
                &format!("`{key}` must be a water class"),
                "a class such as \"II\"",
            );
            return None;
        };
        match WaterClass::parse(text) {
            Some(class) => Some(Level::WaterClass(class)),
            None => {
                self.out.error(
                    Diagnostic::error(
                        value.span(),
                        format!("`{text}` is not a water class"),
                        "bad water class",
                    )
                    .with_help("water classes are I, II, III, IV, V and 劣V (or Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ)"),
                );
                None
            }
        }
    }
}
