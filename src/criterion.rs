//! The four criteria of clause 2.1 (RULES §4), each a list of checks.
//!
//! Every function here pushes [`Check`]s; none builds a string. A check
//! that needs a fact the record does not give is `unknown` and names the
//! fact's path.

use rust_decimal::Decimal;

use crate::calendar::{Span, month_bit, month_bits, quarter_of};
use crate::check::{
    Check, CheckId, Condition, Detail, Gap, MeetingFinding, Projection, Quantity, Status, Trend,
};
use crate::indicator::{self, Comparator, ExactTarget, Rate, Target};
use crate::meeting::{Meeting, MeetingKind, MeetingRating};
use crate::member::{HeadRole, Member, YearRating};
use crate::path::{FactPath, Field, HeadField, MeetingField, MemberField};
use crate::plan::{LeaveRunScope, Plan, Policy, RateComparison};
use crate::record::CellYear;
use crate::validate::{Context, PerMember};

/// A judgment voted by the cell: `true` passes, `false` fails.
fn judgment(out: &mut Vec<Check>, id: CheckId, value: Option<bool>, path: Field) {
    let Some(v) = value else {
        Check::push_with(out, || Check::unknown(id, vec![path.into()]));
        return;
    };
    Check::push_with(out, || Check {
        actual: Some(Quantity::Judgment(v)),
        target: Some(Quantity::Judgment(true)),
        gap: (!v).then_some(Gap::Judgment),
        ..Check::blank(id, if v { Status::Pass } else { Status::Fail })
    });
}

/// A count that must be zero (`needed: 0` and the change when it fails).
fn zero(out: &mut Vec<Check>, id: CheckId, value: Option<u64>, path: Field) {
    let Some(n) = value else {
        Check::push_with(out, || Check::unknown(id, vec![path.into()]));
        return;
    };
    // What `aggregate(out, id, n, 0, Status::Pass, Vec::new(), None)` pushes,
    // built without a list of missing facts or a detail to carry: the
    // closure then stays small enough to be built in place inline.
    let fail = n > 0;
    if !fail {
        // Zero (the common case): no gap to decide.
        Check::push_count_pass(out, id, 0, Comparator::AtMost, 0);
        return;
    }
    Check::push_with(out, || Check {
        actual: Some(Quantity::Count(n)),
        comparator: Some(Comparator::AtMost),
        target: Some(Quantity::Count(0)),
        gap: fail.then(|| indicator::count_gap(n, Some(0))),
        ..Check::blank(id, if fail { Status::Fail } else { Status::Pass })
    });
}

/// A count of offending items against an allowance: fails above it,
/// unknown when the unknown items could take it above, passes otherwise.
fn aggregate(
    out: &mut Vec<Check>,
    id: CheckId,
    offending: u64,
    allowance: u64,
    known: Status,
    missing: Vec<FactPath>,
    detail: Option<Detail>,
) {
    let unknowns = missing.len() as u64;
    let status = if offending > allowance {
        Status::Fail
    } else if known == Status::Unknown || offending.saturating_add(unknowns) > allowance {
        Status::Unknown
    } else {
        Status::Pass
    };
    if status == Status::Pass && detail.is_none() {
        // A pass with no items behind it (the common case): nothing left
        // to carry, so the whole check is built in place at once.
        Check::push_count_pass(out, id, offending, Comparator::AtMost, allowance);
        return;
    }
    let gap = (status == Status::Fail).then(|| indicator::count_gap(offending, Some(allowance)));
    // Facts that could not change a pass are dropped; beside a failure they
    // are still listed (RULES §10: `missing` lists every unknown fact).
    let missing = if status == Status::Pass {
        Vec::new()
    } else {
        missing
    };
    // Every field written out: `..Check::blank(..)` would drop the blank's
    // own `detail` (a call) to put this one in its place.
    let (criterion, clause) = id.place();
    Check::push_with(out, move || Check {
        id,
        criterion,
        clause,
        status,
        actual: Some(Quantity::Count(offending)),
        comparator: Some(Comparator::AtMost),
        target: Some(Quantity::Count(allowance)),
        gap,
        detail,
        projection: None,
        missing,
    });
}

/// A rate against its target. With `accrues`, the rate builds up during
/// the year (members who studied, members inspected): before the year's
/// end a shortfall the rest of the year can make up is `unknown`.
///
/// The usual case, a rate given as counts, compared exactly (RULES §2) and
/// met, is decided and built here, inlined at each of the nine rates (the
/// threshold read as validation let it through, see
/// [`indicator::validated_counts_meet`]: C1 runs only after `validate`): a
/// call passes eight arguments, some on the stack, and saves six
/// registers, about 30 instructions a rate. Any other case (a figure, the
/// published comparison, a rate not met or not given) is [`rate_general`],
/// out of line, so that the inlined code keeps nothing on the stack for
/// the calls that case makes.
#[inline(always)]
fn rate(
    out: &mut Vec<Check>,
    id: CheckId,
    target: &Target<Decimal>,
    value: Option<&Rate>,
    path: Field,
    policy: &Policy,
    accrues: Option<&Span>,
) {
    if let (Some(&Rate::Counts { count, of }), RateComparison::Exact) =
        (value, policy.rate_comparison)
        && indicator::validated_counts_meet(count, of, target)
    {
        // Met, so a pass whatever `accrues`.
        rate_pass(out, id, Quantity::Counts { count, of }, target);
        return;
    }
    rate_general(out, id, target, value.copied(), path, policy, accrues);
}

/// A passing rate (`actual`: as counts, the common case, or as a figure):
/// nothing left to decide, so the whole check is built in place at once.
#[inline(always)]
fn rate_pass(out: &mut Vec<Check>, id: CheckId, actual: Quantity, target: &Target<Decimal>) {
    let (comparator, value) = (target.comparator, target.value);
    Check::push_with(out, || Check {
        actual: Some(actual),
        comparator: Some(comparator),
        target: Some(Quantity::Rate(value)),
        ..Check::blank(id, Status::Pass)
    });
}

