//! Freeing a replaced plan or history off the screen's way: a plan of
//! 100 000 tasks takes long to drop, and glibc keeps its pages unless asked.
//! The event loop calls these; the state only hands out what it let go.

use super::retiring::Retired;

/// Drops what the state let go (a replaced plan, history or comparison)
/// on a short-lived thread, then hands the memory back.
pub(crate) fn free_aside(retired: Retired) {
    free_aside_named("drop-plan", retired);
}

/// Drops `value` on a short-lived thread when `large` (then hands the
/// memory back), else here.
pub(crate) fn free_aside_if<T: Send + 'static>(large: bool, value: T) {
    if large {
        free_aside_named("drop-history", value);
    }
}

fn free_aside_named<T: Send + 'static>(name: &str, value: T) {
    // Should no thread be had, the closure, and the value with it, is
    // dropped right here instead.
    let _ = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            drop(value);
            trim_heap();
        });
}

/// Hands freed memory back: glibc otherwise keeps a million small free
/// chunks, merges them at the next large allocation (the next parse, on the
/// way to the screen) and keeps the pages. It trims every thread's arena.
pub(crate) fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // glibc's own call, which no crate wraps.
    // SAFETY: malloc_trim takes a byte count to keep and touches only the
    // allocator's own state, under its lock.
    unsafe {
        libc::malloc_trim(0);
    }
}
