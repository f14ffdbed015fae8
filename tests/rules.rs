//! One test per rule of RULES.md, named after it, on the typed API.
//!
//! Each starts from the reference record (which is `achieved`) and changes
//! one fact, with the expected result worked out by hand in the comment.

// A test stops at its first surprise: unwrapping, panicking and indexing
// are how a test fails here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use bontot::check::{CriterionId, Detail, FactPath, Gap, Quantity, Trend};
use bontot::json::parse_record;
use bontot::record::{MeetingRating, Rate, YearRating};
use bontot::{Assessment, CellYear, CheckId, Error, Plan, Status, Verdict, assess};
use chrono::NaiveDate;

const REFERENCE: &str = include_str!("../examples/cell-year-2024.json");

fn reference() -> CellYear {
    parse_record(REFERENCE).unwrap()
}

fn run(record: &CellYear) -> Assessment {
    assess(&Plan::binh_tan_2024(), record).unwrap()
}

fn run_with(plan: &Plan, record: &CellYear) -> Assessment {
    assess(plan, record).unwrap()
}

fn status(a: &Assessment, id: CheckId) -> Status {
    a.check(id)
        .unwrap_or_else(|| panic!("{id} not assessed"))
        .status
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn reference_record_is_achieved() {
    let a = run(&reference());
    assert_eq!(a.verdict, Verdict::Achieved);
    assert!(a.missing.is_empty());
    assert!(a.checks.iter().all(|c| c.status == Status::Pass));
}

#[test]
fn every_check_id_of_the_table_is_assessed_once() {
    let a = run(&reference());
    let table = [
        "edu.dropout",
        "edu.repetition",
        "edu.promotion",
        "edu.graduation",
        "edu.efficiency",
        "edu.public_grade10",
        "edu.swimming",
        "party.study",
        "party.admissions",
        "party.cell_rating",
        "party.exemplary_commitment",
        "party.inspection",
        "political_task.plans_concretized",
        "political_task.anti_degradation",
        "political_task.inspection_work",
        "political_task.party_building_work",
        "political_task.outstanding_cases",
        "political_task.mass_complaints",
        "political_task.over_level_complaints",
        "meeting_quality.monthly_held",
        "meeting_quality.monthly_good",
        "meeting_quality.rating_supported",
        "meeting_quality.committee_prepared",
        "meeting_quality.thematic_quarterly",
        "meeting_quality.content_renewed",
        "unity_discipline.prohibited_violations",
        "unity_discipline.work_rules_followed",
        "unity_discipline.principles_upheld",
        "unity_discipline.administrative_discipline",
        "unity_discipline.issues_resolved",
        "members.none_disciplined",
        "members.none_not_completed",
        "members.leaders_exemplary",
        "members.member_development",
        "members.exemplary_conduct",
        "verdict.year_end_rating",
    ];
    let ids: Vec<&str> = a.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, table);
}

#[test]
fn kleene_a_known_failure_decides_whatever_is_missing() {
    let mut r = reference();
    r.education.as_mut().unwrap().swimming = None; // unknown
    r.party.as_mut().unwrap().admissions = Some(5); // fail
    let a = run(&r);
    assert_eq!(a.criteria.political_task.status, Status::Fail);
    assert_eq!(a.verdict, Verdict::NotAchieved);
    assert_eq!(a.missing, [FactPath::Field(bontot::check::Field::Swimming)]);
}

#[test]
fn kleene_unknown_without_failure_is_incomplete() {
    let mut r = reference();
    r.political_task.as_mut().unwrap().plans_concretized = None;
    let a = run(&r);
    assert_eq!(status(&a, CheckId::PlansConcretized), Status::Unknown);
    assert_eq!(a.criteria.political_task.status, Status::Unknown);
    assert_eq!(a.verdict, Verdict::Incomplete);
    assert_eq!(
        a.missing,
        [FactPath::Field(bontot::check::Field::PlansConcretized)]
    );
}

#[test]
fn status_and_is_kleene_conjunction() {
    use Status::*;
    let table = [
        (Pass, Pass, Pass),
        (Pass, Unknown, Unknown),
        (Pass, Fail, Fail),
        (Unknown, Unknown, Unknown),
        (Unknown, Fail, Fail),
        (Fail, Fail, Fail),
    ];
    for (a, b, want) in table {
        assert_eq!(a.and(b), want, "{a} and {b}");
        assert_eq!(b.and(a), want, "{b} and {a}");
    }
}

