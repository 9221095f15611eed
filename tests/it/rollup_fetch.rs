//! `campaigns fetch ROLLUP`: one remote per unit, fetched into the
//! repository holding the manifest. A remote that is gone and one that
//! hangs are named while the others are fetched, all within the time
//! limit; only good fetches are recorded; and nothing the repositories
//! configure (hooks, fsmonitor, upload-pack, ssh and proxy commands,
//! credential helpers, `ext::` and remote helpers) is run.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::binary;
use crate::git_fixture::git_command;
use crate::rollup_fixture::{UnitFigures, unit_plan};

/// Runs git in `dir`, panicking with its stderr when it fails; stdout.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = git_command(dir).args(args).output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "git {args:?}: {said}");
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// Runs git in `dir` with `input` on stdin; stdout.
fn git_with_input(dir: &Path, args: &[&str], input: &str) -> String {
    let mut child = git_command(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "git {args:?}");
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// A bare repository at `path`, a unit's own.
fn bare_unit(path: &Path) -> PathBuf {
    std::fs::create_dir_all(path).unwrap();
    git(path, &["init", "-q", "--bare"]);
    path.to_path_buf()
}

/// Commits a unit's `campaigns.toml` with `done` outfalls on the bare
/// repository's `main`; the new commit.
fn publish(bare: &Path, done: u32) -> String {
    let text = unit_plan(
        "Unit",
        &UnitFigures::new(done, 200, 30.0, 300),
        "yangtze-outfalls",
    );
    let blob = git_with_input(bare, &["hash-object", "-w", "--stdin"], &text);
    let tree = git_with_input(
        bare,
        &["mktree"],
        &format!("100644 blob {blob}\tcampaigns.toml\n"),
    );
    let parent = git_command(bare)
        .args(["rev-parse", "-q", "--verify", "refs/heads/main"])
        .output()
        .unwrap();
    let parent = String::from_utf8(parent.stdout).unwrap();
    let mut args = vec!["commit-tree", &tree, "-m", "report"];
    if !parent.trim().is_empty() {
        args.extend(["-p", parent.trim()]);
    }
    let commit = git(bare, &args);
    git(bare, &["update-ref", "refs/heads/main", &commit]);
    commit
}

/// A `[[unit]]` reading `refs/remotes/ID/main`.
fn ref_unit(id: &str) -> String {
    format!("\n[[unit]]\nid = \"{id}\"\nname = \"{id}\"\nref = \"refs/remotes/{id}/main\"\n")
}

/// The central repository at `dir/central` with a manifest reading one
/// ref unit per remote, each `(name, url)` added as a remote.
fn central(dir: &Path, remotes: &[(&str, &str)]) -> PathBuf {
    let central = dir.join("central");
    std::fs::create_dir_all(&central).unwrap();
    git(&central, &["init", "-q"]);
    let mut manifest =
        "[rollup]\ntitle = \"Province\"\nas_of = 2024-12-31\nstale_after_days = 40\n".to_owned();
    for (name, url) in remotes {
        git(&central, &["remote", "add", name, url]);
        manifest.push_str(&ref_unit(name));
    }
    std::fs::write(central.join("rollup.toml"), manifest).unwrap();
    central
}

/// A local TCP port that accepts connections and never answers; the
/// connections, to see whether their client is still there.
fn hanging_listener() -> (u16, Arc<Mutex<Vec<TcpStream>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let held = Arc::new(Mutex::new(Vec::new()));
    let kept = Arc::clone(&held);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            kept.lock().unwrap().push(stream);
        }
    });
    (port, held)
}

