//! Golden cases: every `tests/cases/*.json` is one record and what RULES.md
//! makes of it, worked out by hand. This test runs them all through
//! [`bontot::json::assess_json`] and reports every case that disagrees, each by
//! its file name and rule, before failing.
//!
//! The matching rules are those of `tests/cases/README.md`.

// A test stops at its first surprise: unwrapping, panicking and indexing
// are how a test fails here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// The fewest cases the suite must hold.
const MIN_CASES: usize = 45;

/// Keys a case file may have at the top level.
const CASE_KEYS: &[&str] = &["rule", "clause", "input", "expect", "note"];

/// Keys an `expect` object may have.
const EXPECT_KEYS: &[&str] = &[
    "verdict", "criteria", "checks", "missing", "months", "process", "error",
];

/// Keys an `expect.error` object may have.
const ERROR_KEYS: &[&str] = &["kind", "path"];

/// The four contents a month votes on.
const CONTENTS: &[&str] = &[
    "political_task",
    "meeting_quality",
    "unity_discipline",
    "members",
];

/// The directory of the cases.
fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

/// Every case file, sorted by name.
fn case_files() -> Result<Vec<PathBuf>, String> {
    let dir = cases_dir();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|x| x == "json") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// A value for a message, compact.
fn show(v: Option<&Value>) -> String {
    match v {
        None => "(absent)".to_owned(),
        Some(v) => serde_json::to_string(v).unwrap_or_else(|_| "?".to_owned()),
    }
}

/// The object of a JSON value, or a message naming `what`.
fn object<'a>(v: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    v.as_object()
        .ok_or_else(|| format!("{what} is not an object: {}", show(Some(v))))
}

/// Keys of `obj` that are not in `allowed`.
fn unknown_keys(obj: &Map<String, Value>, allowed: &[&str], what: &str, out: &mut Vec<String>) {
    for key in obj.keys() {
        if !allowed.contains(&key.as_str()) {
            out.push(format!("case format: unknown key {what}.{key}"));
        }
    }
}

/// Compares each key of `expected` with the same key of `actual`: deep
/// equality, and `null` means the key must be absent.
fn match_keys(
    expected: &Map<String, Value>,
    actual: &Map<String, Value>,
    what: &str,
    out: &mut Vec<String>,
) {
    for (key, want) in expected {
        let got = actual.get(key).filter(|v| !v.is_null());
        let ok = match want {
            Value::Null => got.is_none(),
            want => got == Some(want),
        };
        if !ok {
            out.push(format!(
                "{what}.{key}: expected {}, got {}",
                show(Some(want)),
                show(got)
            ));
        }
    }
}

/// The element of an array of objects whose `key` equals `value`.
fn find_by<'a>(
    list: Option<&'a Value>,
    key: &str,
    value: &Value,
) -> Option<&'a Map<String, Value>> {
    list?
        .as_array()?
        .iter()
        .filter_map(Value::as_object)
        .find(|o| o.get(key) == Some(value))
}

/// Matches an assessment against `expect` (no `error` key).
fn match_assessment(expect: &Map<String, Value>, out_json: &str, fails: &mut Vec<String>) {
    let got: Value = match serde_json::from_str(out_json) {
        Ok(v) => v,
        Err(e) => {
            fails.push(format!("the assessment is not JSON: {e}"));
            return;
        }
    };
    let Some(got) = got.as_object() else {
        fails.push("the assessment is not a JSON object".to_owned());
        return;
    };
    if let Some(want) = expect.get("verdict")
        && got.get("verdict") != Some(want)
    {
        fails.push(format!(
            "verdict: expected {}, got {}",
            show(Some(want)),
            show(got.get("verdict"))
        ));
    }
    if let Some(want) = expect.get("criteria") {
        match_criteria(want, got, fails);
    }
    if let Some(want) = expect.get("checks") {
        match_listed(want, got.get("checks"), "checks", "check", fails);
    }
    if let Some(want) = expect.get("missing") {
        match_missing(want, got.get("missing"), fails);
    }
    if let Some(want) = expect.get("months") {
        match_months(want, got.get("months"), fails);
    }
    if let Some(want) = expect.get("process") {
        match_listed(want, got.get("process"), "process", "finding", fails);
    }
}

