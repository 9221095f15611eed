//! `git fetch` of one remote as a child process, stopped at a time limit,
//! that nothing a repository configures can turn into another program.
//!
//! The repository holding the manifest, and every unit's repository it
//! fetches from, are treated as untrusted: a `.git/config` or a hook can
//! name a program, and `git fetch` would run it. So git runs with a
//! cleared environment and with every setting that names a program
//! overridden on its command line (which wins over every config file).

use std::io::{self, Read};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a fetch ended.
#[derive(Debug)]
pub enum Ran {
    /// git exited: whether it succeeded, and what it said on stderr.
    Exited { ok: bool, stderr: String },
    /// Still running at the time limit: it and its children were killed.
    TimedOut,
    /// git could not be started at all.
    NotStarted(io::Error),
}

/// What the environment keeps: where programs are, the user's own
/// configuration and keys (HOME: ~/.gitconfig and ~/.ssh are the user's,
/// not a unit's), the language of git's messages, the ssh agent's socket
/// and the proxies (addresses, never programs). Everything else goes:
/// GIT_SSH_COMMAND, GIT_EXEC_PATH, GIT_DIR, GIT_CONFIG_PARAMETERS…
const KEPT: &[&str] = &[
    "PATH",
    "HOME",
    "LANG",
    "LC_ALL",
    "SSH_AUTH_SOCK",
    "http_proxy",
    "https_proxy",
    "no_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
];

/// `-c` settings, each overriding what a config file says.
const OVERRIDES: &[&str] = &[
    // A hook (reference-transaction runs at every ref a fetch updates,
    // pre-auto-gc before a gc) lives in the repository: none runs.
    "core.hooksPath=/dev/null",
    // An fsmonitor hook runs whenever git reads the index (a fetch does).
    "core.fsmonitor=false",
    // With `objects/info/alternates`, fetch lists the alternate's refs by
    // running this shell command; `true` lists none.
    "core.alternateRefsCommand=true",
    // Only the transports git itself carries; `ext::` (a shell command as
    // a URL), `fd::` and any `git-remote-<name>` helper (a URL `name::…`
    // or `remote.<name>.vcs`) are refused. Local paths are `file`: the
    // units' repositories may be folders on a shared disk.
    "protocol.allow=never",
    "protocol.file.allow=always",
    "protocol.git.allow=always",
    "protocol.http.allow=always",
    "protocol.https.allow=always",
    "protocol.ssh.allow=always",
    // ssh itself, never a configured wrapper; batch mode: no password or
    // host-key prompt waits for a terminal that is not there.
    "core.sshCommand=ssh -o BatchMode=yes",
    // An empty helper empties the list: no credential helper runs (a
    // `!command` helper is a shell command).
    "credential.helper=",
    // After a fetch git may start `git maintenance` / `gc` in the
    // background, which would outlive the time limit and run hooks.
    "maintenance.auto=false",
    "gc.auto=0",
];

/// `git` with the environment and overrides above, run in `folder`.
pub fn command(folder: &Path) -> Command {
    let mut command = Command::new("git");
    command.current_dir(folder).env_clear();
    for name in KEPT {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        }
    }
    command
        // The machine's /etc/gitconfig is not the user's either.
        .env("GIT_CONFIG_NOSYSTEM", "1")
        // No prompt for a user name or password: a fetch fails instead.
        .env("GIT_TERMINAL_PROMPT", "0")
        // Set and empty, these win over `core.askPass` and run nothing.
        .env("GIT_ASKPASS", "")
        .env("SSH_ASKPASS", "")
        // Set and empty, it wins over `core.gitProxy` (a program run for
        // git:// remotes, the first one configured winning, so an override
        // on the command line would not).
        .env("GIT_PROXY_COMMAND", "")
        .arg("--no-pager");
    for setting in OVERRIDES {
        command.args(["-c", setting]);
    }
    command
}