/// [`rate`] in full, for any rate, given or not: compared as the policy
/// says (RULES §2), `unknown` while the year can still make it up, and a
/// failing rate's gap (RULES §6). A figure compared exactly and met is
/// told and built first, in 64 bits ([`indicator::validated_figure_meets`]).
#[inline(never)]
fn rate_general(
    out: &mut Vec<Check>,
    id: CheckId,
    target: &Target<Decimal>,
    value: Option<Rate>,
    path: Field,
    policy: &Policy,
    accrues: Option<&Span>,
) {
    let Some(r) = value else {
        Check::push_with(out, || Check::unknown(id, vec![path.into()]));
        return;
    };
    let mode = policy.rate_comparison;
    if let (Rate::Figure(f), RateComparison::Exact) = (r, mode)
        && indicator::validated_figure_meets(f, target) == Some(true)
    {
        // Met, so a pass whatever `accrues`.
        rate_pass(out, id, Quantity::Rate(f), target);
        return;
    }
    let met = indicator::rate_meets(r, target, mode);
    let open = accrues.is_some_and(|s| !s.year_over()) && target.comparator.wants_more();
    let status = match (met, open) {
        (true, _) => Status::Pass,
        (false, true) => Status::Unknown,
        (false, false) => Status::Fail,
    };
    if let (Status::Pass, Rate::Counts { count, of }) = (status, r) {
        rate_pass(out, id, Quantity::Counts { count, of }, target);
        return;
    }
    Check::push_filled(out, id, status, |c| {
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
    });
}

/// A count against its target (admissions). Before the year's end a count
/// that the rest of the year can still raise to the target is `unknown`,
/// with a pro-rata projection.
///
/// Always inlined, like [`rate`]: its two callers pass the target and
/// span they already hold in registers.
#[inline(always)]
fn count(
    out: &mut Vec<Check>,
    id: CheckId,
    target: &Target<u64>,
    value: Option<u64>,
    path: Field,
    span: &Span,
) {
    let Some(n) = value else {
        Check::push_with(out, || Check::unknown(id, vec![path.into()]));
        return;
    };
    let met = target.met_by(&n);
    let open = !span.year_over() && target.comparator.wants_more();
    let status = match (met, open) {
        (true, _) => Status::Pass,
        (false, true) => Status::Unknown,
        (false, false) => Status::Fail,
    };
    if status == Status::Pass {
        // A passing count (the common case): built in place at once.
        Check::push_count_pass(out, id, n, target.comparator, target.value);
        return;
    }
    Check::push_filled(out, id, status, |c| {
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
    });
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
///
/// Always inlined, like [`rate`] (C1 and the verdict call it once each).
#[inline(always)]
pub(crate) fn rating(
    out: &mut Vec<Check>,
    id: CheckId,
    target: &Target<YearRating>,
    value: Option<YearRating>,
    span: &Span,
) {
    let path = FactPath::Field(Field::YearEndRating);
    let Some(r) = value.filter(|_| span.year_over()) else {
        Check::push_with(out, || Check::unknown(id, vec![path]));
        return;
    };
    let met = target.met_by(&r);
    // The rating nearest to the actual one that passes.
    let gap = (!met).then(|| {
        let passing = |x: &&YearRating| target.met_by(x);
        let needed = if target.comparator.wants_more() {
            YearRating::ALL.iter().find(passing)
        } else {
            YearRating::ALL.iter().rev().find(passing)
        };
        needed.map_or(Gap::Unreachable, |x| Gap::Rating(*x))
    });
    let (comparator, value) = (target.comparator, target.value);
    Check::push_with(out, move || Check {
        actual: Some(Quantity::Rating(r)),
        comparator: Some(comparator),
        target: Some(Quantity::Rating(value)),
        gap,
        ..Check::blank(id, if met { Status::Pass } else { Status::Fail })
    });
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
    let party = record.party.as_ref();
    // Each rate called where it is written (`rate` is always inlined), not
    // from a loop over an array of (id, target, value, path): building that
    // array copied its 40-byte entries twice, and the loop read them back.
    // The macro writes the calls; `$key` names both the plan's target and
    // the record's figure.
    macro_rules! rate_check {
        ($key:ident in $facts:expr, $id:ident, $field:ident, $accrues:expr) => {
            if let Some(target) = &t.$key {
                let v = $facts.and_then(|x| x.$key.as_ref());
                rate(out, CheckId::$id, target, v, Field::$field, p, $accrues);
            }
        };
    }
    rate_check!(dropout in e, EduDropout, Dropout, None);
    rate_check!(repetition in e, EduRepetition, Repetition, None);
    rate_check!(promotion in e, EduPromotion, Promotion, None);
    rate_check!(graduation in e, EduGraduation, Graduation, None);
    rate_check!(efficiency in e, EduEfficiency, Efficiency, None);
    rate_check!(public_grade10 in e, EduPublicGrade10, PublicGrade10, None);
    rate_check!(swimming in e, EduSwimming, Swimming, None);
    rate_check!(study in party, PartyStudy, Study, Some(&cx.span));
    if let Some(target) = &t.admissions {
        let v = party.and_then(|x| x.admissions);
        count(
            out,
            CheckId::PartyAdmissions,
            target,
            v,
            Field::Admissions,
            &cx.span,
        );
    }
    if let Some(target) = &t.cell_rating {
        rating(
            out,
            CheckId::PartyCellRating,
            target,
            record.year_end_rating,
            &cx.span,
        );
    }
    if let Some(target) = &t.exemplary_commitment {
        heads(out, &target.heads, party.and_then(|x| x.heads.as_deref()));
    }
    rate_check!(inspection in party, PartyInspection, Inspection, Some(&cx.span));
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
        judgment(out, id, v, path);
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
        zero(out, id, v, path);
    }
}

