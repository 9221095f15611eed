//! Freeing a replaced plan off the screen's way: a plan of 100 000 tasks
//! takes long to drop, and glibc keeps its pages unless asked.

use super::app::Retired;

/// Drops `retired` on a short-lived thread, then hands the memory back.
pub fn drop_aside(retired: Retired) {
    // Should no thread be had, the closure, and the plan with it, is
    // dropped right here instead.
    let _ = std::thread::Builder::new()
        .name("drop-plan".into())
        .spawn(move || {
            drop(retired);
            trim_heap();
        });
}

/// Hands the freed plan's memory back: glibc otherwise keeps a million small
/// free chunks, merges them at the next large allocation (the next parse, on
/// the way to the screen) and keeps the pages.
fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // glibc's own call, which no crate wraps.
    // SAFETY: malloc_trim takes a byte count to keep and touches only the
    // allocator's own state, under its lock.
    unsafe {
        libc::malloc_trim(0);
    }
}
