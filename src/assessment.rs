//! The year's verdict (clause 2.2.2, RULES §5) and the assessment that
//! explains it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::ids::{CheckId, Clause, CriterionId};
use crate::model::member::YearRating;
use crate::model::path::FactPath;
use crate::model::plan::Plan;
use crate::model::policy::MonthlyResults;
use crate::model::rate::{Comparator, Target};
use crate::model::record::CellYear;
use crate::rules::check::Check;
use crate::rules::kinds::rating;
use crate::rules::meeting_quality::meeting_quality;
use crate::rules::members::unity_discipline_and_members;
use crate::rules::monthly::{Month, YearToDate, monthly_votes, months};
use crate::rules::political_task::political_task;
use crate::rules::process::{Finding, findings};
use crate::rules::status::Status;
use crate::support::macros::str_enum;
use crate::validation::validate;

str_enum! {
    /// The year's "bốn tốt" verdict.
    pub enum Verdict {
        /// Đạt: all four criteria pass and the year-end rating is `good` or better.
        Achieved = "achieved",
        /// Không đạt: a criterion fails, or the year-end rating is
        /// `completed` or below.
        NotAchieved = "not_achieved",
        /// Nothing has failed, but something needed is unknown.
        Incomplete = "incomplete",
    }
}

/// A criterion's combined status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CriterionResult {
    /// The clause of the criterion.
    pub clause: Clause,
    /// The Kleene conjunction of its checks.
    pub status: Status,
}

/// The four criteria's statuses, keyed by criterion id on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Criteria {
    /// C1, 2.1.1.
    pub political_task: CriterionResult,
    /// C2, 2.1.2.
    pub meeting_quality: CriterionResult,
    /// C3, 2.1.3.
    pub unity_discipline: CriterionResult,
    /// C4, 2.1.4.
    pub members: CriterionResult,
}

impl Criteria {
    /// The result of one criterion; `None` for [`CriterionId::Verdict`],
    /// which is not a criterion.
    pub const fn get(&self, id: CriterionId) -> Option<CriterionResult> {
        match id {
            CriterionId::PoliticalTask => Some(self.political_task),
            CriterionId::MeetingQuality => Some(self.meeting_quality),
            CriterionId::UnityDiscipline => Some(self.unity_discipline),
            CriterionId::Members => Some(self.members),
            CriterionId::Verdict => None,
        }
    }
}

/// An assessment: the verdict, and every check behind it, as data.
///
/// Nothing here is prose: render it with [`render`](crate::render).
///
/// On the wire it begins with `"schema_version": 1`. A reader of saved
/// assessments ([`parse_assessment`](crate::json::parse_assessment)) ignores the
/// fields it does not know, so an assessment written by a later version
/// that only adds fields still reads; one without `schema_version` (written
/// before it existed) reads as version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Assessment {
    /// The version of the assessment's wire shape: [`Assessment::SCHEMA_VERSION`].
    #[serde(default = "schema_version_1")]
    pub schema_version: u32,
    /// The id of the plan applied.
    pub plan: String,
    /// The year assessed.
    pub year: i32,
    /// The last day assessed.
    pub as_of: NaiveDate,
    /// Whether the whole year was assessed (as of 31 December).
    pub year_over: bool,
    /// Đạt, Không đạt, or incomplete.
    pub verdict: Verdict,
    /// The four criteria.
    pub criteria: Criteria,
    /// Every check, criterion by criterion, then the verdict's own.
    pub checks: Vec<Check>,
    /// Every fact the verdict needed and was not given, by path, in the
    /// order of the checks, each once.
    pub missing: Vec<FactPath>,
    /// One entry per month of the span: the regular meeting and its votes.
    pub months: Vec<Month>,
    /// The year so far, per content.
    pub year_to_date: YearToDate,
    /// The four process findings of RULES §8, in their fixed order: plan
    /// adoption, proposal order, recognition authority, recognition timing.
    /// They do not change the verdict.
    ///
    /// An array, not a list: every assessment has exactly these four, so
    /// the type says so, and an assessment holds them inline rather than in
    /// a buffer of its own. On the wire it is the same JSON array of four;
    /// deserializing an array of any other length is an error.
    pub process: [Finding; 4],
}

// An assessment can be sent to, and shared between, threads.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Assessment>();
};

/// The version an assessment saved without `schema_version` has.
const fn schema_version_1() -> u32 {
    1
}

impl Assessment {
    /// The version of the wire shape this library writes. It changes only
    /// when a field changes meaning or goes away, never when one is added.
    pub const SCHEMA_VERSION: u32 = 1;

    /// The check with this id, if the plan assessed it.
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The checks of one criterion, in order.
    pub fn checks_of(&self, criterion: CriterionId) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(move |c| c.criterion == criterion)
    }
}

