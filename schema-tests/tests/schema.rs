//! The JSON Schemas of `schema/` against the types and the wire:
//!
//! - `schema/{record,plan,assessment}.schema.json` are what
//!   `bontot::schema` generates (regenerate them with
//!   `BONTOT_BLESS=1 cargo test -p bontot-schema-tests --test schema`);
//! - each is a valid draft 2020-12 schema;
//! - every example, every golden input and every golden output (the
//!   assessment of each golden input, and of each example) validates;
//! - each bad document a schema can express (an unknown field, a bad enum
//!   value, `"4"` for a count, `"61,5"` for a decimal, …) is refused by the
//!   schema and by the library alike, and of the malformed corpus in
//!   `tests/bad/` the schema refuses all but the documents listed in
//!   [`BEYOND_A_SCHEMA`], which only the library can refuse.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The schemas by file stem, as generated.
fn generated() -> [(&'static str, Value); 3] {
    [
        ("record", bontot::schema::record().to_value()),
        ("plan", bontot::schema::plan().to_value()),
        ("assessment", bontot::schema::assessment().to_value()),
    ]
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A validator of the checked-in schema `name`, formats (dates) checked.
fn validator(name: &str) -> jsonschema::Validator {
    let schema = read_json(&repo().join(format!("schema/{name}.schema.json")));
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("schema/{name}.schema.json: {e}"))
}

/// The schema's errors for `doc`, as "path: message" lines.
fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors = errors(v, doc);
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n  {}",
        errors.join("\n  ")
    );
}

// ---- in sync --------------------------------------------------------------------------

#[test]
fn the_checked_in_schemas_are_the_generated_ones() {
    let bless = std::env::var_os("BONTOT_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, schema) in generated() {
        let path = repo().join(format!("schema/{name}.schema.json"));
        let want = pretty(&schema);
        if bless {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &want).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            stale.push(format!("schema/{name}.schema.json"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} differ from what the Rust types generate; regenerate them with:\n  \
         BONTOT_BLESS=1 cargo test -p bontot-schema-tests --test schema\n\
         and commit the result, with the TypeScript types they give (node bindings/wasm/js/gen-types.mjs)",
        stale.join(", ")
    );
}

#[test]
fn each_schema_is_a_valid_draft_2020_12_schema() {
    for (name, schema) in generated() {
        assert_eq!(schema["$schema"], json!(bontot::schema::DRAFT), "{name}");
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{name}: {e}");
        }
        // Inputs refuse unknown fields; the assessment's reader ignores
        // them (an assessment of a later version that adds fields reads).
        let closed = name != "assessment";
        assert_eq!(
            schema["additionalProperties"] == json!(false),
            closed,
            "{name}"
        );
    }
}

/// Every property of every object schema has a description; every object
/// of an input (record, plan) refuses unknown fields, and no object of the
/// assessment does.
#[test]
fn every_field_is_described_and_every_object_closed() {
    fn walk(node: &Value, at: &str, closed: bool, missing: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    // An externally tagged enum's variant is one key: closed
                    // in either direction.
                    let one_key =
                        props.len() == 1 && map.get("additionalProperties") == Some(&json!(false));
                    if !one_key
                        && (map.get("additionalProperties") == Some(&json!(false))) != closed
                    {
                        missing.push(format!(
                            "{at}: additionalProperties is not {}",
                            if closed { "false" } else { "left open" }
                        ));
                    }
                    // An externally tagged enum's variant, `{"published": {…}}`:
                    // the variant's description is the object's.
                    let tagged = props.len() == 1 && map.contains_key("description");
                    for (key, prop) in props {
                        // `false`: a field another variant has, forbidden here.
                        if prop == &json!(false) {
                            continue;
                        }
                        if !tagged
                            && prop
                                .get("description")
                                .and_then(Value::as_str)
                                .is_none_or(str::is_empty)
                        {
                            missing.push(format!("{at}.properties.{key}: no description"));
                        }
                    }
                }
                for (key, child) in map {
                    walk(child, &format!("{at}/{key}"), closed, missing);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), closed, missing);
                }
            }
            _ => {}
        }
    }
    for (name, schema) in generated() {
        let mut missing = Vec::new();
        walk(&schema, name, name != "assessment", &mut missing);
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}

