//! Memory the screen's state lets go of (a replaced plan, a history or a
//! comparison of 100 000 items), handed to the event loop, which frees it
//! off the screen's way (`tui::reclaim`): the state itself starts no thread
//! and makes no allocator call.

/// Something large to free, of any type.
pub(crate) struct Retired {
    _value: Box<dyn Send>,
}

/// What was let go since the event loop last took it.
#[derive(Default)]
pub(crate) struct Retiring(Vec<Retired>);

impl std::fmt::Debug for Retiring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Retiring({})", self.0.len())
    }
}

impl Retiring {
    pub fn push<T: Send + 'static>(&mut self, value: T) {
        self.0.push(Retired {
            _value: Box::new(value),
        });
    }

    /// Everything let go, to free.
    pub fn take(&mut self) -> Vec<Retired> {
        std::mem::take(&mut self.0)
    }

    pub fn append(&mut self, other: &mut Retiring) {
        self.0.append(&mut other.0);
    }
}
