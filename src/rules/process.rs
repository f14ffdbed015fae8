//! Plan, recognition and timing (RULES §8; clauses 2.3, 2.4, 3): checked
//! and reported apart from the verdict.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::ids::Clause;
use crate::model::path::{FactPath, Field};
use crate::model::policy::{MonthDay, Policy};
use crate::model::record::{Body, Process};
use crate::rules::status::Status;
use crate::support::calendar::Span;
use crate::support::macros::str_enum;

str_enum! {
    /// The id of a process finding.
    #[non_exhaustive]
    pub enum FindingId {
        /// The plan adopted "đầu năm": by the policy's deadline (31 March).
        PlanAdoption = "process.plan_adoption",
        /// The cell proposed its verdict before it was recognized.
        ProposalOrder = "process.proposal_order",
        /// The grassroots committee recognized the verdict (2.3.1).
        RecognitionAuthority = "process.recognition_authority",
        /// Recognition came before the commendation review (2.4).
        RecognitionTiming = "process.recognition_timing",
    }
}

impl FindingId {
    /// The clause the finding comes from.
    pub const fn clause(self) -> Clause {
        match self {
            FindingId::PlanAdoption => Clause::C3,
            FindingId::ProposalOrder | FindingId::RecognitionAuthority => Clause::C2_3_1,
            FindingId::RecognitionTiming => Clause::C2_4,
        }
    }

    /// How grave a failure of this finding is.
    pub const fn severity(self) -> Severity {
        match self {
            FindingId::PlanAdoption => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

str_enum! {
    /// How grave a failed finding is.
    pub enum Severity {
        /// Reported; the recognition stands.
        Warning = "warning",
        /// The recognition is procedurally invalid.
        Error = "error",
    }
}

/// The dates (and body) a finding compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Compared {
    /// `process.plan_adopted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_adopted: Option<NaiveDate>,
    /// The policy's adoption deadline in the record's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// `process.proposed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<NaiveDate>,
    /// `process.recognition.on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognized: Option<NaiveDate>,
    /// `process.recognition.by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Body>,
    /// `process.commendation_review`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commendation_review: Option<NaiveDate>,
}

/// One process finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// The finding's id.
    pub id: FindingId,
    /// The clause it comes from.
    pub clause: Clause,
    /// Pass, fail, or unknown when a date is missing.
    pub status: Status,
    /// The severity a failure of this finding has.
    pub severity: Severity,
    /// What was compared.
    pub dates: Compared,
    /// The facts missing, when unknown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<FactPath>,
}

/// A finding; `missing` names the facts it lacks, and is only called
/// (and only allocates) when the finding is unknown.
fn finding(
    id: FindingId,
    status: Option<bool>,
    compared: Compared,
    missing: impl FnOnce() -> Vec<FactPath>,
) -> Finding {
    let status = match status {
        Some(true) => Status::Pass,
        Some(false) => Status::Fail,
        None => Status::Unknown,
    };
    Finding {
        id,
        clause: id.clause(),
        status,
        severity: id.severity(),
        dates: compared,
        missing: if status == Status::Unknown {
            missing()
        } else {
            Vec::new()
        },
    }
}

/// The four process findings of RULES §8, in a fixed order: plan adoption,
/// proposal order, recognition authority, recognition timing.
pub(crate) fn findings(process: Option<&Process>, span: &Span, policy: &Policy) -> [Finding; 4] {
    let adopted = process.and_then(|p| p.plan_adopted);
    let proposed = process.and_then(|p| p.proposed);
    let recognition = process.and_then(|p| p.recognition.as_ref());
    let recognized = recognition.and_then(|r| r.on);
    let by = recognition.and_then(|r| r.by);
    let review = process.and_then(|p| p.commendation_review);
    let deadline = policy.plan_adoption_deadline;
    // 29 February in a common year falls back to 28 February.
    let year = span.year_end.year();
    let deadline = deadline.in_year(year).or_else(|| {
        MonthDay {
            day: 28,
            ..deadline
        }
        .in_year(year)
    });
    let both = |a: Option<NaiveDate>, fa: Field, b: Option<NaiveDate>, fb: Field| {
        let mut missing = Vec::new();
        if a.is_none() {
            missing.push(FactPath::Field(fa));
        }
        if b.is_none() {
            missing.push(FactPath::Field(fb));
        }
        missing
    };
    [
        finding(
            FindingId::PlanAdoption,
            adopted.zip(deadline).map(|(a, d)| a <= d),
            Compared {
                plan_adopted: adopted,
                deadline,
                ..Compared::default()
            },
            || vec![FactPath::Field(Field::PlanAdopted)],
        ),
        finding(
            FindingId::ProposalOrder,
            proposed.zip(recognized).map(|(p, r)| p <= r),
            Compared {
                proposed,
                recognized,
                ..Compared::default()
            },
            || both(proposed, Field::Proposed, recognized, Field::RecognitionOn),
        ),
        finding(
            FindingId::RecognitionAuthority,
            by.map(|b| b == Body::GrassrootsCommittee),
            Compared {
                by,
                ..Compared::default()
            },
            || vec![FactPath::Field(Field::RecognitionBy)],
        ),
        finding(
            FindingId::RecognitionTiming,
            recognized.zip(review).map(|(r, c)| r < c),
            Compared {
                recognized,
                commendation_review: review,
                ..Compared::default()
            },
            || {
                both(
                    recognized,
                    Field::RecognitionOn,
                    review,
                    Field::CommendationReview,
                )
            },
        ),
    ]
}
