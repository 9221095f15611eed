use super::*;
use crate::model::WaterClass;

fn unit(text: &str) -> Text {
    Text::Plain(text.to_owned())
}

fn value(v: f64) -> Figure {
    Figure::Value(Level::Number(v))
}

fn said(change: YearChange, lang: Lang) -> String {
    change
        .words(Against::LastYear, lang, false, false)
        .to_string()
}

#[test]
fn a_rate_moves_in_points_and_its_word_follows_better() {
    let rate = year_change(
        value(94.0),
        value(92.0),
        Some(&unit("%")),
        Some(Better::Higher),
    );
    let rate = rate.unwrap();
    assert_eq!(rate.unit, YearUnit::Points);
    assert_eq!(rate.change, Some(2.0));
    assert_eq!(rate.direction, Some(Direction::Better));
    assert_eq!(said(rate, Lang::Zh), "同比上升2.0个百分点，好转");
    assert_eq!(said(rate, Lang::En), "up 2.0 pp year on year, better");
}

#[test]
fn a_level_moves_in_percent_and_lower_can_be_better() {
    let pm25 = year_change(
        value(32.0),
        value(38.0),
        Some(&unit("μg/m³")),
        Some(Better::Lower),
    );
    let pm25 = pm25.unwrap();
    assert_eq!(pm25.unit, YearUnit::Percent);
    assert_eq!(pm25.direction, Some(Direction::Better));
    assert_eq!(said(pm25, Lang::Zh), "同比下降15.8%，好转");
    assert_eq!(said(pm25, Lang::En), "down 15.8% year on year, better");
    // Up is worse for a level where lower is better: not the sign.
    let worse = year_change(value(40.0), value(38.0), None, Some(Better::Lower)).unwrap();
    assert_eq!(worse.direction, Some(Direction::Worse));
    assert_eq!(said(worse, Lang::Zh), "同比上升5.3%，变差");
}

#[test]
fn days_move_in_days_equal_figures_are_the_same_and_nothing_has_no_percent() {
    let days = Text::Translated(vec![
        ("zh".into(), "天".into()),
        ("en".into(), "days".into()),
    ]);
    let days = year_change(
        value(300.0),
        value(303.0),
        Some(&days),
        Some(Better::Higher),
    );
    let days = days.unwrap();
    assert_eq!((days.unit, days.change), (YearUnit::Days, Some(-3.0)));
    assert_eq!(said(days, Lang::Zh), "同比下降3天，变差");
    assert_eq!(said(days, Lang::En), "down 3 days year on year, worse");
    let same = year_change(value(31.0), value(31.0), None, Some(Better::Lower)).unwrap();
    assert_eq!(same.direction, Some(Direction::Same));
    assert_eq!(said(same, Lang::Zh), "与上年同期持平");
    assert_eq!(said(same, Lang::En), "unchanged year on year");
    // A task's count: percent of last year's, none of nothing, better higher.
    let from_none = year_change(
        Figure::Done(5.0),
        Figure::Done(0.0),
        None,
        Some(Better::Higher),
    );
    let from_none = from_none.unwrap();
    assert_eq!(from_none.change, None);
    assert_eq!(said(from_none, Lang::Zh), "同比上升，好转");
    // No direction given: the move is said without a verdict.
    let plain = year_change(value(12.0), value(10.0), None, None).unwrap();
    assert_eq!(plain.direction, None);
    assert_eq!(said(plain, Lang::En), "up 20.0% year on year");
}

#[test]
fn a_water_class_improves_or_worsens_from_one_class_to_another() {
    let class = |c| Figure::Value(Level::WaterClass(c));
    let better = year_change(class(WaterClass::III), class(WaterClass::IV), None, None).unwrap();
    assert_eq!(better.unit, YearUnit::Class);
    assert_eq!(better.direction, Some(Direction::Better));
    assert_eq!(said(better, Lang::Zh), "同比由Ⅳ类好转至Ⅲ类");
    assert_eq!(
        said(better, Lang::En),
        "improved from IV to III year on year"
    );
    let worse = year_change(class(WaterClass::IV), class(WaterClass::II), None, None).unwrap();
    assert_eq!(
        (worse.change, worse.direction),
        (Some(2.0), Some(Direction::Worse))
    );
    assert_eq!(said(worse, Lang::Zh), "同比由Ⅱ类变差至Ⅳ类");
    let mean = worse.words(Against::ThreeYearMean, Lang::Zh, false, true);
    assert_eq!(mean.to_string(), "较前三年均值由Ⅱ类变差至Ⅳ类*");
    assert!(year_change(class(WaterClass::I), value(1.0), None, None).is_none());
}

/// 90余 last year, 120余 now: up about a third, not known to the digit.
#[test]
fn a_change_beside_a_lower_bound_is_approximate() {
    let count = |now, before| year_change(Figure::Done(now), Figure::Done(before), None, None);
    let exact = count(120.0, 90.0).unwrap();
    assert!(!exact.approx);
    let about = exact.from_lower_bound(true);
    assert!(about.approx);
    assert_eq!(about.change, exact.change);
    assert_eq!(said(about, Lang::En), "up ≈33.3% year on year");
    assert_eq!(said(about, Lang::Zh), "同比上升约33.3%");
    let ascii = about.words(Against::LastYear, Lang::En, true, false);
    assert_eq!(ascii.to_string(), "up ~33.3% year on year");
    let same = count(90.0, 90.0).unwrap().from_lower_bound(true);
    assert_eq!(said(same, Lang::Zh), "与上年同期基本持平");
    assert_eq!(said(same, Lang::En), "roughly unchanged year on year");
    assert!(!count(90.0, 90.0).unwrap().from_lower_bound(false).approx);
}
