//! Bad input (RULES §9, issue 5): never a panic, never a silent default.
//!
//! `tests/bad/*.json` holds one malformed document per file; the sidecar
//! `tests/bad/expectations.json` gives, for each, the error's kind and path
//! (see `tests/bad/README.md`). The documents too large to commit (a million
//! meetings, ten thousand nested arrays, a 1 MiB roster of absentees) are
//! generated here, and each is also held to a time bound.

// A test stops at its first surprise: unwrapping, panicking and indexing
// are how a test fails here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bontot::Error;
use bontot::json::{MAX_INPUT_BYTES, assess_json, error_to_json, parse_assessment};
use serde::Deserialize;

/// What one bad document must give.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    /// The error's kind (`Error::kind`), or `ok` for a document accepted on
    /// purpose (the lossy decoding of some non-UTF-8 bytes, a control case).
    kind: String,
    /// The error's path (`Error::path`); `null` for `ok`.
    path: Option<String>,
    /// Why the document is bad, for the reader.
    why: String,
    /// `false` for a document whose bytes are not UTF-8: the expectation is
    /// then about `assess_json` on its lossy decoding.
    #[serde(default = "yes")]
    utf8: bool,
}

fn yes() -> bool {
    true
}

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("bad")
}

fn expectations() -> BTreeMap<String, Expectation> {
    let text = std::fs::read_to_string(bad_dir().join("expectations.json"))
        .expect("tests/bad/expectations.json");
    serde_json::from_str(&text).expect("expectations.json is a map of file name to expectation")
}

/// Checks what every error must offer: a kind, a path, a message, and a
/// JSON form that carries both.
fn well_formed(e: &Error) {
    assert!(!e.kind().as_str().is_empty());
    assert!(!e.path().is_empty());
    assert!(!e.to_string().is_empty());
    let json: serde_json::Value = serde_json::from_str(&error_to_json(e)).expect("error JSON");
    assert_eq!(json["kind"], e.kind().as_str());
    assert_eq!(json["path"], e.path());
}

/// The outcome as `(kind, path)`, with `("ok", None)` for an assessment
/// (which must then parse back).
fn outcome(text: &str) -> (String, Option<String>) {
    match assess_json(text) {
        Ok(out) => {
            parse_assessment(&out).expect("an assessment parses back");
            ("ok".to_owned(), None)
        }
        Err(e) => {
            well_formed(&e);
            (e.kind().as_str().to_owned(), Some(e.path().to_owned()))
        }
    }
}

