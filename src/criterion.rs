//! The four criteria of clause 2.1 (RULES §4), each a list of checks.
//!
//! Every function here pushes [`Check`]s; none builds a string. A check
//! that needs a fact the record does not give is `unknown` and names the
//! fact's path.

use rust_decimal::Decimal;

use crate::calendar::{Span, quarter_of};
use crate::check::{
    Check, CheckId, Condition, Detail, Gap, MeetingFinding, Projection, Quantity, Status, Trend,
};
use crate::indicator::{self, Comparator, Rate, Target};
use crate::meeting::{Meeting, MeetingKind, MeetingRating};
use crate::member::{HeadRole, Member, YearRating};
use crate::path::{FactPath, Field, HeadField, MeetingField, MemberField};
use crate::plan::{LeaveRunScope, Plan, Policy, RateComparison};
use crate::record::CellYear;
use crate::validate::Context;

/// A judgment voted by the cell: `true` passes, `false` fails.
fn judgment(id: CheckId, value: Option<bool>, path: Field) -> Check {
    let Some(v) = value else {
        return Check::unknown(id, vec![path.into()]);
    };
    let mut c = Check::new(id, if v { Status::Pass } else { Status::Fail });
    c.actual = Some(Quantity::Judgment(v));
    c.target = Some(Quantity::Judgment(true));
    if !v {
        c.gap = Some(Gap::Judgment);
    }
    c
}

/// A count that must be zero (`needed: 0` and the change when it fails).
fn zero(id: CheckId, value: Option<u64>, path: Field) -> Check {
    let Some(n) = value else {
        return Check::unknown(id, vec![path.into()]);
    };
    aggregate(id, n, 0, Status::Pass, Vec::new(), None)
}

/// A count of offending items against an allowance: fails above it,
/// unknown when the unknown items could take it above, passes otherwise.
fn aggregate(
    id: CheckId,
    offending: u64,
    allowance: u64,
    known: Status,
    missing: Vec<FactPath>,
    detail: Option<Detail>,
) -> Check {
    let unknowns = missing.len() as u64;
    let status = if offending > allowance {
        Status::Fail
    } else if known == Status::Unknown || offending.saturating_add(unknowns) > allowance {
        Status::Unknown
    } else {
        Status::Pass
    };
    let mut c = Check::new(id, status);
    c.actual = Some(Quantity::Count(offending));
    c.comparator = Some(Comparator::AtMost);
    c.target = Some(Quantity::Count(allowance));
    if status == Status::Fail {
        c.gap = Some(indicator::count_gap(offending, Some(allowance)));
    }
    // Facts that could not change a pass are dropped; beside a failure they
    // are still listed (RULES §10: `missing` lists every unknown fact).
    if status != Status::Pass {
        c.missing = missing;
    }
    c.detail = detail;
    c
}

/// A rate against its target. With `accrues`, the rate builds up during
/// the year (members who studied, members inspected): before the year's
/// end a shortfall the rest of the year can make up is `unknown`.
fn rate(
    id: CheckId,
    target: &Target<Decimal>,
    value: Option<Rate>,
    path: Field,
    policy: &Policy,
    accrues: Option<&Span>,
) -> Check {
    let Some(r) = value else {
        return Check::unknown(id, vec![path.into()]);
    };
    let mode = policy.rate_comparison;
    let met = indicator::rate_meets(r, target, mode);
    let open = accrues.is_some_and(|s| !s.year_over()) && target.comparator.wants_more();
    let status = match (met, open) {
        (true, _) => Status::Pass,
        (false, true) => Status::Unknown,
        (false, false) => Status::Fail,
    };
    let mut c = Check::new(id, status);
    c.actual = Some(match r {
        Rate::Counts { count, of } => Quantity::Counts { count, of },
        Rate::Figure(f) => Quantity::Rate(f),
    });
    c.comparator = Some(target.comparator);
    c.target = Some(Quantity::Rate(target.value));
    match status {
        Status::Fail => c.gap = Some(indicator::rate_gap(r, target, mode)),
        Status::Unknown => c.missing.push(path.into()),
        Status::Pass => {}
    }
    c
}

