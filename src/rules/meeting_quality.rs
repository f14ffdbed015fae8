//! C2 `meeting_quality` (clause 2.1.2): a regular meeting every month, each
//! rated `good` with the rating supported, prepared by the committee, a
//! thematic meeting each quarter, and the cell's judgment.

use crate::model::ids::CheckId;
use crate::model::meeting::{Meeting, MeetingKind, MeetingRating};
use crate::model::path::{FactPath, Field, MeetingField};
use crate::model::plan::Plan;
use crate::model::policy::Policy;
use crate::model::rate::Comparator;
use crate::model::record::CellYear;
use crate::rules::check::{Check, Condition, Detail, MeetingFinding, Quantity};
use crate::rules::compare;
use crate::rules::kinds::{aggregate, judgment};
use crate::rules::meeting_rating::rating_supported;
use crate::rules::status::Status;
use crate::support::calendar::{Span, month_bit, month_bits, quarter_of};
use crate::validation::Validated;

/// C2 `meeting_quality` (clause 2.1.2, RULES §4): without the record's
/// meetings, every check that reads them is unknown.
pub(crate) fn meeting_quality(
    plan: &Plan,
    record: &CellYear,
    v: &Validated<'_>,
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
    let survey = Survey::of(v.order.meetings(meetings));
    monthly_held(out, v.order.held(meetings), &v.span);
    monthly_good(out, survey.below_good, survey.unrated, p);
    let supported = rating_supported(meetings, v, p);
    meetings_check(
        out,
        CheckId::RatingSupported,
        supported.unsupported,
        0,
        supported.findings,
        supported.missing,
        true,
    );
    committee_prepared(out, survey.late, survey.unprepared);
    if p.thematic_per_quarter > 0 {
        thematic_quarterly(out, &survey.thematic, &v.span, p);
    }
    judgment(out, CheckId::ContentRenewed, renewed, Field::ContentRenewed);
}

/// What the checks of C2 that look at one meeting at a time need, gathered
/// in one pass over the meetings in date order.
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
    /// The survey of the meetings `in_order` (in date order, with their
    /// positions).
    fn of<'m>(in_order: impl Iterator<Item = (u32, &'m Meeting)>) -> Survey {
        let mut survey = Survey::default();
        for (i, m) in in_order {
            survey.note(i, m);
        }
        survey
    }

    /// Notes meeting `i`.
    fn note(&mut self, i: u32, m: &Meeting) {
        match m.kind {
            MeetingKind::Regular => {
                match m.rating {
                    None => self
                        .unrated
                        .push(FactPath::Meeting(i, MeetingField::Rating)),
                    Some(MeetingRating::Good) => {}
                    Some(_) => {
                        let f = MeetingFinding::new(i, m, Condition::RatedBelowGood, None);
                        self.below_good.push(f);
                    }
                }
                match m.committee_met {
                    None => {
                        let path = FactPath::Meeting(i, MeetingField::CommitteeMet);
                        self.unprepared.push(path);
                    }
                    Some(d) if d > m.date => {
                        let f = MeetingFinding::new(i, m, Condition::CommitteeAfterMeeting, None);
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
/// (`Order::held`).
fn monthly_held(out: &mut Vec<Check>, held: u16, span: &Span) {
    let (first, last) = (span.first_month(), span.last_month());
    let mut failed: Vec<u8> = Vec::new();
    let mut open = false;
    let count = u64::from((held & month_bits(first, last)).count_ones());
    let required = u64::from(last.saturating_sub(first)) + 1;
    // Only a month without its meeting needs a closer look.
    if count < required {
        for m in (first..=last).filter(|&m| held & month_bit(m) == 0) {
            if span.month_over(m) {
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
    let failed_periods = !failed.is_empty();
    out.push(Check {
        actual: Some(Quantity::Count(met)),
        comparator: Some(Comparator::AtLeast),
        target: Some(Quantity::Count(required)),
        gap: failed_periods.then(|| compare::count_gap(met, Some(required))),
        detail: failed_periods.then(|| detail(failed)),
        missing: if status == Status::Unknown {
            vec![Field::Meetings.into()]
        } else {
            Vec::new()
        },
        ..Check::new(id, status)
    });
}

/// `meeting_quality.monthly_good`: every regular meeting rated `good`
/// **\[reading\]**; the policy may allow some lower months. `below` and
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
fn meetings_check(
    out: &mut Vec<Check>,
    id: CheckId,
    offending: u64,
    allowance: u64,
    found: Vec<MeetingFinding>,
    missing: Vec<FactPath>,
    any_missing_unknown: bool,
) {
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

/// `meeting_quality.committee_prepared`: before each regular meeting the
/// committee met (plan, section 3), on or before the meeting's date. `late`
/// and `missing`: the regular meetings prepared after the fact, and those
/// without the date ([`Survey`]).
fn committee_prepared(out: &mut Vec<Check>, late: Vec<MeetingFinding>, missing: Vec<FactPath>) {
    let n = late.len() as u64;
    meetings_check(out, CheckId::CommitteePrepared, n, 0, late, missing, true);
}

/// `meeting_quality.thematic_quarterly`: at least one thematic meeting in
/// each quarter of the span **\[reading\]**. A quarter not yet over that is
/// still short is unknown.
///
/// `per_quarter`: the thematic meetings of each quarter ([`Survey`]).
fn thematic_quarterly(out: &mut Vec<Check>, per_quarter: &[u32; 5], span: &Span, p: &Policy) {
    let (first, last) = (
        quarter_of(span.first_month()),
        quarter_of(span.last_month()),
    );
    let mut failed: Vec<u8> = Vec::new();
    let mut open = false;
    let mut met = 0u64;
    for q in first..=last {
        if per_quarter.get(usize::from(q)).copied().unwrap_or(0) >= p.thematic_per_quarter {
            met += 1;
        } else if span.quarter_over(q) {
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
