use super::*;

#[test]
fn integers_have_no_decimals() {
    assert_eq!(number(110.0), "110");
    assert_eq!(number(-12.0), "-12");
    assert_eq!(number(0.0), "0");
    assert_eq!(number(300000.0), "300000");
    assert_eq!(number(1e15), "1000000000000000");
}

#[test]
fn decimals_stay_short() {
    assert_eq!(number(41.41), "41.41");
    assert_eq!(number(0.5), "0.5");
    assert_eq!(number(0.1 + 0.2), "0.3");
    assert_eq!(number(2.0 / 3.0), "0.67");
    assert_eq!(number(0.000123), "0.000123");
    assert_eq!(number(41.415), "41.415");
    assert_eq!(number(123456.78), "123456.78");
    assert_eq!(number(-0.004), "-0.004");
}

#[test]
fn a_number_that_is_not_finite_is_a_dash() {
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(number(value), "—");
    }
}

#[test]
fn number_widths_are_the_lengths_of_the_numbers() {
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
        123456.78,
        123456.7,
        1234567.89,
        999999999.99,
        1e9 + 0.5,
        1e15,
        1e16,
        -1e15,
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
        assert_eq!(number_width(value), number(value).len(), "{value:?}");
    }
}

#[test]
fn csv_numbers_are_exact() {
    assert_eq!(exact(110.0), "110");
    assert_eq!(exact(41.415), "41.415");
    assert_eq!(exact(2.0 / 3.0), "0.6666666666666666");
}

#[test]
fn rates_keep_two_significant_digits() {
    assert_eq!(rate(12.34), "12");
    assert_eq!(rate(3.45), "3.5");
    assert_eq!(rate(0.456), "0.46");
}
