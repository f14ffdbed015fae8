//! The JSON layer over the typed API: a document in, a document out.
//!
//! Decimals are printed as strings; on input a JSON number is read from its
//! digits (never through a float), so `0.8` and `"0.8"` are the same value.

mod objects;

use crate::assessment::{Assessment, Verdict, assess_record};
use crate::error::Error;
use crate::model::ids::CriterionId;
use crate::model::record::CellYear;
use crate::render::{Lang, render};
use crate::rollup::Rollup;

/// The largest document [`assess_json`] reads: 1 MiB. A cell-year of 31
/// members and 16 meetings is about 17 KiB; the limit bounds the time and
/// memory one call can take. JSON nesting is limited to 128 levels.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The largest assessment [`parse_assessment`] and [`render_json`] read:
/// 64 MiB. An assessment is larger than its record (a record of 1 MiB whose
/// meetings list many absentees yields one finding per absentee, about
/// 25 times the bytes), so it has a limit of its own: every assessment
/// [`assess_json`] prints from a record within [`MAX_INPUT_BYTES`] can be
/// read back.
pub const MAX_ASSESSMENT_BYTES: usize = 64 << 20;

/// The serde path as a JSON path: `meetings[3].attendance.present`, with
/// serde_json's private number wrapper left out.
fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if key.starts_with("$serde_json::private") {
                    continue;
                }
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            // A place serde cannot name (the end of a truncated document):
            // the path stops at the last segment it could.
            Segment::Unknown => {}
        }
    }
    if out.is_empty() { ".".to_owned() } else { out }
}

/// Reads a JSON document into `T`, with the path of any error.
fn from_json<T: serde::de::DeserializeOwned>(json: &str, limit: usize) -> Result<T, Error> {
    if json.len() > limit {
        return Err(Error::TooLarge {
            size: json.len(),
            limit,
        });
    }
    let mut de = serde_json::Deserializer::from_str(json);
    // A struct is read from a JSON object only, never from an array of its
    // fields (see `objects`).
    let value: T = serde_path_to_error::deserialize(objects::Objects(&mut de)).map_err(|e| {
        let mut path = json_path(e.path());
        let inner = e.into_inner();
        let message = message(&inner, json);
        if let Some(field) = field_of_object_error(&message) {
            push_key(&mut path, field);
        }
        Error::Parse {
            path,
            line: inner.line(),
            column: inner.column(),
            message,
        }
    })?;
    de.end().map_err(|e| Error::Parse {
        path: ".".to_owned(),
        line: e.line(),
        column: e.column(),
        message: message(&e, json),
    })?;
    Ok(value)
}

/// The field named by an error that serde raises for an object as a whole:
/// a field left out (`missing field `year``) or given twice (`duplicate
/// field `year``). serde_path_to_error's path ends at the object; RULES §9
/// asks for the field's own path, which this completes.
///
/// serde builds both messages in its `de::Error::missing_field` and
/// `duplicate_field`, which serde_json does not override; the golden bad
/// inputs (`type_cell_missing_year`, `duplicate_key_in_cell`, …) pin them.
fn field_of_object_error(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("duplicate field `"))?;
    let (field, _) = rest.split_once('`')?;
    Some(field)
}

/// Appends an object's key to a JSON path (`.` alone is the document).
fn push_key(path: &mut String, key: &str) {
    if path == "." {
        path.clear();
    } else {
        path.push('.');
    }
    path.push_str(key);
}

/// serde_json's message without its trailing " at line L column C", in
/// words a user knows: "a whole number" rather than a Rust type, and for a
/// date that does not read, the value and the form expected. `json` is the
/// document, to show the date as it was written.
fn message(e: &serde_json::Error, json: &str) -> String {
    let full = e.to_string();
    let base = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full),
        None => &full,
    };
    if CHRONO_MESSAGES.contains(&base) {
        return match string_before(json, e.line(), e.column()) {
            Some(value) => format!("{value:?} is not a date: expected {DATE}"),
            None => format!("not a date: expected {DATE}"),
        };
    }
    let mut words = base.to_owned();
    for (rust, plain) in RUST_TYPES {
        if let Some(head) = words.strip_suffix(rust) {
            words = format!("{head}{plain}");
            break;
        }
    }
    words
}

/// What a date must look like, for messages.
const DATE: &str = "a day of the calendar written YYYY-MM-DD, such as \"2024-03-11\"";