#[test]
fn decimals_are_strings_with_a_pattern_and_counts_integers() {
    let record = bontot::schema::record().to_value();
    let decimal = &record["$defs"]["Decimal"];
    assert_eq!(decimal["anyOf"][0]["type"], json!("string"));
    assert_eq!(
        decimal["anyOf"][0]["pattern"],
        json!(bontot::schema::DECIMAL_PATTERN)
    );
    let admissions = &record["$defs"]["Party"]["properties"]["admissions"];
    assert!(
        admissions.to_string().contains(r#""minimum":0"#),
        "{admissions}"
    );
    let assessment = bontot::schema::assessment().to_value();
    assert_eq!(
        assessment["$defs"]["Decimal"]["type"],
        json!("string"),
        "the assessment writes decimals as strings"
    );
}

// ---- valid documents ------------------------------------------------------------------

fn example_files(prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(".json")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples/{prefix}*.json");
    files
}

#[test]
fn every_example_and_its_assessment_validate() {
    let (record, plan, assessment) = (
        validator("record"),
        validator("plan"),
        validator("assessment"),
    );
    for file in example_files("cell-year") {
        let text = fs::read_to_string(&file).unwrap();
        assert_valid(
            &record,
            &serde_json::from_str(&text).unwrap(),
            &file.display().to_string(),
        );
        let out = bontot::json::assess_json(&text).unwrap();
        assert_valid(
            &assessment,
            &serde_json::from_str(&out).unwrap(),
            &format!("the assessment of {}", file.display()),
        );
    }
    for file in example_files("plan-") {
        assert_valid(&plan, &read_json(&file), &file.display().to_string());
    }
}

/// The golden cases: (file name, input text, input as JSON if it parses,
/// expected error kind).
fn golden_cases() -> Vec<(String, String, Option<Value>, Option<String>)> {
    let dir = repo().join("tests/cases");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
        .into_iter()
        .map(|file| {
            #[derive(serde::Deserialize)]
            struct Case<'a> {
                #[serde(borrow)]
                input: &'a serde_json::value::RawValue,
                expect: Value,
            }
            let text = fs::read_to_string(&file).unwrap();
            let case: Case<'_> =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            // The input byte for byte: a JSON string holds the document as
            // text, anything else is the document itself.
            let raw = case.input.get();
            let input = if raw.starts_with('"') {
                serde_json::from_str::<String>(raw).unwrap()
            } else {
                raw.to_owned()
            };
            let doc = serde_json::from_str(&input).ok();
            let kind = case.expect["error"]["kind"].as_str().map(str::to_owned);
            (
                file.file_name().unwrap().to_string_lossy().into_owned(),
                input,
                doc,
                kind,
            )
        })
        .collect()
}

#[test]
fn every_golden_input_and_output_validates() {
    let (record, assessment) = (validator("record"), validator("assessment"));
    let mut assessed = 0;
    for (name, text, doc, kind) in golden_cases() {
        if kind.is_some() {
            continue;
        }
        assert_valid(&record, doc.as_ref().unwrap(), &name);
        let out = bontot::json::assess_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_valid(
            &assessment,
            &serde_json::from_str(&out).unwrap(),
            &format!("the assessment of {name}"),
        );
        assessed += 1;
    }
    assert!(assessed > 20, "only {assessed} golden cases assessed");
}

/// A golden case the library rejects is rejected by the schema too, unless
/// it breaks a rule a schema cannot state (a kind other than `parse`, or a
/// parse error listed in [`BEYOND_A_SCHEMA`]).
#[test]
fn golden_parse_errors_are_refused_by_the_schema() {
    let record = validator("record");
    let mut accepted = Vec::new();
    for (name, _, doc, kind) in golden_cases() {
        let (Some(doc), Some("parse")) = (doc, kind.as_deref()) else {
            continue;
        };
        if record.is_valid(&doc) && !BEYOND_A_SCHEMA.iter().any(|(f, _)| *f == name) {
            accepted.push(name);
        }
    }
    assert!(
        accepted.is_empty(),
        "the record schema accepts golden parse errors: {accepted:?}"
    );
}

