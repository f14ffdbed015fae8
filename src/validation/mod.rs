//! Validation (RULES §9): a record the rules cannot read is an error that
//! names the field by its path, before any rule runs.
//!
//! Validation also prepares what the rules share, the [`Validated`] view:
//! the assessed span, the roster by id, the meetings in date order and
//! each meeting's absentees resolved against the roster.

mod dates;
mod meetings;
mod plan;
mod rates;
mod roster;
mod votes;

use crate::error::Error;
use crate::model::plan::{Plan, PlanRef};
use crate::model::record::CellYear;
use crate::support::calendar::Span;
use crate::support::seq::first_repeat;

pub(crate) use meetings::{Absences, Order};
pub(crate) use roster::Roster;

/// A record that validation let through, and what it prepared for the
/// rules.
#[derive(Debug)]
pub(crate) struct Validated<'a> {
    /// The assessed part of the year.
    pub span: Span,
    /// The roster by id, when the record gives a roster.
    pub roster: Option<Roster<'a>>,
    /// The meetings within the span, in date order.
    pub order: Order,
    /// Each meeting's absentees, resolved to roster positions (none without
    /// a roster).
    pub absences: Absences,
}

/// Validates `record` against `plan` (RULES §9) and prepares the
/// [`Validated`] view the rules read.
pub(crate) fn validate<'a>(plan: &Plan, record: &'a CellYear) -> Result<Validated<'a>, Error> {
    let named = match &record.plan {
        PlanRef::Preset(id) => id.as_str(),
        PlanRef::Inline(inline) => inline.id.as_str(),
    };
    if named != plan.id {
        return Err(Error::PlanMismatch {
            record_plan: named.to_owned(),
            plan: plan.id.clone(),
        });
    }
    plan.validate()?;
    let year = record.cell.year;
    if !plan.applies_to(year) {
        return Err(Error::PlanYear {
            plan_year: plan.year,
            record_year: year,
        });
    }
    let span = dates::span(&record.cell)?;
    rates::check(record)?;
    if let Some(heads) = record.party.as_ref().and_then(|p| p.heads.as_ref())
        && let Some((i, h)) = first_repeat(heads, |h| h.role)
    {
        return Err(Error::DuplicateHead {
            path: format!("party.heads[{i}]"),
            role: h.role,
        });
    }
    let roster = match &record.members {
        Some(members) => Some(Roster::index(members)?),
        None => None,
    };
    let (order, absences) = match &record.meetings {
        Some(meetings) => meetings::check(meetings, roster.as_ref(), &span, year)?,
        None => (Order::default(), Absences::default()),
    };
    Ok(Validated {
        span,
        roster,
        order,
        absences,
    })
}