#[test]
fn edu_dropout_counts_compare_exactly_4_of_401_passes() {
    let mut r = reference();
    r.education.as_mut().unwrap().dropout = Some(Rate::Counts { count: 4, of: 401 });
    assert_eq!(status(&run(&r), CheckId::EduDropout), Status::Pass);
}

#[test]
fn edu_dropout_published_figure_policy_rounds_first() {
    // 4/401 = 0.9975 % publishes as 1.0 with one decimal: not below 1.0.
    let mut r = reference();
    r.education.as_mut().unwrap().dropout = Some(Rate::Counts { count: 4, of: 401 });
    let mut plan = Plan::binh_tan_2024();
    plan.policy.rate_comparison = bontot::plan::RateComparison::Published { decimals: 1 };
    let a = run_with(&plan, &r);
    let c = a.check(CheckId::EduDropout).unwrap();
    assert_eq!(c.status, Status::Fail);
    // 3/401 = 0.748 → 0.7 passes: needed 3, change -1.
    assert_eq!(
        c.gap,
        Some(Gap::Count {
            needed: 3,
            change: -1
        })
    );
}

#[test]
fn edu_public_grade10_above_excludes_the_threshold() {
    // 204/300 = 68.0 % exactly: not above 68.0; 205 passes.
    let mut r = reference();
    r.education.as_mut().unwrap().public_grade10 = Some(Rate::Counts {
        count: 204,
        of: 300,
    });
    let a = run(&r);
    let c = a.check(CheckId::EduPublicGrade10).unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(
        c.gap,
        Some(Gap::Count {
            needed: 205,
            change: 1
        })
    );
}

#[test]
fn edu_swimming_figure_gap_is_in_percentage_points() {
    let mut r = reference();
    r.education.as_mut().unwrap().swimming = Some(Rate::Figure("54.5".parse().unwrap()));
    let a = run(&r);
    let c = a.check(CheckId::EduSwimming).unwrap();
    assert_eq!(
        c.gap,
        Some(Gap::Points {
            points: "0.5".parse().unwrap(),
            strict: false
        })
    );
}

#[test]
fn party_admissions_gap_is_the_admissions_still_needed() {
    let mut r = reference();
    r.party.as_mut().unwrap().admissions = Some(4);
    let a = run(&r);
    for id in [CheckId::PartyAdmissions, CheckId::MemberDevelopment] {
        let c = a.check(id).unwrap();
        assert_eq!(c.status, Status::Fail);
        assert_eq!(
            c.gap,
            Some(Gap::Count {
                needed: 6,
                change: 2
            })
        );
    }
}

#[test]
fn party_exemplary_commitment_requires_each_head() {
    let mut r = reference();
    r.party.as_mut().unwrap().heads.as_mut().unwrap()[1].fulfilled = Some(false);
    let a = run(&r);
    let c = a.check(CheckId::PartyExemplaryCommitment).unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(
        c.detail,
        Some(Detail::Heads(vec![bontot::record::HeadRole::Principal]))
    );

    // RULES §10: a list given is a fact. A head the plan names who is not
    // on it has no commitment on record: a failure, not a missing fact.
    let mut r = reference();
    r.party.as_mut().unwrap().heads.as_mut().unwrap().remove(1);
    let a = run(&r);
    let c = a.check(CheckId::PartyExemplaryCommitment).unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(c.actual, Some(Quantity::Count(1)));
    assert_eq!(c.gap, Some(Gap::Judgment));
    assert_eq!(
        c.detail,
        Some(Detail::Heads(vec![bontot::record::HeadRole::Principal]))
    );
    assert!(c.missing.is_empty());
    assert!(a.missing.is_empty());

    let mut r = reference();
    r.party.as_mut().unwrap().heads = Some(Vec::new());
    let a = run(&r);
    let c = a.check(CheckId::PartyExemplaryCommitment).unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(c.actual, Some(Quantity::Count(0)));
    assert_eq!(
        c.detail,
        Some(Detail::Heads(vec![
            bontot::record::HeadRole::Secretary,
            bontot::record::HeadRole::Principal
        ]))
    );

    // Left out, the list is not given: unknown, and missing.
    let mut r = reference();
    r.party.as_mut().unwrap().heads = None;
    let a = run(&r);
    assert_eq!(
        status(&a, CheckId::PartyExemplaryCommitment),
        Status::Unknown
    );
    assert_eq!(a.missing, [FactPath::Field(bontot::check::Field::Heads)]);
}

