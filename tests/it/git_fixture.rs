//! Git repositories built for the history tests with the git command line,
//! the oracle the history is compared with: no global or system config,
//! fixed names and dates, no signing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A repository in a temporary directory.
pub struct Fixture {
    dir: tempfile::TempDir,
}

/// `git` with nothing from the machine's configuration or environment.
pub fn git_command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_OBJECT_DIRECTORY")
        .args([
            "-c",
            "user.name=Clerk",
            "-c",
            "user.email=clerk@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "protocol.file.allow=always",
        ]);
    command
}

impl Fixture {
    pub fn new() -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        fixture.git(&["init", "-q"]);
        fixture
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs git here; its stdout, trimmed. Panics with stderr on failure.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_at(args, "2024-01-01T12:00:00+08:00")
    }

    /// Runs git here with author and committer dated `date`.
    pub fn git_at(&self, args: &[&str], date: &str) -> String {
        let output = git_command(self.path())
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    }

    /// Writes `text` to `name`, commits it dated `date`; the commit's hash.
    /// `campaigns ARGS` run in the repository without colour, which must
    /// succeed: its stdout.
    pub fn campaigns(&self, args: &[&str]) -> String {
        let output = crate::binary::assert_command()
            .current_dir(self.path())
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    }

    pub fn commit(&self, name: &str, text: &str, date: &str) -> String {
        std::fs::write(self.file(name), text).unwrap();
        self.git(&["add", "--", name]);
        self.git_at(&["commit", "-q", "-m", &format!("{name} at {date}")], date);
        self.git(&["rev-parse", "HEAD"])
    }

    /// `git log --first-parent --format=%H -- name`, oldest first.
    pub fn log(&self, name: &str) -> Vec<String> {
        let out = self.git(&["log", "--first-parent", "--format=%H", "--", name]);
        let mut commits: Vec<String> = out.lines().map(str::to_owned).collect();
        commits.reverse();
        commits
    }

    /// `git show REV:name`, or `None` where the file is not at REV.
    pub fn show(&self, rev: &str, name: &str) -> Option<String> {
        let output = git_command(self.path())
            .args(["show", &format!("{rev}:{name}")])
            .output()
            .unwrap();
        output
            .status
            .success()
            .then(|| String::from_utf8(output.stdout).unwrap())
    }

    /// Makes one commit per text on the current branch with `git
    /// fast-import` (fast: one process for any number): `None` deletes the
    /// file. Commit `i` is dated `start + i * step` seconds; the working copy is then
    /// checked out to match HEAD.
    pub fn import(&self, name: &str, texts: &[Option<String>], start: i64, step: i64) {
        let mut stream = String::new();
        let head = git_command(self.path())
            .args(["rev-parse", "--verify", "-q", "HEAD"])
            .output()
            .unwrap();
        let parent = String::from_utf8(head.stdout).unwrap().trim().to_owned();
        for (i, text) in texts.iter().enumerate() {
            let when = start + step * i as i64;
            let message = format!("edit {i}");
            stream.push_str(&format!(
                "commit refs/heads/main\nmark :{}\ncommitter Clerk <clerk@example.com> {when} +0800\ndata {}\n{message}\n",
                i + 1,
                message.len()
            ));
            if i > 0 {
                stream.push_str(&format!("from :{i}\n"));
            } else if !parent.is_empty() {
                stream.push_str(&format!("from {parent}\n"));
            }
            match text {
                Some(text) => stream.push_str(&format!(
                    "M 100644 inline {name}\ndata {}\n{text}\n",
                    text.len()
                )),
                None => stream.push_str(&format!("D {name}\n")),
            }
        }
        let mut child = git_command(self.path())
            .args(["fast-import", "--quiet", "--force"])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stream.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success());
        self.git(&["reset", "-q", "--hard", "main"]);
    }
}
