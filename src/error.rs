//! Errors: bad input is a typed error that names the field by its path
//! (RULES §9). Errors are not failures: see [`Error`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::member::HeadRole;
use crate::support::macros::str_enum;

pub use crate::support::macros::UnknownName;

/// Bad input: a record or a plan that cannot be read, named by its path.
///
/// # Errors are not failures
///
/// A *failure* is a fact that breaks a rule (6 dropouts of 520): the
/// assessment is made, and the check fails with its gap. An *error* is a
/// record that cannot be read (7 dropouts of 5, a meeting dated in another
/// year, an unknown field): no assessment is made. Every error names the
/// offending field by its JSON path, [`Error::path`]
/// (`meetings[3].attendance`; `plan` for the plan, `.` for the document),
/// and has an [`Error::kind`] ([`ErrorKind::CountAboveBase`], on the wire
/// `count_above_base`) to branch on; its message ([`Display`](std::fmt::Display)) is for people.
///
/// ```
/// use bontot::{ErrorKind, assess_record};
/// use bontot::json::parse_record;
/// use bontot::record::Rate;
///
/// let mut record = parse_record(include_str!("../examples/cell-year-2024.json"))?;
/// if let Some(education) = record.education.as_mut() {
///     // 7 dropouts of 5 enrolled: not a failure, an error.
///     education.dropout = Some(Rate::Counts { count: 7, of: 5 });
/// }
/// let err = assess_record(&record).unwrap_err();
///
/// let note = match err.kind() {
///     ErrorKind::CountAboveBase | ErrorKind::ZeroBase => {
///         format!("check the figures at {}", err.path())
///     }
///     ErrorKind::Parse => format!("not a record: {err}"),
///     _ => err.to_string(),
/// };
/// assert_eq!(note, "check the figures at education.dropout");
/// # Ok::<(), bontot::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document is not JSON of the record's shape: a syntax error, a
    /// wrong type (a struct given as an array of its fields among them), an
    /// unknown field or enum value, a duplicate key, a count that is not a
    /// whole number, a malformed decimal or date.
    #[error("{path}: {message}")]
    Parse {
        /// The path of the offending value (`.` for the document itself);
        /// for a required field left out or a key given twice, the path of
        /// that field (`cell.year`).
        path: String,
        /// What the parser found.
        message: String,
        /// Line of the offending input, from 1 (0 when unknown).
        line: usize,
        /// Column of the offending input, from 1 (0 when unknown).
        column: usize,
    },
    /// The document is larger than [`MAX_INPUT_BYTES`](crate::json::MAX_INPUT_BYTES)
    /// (a record), or [`MAX_ASSESSMENT_BYTES`](crate::json::MAX_ASSESSMENT_BYTES)
    /// (an assessment).
    #[error("the document is {size} bytes; the limit is {limit}")]
    TooLarge {
        /// The document's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The record names a preset that does not exist.
    #[error("plan: no preset is named {id:?}")]
    UnknownPreset {
        /// The name given.
        id: String,
    },
    /// The plan's own figures are invalid.
    #[error("{path}: {reason}")]
    InvalidPlan {
        /// The path of the offending value, under `plan`.
        path: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// The record names one plan and another was given to assess it
    /// ([`assess`](crate::assess)): the record's `plan` is the one source
    /// of truth for which plan applies.
    #[error("plan: the record names the plan {record_plan:?}, but {plan:?} was given")]
    PlanMismatch {
        /// The id the record's `plan` names (a preset's, or the inline plan's).
        record_plan: String,
        /// The id of the plan given.
        plan: String,
    },
    /// The plan does not apply to the record's year.
    #[error("plan: the plan is for {plan_year}, the record for {record_year}")]
    PlanYear {
        /// The plan's year.
        plan_year: i32,
        /// The record's year.
        record_year: i32,
    },
    /// A count above its base (`count > of`).
    #[error("{path}: count {count} is above its base {of}")]
    CountAboveBase {
        /// The path of the rate.
        path: String,
        /// The count.
        count: u64,
        /// The base.
        of: u64,
    },
    /// A base of zero: a rate's `of`, a meeting's `attendance.required`
    /// (the base of its attendance share) or its `votes.base`.
    #[error("{path}: the base is zero")]
    ZeroBase {
        /// The path of the base (`education.dropout`,
        /// `meetings[3].attendance.required`, `meetings[3].votes.base`).
        path: String,
    },
    /// A rate below 0 or above 100 percent.
    #[error("{path}: rate {rate} is outside 0–100")]
    RateOutOfRange {
        /// The path of the rate.
        path: String,
        /// The rate given.
        rate: Decimal,
    },
    /// A date outside the record's year: a meeting's, `cell.as_of` in an
    /// earlier year, or `cell.founded` in a later one. (A meeting before
    /// the founding is [`Error::BeforeFounded`]; a founding after the as-of
    /// date within the year is an [`Error::Contradiction`].)
    #[error("{path}: {date} is outside {year}")]
    DateOutsideYear {
        /// The path of the date.
        path: String,
        /// The date given.
        date: NaiveDate,
        /// The record's year.
        year: i32,
    },
    /// A meeting dated before the cell was founded.
    #[error("{path}: {date} is before the cell was founded on {founded}")]
    BeforeFounded {
        /// The path of the date.
        path: String,
        /// The date given.
        date: NaiveDate,
        /// The cell's founding date.
        founded: NaiveDate,
    },
    /// Two regular meetings in one month.
    #[error("{path}: a second regular meeting in month {month} (the first is {first})")]
    SecondRegularMeeting {
        /// The path of the second meeting.
        path: String,
        /// The month.
        month: u8,
        /// The path of the first meeting.
        first: String,
    },
    /// Attendance that does not add up.
    #[error(
        "{path}: present {present} + absent with leave {with_leave} + absent without leave \
         {without_leave} is not the {required} required"
    )]
    AttendanceMismatch {
        /// The path of the attendance.
        path: String,
        /// Members required.
        required: u32,
        /// Members present.
        present: u32,
        /// Members absent with leave.
        with_leave: usize,
        /// Members absent without leave.
        without_leave: usize,
    },
    /// A member id that is not in the roster.
    #[error("{path}: {id:?} is not a member of the roster")]
    UnknownMember {
        /// The path of the id.
        path: String,
        /// The id.
        id: String,
    },
    /// A member id used twice where it must be unique.
    #[error("{path}: {id:?} appears twice")]
    DuplicateMember {
        /// The path of the second occurrence.
        path: String,
        /// The id.
        id: String,
    },
    /// A head listed twice in `party.heads`.
    #[error("{path}: the {role} is listed twice")]
    DuplicateHead {
        /// The path of the second occurrence.
        path: String,
        /// The role.
        role: HeadRole,
    },
    /// Two facts that contradict each other: a member's `exempt` and
    /// `not_reviewed`, an empty member id, a cell founded after the record's
    /// as-of date.
    #[error("{path}: {reason}")]
    Contradiction {
        /// The path of the offending value.
        path: String,
        /// What contradicts what.
        reason: &'static str,
    },
    /// Votes at a meeting that is not a regular meeting.
    #[error("{path}: only regular meetings vote on the four contents")]
    VotesOutsideRegularMeeting {
        /// The path of the votes.
        path: String,
    },
    /// A tally with more votes than its base.
    #[error("{path}: {votes} votes is more than the base of {base}")]
    TallyAboveBase {
        /// The path of the tally.
        path: String,
        /// Votes for and against.
        votes: u64,
        /// The base.
        base: u32,
    },
    /// A tally with more votes than official members present: a
    /// probationary member, or someone absent, voted.
    #[error("{path}: {votes} votes but only {official_present} official members were present")]
    TallyAbovePresent {
        /// The path of the tally.
        path: String,
        /// Votes for and against.
        votes: u64,
        /// Official members present.
        official_present: u32,
    },
    /// A voting base larger than the official members convened.
    #[error("{path}: base {base} is more than the {official} official members convened")]
    BaseAboveOfficial {
        /// The path of the base.
        path: String,
        /// The base given.
        base: u32,
        /// Official members convened.
        official: u32,
    },
}

