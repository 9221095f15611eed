//! The roll-up's reads, off the screen's thread: the whole roll-up again
//! (the manifest saved, `r`), or only some units (a unit's file saved, `r`
//! in a unit's screen, `campaigns fetch` done). One thread reads, one read
//! at a time and in the order asked, so a result never overtakes a newer
//! one; what is asked while a read runs is merged into the next read, and a
//! result that a read asked since will read again is dropped.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::load;
use crate::rollup::{Fetched, ReadManifest, Reread, Rollup, Unit};

/// What the screen asks to read.
#[derive(Debug)]
pub enum Job {
    /// The manifest and every unit.
    All,
    /// These units (a file saved, `r` in a unit's screen).
    Units(Reread),
    /// The units read from refs, after a fetch: each only if its ref moved;
    /// the fetch record read again too.
    Fetched(Reread),
}

/// What a read gave, for [`super::RollupScreen`].
#[derive(Debug)]
pub enum Done {
    /// The whole roll-up and the fetch record; or why the manifest no
    /// longer reads (the roll-up shown stays).
    All(Result<(Rollup, Fetched), Unread>),
    /// Some units read again, each with its place; the fetch record when
    /// it was read again.
    Units(Vec<(usize, Unit)>, Option<Fetched>),
}

/// Why the manifest could not be read again.
#[derive(Debug)]
pub enum Unread {
    /// It has errors: how many errors and warnings.
    Problems(usize, usize),
    /// It could not be read at all: why, in one line.
    Failed(String),
}

/// The reading thread's handle: dropping it ends the thread once idle.
pub struct Reader {
    jobs: Sender<Job>,
}

impl Reader {
    /// Starts the thread that reads the roll-up of the manifest `path`;
    /// each result goes to `done`.
    pub fn start(
        path: PathBuf,
        options: load::Options,
        done: impl Fn(Done) + Send + 'static,
    ) -> std::io::Result<Reader> {
        let (jobs, asked) = channel();
        std::thread::Builder::new()
            .name("rollup-reader".into())
            .spawn(move || serve(&asked, &path, options, done))?;
        Ok(Reader { jobs })
    }

    pub fn ask(&self, job: Job) {
        let _ = self.jobs.send(job);
    }
}

/// Reads what is asked until the screen is gone.
fn serve(asked: &Receiver<Job>, path: &Path, options: load::Options, done: impl Fn(Done)) {
    let mut waiting: Vec<Job> = Vec::new();
    loop {
        if waiting.is_empty() {
            match asked.recv() {
                Ok(job) => waiting.push(job),
                Err(_) => return,
            }
        }
        waiting.extend(asked.try_iter());
        let job = merged(std::mem::take(&mut waiting));
        let read = run(&job, path, options);
        // Asked since: a read that covers this one makes its result old.
        waiting.extend(asked.try_iter());
        if !waiting.iter().any(|newer| covers(newer, &job)) {
            done(read);
        }
    }
}

/// The jobs waiting, as one: the whole roll-up covers any units; units
/// asked several times are read once.
fn merged(jobs: Vec<Job>) -> Job {
    let mut jobs = jobs.into_iter();
    let first = jobs.next().unwrap_or(Job::All);
    jobs.fold(first, |before, next| match (before, next) {
        (Job::All, _) | (_, Job::All) => Job::All,
        (Job::Units(a), Job::Units(b)) => Job::Units(a.merge(b)),
        (Job::Units(a) | Job::Fetched(a), Job::Units(b) | Job::Fetched(b)) => {
            Job::Fetched(a.merge(b))
        }
    })
}

/// Whether `newer` reads all that `older` does (and at least the record).
fn covers(newer: &Job, older: &Job) -> bool {
    match (newer, older) {
        (Job::All, _) => true,
        (_, Job::All) => false,
        (Job::Fetched(a), Job::Units(b) | Job::Fetched(b)) => a.covers(b),
        (Job::Units(a), Job::Units(b)) => a.covers(b),
        (Job::Units(_), Job::Fetched(_)) => false,
    }
}

fn run(job: &Job, path: &Path, options: load::Options) -> Done {
    match job {
        Job::All => Done::All(read_all(path, options)),
        Job::Units(reread) => Done::Units(reread.clone().run(), None),
        Job::Fetched(reread) => {
            let units = reread.clone().run();
            let folder = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            Done::Units(units, Some(crate::rollup::fetched(folder)))
        }
    }
}

/// The manifest and every unit; a manifest that no longer reads: why.
pub fn read_all(path: &Path, options: load::Options) -> Result<(Rollup, Fetched), Unread> {
    let read = load::read(path).map(|text| crate::rollup::parse(&text));
    match read {
        Ok(ReadManifest {
            manifest: Some(manifest),
            ..
        }) => {
            let rollup = Rollup::load(manifest, path, options);
            let fetched = fetched_record(&rollup);
            Ok((rollup, fetched))
        }
        Ok(ReadManifest { diagnostics, .. }) => {
            let (errors, warnings) = load::summary(&diagnostics);
            Err(Unread::Problems(errors, warnings))
        }
        Err(err) => Err(Unread::Failed(err.to_string())),
    }
}

/// `campaigns fetch`'s record for the repository holding the manifest
/// (empty outside git, or when no unit is read from a ref).
pub fn fetched_record(rollup: &Rollup) -> Fetched {
    let refs = rollup
        .manifest
        .units
        .iter()
        .any(|spec| matches!(spec.source, crate::rollup::Source::Ref { .. }));
    if refs {
        crate::rollup::fetched(rollup.folder())
    } else {
        Default::default()
    }
}