/// A count against its target (admissions). Before the year's end a count
/// that the rest of the year can still raise to the target is `unknown`,
/// with a pro-rata projection.
fn count(id: CheckId, target: &Target<u64>, value: Option<u64>, path: Field, span: &Span) -> Check {
    let Some(n) = value else {
        return Check::unknown(id, vec![path.into()]);
    };
    let met = target.met_by(&n);
    let open = !span.year_over() && target.comparator.wants_more();
    let status = match (met, open) {
        (true, _) => Status::Pass,
        (false, true) => Status::Unknown,
        (false, false) => Status::Fail,
    };
    let mut c = Check::new(id, status);
    c.actual = Some(Quantity::Count(n));
    c.comparator = Some(target.comparator);
    c.target = Some(Quantity::Count(target.value));
    match status {
        Status::Fail => c.gap = Some(indicator::count_gap_for(n, target)),
        Status::Unknown => {
            c.missing.push(path.into());
            c.projection = Some(project(n, target, span));
        }
        Status::Pass => {}
    }
    c
}

/// The pro-rata projection of a count: on track when
/// `count × days_in_year ≥ target × days_elapsed`.
fn project(n: u64, target: &Target<u64>, span: &Span) -> Projection {
    let (elapsed, days) = span.elapsed_days();
    let projected = u128::from(n) * u128::from(days) / u128::from(elapsed.max(1));
    let on_track =
        u128::from(n) * u128::from(days) >= u128::from(target.value) * u128::from(elapsed);
    Projection {
        elapsed_days: elapsed,
        year_days: days,
        projected: u64::try_from(projected).unwrap_or(u64::MAX),
        trend: if on_track {
            Trend::OnTrack
        } else {
            Trend::Behind
        },
    }
}

/// The year-end rating against a target; unknown before the year's end.
pub(crate) fn rating(
    id: CheckId,
    target: &Target<YearRating>,
    value: Option<YearRating>,
    span: &Span,
) -> Check {
    let path = FactPath::Field(Field::YearEndRating);
    let Some(r) = value.filter(|_| span.year_over()) else {
        return Check::unknown(id, vec![path]);
    };
    let met = target.met_by(&r);
    let mut c = Check::new(id, if met { Status::Pass } else { Status::Fail });
    c.actual = Some(Quantity::Rating(r));
    c.comparator = Some(target.comparator);
    c.target = Some(Quantity::Rating(target.value));
    if !met {
        // The rating nearest to the actual one that passes.
        let passing = |x: &&YearRating| target.met_by(x);
        let needed = if target.comparator.wants_more() {
            YearRating::ALL.iter().find(passing)
        } else {
            YearRating::ALL.iter().rev().find(passing)
        };
        c.gap = Some(needed.map_or(Gap::Unreachable, |x| Gap::Rating(*x)));
    }
    c
}

