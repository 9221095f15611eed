//! Nothing a repository configures runs during `campaigns fetch`: each
//! trick below names a script that leaves a marker file. The same tricks
//! are then played on plain `git fetch`, where those that git honours do
//! leave their marker: the tricks are live, and only `campaigns fetch`
//! defuses them.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;

use super::{bare_unit, campaigns_fetch, central, git, publish};
use crate::git_fixture::git_command;

/// Writes an executable script `bin/NAME` that touches `marker-NAME` in
/// `dir` and fails; its path.
fn trick(dir: &Path, name: &str) -> String {
    trick_then(dir, name, "exit 1")
}

/// A trick that goes on with `then` after leaving its marker.
fn trick_then(dir: &Path, name: &str, then: &str) -> String {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = bin.join(name);
    let marker = dir.join(format!("marker-{name}"));
    let script = format!("#!/bin/sh\ntouch '{}'\n{then}\n", marker.display());
    std::fs::write(&path, script).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&path, permissions).unwrap();
    path.display().to_string()
}

/// An HTTP server on a local port that asks every request for a password.
fn asking_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(
                b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"unit\"\r\n\
                  Content-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    port
}

/// The markers present in `dir`.
fn markers(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| Some(name.strip_prefix("marker-")?.to_owned()))
        .collect();
    found.sort();
    found
}

/// The central repository with one remote per trick and the tricks set in
/// its config, its hooks and the good unit's config.
fn booby_trapped(dir: &Path) -> std::path::PathBuf {
    let good = bare_unit(&dir.join("good.git"));
    publish(&good, 120);
    git(
        &good,
        &["config", "core.fsmonitor", &trick(dir, "unit-fsmonitor")],
    );
    git(
        &good,
        &[
            "config",
            "uploadpack.packObjectsHook",
            &trick(dir, "pack-objects-hook"),
        ],
    );
    let good_url = good.display().to_string();
    let http = format!("http://127.0.0.1:{}/unit.git", asking_server());
    let ext = format!("ext::{} %S", trick(dir, "ext"));
    let central = central(
        dir,
        &[
            ("good", &good_url),
            ("ssh", "ssh://127.0.0.1:1/unit.git"),
            ("proxied", "git://127.0.0.1:1/unit.git"),
            ("http", &http),
            ("ext", &ext),
            ("helper", "evil::unit"),
        ],
    );
    let config = [
        // It serves the fetch after leaving its marker, so that plain git
        // goes on to update the ref and its hook runs.
        (
            "remote.good.uploadpack",
            trick_then(dir, "uploadpack", "exec git-upload-pack \"$@\""),
        ),
        ("core.fsmonitor", trick(dir, "fsmonitor")),
        ("core.sshCommand", trick(dir, "ssh-command")),
        ("core.gitProxy", trick(dir, "git-proxy")),
        (
            "credential.helper",
            format!("!{}", trick(dir, "credential")),
        ),
        ("core.alternateRefsCommand", trick(dir, "alternate-refs")),
    ];
    for (key, value) in &config {
        git(&central, &["config", key, value]);
    }
    // A remote helper found on PATH, as `evil::…` asks for.
    std::fs::rename(trick(dir, "evil"), dir.join("bin/git-remote-evil")).unwrap();
    let hook = central.join(".git/hooks/reference-transaction");
    std::fs::rename(trick(dir, "hook"), hook).unwrap();
    let alternates = central.join(".git/objects/info/alternates");
    std::fs::write(alternates, format!("{}\n", good.join("objects").display())).unwrap();
    central
}

#[test]
fn nothing_the_repositories_configure_runs() {
    let dir = tempfile::tempdir().unwrap();
    let central = booby_trapped(dir.path());
    let bin = dir.path().join("bin");

    let (output, _) = campaigns_fetch(&central, Some(&bin), "5");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.starts_with("good: fetched (new) → "), "{said}");
    for remote in ["ssh", "proxied", "http", "ext", "helper"] {
        assert!(said.contains(&format!("\n{remote}: failed: ")), "{said}");
    }
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(markers(dir.path()), Vec::<String>::new());

    // Plain git, with the same PATH and no prompt, springs the traps.
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    // Its hook would refuse this: it is there to be seen running, not here.
    let unhooked = ["-c", "core.hooksPath=/dev/null", "update-ref", "-d"];
    git(
        &central,
        &[&unhooked[..], &["refs/remotes/good/main"]].concat(),
    );
    for remote in ["good", "ssh", "proxied", "http", "helper"] {
        let _ = git_command(&central)
            .env("PATH", &path)
            .env("GIT_TERMINAL_PROMPT", "0")
            .args(["fetch", remote])
            .output()
            .unwrap();
    }
    let sprung = markers(dir.path());
    let names = [
        "credential",
        "evil",
        "fsmonitor",
        "git-proxy",
        "hook",
        "ssh-command",
    ];
    for name in names.into_iter().chain(["uploadpack"]) {
        assert!(
            sprung.iter().any(|m| m == name),
            "{name} not sprung: {sprung:?}"
        );
    }
}
