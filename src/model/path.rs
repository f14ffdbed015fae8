//! Paths to the facts of a record, as data.
//!
//! Evaluation names a missing fact by a [`FactPath`], a small value; the
//! string form (`meetings[3].minutes`) is produced only when the path is
//! displayed or serialized.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::support::macros::str_enum;

str_enum! {
    /// A fact at a fixed place in the record.
    #[non_exhaustive]
    pub enum Field {
        /// `cell.as_of`.
        CellAsOf = "cell.as_of",
        /// `education.dropout`.
        Dropout = "education.dropout",
        /// `education.repetition`.
        Repetition = "education.repetition",
        /// `education.promotion`.
        Promotion = "education.promotion",
        /// `education.graduation`.
        Graduation = "education.graduation",
        /// `education.efficiency`.
        Efficiency = "education.efficiency",
        /// `education.public_grade10`.
        PublicGrade10 = "education.public_grade10",
        /// `education.swimming`.
        Swimming = "education.swimming",
        /// `party.study`.
        Study = "party.study",
        /// `party.admissions`.
        Admissions = "party.admissions",
        /// `party.heads`.
        Heads = "party.heads",
        /// `party.inspection`.
        Inspection = "party.inspection",
        /// `political_task.plans_concretized`.
        PlansConcretized = "political_task.plans_concretized",
        /// `political_task.anti_degradation`.
        AntiDegradation = "political_task.anti_degradation",
        /// `political_task.inspection_work`.
        InspectionWork = "political_task.inspection_work",
        /// `political_task.party_building_work`.
        PartyBuildingWork = "political_task.party_building_work",
        /// `political_task.outstanding_cases`.
        OutstandingCases = "political_task.outstanding_cases",
        /// `political_task.mass_complaints`.
        MassComplaints = "political_task.mass_complaints",
        /// `political_task.over_level_complaints`.
        OverLevelComplaints = "political_task.over_level_complaints",
        /// `meeting_quality.content_renewed`.
        ContentRenewed = "meeting_quality.content_renewed",
        /// `unity_discipline.work_rules_followed`.
        WorkRulesFollowed = "unity_discipline.work_rules_followed",
        /// `unity_discipline.principles_upheld`.
        PrinciplesUpheld = "unity_discipline.principles_upheld",
        /// `unity_discipline.administrative_discipline`.
        AdministrativeDiscipline = "unity_discipline.administrative_discipline",
        /// `unity_discipline.issues_resolved`.
        IssuesResolved = "unity_discipline.issues_resolved",
        /// `members_conduct.exemplary_conduct`.
        ExemplaryConduct = "members_conduct.exemplary_conduct",
        /// `members`: the roster.
        Members = "members",
        /// `meetings`: the year's meetings.
        Meetings = "meetings",
        /// `year_end_rating`.
        YearEndRating = "year_end_rating",
        /// `process.plan_adopted`.
        PlanAdopted = "process.plan_adopted",
        /// `process.proposed`.
        Proposed = "process.proposed",
        /// `process.recognition.by`.
        RecognitionBy = "process.recognition.by",
        /// `process.recognition.on`.
        RecognitionOn = "process.recognition.on",
        /// `process.commendation_review`.
        CommendationReview = "process.commendation_review",
    }
}

str_enum! {
    /// A fact of one member of the roster.
    #[non_exhaustive]
    pub enum MemberField {
        /// `members[i].rating`.
        Rating = "rating",
        /// `members[i].disciplined`.
        Disciplined = "disciplined",
        /// `members[i].violated_prohibitions`.
        ViolatedProhibitions = "violated_prohibitions",
    }
}

str_enum! {
    /// A fact of one meeting.
    #[non_exhaustive]
    pub enum MeetingField {
        /// `meetings[i].rating`.
        Rating = "rating",
        /// `meetings[i].minutes`.
        Minutes = "minutes",
        /// `meetings[i].committee_met`.
        CommitteeMet = "committee_met",
        /// `meetings[i].attendance`.
        Attendance = "attendance",
        /// `meetings[i].votes`.
        Votes = "votes",
    }
}

str_enum! {
    /// A fact of one head in `party.heads`.
    #[non_exhaustive]
    pub enum HeadField {
        /// `party.heads[i].committed`.
        Committed = "committed",
        /// `party.heads[i].fulfilled`.
        Fulfilled = "fulfilled",
    }
}

/// Where a fact lives in a record; displayed as a JSON path
/// (`education.swimming`, `meetings[3].minutes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactPath {
    /// A fact at a fixed place.
    Field(Field),
    /// A fact of `members[i]`.
    Member(u32, MemberField),
    /// A fact of `meetings[i]`.
    Meeting(u32, MeetingField),
    /// A fact of `party.heads[i]`.
    Head(u32, HeadField),
}

impl From<Field> for FactPath {
    fn from(f: Field) -> Self {
        FactPath::Field(f)
    }
}

impl fmt::Display for FactPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactPath::Field(x) => f.write_str(x.as_str()),
            FactPath::Member(i, x) => write!(f, "members[{i}].{x}"),
            FactPath::Meeting(i, x) => write!(f, "meetings[{i}].{x}"),
            FactPath::Head(i, x) => write!(f, "party.heads[{i}].{x}"),
        }
    }
}

impl FactPath {
    /// Parses the display form back into a path.
    pub fn parse(s: &str) -> Option<FactPath> {
        if let Some(f) = Field::from_name(s) {
            return Some(FactPath::Field(f));
        }
        let (list, rest) = s.split_once('[')?;
        let (index, field) = rest.split_once("].")?;
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let i: u32 = index.parse().ok()?;
        match list {
            "members" => MemberField::from_name(field).map(|x| FactPath::Member(i, x)),
            "meetings" => MeetingField::from_name(field).map(|x| FactPath::Meeting(i, x)),
            "party.heads" => HeadField::from_name(field).map(|x| FactPath::Head(i, x)),
            _ => None,
        }
    }
}

impl Serialize for FactPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FactPath {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = FactPath;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the path of a fact, such as `meetings[3].minutes`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FactPath, E> {
                FactPath::parse(v)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display_as_json_paths_and_parse_back() {
        let cases = [
            (FactPath::Field(Field::Swimming), "education.swimming"),
            (
                FactPath::Meeting(3, MeetingField::Minutes),
                "meetings[3].minutes",
            ),
            (
                FactPath::Member(0, MemberField::Rating),
                "members[0].rating",
            ),
            (
                FactPath::Head(1, HeadField::Fulfilled),
                "party.heads[1].fulfilled",
            ),
        ];
        for (path, text) in cases {
            assert_eq!(path.to_string(), text);
            assert_eq!(FactPath::parse(text), Some(path));
        }
        assert_eq!(FactPath::parse("meetings[x].minutes"), None);
        assert_eq!(FactPath::parse("meetings[+1].minutes"), None);
        assert_eq!(FactPath::parse("nowhere"), None);
    }
}