/// Assesses a cell's year against a plan: every check of RULES §4, the four
/// criteria by Kleene logic, the verdict of RULES §5, the months of §7 and
/// the process findings of §8.
///
/// Pure and deterministic. `plan` must be the plan the record names (its
/// `plan`: a preset's id, or an inline plan's `id`); it may be a variant of
/// it (a policy knob changed, say) under the same id. A record that names
/// another plan is an [`Error::PlanMismatch`]: the record is the one source
/// of truth for which plan applies. [`assess_record`] resolves the
/// record's own plan.
///
/// ```
/// use bontot::{CheckId, Plan, Status, Verdict, assess};
/// use bontot::check::CriterionId;
/// use bontot::json::parse_record;
///
/// let mut record = parse_record(include_str!("../examples/cell-year-2024.json"))?;
/// let assessment = assess(&Plan::binh_tan_2024(), &record)?;
/// assert_eq!(assessment.verdict, Verdict::Achieved);
/// for criterion in CriterionId::CRITERIA {
///     let result = assessment.criteria.get(criterion).map(|r| r.status);
///     assert_eq!(result, Some(Status::Pass));
/// }
///
/// // Leave the cell's year-end rating out: nothing fails, but the verdict
/// // needs it, so the year is incomplete and the fact is listed by its path.
/// record.year_end_rating = None;
/// let assessment = assess(&Plan::binh_tan_2024(), &record)?;
/// assert_eq!(assessment.verdict, Verdict::Incomplete);
/// let check = assessment.check(CheckId::YearEndRating).map(|c| c.status);
/// assert_eq!(check, Some(Status::Unknown));
/// let missing: Vec<String> = assessment.missing.iter().map(|p| p.to_string()).collect();
/// assert_eq!(missing, ["year_end_rating"]);
/// # Ok::<(), bontot::Error>(())
/// ```
///
/// # Errors
/// [`Error::PlanMismatch`] for a plan the record does not name, and any bad
/// input of RULES §9, as an [`Error`] naming the field by its path.
pub fn assess(plan: &Plan, record: &CellYear) -> Result<Assessment, Error> {
    let v = validate(plan, record)?;
    let mut checks: Vec<Check> = Vec::with_capacity(48);
    political_task(plan, record, &v, &mut checks);
    meeting_quality(plan, record, &v, &mut checks);
    unity_discipline_and_members(plan, record, &v, &mut checks);

    let (months, year_to_date) = months(record.meetings.as_deref(), &v);
    if plan.policy.monthly_results == MonthlyResults::EveryMonth {
        for content in CriterionId::CRITERIA {
            // Keep each criterion's checks together: insert after its last.
            if let Some(check) = monthly_votes(content, &months) {
                let at = checks
                    .iter()
                    .rposition(|c| c.criterion == content)
                    .map_or(checks.len(), |i| i + 1);
                checks.insert(at, check);
            }
        }
    }

    // 2.2.2: the year-end rating must be "Hoàn thành tốt nhiệm vụ" or better.
    let good = Target {
        comparator: Comparator::AtLeast,
        value: YearRating::Good,
    };
    rating(
        &mut checks,
        CheckId::YearEndRating,
        &good,
        record.year_end_rating,
        &v.span,
    );

    // Each criterion is the Kleene conjunction of its checks; the verdict,
    // that of every check (RULES §5).
    let status_of = |criterion: CriterionId| {
        Status::all(
            checks
                .iter()
                .filter(|c| c.criterion == criterion)
                .map(|c| c.status),
        )
    };
    let result = |c: CriterionId| CriterionResult {
        clause: c.clause(),
        status: status_of(c),
    };
    let criteria = Criteria {
        political_task: result(CriterionId::PoliticalTask),
        meeting_quality: result(CriterionId::MeetingQuality),
        unity_discipline: result(CriterionId::UnityDiscipline),
        members: result(CriterionId::Members),
    };
    let verdict = match Status::all(checks.iter().map(|c| c.status)) {
        Status::Pass => Verdict::Achieved,
        Status::Fail => Verdict::NotAchieved,
        Status::Unknown => Verdict::Incomplete,
    };
    let missing = first_occurrences(checks.iter().flat_map(|c| c.missing.iter().copied()));

    Ok(Assessment {
        schema_version: Assessment::SCHEMA_VERSION,
        plan: plan.id.clone(),
        year: record.cell.year,
        as_of: v.span.end,
        year_over: v.span.year_over(),
        verdict,
        criteria,
        checks,
        missing,
        months,
        year_to_date,
        process: findings(record.process.as_ref(), &v.span, &plan.policy),
    })
}

/// Assesses a record against the plan it names itself (a preset or inline).
///
/// # Errors
/// [`Error::UnknownPreset`] for a preset that does not exist, and every
/// error of [`assess`].
pub fn assess_record(record: &CellYear) -> Result<Assessment, Error> {
    let plan = record.plan.resolve()?;
    assess(&plan, record)
}

/// Each path once, in the order of its first occurrence (O(n log n)).
fn first_occurrences(paths: impl Iterator<Item = FactPath>) -> Vec<FactPath> {
    let mut seen: Vec<(FactPath, usize)> = paths.enumerate().map(|(i, p)| (p, i)).collect();
    if seen.is_empty() {
        return Vec::new();
    }
    seen.sort_unstable();
    seen.dedup_by_key(|(p, _)| *p);
    seen.sort_unstable_by_key(|(_, i)| *i);
    seen.into_iter().map(|(p, _)| p).collect()
}