/// `campaigns fetch` in `central` with HOME there (no personal git config)
/// and `bin` first on PATH; its output and how long it took.
fn campaigns_fetch(central: &Path, bin: Option<&Path>, timeout: &str) -> (Output, Duration) {
    let mut command = binary::command();
    command.current_dir(central).env("HOME", central).args([
        "--lang",
        "en",
        "fetch",
        "rollup.toml",
        "--timeout",
        timeout,
    ]);
    if let Some(bin) = bin {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![bin.to_path_buf()];
        paths.extend(std::env::split_paths(&path));
        command.env("PATH", std::env::join_paths(paths).unwrap());
    }
    let started = Instant::now();
    let output = command.output().unwrap();
    (output, started.elapsed())
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn short(commit: &str) -> &str {
    &commit[..7]
}

#[test]
fn a_gone_and_a_hanging_remote_are_named_while_the_good_one_is_fetched_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let good = bare_unit(&dir.path().join("good.git"));
    let first = publish(&good, 120);
    let gone = bare_unit(&dir.path().join("gone.git"));
    publish(&gone, 80);
    std::fs::remove_dir_all(&gone).unwrap();
    let (port, held) = hanging_listener();
    let hang = format!("git://127.0.0.1:{port}/hang.git");
    let good_url = good.display().to_string();
    let gone_url = gone.display().to_string();
    let central = central(
        dir.path(),
        &[("good", &good_url), ("gone", &gone_url), ("hang", &hang)],
    );

    let (output, _) = campaigns_fetch(&central, None, "2");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let said = stdout(&output);
    assert!(
        said.contains(&format!("good: fetched (new) → {}", short(&first))),
        "{said}"
    );

    let second = publish(&good, 150);
    let (output, took) = campaigns_fetch(&central, None, "2");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let lines: Vec<&str> = std::str::from_utf8(&output.stdout)
        .unwrap()
        .lines()
        .collect();
    let fetched = format!("good: fetched {} → {}", short(&first), short(&second));
    assert_eq!(lines[0], fetched, "{lines:?}");
    assert!(lines[1].starts_with("gone: failed: fatal: "), "{lines:?}");
    assert!(
        lines[1].contains("gone.git"),
        "the reason names the remote: {lines:?}"
    );
    assert_eq!(lines[2], "hang: timed out after 2 s (stopped)");
    assert_eq!(lines.len(), 3);
    // The hanging remote held the run for its limit, and no longer.
    assert!(took >= Duration::from_secs(2), "{took:?}");
    assert!(took < Duration::from_secs(12), "{took:?}");

    let recorded = campaigns::rollup::fetched(&central);
    let refs: Vec<&str> = recorded.keys().map(String::as_str).collect();
    assert_eq!(refs, ["refs/remotes/good/main"]);
    let unchanged = campaigns_fetch(&central, None, "2").0;
    assert!(stdout(&unchanged).starts_with(&format!("good: unchanged at {}\n", short(&second))));
    let checked = binary::command()
        .current_dir(&central)
        .args(["--lang", "en", "check", "rollup.toml"])
        .output()
        .unwrap();
    let said = stdout(&checked);
    let good_line = format!(
        "good: refs/remotes/good/main at {}, fetched 20",
        short(&second)
    );
    assert!(said.contains(&good_line), "{said}");
    assert!(
        said.contains("\ngone: refs/remotes/gone/main at -, never fetched by"),
        "{said}"
    );

    // The stopped git and everything it started are gone: every
    // connection to the hanging remote has been closed by its client.
    for stream in held.lock().unwrap().iter_mut() {
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut request = Vec::new();
        let ended = stream.read_to_end(&mut request);
        assert!(
            ended.is_ok(),
            "a fetch still holds its connection: {ended:?}"
        );
    }
}

#[test]
fn a_manifest_outside_git_and_one_with_no_ref_unit_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let manifest =
        "[rollup]\ntitle = \"P\"\nas_of = 2024-12-31\nstale_after_days = 40\n".to_owned();
    std::fs::write(
        dir.path().join("rollup.toml"),
        manifest.clone() + &ref_unit("a"),
    )
    .unwrap();
    let (output, _) = campaigns_fetch(dir.path(), None, "5");
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("is not in a git repository"), "{said}");

    let path_unit = "\n[[unit]]\nid = \"b\"\nname = \"B\"\npath = \"b/campaigns.toml\"\n";
    std::fs::write(dir.path().join("rollup.toml"), manifest + path_unit).unwrap();
    let (output, _) = campaigns_fetch(dir.path(), None, "5");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("nothing to fetch"));
}

#[test]
fn without_git_on_path_fetch_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let central = central(dir.path(), &[("a", "/nowhere/a.git")]);
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let output = binary::command()
        .current_dir(&central)
        .env("PATH", &empty)
        .args(["--lang", "en", "fetch", "rollup.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("git could not be run"), "{said}");
    assert!(output.stdout.is_empty());
}

#[path = "rollup_fetch_safety.rs"]
mod safety;
