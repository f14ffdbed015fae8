//! Checks: the smallest unit of an assessment, explained (RULES §6): the
//! values compared, the gap of a failure, the items behind an aggregate
//! check, and the facts it lacked.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::ids::{CheckId, Clause, CriterionId};
use crate::model::meeting::{Meeting, MeetingKind};
use crate::model::member::{HeadRole, YearRating};
use crate::model::path::FactPath;
use crate::model::rate::{Comparator, exact_decimal};
use crate::rules::gap::Gap;
use crate::rules::status::Status;
use crate::support::macros::str_enum;

/// A value a check compares: what the record gave, or what the plan asks.
///
/// On the wire each is an object with one or two keys: `{"count": 9, "of": 1512}`,
/// `{"rate": "61.25"}`, `{"count": 4}`, `{"rating": "good"}`, `{"judgment": true}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "QuantityWire", into = "QuantityWire")]
#[non_exhaustive]
pub enum Quantity {
    /// A rate given as counts: `count` of `of`.
    Counts {
        /// The numerator.
        count: u64,
        /// The base.
        of: u64,
    },
    /// A rate given as a figure in percent (`0.8` is 0.8 %), as
    /// [`Rate::Figure`](crate::record::Rate::Figure); `{"rate": "0.8"}` on the wire.
    Figure(Decimal),
    /// A whole number: admissions, members, meetings, months.
    Count(u64),
    /// A year-end rating.
    Rating(YearRating),
    /// A yes/no judgment voted by the cell.
    Judgment(bool),
}

#[derive(Default, Serialize, Deserialize)]
// Named for what the wire holds in serde's messages, not the private type.
#[serde(
    expecting = "a quantity: {\"count\"[, \"of\"]}, {\"rate\"}, {\"rating\"} or {\"judgment\"}"
)]
struct QuantityWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    of: Option<u64>,
    #[serde(
        default,
        deserialize_with = "exact_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    rate: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rating: Option<YearRating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    judgment: Option<bool>,
}

impl From<Quantity> for QuantityWire {
    fn from(q: Quantity) -> Self {
        let mut w = QuantityWire::default();
        match q {
            Quantity::Counts { count, of } => {
                w.count = Some(count);
                w.of = Some(of);
            }
            Quantity::Figure(r) => w.rate = Some(r),
            Quantity::Count(c) => w.count = Some(c),
            Quantity::Rating(r) => w.rating = Some(r),
            Quantity::Judgment(j) => w.judgment = Some(j),
        }
        w
    }
}

impl TryFrom<QuantityWire> for Quantity {
    type Error = &'static str;
    fn try_from(w: QuantityWire) -> Result<Self, Self::Error> {
        match (w.count, w.of, w.rate, w.rating, w.judgment) {
            (Some(count), Some(of), None, None, None) => Ok(Quantity::Counts { count, of }),
            (Some(c), None, None, None, None) => Ok(Quantity::Count(c)),
            (None, None, Some(r), None, None) => Ok(Quantity::Figure(r)),
            (None, None, None, Some(r), None) => Ok(Quantity::Rating(r)),
            (None, None, None, None, Some(j)) => Ok(Quantity::Judgment(j)),
            _ => Err("a quantity is one of {count, of}, {count}, {rate}, {rating}, {judgment}"),
        }
    }
}

str_enum! {
    /// Why a meeting's `good` rating, or its preparation, falls short.
    #[non_exhaustive]
    pub enum Condition {
        /// Attendance not above the framework's share of members required.
        Attendance = "attendance",
        /// A member absent without leave.
        UnexcusedAbsence = "unexcused_absence",
        /// A member absent with leave more meetings in a row than allowed.
        LeaveRun = "leave_run",
        /// The meeting was shorter than the framework's minimum.
        Duration = "duration",
        /// A regular meeting rated below `good`.
        RatedBelowGood = "rated_below_good",
        /// The committee met after the meeting it was to prepare.
        CommitteeAfterMeeting = "committee_after_meeting",
    }
}

/// One meeting that a meeting-quality check names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MeetingFinding {
    /// The meeting's index in the record's `meetings`.
    pub meeting: u32,
    /// The meeting's date.
    pub date: NaiveDate,
    /// The meeting's kind.
    pub kind: MeetingKind,
    /// The condition it falls short of.
    pub condition: Condition,
    /// The member concerned, for conditions about one member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

impl MeetingFinding {
    /// Meeting `i` (its position in the record's `meetings`) falls short of
    /// `condition`, for `member` when the condition is about one.
    pub(crate) fn new(i: u32, m: &Meeting, condition: Condition, member: Option<&str>) -> Self {
        MeetingFinding {
            meeting: i,
            date: m.date,
            kind: m.kind,
            condition,
            member: member.map(str::to_owned),
        }
    }
}

/// The items behind an aggregate check: which months, quarters, meetings,
/// members or heads it is about.
///
/// Externally tagged on the wire: `{"months": [3, 7]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Detail {
    /// Months (1–12) that fall short.
    Months(Vec<u8>),
    /// Quarters (1–4) that fall short.
    Quarters(Vec<u8>),
    /// Meetings that fall short, each with the condition.
    Meetings(Vec<MeetingFinding>),
    /// Members (by id) that fall short.
    Members(Vec<String>),
    /// Heads (by role) that did not commit or fulfil, or are not listed.
    Heads(Vec<HeadRole>),
}

str_enum! {
    /// Whether a target the year can still meet is on course (RULES §7).
    pub enum Trend {
        /// At or above the pro-rata share of the target for the time elapsed.
        OnTrack = "on_track",
        /// Below the pro-rata share.
        Behind = "behind",
    }
}

/// A projection for a target the rest of the year can still meet.
///
/// Rule (`pro_rata`): by the as-of date a cell should have reached the
/// target's share for the days elapsed, `target × elapsed / days_in_year`.
/// `projected` extends the pace so far to the whole year, rounded down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Projection {
    /// Days of the year elapsed, as-of date included.
    pub elapsed_days: u32,
    /// Days in the year.
    pub year_days: u32,
    /// The pace so far extended to the year's end (rounded down).
    pub projected: u64,
    /// On track or behind.
    pub trend: Trend,
}

/// The result of one check, explained (RULES §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Check {
    /// The check's stable id.
    pub id: CheckId,
    /// The criterion it belongs to.
    pub criterion: CriterionId,
    /// The clause of the plan.
    pub clause: Clause,
    /// Pass, fail or unknown.
    pub status: Status,
    /// What the record gave, when it gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Quantity>,
    /// How `actual` is compared with `target`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// What the plan asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Quantity>,
    /// For a failure: what would have to change to pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<Gap>,
    /// The items behind an aggregate check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Detail>,
    /// For a target the rest of the year can still meet: the projection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projection: Option<Projection>,
    /// The facts this check needed and was not given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<FactPath>,
}

impl Check {
    /// A check with only its id, its criterion and clause (from the id) and
    /// its status; the other fields empty.
    pub const fn new(id: CheckId, status: Status) -> Check {
        Check {
            id,
            criterion: id.criterion(),
            clause: id.clause(),
            status,
            actual: None,
            comparator: None,
            target: None,
            gap: None,
            detail: None,
            projection: None,
            missing: Vec::new(),
        }
    }

    /// An unknown check that names the facts it is missing.
    pub(crate) fn unknown(id: CheckId, missing: Vec<FactPath>) -> Check {
        Check {
            missing,
            ..Check::new(id, Status::Unknown)
        }
    }
}
