//! The roll-up screen never cuts a figure: the province demo's combined
//! sums (871/968 outfalls, 89%*; 185/213 boilers) read whole at 120×40 and
//! at 80×24 in both languages, the legend says what the cells show at that
//! width, and an opened unit's attention row marks its share as its card
//! marks the figure it rests on (`48/50 boilers* 96%*`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::binary;

/// The demo's repository built in `dir`; its manifest.
fn province(dir: &Path) -> PathBuf {
    let dest = dir.join("province");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/province/make-repo.sh");
    let output = Command::new("sh")
        .arg(script)
        .arg(&dest)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    dest.join("rollup.toml")
}

fn render(file: &Path, size: &str, lang: &str) -> String {
    let output = binary::command()
        .args(["--lang", lang, "render"])
        .arg(file)
        .args(["--size", size])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The matrix: from its top border to its bottom one.
fn matrix(screen: &str) -> String {
    let lines = screen.lines().skip_while(|l| !l.starts_with('╭'));
    let mut matrix: Vec<&str> = Vec::new();
    for line in lines {
        matrix.push(line);
        if line.starts_with('╰') {
            break;
        }
    }
    matrix.join("\n")
}

#[test]
fn the_combined_sums_read_whole_at_every_width() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path());
    for (size, lang) in [
        ("120x40", "en"),
        ("80x24", "en"),
        ("80x24", "zh"),
        ("100x30", "en"),
    ] {
        let matrix = matrix(&render(&manifest, size, lang));
        for whole in ["89%* 871/968", "86%* 185/213", "5*/7"] {
            assert!(
                matrix.contains(whole),
                "{size} {lang}: no {whole} in\n{matrix}"
            );
        }
        // A figure cut short ends in `…` right after a digit or its mark.
        let cut = matrix.lines().any(|l| {
            let chars: Vec<char> = l.chars().collect();
            chars
                .windows(2)
                .any(|w| (w[0].is_ascii_digit() || w[0] == '*') && w[1] == '…')
        });
        assert!(!cut, "{size} {lang}: a figure is cut in\n{matrix}");
    }
}

#[test]
fn the_legend_says_what_the_cells_show_at_that_width() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path());
    let wide = matrix(&render(&manifest, "120x40", "en"));
    assert!(wide.contains("96%*/100%*"), "{wide}");
    assert!(
        wide.contains("╰ 68%/100%: progress / expected by now"),
        "{wide}"
    );
    // At 80 columns the zh cells show progress alone, and the legend too.
    let zh = matrix(&render(&manifest, "80x24", "zh"));
    assert!(zh.contains("96%*") && !zh.contains("96%*/"), "{zh}");
    assert!(zh.contains("╰ 68%：进度 · "), "{zh}");
    // The en cells show their status alone: no figure to explain.
    let en = matrix(&render(&manifest, "80x24", "en"));
    assert!(!en.contains("96%"), "{en}");
    assert!(en.contains("╰ * assumed: not from the source"), "{en}");
}

/// Wuhan's plan opened on its own: its card's attention row.
#[test]
fn an_attention_rows_share_is_marked_as_its_figure_is() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path());
    let output = Command::new("git")
        .current_dir(manifest.parent().unwrap())
        .env_remove("GIT_DIR")
        .args(["show", "refs/remotes/wuhan/main:campaigns.toml"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let file = dir.path().join("wuhan.toml");
    std::fs::write(&file, output.stdout).unwrap();
    let screen = render(&file, "120x40", "en");
    let row = screen.lines().find(|l| l.contains("48/50 boilers*"));
    let row = row.unwrap_or_else(|| panic!("no boilers row in\n{screen}"));
    assert!(row.contains("48/50 boilers* 96%*"), "{row}");
}
