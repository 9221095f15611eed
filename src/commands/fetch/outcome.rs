//! What `campaigns fetch` does for each unit (its remote, found from the
//! ref it reads), what came of it, and the line that says so (en, zh).

use std::path::Path;
use std::time::Duration;

use campaigns::history::short_commit;
use campaigns::model::Lang;
use campaigns::rollup::{Manifest, Source, UnitSpec};
use campaigns::text::sanitize_line;

use super::git::{self, Ran};

/// One unit of the manifest and what fetching means for it.
pub struct Target<'m> {
    pub unit: &'m UnitSpec,
    pub kind: Kind,
}

pub enum Kind {
    /// Read from a folder (or a local ref): nothing to fetch.
    Local(String),
    /// Read from `reference`, fetched by `git fetch <remote>`; `Err`: the
    /// remote the ref names is not configured.
    Remote {
        reference: String,
        remote: Result<String, String>,
    },
}

/// The units of `manifest`, each with the remote its ref belongs to: the
/// longest configured remote name that the ref continues with `/`
/// (a remote's name may itself hold a `/`).
pub fn targets<'m>(manifest: &'m Manifest, repo: &gix::Repository) -> Vec<Target<'m>> {
    let names: Vec<String> = repo
        .remote_names()
        .into_iter()
        .map(|name| name.to_string())
        .collect();
    let kind = |source: &Source| match source {
        Source::Path(path) => Kind::Local(path.display().to_string()),
        Source::Ref { reference, .. } => match reference.strip_prefix("refs/remotes/") {
            None => Kind::Local(reference.clone()),
            Some(rest) => {
                let remote = names
                    .iter()
                    .filter(|name| {
                        rest.strip_prefix(name.as_str())
                            .is_some_and(|after| after.starts_with('/'))
                    })
                    .max_by_key(|name| name.len())
                    .cloned()
                    .ok_or_else(|| rest.split('/').next().unwrap_or(rest).to_owned());
                Kind::Remote {
                    reference: reference.clone(),
                    remote,
                }
            }
        },
    };
    manifest
        .units
        .iter()
        .map(|unit| Target {
            unit,
            kind: kind(&unit.source),
        })
        .collect()
}

impl Target<'_> {
    /// The remote to fetch, when there is one.
    pub fn remote(&self) -> Option<&str> {
        match &self.kind {
            Kind::Remote {
                remote: Ok(remote), ..
            } => Some(remote),
            _ => None,
        }
    }

    /// The ref this unit reads from a remote.
    pub fn reference(&self) -> Option<&str> {
        match &self.kind {
            Kind::Remote { reference, .. } => Some(reference),
            Kind::Local(_) => None,
        }
    }
}

/// The commit each target's ref points to in the repository at
/// `git_dir`, read now (a fresh handle: git has just written the refs).
pub fn tips(git_dir: &Path, targets: &[&Target]) -> Vec<Option<String>> {
    let repo = gix::open(git_dir).ok();
    targets
        .iter()
        .map(|target| {
            let repo = repo.as_ref()?;
            let mut found = repo.find_reference(target.reference()?).ok()?;
            Some(found.peel_to_id().ok()?.to_string())
        })
        .collect()
}

/// What came of one unit.
pub enum Outcome {
    Local(String),
    NoRemote(String),
    Fetched {
        old: Option<String>,
        new: String,
    },
    Unchanged(String),
    /// git fetched the remote, but the unit's ref is not among what it
    /// brought (no such branch there).
    NoRef,
    Failed(String),
    TimedOut(u64),
}

impl Outcome {
    /// `ran`: the fetch of the target's remote; `old`/`new`: its ref's
    /// commit before and after.
    pub fn of(
        target: &Target,
        ran: Option<&Ran>,
        (old, new): (&Option<String>, Option<String>),
        limit: Duration,
    ) -> Outcome {
        match (&target.kind, ran) {
            (Kind::Local(shown), _) => Outcome::Local(sanitize_line(shown)),
            (
                Kind::Remote {
                    remote: Err(name), ..
                },
                _,
            ) => Outcome::NoRemote(sanitize_line(name)),
            (_, None) => Outcome::Failed("not fetched".into()),
            (_, Some(Ran::TimedOut)) => Outcome::TimedOut(limit.as_secs()),
            (_, Some(Ran::NotStarted(err))) => Outcome::Failed(sanitize_line(&err.to_string())),
            (_, Some(Ran::Exited { ok: false, stderr })) => {
                Outcome::Failed(git::reason(stderr).unwrap_or_else(|| "git fetch failed".into()))
            }
            (_, Some(Ran::Exited { ok: true, .. })) => match new {
                None => Outcome::NoRef,
                Some(new) if old.as_ref() == Some(&new) => Outcome::Unchanged(new),
                Some(new) => Outcome::Fetched {
                    old: old.clone(),
                    new,
                },
            },
        }
    }

