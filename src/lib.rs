//! # bontot: the "Chi bộ bốn tốt" rules, as code
//!
//! A party cell of a Vietnamese school keeps a yearly plan to be a
//! "four-good cell" (chi bộ bốn tốt). This crate is the reference
//! implementation of that plan's evaluation rules.
//!
//! TODO crate docs
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod macros;

mod calendar;
mod check;
mod criterion;
mod error;
mod indicator;
mod json;
mod meeting;
mod member;
mod month;
mod path;
mod plan;
mod process;
mod record;
mod render;
mod validate;
mod verdict;
mod vote;

pub use check::{
    Check, CheckId, Clause, Condition, CriterionId, Detail, Gap, MeetingFinding, Projection,
    Quantity, Status, Trend,
};
pub use error::Error;
pub use indicator::{Comparator, Rate, Target};
pub use json::{
    MAX_INPUT_BYTES, assess_json, error_to_json, parse_assessment, parse_record, render_json,
    to_json,
};
pub use meeting::{Attendance, Meeting, MeetingKind, MeetingRating};
pub use member::{Head, HeadRole, Member, MemberStatus, NotReviewed, Role, YearRating};
pub use month::{ContentResult, Contents, Month, MonthState, Tallies, YearToDate};
pub use path::{FactPath, Field, HeadField, MeetingField, MemberField};
pub use plan::{
    HeadsTarget, LeaveRunScope, MeetingFramework, MonthDay, MonthlyResults, Plan, PlanRef, Policy,
    RateComparison, Targets,
};
pub use process::{Compared, Finding, FindingId, Severity};
pub use record::{
    Body, Cell, CellYear, Education, MeetingQuality, MembersConduct, Party, PoliticalTask, Process,
    Recognition, UnityDiscipline,
};
pub use render::{Lang, render};
pub use verdict::{Assessment, Criteria, CriterionResult, Verdict, assess, assess_record};
pub use vote::{Decision, Tally, Votes, decide, voting_base};
