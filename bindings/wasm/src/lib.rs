//! # bontot-wasm: the WebAssembly binding of `bontot`
//!
//! Four functions for JavaScript, over the library's JSON API (no rule is
//! reimplemented here):
//!
//! - [`assess`]`(json: string): string`: the assessment of a record, as JSON;
//! - [`render`]`(assessmentJson: string, lang: string): string`: the report
//!   of an assessment in `"vi"` or `"en"`;
//! - [`render_checks`] (`renderChecks(assessmentJson: string, lang: string):
//!   string`): each check's line and gap in words, as JSON;
//! - [`version`]`(): string`.
//!
//! Decimals stay strings in the assessment (`"rate": "1.0"`), so no rate is
//! ever a JS number. A rejected input throws a JS `Error` whose `message`
//! names the field path, with `kind` (e.g. `"count_above_base"`) and `path`
//! (e.g. `"meetings[3].attendance"`) properties as in
//! [`bontot::json::error_to_json`].
//!
//! The functions take their arguments as `JsValue`s and check that each is
//! a string: wasm-bindgen's glue for a `&str` parameter reads `arg.length`
//! and copies characters without checking the type, so an object or a
//! number used to reach the allocator as a zero-length buffer that was then
//! reallocated from a dangling pointer ("memory access out of bounds"). A
//! value of another type is now a thrown error of kind `wrong_type`.
//!
//! This module is the glue's layer; the package's entry point is
//! `bindings/wasm/js/index.js`, which adds the object overloads
//! (`assess(record)`, `render(assessment, lang)`) and throws instances of an
//! exported `BontotError` class.
//!
//! Build with `bindings/wasm/build.sh`, which compiles the
//! `wasm32-unknown-unknown` target with the size-tuned `wasm-release`
//! profile and runs `wasm-bindgen --target nodejs` into `bindings/wasm/pkg/`
//! (and `--target web` into `bindings/wasm/web/pkg/` for the page).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ERROR: &str = r#"
/** What the glue throws when an input is rejected (the package's index.js
 * rethrows it as an instance of its BontotError class). */
export interface BontotErrorLike extends Error {
  name: "BontotError";
  /** A stable snake_case kind: "count_above_base", "parse", "unknown_lang", "wrong_type", ... */
  kind: string;
  /** The JSON path of the offending field ("meetings[3].attendance"); "." for the document. */
  path: string;
}
"#;

/// Why a call failed: the fields of the thrown `Error`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Failure {
    /// A stable snake_case name (`count_above_base`, `parse`, `unknown_lang`).
    kind: String,
    /// The JSON path of the offending field; `.` for the whole document.
    path: String,
    /// A readable message that names the path.
    message: String,
}

impl Failure {
    fn from_error(error: &bontot::Error) -> Self {
        let path = error.path();
        let shown = error.to_string();
        let message = if path == "." || shown.starts_with(path) {
            shown
        } else {
            format!("{path}: {shown}")
        };
        Self {
            kind: error.kind().as_str().to_owned(),
            path: path.to_owned(),
            message,
        }
    }

    /// A thrown JS `Error` with `kind` and `path` properties.
    fn into_js(self) -> JsValue {
        let error = js_sys::Error::new(&self.message);
        error.set_name("BontotError");
        // Setting a property on a fresh, extensible Error object cannot
        // fail; were it to, the message still names the path.
        let _ = js_sys::Reflect::set(&error, &"kind".into(), &self.kind.into());
        let _ = js_sys::Reflect::set(&error, &"path".into(), &self.path.into());
        error.into()
    }
}

/// What a JS value is, in words, for a `wrong_type` message.
fn describe(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined (no value)"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_symbol() {
        "a symbol"
    } else {
        "an object"
    }
}

/// The text of a string argument, or a `wrong_type` failure at `path`.
fn text_of(value: &JsValue, path: &str, what: &str) -> Result<String, Failure> {
    value.as_string().ok_or_else(|| Failure {
        kind: "wrong_type".to_owned(),
        path: path.to_owned(),
        message: format!(
            "{path}: expected {what} (a string), found {}",
            describe(value)
        ),
    })
}

fn assess_inner(json: &str) -> Result<String, Failure> {
    bontot::json::assess_json(json).map_err(|e| Failure::from_error(&e))
}

fn lang_of(lang: &str) -> Result<bontot::Lang, Failure> {
    bontot::Lang::from_name(lang).ok_or_else(|| Failure {
        kind: "unknown_lang".to_owned(),
        path: "lang".to_owned(),
        message: format!("lang: unknown language {lang:?}; expected \"vi\" or \"en\""),
    })
}

fn render_inner(assessment_json: &str, lang: &str) -> Result<String, Failure> {
    let lang = lang_of(lang)?;
    bontot::json::render_json(assessment_json, lang).map_err(|e| Failure::from_error(&e))
}

