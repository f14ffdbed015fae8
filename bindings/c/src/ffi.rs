//! The exported C functions: the only module of this crate with `unsafe`
//! code.
//!
//! Calling into Rust from C means trusting C's pointers (a NUL-terminated
//! string, a place to store the result) and handing out heap strings that C
//! later hands back to be freed: neither can be expressed in safe Rust, and
//! `#[no_mangle]` itself is an unsafe attribute. Each body reads its
//! arguments and runs the safe `call` module inside `call::guard`, so no
//! panic unwinds into C.
#![allow(unsafe_code)]

use std::ffi::{CStr, c_char};

use crate::BontotStatus;
use crate::call::{self, Failure, Outcome};

/// The binding's version with a terminating NUL.
const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => panic!("the package version holds a NUL byte"),
    };

/// Reads the C string argument `arg` named `name`.
///
/// # Safety
/// `arg` is NULL or points to a NUL-terminated string that stays valid and
/// unchanged for `'a`.
unsafe fn read_str<'a>(arg: *const c_char, name: &str) -> Result<&'a str, Failure> {
    if arg.is_null() {
        return Err(Failure::null(name));
    }
    // SAFETY: `arg` is not NULL, and the caller guarantees it points to a
    // NUL-terminated string valid for `'a` (the contract of every exported
    // function that calls this, stated in its `# Safety` section).
    let bytes = unsafe { CStr::from_ptr(arg) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| Failure::utf8(name, &e))
}

/// Hands `outcome` to C through `out` and returns its status.
///
/// # Safety
/// `out` is not NULL and is valid for a write of one pointer.
unsafe fn hand_out(outcome: Outcome, out: *mut *mut c_char) -> BontotStatus {
    let (status, text) = match outcome {
        Ok(text) => (BontotStatus::BONTOT_OK, text),
        Err(failure) => (failure.status, failure.json),
    };
    let raw = call::c_string(text).into_raw();
    // SAFETY: the caller guarantees `out` is non-NULL and writable; `write`
    // does not read (or drop) whatever `*out` held before, which may be
    // uninitialised.
    unsafe { out.write(raw) };
    status
}

/// Assesses a cell-year record given as JSON against the plan it names.
///
/// On `BONTOT_OK`, `*out` holds the assessment as JSON (decimals as strings,
/// e.g. `"rate": "1.0"`). On `BONTOT_ERR_INPUT`, `*out` holds the error
/// object `{"kind": "count_above_base", "path": "education.dropout",
/// "message": "..."}` naming what is wrong and the JSON path of the field.
/// On the other errors `*out` holds an error object of the same shape.
/// Either way the caller owns `*out` and frees it with `bontot_string_free`.
///
/// Returns `BONTOT_ERR_NULL` (storing nothing) when `out` is NULL, and
/// `BONTOT_ERR_NULL` / `BONTOT_ERR_UTF8` when `record_json` is NULL / not
/// UTF-8.
///
/// # Safety
/// `record_json` is NULL or a NUL-terminated string; `out` is NULL or valid
/// for writing one pointer. Neither is retained after the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bontot_assess(
    record_json: *const c_char,
    out: *mut *mut c_char,
) -> BontotStatus {
    if out.is_null() {
        return BontotStatus::BONTOT_ERR_NULL;
    }
    let outcome = call::guard(|| {
        // SAFETY: the caller guarantees `record_json` is NULL or a
        // NUL-terminated string that outlives this call.
        let record = unsafe { read_str(record_json, "record_json") }?;
        call::assess(record)
    });
    // SAFETY: `out` was checked non-NULL above and the caller guarantees it
    // is writable.
    unsafe { hand_out(outcome, out) }
}

/// Renders the plain-text report of an assessment (the JSON that
/// `bontot_assess` produced) in a language: `"vi"` (Vietnamese) or `"en"`
/// (English).
///
/// On `BONTOT_OK`, `*out` holds the report (UTF-8 text). On
/// `BONTOT_ERR_INPUT` (the document is not an assessment) or
/// `BONTOT_ERR_LANG` (unknown language) and the other errors, `*out` holds an
/// error object as for `bontot_assess`. The caller owns `*out` and frees it
/// with `bontot_string_free`.
///
/// Returns `BONTOT_ERR_NULL` (storing nothing) when `out` is NULL, and
/// `BONTOT_ERR_NULL` / `BONTOT_ERR_UTF8` when an argument is NULL / not
/// UTF-8.
///
/// # Safety
/// `assessment_json` and `lang` are each NULL or a NUL-terminated string;
/// `out` is NULL or valid for writing one pointer. None is retained after
/// the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bontot_render(
    assessment_json: *const c_char,
    lang: *const c_char,
    out: *mut *mut c_char,
) -> BontotStatus {
    if out.is_null() {
        return BontotStatus::BONTOT_ERR_NULL;
    }
    let outcome = call::guard(|| {
        // SAFETY: the caller guarantees both arguments are NULL or
        // NUL-terminated strings that outlive this call.
        let assessment = unsafe { read_str(assessment_json, "assessment_json") }?;
        // SAFETY: as above.
        let lang = unsafe { read_str(lang, "lang") }?;
        call::render(assessment, lang)
    });
    // SAFETY: `out` was checked non-NULL above and the caller guarantees it
    // is writable.
    unsafe { hand_out(outcome, out) }
}

/// The version of the library, e.g. `"0.1.0"`: a static NUL-terminated
/// string that must NOT be freed.
#[unsafe(no_mangle)]
pub extern "C" fn bontot_version() -> *const c_char {
    VERSION.as_ptr()
}

/// Frees a string handed out by this library (`*out` of `bontot_assess` or
/// `bontot_render`). NULL is accepted and does nothing.
///
/// # Safety
/// `s` is NULL or a string this library handed out that has not been freed
/// yet; it must not be used after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bontot_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // Dropping cannot panic, but stay inside the guard's contract anyway:
    // nothing here may unwind into C.
    let _ = call::guard(|| {
        // SAFETY: the caller guarantees `s` came from `CString::into_raw` in
        // `hand_out` and has not been freed, so taking it back is sound.
        drop(unsafe { std::ffi::CString::from_raw(s) });
        Ok(String::new())
    });
}