#[test]
fn every_bad_document_gives_its_expected_error() {
    let expected = expectations();
    let mut files: Vec<String> = std::fs::read_dir(bad_dir())
        .expect("tests/bad")
        .map(|e| e.expect("a directory entry").file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "expectations.json")
        .collect();
    files.sort();
    assert!(
        files.len() >= 40,
        "at least 40 bad documents, found {}",
        files.len()
    );

    let mut wrong = Vec::new();
    for name in &files {
        let Some(exp) = expected.get(name) else {
            wrong.push(format!("{name}: no expectation in expectations.json"));
            continue;
        };
        assert!(!exp.why.is_empty(), "{name}: say why the document is bad");
        let bytes = std::fs::read(bad_dir().join(name)).expect("a bad document");
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => {
                if !exp.utf8 {
                    wrong.push(format!("{name}: valid UTF-8 but marked `utf8: false`"));
                }
                text.to_owned()
            }
            Err(_) => {
                if exp.utf8 {
                    wrong.push(format!("{name}: not UTF-8; mark it `utf8: false`"));
                }
                String::from_utf8_lossy(&bytes).into_owned()
            }
        };
        let started = Instant::now();
        let got = outcome(&text);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{name} took {:?}",
            started.elapsed()
        );
        let want = (exp.kind.clone(), exp.path.clone());
        if got != want {
            wrong.push(format!("{name}: expected {want:?}, got {got:?}"));
        }
    }
    for name in expected.keys() {
        if !files.contains(name) {
            wrong.push(format!("{name}: an expectation without a document"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The reference record with `meetings` replaced by `meetings_json`.
fn with_meetings(meetings_json: &str) -> String {
    let reference = include_str!("../examples/cell-year-2024.json");
    let start = reference.find("\"meetings\": [").expect("meetings");
    let end = reference
        .find("\"year_end_rating\"")
        .expect("year_end_rating");
    format!(
        "{}\"meetings\": {meetings_json},\n  {}",
        &reference[..start],
        &reference[end..]
    )
}

fn timed<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?} (limit {limit:?})");
    out
}

#[test]
fn a_million_meetings_is_too_large_and_rejected_at_once() {
    let meeting = r#"{"date":"2024-02-26","kind":"thematic","minutes":100}"#;
    let mut list = String::with_capacity(meeting.len() * 1_000_001 + 2);
    list.push('[');
    for i in 0..1_000_000 {
        if i > 0 {
            list.push(',');
        }
        list.push_str(meeting);
    }
    list.push(']');
    let doc = with_meetings(&list);
    assert!(doc.len() > MAX_INPUT_BYTES);
    let e = timed("a million meetings", Duration::from_millis(100), || {
        assess_json(&doc).expect_err("too large")
    });
    assert_eq!((e.kind().as_str(), e.path()), ("too_large", "."));
    assert!(
        matches!(e, Error::TooLarge { size, limit } if size == doc.len() && limit == MAX_INPUT_BYTES)
    );
}

#[test]
fn one_byte_over_the_limit_is_too_large_and_the_limit_itself_is_read() {
    // Padding with whitespace keeps the record valid: at the limit it is
    // assessed, one byte over it is refused.
    let reference = include_str!("../examples/cell-year-2024.json");
    let mut doc = reference.to_owned();
    doc.push_str(&" ".repeat(MAX_INPUT_BYTES - reference.len()));
    assert_eq!(doc.len(), MAX_INPUT_BYTES);
    assert!(assess_json(&doc).is_ok());
    doc.push(' ');
    assert_eq!(
        assess_json(&doc).expect_err("too large").kind(),
        "too_large"
    );
}

#[test]
fn as_many_meetings_as_fit_under_the_limit_are_handled_quickly() {
    // About 20,000 thematic meetings, each rated good with an unsupported
    // rating (60 minutes): every one is a finding in the output.
    let meeting = r#"{"date":"2024-02-26","kind":"thematic","rating":"good","minutes":60}"#;
    let budget = MAX_INPUT_BYTES - 20_000;
    let n = budget / (meeting.len() + 1);
    let list = format!("[{}]", vec![meeting; n].join(","));
    let doc = with_meetings(&list);
    assert!(doc.len() <= MAX_INPUT_BYTES, "{}", doc.len());
    let out = timed("meetings under the limit", Duration::from_secs(5), || {
        assess_json(&doc).expect("a valid record")
    });
    let a = parse_assessment(&out).expect("parses back");
    let check = a.check(bontot::CheckId::RatingSupported).expect("assessed");
    assert_eq!(check.status, bontot::Status::Fail);
    assert_eq!(check.actual, Some(bontot::check::Quantity::Count(n as u64)));
}

#[test]
fn many_regular_meetings_in_one_month_fail_fast() {
    let meeting = r#"{"date":"2024-01-10","kind":"regular"}"#;
    let list = format!("[{}]", vec![meeting; 20_000].join(","));
    let doc = with_meetings(&list);
    let e = timed("regular meetings", Duration::from_secs(2), || {
        assess_json(&doc).expect_err("a second regular meeting")
    });
    assert_eq!(
        (e.kind().as_str(), e.path()),
        ("second_regular_meeting", "meetings[1]")
    );
}

#[test]
fn ten_thousand_nested_arrays_are_a_parse_error() {
    // No stack overflow: every place of the record has a type that refuses
    // an array or object it does not expect at the first bracket, and
    // serde_json stops any deeper reading at 128 levels. (The outer array is
    // refused at once: a record is read from a JSON object only.)
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let e = timed("nested arrays", Duration::from_secs(1), || {
        assess_json(&deep).expect_err("not a record")
    });
    assert_eq!((e.kind().as_str(), e.path()), ("parse", "."));

    // The same depth inside a field the record has, and unclosed.
    let reference = include_str!("../examples/cell-year-2024.json");
    let doc = reference.replacen(
        "\"members\": [",
        &format!("\"members\": [{}", "[".repeat(10_000)),
        1,
    );
    let e = assess_json(&doc).expect_err("not a roster");
    assert_eq!(e.kind().as_str(), "parse");
    // The member is refused at its first bracket: not an object.
    assert_eq!(e.path(), "members[0]");
    assert!(e.to_string().contains("expected struct Member"), "{e}");

    // A rate's figure refuses an array at its first bracket.
    let doc = reference.replacen(
        r#""rate": "61.25""#,
        &format!(r#""rate": {}1{}"#, "[".repeat(10_000), "]".repeat(10_000)),
        1,
    );
    let e = assess_json(&doc).expect_err("not a rate");
    assert_eq!(
        (e.kind().as_str(), e.path()),
        ("parse", "education.swimming.rate")
    );
    assert!(e.to_string().contains("invalid type: sequence"), "{e}");

    // Nested objects under an unknown key are refused at the key.
    let objects = format!(
        "{{\"plan\":\"binh-tan-2024\",\"x\":{}1{}}}",
        "{\"a\":".repeat(10_000),
        "}".repeat(10_000)
    );
    let e = assess_json(&objects).expect_err("not a record");
    assert_eq!((e.kind().as_str(), e.path()), ("parse", "x"));

    let e = assess_json(&"[".repeat(MAX_INPUT_BYTES)).expect_err("not a record");
    assert_eq!((e.kind().as_str(), e.path()), ("parse", "."));
}

#[test]
fn invalid_utf8_cannot_reach_assess_json_and_its_lossy_decoding_is_safe() {
    // In Rust a `&str` is UTF-8 by construction: bytes that are not fail
    // `std::str::from_utf8` before any call (the C and WebAssembly bindings
    // do this check and report it). What remains to test is that a lossy
    // decoding (U+FFFD for each bad sequence) is handled like any text.
    let reference = include_str!("../examples/cell-year-2024.json").as_bytes();
    let cases: [(&[u8], &[u8]); 4] = [
        (
            b"\"year_end_rating\": \"good\"",
            b"\"year_end_rating\": \"go\xffod\"",
        ),
        (
            b"\"plan\": \"binh-tan-2024\"",
            b"\"plan\": \"binh-tan-2024\xed\xa0\x80\"",
        ),
        (b"\"kind\": \"regular\"", b"\"kind\": \"regul\xe0\x80ar\""),
        (b"{", b"\xfe\xff{"),
    ];
    for (from, to) in cases {
        let mut bytes = Vec::new();
        let at = reference
            .windows(from.len())
            .position(|w| w == from)
            .expect("found");
        bytes.extend_from_slice(&reference[..at]);
        bytes.extend_from_slice(to);
        bytes.extend_from_slice(&reference[at + from.len()..]);
        assert!(std::str::from_utf8(&bytes).is_err());
        let lossy = String::from_utf8_lossy(&bytes);
        let e = assess_json(&lossy).expect_err("a replacement character is not a valid value");
        well_formed(&e);
        assert!(
            matches!(e.kind().as_str(), "parse" | "unknown_preset"),
            "{}: {e}",
            e.kind()
        );
    }
    // Every single byte value in the middle of the record: never a panic.
    for b in 0..=255u8 {
        let mut bytes = reference.to_vec();
        bytes[reference.len() / 2] = b;
        if let Err(e) = assess_json(&String::from_utf8_lossy(&bytes)) {
            well_formed(&e);
        }
    }
}

/// Base-36 ids, shortest first, so that the roster fits the limit.
fn short_id(mut n: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

/// A record of `members` members (a roster, or none) and as many meetings
/// as fit in [`MAX_INPUT_BYTES`], each rated good, lacking its minutes, and
/// listing `absent` absentees with leave: a window that moves by a few
/// members per meeting, so that leave runs build up, break and restart.
/// Returns the document and the number of meetings.
fn adversarial(members: usize, absent: usize, roster: bool) -> (String, usize) {
    let mut doc = String::with_capacity(MAX_INPUT_BYTES);
    doc.push_str(r#"{"plan":"binh-tan-2024","cell":{"year":2024},"#);
    if roster {
        doc.push_str(r#""members":["#);
        for i in 0..members {
            if i > 0 {
                doc.push(',');
            }
            doc.push_str(&format!(
                r#"{{"id":"{}","status":"official","role":"member"}}"#,
                short_id(i)
            ));
        }
        doc.push_str("],");
    }
    doc.push_str(r#""meetings":["#);
    let mut meetings = 0;
    loop {
        let j = meetings;
        let month = j % 12 + 1;
        let day = j / 12 % 28 + 1;
        let kind = if j < 12 { "regular" } else { "thematic" };
        let ids: Vec<String> = (0..absent)
            .map(|k| format!("\"{}\"", short_id((j * 3 + k) % members)))
            .collect();
        let meeting = format!(
            r#"{}{{"date":"2024-{month:02}-{day:02}","kind":"{kind}","rating":"good","attendance":{{"required":{},"present":{},"absent_with_leave":[{}],"absent_without_leave":[]}}}}"#,
            if j > 0 { "," } else { "" },
            members,
            members - absent,
            ids.join(",")
        );
        if doc.len() + meeting.len() + 2 > MAX_INPUT_BYTES {
            break;
        }
        doc.push_str(&meeting);
        meetings += 1;
    }
    doc.push_str("]}");
    (doc, meetings)
}

#[test]
fn a_megabyte_of_absentees_is_handled_in_bounded_time() {
    // Within 1 MiB: a roster of 10,000 members (ids of up to three
    // characters) leaves room for ~90,000 absentee references; without a
    // roster, ~170,000. Few members and many meetings stress the per-meeting
    // work instead.
    let shapes = [
        (10_000, 5_000, true),
        (10_000, 500, true),
        (2_000, 1_000, true),
        (200, 20, true),
        (31, 3, true),
        (20_000, 5_000, false),
        (100, 12, false),
        (31, 1, false),
    ];
    for (members, absent, roster) in shapes {
        let (doc, meetings) = adversarial(members, absent, roster);
        assert!(doc.len() <= MAX_INPUT_BYTES);
        let what = format!(
            "{members} members{}, {meetings} meetings × {absent} absentees",
            if roster { "" } else { " (no roster)" }
        );
        let started = Instant::now();
        let out = assess_json(&doc).unwrap_or_else(|e| panic!("{what}: {e}"));
        let assessed = started.elapsed();
        let a = parse_assessment(&out).expect("parses back");
        let parsed = started.elapsed() - assessed;
        let report = bontot::render(&a, bontot::Lang::Vi);
        let total = started.elapsed();
        eprintln!(
            "{what}: assessed in {assessed:?}, read back in {parsed:?}, rendered in {:?}; \
             {} bytes in, {} bytes out, report {} bytes",
            total - assessed - parsed,
            doc.len(),
            out.len(),
            report.len()
        );
        assert!(total < Duration::from_secs(5), "{what} took {total:?}");
    }
}

/// Messages in words a user knows (issue 14): the value and what was
/// expected, never a Rust type name; the error's JSON keeps the line and
/// column of a document that does not read.
#[test]
fn messages_show_the_value_and_what_was_expected() {
    let record = include_str!("../examples/cell-year-2024.json");
    let cases = [
        (
            record.replacen(r#""as_of": "2024-12-31""#, r#""as_of": "2024-02-30""#, 1),
            "cell.as_of",
            r#""2024-02-30" is not a date: expected a day of the calendar written YYYY-MM-DD, such as "2024-03-11""#,
        ),
        (
            record.replacen(r#""as_of": "2024-12-31""#, r#""as_of": "2024/03/11""#, 1),
            "cell.as_of",
            r#""2024/03/11" is not a date"#,
        ),
        (
            record.replacen(r#""admissions": 6"#, r#""admissions": "6""#, 1),
            "party.admissions",
            r#"invalid type: string "6", expected a whole number, 0 or more"#,
        ),
    ];
    for (json, path, words) in cases {
        assert_ne!(json, record, "the example changed");
        let e = bontot::json::assess_json(&json).unwrap_err();
        assert_eq!(e.path(), path);
        let message = e.to_string();
        assert!(message.contains(words), "{message}");
        assert!(
            !message.contains("u64") && !message.contains("out of range"),
            "{message}"
        );
        let wire: serde_json::Value =
            serde_json::from_str(&bontot::json::error_to_json(&e)).unwrap();
        assert!(wire["line"].as_u64().is_some_and(|l| l > 1), "{wire}");
        assert!(wire["column"].as_u64().is_some_and(|c| c > 0), "{wire}");
    }
    // On one line too.
    let e = bontot::json::assess_json(
        r#"{"plan": "binh-tan-2024", "cell": {"year": 2024, "as_of": "2024-13-01"}}"#,
    )
    .unwrap_err();
    assert!(
        e.to_string().contains(r#""2024-13-01" is not a date"#),
        "{e}"
    );
}