impl Error {
    /// The path of the offending field (`meetings[3].attendance`); `plan`
    /// for errors of the plan, `.` for the document as a whole.
    pub fn path(&self) -> &str {
        match self {
            Error::Parse { path, .. }
            | Error::InvalidPlan { path, .. }
            | Error::CountAboveBase { path, .. }
            | Error::ZeroBase { path }
            | Error::RateOutOfRange { path, .. }
            | Error::DateOutsideYear { path, .. }
            | Error::BeforeFounded { path, .. }
            | Error::SecondRegularMeeting { path, .. }
            | Error::AttendanceMismatch { path, .. }
            | Error::UnknownMember { path, .. }
            | Error::DuplicateMember { path, .. }
            | Error::DuplicateHead { path, .. }
            | Error::Contradiction { path, .. }
            | Error::VotesOutsideRegularMeeting { path }
            | Error::TallyAboveBase { path, .. }
            | Error::TallyAbovePresent { path, .. }
            | Error::BaseAboveOfficial { path, .. } => path,
            Error::TooLarge { .. } => ".",
            Error::UnknownPreset { .. } | Error::PlanMismatch { .. } | Error::PlanYear { .. } => {
                "plan"
            }
        }
    }

    /// The kind of error, to branch on: an [`ErrorKind`], whose
    /// [`as_str`](ErrorKind::as_str) is the stable snake_case name on the
    /// wire (`count_above_base`).
    pub const fn kind(&self) -> ErrorKind {
        match self {
            Error::Parse { .. } => ErrorKind::Parse,
            Error::TooLarge { .. } => ErrorKind::TooLarge,
            Error::UnknownPreset { .. } => ErrorKind::UnknownPreset,
            Error::InvalidPlan { .. } => ErrorKind::InvalidPlan,
            Error::PlanMismatch { .. } => ErrorKind::PlanMismatch,
            Error::PlanYear { .. } => ErrorKind::PlanYear,
            Error::CountAboveBase { .. } => ErrorKind::CountAboveBase,
            Error::ZeroBase { .. } => ErrorKind::ZeroBase,
            Error::RateOutOfRange { .. } => ErrorKind::RateOutOfRange,
            Error::DateOutsideYear { .. } => ErrorKind::DateOutsideYear,
            Error::BeforeFounded { .. } => ErrorKind::BeforeFounded,
            Error::SecondRegularMeeting { .. } => ErrorKind::SecondRegularMeeting,
            Error::AttendanceMismatch { .. } => ErrorKind::AttendanceMismatch,
            Error::UnknownMember { .. } => ErrorKind::UnknownMember,
            Error::DuplicateMember { .. } => ErrorKind::DuplicateMember,
            Error::DuplicateHead { .. } => ErrorKind::DuplicateHead,
            Error::Contradiction { .. } => ErrorKind::Contradiction,
            Error::VotesOutsideRegularMeeting { .. } => ErrorKind::VotesOutsideRegularMeeting,
            Error::TallyAboveBase { .. } => ErrorKind::TallyAboveBase,
            Error::TallyAbovePresent { .. } => ErrorKind::TallyAbovePresent,
            Error::BaseAboveOfficial { .. } => ErrorKind::BaseAboveOfficial,
        }
    }
}