#[test]
fn grievance_counts_require_zero() {
    let mut r = reference();
    r.political_task.as_mut().unwrap().mass_complaints = Some(2);
    let c = run(&r).check(CheckId::MassComplaints).cloned().unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(
        c.gap,
        Some(Gap::Count {
            needed: 0,
            change: -2
        })
    );
}

#[test]
fn monthly_held_a_month_without_regular_meeting_fails() {
    let mut r = reference();
    // Drop July's regular meeting (2024-07-10).
    r.meetings
        .as_mut()
        .unwrap()
        .retain(|m| m.date != date("2024-07-10"));
    let c = run(&r).check(CheckId::MonthlyHeld).cloned().unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(c.detail, Some(Detail::Months(vec![7])));
    assert_eq!(
        c.gap,
        Some(Gap::Count {
            needed: 12,
            change: 1
        })
    );
}

#[test]
fn monthly_held_empty_meetings_is_a_fact_and_fails() {
    let mut r = reference();
    r.meetings = Some(Vec::new());
    let a = run(&r);
    assert_eq!(status(&a, CheckId::MonthlyHeld), Status::Fail);
    r.meetings = None;
    let a = run(&r);
    assert_eq!(status(&a, CheckId::MonthlyHeld), Status::Unknown);
    assert!(
        a.missing
            .contains(&FactPath::Field(bontot::check::Field::Meetings))
    );
}

/// RULES §10: meetings not given are not "no meeting held": every month a
/// meeting was due says `not_given`, with no meeting and no decision;
/// months before a founding during the year stay `before_founding`.
#[test]
fn months_of_meetings_not_given_are_not_given() {
    use bontot::month::MonthState;
    let mut r = reference();
    r.meetings = None;
    r.cell.founded = Some(date("2024-03-01"));
    let a = run(&r);
    assert_eq!(a.months.len(), 12);
    for m in &a.months {
        let expected = if m.month < 3 {
            MonthState::BeforeFounding
        } else {
            MonthState::NotGiven
        };
        assert_eq!(m.state, expected, "month {}", m.month);
        assert_eq!((m.meeting, m.index), (None, None));
        assert_eq!(m.contents, bontot::month::Contents::default());
    }
    assert_eq!(status(&a, CheckId::MonthlyHeld), Status::Unknown);
    let json = bontot::json::to_json(&a);
    assert!(
        json.contains(
            r#"{"month":3,"meeting":null,"index":null,"state":"not_given","contents":{}}"#
        ),
        "{json}"
    );
}

#[test]
fn monthly_held_months_before_founding_are_not_required() {
    let mut r = reference();
    r.cell.founded = Some(date("2024-03-01"));
    r.meetings
        .as_mut()
        .unwrap()
        .retain(|m| m.date >= date("2024-03-01"));
    let a = run(&r);
    let c = a.check(CheckId::MonthlyHeld).unwrap();
    assert_eq!(c.status, Status::Pass);
    assert_eq!(c.target, Some(Quantity::Count(10)));
}

#[test]
fn monthly_good_a_fair_month_fails_unless_the_policy_allows_it() {
    let mut r = reference();
    r.meetings.as_mut().unwrap()[0].rating = Some(MeetingRating::Fair);
    assert_eq!(status(&run(&r), CheckId::MonthlyGood), Status::Fail);
    let mut plan = Plan::binh_tan_2024();
    plan.policy.monthly_good_allowance = 1;
    assert_eq!(
        status(&run_with(&plan, &r), CheckId::MonthlyGood),
        Status::Pass
    );
}

