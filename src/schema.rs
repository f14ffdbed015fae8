//! JSON Schemas (draft 2020-12) of the wire, generated from the types
//! (feature `schema`).
//!
//! [`record`], [`plan`] and [`assessment`] are the schemas checked in as
//! `schema/record.schema.json`, `schema/plan.schema.json` and
//! `schema/assessment.schema.json` (the `schema-tests` crate keeps them in
//! sync). They follow the serde shapes exactly: every struct of a record
//! or a plan refuses unknown fields (`additionalProperties: false`), while
//! the assessment's objects are left open, as its reader ignores fields a
//! later version adds (and a quantity's or a gap's variants forbid each
//! other's fields, so exactly one matches); every enum lists its wire
//! values, counts are integers (`minimum: 0`), and every field carries its
//! doc comment as its `description`. The record and the plan are schemas
//! of what the library reads, the assessment of what it writes.
//!
//! Most types derive `JsonSchema`; the ones whose serde is written by hand
//! get their schema here, matching the wire: a
//! [`Rate`](crate::record::Rate), a [`Quantity`](crate::check::Quantity), a
//! [`Gap`](crate::check::Gap), a [`FactPath`](crate::check::FactPath) and a
//! [`PlanRef`](crate::plan::PlanRef); a decimal and a target that must be present
//! but may be `null` are schema-only types of the support floor
//! (`support/schema.rs`), which the model's fields name.
//!
//! This module is the top floor of the feature: it imports from the floors
//! below (model, rules, assessment) and nothing imports it.
//!
//! What a schema cannot say, the library still refuses: a count above its
//! base, a decimal of more than 28 digits, a count beyond `u64`, a date
//! that does not exist, duplicate keys, and every rule of RULES §9 that
//! compares two fields.
//!
//! ```
//! let schema = bontot::schema::record();
//! assert_eq!(schema.get("additionalProperties"), Some(&serde_json::json!(false)));
//! ```

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::Plan;
use crate::check::{Field, HeadField, MeetingField, MemberField};
use crate::record::YearRating;
use crate::support::schema::DecimalText;

/// The pattern of a decimal string: plain notation, the digits of a JSON
/// number (`"61.25"`, `"-0.5"`, `"0"`), no sign `+`, no exponent, no
/// leading zeros, no comma.
pub const DECIMAL_PATTERN: &str = crate::support::schema::DECIMAL_PATTERN;

/// The schema draft the schemas follow.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a record ([`CellYear`](crate::CellYear)), as
/// [`parse_record`](crate::json::parse_record) reads it.
pub fn record() -> Schema {
    root::<crate::CellYear>(
        SchemaSettings::draft2020_12().for_deserialize(),
        "A cell's year: the record `assess_json` and `parse_record` read.",
    )
}

/// The schema of a plan given inline ([`Plan`]), as a record's `plan`
/// reads it.
pub fn plan() -> Schema {
    root::<Plan>(
        SchemaSettings::draft2020_12().for_deserialize(),
        "A plan given inline: its targets and its policy.",
    )
}

/// The schema of an assessment ([`Assessment`](crate::Assessment)), as
/// [`to_json`](crate::json::to_json) and `assess_json` write it.
pub fn assessment() -> Schema {
    root::<crate::Assessment>(
        SchemaSettings::draft2020_12().for_serialize(),
        "An assessment: the verdict, and every check behind it, as data.",
    )
}

fn root<T: JsonSchema>(settings: SchemaSettings, comment: &str) -> Schema {
    let mut schema = settings.into_generator().into_root_schema_for::<T>();
    schema.insert(
        "$comment".to_owned(),
        format!(
            "{comment} Generated from the Rust types of bontot {} (feature `schema`); do not edit.",
            env!("CARGO_PKG_VERSION")
        )
        .into(),
    );
    schema
}

/// `{"type": "integer", "minimum": 0}` with a description.
fn count(description: &str) -> Schema {
    json_schema!({ "type": "integer", "format": "uint64", "minimum": 0, "description": description })
}

/// A closed object of `properties`, all of them required.
fn object(description: &str, properties: serde_json::Map<String, serde_json::Value>) -> Schema {
    let required: Vec<String> = properties.keys().cloned().collect();
    json_schema!({
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": false
    })
}

/// A variant of an output object that a reader keeps open: unknown fields
/// are allowed (a later version may add some; `parse_assessment` ignores
/// them), while the other variants' fields (`others`) are forbidden, so
/// exactly one variant matches.
fn open_variant(
    description: &str,
    properties: serde_json::Map<String, serde_json::Value>,
    others: &[&str],
) -> Schema {
    let required: Vec<String> = properties.keys().cloned().collect();
    let mut all = properties;
    for key in others {
        if !all.contains_key(*key) {
            all.insert((*key).to_owned(), serde_json::Value::Bool(false));
        }
    }
    json_schema!({
        "type": "object",
        "description": description,
        "properties": all,
        "required": required
    })
}

fn props<const N: usize>(
    entries: [(&str, Schema); N],
) -> serde_json::Map<String, serde_json::Value> {
    entries
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_value()))
        .collect()
}

fn one_of(description: &str, variants: Vec<Schema>) -> Schema {
    let variants: Vec<serde_json::Value> = variants.into_iter().map(Schema::to_value).collect();
    json_schema!({ "description": description, "oneOf": variants })
}