str_enum! {
    /// The kind of an [`Error`], one for each of its variants: what a
    /// caller branches on. The compiler checks a `match` on it, and
    /// [`as_str`](ErrorKind::as_str) gives the stable name the JSON layer
    /// and the bindings carry (`"count_above_base"`). New kinds may come in
    /// a minor release, so a `match` needs a `_` arm.
        #[non_exhaustive]
    pub enum ErrorKind {
        /// [`Error::Parse`].
        Parse = "parse",
        /// [`Error::TooLarge`].
        TooLarge = "too_large",
        /// [`Error::UnknownPreset`].
        UnknownPreset = "unknown_preset",
        /// [`Error::InvalidPlan`].
        InvalidPlan = "invalid_plan",
        /// [`Error::PlanMismatch`].
        PlanMismatch = "plan_mismatch",
        /// [`Error::PlanYear`].
        PlanYear = "plan_year",
        /// [`Error::CountAboveBase`].
        CountAboveBase = "count_above_base",
        /// [`Error::ZeroBase`].
        ZeroBase = "zero_base",
        /// [`Error::RateOutOfRange`].
        RateOutOfRange = "rate_out_of_range",
        /// [`Error::DateOutsideYear`].
        DateOutsideYear = "date_outside_year",
        /// [`Error::BeforeFounded`].
        BeforeFounded = "before_founded",
        /// [`Error::SecondRegularMeeting`].
        SecondRegularMeeting = "second_regular_meeting",
        /// [`Error::AttendanceMismatch`].
        AttendanceMismatch = "attendance_mismatch",
        /// [`Error::UnknownMember`].
        UnknownMember = "unknown_member",
        /// [`Error::DuplicateMember`].
        DuplicateMember = "duplicate_member",
        /// [`Error::DuplicateHead`].
        DuplicateHead = "duplicate_head",
        /// [`Error::Contradiction`].
        Contradiction = "contradiction",
        /// [`Error::VotesOutsideRegularMeeting`].
        VotesOutsideRegularMeeting = "votes_outside_regular_meeting",
        /// [`Error::TallyAboveBase`].
        TallyAboveBase = "tally_above_base",
        /// [`Error::TallyAbovePresent`].
        TallyAbovePresent = "tally_above_present",
        /// [`Error::BaseAboveOfficial`].
        BaseAboveOfficial = "base_above_official",
    }
}

/// An error as data: `{"kind": "count_above_base", "path":
/// "education.dropout", "message": "…"}` (with `line` and `column` for a
/// document that is not JSON of the record's shape), as
/// [`error_to_json`](crate::json::error_to_json) writes it.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let position = match self {
            Error::Parse { line, column, .. } if *line > 0 => Some((*line, *column)),
            _ => None,
        };
        let mut st = s.serialize_struct("Error", if position.is_some() { 5 } else { 3 })?;
        st.serialize_field("kind", self.kind().as_str())?;
        st.serialize_field("path", self.path())?;
        st.serialize_field("message", &self.to_string())?;
        if let Some((line, column)) = position {
            st.serialize_field("line", &line)?;
            st.serialize_field("column", &column)?;
        }
        st.end()
    }
}

impl PartialEq<&str> for ErrorKind {
    /// Whether this is the kind named so on the wire: `err.kind() == "parse"`.
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}