#[test]
fn rating_supported_attendance_must_be_above_85_percent() {
    // 20 required, 17 present = 85.0 % exactly: not above 85.
    let mut r = reference();
    let m = &mut r.meetings.as_mut().unwrap()[0];
    let a = m.attendance.as_mut().unwrap();
    a.required = 20;
    a.present = 17;
    // Probationary members do not vote, so the month's tallies stand.
    a.absent_with_leave = vec!["dv26".into(), "dv27".into(), "dv28".into()];
    let c = run(&r).check(CheckId::RatingSupported).cloned().unwrap();
    assert_eq!(c.status, Status::Fail);
    let Some(Detail::Meetings(f)) = &c.detail else {
        panic!("no detail")
    };
    assert_eq!(f[0].condition, bontot::check::Condition::Attendance);
    // 18 of 20 = 90 % passes.
    let a = r.meetings.as_mut().unwrap()[0].attendance.as_mut().unwrap();
    a.present = 18;
    a.absent_with_leave.pop();
    assert_eq!(status(&run(&r), CheckId::RatingSupported), Status::Pass);
}

#[test]
fn rating_supported_exempt_absentees_do_not_count() {
    // 6 required, 5 present, exempt dv12 absent: dv12 is left out, 5 of 5
    // = 100 % passes. With probationary dv26 absent instead: 5 of 6 = 83.3 %
    // is not above 85 and fails.
    let mut r = reference();
    let a = r.meetings.as_mut().unwrap()[0].attendance.as_mut().unwrap();
    a.required = 6;
    a.present = 5;
    a.absent_with_leave = vec!["dv12".into()];
    assert_eq!(status(&run(&r), CheckId::RatingSupported), Status::Pass);
    let a = r.meetings.as_mut().unwrap()[0].attendance.as_mut().unwrap();
    a.absent_with_leave = vec!["dv26".into()];
    assert_eq!(status(&run(&r), CheckId::RatingSupported), Status::Fail);
}

#[test]
fn rating_supported_unexcused_absence_fails() {
    let mut r = reference();
    let a = r.meetings.as_mut().unwrap()[0].attendance.as_mut().unwrap();
    a.present = 29;
    a.absent_without_leave = vec!["dv27".into()];
    let c = run(&r).check(CheckId::RatingSupported).cloned().unwrap();
    assert_eq!(c.status, Status::Fail);
    let Some(Detail::Meetings(f)) = &c.detail else {
        panic!("no detail")
    };
    assert_eq!(f[0].condition, bontot::check::Condition::UnexcusedAbsence);
    assert_eq!(f[0].member.as_deref(), Some("dv27"));
}

fn absent_with_leave(r: &mut CellYear, id: &str, dates: &[&str]) {
    for m in r.meetings.as_mut().unwrap() {
        if dates.contains(&m.date.to_string().as_str()) {
            let a = m.attendance.as_mut().unwrap();
            if !a.absent_with_leave.iter().any(|x| x == id) {
                a.present -= 1;
                a.absent_with_leave.push(id.into());
            }
        }
    }
}

#[test]
fn rating_supported_leave_run_of_four_fails_three_passes() {
    // Meetings in date order: 01-10, 02-12, 02-26 (thematic), 03-11, 04-10 …
    let mut r = reference();
    absent_with_leave(&mut r, "dv26", &["2024-01-10", "2024-02-12", "2024-02-26"]);
    assert_eq!(status(&run(&r), CheckId::RatingSupported), Status::Pass);
    absent_with_leave(&mut r, "dv26", &["2024-03-11"]);
    let c = run(&r).check(CheckId::RatingSupported).cloned().unwrap();
    assert_eq!(c.status, Status::Fail);
    let Some(Detail::Meetings(f)) = &c.detail else {
        panic!("no detail")
    };
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].date, f[0].condition),
        (date("2024-03-11"), bontot::check::Condition::LeaveRun)
    );
}

#[test]
fn rating_supported_leave_run_counts_regular_only_when_the_policy_says() {
    let mut r = reference();
    absent_with_leave(
        &mut r,
        "dv26",
        &["2024-01-10", "2024-02-12", "2024-02-26", "2024-03-11"],
    );
    let mut plan = Plan::binh_tan_2024();
    plan.policy.meeting_framework.leave_run_scope = bontot::plan::LeaveRunScope::RegularOnly;
    assert_eq!(
        status(&run_with(&plan, &r), CheckId::RatingSupported),
        Status::Pass
    );
}

#[test]
fn rating_supported_a_run_is_broken_by_attending() {
    let mut r = reference();
    absent_with_leave(
        &mut r,
        "dv26",
        &["2024-01-10", "2024-02-12", "2024-03-11", "2024-04-10"],
    );
    assert_eq!(status(&run(&r), CheckId::RatingSupported), Status::Pass);
}

