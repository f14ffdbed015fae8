//! An application that depends on bontot reads its own JSON as it would
//! without it: bontot turns on no serde or serde_json feature that changes
//! how other crates' types deserialize (issue 14).

use serde::Deserialize;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
enum Either {
    Num(f64),
    Text(String),
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "t")]
enum Tagged {
    A { x: f64 },
}

#[derive(Debug, PartialEq, Deserialize)]
struct Reading {
    value: serde_json::Value,
}

#[test]
fn untagged_enums_read_floats_beside_bontot() {
    let n: Either = serde_json::from_str("1.5").unwrap();
    assert_eq!(n, Either::Num(1.5));
    let t: Either = serde_json::from_str(r#""1.5""#).unwrap();
    assert_eq!(t, Either::Text("1.5".to_owned()));
}

#[test]
fn internally_tagged_enums_read_floats_beside_bontot() {
    let e: Tagged = serde_json::from_str(r#"{"t": "A", "x": 0.25}"#).unwrap();
    assert_eq!(e, Tagged::A { x: 0.25 });
}

#[test]
fn json_values_hold_numbers_as_numbers_beside_bontot() {
    let r: Reading = serde_json::from_str(r#"{"value": 61.25}"#).unwrap();
    assert_eq!(r.value.as_f64(), Some(61.25));
    assert!(r.value.is_f64());
}

#[test]
fn bontot_still_reads_decimals_from_their_digits() {
    // 54.999999999999999999 is 55.0 as a float; bontot reads the digits.
    let record = include_str!("../../../examples/cell-year-2024.json")
        .replace(r#""rate": "61.25""#, r#""rate": 54.999999999999999999"#);
    assert!(
        record.contains("54.999999999999999999"),
        "the example changed"
    );
    let a = bontot::assess_record(&bontot::json::parse_record(&record).unwrap()).unwrap();
    let swimming = a.check(bontot::CheckId::EduSwimming).unwrap();
    assert_eq!(swimming.status, bontot::Status::Fail);
}