/// `party.exemplary_commitment`: every head the plan names committed and
/// fulfilled the duty to set an example.
///
/// `party.heads` left out or `null` is not given: the check is unknown. A
/// list that is given is a fact (RULES §10, "an empty list is a fact"): a
/// head the plan names who is not on it has no commitment on record and
/// fails, as one whose `committed` or `fulfilled` is `false` does; a head on
/// it whose `committed` or `fulfilled` is left out is unknown.
fn heads(out: &mut Vec<Check>, required: &[HeadRole], given: Option<&[crate::member::Head]>) {
    let id = CheckId::PartyExemplaryCommitment;
    let Some(given) = given else {
        Check::push_with(out, || Check::unknown(id, vec![Field::Heads.into()]));
        return;
    };
    let mut failing: Vec<HeadRole> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    let mut kept = 0u64;
    for role in required {
        let Some((i, head)) = given.iter().enumerate().find(|(_, h)| h.role == *role) else {
            failing.push(*role);
            continue;
        };
        // Both kept (the common case) first: one comparison each.
        let (committed, fulfilled) = (head.committed, head.fulfilled);
        if committed == Some(true) && fulfilled == Some(true) {
            kept += 1;
            continue;
        }
        if committed == Some(false) || fulfilled == Some(false) {
            failing.push(*role);
        }
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for (v, field) in [
            (committed, HeadField::Committed),
            (fulfilled, HeadField::Fulfilled),
        ] {
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
    let required = required.len() as u64;
    if status == Status::Pass {
        // Every head kept (the common case): built whole in place at once.
        Check::push_count_pass(out, id, kept, Comparator::AtLeast, required);
        return;
    }
    Check::push_filled(out, id, status, |c| {
        c.actual = Some(Quantity::Count(kept));
        c.comparator = Some(Comparator::AtLeast);
        c.target = Some(Quantity::Count(required));
        if status == Status::Fail {
            c.gap = Some(Gap::Judgment);
            c.detail = Some(Detail::Heads(failing));
        }
        c.missing = missing;
    });
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
        judgment(out, CheckId::ContentRenewed, renewed, Field::ContentRenewed);
        return;
    };
    // One pass over the meetings in date order gathers what every check
    // below needs (see `Survey` and `rating_supported`).
    let mut survey = Survey::default();
    let supported = rating_supported(meetings, cx, p, &mut survey);
    monthly_held(out, cx.order.held(meetings), cx);
    monthly_good(out, survey.below_good, survey.unrated, p);
    supported.push(out);
    committee_prepared(out, survey.late, survey.unprepared);
    if p.thematic_per_quarter > 0 {
        thematic_quarterly(out, &survey.thematic, cx, p);
    }
    judgment(out, CheckId::ContentRenewed, renewed, Field::ContentRenewed);
}

/// What the checks of C2 that look at one meeting at a time need, gathered
/// in the pass over the meetings in date order that `rating_supported`
/// makes (one pass, not two: each pass costs ~20 instructions a meeting in
/// loop mechanics alone).
#[derive(Debug, Default)]
struct Survey {
    /// Thematic meetings per quarter (1–4).
    thematic: [u32; 5],
    /// Regular meetings rated below `good`.
    below_good: Vec<MeetingFinding>,
    /// Regular meetings whose rating is not given.
    unrated: Vec<FactPath>,
    /// Regular meetings the committee prepared after they were held.
    late: Vec<MeetingFinding>,
    /// Regular meetings whose preparation date is not given.
    unprepared: Vec<FactPath>,
}

impl Survey {
    /// Notes meeting `i`, in date order.
    #[inline(always)]
    fn note(&mut self, i: u32, m: &Meeting) {
        match m.kind {
            MeetingKind::Regular => {
                match m.rating {
                    None => self
                        .unrated
                        .push(FactPath::Meeting(i, MeetingField::Rating)),
                    Some(MeetingRating::Good) => {}
                    Some(_) => {
                        let f = finding(i, m, Condition::RatedBelowGood, None);
                        self.below_good.push(f);
                    }
                }
                match m.committee_met {
                    None => {
                        let path = FactPath::Meeting(i, MeetingField::CommitteeMet);
                        self.unprepared.push(path);
                    }
                    Some(d) if d > m.date => {
                        let f = finding(i, m, Condition::CommitteeAfterMeeting, None);
                        self.late.push(f);
                    }
                    Some(_) => {}
                }
            }
            MeetingKind::Thematic => {
                let quarter = usize::from(quarter_of(m.month()));
                if let Some(q) = self.thematic.get_mut(quarter) {
                    *q = q.saturating_add(1);
                }
            }
            MeetingKind::Extraordinary => {}
        }
    }
}

/// `meeting_quality.monthly_held`: a regular meeting in each month of the
/// span (Điều lệ: chi bộ họp thường lệ mỗi tháng một lần). A month not yet
/// over without its meeting is unknown, not failed.
/// `held`: the months with a regular meeting within the span
/// ([`Order::held`](crate::validate::Order::held)).
fn monthly_held(out: &mut Vec<Check>, held: u16, cx: &Context<'_>) {
    let (first, last) = (cx.span.first_month(), cx.span.last_month());
    let mut failed: Vec<u8> = Vec::new();
    let mut open = false;
    let count = u64::from((held & month_bits(first, last)).count_ones());
    let required = u64::from(last.saturating_sub(first)) + 1;
    // Only a month without its meeting needs a closer look.
    if count < required {
        for m in (first..=last).filter(|&m| held & month_bit(m) == 0) {
            if cx.span.month_over(m) {
                failed.push(m);
            } else {
                open = true;
            }
        }
    }
    periods_check(
        out,
        CheckId::MonthlyHeld,
        count,
        required,
        failed,
        open,
        Detail::Months,
    );
}

/// A C2 check that counts the periods (months, quarters) of the span that
/// meet a rule against all of them: it fails for any period `failed` (over
/// and short; `detail` lists them), is unknown when one not yet over is
/// still short (`open`), and passes otherwise.
fn periods_check(
    out: &mut Vec<Check>,
    id: CheckId,
    met: u64,
    required: u64,
    failed: Vec<u8>,
    open: bool,
    detail: impl FnOnce(Vec<u8>) -> Detail,
) {
    let status = if !failed.is_empty() {
        Status::Fail
    } else if open {
        Status::Unknown
    } else {
        Status::Pass
    };
    Check::push_filled(out, id, status, |c| {
        c.actual = Some(Quantity::Count(met));
        c.comparator = Some(Comparator::AtLeast);
        c.target = Some(Quantity::Count(required));
        match status {
            Status::Fail => {
                c.gap = Some(indicator::count_gap(met, Some(required)));
                c.detail = Some(detail(failed));
            }
            Status::Unknown => c.missing.push(Field::Meetings.into()),
            Status::Pass => {}
        }
    });
}

/// `meeting_quality.monthly_good`: every regular meeting rated `good`
/// **[reading]**; the policy may allow some lower months. `below` and
/// `missing`: the regular meetings rated lower, and those not rated
/// ([`Survey`]).
fn monthly_good(
    out: &mut Vec<Check>,
    below: Vec<MeetingFinding>,
    missing: Vec<FactPath>,
    p: &Policy,
) {
    let n = below.len() as u64;
    let allowance = u64::from(p.monthly_good_allowance);
    // A meeting not rated may be rated lower: unknown only if the unrated
    // ones could take the count above the allowance (`aggregate`).
    meetings_check(
        out,
        CheckId::MonthlyGood,
        n,
        allowance,
        below,
        missing,
        false,
    );
}

/// A C2 check that counts meetings against an allowance, with the meetings
/// at fault (`found`) and the facts it lacked (`missing`): what
/// [`aggregate`] pushes. With `any_missing_unknown`, any missing fact makes
/// it unknown; otherwise only enough of them to pass the allowance.
///
/// When nothing is found or missing (the common case), the passing check is
/// built whole in place, without moving the two empty lists in (and
/// dropping them); `aggregate`'s own `extend` stays out of line.
#[inline(always)]
fn meetings_check(
    out: &mut Vec<Check>,
    id: CheckId,
    offending: u64,
    allowance: u64,
    found: Vec<MeetingFinding>,
    missing: Vec<FactPath>,
    any_missing_unknown: bool,
) {
    if found.is_empty() && missing.is_empty() && offending <= allowance {
        Check::push_count_pass(out, id, offending, Comparator::AtMost, allowance);
        return;
    }
    let detail = if found.is_empty() {
        None
    } else {
        Some(Detail::Meetings(found))
    };
    let known = if any_missing_unknown && !missing.is_empty() {
        Status::Unknown
    } else {
        Status::Pass
    };
    aggregate(out, id, offending, allowance, known, missing, detail);
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
/// not given may extend or break a run, so a run too long only if it was
/// extended there is unknown (that attendance is missing). Without a roster, exemptions
/// cannot be told, so a meeting with absentees cannot be judged (`members`
/// is missing). A meeting whose rating is not given is checked as if rated
/// `good`: a shortfall, or a condition that cannot be told, makes the check
/// unknown with the meeting's rating missing (it may have been rated good),
/// never a pass.
///
/// The same pass notes each meeting in `survey` for the other checks of C2;
/// the check itself is pushed later ([`Supported::push`]), in its place
/// among them.
fn rating_supported(
    meetings: &[Meeting],
    cx: &Context<'_>,
    p: &Policy,
    survey: &mut Survey,
) -> Supported {
    // Most records list their meetings in date order: then the pass runs
    // over a plain slice, without the chain of `Order::meetings`.
    match cx.order.prefix(meetings) {
        Some(prefix) => rating_pass((0u32..).zip(prefix), cx, p, survey),
        None => rating_pass(cx.order.meetings(meetings), cx, p, survey),
    }
}

/// The pass of [`rating_supported`] over `in_order`: the meetings within
/// the span, in date order, with their positions.
///
/// Out of line: each of its two copies (a slice, the chain) is laid out
/// and given registers on its own, and `meeting_quality` stays small.
#[inline(never)]
fn rating_pass<'m>(
    in_order: impl Iterator<Item = (u32, &'m Meeting)>,
    cx: &Context<'_>,
    p: &Policy,
    survey: &mut Survey,
) -> Supported {
    let fw = &p.meeting_framework;
    let share = ExactTarget::new(&fw.attendance);
    let long_enough = Minutes::of(&fw.minutes);
    let mut findings: Vec<MeetingFinding> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    let mut unsupported = 0u64;
    // Per roster position: the run's length, and the sequence number (from
    // 1) of the last counted meeting the member missed with leave.
    let n = cx.roster.as_ref().map_or(0, |r| r.len());
    let mut runs: PerMember<Run> = PerMember::new(n);
    // The same, by id, for a record without a roster (made at first use:
    // an empty map still costs a call to drop).
    let mut by_id: Option<std::collections::BTreeMap<&str, Run>> = None;
    let mut seq = 0u32;
    // The last counted meeting whose attendance is given, the counted
    // meetings since whose attendance is not, and those of them not listed
    // as missing yet (their rating is known and not `good`).
    let (mut known, mut gap) = (0u32, 0u32);
    let mut unlisted: Vec<u32> = Vec::new();
    // Where the absentees of the next meeting are looked for first.
    let mut absent_from = 0usize;
    for (i, m) in in_order {
        survey.note(i, m);
        // A meeting whose rating is not given may have been rated good: its
        // conditions are checked as for a good one, and a shortfall (or a
        // condition that cannot be told) makes the check unknown, with the
        // rating missing, never a pass (Kleene logic, RULES §4 and §10).
        let unrated = m.rating.is_none();
        let rated_good = unrated || m.rating == Some(MeetingRating::Good);
        let counted = match fw.leave_run_scope {
            LeaveRunScope::AllMeetings => true,
            LeaveRunScope::RegularOnly => m.kind == MeetingKind::Regular,
        };
        // Most meetings name no absentee and, if rated good (or not rated),
        // meet the attendance share and last long enough: such a meeting
        // only breaks every run of absences, with or without the roster.
        // Anything else takes the general path below.
        if let Some(a) = &m.attendance
            && a.absent_with_leave.is_empty()
            && a.absent_without_leave.is_empty()
            && (!rated_good
                || (attended(a.present, a.required, &share)
                    && m.minutes.is_some_and(|min| long_enough.met_by(min))))
        {
            if counted {
                seq = seq.saturating_add(1);
                (known, gap) = (seq, 0);
            }
            continue;
        }
        let before = findings.len();
        let missing_before = missing.len();
        let mut uncertain = false;
        match (&m.attendance, &cx.roster) {
            (None, _) => {
                // Who was absent is not known: the meeting may extend or
                // break each run (see `Run`).
                if counted {
                    seq = seq.saturating_add(1);
                    gap = gap.saturating_add(1);
                }
                if rated_good {
                    missing.push(FactPath::Meeting(i, MeetingField::Attendance));
                } else if counted {
                    unlisted.push(i);
                }
            }
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
                    let run = by_id
                        .get_or_insert_with(std::collections::BTreeMap::new)
                        .entry(id.as_str())
                        .or_default();
                    run.extend(seq, known, gap);
                    unsure |= run.most > fw.max_leave_run && rated_good;
                }
                if counted {
                    (known, gap) = (seq, 0);
                }
                if rated_good {
                    let all = attended(a.present, a.required, &share);
                    let nobody_absent =
                        a.absent_with_leave.is_empty() && a.absent_without_leave.is_empty();
                    if !all && nobody_absent {
                        findings.push(finding(i, m, Condition::Attendance, None));
                    }
                    let unexcused = a.absent_without_leave.len() as u64;
                    unsure |= !all && !nobody_absent;
                    unsure |= unexcused > u64::from(fw.max_unexcused_absences);
                    uncertain |= unsure;
                    if unsure && !missing.contains(&Field::Members.into()) {
                        missing.push(Field::Members.into());
                    }
                }
            }
            (Some(a), Some(roster)) => {
                // Most meetings name no absentee: none to look up.
                let named = a.absent_with_leave.len() + a.absent_without_leave.len();
                let absent = if named == 0 {
                    &[]
                } else {
                    cx.absences.of(i, named, &mut absent_from)
                };
                if counted {
                    seq = seq.saturating_add(1);
                }
                // One pass over the absentees: runs of leave, and the exempt
                // and unexcused ones counted for the conditions below.
                let (mut exempt_absent, mut unexcused) = (0u32, 0u64);
                for x in absent {
                    if x.exempt {
                        exempt_absent = exempt_absent.saturating_add(1);
                        continue;
                    }
                    if !x.with_leave {
                        unexcused += 1;
                        continue;
                    }
                    if !counted {
                        continue;
                    }
                    let Some(run) = runs.get_mut(x.pos) else {
                        continue;
                    };
                    run.extend(seq, known, gap);
                    // A run is never shorter at least than at most
                    // (`Run::extend`): one within the limit at most (the
                    // usual case) is within it at least, one comparison.
                    if run.most <= fw.max_leave_run || !rated_good {
                        continue;
                    }
                    if run.least > fw.max_leave_run {
                        let id = roster.member(x.pos).map(|x| x.id.as_str());
                        findings.push(finding(i, m, Condition::LeaveRun, id));
                    } else {
                        // Too long only if the member missed a meeting whose
                        // attendance is not given: unknown.
                        uncertain = true;
                        for j in unlisted.drain(..) {
                            missing.push(FactPath::Meeting(j, MeetingField::Attendance));
                        }
                    }
                }
                if counted {
                    (known, gap) = (seq, 0);
                }
                if rated_good {
                    let required = a.required.saturating_sub(exempt_absent);
                    if !attended(a.present, required, &share) {
                        findings.push(finding(i, m, Condition::Attendance, None));
                    }
                    if unexcused > u64::from(fw.max_unexcused_absences) {
                        for x in absent.iter().filter(|x| !x.with_leave && !x.exempt) {
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
                Some(min) if !long_enough.met_by(min) => {
                    findings.push(finding(i, m, Condition::Duration, None));
                }
                Some(_) => {}
            }
        }
        if unrated {
            let short = findings.len() > before;
            findings.truncate(before);
            if short || uncertain || missing.len() > missing_before {
                missing.push(FactPath::Meeting(i, MeetingField::Rating));
            }
        } else if findings.len() > before {
            unsupported += 1;
        }
    }
    Supported {
        unsupported,
        findings,
        missing,
    }
}

/// What the pass of [`rating_supported`] found: the meetings rated good
/// that do not meet the conditions, and the facts it needed and was not
/// given.
#[derive(Debug)]
struct Supported {
    unsupported: u64,
    findings: Vec<MeetingFinding>,
    missing: Vec<FactPath>,
}

impl Supported {
    /// Pushes the check `meeting_quality.rating_supported`.
    #[inline(always)]
    fn push(self, out: &mut Vec<Check>) {
        let Supported {
            unsupported,
            findings,
            missing,
        } = self;
        meetings_check(
            out,
            CheckId::RatingSupported,
            unsupported,
            0,
            findings,
            missing,
            true,
        );
    }
}

/// A member's run of absences with leave (RULES §10) at the counted
/// meetings in date order. A meeting whose attendance is not given may have
/// broken the run (the member came) or extended it (the member was absent):
/// `least` is the run's length in the first case, `most` in the second.
/// Beyond the framework's limit, `least` fails the meeting; `most` alone
/// makes it unknown.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    least: u32,
    most: u32,
    /// The counted meeting (from 1) the member last missed with leave.
    last: u32,
}

impl Run {
    /// The member missed counted meeting `seq` with leave. `known` is the
    /// last counted meeting before it whose attendance is given, and `gap`
    /// the counted meetings between the two, whose attendance is not.
    fn extend(&mut self, seq: u32, known: u32, gap: u32) {
        let on = self.last != 0 && self.last == known;
        let (least, most) = if on {
            (
                if gap == 0 {
                    self.least.saturating_add(1)
                } else {
                    1
                },
                self.most.saturating_add(gap).saturating_add(1),
            )
        } else {
            (1, gap.saturating_add(1))
        };
        *self = Run {
            least,
            most,
            last: seq,
        };
    }
}

/// The meeting lengths that meet the framework's `minutes` target, as one
/// closed range worked out once for every meeting: two comparisons a
/// meeting instead of a match on the comparator.
#[derive(Debug, Clone, Copy)]
struct Minutes {
    /// The shortest passing length.
    least: u64,
    /// The longest (`least > most` when none passes).
    most: u64,
}

impl Minutes {
    fn of(target: &Target<u64>) -> Minutes {
        let v = target.value;
        let (least, most) = match target.comparator {
            Comparator::AtLeast => (v, u64::MAX),
            Comparator::AtMost => (0, v),
            // Above the greatest length, or below 0: none passes.
            Comparator::Above => v.checked_add(1).map_or((1, 0), |l| (l, u64::MAX)),
            Comparator::Below => v.checked_sub(1).map_or((1, 0), |m| (0, m)),
        };
        Minutes { least, most }
    }

    /// Whether a meeting of `minutes` meets the target.
    fn met_by(self, minutes: u32) -> bool {
        let m = u64::from(minutes);
        self.least <= m && m <= self.most
    }
}

/// Attendance above the framework's share (85 %) of the members required:
/// the share prepared once for every meeting.
fn attended(present: u32, required: u32, share: &ExactTarget) -> bool {
    share.met_by(present, required)
}

/// `meeting_quality.committee_prepared`: before each regular meeting the
/// committee met (plan, section 3), on or before the meeting's date. `late`
/// and `missing`: the regular meetings prepared after the fact, and those
/// without the date ([`Survey`]).
fn committee_prepared(out: &mut Vec<Check>, late: Vec<MeetingFinding>, missing: Vec<FactPath>) {
    let n = late.len() as u64;
    meetings_check(out, CheckId::CommitteePrepared, n, 0, late, missing, true);
}

/// `meeting_quality.thematic_quarterly`: at least one thematic meeting in
/// each quarter of the span **[reading]**. A quarter not yet over that is
/// still short is unknown.
///
/// `per_quarter`: the thematic meetings of each quarter ([`Survey`]).
fn thematic_quarterly(out: &mut Vec<Check>, per_quarter: &[u32; 5], cx: &Context<'_>, p: &Policy) {
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
    periods_check(
        out,
        CheckId::ThematicQuarterly,
        met,
        required,
        failed,
        open,
        Detail::Quarters,
    );
}

/// The members one member check finds at fault (by id), and the facts it
/// needed and was not given.
#[derive(Debug, Default)]
struct Offenders {
    ids: Vec<String>,
    missing: Vec<FactPath>,
}

impl Offenders {
    /// Notes member `i`'s fact: `Some(true)` offends, `None` is not given.
    #[inline]
    fn note(&mut self, i: usize, m: &Member, fact: Option<bool>, field: MemberField) {
        match fact {
            Some(true) => self.ids.push(m.id.clone()),
            Some(false) => {}
            None => self.missing.push(FactPath::Member(
                u32::try_from(i).unwrap_or(u32::MAX),
                field,
            )),
        }
    }
}

/// The member checks of C3 and C4, gathered in one pass over a roster that
/// is not [`clean`].
#[derive(Debug, Default)]
struct MemberChecks {
    /// `unity_discipline.prohibited_violations`: every member counts,
    /// reviewed or not (RULES §10).
    prohibited: Offenders,
    /// `members.none_disciplined`: reviewed members.
    disciplined: Offenders,
    /// `members.none_not_completed`: reviewed members.
    not_completed: Offenders,
    /// `members.leaders_exemplary`: reviewed leaders rated below the
    /// policy's least rating.
    leaders: Offenders,
}

impl MemberChecks {
    /// Goes over the roster once, noting into `self` (empty so far).
    ///
    /// Filled in place rather than returned: the four lists are 192 bytes,
    /// which a return copies with a `memcpy` call.
    fn gather(&mut self, members: &[Member], min: YearRating) {
        let c = self;
        for (i, m) in members.iter().enumerate() {
            let prohibited = m.violated_prohibitions;
            c.prohibited
                .note(i, m, prohibited, MemberField::ViolatedProhibitions);
            if m.is_reviewed() {
                c.disciplined
                    .note(i, m, m.disciplined, MemberField::Disciplined);
                let not_completed = m.rating.map(|r| r == YearRating::NotCompleted);
                c.not_completed
                    .note(i, m, not_completed, MemberField::Rating);
                if m.role.is_leader() {
                    let below = m.rating.map(|r| r < min);
                    c.leaders.note(i, m, below, MemberField::Rating);
                }
            }
        }
    }
}

/// What [`member_check`] is given for its list.
#[derive(Debug)]
enum Found<'a> {
    /// The record has no roster.
    NoRoster,
    /// No member has anything to note for any list ([`clean`]).
    Clean,
    /// The list [`MemberChecks::gather`] wrote.
    Listed(&'a mut Offenders),
}

/// Whether member `m` has nothing to note for any member check: what
/// [`MemberChecks::gather`] would note nothing for. A roster of such
/// members (the common case) needs no lists at all.
///
/// Every member must not have violated the prohibitions (C3, RULES §10),
/// and a reviewed one must also not be disciplined and be rated at least
/// `completed`, and a leader at least `min` (C4). Written as "clean as a
/// reviewed member, or not violating and not reviewed": a reviewed member
/// (most) is then told clean without reading whether it is reviewed.
#[inline(always)]
fn clean(m: &Member, min: YearRating) -> bool {
    (m.disciplined == Some(false)
        && m.violated_prohibitions == Some(false)
        && matches!(m.rating, Some(r)
            if r != YearRating::NotCompleted && (!m.role.is_leader() || r >= min)))
        || (m.violated_prohibitions == Some(false) && !m.is_reviewed())
}

/// A member check from what the roster holds: unknown without one.
///
/// Always inlined, like [`rate`].
#[inline(always)]
fn member_check(out: &mut Vec<Check>, id: CheckId, found: Found<'_>, allowance: u32) {
    let found = match found {
        Found::NoRoster => {
            Check::push_with(out, || Check::unknown(id, vec![Field::Members.into()]));
            return;
        }
        Found::Listed(found) if !found.ids.is_empty() || !found.missing.is_empty() => found,
        Found::Clean | Found::Listed(_) => {
            // No offender and every fact given (the common case): what
            // `aggregate` pushes for a count of 0 (a pass), built in place
            // by a closure small enough to be inlined, where `aggregate`'s
            // own `extend` stays out of line and copies its captures.
            let allowance = u64::from(allowance);
            Check::push_count_pass(out, id, 0, Comparator::AtMost, allowance);
            return;
        }
    };
    let ids = core::mem::take(&mut found.ids);
    let missing = core::mem::take(&mut found.missing);
    let n = ids.len() as u64;
    // Not `then_some`: that builds the detail first and, for no offenders,
    // drops it again through a call.
    let detail = if ids.is_empty() {
        None
    } else {
        Some(Detail::Members(ids))
    };
    aggregate(
        out,
        id,
        n,
        u64::from(allowance),
        Status::Pass,
        missing,
        detail,
    );
}

/// C3 `unity_discipline` (2.1.3) and C4 `members` (2.1.4), in that order:
/// their member checks look at the roster in one pass ([`clean`]), and
/// only a roster with something to note in a second that gathers the
/// lists ([`MemberChecks`]).
pub(crate) fn unity_discipline_and_members(
    plan: &Plan,
    record: &CellYear,
    cx: &Context<'_>,
    out: &mut Vec<Check>,
) {
    let min = plan.policy.leader_min_rating;
    let Some(roster) = record.members.as_deref() else {
        unity_discipline(record, Found::NoRoster, out);
        let found = [Found::NoRoster, Found::NoRoster, Found::NoRoster];
        members(plan, record, cx, found, out);
        return;
    };
    // A clean roster (the common case) needs no lists: no `MemberChecks`
    // to fill, look into and drop.
    if roster.iter().all(|m| clean(m, min)) {
        unity_discipline(record, Found::Clean, out);
        let found = [Found::Clean, Found::Clean, Found::Clean];
        members(plan, record, cx, found, out);
        return;
    }
    let mut found = MemberChecks::default();
    found.gather(roster, min);
    let MemberChecks {
        prohibited,
        disciplined,
        not_completed,
        leaders,
    } = &mut found;
    unity_discipline(record, Found::Listed(prohibited), out);
    let found = [
        Found::Listed(disciplined),
        Found::Listed(not_completed),
        Found::Listed(leaders),
    ];
    members(plan, record, cx, found, out);
}

/// C3 `unity_discipline` (2.1.3). `prohibited` is what
/// [`MemberChecks::gather`] found, `None` without a roster.
///
/// Always inlined, as [`members`] is: at each of the three callers in
/// [`unity_discipline_and_members`] what was found is known (no roster, a
/// clean roster, lists), so a clean roster's checks are built with no
/// match on it and no call.
#[inline(always)]
fn unity_discipline(record: &CellYear, prohibited: Found<'_>, out: &mut Vec<Check>) {
    // Every member counts here, reviewed or not (RULES §10).
    member_check(out, CheckId::ProhibitedViolations, prohibited, 0);
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
        judgment(out, id, v, path);
    }
}

/// C4 `members` (2.1.4), counted over reviewed members only. `found` is
/// what [`MemberChecks::gather`] found (disciplined, not completed,
/// leaders), `None` without a roster.
///
/// Always inlined, as [`unity_discipline`] is.
#[inline(always)]
fn members(
    plan: &Plan,
    record: &CellYear,
    cx: &Context<'_>,
    found: [Found<'_>; 3],
    out: &mut Vec<Check>,
) {
    let p = &plan.policy;
    let [disciplined, not_completed, leaders] = found;
    member_check(
        out,
        CheckId::NoneDisciplined,
        disciplined,
        p.max_disciplined,
    );
    member_check(
        out,
        CheckId::NoneNotCompleted,
        not_completed,
        p.max_not_completed,
    );
    member_check(out, CheckId::LeadersExemplary, leaders, 0);
    if let Some(target) = &plan.targets.admissions {
        let v = record.party.as_ref().and_then(|x| x.admissions);
        count(
            out,
            CheckId::MemberDevelopment,
            target,
            v,
            Field::Admissions,
            &cx.span,
        );
    }
    let conduct = record
        .members_conduct
        .as_ref()
        .and_then(|x| x.exemplary_conduct);
    judgment(
        out,
        CheckId::ExemplaryConduct,
        conduct,
        Field::ExemplaryConduct,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_never_shorter_at_most_than_at_least() {
        // `rating_pass` tests `most` against the limit first, and `least`
        // only when `most` is beyond it. Every run starts blank and changes
        // only by `extend`: extended from every run that holds
        // `least <= most`, it still does.
        let values = [0, 1, 2, 3, 5, u32::MAX - 1, u32::MAX];
        let mut extended = 0;
        for most in values {
            for least in values.into_iter().filter(|&l| l <= most) {
                for last in values {
                    for (seq, known, gap) in values
                        .into_iter()
                        .flat_map(|a| values.into_iter().map(move |b| (a, b)))
                        .flat_map(|(a, b)| values.into_iter().map(move |c| (a, b, c)))
                    {
                        let mut run = Run { least, most, last };
                        run.extend(seq, known, gap);
                        assert!(run.least <= run.most, "{least} {most} {last}: {run:?}");
                        extended += 1;
                    }
                }
            }
        }
        assert!(extended > 10_000);
        let blank = Run::default();
        assert!(blank.least <= blank.most);
    }

    #[test]
    fn the_pass_over_a_prefix_gives_what_the_pass_over_the_chain_gives() {
        use crate::plan::LeaveRunScope;
        use crate::validate::{Scratch, validate};
        // Passes compared, and those that found a meeting not supported, or
        // a fact missing.
        let (mut compared, mut found, mut missing) = (0, 0, 0);
        for base in crate::testing::example_records() {
            // Meetings without attendance, rating or minutes, by turns.
            let mut gaps = base.clone();
            for (k, m) in gaps.meetings.iter_mut().flatten().enumerate() {
                match k % 4 {
                    1 => m.attendance = None,
                    2 => m.rating = None,
                    3 => m.minutes = None,
                    _ => {}
                }
            }
            let mut variants = vec![base, gaps];
            // Each without its roster too.
            for k in 0..variants.len() {
                let mut v = variants[k].clone();
                v.members = None;
                variants.push(v);
            }
            for record in &variants {
                for scope in [LeaveRunScope::AllMeetings, LeaveRunScope::RegularOnly] {
                    let mut plan = Plan::binh_tan_2024();
                    plan.policy.meeting_framework.leave_run_scope = scope;
                    let mut scratch = Scratch::new();
                    let cx = validate(&plan, record, &mut scratch).unwrap();
                    let meetings = record.meetings.as_deref().unwrap_or(&[]);
                    let prefix = cx.order.prefix(meetings).unwrap();
                    let mut by_prefix = Survey::default();
                    let fast = rating_pass((0u32..).zip(prefix), &cx, &plan.policy, &mut by_prefix);
                    let mut by_chain = Survey::default();
                    let general = rating_pass(
                        cx.order.meetings(meetings),
                        &cx,
                        &plan.policy,
                        &mut by_chain,
                    );
                    assert_eq!(
                        format!("{fast:?} {by_prefix:?}"),
                        format!("{general:?} {by_chain:?}")
                    );
                    compared += 1;
                    found += usize::from(!fast.findings.is_empty());
                    missing += usize::from(!fast.missing.is_empty());
                }
            }
        }
        assert_eq!(compared, 32);
        assert!(found > 0 && missing > 0, "{found} {missing}");
    }

    #[test]
    fn minutes_range_agrees_with_the_target() {
        let values = [0, 1, 2, 89, 90, 91, u64::MAX - 1, u64::MAX];
        let lengths = [0, 1, 2, 89, 90, 91, u32::MAX - 1, u32::MAX];
        for &comparator in Comparator::ALL {
            for value in values {
                let target = Target { comparator, value };
                let range = Minutes::of(&target);
                for len in lengths {
                    assert_eq!(
                        range.met_by(len),
                        target.met_by(&u64::from(len)),
                        "{len} minutes against {target:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn monthly_good_without_findings_pushes_what_aggregate_pushes() {
        for allowance in [0, 1, 3, u32::MAX] {
            let p = Policy {
                monthly_good_allowance: allowance,
                ..Policy::default()
            };
            let (mut m, mut a) = (Vec::new(), Vec::new());
            monthly_good(&mut m, Vec::new(), Vec::new(), &p);
            aggregate(
                &mut a,
                CheckId::MonthlyGood,
                0,
                u64::from(allowance),
                Status::Pass,
                Vec::new(),
                None,
            );
            assert_eq!(m, a, "{allowance}");
        }
    }

    #[test]
    fn member_check_without_offenders_pushes_what_aggregate_pushes() {
        for allowance in [0, 1, 5, u32::MAX] {
            let (mut m, mut a) = (Vec::new(), Vec::new());
            let id = CheckId::NoneDisciplined;
            member_check(&mut m, id, Found::Clean, allowance);
            let allowance = u64::from(allowance);
            aggregate(&mut a, id, 0, allowance, Status::Pass, Vec::new(), None);
            assert_eq!(m, a, "{allowance}");
        }
    }

    #[test]
    fn a_clean_member_is_one_gather_notes_nothing_for() {
        use crate::member::{MemberStatus, NotReviewed, Role};
        let facts = [None, Some(false), Some(true)];
        let ratings = core::iter::once(None).chain(YearRating::ALL.iter().copied().map(Some));
        let ratings: Vec<_> = ratings.collect();
        for &min in YearRating::ALL {
            for &role in Role::ALL {
                for &rating in &ratings {
                    for violated in facts {
                        for disciplined in facts {
                            for exempt in [None, Some(false), Some(true)] {
                                let not_reviewed = NotReviewed::ALL.iter().copied().map(Some);
                                for not_reviewed in core::iter::once(None).chain(not_reviewed) {
                                    let m = Member {
                                        id: "dv01".into(),
                                        name: None,
                                        status: MemberStatus::Official,
                                        role,
                                        rating,
                                        exempt,
                                        working_elsewhere: None,
                                        not_reviewed,
                                        admitted: None,
                                        disciplined,
                                        violated_prohibitions: violated,
                                    };
                                    let mut found = MemberChecks::default();
                                    found.gather(core::slice::from_ref(&m), min);
                                    let lists = [
                                        &found.prohibited,
                                        &found.disciplined,
                                        &found.not_completed,
                                        &found.leaders,
                                    ];
                                    let nothing = lists
                                        .iter()
                                        .all(|o| o.ids.is_empty() && o.missing.is_empty());
                                    assert_eq!(clean(&m, min), nothing, "{m:?} against {min}");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_rate_pushes_what_its_general_path_pushes() {
        let plan = Plan::binh_tan_2024();
        let exact = plan.policy;
        let mut published = plan.policy;
        published.rate_comparison = RateComparison::Published { decimals: 1 };
        let year = Span::new(2024, None, None).unwrap();
        let june = Span::new(2024, None, chrono::NaiveDate::from_ymd_opt(2024, 6, 30)).unwrap();
        let rates = [
            None,
            Some(Rate::Counts { count: 0, of: 10 }),
            Some(Rate::Counts { count: 5, of: 10 }),
            Some(Rate::Counts { count: 9, of: 10 }),
            Some(Rate::Counts { count: 10, of: 10 }),
            Some(Rate::Counts {
                count: 1486,
                of: 1507,
            }),
            Some(Rate::Counts { count: 9, of: 1512 }),
            Some(Rate::Figure(Decimal::new(6125, 2))),
            Some(Rate::Figure(Decimal::new(0, 0))),
            Some(Rate::Figure(Decimal::new(-0, 3))),
            Some(Rate::Figure(Decimal::new(986, 1))),
            Some(Rate::Figure(Decimal::new(100, 0))),
            Some(Rate::Figure("98.60000000000000000".parse().unwrap())),
        ];
        for comparator in [
            Comparator::AtLeast,
            Comparator::Above,
            Comparator::AtMost,
            Comparator::Below,
        ] {
            // Thresholds as validation lets them through: with a sign on
            // zero, and with more decimals than a threshold keeps.
            for value in [
                "0",
                "-0",
                "0.5",
                "50",
                "90",
                "98.6",
                "100",
                "0.6",
                "99.9999999999999999",
                "98.60000000000000000",
                "100.000000000000000000000000",
            ] {
                let value: Decimal = value.parse().unwrap();
                assert!(
                    indicator::within_percent(value)
                        && value.normalize().scale() <= indicator::MAX_THRESHOLD_SCALE
                );
                let target = Target { comparator, value };
                for policy in [&exact, &published] {
                    for accrues in [None, Some(&year), Some(&june)] {
                        for r in &rates {
                            let (mut fast, mut general) = (Vec::new(), Vec::new());
                            let (id, path) = (CheckId::PartyStudy, Field::Study);
                            rate(&mut fast, id, &target, r.as_ref(), path, policy, accrues);
                            rate_general(&mut general, id, &target, *r, path, policy, accrues);
                            assert_eq!(fast, general, "{r:?} {comparator:?} {value}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn passing_rates_and_counts_are_built_whole() {
        let policy = Plan::binh_tan_2024().policy;
        let span = Span::new(2024, None, None).unwrap();
        for comparator in [Comparator::AtLeast, Comparator::AtMost] {
            let target = Target {
                comparator,
                value: Decimal::new(5, 1),
            };
            // As counts, and as a figure: each built whole (`rate_pass`).
            let (k, f) = if comparator.wants_more() {
                (9, Decimal::new(6125, 2))
            } else {
                (0, Decimal::new(25, 2))
            };
            let given = [
                (
                    Rate::Counts { count: k, of: 10 },
                    Quantity::Counts { count: k, of: 10 },
                ),
                (Rate::Figure(f), Quantity::Rate(f)),
            ];
            let id = CheckId::EduPromotion;
            for (r, actual) in given {
                let mut v = Vec::new();
                let field = Field::Promotion;
                rate(&mut v, id, &target, Some(&r), field, &policy, None);
                let expected = Check {
                    actual: Some(actual),
                    comparator: Some(comparator),
                    target: Some(Quantity::Rate(target.value)),
                    ..Check::new(id, Status::Pass)
                };
                assert_eq!(v, [expected]);
            }

            let target = Target {
                comparator,
                value: 4,
            };
            let n = if comparator.wants_more() { 6 } else { 2 };
            let mut v = Vec::new();
            let id = CheckId::PartyAdmissions;
            count(&mut v, id, &target, Some(n), Field::Admissions, &span);
            let expected = Check {
                actual: Some(Quantity::Count(n)),
                comparator: Some(comparator),
                target: Some(Quantity::Count(4)),
                ..Check::new(id, Status::Pass)
            };
            assert_eq!(v, [expected]);
        }
    }

    #[test]
    fn zero_pushes_what_aggregate_pushes() {
        for n in [0, 1, 5, u64::MAX] {
            let (mut z, mut a) = (Vec::new(), Vec::new());
            zero(
                &mut z,
                CheckId::MassComplaints,
                Some(n),
                Field::MassComplaints,
            );
            aggregate(
                &mut a,
                CheckId::MassComplaints,
                n,
                0,
                Status::Pass,
                Vec::new(),
                None,
            );
            assert_eq!(z, a, "{n}");
        }
    }
}