#[test]
fn rating_supported_minutes_at_least_90() {
    let mut r = reference();
    r.meetings.as_mut().unwrap()[0].minutes = Some(90);
    assert_eq!(status(&run(&r), CheckId::RatingSupported), Status::Pass);
    r.meetings.as_mut().unwrap()[0].minutes = Some(89);
    assert_eq!(status(&run(&r), CheckId::RatingSupported), Status::Fail);
    r.meetings.as_mut().unwrap()[0].minutes = None;
    let a = run(&r);
    assert_eq!(status(&a, CheckId::RatingSupported), Status::Unknown);
    assert_eq!(
        a.missing,
        [FactPath::Meeting(0, bontot::check::MeetingField::Minutes)]
    );
}

#[test]
fn committee_prepared_on_or_before_the_meeting() {
    let mut r = reference();
    r.meetings.as_mut().unwrap()[0].committee_met = Some(date("2024-01-10"));
    assert_eq!(status(&run(&r), CheckId::CommitteePrepared), Status::Pass);
    r.meetings.as_mut().unwrap()[0].committee_met = Some(date("2024-01-11"));
    assert_eq!(status(&run(&r), CheckId::CommitteePrepared), Status::Fail);
}

#[test]
fn thematic_quarterly_a_quarter_without_one_fails() {
    let mut r = reference();
    // Q3's only thematic meeting is 2024-08-26.
    r.meetings
        .as_mut()
        .unwrap()
        .retain(|m| m.date != date("2024-08-26"));
    let c = run(&r).check(CheckId::ThematicQuarterly).cloned().unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(c.detail, Some(Detail::Quarters(vec![3])));
}

#[test]
fn prohibited_violations_count_every_member_even_not_reviewed() {
    let mut r = reference();
    // dv12 is exempt and not reviewed.
    r.members.as_mut().unwrap()[11].violated_prohibitions = Some(true);
    let a = run(&r);
    assert_eq!(status(&a, CheckId::ProhibitedViolations), Status::Fail);
    assert_eq!(a.criteria.unity_discipline.status, Status::Fail);
}

#[test]
fn members_checks_leave_out_members_not_reviewed() {
    let mut r = reference();
    r.members.as_mut().unwrap()[11].disciplined = Some(true); // dv12, exempt
    r.members.as_mut().unwrap()[29].rating = Some(YearRating::NotCompleted); // dv30
    let a = run(&r);
    assert_eq!(status(&a, CheckId::NoneDisciplined), Status::Pass);
    assert_eq!(status(&a, CheckId::NoneNotCompleted), Status::Pass);
    r.members.as_mut().unwrap()[4].disciplined = Some(true); // dv05, reviewed
    assert_eq!(status(&run(&r), CheckId::NoneDisciplined), Status::Fail);
}

#[test]
fn leaders_exemplary_requires_good_or_better() {
    let mut r = reference();
    r.members.as_mut().unwrap()[2].rating = Some(YearRating::Completed); // dv03, committee
    let c = run(&r).check(CheckId::LeadersExemplary).cloned().unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(c.detail, Some(Detail::Members(vec!["dv03".into()])));
    // An ordinary member rated completed does not touch this check.
    let mut r = reference();
    r.members.as_mut().unwrap()[4].rating = Some(YearRating::Completed);
    assert_eq!(status(&run(&r), CheckId::LeadersExemplary), Status::Pass);
}

#[test]
fn year_end_rating_completed_or_below_is_not_achieved() {
    for (rating, want) in [
        (YearRating::Excellent, Verdict::Achieved),
        (YearRating::Good, Verdict::Achieved),
        (YearRating::Completed, Verdict::NotAchieved),
        (YearRating::NotCompleted, Verdict::NotAchieved),
    ] {
        let mut r = reference();
        r.year_end_rating = Some(rating);
        assert_eq!(run(&r).verdict, want, "{rating}");
    }
    let mut r = reference();
    r.year_end_rating = Some(YearRating::Completed);
    let c = run(&r).check(CheckId::YearEndRating).cloned().unwrap();
    assert_eq!(c.gap, Some(Gap::Rating(YearRating::Good)));
}

