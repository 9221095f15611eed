//! Opening the plan in the user's editor at the selected item's line.
//!
//! `$VISUAL`, else `$EDITOR`, else `vi`. The variable is split into words
//! like a shell would (`code --wait`, `"/opt/my editor/bin/ed"`), but nothing
//! is ever run through a shell: the file name is one argument, whatever it
//! contains.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::Command;

/// Editors known to take `+LINE` before the file name; others get the file
/// name alone.
const TAKES_PLUS_LINE: &[&str] = &[
    "vi",
    "vim",
    "nvim",
    "view",
    "gvim",
    "nano",
    "emacs",
    "emacsclient",
    "hx",
    "micro",
    "kak",
];

/// How editors known to take a column write line and column before the
/// file name (columns in characters, from 1).
fn line_and_column(program: &str, line: usize, column: usize) -> Option<String> {
    match program {
        // Vim's `+N` and `:normal` work in vim.tiny too (no `:call` there);
        // `l` counts characters, so a Chinese line lands right.
        "vim" | "nvim" | "view" | "gvim" => Some(match column {
            1 => format!("+normal! {line}G0"),
            _ => format!("+normal! {line}G0{}l", column - 1),
        }),
        "nano" => Some(format!("+{line},{column}")),
        "emacs" | "emacsclient" | "micro" | "kak" => Some(format!("+{line}:{column}")),
        _ => None,
    }
}

/// The program and arguments to run, from the values of `$VISUAL` and
/// `$EDITOR` (unset or blank ones are skipped).
pub fn command_line(
    visual: Option<&OsStr>,
    editor: Option<&OsStr>,
    path: &Path,
    line: usize,
) -> Result<Vec<OsString>, String> {
    command_line_at(visual, editor, path, line, 0)
}

/// [`command_line`] at a column too (0: none known); only editors known
/// to take a column get one, the others the line alone.
pub fn command_line_at(
    visual: Option<&OsStr>,
    editor: Option<&OsStr>,
    path: &Path,
    line: usize,
    column: usize,
) -> Result<Vec<OsString>, String> {
    let chosen = [("VISUAL", visual), ("EDITOR", editor)]
        .into_iter()
        .find_map(|(name, value)| {
            value
                .filter(|v| !v.to_string_lossy().trim().is_empty())
                .map(|v| (name, v))
        });
    let mut argv: Vec<OsString> = match chosen {
        None => vec!["vi".into()],
        Some((name, value)) => {
            let text = value
                .to_str()
                .ok_or_else(|| format!("${name} is not valid UTF-8"))?;
            let words = shell_words::split(text)
                .map_err(|err| format!("${name} ({text}) cannot be split into words: {err}"))?;
            words.into_iter().map(OsString::from).collect()
        }
    };
    let at_column = (line > 0 && column > 0)
        .then(|| line_and_column(&program_name(&argv[0]), line, column))
        .flatten();
    if let Some(argument) = at_column {
        argv.push(argument.into());
    } else if line > 0 && takes_plus_line(&argv[0]) {
        argv.push(format!("+{line}").into());
    }
    argv.push(file_argument(path));
    Ok(argv)
}

fn takes_plus_line(program: &OsStr) -> bool {
    TAKES_PLUS_LINE.contains(&program_name(program).as_str())
}

/// The program's own name: `/usr/bin/vim.basic` is `vim` (Debian installs
/// vim as `vim.basic` / `vim.tiny`).
fn program_name(program: &OsStr) -> String {
    let name = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.split('.').next().unwrap_or_default().to_owned()
}

/// A relative name that starts with `-` or `+` would be read as an option or
/// a line number: `./` keeps it a file name.
fn file_argument(path: &Path) -> OsString {
    let text = path.as_os_str().to_string_lossy();
    if path.is_relative() && (text.starts_with('-') || text.starts_with('+')) {
        Path::new(".").join(path).into_os_string()
    } else {
        path.as_os_str().to_owned()
    }
}

/// The values of `$VISUAL` and `$EDITOR`, read where the program starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Editor {
    pub visual: Option<OsString>,
    pub editor: Option<OsString>,
}

/// Runs the editor on the terminal and waits for it. The caller has given the
/// terminal back first. `Err` says why it could not run or how it failed.
pub fn run(editor: &Editor, path: &Path, line: usize, column: usize) -> Result<(), String> {
    let argv = command_line_at(
        editor.visual.as_deref(),
        editor.editor.as_deref(),
        path,
        line,
        column,
    )?;
    spawn(&argv)
}

