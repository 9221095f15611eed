//! Snapshots of every report format, in both languages, at a fixed date.

const AS_OF: &str = "2024-12-31";

/// Runs `campaigns report FILE --format FORMAT --lang LANG` at `AS_OF`.
fn report(file: &str, format: &str, lang: &str) -> String {
    report_at(file, format, lang, AS_OF)
}

/// The same at another reporting date.
fn report_at(file: &str, format: &str, lang: &str, as_of: &str) -> String {
    let output = crate::binary::assert_command()
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args([
            "report", file, "--format", format, "--lang", lang, "--as-of", as_of,
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{file} {format} {lang}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("reports are UTF-8")
}

macro_rules! snapshots {
    ($($name:ident: $file:expr, $format:expr, $lang:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(report($file, $format, $lang));
        }
    )*};
}

const ALL: &str = "tests/fixtures/report/all-statuses.toml";

snapshots! {
    all_statuses_md_en: ALL, "md", "en";
    all_statuses_md_zh: ALL, "md", "zh";
    all_statuses_json_en: ALL, "json", "en";
    all_statuses_json_zh: ALL, "json", "zh";
    all_statuses_csv_en: ALL, "csv", "en";
    all_statuses_csv_zh: ALL, "csv", "zh";
    all_statuses_text_en: ALL, "text", "en";
    all_statuses_text_zh: ALL, "text", "zh";
}

/// The shipped plan: the Qianjiang bureau's 2024 work summary.
const SHIPPED: &str = "campaigns.toml";

snapshots! {
    shipped_md_en: SHIPPED, "md", "en";
    shipped_md_zh: SHIPPED, "md", "zh";
    shipped_json_en: SHIPPED, "json", "en";
    shipped_json_zh: SHIPPED, "json", "zh";
    shipped_csv_en: SHIPPED, "csv", "en";
    shipped_csv_zh: SHIPPED, "csv", "zh";
    shipped_text_en: SHIPPED, "text", "en";
    shipped_text_zh: SHIPPED, "text", "zh";
}

/// Every case of the contract 2 roll-up and of assumed values, at the
/// fixture's own reporting date.
const CONTRACT2: &str = "tests/fixtures/report/contract2.toml";

macro_rules! contract2_snapshots {
    ($($name:ident: $format:expr, $lang:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(report_at(CONTRACT2, $format, $lang, "2024-02-20"));
        }
    )*};
}

contract2_snapshots! {
    contract2_md_en: "md", "en";
    contract2_md_zh: "md", "zh";
    contract2_json_en: "json", "en";
    contract2_json_zh: "json", "zh";
    contract2_csv_en: "csv", "en";
    contract2_csv_zh: "csv", "zh";
    contract2_text_en: "text", "en";
    contract2_text_zh: "text", "zh";
}