#[test]
fn year_so_far_admissions_short_are_unknown_with_a_projection() {
    let mut r = reference();
    r.cell.as_of = Some(date("2024-06-30"));
    r.party.as_mut().unwrap().admissions = Some(2);
    let a = run(&r);
    let c = a.check(CheckId::PartyAdmissions).unwrap();
    assert_eq!(c.status, Status::Unknown);
    // 2 by day 182 of 366: 2 × 366 = 732 < 6 × 182 = 1092, behind;
    // projected floor(2 × 366 / 182) = 4.
    let p = c.projection.unwrap();
    assert_eq!(
        (p.elapsed_days, p.year_days, p.projected, p.trend),
        (182, 366, 4, Trend::Behind)
    );
    assert_eq!(a.verdict, Verdict::Incomplete);
    assert_eq!(a.months.len(), 6);
}

#[test]
fn year_so_far_a_disciplined_member_fails_at_once() {
    let mut r = reference();
    r.cell.as_of = Some(date("2024-03-31"));
    r.members.as_mut().unwrap()[4].disciplined = Some(true);
    let a = run(&r);
    assert_eq!(a.verdict, Verdict::NotAchieved);
}

#[test]
fn year_so_far_the_as_of_month_is_not_required_before_it_ends() {
    let mut r = reference();
    r.cell.as_of = Some(date("2024-07-05")); // July's meeting is on the 10th
    let a = run(&r);
    assert_eq!(status(&a, CheckId::MonthlyHeld), Status::Unknown);
    r.cell.as_of = Some(date("2024-07-31"));
    r.meetings
        .as_mut()
        .unwrap()
        .retain(|m| m.date != date("2024-07-10"));
    assert_eq!(status(&run(&r), CheckId::MonthlyHeld), Status::Fail);
}

#[test]
fn monthly_vote_more_than_half_of_the_base() {
    let mut r = reference();
    let v = r.meetings.as_mut().unwrap()[0].votes.as_mut().unwrap();
    v.political_task = Some(bontot::record::Tally {
        for_: 12,
        against: 12,
    });
    let a = run(&r);
    let jan = a.months[0].contents.political_task.unwrap();
    assert_eq!(jan.decision, bontot::month::Decision::NotAchieved);
    // Informative by default: the verdict stands.
    assert_eq!(a.verdict, Verdict::Achieved);
    let mut plan = Plan::binh_tan_2024();
    plan.policy.monthly_results = bontot::plan::MonthlyResults::EveryMonth;
    let a = run_with(&plan, &r);
    let c = a.check(CheckId::PoliticalTaskMonthlyVotes).unwrap();
    assert_eq!(
        (c.status, c.detail.clone()),
        (Status::Fail, Some(Detail::Months(vec![1])))
    );
    assert_eq!(
        a.criteria.get(CriterionId::PoliticalTask).unwrap().status,
        Status::Fail
    );
    assert_eq!(a.verdict, Verdict::NotAchieved);
}

#[test]
fn plan_year_must_match_unless_the_plan_applies_to_it() {
    let mut r = reference();
    r.cell.year = 2025;
    r.cell.as_of = None;
    for m in r.meetings.as_mut().unwrap() {
        m.date = NaiveDate::from_ymd_opt(2025, chrono::Datelike::month(&m.date), 10).unwrap();
        m.committee_met = None;
    }
    r.meetings
        .as_mut()
        .unwrap()
        .retain(|m| m.kind == bontot::record::MeetingKind::Regular);
    r.process = None;
    let err = assess(&Plan::binh_tan_2024(), &r).unwrap_err();
    assert!(matches!(
        err,
        Error::PlanYear {
            plan_year: 2024,
            record_year: 2025
        }
    ));
    assert_eq!(err.path(), "plan");
    let mut plan = Plan::binh_tan_2024();
    plan.also_applies_to.push(2025);
    assess(&plan, &r).unwrap();
}

#[test]
fn plan_a_target_left_out_is_not_assessed() {
    let mut plan = Plan::binh_tan_2024();
    plan.targets.swimming = None;
    let mut r = reference();
    r.education.as_mut().unwrap().swimming = None;
    let a = run_with(&plan, &r);
    assert!(a.check(CheckId::EduSwimming).is_none());
    assert_eq!(a.verdict, Verdict::Achieved);
}

#[test]
fn plan_round_trips_through_json() {
    let plan = Plan::binh_tan_2024();
    let json = serde_json::to_string(&plan).unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
}