    /// Whether this unit counts against the exit code.
    pub fn failed(&self) -> bool {
        matches!(
            self,
            Outcome::NoRemote(_) | Outcome::NoRef | Outcome::Failed(_) | Outcome::TimedOut(_)
        )
    }

    /// The ref to record as fetched now, when it was.
    pub fn fetched<'t>(&self, target: &'t Target) -> Option<&'t str> {
        match self {
            Outcome::Fetched { .. } | Outcome::Unchanged(_) => target.reference(),
            _ => None,
        }
    }

    /// The unit's line, ending in a newline.
    pub fn line(&self, target: &Target, lang: Lang) -> String {
        let id = &target.unit.id;
        let reference = sanitize_line(target.reference().unwrap_or_default());
        let short = |id: &str| short_commit(id).to_owned();
        let text = match (self, lang) {
            (Outcome::Local(shown), Lang::En) => format!("read from {shown}: nothing to fetch"),
            (Outcome::Local(shown), Lang::Zh) => format!("读取自{shown}，无需获取"),
            (Outcome::NoRemote(name), Lang::En) => {
                format!("failed: no remote `{name}` in the repository ({reference})")
            }
            (Outcome::NoRemote(name), Lang::Zh) => {
                format!("获取失败：仓库中没有远程仓库 `{name}`（{reference}）")
            }
            (Outcome::Fetched { old, new }, _) => {
                let old = old.as_deref().map_or("(new)".to_owned(), short);
                match lang {
                    Lang::En => format!("fetched {old} → {}", short(new)),
                    Lang::Zh => format!("已获取 {old} → {}", short(new)),
                }
            }
            (Outcome::Unchanged(at), Lang::En) => format!("unchanged at {}", short(at)),
            (Outcome::Unchanged(at), Lang::Zh) => format!("无变化（{}）", short(at)),
            (Outcome::NoRef, Lang::En) => {
                format!("failed: fetched, but the remote did not give {reference}")
            }
            (Outcome::NoRef, Lang::Zh) => format!("获取失败：已获取，但远程仓库没有 {reference}"),
            (Outcome::Failed(why), Lang::En) => format!("failed: {why}"),
            (Outcome::Failed(why), Lang::Zh) => format!("获取失败：{why}"),
            (Outcome::TimedOut(secs), Lang::En) => format!("timed out after {secs} s (stopped)"),
            (Outcome::TimedOut(secs), Lang::Zh) => format!("超时：{secs} 秒未完成，已停止"),
        };
        match lang {
            Lang::En => format!("{id}: {text}\n"),
            Lang::Zh => format!("{id}：{text}\n"),
        }
    }
}

/// A manifest with no `ref` unit.
pub fn nothing_to_fetch(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{shown}: no unit is read from a git ref: nothing to fetch\n"),
        Lang::Zh => format!("{shown}：没有单位从 git 引用读取，无需获取\n"),
    }
}

pub fn not_in_git(folder: &Path, lang: Lang) -> String {
    let folder = sanitize_line(&folder.display().to_string());
    match lang {
        Lang::En => format!(
            "campaigns: {folder} is not in a git repository: `fetch` fetches the units' remotes \
             into the repository that holds the manifest"
        ),
        Lang::Zh => format!(
            "campaigns：{folder} 不在 git 仓库中：`fetch` 把各单位的远程仓库获取到存放清单的仓库"
        ),
    }
}

pub fn no_git(err: &std::io::Error, lang: Lang) -> String {
    let err = sanitize_line(&err.to_string());
    match lang {
        Lang::En => format!(
            "campaigns: git could not be run ({err}): `fetch` runs `git fetch`; install git or put it on PATH"
        ),
        Lang::Zh => format!(
            "campaigns：无法运行 git（{err}）：`fetch` 需要 `git fetch`，请安装 git 或将其加入 PATH"
        ),
    }
}