/// `git --version`: whether git can be run at all.
pub fn version(folder: &Path) -> io::Result<String> {
    let output = command(folder).arg("--version").output()?;
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Fetches `remote` in the repository of `folder`, killing git (and every
/// process it started) when it runs past `limit`.
pub fn fetch(folder: &Path, remote: &str, limit: Duration) -> Ran {
    let mut command = command(folder);
    command
        // `--upload-pack` wins over `remote.<name>.uploadpack`, the program
        // run for a local remote (through the shell) or over ssh. The
        // unit's own upload-pack reads its repository's config; git keeps
        // upload-pack safe to run in an untrusted repository.
        .args([
            "fetch",
            "--no-recurse-submodules",
            "--upload-pack=git-upload-pack",
        ])
        .arg("--")
        .arg(remote)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // A group of its own, so the time limit stops ssh, upload-pack and
        // a remote helper with it.
        .process_group(0);
    let started = Instant::now();
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(err) => return Ran::NotStarted(err),
    };
    let said = read_stderr(&mut child);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                // A process git left behind could hold the pipe open.
                let stderr = said
                    .recv_timeout(Duration::from_secs(1))
                    .unwrap_or_default();
                return Ran::Exited {
                    ok: status.success(),
                    stderr,
                };
            }
            Ok(None) if started.elapsed() >= limit => {
                stop(&mut child);
                return Ran::TimedOut;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(err) => {
                signal_group(&child, libc::SIGKILL);
                let _ = child.wait();
                return Ran::NotStarted(err);
            }
        }
    }
}

/// What git writes on stderr, up to 64 KiB, read on a thread of its own
/// so that a chatty git never blocks on a full pipe.
fn read_stderr(child: &mut Child) -> mpsc::Receiver<String> {
    const CAP: usize = 64 * 1024;
    let (send, said) = mpsc::channel();
    if let Some(mut stderr) = child.stderr.take() {
        std::thread::spawn(move || {
            let (mut kept, mut chunk) = (Vec::new(), [0u8; 8192]);
            while let Ok(n @ 1..) = stderr.read(&mut chunk) {
                let room = CAP.saturating_sub(kept.len()).min(n);
                kept.extend_from_slice(&chunk[..room]);
            }
            let _ = send.send(String::from_utf8_lossy(&kept).into_owned());
        });
    }
    said
}

/// Stops git and everything it started: SIGTERM first, which git answers
/// by removing its lock files (a `refs/remotes/…/main.lock` left behind
/// would refuse every later fetch of that remote), then, after a moment,
/// SIGKILL for whatever is still there.
fn stop(child: &mut Child) {
    const GRACE: Duration = Duration::from_secs(1);
    signal_group(child, libc::SIGTERM);
    let asked = Instant::now();
    while asked.elapsed() < GRACE {
        if let Ok(Some(_)) | Err(_) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    signal_group(child, libc::SIGKILL);
    let _ = child.wait();
}

fn signal_group(child: &Child, signal: libc::c_int) {
    let Ok(group) = libc::pid_t::try_from(child.id()) else {
        return;
    };
    // SAFETY: kill(2) with a negative pid signals that process group, the
    // child's own (process_group(0)). Its id is not reused while the child
    // is unreaped or any process of the group (ssh, upload-pack) lives; once
    // all are gone the signal finds no one (ESRCH), the id not having come
    // round again within the second of grace.
    unsafe {
        libc::kill(-group, signal);
    }
}

/// The line of git's stderr that says why: the first `fatal:` or
/// `error:` line, else the first line with text; sanitized, at most 300
/// characters.
pub fn reason(stderr: &str) -> Option<String> {
    let lines = || stderr.lines().map(str::trim).filter(|l| !l.is_empty());
    let line = lines()
        .find(|l| l.starts_with("fatal:") || l.starts_with("error:"))
        .or_else(|| lines().next())?;
    let line = campaigns::text::sanitize_line(line);
    Some(match line.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_is_the_first_fatal_line_made_safe() {
        let stderr = "warning: old\nfatal: '/x/gone.git' does not appear to be a git repository\n\
                      fatal: Could not read from remote repository.\n";
        assert_eq!(
            reason(stderr).unwrap(),
            "fatal: '/x/gone.git' does not appear to be a git repository"
        );
        assert_eq!(
            reason("\n  hello \x1b[31m\n").unwrap(),
            "hello \u{FFFD}[31m"
        );
        assert_eq!(reason(" \n"), None);
        assert_eq!(reason(&"x".repeat(400)).unwrap().chars().count(), 301);
    }

    #[test]
    fn the_environment_keeps_nothing_that_names_a_program() {
        let command = command(Path::new("."));
        let set: Vec<_> = command.get_envs().collect();
        for (name, value) in &set {
            let name = name.to_string_lossy();
            let kept = KEPT.contains(&name.as_ref());
            let emptied = value.is_some_and(|v| v.is_empty());
            let flags = ["GIT_CONFIG_NOSYSTEM", "GIT_TERMINAL_PROMPT"].contains(&name.as_ref());
            assert!(kept || emptied || flags, "{name}");
        }
    }
}
