//! # bontot-c: the C interface to `bontot`
//!
//! A thin C ABI over the library's JSON API ([`bontot::json::assess_json`],
//! [`bontot::json::render_json`], [`bontot::json::error_to_json`]): it reimplements no
//! rule. The header `include/bontot.h` is generated from this crate by
//! cbindgen (see `cbindgen.toml`); build this crate as a static library
//! (`libbontot_c.a`) or a shared one (`libbontot_c.so`) and link it.
//!
//! Every call is wrapped in [`std::panic::catch_unwind`], so nothing unwinds
//! into C: a panic becomes `BONTOT_ERR_PANIC`. For that
//! reason this crate must not be built with `panic = "abort"`.
//!
//! All `unsafe` code (reading C strings, handing out and taking back owned
//! strings, the `#[no_mangle]` exports) lives in the private `ffi` module;
//! the rest of the crate, the `call` module included, is safe Rust.
#![deny(unsafe_code)]
#![deny(missing_docs)]

mod call;
mod ffi;

pub use ffi::{bontot_assess, bontot_render, bontot_string_free, bontot_version};

/// The outcome of a call. On every status but `BONTOT_ERR_NULL`
/// with a NULL `out`, the call stores an owned string in `*out`: the result on
/// `BONTOT_OK`, otherwise an error object
/// `{"kind": "...", "path": "...", "message": "..."}`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum BontotStatus {
    /// Success: `*out` holds the result.
    BONTOT_OK = 0,
    /// The input document was rejected (not JSON, not a record, a count
    /// above its base, ...): `*out` holds the library's error object, whose
    /// `kind` (e.g. `count_above_base`) and `path` (e.g.
    /// `meetings[3].attendance`) name what is wrong and where.
    BONTOT_ERR_INPUT = 1,
    /// A required pointer argument was NULL. If `out` itself is NULL nothing
    /// is stored; otherwise `*out` holds an error object of kind
    /// `null_pointer` whose message names the argument.
    BONTOT_ERR_NULL = 2,
    /// A string argument was not valid UTF-8: `*out` holds an error object
    /// of kind `invalid_utf8` whose message names the argument and the byte
    /// offset.
    BONTOT_ERR_UTF8 = 3,
    /// The library panicked (a bug; please report it): `*out` holds an error
    /// object of kind `panic`. The library's state is not affected: later
    /// calls work as usual.
    BONTOT_ERR_PANIC = 4,
    /// The language is not one of `"vi"` or `"en"`: `*out` holds an error
    /// object of kind `unknown_lang` with path `lang`.
    BONTOT_ERR_LANG = 5,
}

/// The largest record `bontot_assess` reads, in bytes (1 MiB): a larger one
/// is rejected with `BONTOT_ERR_INPUT` and kind `too_large`. An assessment
/// is larger than its record, so `bontot_render` reads assessments up to
/// 64 MiB (every one `bontot_assess` prints).
pub const BONTOT_MAX_INPUT_BYTES: usize = 1 << 20;

const _: () = assert!(BONTOT_MAX_INPUT_BYTES == bontot::json::MAX_INPUT_BYTES);