pub fn not_recorded(path: &Path, err: &std::io::Error, lang: Lang) -> String {
    let path = sanitize_line(&path.display().to_string());
    let err = sanitize_line(&err.to_string());
    match lang {
        Lang::En => format!("campaigns: the fetch times could not be recorded in {path}: {err}"),
        Lang::Zh => format!("campaigns：无法把获取时间记录到 {path}：{err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use campaigns::model::Text;
    use std::path::PathBuf;

    fn unit(id: &str, source: Source) -> UnitSpec {
        UnitSpec {
            id: id.to_owned(),
            name: Text::Plain(id.to_owned()),
            source,
            groups: Vec::new(),
        }
    }

    fn remote(reference: &str, remote: Result<&str, &str>) -> Kind {
        Kind::Remote {
            reference: reference.to_owned(),
            remote: remote.map(str::to_owned).map_err(str::to_owned),
        }
    }

    const LIMIT: Duration = Duration::from_secs(60);
    const OLD: &str = "1111111aaaa";
    const NEW: &str = "2222222bbbb";

    fn line(
        kind: Kind,
        ran: Option<Ran>,
        old: Option<&str>,
        new: Option<&str>,
        lang: Lang,
    ) -> String {
        let spec = unit(
            "wuhan",
            Source::Path(PathBuf::from("units/wuhan/campaigns.toml")),
        );
        let target = Target { unit: &spec, kind };
        let old = old.map(str::to_owned);
        let outcome = Outcome::of(&target, ran.as_ref(), (&old, new.map(str::to_owned)), LIMIT);
        outcome.line(&target, lang)
    }

    fn exited(ok: bool, stderr: &str) -> Option<Ran> {
        let stderr = stderr.to_owned();
        Some(Ran::Exited { ok, stderr })
    }

    #[test]
    fn each_outcome_has_its_line_in_both_languages() {
        let main = "refs/remotes/wuhan/main";
        let fetched = line(
            remote(main, Ok("wuhan")),
            exited(true, ""),
            Some(OLD),
            Some(NEW),
            Lang::En,
        );
        assert_eq!(fetched, "wuhan: fetched 1111111 → 2222222\n");
        let first = line(
            remote(main, Ok("wuhan")),
            exited(true, ""),
            None,
            Some(NEW),
            Lang::Zh,
        );
        assert_eq!(first, "wuhan：已获取 (new) → 2222222\n");
        let same = line(
            remote(main, Ok("wuhan")),
            exited(true, ""),
            Some(NEW),
            Some(NEW),
            Lang::En,
        );
        assert_eq!(same, "wuhan: unchanged at 2222222\n");
        let gone = exited(
            false,
            "fatal: '/x/wuhan.git' does not appear to be a git repository\n",
        );
        let failed = line(
            remote(main, Ok("wuhan")),
            gone,
            Some(OLD),
            Some(OLD),
            Lang::Zh,
        );
        assert_eq!(
            failed,
            "wuhan：获取失败：fatal: '/x/wuhan.git' does not appear to be a git repository\n"
        );
        let slow = line(
            remote(main, Ok("wuhan")),
            Some(Ran::TimedOut),
            None,
            None,
            Lang::En,
        );
        assert_eq!(slow, "wuhan: timed out after 60 s (stopped)\n");
        let no_branch = line(
            remote(main, Ok("wuhan")),
            exited(true, ""),
            None,
            None,
            Lang::En,
        );
        assert_eq!(
            no_branch,
            "wuhan: failed: fetched, but the remote did not give refs/remotes/wuhan/main\n"
        );
        let unknown = line(remote(main, Err("wuhan")), None, None, None, Lang::En);
        assert_eq!(
            unknown,
            "wuhan: failed: no remote `wuhan` in the repository (refs/remotes/wuhan/main)\n"
        );
        let local = line(
            Kind::Local("units/wuhan/campaigns.toml".into()),
            None,
            None,
            None,
            Lang::En,
        );
        assert_eq!(
            local,
            "wuhan: read from units/wuhan/campaigns.toml: nothing to fetch\n"
        );
    }

    #[test]
    fn only_a_fetch_that_brought_the_ref_is_recorded_and_the_rest_fail() {
        let spec = unit("a", Source::Path(PathBuf::from("a")));
        let target = Target {
            unit: &spec,
            kind: remote("refs/remotes/a/main", Ok("a")),
        };
        let none = None;
        let ok = Ran::Exited {
            ok: true,
            stderr: String::new(),
        };
        let brought = Outcome::of(&target, Some(&ok), (&none, Some(NEW.into())), LIMIT);
        assert_eq!(brought.fetched(&target), Some("refs/remotes/a/main"));
        assert!(!brought.failed());
        for outcome in [
            Outcome::of(&target, Some(&ok), (&none, None), LIMIT),
            Outcome::of(&target, Some(&Ran::TimedOut), (&none, None), LIMIT),
            Outcome::of(&target, exited(false, "").as_ref(), (&none, None), LIMIT),
        ] {
            assert!(outcome.failed());
            assert_eq!(outcome.fetched(&target), None);
        }
    }
}
