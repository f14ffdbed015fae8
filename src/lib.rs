//! # bontot: the "Chi bộ bốn tốt" rules, as code
//!
//! A party cell (*chi bộ*) of a Vietnamese school keeps a yearly plan to be
//! a "four-good cell" (*chi bộ bốn tốt*). The plan sets targets (dropouts
//! below 1.0 %, promotion at least 98.0 %, at least 6 members admitted, …),
//! four criteria, a monthly review where the members vote on each
//! criterion, and a year-end verdict, *Đạt* or *Không đạt*, that the
//! grassroots party committee recognizes. This crate is the reference
//! implementation of those rules: the plan as data, the record of a year as
//! typed facts, and an assessment that explains every result.
//!
//! ## Words
//!
//! The docs keep the plan's Vietnamese wording, with its English meaning.
//!
//! | Vietnamese | meaning |
//! |---|---|
//! | chi bộ | the party cell, the unit assessed (`cell`) |
//! | chi ủy | the cell's executive committee (`committee`) |
//! | đảng ủy cơ sở | the grassroots party committee above the cell; it recognizes the verdict (2.3.1) |
//! | THCS (trung học cơ sở) | lower-secondary school |
//! | Kế hoạch 13-KH/CB | the 2024 plan of the cell of THCS Bình Tân, the source of the rules: the preset [`Plan::binh_tan_2024`] |
//! | HD 12-HD/BTCTW | the national guidance on the quality of cell meetings ([`MeetingFramework`]) |
//! | QĐ 37-QĐ/TW | the national rules on what party members must not do |
//! | bốn tốt; Đạt / Không đạt | "four-good"; the year's verdict, achieved / not achieved ([`Verdict`]) |
//! | Hoàn thành xuất sắc nhiệm vụ (HTXSNV) | year-end rating ([`YearRating`]) `excellent`: completed tasks excellently |
//! | Hoàn thành tốt nhiệm vụ (HTTNV) | `good`: completed tasks well |
//! | Hoàn thành nhiệm vụ (HTNV) | `completed`: completed tasks |
//! | Không hoàn thành nhiệm vụ (KHTNV) | `not_completed`: did not complete tasks |
//!
//! ## The data flows one way
//!
//! *record → checks → criteria → verdict → rendering*
//!
//! - A [`CellYear`] is the record of one cell's year: the education and
//!   party-building figures, the cell's own judgments, the roster of
//!   [`Member`]s, the [`Meeting`]s with attendance and [`Votes`], the
//!   year-end rating, and the process dates. A fact left out is *not given*;
//!   an empty list is a fact ([absent versus empty](CellYear#absent-versus-empty)).
//! - A [`Plan`] holds the targets and a [`Policy`] with one knob for every
//!   **reading** the rules had to fix where the plan is vague. The 2024 plan
//!   of Chi bộ trường THCS Bình Tân is the preset [`Plan::BINH_TAN_2024`].
//! - [`assess`] runs every [`Check`] (each `pass`, `fail` or `unknown`),
//!   combines them by Kleene logic into the four criteria (a known failure
//!   decides, whatever else is missing), and gives the [`Verdict`]:
//!   `achieved` when all four criteria pass and the year-end rating is
//!   `good` or better; `not_achieved` when any check fails or the year-end
//!   rating is below `good`; `incomplete` when nothing failed but a fact is
//!   missing, listed by its path. The process findings of RULES §8 (the
//!   plan's adoption, the proposal, the recognition and its timing;
//!   [`Assessment::process`]) are reported beside the verdict and never
//!   change it.
//! - Every check carries its clause, actual value, target and comparator,
//!   and for a failure a [`Gap`]: what must change to pass, in the unit the
//!   cell controls ("2 more admissions", "at most 5 dropouts: one fewer").
//! - [`render`] turns an [`Assessment`] into a report in Vietnamese or
//!   English. Evaluation itself builds no strings.
//!
//! The code is laid out in the same order, one floor a folder
//! (`ARCHITECTURE.md` in the repository is the map: what each floor holds,
//! what it may import, and where a new rule, plan field or language goes).
//!
//! ## A worked example
//!
//! A cell of 520 students lost 6 to dropout: 6 × 100 = 600 is not below
//! 1.0 × 520 = 520, so the rate (1.15 %) fails "dưới 1.0%". With the base
//! held fixed, the most dropouts that pass is 5 (5 × 100 = 500 < 520):
//! the gap is one fewer. It admitted 4 members against "ít nhất 06": two more.
//!
//! ```
//! use bontot::{assess, CheckId, Plan, Status, Verdict};
//! use bontot::check::Gap;
//! use bontot::json::parse_record;
//!
//! let mut record = parse_record(include_str!("../examples/cell-year-2024.json"))?;
//! let education = record.education.as_mut().expect("the example has education figures");
//! education.dropout = Some(bontot::record::Rate::Counts { count: 6, of: 520 });
//! record.party.as_mut().expect("and party figures").admissions = Some(4);
//!
//! let assessment = assess(&Plan::binh_tan_2024(), &record)?;
//! assert_eq!(assessment.verdict, Verdict::NotAchieved);
//!
//! let dropout = assessment.check(CheckId::EduDropout).expect("assessed");
//! assert_eq!(dropout.status, Status::Fail);
//! assert_eq!(dropout.gap, Some(Gap::Count { needed: 5, change: -1 }));
//!
//! let admissions = assessment.check(CheckId::PartyAdmissions).expect("assessed");
//! assert_eq!(admissions.gap, Some(Gap::Count { needed: 6, change: 2 }));
//!
//! // The report is rendered from the data, after evaluation.
//! let report = bontot::render(&assessment, bontot::Lang::En);
//! assert!(!report.is_empty());
//! # Ok::<(), bontot::Error>(())
//! ```
//!
//! ## Building a record in code
//!
//! A record need not come from JSON. Every part of it whose facts are all
//! optional has a `Default`, the parts with required facts have
//! constructors, and targets and rates are built by name; the fields are
//! then set one by one (the structs are `#[non_exhaustive]`, so that a fact
//! added in a minor release breaks no one's code). `examples/typed.rs`
//! builds the whole reference record this way:
//!
//! ```
//! use bontot::chrono::NaiveDate;
//! use bontot::{assess, CellYear, CheckId, Plan, Status};
//! use bontot::plan::PlanRef;
//! use bontot::record::{Attendance, Cell, Education, Meeting, MeetingKind, Party, Rate};
//!
//! let mut record = CellYear::new(PlanRef::preset(Plan::BINH_TAN_2024), Cell::new(2024));
//! let mut education = Education::default();
//! education.dropout = Some(Rate::counts(4, 401));
//! record.education = Some(education);
//! let mut party = Party::default();
//! party.admissions = Some(4);
//! record.party = Some(party);
//! let date = NaiveDate::from_ymd_opt(2024, 1, 10).expect("a day");
//! let mut meeting = Meeting::new(date, MeetingKind::Regular);
//! meeting.attendance = Some(Attendance::new(30, 30));
//! record.meetings = Some(vec![meeting]);
//!
//! let assessment = assess(&Plan::binh_tan_2024(), &record)?;
//! // 4 × 100 = 400 < 1.0 × 401: below 1.0 %, compared exactly.
//! assert_eq!(assessment.check(CheckId::EduDropout).map(|c| c.status), Some(Status::Pass));
//! // 4 admissions of at least 6: two more.
//! let admissions = assessment.check(CheckId::PartyAdmissions).expect("assessed");
//! assert_eq!(admissions.status, Status::Fail);
//! # Ok::<(), bontot::Error>(())
//! ```
//!
//! ## Exact numbers
//!
//! Rates are [`rust_decimal::Decimal`] in percent units; counts are
//! integers. A rate given as counts is compared exactly, `count × 100`
//! against `target × of`: 4 dropouts of 401 (0.9975… %) pass "below 1.0",
//! although the figure prints as 1.0 %. On the wire a decimal is a string;
//! a JSON number is read from its digits, never through a float. See
//! [`Rate`] for the comparison, [`Policy::rate_comparison`](plan::Policy::rate_comparison) to compare the
//! published figure instead, and [`render`] for how reports round and
//! print numbers (for display only).
//!
//! ## JSON
//!
//! [`assess_json`] takes a record as JSON (the wire contract is the shape of
//! `examples/cell-year-2024.json`) and returns the assessment as JSON. Bad
//! input is an [`Error`] that names the field by its path
//! (`meetings[3].attendance`); unknown fields and enum values are errors,
//! never defaults. An error is not a failure: a failure is a fact that
//! breaks a rule, reported in the assessment; an error is input that cannot
//! be read, and no assessment is made.
//!
//! ## Readings
//!
//! Where the plan is vague, RULES.md (`docs/RULES.md` in the repository,
//! cited as "RULES §n" throughout) fixes a reading; each is a default that
//! a plan can change, and the docs of the check it governs say so. A bare
//! target figure is a minimum (a plan gives each target its own
//! [`Comparator`]); the base of `edu.public_grade10` is the grade-9
//! graduates (the record gives each rate's base as its `of`, so a cell that
//! counts another base gives that one). The others are knobs of the
//! [`Policy`]: every regular meeting rated `good` ([`Policy::monthly_good_allowance`](plan::Policy::monthly_good_allowance));
//! leave runs counted over all meetings ([`MeetingFramework::leave_run_scope`](plan::MeetingFramework::leave_run_scope));
//! one thematic meeting a quarter ([`Policy::thematic_per_quarter`](plan::Policy::thematic_per_quarter)); no
//! member disciplined ([`Policy::max_disciplined`](plan::Policy::max_disciplined)) or rated `not_completed`
//! ([`Policy::max_not_completed`](plan::Policy::max_not_completed)); leaders rated `good` or better
//! ([`Policy::leader_min_rating`](plan::Policy::leader_min_rating)); the plan adopted by 31 March
//! ([`Policy::plan_adoption_deadline`](plan::Policy::plan_adoption_deadline)); counts compared exactly
//! ([`Policy::rate_comparison`](plan::Policy::rate_comparison)); monthly votes informative
//! ([`Policy::monthly_results`](plan::Policy::monthly_results)).
//!
//! [`Check`]: check::Check
//! [`Comparator`]: plan::Comparator
//! [`Gap`]: check::Gap
//! [`Meeting`]: record::Meeting
//! [`MeetingFramework`]: plan::MeetingFramework
//! [`Member`]: record::Member
//! [`Policy`]: plan::Policy
//! [`Rate`]: record::Rate
//! [`Votes`]: record::Votes
//! [`YearRating`]: record::YearRating
//! [`assess_json`]: json::assess_json
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