/// C1 `political_task` (2.1.1).
pub(crate) fn political_task(
    plan: &Plan,
    record: &CellYear,
    cx: &Context<'_>,
    out: &mut Vec<Check>,
) {
    let t = &plan.targets;
    let p = &plan.policy;
    let e = record.education.as_ref();
    let edu = [
        (
            CheckId::EduDropout,
            &t.dropout,
            e.and_then(|e| e.dropout),
            Field::Dropout,
        ),
        (
            CheckId::EduRepetition,
            &t.repetition,
            e.and_then(|e| e.repetition),
            Field::Repetition,
        ),
        (
            CheckId::EduPromotion,
            &t.promotion,
            e.and_then(|e| e.promotion),
            Field::Promotion,
        ),
        (
            CheckId::EduGraduation,
            &t.graduation,
            e.and_then(|e| e.graduation),
            Field::Graduation,
        ),
        (
            CheckId::EduEfficiency,
            &t.efficiency,
            e.and_then(|e| e.efficiency),
            Field::Efficiency,
        ),
        (
            CheckId::EduPublicGrade10,
            &t.public_grade10,
            e.and_then(|e| e.public_grade10),
            Field::PublicGrade10,
        ),
        (
            CheckId::EduSwimming,
            &t.swimming,
            e.and_then(|e| e.swimming),
            Field::Swimming,
        ),
    ];
    for (id, target, value, path) in edu {
        if let Some(target) = target {
            out.push(rate(id, target, value, path, p, None));
        }
    }
    let party = record.party.as_ref();
    if let Some(target) = &t.study {
        let v = party.and_then(|x| x.study);
        out.push(rate(
            CheckId::PartyStudy,
            target,
            v,
            Field::Study,
            p,
            Some(&cx.span),
        ));
    }
    if let Some(target) = &t.admissions {
        let v = party.and_then(|x| x.admissions);
        out.push(count(
            CheckId::PartyAdmissions,
            target,
            v,
            Field::Admissions,
            &cx.span,
        ));
    }
    if let Some(target) = &t.cell_rating {
        out.push(rating(
            CheckId::PartyCellRating,
            target,
            record.year_end_rating,
            &cx.span,
        ));
    }
    if let Some(target) = &t.exemplary_commitment {
        out.push(heads(&target.heads, party.and_then(|x| x.heads.as_deref())));
    }
    if let Some(target) = &t.inspection {
        let v = party.and_then(|x| x.inspection);
        out.push(rate(
            CheckId::PartyInspection,
            target,
            v,
            Field::Inspection,
            p,
            Some(&cx.span),
        ));
    }
    let pt = record.political_task.as_ref();
    let judgments = [
        (
            CheckId::PlansConcretized,
            pt.and_then(|x| x.plans_concretized),
            Field::PlansConcretized,
        ),
        (
            CheckId::AntiDegradation,
            pt.and_then(|x| x.anti_degradation),
            Field::AntiDegradation,
        ),
        (
            CheckId::InspectionWork,
            pt.and_then(|x| x.inspection_work),
            Field::InspectionWork,
        ),
        (
            CheckId::PartyBuildingWork,
            pt.and_then(|x| x.party_building_work),
            Field::PartyBuildingWork,
        ),
    ];
    for (id, v, path) in judgments {
        out.push(judgment(id, v, path));
    }
    let counts = [
        (
            CheckId::OutstandingCases,
            pt.and_then(|x| x.outstanding_cases),
            Field::OutstandingCases,
        ),
        (
            CheckId::MassComplaints,
            pt.and_then(|x| x.mass_complaints),
            Field::MassComplaints,
        ),
        (
            CheckId::OverLevelComplaints,
            pt.and_then(|x| x.over_level_complaints),
            Field::OverLevelComplaints,
        ),
    ];
    for (id, v, path) in counts {
        out.push(zero(id, v, path));
    }
}

/// `party.exemplary_commitment`: every head the plan names committed and
/// fulfilled the duty to set an example.
fn heads(required: &[HeadRole], given: Option<&[crate::member::Head]>) -> Check {
    let id = CheckId::PartyExemplaryCommitment;
    let Some(given) = given else {
        return Check::unknown(id, vec![Field::Heads.into()]);
    };
    let mut failing: Vec<HeadRole> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    let mut kept = 0u64;
    for role in required {
        let Some((i, head)) = given.iter().enumerate().find(|(_, h)| h.role == *role) else {
            if !missing.contains(&Field::Heads.into()) {
                missing.push(Field::Heads.into());
            }
            continue;
        };
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let facts = [
            (head.committed, HeadField::Committed),
            (head.fulfilled, HeadField::Fulfilled),
        ];
        if facts.iter().any(|(v, _)| *v == Some(false)) {
            failing.push(*role);
        } else if facts.iter().all(|(v, _)| *v == Some(true)) {
            kept += 1;
        }
        for (v, field) in facts {
            if v.is_none() {
                missing.push(FactPath::Head(i, field));
            }
        }
    }
    let status = if !failing.is_empty() {
        Status::Fail
    } else if !missing.is_empty() {
        Status::Unknown
    } else {
        Status::Pass
    };
    let mut c = Check::new(id, status);
    c.actual = Some(Quantity::Count(kept));
    c.comparator = Some(Comparator::AtLeast);
    c.target = Some(Quantity::Count(required.len() as u64));
    if status == Status::Fail {
        c.gap = Some(Gap::Judgment);
        c.detail = Some(Detail::Heads(failing));
    }
    c.missing = missing;
    c
}