/// The messages of chrono's date parser, which name neither the value nor
/// the form.
const CHRONO_MESSAGES: &[&str] = &[
    "input is out of range",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is not enough for unique date and time",
    "no possible date and time matching input",
];

/// The Rust integer types serde names as what it expected, and the words
/// for them.
const RUST_TYPES: &[(&str, &str)] = &[
    ("expected u64", "expected a whole number, 0 or more"),
    ("expected u32", "expected a whole number, 0 or more"),
    ("expected u16", "expected a whole number, 0 or more"),
    ("expected u8", "expected a whole number, 0 or more"),
    ("expected i128", "expected a whole number"),
    ("expected i64", "expected a whole number"),
    ("expected i32", "expected a whole number"),
];

/// The JSON string that ends just before line `line`, column `column` of
/// `json` (where serde_json stops after reading it), unquoted.
fn string_before(json: &str, line: usize, column: usize) -> Option<&str> {
    let start = json
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let before = json.get(..start.checked_add(column)?.min(json.len()))?;
    let close = before.rfind('"')?;
    let open = before.get(..close)?.rfind('"')?;
    before.get(open + 1..close)
}

/// Parses a cell-year record from JSON.
///
/// ```
/// let json = std::fs::read_to_string("examples/cell-year-2024.json").unwrap();
/// let record = bontot::json::parse_record(&json).unwrap();
/// assert_eq!(record.cell.year, 2024);
///
/// // Every struct of the record is a JSON object: serde's other spelling,
/// // an array of the fields in order, is refused at the struct's path.
/// let err = bontot::json::parse_record(r#"{"plan": "binh-tan-2024", "cell": ["B", 2024]}"#)
///     .unwrap_err();
/// assert_eq!((err.kind().as_str(), err.path()), ("parse", "cell"));
/// assert!(err.to_string().contains("invalid type: sequence, expected struct Cell"));
/// ```
///
/// # Errors
/// [`Error::Parse`] (with the path) for a document that is not a record:
/// malformed JSON, a wrong type (a struct given as an array among them), an
/// unknown field or enum value, a duplicate key; [`Error::TooLarge`] above
/// [`MAX_INPUT_BYTES`].
pub fn parse_record(json: &str) -> Result<CellYear, Error> {
    from_json(json, MAX_INPUT_BYTES)
}

/// Parses an assessment printed by [`assess_json`] back into its type.
///
/// ```
/// let json = std::fs::read_to_string("examples/cell-year-2024.json").unwrap();
/// let printed = bontot::json::assess_json(&json).unwrap();
///
/// let assessment = bontot::json::parse_assessment(&printed).unwrap();
/// assert_eq!(assessment.verdict, bontot::Verdict::Achieved);
/// // The round trip loses nothing: printed again, it is the same document.
/// assert_eq!(bontot::json::to_json(&assessment), printed);
///
/// let err = bontot::json::parse_assessment(r#"{"verdict": "achieved"}"#).unwrap_err();
/// assert_eq!(err.kind().as_str(), "parse");
/// ```
///
/// # Errors
/// [`Error::Parse`] for a document that is not an assessment;
/// [`Error::TooLarge`] above [`MAX_ASSESSMENT_BYTES`].
pub fn parse_assessment(json: &str) -> Result<Assessment, Error> {
    from_json(json, MAX_ASSESSMENT_BYTES)
}

/// Prints an assessment as JSON (decimals as strings).
pub fn to_json(assessment: &Assessment) -> String {
    // Every Serialize impl of the assessment is infallible (string keys,
    // no custom errors), so this cannot fail; an empty object is never
    // reached but keeps the function total.
    serde_json::to_string(assessment).unwrap_or_else(|_| String::from("{}"))
}

/// Assesses a JSON record against the plan it names: the JSON entry point
/// over [`assess_record`].
///
/// ```
/// let json = std::fs::read_to_string("examples/cell-year-2024.json").unwrap();
/// let out = bontot::json::assess_json(&json).unwrap();
/// assert!(out.contains(r#""verdict":"achieved""#));
/// ```
///
/// # Errors
/// Every error of [`parse_record`] and [`assess`](crate::assess), and
/// [`Error::UnknownPreset`] for a record whose `plan` names no preset.
pub fn assess_json(json: &str) -> Result<String, Error> {
    let record = parse_record(json)?;
    let assessment = assess_record(&record)?;
    Ok(to_json(&assessment))
}