// The floors, from the bottom up: support, model, error, validation, rules,
// assessment, then render and json. Each imports only from those below it
// (ARCHITECTURE.md; `tests/module_graph.rs` checks it).
mod assessment;
pub mod error;
#[cfg(feature = "json")]
pub mod json;
mod model;
mod render;
pub mod rollup;
mod rules;
#[cfg(feature = "schema")]
pub mod schema;
mod support;
mod validation;

/// The date type of the record's dates ([`chrono::NaiveDate`]), re-exported
/// so that a user needs no version of chrono of their own.
pub use chrono;
/// The decimal type of rates and targets ([`rust_decimal::Decimal`]),
/// re-exported so that a user needs no version of rust_decimal of their own.
pub use rust_decimal;

// The few things every user needs, at the root; the rest by concept below.
pub use assessment::{Assessment, Verdict, assess, assess_record};
pub use error::{Error, ErrorKind};
pub use model::ids::CheckId;
pub use model::plan::Plan;
pub use model::record::CellYear;
pub use render::{Lang, render};
pub use rules::status::Status;

pub mod record {
    //! The record of a cell's year, as typed facts: the cell, its education
    //! and party-building figures, its judgments, the roster, the meetings
    //! with their attendance and votes, and the process dates. The record
    //! itself is [`CellYear`].
    pub use crate::model::meeting::{Attendance, Meeting, MeetingKind, MeetingRating};
    pub use crate::model::member::{
        Head, HeadRole, Member, MemberStatus, NotReviewed, Role, YearRating,
    };
    pub use crate::model::rate::Rate;
    pub use crate::model::record::{
        Body, Cell, CellYear, Education, MeetingQuality, MembersConduct, Party, PoliticalTask,
        Process, Recognition, UnityDiscipline,
    };
    pub use crate::model::vote::{Tally, Votes};
}

