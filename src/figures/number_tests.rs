use super::*;

#[test]
fn integers_have_no_decimals() {
    assert_eq!(plain(110.0), "110");
    assert_eq!(plain(-12.0), "-12");
    assert_eq!(plain(0.0), "0");
    assert_eq!(plain(300000.0), "300000");
    assert_eq!(plain(1e15), "1000000000000000");
}

#[test]
fn decimals_stay_short() {
    assert_eq!(plain(41.41), "41.41");
    assert_eq!(plain(0.5), "0.5");
    assert_eq!(plain(0.1 + 0.2), "0.3");
    assert_eq!(plain(2.0 / 3.0), "0.67");
    assert_eq!(plain(0.000123), "0.000123");
    assert_eq!(plain(41.415), "41.415");
    assert_eq!(plain(123456.78), "123456.78");
    assert_eq!(plain(-0.004), "-0.004");
}

#[test]
fn a_number_that_is_not_finite_is_a_dash() {
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(plain(value), "—");
        assert_eq!(number(value, Lang::En), "—");
        assert_eq!(number(value, Lang::Zh), "—");
    }
}

#[test]
fn below_ten_thousand_both_languages_write_the_plain_number() {
    for lang in [Lang::En, Lang::Zh] {
        assert_eq!(number(9999.0, lang), "9999");
        assert_eq!(number(41.415, lang), "41.415");
        assert_eq!(number(-9999.5, lang), "-9999.5");
        assert_eq!(number(0.5, lang), "0.5");
    }
}

#[test]
fn english_groups_the_thousands_from_ten_thousand() {
    assert_eq!(number(10000.0, Lang::En), "10,000");
    assert_eq!(number(236500.0, Lang::En), "236,500");
    assert_eq!(number(100000.0, Lang::En), "100,000");
    assert_eq!(number(1.5e8, Lang::En), "150,000,000");
    assert_eq!(number(123456.78, Lang::En), "123,456.78");
    assert_eq!(number(-12345.0, Lang::En), "-12,345");
    // Rounded up to five digits by the two-place rule, and grouped as such.
    assert_eq!(number(9_999.999_999, Lang::En), "10,000");
}

#[test]
fn chinese_counts_in_wan_and_yi_cut_to_two_decimals() {
    assert_eq!(number(10000.0, Lang::Zh), "1万");
    assert_eq!(number(236500.0, Lang::Zh), "23.65万");
    assert_eq!(number(100000.0, Lang::Zh), "10万");
    assert_eq!(number(1.5e8, Lang::Zh), "1.5亿");
    assert_eq!(number(1e8, Lang::Zh), "1亿");
    assert_eq!(number(123456.78, Lang::Zh), "12.34万");
    // Cut, not rounded: never more than the figure is, nor a 亿 too soon.
    assert_eq!(number(236599.0, Lang::Zh), "23.65万");
    assert_eq!(number(19999.0, Lang::Zh), "1.99万");
    assert_eq!(number(99_999_999.0, Lang::Zh), "9999.99万");
    assert_eq!(number(10_500.0, Lang::Zh), "1.05万");
    assert_eq!(number(-236500.0, Lang::Zh), "-23.65万");
    assert_eq!(number(1e20, Lang::Zh), "1000000000000亿");
}

#[test]
fn number_widths_are_the_widths_of_the_numbers() {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut values = vec![
        0.0,
        -0.0,
        0.005,
        0.015,
        0.125,
        0.105,
        9.995,
        99.999,
        -0.001,
        0.5,
        0.29,
        41.415,
        9999.0,
        9_999.999_999,
        10000.0,
        -10000.0,
        236500.0,
        123456.78,
        123456.7,
        1234567.89,
        99_999_999.0,
        1e8,
        1.5e8,
        999999999.99,
        1e9 + 0.5,
        1e15,
        1e16,
        -1e15,
        1e18,
        1e20,
        123.45,
        1e-9,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN_POSITIVE,
        4503599627370495.5,
    ];
    for _ in 0..50_000 {
        let bits = next();
        values.push(f64::from_bits(bits));
        values.push((bits % 2_000_000) as f64 / 1000.0 - 1000.0);
        values.push((bits % 100_000) as f64 / 100.0);
        values.push((bits % 10_000) as f64 / 8.0);
        values.push((bits % 10_000_000_000) as f64 / 100.0);
    }
    for value in values {
        for lang in [Lang::En, Lang::Zh] {
            let shown = number(value, lang);
            let width = crate::text::width(&shown);
            assert_eq!(number_width(value, lang), width, "{value:?} {shown}");
        }
    }
}

#[test]
fn csv_numbers_are_exact() {
    assert_eq!(exact(110.0), "110");
    assert_eq!(exact(236500.0), "236500");
    assert_eq!(exact(41.415), "41.415");
    assert_eq!(exact(2.0 / 3.0), "0.6666666666666666");
}

#[test]
fn rates_keep_two_significant_digits() {
    assert_eq!(rate(12.34), "12");
    assert_eq!(rate(3.45), "3.5");
    assert_eq!(rate(0.456), "0.46");
    assert_eq!(rate(0.0), "0.00");
    // Above zero, never `0.00`.
    assert_eq!(rate(3.0 / 365.0), "0.0082");
    assert_eq!(rate(0.008), "0.008");
    assert_eq!(rate(0.00027), "0.00027");
    assert_eq!(rate(0.0099), "0.0099");
    assert_eq!(rate(-0.004), "-0.004");
}
