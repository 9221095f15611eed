//! A `[[campaign.indicator]]` table: a measured level, a number or a water
//! class, with a target and which way is better.

use chrono::NaiveDate;

use super::PlanReader;
use super::ids::IdSet;
use crate::load::fields::{Fields, Value};
use crate::load::format;
use crate::load::tree::Item;
use crate::load::{Diagnostic, Words};
use crate::model::{Better, Indicator, IndicatorPoint, Level, Scale, WaterClass};

impl PlanReader<'_> {
    pub(super) fn indicator(
        &mut self,
        value: Value<'_, '_>,
        as_of: NaiveDate,
        ids: &mut IdSet,
    ) -> Option<Indicator> {
        let fields = self.out.table(value, &format::INDICATOR)?;
        let id = self.required_id(&fields, ids);
        let name = fields.get("name").and_then(|v| self.out.text(v, "name"));
        let scale = self.scale(&fields);
        let better = self.better(&fields);
        let scale_value = scale.unwrap_or(Scale::Number);
        let value = fields
            .get("value")
            .and_then(|v| self.level(v, "value", scale_value));
        let qualifiers = self.qualifiers(&fields, scale_value);
        let target = fields
            .get("target")
            .and_then(|v| self.level(v, "target", scale_value));
        self.check_target_direction(&fields, target, better);
        let history = match fields.get("history") {
            None => Some(Vec::new()),
            Some(list) => self.history(list, as_of, &format::INDICATOR_POINT, |reader, point| {
                let value = point.get("value")?;
                reader.level(value, "value", scale_value)
            }),
        };
        let assumed = self.assumed(&fields);
        let notices = self.notices(&fields, as_of);
        let parts = self.parts(&fields, "value");
        Some(Indicator {
            id: id?,
            name: name?,
            unit: self.optional_text(&fields, "unit"),
            scale: scale?,
            value: value?,
            qualifiers: qualifiers?,
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
            parts: parts?,
            assumed: assumed?,
            line: self.line_of(&fields.span),
            notices: notices?,
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
                    Diagnostic::error(
                        v.span(),
                        Words::new(
                            format!("unknown scale `{word}`"),
                            format!("未知的 `scale`：`{word}`"),
                        ),
                        Words::new("unknown scale", "未知的标度"),
                    )
                    .with_help(Words::new(
                        "scale is \"water-class\", or leave it out for a number",
                        "`scale` 只能为 `\"water-class\"`；数值指标不写此项",
                    )),
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
                    Words::new(
                        format!("`better` must be \"higher\" or \"lower\", found `{word}`"),
                        format!("`better` 应为 `\"higher\"` 或 `\"lower\"`，实为 `{word}`"),
                    ),
                    Words::new("unknown direction", "未知的方向"),
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
                    Words::new("a numeric target needs `better`", "数值目标须写明 `better`"),
                    Words::new("which way is better?", "越高越好还是越低越好？"),
                )
                .with_help(Words::new(
                    "add better = \"higher\" or better = \"lower\"",
                    "请加上 `better = \"higher\"` 或 `better = \"lower\"`",
                )),
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
                    Words::new(
                        format!("`{key}` is a water class but the indicator has no scale"),
                        format!("`{key}` 是水质类别，但该指标未写 `scale`"),
                    ),
                    Words::new("a water class", "水质类别"),
                )
                .with_help(Words::new(
                    "add scale = \"water-class\" to this indicator",
                    "请在该指标中加上 `scale = \"water-class\"`",
                )),
            );
            return None;
        }
        self.out.number(value, key).map(Level::Number)
    }

    fn water_class_level(&mut self, value: Value<'_, '_>, key: &str) -> Option<Level> {
        let Item::String(text) = value.item() else {
            self.out.wrong_type(
                value,
                Words::new(
                    format!("`{key}` must be a water class"),
                    format!("`{key}` 应为水质类别"),
                ),
                Words::new("a class such as \"II\"", "类别，如 `\"II\"`"),
            );
            return None;
        };
        match WaterClass::parse(text) {
            Some(class) => Some(Level::WaterClass(class)),
            None => {
                self.out.error(
                    Diagnostic::error(
                        value.span(),
                        Words::new(
                            format!("`{text}` is not a water class"),
                            format!("`{text}` 不是水质类别"),
                        ),
                        Words::new("bad water class", "水质类别有误"),
                    )
                    .with_help(Words::new(
                        "water classes are I, II, III, IV, V and 劣V (or Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ)",
                        "水质类别为 I、II、III、IV、V 和 劣V（或 Ⅰ、Ⅱ、Ⅲ、Ⅳ、Ⅴ）",
                    )),
                );
                None
            }
        }
    }
}