/// `expect.criteria`: each listed criterion's `status`.
fn match_criteria(want: &Value, got: &Map<String, Value>, fails: &mut Vec<String>) {
    let want = match object(want, "expect.criteria") {
        Ok(w) => w,
        Err(e) => return fails.push(format!("case format: {e}")),
    };
    for (id, status) in want {
        let actual = got
            .get("criteria")
            .and_then(|c| c.get(id))
            .and_then(|c| c.get("status"));
        if actual != Some(status) {
            fails.push(format!(
                "criteria.{id}.status: expected {}, got {}",
                show(Some(status)),
                show(actual)
            ));
        }
    }
}

/// `expect.checks` / `expect.process`: each listed item (by `id`) exists in
/// the assessment's list and has the given keys.
fn match_listed(
    want: &Value,
    list: Option<&Value>,
    section: &str,
    noun: &str,
    fails: &mut Vec<String>,
) {
    let want = match object(want, &format!("expect.{section}")) {
        Ok(w) => w,
        Err(e) => return fails.push(format!("case format: {e}")),
    };
    for (id, keys) in want {
        let keys = match object(keys, &format!("expect.{section}.{id}")) {
            Ok(k) => k,
            Err(e) => {
                fails.push(format!("case format: {e}"));
                continue;
            }
        };
        match find_by(list, "id", &Value::String(id.clone())) {
            None => fails.push(format!("{noun} {id}: not in the assessment")),
            Some(item) => match_keys(keys, item, &format!("{noun} {id}"), fails),
        }
    }
}

/// `expect.missing`: exactly these paths, in any order.
fn match_missing(want: &Value, got: Option<&Value>, fails: &mut Vec<String>) {
    let as_paths = |v: Option<&Value>| -> Option<Vec<String>> {
        let mut paths = v?
            .as_array()?
            .iter()
            .map(|p| p.as_str().map(str::to_owned))
            .collect::<Option<Vec<String>>>()?;
        paths.sort();
        Some(paths)
    };
    match as_paths(Some(want)) {
        None => fails.push("case format: expect.missing is not a list of strings".to_owned()),
        Some(want_paths) => {
            if as_paths(got) != Some(want_paths) {
                fails.push(format!(
                    "missing: expected {} (any order), got {}",
                    show(Some(want)),
                    show(got)
                ));
            }
        }
    }
}

/// `expect.months`: per month, each listed content's decision (`null`: no
/// decision); a whole month `null`: no entry for the month.
fn match_months(want: &Value, months: Option<&Value>, fails: &mut Vec<String>) {
    let want = match object(want, "expect.months") {
        Ok(w) => w,
        Err(e) => return fails.push(format!("case format: {e}")),
    };
    for (month, contents) in want {
        let Some(m) = month.parse::<u8>().ok().filter(|m| (1..=12).contains(m)) else {
            fails.push(format!("case format: month key {month:?} is not 1–12"));
            continue;
        };
        let entry = find_by(months, "month", &Value::from(m));
        if contents.is_null() {
            if let Some(entry) = entry {
                fails.push(format!(
                    "months.{month}: expected no entry, got {}",
                    show(Some(&Value::Object(entry.clone())))
                ));
            }
            continue;
        }
        let contents = match object(contents, &format!("expect.months.{month}")) {
            Ok(c) => c,
            Err(e) => {
                fails.push(format!("case format: {e}"));
                continue;
            }
        };
        let Some(entry) = entry else {
            fails.push(format!("months.{month}: no entry for the month"));
            continue;
        };
        for (content, decision) in contents {
            if !CONTENTS.contains(&content.as_str()) {
                fails.push(format!(
                    "case format: unknown content months.{month}.{content}"
                ));
                continue;
            }
            let actual = entry
                .get("contents")
                .and_then(|c| c.get(content))
                .and_then(|c| c.get("decision"))
                .filter(|d| !d.is_null());
            let ok = match decision {
                Value::Null => actual.is_none(),
                d => actual == Some(d),
            };
            if !ok {
                fails.push(format!(
                    "months.{month}.{content}.decision: expected {}, got {}",
                    show(Some(decision)),
                    show(actual)
                ));
            }
        }
    }
}

/// The text of a case's `input`, as the file writes it.
fn raw_input(case: &str) -> Result<String, serde_json::Error> {
    #[derive(serde::Deserialize)]
    struct Raw {
        input: Box<serde_json::value::RawValue>,
    }
    serde_json::from_str::<Raw>(case).map(|raw| raw.input.get().to_owned())
}

