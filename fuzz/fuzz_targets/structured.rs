//! `assess` on structured records: the reference record, mutated by knobs
//! that `arbitrary` draws from the fuzzer's bytes (counts and bases,
//! ratings, judgments, the roster, meetings with their minutes, attendance
//! and votes, dates as day offsets) and a plan whose targets and policy are
//! fuzzed too. Nothing here may panic.
//!
//! Beyond "no panic", each run checks invariants that hold for every input:
//! - an assessment prints as JSON that parses back to the same assessment,
//!   and renders in both languages;
//! - the verdict agrees with the checks (Kleene), and `missing` is empty
//!   exactly when no check is unknown;
//! - the JSON layer agrees with the typed API: the record printed as JSON
//!   (its plan inline) gives the same result through `assess_json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("structured_input.rs");

fn rank(s: Status) -> u8 {
    match s {
        Status::Fail => 0,
        Status::Unknown => 1,
        Status::Pass => 2,
    }
}

fuzz_target!(|input: Input| {
    let plan = build_plan(&input.plan);
    let record = build_record(&input, &plan);
    let typed = bontot::assess(&plan, &record);
    match &typed {
        Ok(a) => {
            // Kleene: the verdict is the conjunction of the checks.
            let all = a.checks.iter().map(|c| c.status).min_by_key(|s| rank(*s));
            let expected = match all {
                None | Some(Status::Pass) => Verdict::Achieved,
                Some(Status::Unknown) => Verdict::Incomplete,
                Some(Status::Fail) => Verdict::NotAchieved,
            };
            assert_eq!(a.verdict, expected, "the verdict disagrees with its checks");
            // `missing` is empty exactly when no check is unknown, among
            // assessments where nothing fails (a failing check may also list
            // the facts it could not see, RULES §10).
            let any_unknown = a.checks.iter().any(|c| c.status == Status::Unknown);
            let any_fail = a.checks.iter().any(|c| c.status == Status::Fail);
            if a.missing.is_empty() || !any_fail {
                assert_eq!(a.missing.is_empty(), !any_unknown, "missing vs unknown");
            }
            for c in &a.checks {
                assert_eq!(c.criterion, c.id.criterion());
                match c.status {
                    Status::Unknown => assert!(!c.missing.is_empty(), "{c:?}"),
                    Status::Pass => assert!(c.missing.is_empty(), "{c:?}"),
                    Status::Fail => assert!(c.gap.is_some(), "a failure without a gap: {c:?}"),
                }
                for m in &c.missing {
                    assert!(
                        a.missing.contains(m),
                        "{m} is not in the assessment's missing"
                    );
                }
            }
            let json = bontot::json::to_json(a);
            match bontot::json::parse_assessment(&json) {
                Ok(back) => assert_eq!(&back, a, "the assessment does not round-trip"),
                Err(e) => panic!("an assessment printed as JSON does not parse back: {e}"),
            }
            for lang in [bontot::Lang::Vi, bontot::Lang::En] {
                let _ = bontot::render(a, lang);
            }
        }
        Err(e) => {
            let _ = bontot::json::error_to_json(e);
        }
    }

    // The JSON layer agrees with the typed API.
    let Ok(json) = serde_json::to_string(&record) else {
        panic!("a record does not print as JSON");
    };
    match (bontot::json::assess_json(&json), &typed) {
        (Ok(out), Ok(a)) => assert_eq!(
            out,
            bontot::json::to_json(a),
            "JSON and typed results differ"
        ),
        (Err(e), _) if e.kind() == "too_large" => {}
        (Err(e), Err(t)) => assert_eq!(e.kind(), t.kind(), "{e} vs {t}"),
        (Err(e), Ok(_)) => panic!("the typed API accepts the record, assess_json says {e}"),
        (Ok(_), Err(t)) => panic!("assess_json accepts the record, the typed API says {t}"),
    }
});