// ---- bad documents --------------------------------------------------------------------

fn reference() -> Value {
    read_json(&repo().join("examples/cell-year-2024.json"))
}

/// The reference record with `edit` applied.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = reference();
    edit(&mut doc);
    doc
}

#[test]
fn the_reference_record_is_valid_to_begin_with() {
    assert_valid(
        &validator("record"),
        &reference(),
        "examples/cell-year-2024.json",
    );
}

#[test]
fn bad_documents_are_refused_by_the_schema_and_the_library() {
    let record = validator("record");
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "an unknown field",
            edited(|d| d["colour"] = json!("red")),
            "colour",
        ),
        (
            "an unknown field in a meeting",
            edited(|d| d["meetings"][0]["colour"] = json!(1)),
            "meetings[0].colour",
        ),
        (
            "an unknown field in a rate",
            edited(|d| d["education"]["dropout"]["percent"] = json!(1)),
            "education.dropout",
        ),
        (
            "a bad enum value (rating)",
            edited(|d| d["meetings"][0]["rating"] = json!("excellent")),
            "meetings[0].rating",
        ),
        (
            "a bad enum value (kind)",
            edited(|d| d["meetings"][0]["kind"] = json!("weekly")),
            "meetings[0].kind",
        ),
        (
            "a bad enum value (status)",
            edited(|d| d["members"][0]["status"] = json!("honorary")),
            "members[0].status",
        ),
        (
            "a Vietnamese enum value",
            edited(|d| d["year_end_rating"] = json!("Tốt")),
            "year_end_rating",
        ),
        (
            "\"4\" for a count",
            edited(|d| d["party"]["admissions"] = json!("4")),
            "party.admissions",
        ),
        (
            "\"9\" for a rate's count",
            edited(|d| d["education"]["dropout"]["count"] = json!("9")),
            "education.dropout",
        ),
        (
            "a negative count",
            edited(|d| d["party"]["admissions"] = json!(-1)),
            "party.admissions",
        ),
        (
            "a fractional count",
            edited(|d| d["party"]["admissions"] = json!(4.5)),
            "party.admissions",
        ),
        (
            "\"61,5\" for a decimal",
            edited(|d| d["education"]["swimming"]["rate"] = json!("61,5")),
            "education.swimming",
        ),
        (
            "\"+61.25\" for a decimal",
            edited(|d| d["education"]["swimming"]["rate"] = json!("+61.25")),
            "education.swimming",
        ),
        (
            "\".5\" for a decimal",
            edited(|d| d["education"]["swimming"]["rate"] = json!(".5")),
            "education.swimming",
        ),
        (
            "\"6.125e1\" for a decimal",
            edited(|d| d["education"]["swimming"]["rate"] = json!("6.125e1")),
            "education.swimming",
        ),
        (
            "a rate with counts and a figure",
            edited(|d| d["education"]["dropout"]["rate"] = json!("0.5")),
            "education.dropout",
        ),
        (
            "a rate without its base",
            edited(|d| d["education"]["dropout"] = json!({"count": 9})),
            "education.dropout",
        ),
        (
            "a year as a string",
            edited(|d| d["cell"]["year"] = json!("2024")),
            "cell.year",
        ),
        (
            "no cell",
            edited(|d| drop(d.as_object_mut().unwrap().remove("cell"))),
            "cell",
        ),
        (
            "no plan",
            edited(|d| drop(d.as_object_mut().unwrap().remove("plan"))),
            "plan",
        ),
        (
            "a plan of another type",
            edited(|d| d["plan"] = json!(2024)),
            "plan",
        ),
        (
            "meetings as an object",
            edited(|d| d["meetings"] = json!({})),
            "meetings",
        ),
        (
            "a date in Vietnamese format",
            edited(|d| d["cell"]["as_of"] = json!("31/12/2024")),
            "cell.as_of",
        ),
        (
            "a day that does not exist",
            edited(|d| d["cell"]["as_of"] = json!("2024-02-30")),
            "cell.as_of",
        ),
        (
            "a struct as an array",
            edited(|d| d["meetings"][0]["attendance"] = json!([30, 30, [], []])),
            "meetings[0].attendance",
        ),
        (
            "an inline plan without a target key",
            edited(|d| {
                let mut plan = read_json(&repo().join("examples/plan-binh-tan-2024.json"));
                plan["targets"]
                    .as_object_mut()
                    .unwrap()
                    .remove("edu.swimming");
                d["plan"] = plan;
            }),
            "plan.targets.edu.swimming",
        ),
        (
            "an inline plan with a bad comparator",
            edited(|d| {
                let mut plan = read_json(&repo().join("examples/plan-binh-tan-2024.json"));
                plan["targets"]["edu.dropout"]["comparator"] = json!("under");
                d["plan"] = plan;
            }),
            "plan.targets.edu.dropout.comparator",
        ),
    ];
    for (what, doc, path) in cases {
        assert!(!record.is_valid(&doc), "the schema accepts {what}");
        let err = bontot::json::assess_json(&doc.to_string()).expect_err(what);
        assert_eq!(err.kind(), "parse", "{what}: {err}");
        assert!(
            err.path().starts_with(path),
            "{what}: the library's path {} (want {path}): {err}",
            err.path()
        );
    }
}