fn spawn(argv: &[OsString]) -> Result<(), String> {
    let program = argv[0].to_string_lossy().into_owned();
    let status = Command::new(&argv[0])
        .args(&argv[1..])
        .status()
        .map_err(|err| format!("could not run `{program}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program}` ended with {status}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(visual: Option<&str>, editor: Option<&str>, path: &str, n: usize) -> Vec<String> {
        command_line(
            visual.map(OsStr::new),
            editor.map(OsStr::new),
            Path::new(path),
            n,
        )
        .unwrap()
        .into_iter()
        .map(|a| a.into_string().unwrap())
        .collect()
    }

    #[test]
    fn visual_wins_over_editor_and_vi_is_the_fallback() {
        assert_eq!(
            line(Some("nano"), Some("vim"), "p.toml", 7),
            ["nano", "+7", "p.toml"]
        );
        assert_eq!(
            line(None, Some("vim"), "p.toml", 7),
            ["vim", "+7", "p.toml"]
        );
        assert_eq!(line(None, None, "p.toml", 7), ["vi", "+7", "p.toml"]);
        assert_eq!(
            line(Some("  "), Some(""), "p.toml", 7),
            ["vi", "+7", "p.toml"]
        );
    }

    #[test]
    fn only_editors_known_to_take_a_line_get_one() {
        for editor in [
            "vi",
            "vim",
            "/usr/bin/nvim",
            "nano",
            "emacs",
            "hx",
            "micro",
            "vim.basic",
        ] {
            assert_eq!(line(None, Some(editor), "p.toml", 12)[1], "+12", "{editor}");
        }
        assert_eq!(
            line(None, Some("code --wait"), "p.toml", 12),
            ["code", "--wait", "p.toml"]
        );
        assert_eq!(line(None, Some("ed"), "p.toml", 12), ["ed", "p.toml"]);
        // Line 0 means "no line known".
        assert_eq!(line(None, Some("vim"), "p.toml", 0), ["vim", "p.toml"]);
    }

    #[test]
    fn the_variable_is_split_into_words_but_never_run_by_a_shell() {
        assert_eq!(
            line(None, Some("'/opt/my editor/vim' -u NONE"), "p.toml", 3),
            ["/opt/my editor/vim", "-u", "NONE", "+3", "p.toml"]
        );
        // Shell syntax stays literal text: no substitution, no second command.
        assert_eq!(
            line(None, Some("ed"), "$(touch x); rm -rf y.toml", 0),
            ["ed", "$(touch x); rm -rf y.toml"]
        );
        assert!(
            command_line(None, Some(OsStr::new("vim 'unclosed")), Path::new("p"), 1)
                .unwrap_err()
                .contains("$EDITOR")
        );
    }

    #[test]
    fn a_file_name_that_looks_like_an_option_stays_a_file_name() {
        assert_eq!(
            line(None, Some("vim"), "-rf.toml", 2),
            ["vim", "+2", "./-rf.toml"]
        );
        assert_eq!(line(None, Some("vim"), "+5", 2), ["vim", "+2", "./+5"]);
        assert_eq!(
            line(None, Some("vim"), "/tmp/-x", 2),
            ["vim", "+2", "/tmp/-x"]
        );
    }

    #[test]
    fn failures_say_what_went_wrong() {
        let missing = spawn(&["/nonexistent/editor-for-test".into()]).unwrap_err();
        assert!(
            missing.starts_with("could not run `/nonexistent/editor-for-test`"),
            "{missing}"
        );
        let failed = spawn(&["false".into()]).unwrap_err();
        assert!(
            failed.contains("`false` ended with exit status: 1"),
            "{failed}"
        );
        assert_eq!(spawn(&["true".into()]), Ok(()));
    }

    fn at(editor: &str, line: usize, column: usize) -> Vec<String> {
        command_line_at(
            None,
            Some(OsStr::new(editor)),
            Path::new("p.toml"),
            line,
            column,
        )
        .unwrap()
        .into_iter()
        .map(|a| a.into_string().unwrap())
        .collect()
    }

    #[test]
    fn only_editors_known_to_take_a_column_get_one() {
        assert_eq!(at("vim", 4, 30), ["vim", "+normal! 4G029l", "p.toml"]);
        assert_eq!(
            at("/usr/bin/vim.tiny", 4, 1),
            ["/usr/bin/vim.tiny", "+normal! 4G0", "p.toml"]
        );
        assert_eq!(at("nvim", 4, 2)[1], "+normal! 4G01l");
        assert_eq!(at("nano", 4, 30)[1], "+4,30");
        assert_eq!(at("emacs", 4, 30)[1], "+4:30");
        assert_eq!(at("micro", 4, 30)[1], "+4:30");
        assert_eq!(at("kak", 4, 30)[1], "+4:30");
        // Not known to take a column: the line alone, or nothing.
        assert_eq!(at("vi", 4, 30), ["vi", "+4", "p.toml"]);
        assert_eq!(at("hx", 4, 30), ["hx", "+4", "p.toml"]);
        assert_eq!(at("ed", 4, 30), ["ed", "p.toml"]);
        // No column known: as before.
        assert_eq!(at("vim", 4, 0), ["vim", "+4", "p.toml"]);
    }
}