/// Renders the report of an assessment printed by [`assess_json`].
///
/// # Errors
/// [`Error::Parse`] for a document that is not an assessment;
/// [`Error::TooLarge`] above [`MAX_ASSESSMENT_BYTES`].
pub fn render_json(assessment_json: &str, lang: Lang) -> Result<String, Error> {
    Ok(render(&parse_assessment(assessment_json)?, lang))
}

/// An error as JSON: `{"kind": "count_above_base", "path": "education.dropout",
/// "message": "…"}`, for bindings and services that pass errors on; a
/// document that is not JSON of the record's shape adds the `line` and
/// `column` where reading stopped.
///
/// ```
/// let err = bontot::json::assess_json("{").unwrap_err();
/// let json = bontot::json::error_to_json(&err);
/// assert!(json.starts_with(r#"{"kind":"parse","path":"."#));
/// ```
pub fn error_to_json(error: &Error) -> String {
    serde_json::to_string(error).unwrap_or_else(|_| String::from("{}"))
}

/// Rolls up a batch given as NDJSON, one record per line (see
/// [`Rollup`]): each line is read and assessed against the plan it names;
/// a line that cannot be read or assessed becomes an error entry with its
/// line number, kind, path and message, and the batch goes on. Lines are
/// counted from 1; blank lines are skipped but counted.
///
/// ```
/// let batch = format!(
///     "{}\n\n{{\"plan\": \"binh-tan-2024\"}}\n",
///     include_str!("../examples/cell-year-2024.json").replace('\n', " ")
/// );
/// let rollup = bontot::json::rollup_ndjson(&batch);
/// assert_eq!(rollup.cells(), 1);
/// let error = &rollup.errors()[0];
/// assert_eq!((error.line, error.path.as_str()), (3, "cell"));
/// ```
pub fn rollup_ndjson(ndjson: &str) -> Rollup {
    let mut rollup = Rollup::new();
    for (line, text) in (1u64..).zip(ndjson.lines()) {
        if text.trim().is_empty() {
            continue;
        }
        let assessed =
            parse_record(text).and_then(|record| assess_record(&record).map(|a| (record, a)));
        match assessed {
            Ok((record, assessment)) => rollup.add(line, record.cell.name.as_deref(), &assessment),
            Err(e) => rollup.add_error(line, &e),
        }
    }
    rollup
}

/// A roll-up as JSON: `{"schema_version": 1, "cells": …, "verdicts":
/// {"achieved": …, "not_achieved": …, "incomplete": …}, "criteria": {…},
/// "errors": [{"line", "kind", "path", "message"}], "checks": [{"id",
/// "fail", "unknown"}], "most_failed": [{"id", "cells"}], "results":
/// [{"line", "cell", "year", "verdict", "failed", "unknown",
/// "recognition_invalid"}]}`, results and errors in the order of their
/// lines.
pub fn rollup_to_json(rollup: &Rollup) -> String {
    use serde_json::{Map, Value, json};
    let verdicts: Map<String, Value> = Verdict::ALL
        .iter()
        .map(|&v| (v.as_str().to_owned(), json!(rollup.verdicts(v))))
        .collect();
    let criteria: Map<String, Value> = CriterionId::CRITERIA
        .iter()
        .map(|&c| (c.as_str().to_owned(), json!(rollup.criterion_fails(c))))
        .collect();
    let results: Vec<Value> = rollup
        .outcomes()
        .iter()
        .map(|o| {
            json!({
                "line": o.line,
                "cell": o.cell.as_deref(),
                "year": o.year,
                "verdict": o.verdict,
                "failed": o.failed.iter().collect::<Vec<_>>(),
                "unknown": o.unknown.iter().collect::<Vec<_>>(),
                "recognition_invalid": o.recognition_invalid,
            })
        })
        .collect();
    let most_failed: Vec<Value> = rollup
        .most_failed()
        .into_iter()
        .map(|(id, cells)| json!({"id": id, "cells": cells}))
        .collect();
    let doc = json!({
        "schema_version": Assessment::SCHEMA_VERSION,
        "cells": rollup.cells(),
        "verdicts": verdicts,
        "criteria": criteria,
        "errors": rollup.errors(),
        "checks": rollup.checks().collect::<Vec<_>>(),
        "most_failed": most_failed,
        "results": results,
    });
    doc.to_string()
}