#[test]
fn an_unknown_preset_is_refused_by_both_and_each_listed_preset_is_known() {
    let record = validator("record");
    let doc = edited(|d| d["plan"] = json!("binh-tan-2025"));
    assert!(!record.is_valid(&doc));
    assert_eq!(
        bontot::json::assess_json(&doc.to_string())
            .unwrap_err()
            .kind(),
        "unknown_preset"
    );
    let schema = read_json(&repo().join("schema/record.schema.json"));
    for id in schema["$defs"]["PlanRef"]["anyOf"][0]["enum"]
        .as_array()
        .unwrap()
    {
        assert!(bontot::Plan::preset(id.as_str().unwrap()).is_some(), "{id}");
    }
}

#[test]
fn bad_assessments_are_refused_by_the_schema_and_the_library() {
    let assessment = validator("assessment");
    let text = bontot::json::assess_json(
        &fs::read_to_string(repo().join("examples/cell-year-failing.json")).unwrap(),
    )
    .unwrap();
    let good: Value = serde_json::from_str(&text).unwrap();
    assert_valid(&assessment, &good, "the failing example's assessment");
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut doc = good.clone();
        f(&mut doc);
        doc
    };
    let cases: Vec<(&str, Value)> = vec![
        ("a bad verdict", edit(&|d| d["verdict"] = json!("passed"))),
        (
            "a bad check id",
            edit(&|d| d["checks"][0]["id"] = json!("edu.nothing")),
        ),
        (
            "a bad status",
            edit(&|d| d["checks"][0]["status"] = json!("ok")),
        ),
        (
            "\"5\" for a count",
            edit(&|d| d["checks"][0]["gap"]["needed"] = json!("5")),
        ),
        (
            "\"61,5\" for a decimal",
            edit(&|d| d["checks"][1]["actual"]["rate"] = json!("54,5")),
        ),
        (
            "a gap of two kinds",
            edit(&|d| d["checks"][0]["gap"]["rating"] = json!("good")),
        ),
        (
            "three process findings",
            edit(&|d| drop(d["process"].as_array_mut().unwrap().pop())),
        ),
        (
            "a bad missing path",
            edit(&|d| d["missing"] = json!(["education.nowhere"])),
        ),
    ];
    for (what, doc) in cases {
        assert!(!assessment.is_valid(&doc), "the schema accepts {what}");
        assert!(
            bontot::json::parse_assessment(&doc.to_string()).is_err(),
            "the library accepts {what}"
        );
    }
}

#[test]
fn an_assessment_with_a_field_of_a_later_version_reads_in_both() {
    let text = bontot::json::assess_json(
        &fs::read_to_string(repo().join("examples/cell-year-2024.json")).unwrap(),
    )
    .unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["added_later"] = json!(1);
    doc["checks"][0]["added_later"] = json!({"x": 1});
    assert_valid(
        &validator("assessment"),
        &doc,
        "an assessment with unknown fields",
    );
    assert!(bontot::json::parse_assessment(&doc.to_string()).is_ok());
}