/// Each check's line and gap as the report prints them: a JSON array of
/// `{"id", "line", "gap"}` (`gap` `null` for a check without one), in the
/// order of the assessment's `checks`.
fn render_checks_inner(assessment_json: &str, lang: &str) -> Result<String, Failure> {
    let lang = lang_of(lang)?;
    let assessment =
        bontot::json::parse_assessment(assessment_json).map_err(|e| Failure::from_error(&e))?;
    let lines: Vec<serde_json::Value> = assessment
        .checks
        .iter()
        .map(|check| {
            serde_json::json!({
                "id": check.id.as_str(),
                "line": bontot::report::render_check(check, lang),
                "gap": bontot::report::render_gap(check, lang),
            })
        })
        .collect();
    Ok(serde_json::Value::Array(lines).to_string())
}

/// Assesses a cell-year record given as JSON against the plan it names and
/// returns the assessment as JSON (decimals as strings).
///
/// # Errors
/// Throws an `Error` (name `BontotError`) when the record is rejected: its
/// `message` names the field path, its `kind` and `path` properties are the
/// library's error kind and JSON path. A `json` that is not a string is
/// refused with kind `wrong_type` and path `.`.
#[wasm_bindgen]
pub fn assess(json: &JsValue) -> Result<String, JsValue> {
    text_of(json, ".", "the record as JSON text")
        .and_then(|text| assess_inner(&text))
        .map_err(Failure::into_js)
}

/// Renders the plain-text report of an assessment (the JSON [`assess`]
/// returned) in a language: `"vi"` (Vietnamese) or `"en"` (English).
///
/// # Errors
/// Throws an `Error` (name `BontotError`) for a document that is not an
/// assessment (`kind` `parse`), one larger than 64 MiB (`kind`
/// `too_large`), an unknown language (`kind` `unknown_lang`, `path`
/// `lang`), or an argument that is not a string (`kind` `wrong_type`, `path`
/// `.` or `lang`).
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(js_name = "assessmentJson")] assessment_json: &JsValue,
    lang: &JsValue,
) -> Result<String, JsValue> {
    text_of(assessment_json, ".", "the assessment as JSON text")
        .and_then(|json| {
            text_of(lang, "lang", "\"vi\" or \"en\"").and_then(|lang| render_inner(&json, &lang))
        })
        .map_err(Failure::into_js)
}

/// Each check of an assessment (the JSON [`assess`] returned) in words, as
/// the report prints it: a JSON array, in the order of `checks`, of
/// `{"id": "edu.dropout", "line": "✗ Dropout rate: …", "gap": "at most 5
/// dropouts: 1 fewer"}` (`gap` is `null` for a check that has none).
///
/// # Errors
/// As [`render`].
#[wasm_bindgen(js_name = "renderChecks")]
pub fn render_checks(
    #[wasm_bindgen(js_name = "assessmentJson")] assessment_json: &JsValue,
    lang: &JsValue,
) -> Result<String, JsValue> {
    text_of(assessment_json, ".", "the assessment as JSON text")
        .and_then(|json| {
            text_of(lang, "lang", "\"vi\" or \"en\"")
                .and_then(|lang| render_checks_inner(&json, &lang))
        })
        .map_err(Failure::into_js)
}

/// The version of the library, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_rejected_record_names_kind_and_path() {
        let failure = assess_inner(r#"{"plan": 5}"#).unwrap_err();
        assert_eq!(failure.kind, "parse");
        assert_eq!(failure.path, "plan");
        assert!(failure.message.contains("plan"), "{}", failure.message);
    }

    #[test]
    fn an_unknown_language_is_refused() {
        let failure = render_inner("{}", "fr").unwrap_err();
        assert_eq!(failure.kind, "unknown_lang");
        assert_eq!(failure.path, "lang");
    }

    #[test]
    fn each_check_is_rendered_with_its_gap() {
        let record = r#"{"plan": "binh-tan-2024", "cell": {"year": 2024},
                         "education": {"dropout": {"count": 6, "of": 520}}}"#;
        let json = assess_inner(record).unwrap();
        let lines: serde_json::Value =
            serde_json::from_str(&render_checks_inner(&json, "en").unwrap()).unwrap();
        let dropout = lines
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == "edu.dropout")
            .unwrap();
        assert!(
            dropout["line"].as_str().unwrap().starts_with("✗ "),
            "{dropout}"
        );
        assert_eq!(dropout["gap"], "at most 5 dropouts: 1 fewer");
        let vi: serde_json::Value =
            serde_json::from_str(&render_checks_inner(&json, "vi").unwrap()).unwrap();
        assert!(
            vi.as_array()
                .unwrap()
                .iter()
                .any(|l| l["gap"] == "tối đa 5 học sinh bỏ học: giảm 1"),
            "{vi}"
        );
        assert_eq!(
            render_checks_inner(&json, "fr").unwrap_err().kind,
            "unknown_lang"
        );
        assert_eq!(render_checks_inner("{}", "en").unwrap_err().kind, "parse");
    }

    #[test]
    fn the_version_is_the_crates() {
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }
}