impl JsonSchema for crate::record::Rate {
    fn schema_name() -> Cow<'static, str> {
        "Rate".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut decimal = generator.subschema_for::<DecimalText>();
        decimal.insert(
            "description".to_owned(),
            "The figure in percent, 0–100.".into(),
        );
        one_of(
            "A rate as the record gives it: counts (`{\"count\": 4, \"of\": 520}`), or a published figure in percent (`{\"rate\": \"0.77\"}`). `count > of`, `of == 0` and a figure outside 0–100 are errors.",
            vec![
                object(
                    "`count` of `of`; the base is never zero and never below the count.",
                    props([
                        (
                            "count",
                            count("The numerator (dropouts, promoted students, …)."),
                        ),
                        ("of", count("The base (students enrolled, …).")),
                    ]),
                ),
                object(
                    "A figure in percent, 0–100 (`0.77` is 0.77 %).",
                    props([("rate", decimal)]),
                ),
            ],
        )
    }
}

/// The fields of a quantity on the wire.
const QUANTITY_KEYS: &[&str] = &["count", "of", "rate", "rating", "judgment"];

impl JsonSchema for crate::check::Quantity {
    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut decimal = generator.subschema_for::<DecimalText>();
        decimal.insert("description".to_owned(), "The rate in percent.".into());
        let mut rating = generator.subschema_for::<YearRating>();
        rating.insert("description".to_owned(), "The rating.".into());
        one_of(
            "A value a check compares: what the record gave, or what the plan asks. A reader ignores fields it does not know.",
            vec![
                open_variant(
                    "A rate given as counts: `count` of `of`.",
                    props([
                        ("count", count("The numerator.")),
                        ("of", count("The base.")),
                    ]),
                    QUANTITY_KEYS,
                ),
                open_variant(
                    "A rate in percent (`0.8` is 0.8 %).",
                    props([("rate", decimal)]),
                    QUANTITY_KEYS,
                ),
                open_variant(
                    "A whole number: admissions, members, meetings, months.",
                    props([("count", count("The number."))]),
                    QUANTITY_KEYS,
                ),
                open_variant(
                    "A year-end rating.",
                    props([("rating", rating)]),
                    QUANTITY_KEYS,
                ),
                open_variant(
                    "A yes/no judgment voted by the cell.",
                    props([(
                        "judgment",
                        json_schema!({ "type": "boolean", "description": "The judgment." }),
                    )]),
                    QUANTITY_KEYS,
                ),
            ],
        )
    }
}

/// The fields of a gap on the wire.
const GAP_KEYS: &[&str] = &[
    "needed",
    "change",
    "points",
    "strict",
    "rating",
    "judgment",
    "reachable",
];

impl JsonSchema for crate::check::Gap {
    fn schema_name() -> Cow<'static, str> {
        "Gap".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut points = generator.subschema_for::<DecimalText>();
        points.insert(
            "description".to_owned(),
            "`threshold - actual`, in percentage points.".into(),
        );
        let mut rating = generator.subschema_for::<YearRating>();
        rating.insert(
            "description".to_owned(),
            "The lowest rating that passes.".into(),
        );
        one_of(
            "What would have to change for a failed check to pass, in the unit the cell controls (RULES §6). A reader ignores fields it does not know.",
            vec![
                open_variant(
                    "The nearest passing count (base held fixed) and the signed change to it.",
                    props([
                        (
                            "needed",
                            count("The passing count nearest to the actual one."),
                        ),
                        (
                            "change",
                            json_schema!({ "type": "integer", "description": "`needed - actual`: negative means \"fewer\"." }),
                        ),
                    ]),
                    GAP_KEYS,
                ),
                open_variant(
                    "A rate given as a figure: the signed distance in percentage points to the threshold. With `strict`, the rate must move strictly beyond it.",
                    props([
                        ("points", points),
                        (
                            "strict",
                            json_schema!({ "type": "boolean", "description": "Whether reaching the threshold exactly is still a failure." }),
                        ),
                    ]),
                    GAP_KEYS,
                ),
                open_variant(
                    "The rating needed (the lowest that passes).",
                    props([("rating", rating)]),
                    GAP_KEYS,
                ),
                open_variant(
                    "A judgment that must become `true`.",
                    props([(
                        "judgment",
                        json_schema!({ "const": true, "description": "Always `true`." }),
                    )]),
                    GAP_KEYS,
                ),
                open_variant(
                    "No value within the base can pass (a target above 100 %, say).",
                    props([(
                        "reachable",
                        json_schema!({ "const": false, "description": "Always `false`." }),
                    )]),
                    GAP_KEYS,
                ),
            ],
        )
    }
}

impl JsonSchema for crate::check::FactPath {
    fn schema_name() -> Cow<'static, str> {
        "FactPath".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        fn alternatives<T: Copy + core::fmt::Display>(all: &[T]) -> String {
            all.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("|")
        }
        let fields: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
        let indexed = |list: &str, names: String| format!(r"^{list}\[[0-9]+\]\.({names})$");
        json_schema!({
            "description": "Where a fact lives in a record, as a JSON path (`education.swimming`, `meetings[3].minutes`).",
            "type": "string",
            "anyOf": [
                { "enum": fields },
                { "pattern": indexed("members", alternatives(MemberField::ALL)) },
                { "pattern": indexed("meetings", alternatives(MeetingField::ALL)) },
                { "pattern": indexed(r"party\.heads", alternatives(HeadField::ALL)) }
            ]
        })
    }
}

impl JsonSchema for crate::plan::PlanRef {
    fn schema_name() -> Cow<'static, str> {
        "PlanRef".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let plan = generator.subschema_for::<Plan>();
        json_schema!({
            "description": "A record's `plan`: a preset's id, or a whole plan inline.",
            "anyOf": [
                { "description": "A preset by id (`\"binh-tan-2024\"`).", "type": "string", "enum": [Plan::BINH_TAN_2024] },
                plan
            ]
        })
    }
}
