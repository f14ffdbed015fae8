//! The safe half of the binding: what each exported function does once its
//! arguments are Rust strings, and the panic guard around it.

use std::ffi::CString;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::BontotStatus;

/// A call that did not succeed: its status and the error object to hand out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    /// The status code returned to C.
    pub status: BontotStatus,
    /// The error object, `{"kind": ..., "path": ..., "message": ...}`.
    pub json: String,
}

impl Failure {
    /// A failure of the binding itself (not of the library), with an error
    /// object of the same shape as [`bontot::json::error_to_json`]'s.
    pub(crate) fn new(status: BontotStatus, kind: &str, path: &str, message: &str) -> Self {
        let json = serde_json::json!({ "kind": kind, "path": path, "message": message });
        Self {
            status,
            json: json.to_string(),
        }
    }

    /// A rejected document: the library's own error object.
    pub(crate) fn input(error: &bontot::Error) -> Self {
        Self {
            status: BontotStatus::BONTOT_ERR_INPUT,
            json: bontot::json::error_to_json(error),
        }
    }

    /// A NULL pointer passed for the argument `arg`.
    pub(crate) fn null(arg: &str) -> Self {
        Self::new(
            BontotStatus::BONTOT_ERR_NULL,
            "null_pointer",
            ".",
            &format!("{arg} is NULL"),
        )
    }

    /// Bytes that are not UTF-8 passed for the argument `arg`.
    pub(crate) fn utf8(arg: &str, error: &std::str::Utf8Error) -> Self {
        let message = format!("{arg} is not valid UTF-8: {error}");
        Self::new(BontotStatus::BONTOT_ERR_UTF8, "invalid_utf8", ".", &message)
    }
}

/// The result of one call: the string to hand out, or why not.
pub(crate) type Outcome = Result<String, Failure>;

/// Assesses a JSON record: [`bontot::json::assess_json`].
pub(crate) fn assess(record_json: &str) -> Outcome {
    bontot::json::assess_json(record_json).map_err(|e| Failure::input(&e))
}

/// Renders the report of an assessment in a language (`"vi"` or `"en"`):
/// [`bontot::json::render_json`].
pub(crate) fn render(assessment_json: &str, lang: &str) -> Outcome {
    let Some(lang) = bontot::Lang::from_name(lang) else {
        let message = format!("unknown language {lang:?}; expected \"vi\" or \"en\"");
        return Err(Failure::new(
            BontotStatus::BONTOT_ERR_LANG,
            "unknown_lang",
            "lang",
            &message,
        ));
    };
    bontot::json::render_json(assessment_json, lang).map_err(|e| Failure::input(&e))
}

/// Runs `body`, turning a panic into a [`BontotStatus::BONTOT_ERR_PANIC`]
/// failure so that it never unwinds into C.
pub(crate) fn guard(body: impl FnOnce() -> Outcome) -> Outcome {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            let message = format!("bontot panicked (a bug): {what}");
            Err(Failure::new(
                BontotStatus::BONTOT_ERR_PANIC,
                "panic",
                ".",
                &message,
            ))
        }
    }
}

/// A string as a C string. JSON output never holds a NUL byte (serde_json
/// escapes it); a report could, from a NUL in a name of the record, so each
/// NUL is replaced by U+FFFD rather than cutting the string short.
pub(crate) fn c_string(s: String) -> CString {
    match CString::new(s) {
        Ok(c) => c,
        Err(e) => {
            let s = String::from_utf8_lossy(&e.into_vec()).replace('\0', "\u{FFFD}");
            CString::new(s).unwrap_or_default()
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_failure() {
        let out = guard(|| panic!("boom"));
        let failure = out.unwrap_err();
        assert_eq!(failure.status, BontotStatus::BONTOT_ERR_PANIC);
        let v: serde_json::Value = serde_json::from_str(&failure.json).unwrap();
        assert_eq!(v["kind"], "panic");
        assert!(v["message"].as_str().unwrap().contains("boom"));
    }

    #[test]
    fn a_bad_record_names_kind_and_path() {
        let failure = assess("{").unwrap_err();
        assert_eq!(failure.status, BontotStatus::BONTOT_ERR_INPUT);
        let v: serde_json::Value = serde_json::from_str(&failure.json).unwrap();
        assert_eq!(v["kind"], "parse");
        assert!(v["path"].is_string());
    }

    #[test]
    fn an_unknown_language_is_refused() {
        let failure = render("{}", "fr").unwrap_err();
        assert_eq!(failure.status, BontotStatus::BONTOT_ERR_LANG);
    }

    #[test]
    fn nul_bytes_do_not_cut_a_string() {
        assert_eq!(c_string("a\0b".to_owned()).to_str().unwrap(), "a\u{FFFD}b");
    }
}
