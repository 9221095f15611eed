//! Diagnostics in Chinese: every kind the loader gives has its zh words, and
//! they read the bureau's way (full-width punctuation between Chinese
//! characters, TOML kept verbatim); `check --lang zh` prints them rustc-style.

use std::path::Path;

use assert_cmd::Command;
use campaigns::load::{self, Diagnostic, Options};
use campaigns::model::Lang;
use chrono::NaiveDate;

const INVALID: &str = "tests/fixtures/invalid";

/// Broken plans for the diagnostics no fixture file shows, each after a
/// `[meta]` that is fine.
const MORE: &[&str] = &[
    "[[campaign]]\nid = \"a\"\nname = \"A\"\ntheme = \"fire\"\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\nweight = 0\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\nweight = 1e300\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 5\ntotal = 3\nassumed = [\"due\", \"totl\", \"colour\", 3]\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.indicator]]\nid = \"i\"\nname = \"I\"\nvalue = 1\nscale = \"ph\"\nbetter = \"up\"\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.indicator]]\nid = \"i\"\nname = \"I\"\nvalue = 3\nscale = \"water-class\"\n",
    "[[campaign]]\nid = \"a\"\nname = { zh = 1 }\nstart = 2024-02-30\nend = 2024-12-31\nlead = 5\nsummary = []\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = nan\nhistory = 3\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\nhistory = [{ date = 2030-01-01, done = 1, when = 2 }]\n",
    "[[campaign]]\nid = 7\nname = \"A\"\ntask = 3\n",
    "[[campaign]]\nid = \"a\"\nname = 3\n",
    "[[campaign]]\nid = \"a\"\nname = \"A\"\n",
];

fn options() -> Options {
    let day = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    Options {
        as_of: Some(day),
        today: day,
    }
}

/// Every broken source to walk: the invalid fixtures and [`MORE`].
fn sources() -> Vec<(String, String)> {
    let mut sources: Vec<(String, String)> = std::fs::read_dir(INVALID)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect();
    sources.sort();
    let meta = "[meta]\ntitle = \"T\"\nas_of = 2024-12-31\nat_risk_margin = 2\nwhat = 1\n";
    for (n, body) in MORE.iter().enumerate() {
        sources.push((format!("more-{n}"), format!("{meta}{body}")));
    }
    sources.push(("root".into(), "meta = 3\nextra = 1\n".into()));
    sources
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// A half-width `,` `:` `(` `)` `;` right after a Chinese character, or
/// right before one: zh writes the full-width mark there.
fn half_width_by_cjk(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).find_map(|pair| {
        let (a, b) = (pair[0], pair[1]);
        let half = |c: char| matches!(c, ',' | ':' | '(' | ')' | ';' | '?');
        ((is_cjk(a) && half(b)) || (half(a) && is_cjk(b))).then(|| format!("{a}{b} in {text:?}"))
    })
}

fn check_words(diagnostic: &Diagnostic, name: &str) {
    let mut all = vec![&diagnostic.message, &diagnostic.label];
    all.extend(diagnostic.help.as_ref());
    all.extend(diagnostic.also.as_ref().map(|(_, label)| label));
    for words in all {
        assert!(!words.en.trim().is_empty(), "{name}: empty en in {words:?}");
        assert!(!words.zh.trim().is_empty(), "{name}: empty zh in {words:?}");
        assert!(
            words.zh.chars().any(is_cjk),
            "{name}: zh without Chinese: {:?}",
            words.zh
        );
        assert_ne!(words.en, words.zh, "{name}: not translated");
        if let Some(found) = half_width_by_cjk(&words.zh) {
            panic!("{name}: half-width punctuation by Chinese: {found}");
        }
    }
}

