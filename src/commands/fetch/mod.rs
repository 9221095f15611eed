//! `campaigns fetch ROLLUP`: `git fetch` for the remote of every unit read
//! from a git ref (`refs/remotes/<remote>/<branch>`), a few remotes at a
//! time, each with a time limit; one unit's failure never stops the
//! others. One line per unit, in the manifest's order, as soon as it and
//! those before it are done; the time of each successful fetch recorded
//! (`rollup::fetched`). Exit 0 when every ref unit was fetched, 1 when any
//! was not, 2 when nothing could run (no git, no repository).

pub mod freshness;
mod git;
mod outcome;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use campaigns::config::Config;
use campaigns::model::Lang;
use campaigns::rollup::{self, Source};
use campaigns::text::sanitize_line;

use self::git::Ran;
use self::outcome::{Outcome, Target};
use super::{COULD_NOT_RUN, INVALID, VALID, settings, to_stderr, to_stdout};
use crate::cli::Common;

/// How many remotes are fetched at once: a fetch mostly waits on the
/// network, and a small pool keeps a slow link from being swamped.
const POOL: usize = 4;

pub fn fetch(file: &Path, timeout: u64, common: &Common, config: &Config) -> anyhow::Result<u8> {
    let lang = settings::lang(common, config);
    let manifest = match super::rollup::read_manifest_only(file, common, lang) {
        Ok(manifest) => manifest,
        Err(code) => return Ok(code),
    };
    let folder = manifest_folder(file);
    if !manifest
        .units
        .iter()
        .any(|unit| matches!(unit.source, Source::Ref { .. }))
    {
        let shown = sanitize_line(&file.display().to_string());
        to_stdout(outcome::nothing_to_fetch(&shown, lang).as_bytes())?;
        return Ok(VALID);
    }
    let repo = match gix::discover(&folder) {
        Ok(repo) => repo,
        Err(_) => {
            to_stderr(&outcome::not_in_git(&folder, lang));
            return Ok(COULD_NOT_RUN);
        }
    };
    if let Err(err) = git::version(&folder) {
        to_stderr(&outcome::no_git(&err, lang));
        return Ok(COULD_NOT_RUN);
    }
    let targets = outcome::targets(&manifest, &repo);
    let mut remotes: Vec<&str> = Vec::new();
    for remote in targets.iter().filter_map(Target::remote) {
        if !remotes.contains(&remote) {
            remotes.push(remote);
        }
    }
    let git_dir = repo.common_dir().to_path_buf();
    let limit = Duration::from_secs(timeout);
    let mut printer = Printer {
        targets: &targets,
        remotes: &remotes,
        before: outcome::tips(&git_dir, &targets.iter().collect::<Vec<_>>()),
        ran: remotes.iter().map(|_| None).collect(),
        printed: 0,
        failed: false,
        done: rollup::Fetched::new(),
        git_dir: &git_dir,
        limit,
        lang,
    };
    run(&mut printer, &folder)?;
    if let Err(err) = rollup::fetched::record(&git_dir, &printer.done) {
        let path = rollup::fetched::record_path(&git_dir);
        to_stderr(&outcome::not_recorded(&path, &err, lang));
        return Ok(INVALID);
    }
    Ok(if printer.failed { INVALID } else { VALID })
}

/// Fetches the printer's remotes on a small pool, each with its time
/// limit, and has each target's line printed as soon as it can be.
fn run(printer: &mut Printer, folder: &Path) -> std::io::Result<()> {
    let (remotes, limit) = (printer.remotes, printer.limit);
    let next = AtomicUsize::new(0);
    let (send, finished) = mpsc::channel::<(usize, Ran, DateTime<Utc>)>();
    std::thread::scope(|scope| {
        for _ in 0..POOL.min(remotes.len()) {
            let (send, next) = (send.clone(), &next);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(remote) = remotes.get(index) else {
                        break;
                    };
                    let ran = git::fetch(folder, remote, limit);
                    if send.send((index, ran, Utc::now())).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        printer.print_ready()?;
        for (index, ran, at) in finished {
            printer.ran[index] = Some((ran, at));
            printer.print_ready()?;
        }
        Ok(())
    })
}

/// The lines of the units, in the manifest's order, and what they add up to.
struct Printer<'a> {
    targets: &'a [Target<'a>],
    remotes: &'a [&'a str],
    /// Each target's commit before the fetch.
    before: Vec<Option<String>>,
    /// Each remote's fetch, when it has ended, and when it did.
    ran: Vec<Option<(Ran, DateTime<Utc>)>>,
    printed: usize,
    failed: bool,
    done: rollup::Fetched,
    git_dir: &'a Path,
    limit: Duration,
    lang: Lang,
}

impl Printer<'_> {
    /// Prints the next targets whose remote's fetch has ended (or that
    /// have none), stopping at the first still waiting.
    fn print_ready(&mut self) -> std::io::Result<()> {
        while let Some(target) = self.targets.get(self.printed) {
            let ran = match target.remote() {
                Some(remote) => {
                    let index = self.remotes.iter().position(|r| *r == remote);
                    match index.and_then(|i| self.ran[i].as_ref()) {
                        Some(ran) => Some(ran),
                        None => return Ok(()),
                    }
                }
                None => None,
            };
            let after = match ran {
                Some(_) => outcome::tips(self.git_dir, &[target]).pop().flatten(),
                None => None,
            };
            let before = &self.before[self.printed];
            let outcome = Outcome::of(target, ran.map(|(r, _)| r), (before, after), self.limit);
            self.failed |= outcome.failed();
            if let (Some(reference), Some((_, at))) = (outcome.fetched(target), ran) {
                self.done.insert(reference.to_owned(), *at);
            }
            to_stdout(outcome.line(target, self.lang).as_bytes())?;
            self.printed += 1;
        }
        Ok(())
    }
}

/// The manifest's folder, absolute: git runs there and finds the
/// repository holding it, as reading the units' refs does.
fn manifest_folder(file: &Path) -> PathBuf {
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf())
}