#[test]
fn assessment_round_trips_through_json_with_exactly_four_findings() {
    let a = run(&reference());
    let json = serde_json::to_string(&a).unwrap();
    let back: Assessment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
    // `process` is an array of four (RULES §8): any other length is not an
    // assessment, and `parse_assessment` (behind `render_json`) says where.
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    for len in [0, 3, 5] {
        let mut doc = doc.clone();
        let findings = doc["process"].as_array_mut().unwrap();
        let first = findings[0].clone();
        findings.resize(len, first);
        let err = bontot::json::parse_assessment(&doc.to_string()).unwrap_err();
        assert!(matches!(err, Error::Parse { .. }), "{len}: {err}");
        assert_eq!(err.path(), "process", "{len}: {err}");
    }
}

#[test]
fn plan_rejects_a_threshold_outside_0_to_100() {
    let mut plan = Plan::binh_tan_2024();
    plan.targets.promotion.as_mut().unwrap().value = "100.5".parse().unwrap();
    let err = assess(&plan, &reference()).unwrap_err();
    assert_eq!(err.path(), "plan.targets.edu.promotion.value");
}

#[test]
fn missing_lists_each_fact_once_in_check_order() {
    let mut r = reference();
    r.party.as_mut().unwrap().admissions = None; // needed by two checks
    r.education = None;
    let a = run(&r);
    let paths: Vec<String> = a.missing.iter().map(ToString::to_string).collect();
    assert_eq!(
        paths,
        [
            "education.dropout",
            "education.repetition",
            "education.promotion",
            "education.graduation",
            "education.efficiency",
            "education.public_grade10",
            "education.swimming",
            "party.admissions",
        ]
    );
}

#[test]
fn voting_base_from_the_roster() {
    // The reference roster: 25 official members, dv12 exempt → base 24.
    let r = reference();
    let base = bontot::month::voting_base(
        r.members.as_ref().unwrap(),
        &r.meetings.as_ref().unwrap()[0],
    );
    assert_eq!(base, 24);
}

#[test]
fn plan_file_shipped_in_examples_is_the_preset() {
    // examples/plan-binh-tan-2024.json is the starting point for other cells'
    // plans; it must stay the preset, figure for figure.
    let file: Plan =
        serde_json::from_str(include_str!("../examples/plan-binh-tan-2024.json")).unwrap();
    assert_eq!(file, Plan::binh_tan_2024());
}

#[test]
fn plan_inline_in_the_record_is_applied() {
    // The reference record with the preset inline, monthly votes made binding
    // and one month's political-task vote lost (12 of 24): every_month fails C1.
    let mut doc: serde_json::Value = serde_json::from_str(REFERENCE).unwrap();
    let mut plan: serde_json::Value =
        serde_json::from_str(include_str!("../examples/plan-binh-tan-2024.json")).unwrap();
    plan["policy"]["monthly_results"] = "every_month".into();
    doc["plan"] = plan;
    doc["meetings"][0]["votes"]["political_task"] = serde_json::json!({"for": 12, "against": 12});
    let out: serde_json::Value =
        serde_json::from_str(&bontot::json::assess_json(&doc.to_string()).unwrap()).unwrap();
    assert_eq!(out["verdict"], "not_achieved");
    assert_eq!(out["criteria"]["political_task"]["status"], "fail");
}