#[test]
fn every_diagnostic_has_both_languages_and_zh_reads_like_the_bureau() {
    let mut seen = 0;
    let mut kinds = std::collections::BTreeSet::new();
    for (name, text) in sources() {
        let loaded = load::parse(&text, options());
        assert!(!loaded.diagnostics.is_empty(), "{name}: nothing found");
        for diagnostic in &loaded.diagnostics {
            check_words(diagnostic, &name);
            kinds.insert(diagnostic.label.en.clone());
            let zh = diagnostic.render(&text, &name, false, Lang::Zh);
            let en = diagnostic.render(&text, &name, false, Lang::En);
            assert!(zh.contains(&diagnostic.message.zh), "{zh}");
            assert!(zh.contains(&diagnostic.label.zh), "{zh}");
            // Where the problem is reads the same in both.
            let place = |rendered: &str| {
                rendered
                    .lines()
                    .find(|l| l.contains("-->"))
                    .map(str::to_owned)
            };
            assert_eq!(place(&zh), place(&en));
            seen += 1;
        }
    }
    assert!(seen > 40, "only {seen} diagnostics");
    assert!(kinds.len() > 30, "only {} kinds: {kinds:?}", kinds.len());
}

fn campaigns() -> Command {
    let mut command = crate::binary::assert_command();
    command
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", "/nonexistent-campaigns-config");
    command
}

fn output(command: &mut Command) -> (i32, String, String) {
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn check_lang_zh_shows_the_place_the_line_the_caret_and_the_zh_message() {
    let path = Path::new(INVALID).join("zero-total.toml");
    let path = path.to_str().unwrap();
    let (code, stdout, stderr) = output(campaigns().args(["check", "--lang", "zh", path]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&format!("--> {path}:12:9")), "{stderr}");
    assert!(stderr.contains("total = 0"), "{stderr}");
    assert!(stderr.contains("^ 总数须为正数"), "{stderr}");
    assert!(
        stderr.contains("错误: `total` 应大于 0，实为 0"),
        "{stderr}"
    );
    assert!(
        stderr.contains("提示: 不写 `total`，该任务即为单纯计数"),
        "{stderr}"
    );
    assert_eq!(stdout, format!("{path}：1 处错误，0 条警告\n"));
}

#[test]
fn a_chinese_locale_chooses_zh_as_other_commands_do_and_en_stays_english() {
    let path = "tests/fixtures/valid/warnings-only.toml";
    let (code, stdout, stderr) =
        output(campaigns().env("LANG", "zh_CN.UTF-8").args(["check", path]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("警告: `done`（120）超过 `total`（113）"),
        "{stderr}"
    );
    assert!(
        stderr.contains("攻坚战 `empty` 没有任务，也没有指标"),
        "{stderr}"
    );
    assert_eq!(
        stdout,
        format!("{path}：校验通过：2 个攻坚战，1 项任务，0 项指标，3 条警告\n")
    );
    let (_, stdout, stderr) = output(campaigns().args(["check", "--lang", "en", path]));
    assert!(
        stderr.contains("warning: `done` (120) is more than `total` (113)"),
        "{stderr}"
    );
    assert!(stdout.contains(": valid: 2 campaigns"), "{stdout}");
}

#[test]
fn config_file_diagnostics_have_both_languages_too() {
    let configs = [
        "lang = \"fr\"\nmouse = 1\ntheme = \"neon\"\nthem = 1\ncolors = 1\nkeys = 2\n",
        "lang = 3\ntheme = 4\n[colors]\nbehnd = \"red\"\ndone = \"rouge\"\nmet = 3\n",
        "[keys]\nup = [\"k\", \"k\", 3, \"Hyper-x\"]\njump = [\"x\"]\nquit = []\nfrobnicate = [\"z\"]\ndown = 1\n",
        "[keys]\nreload = [\"j\"]\n",
        "[keys]\nreload = [\"z\"]\nundo = [\"z\"]\n",
        "[keys\n",
    ];
    for text in configs {
        let Err(diagnostics) = campaigns::config::Config::parse(text) else {
            panic!("{text}: no error");
        };
        assert!(!diagnostics.is_empty(), "{text}");
        for diagnostic in &diagnostics {
            check_words(diagnostic, text);
        }
    }
}
