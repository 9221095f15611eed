//! The README's screenshots are frames the app draws: each block marked
//! `<!-- screenshot: campaigns ARGS -->` must equal what `campaigns ARGS` prints today.

#[test]
fn readme_screenshots_match_the_app() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let marker = "<!-- screenshot: campaigns ";
    let mut checked = 0;
    for (start, _) in readme.match_indices(marker) {
        let rest = &readme[start + marker.len()..];
        let args_end = rest.find(" -->").expect("a closed marker");
        let args: Vec<&str> = rest[..args_end].split_whitespace().collect();
        let body_start = rest
            .find("```text\n")
            .expect("a text block after the marker")
            + 8;
        let body_len = rest[body_start..].find("```").expect("a closed block");
        let shown = &rest[body_start..body_start + body_len];
        let output = crate::binary::assert_command()
            .args(&args)
            .env_remove("NO_COLOR")
            .output()
            .expect("runs");
        assert!(output.status.success(), "campaigns {args:?} failed");
        let drawn = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(
            shown,
            drawn,
            "README screenshot for `campaigns {}` is out of date",
            args.join(" ")
        );
        checked += 1;
    }
    assert!(checked >= 1, "the README has no screenshot");
}
