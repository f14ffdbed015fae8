//! The kinds of check the criteria share: a judgment of the cell, a count
//! that must be zero, a count of offenders against an allowance, a rate, a
//! count and a rating against the plan's target.
//!
//! Every function here pushes one [`Check`]; none builds a string. A check
//! that needs a fact the record does not give is `unknown` and names the
//! fact's path.

use rust_decimal::Decimal;

use crate::model::ids::CheckId;
use crate::model::member::YearRating;
use crate::model::path::{FactPath, Field};
use crate::model::policy::Policy;
use crate::model::rate::{Comparator, Rate, Target};
use crate::rules::check::{Check, Detail, Projection, Quantity, Trend};
use crate::rules::compare;
use crate::rules::gap::Gap;
use crate::rules::status::Status;
use crate::support::calendar::Span;

/// A judgment voted by the cell (RULES §4): `true` passes, `false` fails.
pub(crate) fn judgment(out: &mut Vec<Check>, id: CheckId, value: Option<bool>, path: Field) {
    let Some(v) = value else {
        out.push(Check::unknown(id, vec![path.into()]));
        return;
    };
    out.push(Check {
        actual: Some(Quantity::Judgment(v)),
        target: Some(Quantity::Judgment(true)),
        gap: (!v).then_some(Gap::Judgment),
        ..Check::new(id, if v { Status::Pass } else { Status::Fail })
    });
}

/// A count that must be zero (RULES §4: no outstanding case, no complaint):
/// [`aggregate`] with no allowance.
pub(crate) fn zero(out: &mut Vec<Check>, id: CheckId, value: Option<u64>, path: Field) {
    match value {
        Some(n) => aggregate(out, id, n, 0, Status::Pass, Vec::new(), None),
        None => out.push(Check::unknown(id, vec![path.into()])),
    }
}

/// A count of offending items against an allowance (RULES §4): fails above
/// it, unknown when `known` is unknown or the unknown items (`missing`)
/// could take it above, passes otherwise.
pub(crate) fn aggregate(
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
    out.push(Check {
        actual: Some(Quantity::Count(offending)),
        comparator: Some(Comparator::AtMost),
        target: Some(Quantity::Count(allowance)),
        gap: (status == Status::Fail).then(|| compare::count_gap(offending, Some(allowance))),
        detail,
        // Facts that could not change a pass are dropped; beside a failure
        // they are still listed (RULES §10: `missing` lists every unknown
        // fact).
        missing: if status == Status::Pass {
            Vec::new()
        } else {
            missing
        },
        ..Check::new(id, status)
    });
}

/// Whether a check that is not met is only `unknown`: the target wants
/// more, and the rest of the year (`accrues`, before its end) can still
/// bring it (RULES §4, §7).
fn status(met: bool, open: bool) -> Status {
    match (met, open) {
        (true, _) => Status::Pass,
        (false, true) => Status::Unknown,
        (false, false) => Status::Fail,
    }
}

/// A rate against its target (RULES §2, §3), compared as the policy says.
/// With `accrues`, the rate builds up during the year (members who
/// studied, members inspected): before the year's end a shortfall the rest
/// of the year can make up is `unknown`. A failing rate carries its gap
/// (RULES §6).
pub(crate) fn rate(
    out: &mut Vec<Check>,
    id: CheckId,
    target: &Target<Decimal>,
    value: Option<Rate>,
    path: Field,
    policy: &Policy,
    accrues: Option<&Span>,
) {
    let Some(r) = value else {
        out.push(Check::unknown(id, vec![path.into()]));
        return;
    };
    let mode = policy.rate_comparison;
    let open = accrues.is_some_and(|s| !s.year_over()) && target.comparator.wants_more();
    let status = status(compare::rate_meets(r, target, mode), open);
    out.push(Check {
        actual: Some(match r {
            Rate::Counts { count, of } => Quantity::Counts { count, of },
            Rate::Figure(f) => Quantity::Figure(f),
        }),
        comparator: Some(target.comparator),
        target: Some(Quantity::Figure(target.value)),
        gap: (status == Status::Fail).then(|| compare::rate_gap(r, target, mode)),
        missing: if status == Status::Unknown {
            vec![path.into()]
        } else {
            Vec::new()
        },
        ..Check::new(id, status)
    });
}

/// A count against its target (admissions, RULES §3). Before the year's
/// end a count that the rest of the year can still raise to the target is
/// `unknown`, with a pro-rata projection (RULES §7).
pub(crate) fn count(
    out: &mut Vec<Check>,
    id: CheckId,
    target: &Target<u64>,
    value: Option<u64>,
    path: Field,
    span: &Span,
) {
    let Some(n) = value else {
        out.push(Check::unknown(id, vec![path.into()]));
        return;
    };
    let open = !span.year_over() && target.comparator.wants_more();
    let status = status(target.met_by(&n), open);
    let unknown = status == Status::Unknown;
    out.push(Check {
        actual: Some(Quantity::Count(n)),
        comparator: Some(target.comparator),
        target: Some(Quantity::Count(target.value)),
        gap: (status == Status::Fail).then(|| compare::count_gap_for(n, target)),
        projection: unknown.then(|| project(n, target, span)),
        missing: if unknown {
            vec![path.into()]
        } else {
            Vec::new()
        },
        ..Check::new(id, status)
    });
}

/// The pro-rata projection of a count (RULES §7): on track when
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

/// The year-end rating against a target (`party.cell_rating`, and the
/// verdict's own 2.2.2); unknown before the year's end. A failure's gap is
/// the rating nearest to the actual one that passes.
pub(crate) fn rating(
    out: &mut Vec<Check>,
    id: CheckId,
    target: &Target<YearRating>,
    value: Option<YearRating>,
    span: &Span,
) {
    let path = FactPath::Field(Field::YearEndRating);
    let Some(r) = value.filter(|_| span.year_over()) else {
        out.push(Check::unknown(id, vec![path]));
        return;
    };
    let met = target.met_by(&r);
    let gap = (!met).then(|| {
        let passing = |x: &&YearRating| target.met_by(x);
        let needed = if target.comparator.wants_more() {
            YearRating::ALL.iter().find(passing)
        } else {
            YearRating::ALL.iter().rev().find(passing)
        };
        needed.map_or(Gap::Unreachable, |x| Gap::Rating(*x))
    });
    out.push(Check {
        actual: Some(Quantity::Rating(r)),
        comparator: Some(target.comparator),
        target: Some(Quantity::Rating(target.value)),
        gap,
        ..Check::new(id, if met { Status::Pass } else { Status::Fail })
    });
}