/// Runs one case file; the list of its disagreements (empty when it passes).
fn run_case(path: &Path) -> Vec<String> {
    let mut fails = Vec::new();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return vec![format!("cannot read: {e}")],
    };
    let case: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return vec![format!("case format: not JSON: {e}")],
    };
    let case = match object(&case, "the case") {
        Ok(c) => c,
        Err(e) => return vec![format!("case format: {e}")],
    };
    unknown_keys(case, CASE_KEYS, "case", &mut fails);
    if !case.get("rule").is_some_and(Value::is_string) {
        fails.push("case format: `rule` (a string) is required".to_owned());
    }
    let input = match case.get("input") {
        Some(Value::String(s)) => s.clone(),
        // The record as the file writes it, digits and all: a `Value` reads
        // numbers as floats.
        Some(Value::Object(_)) => match raw_input(&text) {
            Ok(s) => s,
            Err(e) => return vec![format!("case format: input: {e}")],
        },
        other => {
            return vec![format!(
                "case format: `input` must be an object or a string, got {}",
                show(other)
            )];
        }
    };
    let expect = match case.get("expect").map(|e| object(e, "expect")) {
        Some(Ok(e)) => e,
        Some(Err(e)) => return vec![format!("case format: {e}")],
        None => return vec!["case format: `expect` is required".to_owned()],
    };
    unknown_keys(expect, EXPECT_KEYS, "expect", &mut fails);

    // The rules never panic (RULES §9): a panic is reported as a failure of
    // this case, not of the whole run.
    let result = match catch_unwind(AssertUnwindSafe(|| bontot::json::assess_json(&input))) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            fails.push(format!("the library panicked: {msg}"));
            return fails;
        }
    };

    match (expect.get("error"), result) {
        (Some(want), result) => {
            if expect.len() != 1 {
                fails.push(
                    "case format: a case with `error` has no other keys in `expect`".to_owned(),
                );
            }
            let want = match object(want, "expect.error") {
                Ok(w) => w,
                Err(e) => {
                    fails.push(format!("case format: {e}"));
                    return fails;
                }
            };
            unknown_keys(want, ERROR_KEYS, "expect.error", &mut fails);
            if !want.contains_key("kind") {
                fails.push("case format: expect.error.kind is required".to_owned());
            }
            match result {
                Ok(out) => {
                    let verdict = serde_json::from_str::<Value>(&out)
                        .ok()
                        .and_then(|v| v.get("verdict").cloned());
                    fails.push(format!(
                        "expected an error {}, but the record was accepted (verdict {})",
                        show(Some(&Value::Object(want.clone()))),
                        show(verdict.as_ref())
                    ));
                }
                Err(err) => {
                    let mut got = Map::new();
                    got.insert("kind".to_owned(), Value::from(err.kind().as_str()));
                    got.insert("path".to_owned(), Value::from(err.path()));
                    let before = fails.len();
                    match_keys(want, &got, "error", &mut fails);
                    if fails.len() > before {
                        fails.push(format!("(the error was: {err})"));
                    }
                }
            }
        }
        (None, Err(err)) => {
            fails.push(format!(
                "rejected: {} at {}: {err}",
                err.kind().as_str(),
                err.path()
            ));
        }
        (None, Ok(out)) => match_assessment(expect, &out, &mut fails),
    }
    fails
}

#[test]
fn golden_cases() {
    let files = case_files().expect("the cases directory is readable");
    let mut report = String::new();
    let mut failed = 0usize;
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let fails = run_case(path);
        if fails.is_empty() {
            continue;
        }
        failed += 1;
        let rule = std::fs::read_to_string(path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|c| c.get("rule").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(report, "\n{name}\n    rule: {rule}");
        for f in &fails {
            let _ = writeln!(report, "    - {f}");
        }
    }
    assert!(
        files.len() >= MIN_CASES,
        "only {} golden cases in {}; at least {MIN_CASES} are required",
        files.len(),
        cases_dir().display()
    );
    assert!(
        failed == 0,
        "{failed} of {} golden cases disagree with the library:\n{report}",
        files.len()
    );
    eprintln!("{} golden cases passed", files.len());
}