/// The documents of `tests/bad/` and `tests/cases/` that the library
/// refuses as `parse` errors and a JSON Schema cannot: the schema accepts
/// each of them.
const BEYOND_A_SCHEMA: &[(&str, &str)] = &[
    // A validator sees the parsed value: the last of two equal keys.
    ("duplicate_key_in_cell.json", "a key given twice"),
    ("duplicate_key_in_rate.json", "a key given twice"),
    ("duplicate_key_top_level.json", "a key given twice"),
    // JSON Schema's `integer` is a mathematical integer: 4.0 and 4e1 are
    // integers to it; the library reads counts as JSON integers only.
    ("213_error_count_as_float.json", "a count written 4.0"),
    ("233_error_base_as_float.json", "a base written 520.0"),
    (
        "number_count_exponent.json",
        "a count written with an exponent",
    ),
    (
        "number_count_float.json",
        "a count written with a fraction of zero",
    ),
    // The ranges of the Rust integers and of chrono's dates.
    ("number_admissions_beyond_u64.json", "a count beyond u64"),
    ("number_count_beyond_u64.json", "a count beyond u64"),
    ("number_minutes_beyond_u32.json", "minutes beyond u32"),
    (
        "plan_inline_year_beyond_chrono.json",
        "a year beyond chrono's dates",
    ),
    // A decimal holds at most 28 digits; a pattern could count them, but
    // not the digits of a JSON number.
    (
        "number_rate_31_digits_as_number.json",
        "a rate of 31 digits",
    ),
    (
        "number_rate_31_digits_rounding_to_the_target.json",
        "a rate of 31 digits",
    ),
    ("number_rate_40_digits.json", "a rate of 40 digits"),
    (
        "number_rate_40_digits_as_number.json",
        "a rate of 40 digits",
    ),
    (
        "number_rate_scale_beyond_28.json",
        "a rate of more than 28 decimals",
    ),
    (
        "plan_inline_threshold_rounding_to_16_decimals.json",
        "a threshold of more digits than a decimal holds",
    ),
];

/// `tests/bad/`: every document with its expected kind (`ok` for a
/// control document the library accepts).
#[test]
fn the_malformed_corpus_is_refused_by_the_schema_but_for_what_only_the_library_sees() {
    let record = validator("record");
    let dir = repo().join("tests/bad");
    let expectations = read_json(&dir.join("expectations.json"));
    let mut accepted = BTreeSet::new();
    let mut total = 0;
    for (name, expected) in expectations.as_object().unwrap() {
        let kind = expected["kind"].as_str().unwrap();
        total += 1;
        // Bytes that are not UTF-8, or not JSON at all, are refused before
        // any schema applies.
        let Ok(text) = String::from_utf8(fs::read(dir.join(name)).unwrap()) else {
            continue;
        };
        let result = bontot::json::assess_json(&text);
        let Ok(doc) = serde_json::from_str::<Value>(&text) else {
            assert!(result.is_err(), "{name}");
            continue;
        };
        if kind == "ok" {
            assert!(result.is_ok(), "{name}: {result:?}");
            assert_valid(&record, &doc, &format!("tests/bad/{name}"));
            continue;
        }
        assert_eq!(
            result.as_ref().err().map(|e| e.kind().as_str()),
            Some(kind),
            "tests/bad/{name}"
        );
        if kind == "parse" && record.is_valid(&doc) {
            accepted.insert(name.clone());
        }
    }
    assert!(total > 50, "only {total} documents in tests/bad");
    let listed: BTreeSet<String> = BEYOND_A_SCHEMA
        .iter()
        .map(|(f, _)| (*f).to_owned())
        .collect();
    let golden: BTreeSet<String> = golden_cases().into_iter().map(|(n, ..)| n).collect();
    let listed_bad: BTreeSet<String> = listed.difference(&golden).cloned().collect();
    assert_eq!(
        accepted, listed_bad,
        "the parse errors of tests/bad/ the schema accepts are not the ones BEYOND_A_SCHEMA lists"
    );
}
