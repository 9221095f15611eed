//! Eight `campaigns set` processes updating different tasks of one file at
//! the same time never lose an update, and leave every comment in place.

use std::fs;
use std::process::Command;
use std::thread;

const WRITERS: usize = 8;
const UPDATES_EACH: usize = 25;

fn plan(done: impl Fn(usize) -> usize) -> String {
    let mut text = String::from(
        "# shared by the whole bureau\n[meta]\ntitle = \"并发\"  # concurrency\nas_of = 2024-12-31\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\n",
    );
    for k in 0..WRITERS {
        text.push_str(&format!(
            "\n# task {k}: kept by clerk {k}\n[[campaign.task]]\nid = \"task-{k}\"\nname = \"任务 {k}\"\ndone = {} # updated by clerk {k}\ntotal = 1000\n",
            done(k)
        ));
    }
    text
}

#[test]
fn concurrent_writers_never_lose_an_update() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    let start = |k: usize| 10 * k + 3;
    fs::write(&path, plan(start)).unwrap();
    let binary = crate::binary::path();

    let writers: Vec<_> = (0..WRITERS)
        .map(|k| {
            let (binary, path) = (binary.clone(), path.clone());
            thread::spawn(move || {
                for _ in 0..UPDATES_EACH {
                    let output = Command::new(&binary)
                        .env("XDG_CONFIG_HOME", crate::binary::no_config_home())
                        .arg("set")
                        .arg(&path)
                        .arg(format!("c/task-{k}"))
                        .args(["--add", "1"])
                        .output()
                        .unwrap();
                    assert!(
                        output.status.success(),
                        "task-{k}: {:?} {}",
                        output.status,
                        String::from_utf8_lossy(&output.stderr)
                    );
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }

    // Every task +25, and every other byte (comments included) as it was.
    let written = fs::read_to_string(&path).unwrap();
    assert_eq!(written, plan(|k| start(k) + UPDATES_EACH));
    let check = Command::new(&binary)
        .env("XDG_CONFIG_HOME", crate::binary::no_config_home())
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(check.status.success());
    // Only the plan remains: no lock file, no temporary files.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["campaigns.toml"]);
}