pub mod plan {
    //! Plans as data: the targets of clause 2.1.1 and the policy behind
    //! every reading of the rules. The plan itself is [`Plan`].
    pub use crate::model::plan::{HeadsTarget, Plan, PlanRef, Targets};
    pub use crate::model::policy::{
        LeaveRunScope, MeetingFramework, MonthDay, MonthlyResults, Policy, RateComparison,
    };
    pub use crate::model::rate::{Comparator, Target};
}

pub mod check {
    //! The results an assessment is made of: each check with its status,
    //! clause, values compared, gap and details; the criteria; the paths of
    //! the facts a check needed.
    pub use crate::assessment::{Criteria, CriterionResult};
    pub use crate::model::ids::{CheckId, Clause, CriterionId};
    pub use crate::model::path::{FactPath, Field, HeadField, MeetingField, MemberField};
    pub use crate::rules::check::{
        Check, Condition, Detail, MeetingFinding, Projection, Quantity, Trend,
    };
    pub use crate::rules::gap::Gap;
    pub use crate::rules::status::Status;
}

pub mod month {
    //! The monthly cycle (RULES §7): each month's regular meeting and its
    //! vote on the four contents, how a vote is decided, the voting base,
    //! and the year so far.
    pub use crate::rules::monthly::{
        ContentResult, Contents, Decision, Month, MonthState, Tallies, YearToDate, decide,
        voting_base,
    };
}

pub mod process {
    //! The process findings of RULES §8 (the plan's adoption, the proposal,
    //! the recognition and its timing), reported beside the verdict.
    pub use crate::rules::process::{Compared, Finding, FindingId, Severity};
}

pub mod report {
    //! Reports in Vietnamese and English: the whole report ([`render`]), or
    //! one check's line and gap on their own.
    pub use crate::render::{Lang, render, render_check, render_gap};
}