/// The meetings within the span, in date order.
fn in_order<'a>(
    meetings: &'a [Meeting],
    cx: &'a Context<'_>,
) -> impl Iterator<Item = (u32, &'a Meeting)> + 'a {
    cx.order
        .iter()
        .filter_map(|&i| meetings.get(i as usize).map(|m| (i, m)))
}

fn finding(i: u32, m: &Meeting, condition: Condition, member: Option<&str>) -> MeetingFinding {
    MeetingFinding {
        meeting: i,
        date: m.date,
        kind: m.kind,
        condition,
        member: member.map(str::to_owned),
    }
}

/// C2 `meeting_quality` (2.1.2).
pub(crate) fn meeting_quality(
    plan: &Plan,
    record: &CellYear,
    cx: &Context<'_>,
    out: &mut Vec<Check>,
) {
    let p = &plan.policy;
    let renewed = record
        .meeting_quality
        .as_ref()
        .and_then(|x| x.content_renewed);
    let Some(meetings) = record.meetings.as_deref() else {
        let missing = || vec![FactPath::Field(Field::Meetings)];
        out.push(Check::unknown(CheckId::MonthlyHeld, missing()));
        out.push(Check::unknown(CheckId::MonthlyGood, missing()));
        out.push(Check::unknown(CheckId::RatingSupported, missing()));
        out.push(Check::unknown(CheckId::CommitteePrepared, missing()));
        if p.thematic_per_quarter > 0 {
            out.push(Check::unknown(CheckId::ThematicQuarterly, missing()));
        }
        out.push(judgment(
            CheckId::ContentRenewed,
            renewed,
            Field::ContentRenewed,
        ));
        return;
    };
    out.push(monthly_held(meetings, cx));
    out.push(monthly_good(meetings, cx, p));
    out.push(rating_supported(meetings, cx, p));
    out.push(committee_prepared(meetings, cx));
    if p.thematic_per_quarter > 0 {
        out.push(thematic_quarterly(meetings, cx, p));
    }
    out.push(judgment(
        CheckId::ContentRenewed,
        renewed,
        Field::ContentRenewed,
    ));
}

/// `meeting_quality.monthly_held`: a regular meeting in each month of the
/// span (Điều lệ: chi bộ họp thường lệ mỗi tháng một lần). A month not yet
/// over without its meeting is unknown, not failed.
fn monthly_held(meetings: &[Meeting], cx: &Context<'_>) -> Check {
    let mut held = [false; 13];
    for (_, m) in in_order(meetings, cx).filter(|(_, m)| m.is_regular()) {
        if let Some(h) = held.get_mut(usize::from(m.month())) {
            *h = true;
        }
    }
    let (first, last) = (cx.span.first_month(), cx.span.last_month());
    let mut failed: Vec<u8> = Vec::new();
    let mut open = false;
    let mut count = 0u64;
    for m in first..=last {
        if held.get(usize::from(m)).copied().unwrap_or(false) {
            count += 1;
        } else if cx.span.month_over(m) {
            failed.push(m);
        } else {
            open = true;
        }
    }
    let required = u64::from(last.saturating_sub(first)) + 1;
    let status = if !failed.is_empty() {
        Status::Fail
    } else if open {
        Status::Unknown
    } else {
        Status::Pass
    };
    let mut c = Check::new(CheckId::MonthlyHeld, status);
    c.actual = Some(Quantity::Count(count));
    c.comparator = Some(Comparator::AtLeast);
    c.target = Some(Quantity::Count(required));
    match status {
        Status::Fail => {
            c.gap = Some(indicator::count_gap(count, Some(required)));
            c.detail = Some(Detail::Months(failed));
        }
        Status::Unknown => c.missing.push(Field::Meetings.into()),
        Status::Pass => {}
    }
    c
}

/// `meeting_quality.monthly_good`: every regular meeting rated `good`
/// **[reading]**; the policy may allow some lower months.
fn monthly_good(meetings: &[Meeting], cx: &Context<'_>, p: &Policy) -> Check {
    let mut below: Vec<MeetingFinding> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    for (i, m) in in_order(meetings, cx).filter(|(_, m)| m.is_regular()) {
        match m.rating {
            None => missing.push(FactPath::Meeting(i, MeetingField::Rating)),
            Some(MeetingRating::Good) => {}
            Some(_) => below.push(finding(i, m, Condition::RatedBelowGood, None)),
        }
    }
    let n = below.len() as u64;
    let detail = (!below.is_empty()).then_some(Detail::Meetings(below));
    aggregate(
        CheckId::MonthlyGood,
        n,
        u64::from(p.monthly_good_allowance),
        Status::Pass,
        missing,
        detail,
    )
}

/// `meeting_quality.rating_supported`: a `good` rating meets the hard
/// conditions of HD 12-HD/BTCTW (thresholds from the plan's policy):
/// attendance above 85 % of members required (exempt absentees left out),
/// no unexcused absence, no member absent with leave more than 3 meetings
/// in a row (the meeting at which a run reaches 4, and each later one while
/// it lasts, is not supported), and at least 90 minutes.
///
/// Runs are counted over the meetings in date order (all meetings, or
/// regular ones only, as the policy says); a meeting whose attendance is
/// not given neither extends nor breaks a run. Without a roster, exemptions
/// cannot be told, so a meeting with absentees cannot be judged (`members`
/// is missing).
fn rating_supported(meetings: &[Meeting], cx: &Context<'_>, p: &Policy) -> Check {
    let fw = &p.meeting_framework;
    let mut findings: Vec<MeetingFinding> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    let mut unsupported = 0u64;
    // Per roster position: the run's length, and the sequence number (from
    // 1) of the last counted meeting the member missed with leave.
    let n = cx.roster.as_ref().map_or(0, |r| r.len());
    let mut runs: Vec<(u32, u32)> = Vec::new();
    // The same, by id, for a record without a roster.
    let mut by_id: std::collections::BTreeMap<&str, (u32, u32)> = std::collections::BTreeMap::new();
    let mut seq = 0u32;
    for (i, m) in in_order(meetings, cx) {
        let rated_good = m.rating == Some(MeetingRating::Good);
        let before = findings.len();
        let counted = match fw.leave_run_scope {
            LeaveRunScope::AllMeetings => true,
            LeaveRunScope::RegularOnly => m.kind == MeetingKind::Regular,
        };
        match (&m.attendance, &cx.roster) {
            (None, _) if rated_good => {
                missing.push(FactPath::Meeting(i, MeetingField::Attendance));
            }
            (None, _) => {}
            (Some(a), None) => {
                // Without the roster, exemptions cannot be told. Leaving an
                // exempt absentee out only raises attendance, so attendance
                // that passes counting everyone passes; anything else that
                // hangs on who is exempt is unknown (`members` is missing).
                if counted {
                    seq = seq.saturating_add(1);
                }
                let mut unsure = false;
                for id in a.absent_with_leave.iter().filter(|_| counted) {
                    let run = by_id.entry(id.as_str()).or_insert((0, 0));
                    run.0 = if run.1.saturating_add(1) == seq { run.0.saturating_add(1) } else { 1 };
                    run.1 = seq;
                    unsure |= run.0 > fw.max_leave_run && rated_good;
                }
                if rated_good {
                    let all = attended(u64::from(a.present), u64::from(a.required), fw);
                    let nobody_absent =
                        a.absent_with_leave.is_empty() && a.absent_without_leave.is_empty();
                    if !all && nobody_absent {
                        findings.push(finding(i, m, Condition::Attendance, None));
                    }
                    let unexcused = a.absent_without_leave.len() as u64;
                    unsure |= !all && !nobody_absent;
                    unsure |= unexcused > u64::from(fw.max_unexcused_absences);
                    if unsure && !missing.contains(&Field::Members.into()) {
                        missing.push(Field::Members.into());
                    }
                }
            }
            (Some(a), Some(roster)) => {
                let absent = cx.absences.of(i);
                if counted {
                    seq = seq.saturating_add(1);
                }
                for x in absent
                    .iter()
                    .filter(|x| x.with_leave && !x.exempt && counted)
                {
                    if runs.is_empty() {
                        runs = vec![(0, 0); n];
                    }
                    let Some(run) = runs.get_mut(x.pos as usize) else {
                        continue;
                    };
                    run.0 = if run.1.saturating_add(1) == seq {
                        run.0.saturating_add(1)
                    } else {
                        1
                    };
                    run.1 = seq;
                    if run.0 > fw.max_leave_run && rated_good {
                        let id = roster.member(x.pos).map(|x| x.id.as_str());
                        findings.push(finding(i, m, Condition::LeaveRun, id));
                    }
                }
                if rated_good {
                    let exempt_absent = absent.iter().filter(|x| x.exempt).count() as u64;
                    let required = u64::from(a.required).saturating_sub(exempt_absent);
                    if !attended(u64::from(a.present), required, fw) {
                        findings.push(finding(i, m, Condition::Attendance, None));
                    }
                    let unexcused = || absent.iter().filter(|x| !x.with_leave && !x.exempt);
                    if unexcused().count() as u64 > u64::from(fw.max_unexcused_absences) {
                        for x in unexcused() {
                            let id = roster.member(x.pos).map(|x| x.id.as_str());
                            findings.push(finding(i, m, Condition::UnexcusedAbsence, id));
                        }
                    }
                }
            }
        }
        if rated_good {
            match m.minutes {
                None => missing.push(FactPath::Meeting(i, MeetingField::Minutes)),
                Some(min) if !fw.minutes.met_by(&u64::from(min)) => {
                    findings.push(finding(i, m, Condition::Duration, None));
                }
                Some(_) => {}
            }
        }
        if findings.len() > before {
            unsupported += 1;
        }
    }
    let detail = (!findings.is_empty()).then_some(Detail::Meetings(findings));
    let known = if missing.is_empty() {
        Status::Pass
    } else {
        Status::Unknown
    };
    aggregate(
        CheckId::RatingSupported,
        unsupported,
        0,
        known,
        missing,
        detail,
    )
}

/// Attendance above the framework's share (85 %) of the members required.
fn attended(present: u64, required: u64, fw: &crate::plan::MeetingFramework) -> bool {
    indicator::counts_meet(present, required, &fw.attendance, RateComparison::Exact)
}

/// `meeting_quality.committee_prepared`: before each regular meeting the
/// committee met (plan, section 3), on or before the meeting's date.
fn committee_prepared(meetings: &[Meeting], cx: &Context<'_>) -> Check {
    let mut late: Vec<MeetingFinding> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    for (i, m) in in_order(meetings, cx).filter(|(_, m)| m.is_regular()) {
        match m.committee_met {
            None => missing.push(FactPath::Meeting(i, MeetingField::CommitteeMet)),
            Some(d) if d > m.date => {
                late.push(finding(i, m, Condition::CommitteeAfterMeeting, None))
            }
            Some(_) => {}
        }
    }
    let n = late.len() as u64;
    let detail = (!late.is_empty()).then_some(Detail::Meetings(late));
    let known = if missing.is_empty() {
        Status::Pass
    } else {
        Status::Unknown
    };
    aggregate(CheckId::CommitteePrepared, n, 0, known, missing, detail)
}

/// `meeting_quality.thematic_quarterly`: at least one thematic meeting in
/// each quarter of the span **[reading]**. A quarter not yet over that is
/// still short is unknown.
fn thematic_quarterly(meetings: &[Meeting], cx: &Context<'_>, p: &Policy) -> Check {
    let mut per_quarter = [0u32; 5];
    for (_, m) in in_order(meetings, cx).filter(|(_, m)| m.kind == MeetingKind::Thematic) {
        if let Some(q) = per_quarter.get_mut(usize::from(quarter_of(m.month()))) {
            *q = q.saturating_add(1);
        }
    }
    let (first, last) = (
        quarter_of(cx.span.first_month()),
        quarter_of(cx.span.last_month()),
    );
    let mut failed: Vec<u8> = Vec::new();
    let mut open = false;
    let mut met = 0u64;
    for q in first..=last {
        if per_quarter.get(usize::from(q)).copied().unwrap_or(0) >= p.thematic_per_quarter {
            met += 1;
        } else if cx.span.quarter_over(q) {
            failed.push(q);
        } else {
            open = true;
        }
    }
    let required = u64::from(last.saturating_sub(first)) + 1;
    let status = if !failed.is_empty() {
        Status::Fail
    } else if open {
        Status::Unknown
    } else {
        Status::Pass
    };
    let mut c = Check::new(CheckId::ThematicQuarterly, status);
    c.actual = Some(Quantity::Count(met));
    c.comparator = Some(Comparator::AtLeast);
    c.target = Some(Quantity::Count(required));
    match status {
        Status::Fail => {
            c.gap = Some(indicator::count_gap(met, Some(required)));
            c.detail = Some(Detail::Quarters(failed));
        }
        Status::Unknown => c.missing.push(Field::Meetings.into()),
        Status::Pass => {}
    }
    c
}

/// Counts members matching `offends`, naming the unknown facts; `None`
/// facts are unknown. Only members for which `counts` holds are looked at.
fn over_members(
    members: &[Member],
    counts: impl Fn(&Member) -> bool,
    fact: impl Fn(&Member) -> Option<bool>,
    field: MemberField,
) -> (Vec<String>, Vec<FactPath>) {
    let mut offenders = Vec::new();
    let mut missing = Vec::new();
    for (i, m) in members.iter().enumerate().filter(|(_, m)| counts(m)) {
        match fact(m) {
            Some(true) => offenders.push(m.id.clone()),
            Some(false) => {}
            None => missing.push(FactPath::Member(
                u32::try_from(i).unwrap_or(u32::MAX),
                field,
            )),
        }
    }
    (offenders, missing)
}

fn member_check(
    id: CheckId,
    members: Option<&[Member]>,
    allowance: u32,
    counts: impl Fn(&Member) -> bool,
    fact: impl Fn(&Member) -> Option<bool>,
    field: MemberField,
) -> Check {
    let Some(members) = members else {
        return Check::unknown(id, vec![Field::Members.into()]);
    };
    let (offenders, missing) = over_members(members, counts, fact, field);
    let n = offenders.len() as u64;
    let detail = (!offenders.is_empty()).then_some(Detail::Members(offenders));
    aggregate(id, n, u64::from(allowance), Status::Pass, missing, detail)
}

/// C3 `unity_discipline` (2.1.3).
pub(crate) fn unity_discipline(record: &CellYear, out: &mut Vec<Check>) {
    // Every member counts here, reviewed or not (RULES §10).
    out.push(member_check(
        CheckId::ProhibitedViolations,
        record.members.as_deref(),
        0,
        |_| true,
        |m| m.violated_prohibitions,
        MemberField::ViolatedProhibitions,
    ));
    let u = record.unity_discipline.as_ref();
    let judgments = [
        (
            CheckId::WorkRulesFollowed,
            u.and_then(|x| x.work_rules_followed),
            Field::WorkRulesFollowed,
        ),
        (
            CheckId::PrinciplesUpheld,
            u.and_then(|x| x.principles_upheld),
            Field::PrinciplesUpheld,
        ),
        (
            CheckId::AdministrativeDiscipline,
            u.and_then(|x| x.administrative_discipline),
            Field::AdministrativeDiscipline,
        ),
        (
            CheckId::IssuesResolved,
            u.and_then(|x| x.issues_resolved),
            Field::IssuesResolved,
        ),
    ];
    for (id, v, path) in judgments {
        out.push(judgment(id, v, path));
    }
}

/// C4 `members` (2.1.4), counted over reviewed members only.
pub(crate) fn members(plan: &Plan, record: &CellYear, cx: &Context<'_>, out: &mut Vec<Check>) {
    let p = &plan.policy;
    let roster = record.members.as_deref();
    out.push(member_check(
        CheckId::NoneDisciplined,
        roster,
        p.max_disciplined,
        Member::is_reviewed,
        |m| m.disciplined,
        MemberField::Disciplined,
    ));
    out.push(member_check(
        CheckId::NoneNotCompleted,
        roster,
        p.max_not_completed,
        Member::is_reviewed,
        |m| m.rating.map(|r| r == YearRating::NotCompleted),
        MemberField::Rating,
    ));
    let min = p.leader_min_rating;
    out.push(member_check(
        CheckId::LeadersExemplary,
        roster,
        0,
        |m| m.is_reviewed() && m.role.is_leader(),
        |m| m.rating.map(|r| r < min),
        MemberField::Rating,
    ));
    if let Some(target) = &plan.targets.admissions {
        let v = record.party.as_ref().and_then(|x| x.admissions);
        out.push(count(
            CheckId::MemberDevelopment,
            target,
            v,
            Field::Admissions,
            &cx.span,
        ));
    }
    let conduct = record
        .members_conduct
        .as_ref()
        .and_then(|x| x.exemplary_conduct);
    out.push(judgment(
        CheckId::ExemplaryConduct,
        conduct,
        Field::ExemplaryConduct,
    ));
}
