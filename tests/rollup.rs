//! The committee's roll-up (issue 15) over the golden cases: it equals the
//! per-record assessments counted by hand, and merging is associative and
//! commutative (property-tested: split the batch anywhere, merge the parts
//! in any order, the same roll-up).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use bontot::check::CheckId;
use bontot::json::{assess_json, parse_assessment, rollup_ndjson, rollup_to_json};
use bontot::rollup::Rollup;
use bontot::{Assessment, Status, Verdict};
use proptest::prelude::*;

/// Every golden case's input, one record per line, as the cases write them.
fn golden_lines() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            #[derive(serde::Deserialize)]
            struct Raw {
                input: Box<serde_json::value::RawValue>,
            }
            let text = std::fs::read_to_string(p).unwrap();
            let raw: Raw = serde_json::from_str(&text).unwrap();
            let input = raw.input.get();
            // A case may give its input as a JSON string of the record.
            match serde_json::from_str::<String>(input) {
                Ok(s) => s,
                Err(_) => input.to_owned(),
            }
            .replace('\n', " ")
        })
        .collect()
}

fn assessed(lines: &[String]) -> Vec<(u64, Result<Assessment, bontot::Error>)> {
    (1u64..)
        .zip(lines)
        .map(|(i, l)| (i, assess_json(l).and_then(|j| parse_assessment(&j))))
        .collect()
}

fn rollup_of(items: &[(u64, Result<Assessment, bontot::Error>)]) -> Rollup {
    let mut r = Rollup::new();
    for (line, result) in items {
        match result {
            Ok(a) => r.add(*line, None, a),
            Err(e) => r.add_error(*line, e),
        }
    }
    r
}

#[test]
fn rollup_equals_the_assessments_counted_by_hand() {
    let lines = golden_lines();
    let items = assessed(&lines);
    let rollup = rollup_of(&items);
    let ok: Vec<&Assessment> = items.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    let bad = items.iter().filter(|(_, r)| r.is_err()).count();
    assert!(
        ok.len() > 100 && bad > 10,
        "{} assessed, {bad} errors",
        ok.len()
    );

    assert_eq!(rollup.cells(), ok.len() as u64);
    assert_eq!(rollup.errors().len(), bad);
    for v in [Verdict::Achieved, Verdict::NotAchieved, Verdict::Incomplete] {
        let n = ok.iter().filter(|a| a.verdict == v).count() as u64;
        assert_eq!(rollup.verdicts(v), n, "{v}");
    }
    for count in rollup.checks() {
        let with = |s: Status| {
            ok.iter()
                .filter(|a| a.check(count.id).is_some_and(|c| c.status == s))
                .count() as u64
        };
        assert_eq!(count.fail, with(Status::Fail), "{}", count.id);
        assert_eq!(count.unknown, with(Status::Unknown), "{}", count.id);
    }
    // The admission target is ranked once for a cell that fails it twice.
    let twice = ok
        .iter()
        .filter(|a| {
            [CheckId::PartyAdmissions, CheckId::MemberDevelopment]
                .iter()
                .any(|&id| a.check(id).is_some_and(|c| c.status == Status::Fail))
        })
        .count() as u64;
    let ranked = rollup.most_failed();
    assert!(
        ranked
            .iter()
            .all(|&(id, _)| id != CheckId::MemberDevelopment)
    );
    let admissions = ranked
        .iter()
        .find(|&&(id, _)| id == CheckId::PartyAdmissions);
    assert_eq!(admissions.map(|&(_, n)| n).unwrap_or(0), twice);
    assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1));
    // Outcomes and errors keep the batch's order.
    let places: Vec<u64> = rollup.outcomes().iter().map(|o| o.line).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn ndjson_lines_are_counted_from_one_and_bad_lines_do_not_stop_the_batch() {
    let lines = golden_lines();
    let mut text = String::new();
    for l in lines.iter().take(20) {
        text.push_str(l);
        text.push('\n');
        // A blank line after each: skipped, but counted.
        text.push('\n');
    }
    text.push_str("not json\n");
    let rollup = rollup_ndjson(&text);
    let items = assessed(&lines[..20]);
    let expected = rollup_of(&items);
    assert_eq!(rollup.cells(), expected.cells());
    let error_lines: Vec<u64> = rollup.errors().iter().map(|e| e.line).collect();
    let mut wanted: Vec<u64> = expected.errors().iter().map(|e| 2 * e.line - 1).collect();
    wanted.push(41);
    assert_eq!(error_lines, wanted);
    let json: serde_json::Value = serde_json::from_str(&rollup_to_json(&rollup)).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["cells"], rollup.cells());
    assert_eq!(
        json["errors"][json["errors"].as_array().unwrap().len() - 1]["line"],
        41
    );
    assert_eq!(
        json["results"].as_array().unwrap().len() as u64,
        rollup.cells()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn rollup_merge_is_associative_and_commutative(
        a in 0usize..=1000,
        b in 0usize..=1000,
    ) {
        static ITEMS: std::sync::OnceLock<Vec<(u64, Result<Assessment, bontot::Error>)>> =
            std::sync::OnceLock::new();
        let items = ITEMS.get_or_init(|| assessed(&golden_lines()));
        let n = items.len();
        let (i, j) = ((a * n / 1000).min(b * n / 1000), (a * n / 1000).max(b * n / 1000));
        let whole = rollup_of(items);
        let (x, y, z) = (rollup_of(&items[..i]), rollup_of(&items[i..j]), rollup_of(&items[j..]));
        // (x + y) + z
        let mut left = x.clone();
        left.merge(y.clone());
        left.merge(z.clone());
        // z + (y + x)
        let mut inner = y;
        inner.merge(x);
        let mut right = z;
        right.merge(inner);
        prop_assert_eq!(&left, &whole);
        prop_assert_eq!(&right, &whole);
    }
}
