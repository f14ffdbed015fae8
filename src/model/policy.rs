//! The policy of a plan: one knob for every **\\[reading\\]** of the rules,
//! each defaulting to the reading RULES.md fixes.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::member::YearRating;
use crate::model::rate::{Comparator, Target, rate_target};
use crate::support::macros::str_enum;

/// How rates given as counts are compared (RULES §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RateComparison {
    /// Exactly: `count × 100` against `target × of`, no rounding (default).
    #[default]
    Exact,
    /// As the published figure: round half-up to `decimals` first.
    Published {
        /// Decimals of the published figure (at most 10).
        decimals: u32,
    },
}

str_enum! {
    /// Which meetings a run of absences with leave is counted over.
    pub enum LeaveRunScope {
        /// All the year's meetings in date order, regular and thematic
        /// together **\[reading\]** (default).
        AllMeetings = "all_meetings",
        /// Regular meetings only.
        RegularOnly = "regular_only",
    }
}

str_enum! {
    /// What the monthly votes do to the year (RULES §7).
    pub enum MonthlyResults {
        /// Reported only (default).
        Informative = "informative",
        /// A content not achieved in some month fails that criterion,
        /// through its `<criterion>.monthly_votes` check
        /// ([`CheckId::monthly_votes`](crate::CheckId::monthly_votes)).
        EveryMonth = "every_month",
    }
}

/// The hard conditions of a `good` meeting rating (HD 12-HD/BTCTW), as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct MeetingFramework {
    /// Attendance, in percent of members required (exempt absentees left
    /// out): above 85 by default.
    #[serde(deserialize_with = "rate_target")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Target<crate::support::schema::DecimalText>")
    )]
    pub attendance: Target<Decimal>,
    /// Absences without leave allowed at a `good` meeting: 0 by default.
    pub max_unexcused_absences: u32,
    /// The longest run of absences with leave a member may have: 3 by
    /// default; the meeting at which a run reaches 4 is not `good`.
    pub max_leave_run: u32,
    /// Which meetings a run is counted over **\[reading\]**.
    pub leave_run_scope: LeaveRunScope,
    /// The meeting's length in minutes: at least 90 by default.
    pub minutes: Target<u64>,
}

impl Default for MeetingFramework {
    fn default() -> Self {
        MeetingFramework {
            attendance: Target {
                comparator: Comparator::Above,
                value: Decimal::from(85),
            },
            max_unexcused_absences: 0,
            max_leave_run: 3,
            leave_run_scope: LeaveRunScope::AllMeetings,
            minutes: Target {
                comparator: Comparator::AtLeast,
                value: 90,
            },
        }
    }
}

/// A day of the year without the year (`{"month": 3, "day": 31}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month.
    pub day: u32,
}

impl MonthDay {
    /// The date in `year`, if the day exists in that year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// The policy: one knob for every **\[reading\]** of RULES.md. Every default
/// is the reading RULES.md fixes.
///
/// In JSON a plan's `policy` may be left out or give only some knobs; each
/// knob left out keeps its default. The [`Plan`](crate::Plan) example reads a whole plan
/// with a partial policy; a policy alone reads the same way:
///
/// ```
/// use bontot::plan::{Policy, RateComparison};
///
/// let mut policy: Policy =
///     serde_json::from_str(r#"{"rate_comparison": {"published": {"decimals": 1}}}"#).unwrap();
/// assert_eq!(policy.rate_comparison, RateComparison::Published { decimals: 1 });
/// // Every other knob has its default.
/// policy.rate_comparison = RateComparison::Exact;
/// assert_eq!(policy, Policy::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// Exact comparison of counts (default) or of the published figure.
    pub rate_comparison: RateComparison,
    /// `meeting_quality.monthly_good`: regular meetings that may be rated
    /// below `good` **\[reading\]**: 0 by default.
    pub monthly_good_allowance: u32,
    /// `meeting_quality.rating_supported`: the framework's hard conditions.
    pub meeting_framework: MeetingFramework,
    /// `meeting_quality.thematic_quarterly`: thematic meetings required in
    /// each quarter **\[reading\]**: 1 by default; 0 turns the check off.
    pub thematic_per_quarter: u32,
    /// `members.none_disciplined`: reviewed members who may have been
    /// disciplined **\[reading\]**: 0 by default.
    pub max_disciplined: u32,
    /// `members.none_not_completed`: reviewed members who may be rated
    /// `not_completed` **\[reading\]**: 0 by default.
    pub max_not_completed: u32,
    /// `members.leaders_exemplary`: the least rating of the secretary,
    /// deputy and committee members **\[reading\]**: `good` by default.
    pub leader_min_rating: YearRating,
    /// `process.plan_adoption`: the last day of "đầu năm" **\[reading\]**:
    /// 31 March by default.
    pub plan_adoption_deadline: MonthDay,
    /// What the monthly votes do to the year: reported only by default.
    pub monthly_results: MonthlyResults,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            rate_comparison: RateComparison::Exact,
            monthly_good_allowance: 0,
            meeting_framework: MeetingFramework::default(),
            thematic_per_quarter: 1,
            max_disciplined: 0,
            max_not_completed: 0,
            leader_min_rating: YearRating::Good,
            plan_adoption_deadline: MonthDay { month: 3, day: 31 },
            monthly_results: MonthlyResults::Informative,
        }
    }
}
