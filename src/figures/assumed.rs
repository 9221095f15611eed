//! The marker that follows a value the source does not give (`assumed`).

/// `*` after an assumed value or a status that rests on one; nothing
/// otherwise. The same in ASCII.
pub fn mark(assumed: bool) -> &'static str {
    if assumed { "*" } else { "" }
}
