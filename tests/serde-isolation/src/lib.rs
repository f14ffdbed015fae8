//! A user's crate beside bontot: see `tests/isolation.rs`.