/// Outputs last (issue 14): an assessment carries `schema_version`, and a
/// reader ignores the fields it does not know, so an assessment written by
/// a later version that adds fields still reads, as does one saved before
/// `schema_version` existed. Inputs stay strict.
#[test]
fn saved_assessments_read_across_versions() {
    let a = run(&reference());
    assert_eq!(a.schema_version, Assessment::SCHEMA_VERSION);
    let json = bontot::json::to_json(&a);
    assert!(json.starts_with(r#"{"schema_version":1,"#), "{json}");

    // A later version adds fields, at the top and inside a check.
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["added_later"] = serde_json::json!({"anything": [1, 2]});
    doc["checks"][0]["added_later"] = serde_json::json!(true);
    doc["months"][0]["contents"]["added_later"] = serde_json::json!("x");
    let read = bontot::json::parse_assessment(&doc.to_string()).unwrap();
    assert_eq!(read, a);

    // Saved before `schema_version` existed: version 1.
    doc.as_object_mut().unwrap().remove("schema_version");
    let read = bontot::json::parse_assessment(&doc.to_string()).unwrap();
    assert_eq!(read.schema_version, 1);

    // A record with an unknown field is still an error.
    let record =
        include_str!("../examples/cell-year-2024.json").replacen('{', r#"{"added_later": 1, "#, 1);
    let err = bontot::json::parse_record(&record).unwrap_err();
    assert_eq!(err.kind().as_str(), "parse");
}

/// One source of truth for the plan (issue 14): the typed `assess` takes the
/// plan the record names, or a variant of it under the same id; a record
/// that names another plan is an error, as `assess_record` would have it.
#[test]
fn assess_takes_the_plan_the_record_names() {
    let mut record = reference();
    record.plan = bontot::plan::PlanRef::Preset("no-such-plan".to_owned());
    let err = assess(&Plan::binh_tan_2024(), &record).unwrap_err();
    assert_eq!((err.kind().as_str(), err.path()), ("plan_mismatch", "plan"));
    assert_eq!(
        err,
        Error::PlanMismatch {
            record_plan: "no-such-plan".to_owned(),
            plan: "binh-tan-2024".to_owned(),
        }
    );
    assert_eq!(
        bontot::assess_record(&record).unwrap_err().kind(),
        "unknown_preset"
    );

    // A variant of the named plan, same id: assessed under it.
    let mut strict = Plan::binh_tan_2024();
    strict.policy.thematic_per_quarter = 2;
    let a = run_with(&strict, &reference());
    assert_eq!(
        a.check(CheckId::ThematicQuarterly).unwrap().status,
        Status::Fail
    );

    // An inline plan is named by its id.
    let mut inline = reference();
    let mut other = Plan::binh_tan_2024();
    other.id = "other".to_owned();
    inline.plan = bontot::plan::PlanRef::Inline(Box::new(other.clone()));
    assert!(assess(&other, &inline).is_ok());
    assert_eq!(
        assess(&Plan::binh_tan_2024(), &inline).unwrap_err().kind(),
        "plan_mismatch"
    );
}

/// Building in code (issue 14): targets and rates have constructors, and
/// the dates and decimals of the API come from the crate's own re-exports.
#[test]
fn targets_and_rates_are_built_by_name() {
    use bontot::rust_decimal::Decimal;
    let below = bontot::plan::Target::below(Decimal::new(10, 1));
    assert_eq!(below.comparator, bontot::plan::Comparator::Below);
    assert_eq!(
        bontot::plan::Target::at_least(6u64).comparator,
        bontot::plan::Comparator::AtLeast
    );
    assert_eq!(
        bontot::plan::Target::at_most(0u64).comparator,
        bontot::plan::Comparator::AtMost
    );
    assert_eq!(
        bontot::plan::Target::above(68u64).comparator,
        bontot::plan::Comparator::Above
    );
    assert_eq!(Rate::counts(4, 520), Rate::Counts { count: 4, of: 520 });
    assert_eq!(
        Rate::percent(Decimal::new(6125, 2)),
        Rate::Figure(Decimal::new(6125, 2))
    );
    let day: bontot::chrono::NaiveDate = "2024-03-11".parse().unwrap();
    assert_eq!(day, NaiveDate::from_ymd_opt(2024, 3, 11).unwrap());
}

/// Names parse (issue 14): every enum of the wire parses from its name, and
/// an error's kind is an `ErrorKind` to match on, named as on the wire.
#[test]
fn names_parse_and_error_kinds_match() {
    assert_eq!("en".parse::<bontot::Lang>(), Ok(bontot::Lang::En));
    assert_eq!("edu.dropout".parse::<CheckId>(), Ok(CheckId::EduDropout));
    let err = "fr".parse::<bontot::Lang>().unwrap_err();
    assert_eq!(err.to_string(), r#""fr" is not one of vi, en"#);
    for &id in CheckId::ALL {
        assert_eq!(id.as_str().parse::<CheckId>(), Ok(id));
    }

    let e = bontot::json::assess_json("{").unwrap_err();
    assert!(matches!(e.kind(), bontot::ErrorKind::Parse));
    assert_eq!(e.kind(), "parse");
    assert_eq!(e.kind().as_str(), "parse");
    for &kind in bontot::ErrorKind::ALL {
        assert_eq!(kind.as_str().parse::<bontot::ErrorKind>(), Ok(kind));
    }
}
