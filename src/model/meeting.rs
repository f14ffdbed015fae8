//! The cell's meetings, their attendance, and the hard conditions a `good`
//! rating must meet (HD 12-HD/BTCTW, RULES §4 C2).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::vote::Votes;
use crate::support::macros::str_enum;

str_enum! {
    /// Sinh hoạt thường kỳ / chuyên đề / bất thường: a regular, thematic or
    /// extraordinary meeting of the cell.
    pub enum MeetingKind {
        /// Sinh hoạt thường kỳ: the regular monthly meeting, one a month; the
        /// members vote on the four contents there.
        Regular = "regular",
        /// Sinh hoạt chuyên đề: a thematic meeting on one topic
        /// (`meeting_quality.thematic_quarterly` asks for one a quarter).
        Thematic = "thematic",
        /// Sinh hoạt bất thường: an extraordinary meeting, called when needed.
        Extraordinary = "extraordinary",
    }
}

str_enum! {
    /// Mức độ Tốt / Khá / Trung bình / Kém: the quality rating of one cell
    /// meeting (HD 12-HD/BTCTW), ordered `good > fair > average > poor`.
    pub enum MeetingRating {
        /// Kém: poor.
        Poor = "poor",
        /// Trung bình: average.
        Average = "average",
        /// Khá: fair.
        Fair = "fair",
        /// Tốt: good. A `good` rating must meet the framework's hard
        /// conditions (`meeting_quality.rating_supported`).
        Good = "good",
    }
}

/// Who attended a meeting.
///
/// `required` are the members required to attend; every one of them is
/// `present`, absent with leave, or absent without leave, and the three add
/// up to `required` (RULES §9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Attendance {
    /// Members required to attend.
    pub required: u32,
    /// Members present.
    pub present: u32,
    /// Ids of members absent with leave.
    pub absent_with_leave: Vec<String>,
    /// Ids of members absent without leave.
    pub absent_without_leave: Vec<String>,
    /// Ids of exempt members who attended (they may vote); optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_present: Option<Vec<String>>,
}

/// One meeting of the cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Meeting {
    /// The meeting's date; must lie in the record's year.
    pub date: NaiveDate,
    /// Regular, thematic or extraordinary.
    pub kind: MeetingKind,
    /// Its quality rating; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<MeetingRating>,
    /// Its length in minutes; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// When the committee met to prepare it; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee_met: Option<NaiveDate>,
    /// Who attended; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    /// The month's vote on the four contents (regular meetings only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
    /// A topic, for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

impl Attendance {
    /// `present` of `required` members, nobody named absent yet (the lists
    /// of absentees are to be filled in so that the three add up).
    pub const fn new(required: u32, present: u32) -> Self {
        Attendance {
            required,
            present,
            absent_with_leave: Vec::new(),
            absent_without_leave: Vec::new(),
            exempt_present: None,
        }
    }
}

impl Meeting {
    /// A meeting on `date` of `kind`, with no other fact given.
    pub const fn new(date: NaiveDate, kind: MeetingKind) -> Self {
        Meeting {
            date,
            kind,
            rating: None,
            minutes: None,
            committee_met: None,
            attendance: None,
            votes: None,
            topic: None,
        }
    }

    /// The month of the meeting, 1–12.
    pub fn month(&self) -> u8 {
        // A month is 1..=12, so it always fits.
        u8::try_from(self.date.month()).unwrap_or(u8::MAX)
    }

    /// Whether this is a regular (monthly) meeting.
    pub fn is_regular(&self) -> bool {
        self.kind == MeetingKind::Regular
    }
}
