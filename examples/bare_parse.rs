//! The floor any TOML app pays: a bare `toml::Table` parse of a file, for
//! comparing peak memory with `campaigns check`:
//! `cargo run --release --example bare_parse -- FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare_parse FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| {
        eprintln!("{path}: {err}");
        std::process::exit(2)
    });
    match toml::from_str::<toml::Table>(&text) {
        Ok(table) => println!("{} top-level keys", table.len()),
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    }
}
