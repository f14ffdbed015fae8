//! The English words of a report: plain numbers (`0.60`, `1512`) and ISO
//! dates (`yyyy-mm-dd`).

use chrono::{Datelike, NaiveDate};

use crate::assessment::Verdict;
use crate::model::ids::{CheckId, CriterionId};
use crate::model::meeting::{MeetingKind, MeetingRating};
use crate::model::member::{HeadRole, YearRating};
use crate::model::rate::Comparator;
use crate::model::record::Body;
use crate::render::words::{Text, Words, with_unit};
use crate::rules::check::{Condition, Trend};
use crate::rules::process::{FindingId, Severity};
use crate::rules::status::Status;

/// English.
pub(super) struct En;

/// The singular or the plural.
const fn number(one: bool, singular: &'static str, plural: &'static str) -> &'static str {
    if one { singular } else { plural }
}

impl Words for En {
    fn date(&self, d: NaiveDate) -> String {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }

    fn decimal_mark(&self) -> char {
        '.'
    }

    fn thousands(&self) -> Option<char> {
        None
    }

    fn text(&self, t: Text) -> &'static str {
        match t {
            Text::Title => "\"FOUR-GOOD PARTY CELL\" (CHI BỘ BỐN TỐT) ASSESSMENT",
            Text::Plan => "Plan",
            Text::Year => "Year",
            Text::AsOf => "As of",
            Text::YearNotOver => "year not over",
            Text::Verdict => "Verdict",
            Text::Target => "target",
            Text::Required => "required",
            Text::NotGiven => "not given",
            Text::Yes => "yes",
            Text::No => "no",
            Text::Needs => "needs",
            Text::GapJudgment => "must be judged met by the cell",
            Text::GapHeads => {
                "each head below must commit to, and fulfil, the duty to set an example"
            }
            Text::GapUnreachable => "the target cannot be met with these figures",
            Text::DetailMonths => "Months",
            Text::DetailQuarters => "Quarters",
            Text::DetailMembers => "Members",
            Text::DetailHeads => "Heads who did not commit or fulfil",
            Text::MissingSection => "Missing facts",
            Text::MonthsSection => "Month by month (votes on each content)",
            Text::ColMonth => "Month",
            Text::ColDate => "Meeting",
            Text::ColRating => "Rating",
            Text::ColNote => "Note",
            Text::NoMeeting => "no meeting",
            Text::NotYetHeld => "not held yet",
            Text::BeforeFounding => "before the cell was founded",
            Text::MeetingsNotGiven => "meetings not given",
            Text::YearToDateNotGiven => "Year to date: the record does not give its meetings.",
            Text::NoVotes => "no votes",
            Text::MonthsLegend => {
                "2.1.1–2.1.4: the four contents; ✓ achieved, ✗ not achieved, – not voted; \
                 votes for/voting base."
            }
            Text::ProcessSection => "Plan, recognition and timing",
            Text::AdoptedOn => "adopted",
            Text::DeadlineOn => "deadline",
            Text::ProposedOn => "proposed",
            Text::RecognizedOn => "recognized",
            Text::ReviewOn => "commendation review",
            Text::ProcedurallyInvalid => {
                "Note: a procedural error; the recognition is not valid as it stands."
            }
        }
    }

    fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Achieved => "Achieved",
            Verdict::NotAchieved => "Not achieved",
            Verdict::Incomplete => "Incomplete",
        }
    }

    fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Pass => "met",
            Status::Fail => "not met",
            Status::Unknown => "incomplete",
        }
    }

    fn criterion(&self, c: CriterionId) -> &'static str {
        match c {
            CriterionId::PoliticalTask => "Leads the political task to good completion",
            CriterionId::MeetingQuality => "Good quality of cell meetings",
            CriterionId::UnityDiscipline => "Good unity, good discipline",
            CriterionId::Members => "Good cadres and members",
            CriterionId::Verdict => "The cell's year-end rating",
        }
    }

    fn check(&self, id: CheckId) -> &'static str {
        match id {
            CheckId::EduDropout => "Dropout rate",
            CheckId::EduRepetition => "Repetition rate",
            CheckId::EduPromotion => "Promoted without re-examination",
            CheckId::EduGraduation => "Lower-secondary graduation",
            CheckId::EduEfficiency => "Cohort efficiency",
            CheckId::EduPublicGrade10 => "Admitted to public grade 10",
            CheckId::EduSwimming => "Students who can swim",
            CheckId::PartyStudy => "Members who studied the resolutions and directives",
            CheckId::PartyAdmissions => "Admissions of new members",
            CheckId::PartyCellRating => "Cell rated \"completed tasks well\" or better",
            CheckId::PartyExemplaryCommitment => {
                "Heads of the committee and the school committed to and fulfilled their duty to \
                 set an example (QĐ 101, 55, 08)"
            }
            CheckId::PartyInspection => "Members inspected on follow-up of inspection findings",
            CheckId::PlansConcretized => "Directives and resolutions turned into concrete plans",
            CheckId::AntiDegradation => {
                "Fight against degradation, \"self-evolution\" and \"self-transformation\"; \
                 following Ho Chi Minh's example; anti-corruption"
            }
            CheckId::InspectionWork => "Inspection, supervision and party discipline work",
            CheckId::PartyBuildingWork => "Party building, personnel and member management",
            CheckId::OutstandingCases => "No outstanding cases left unresolved",
            CheckId::MassComplaints => "No complex mass complaints",
            CheckId::OverLevelComplaints => "No complaints escalated over level",
            CheckId::PoliticalTaskMonthlyVotes
            | CheckId::MeetingQualityMonthlyVotes
            | CheckId::UnityDisciplineMonthlyVotes
            | CheckId::MembersMonthlyVotes => "Content voted achieved every month",
            CheckId::MonthlyHeld => "A regular meeting every month",
            CheckId::MonthlyGood => "Every regular meeting rated good",
            CheckId::RatingSupported => {
                "Good ratings meet the framework's conditions (HD 12-HD/BTCTW)"
            }
            CheckId::CommitteePrepared => "Committee met before each regular meeting",
            CheckId::ThematicQuarterly => "A thematic meeting every quarter",
            CheckId::ContentRenewed => "Meetings well prepared, their content regularly renewed",
            CheckId::ProhibitedViolations => {
                "No member violated the rules on what members must not do"
            }
            CheckId::WorkRulesFollowed => "Working rules drawn up and followed",
            CheckId::PrinciplesUpheld => {
                "Democratic centralism, self-criticism and criticism upheld"
            }
            CheckId::AdministrativeDiscipline => "Administrative discipline kept",
            CheckId::IssuesResolved => "Issues arising resolved promptly",
            CheckId::NoneDisciplined => "No member disciplined",
            CheckId::NoneNotCompleted => "No member rated \"did not complete tasks\"",
            CheckId::LeadersExemplary => "Secretary and committee members set an example",
            CheckId::MemberDevelopment => "Member development (admission target met)",
            CheckId::ExemplaryConduct => "Exemplary conduct; words matched by deeds",
            CheckId::YearEndRating => "The cell's year-end rating",
        }
    }

    fn unit(&self, id: CheckId, one: bool) -> &'static str {
        match id {
            CheckId::EduDropout => number(one, "dropout", "dropouts"),
            CheckId::EduRepetition => number(one, "student held back", "students held back"),
            CheckId::EduPromotion => number(one, "student promoted", "students promoted"),
            CheckId::EduGraduation => number(one, "graduate", "graduates"),
            CheckId::EduEfficiency => {
                number(one, "graduate of the cohort", "graduates of the cohort")
            }
            CheckId::EduPublicGrade10 => number(
                one,
                "student admitted to public grade 10",
                "students admitted to public grade 10",
            ),
            CheckId::EduSwimming => number(one, "student who can swim", "students who can swim"),
            CheckId::PartyStudy => number(one, "member who studied", "members who studied"),
            CheckId::PartyAdmissions | CheckId::MemberDevelopment => {
                number(one, "admission", "admissions")
            }
            CheckId::PartyExemplaryCommitment => number(
                one,
                "head who committed and fulfilled",
                "heads who committed and fulfilled",
            ),
            CheckId::PartyInspection => number(one, "member inspected", "members inspected"),
            CheckId::OutstandingCases => number(one, "outstanding case", "outstanding cases"),
            CheckId::MassComplaints => number(one, "mass complaint", "mass complaints"),
            CheckId::OverLevelComplaints => {
                number(one, "over-level complaint", "over-level complaints")
            }
            CheckId::PoliticalTaskMonthlyVotes
            | CheckId::MeetingQualityMonthlyVotes
            | CheckId::UnityDisciplineMonthlyVotes
            | CheckId::MembersMonthlyVotes => number(one, "month achieved", "months achieved"),
            CheckId::MonthlyHeld => number(
                one,
                "month with a regular meeting",
                "months with a regular meeting",
            ),
            CheckId::MonthlyGood => number(
                one,
                "regular meeting rated below good",
                "regular meetings rated below good",
            ),
            CheckId::RatingSupported => number(
                one,
                "good rating not supported",
                "good ratings not supported",
            ),
            CheckId::CommitteePrepared => number(
                one,
                "meeting not prepared by the committee",
                "meetings not prepared by the committee",
            ),
            CheckId::ThematicQuarterly => number(
                one,
                "quarter with a thematic meeting",
                "quarters with a thematic meeting",
            ),
            CheckId::ProhibitedViolations => {
                number(one, "member in violation", "members in violation")
            }
            CheckId::NoneDisciplined => number(one, "member disciplined", "members disciplined"),
            CheckId::NoneNotCompleted => number(
                one,
                "member rated not completed",
                "members rated not completed",
            ),
            CheckId::LeadersExemplary => number(
                one,
                "leader rated below the required level",
                "leaders rated below the required level",
            ),
            CheckId::PartyCellRating
            | CheckId::YearEndRating
            | CheckId::PlansConcretized
            | CheckId::AntiDegradation
            | CheckId::InspectionWork
            | CheckId::PartyBuildingWork
            | CheckId::ContentRenewed
            | CheckId::WorkRulesFollowed
            | CheckId::PrinciplesUpheld
            | CheckId::AdministrativeDiscipline
            | CheckId::IssuesResolved
            | CheckId::ExemplaryConduct => "",
        }
    }

    fn comparator(&self, c: Comparator, value: &str) -> String {
        match c {
            Comparator::Below => format!("below {value}"),
            Comparator::Above => format!("above {value}"),
            Comparator::AtLeast => format!("at least {value}"),
            Comparator::AtMost => format!("at most {value}"),
        }
    }

    fn year_rating(&self, r: YearRating) -> &'static str {
        match r {
            YearRating::Excellent => "completed tasks excellently",
            YearRating::Good => "completed tasks well",
            YearRating::Completed => "completed tasks",
            YearRating::NotCompleted => "did not complete tasks",
        }
    }

    fn meeting_rating(&self, r: MeetingRating) -> &'static str {
        match r {
            MeetingRating::Good => "good",
            MeetingRating::Fair => "fair",
            MeetingRating::Average => "average",
            MeetingRating::Poor => "poor",
        }
    }

    fn meeting_kind(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::Regular => "regular",
            MeetingKind::Thematic => "thematic",
            MeetingKind::Extraordinary => "extraordinary",
        }
    }

    fn meeting(&self, kind: &str, date: &str) -> String {
        format!("The {kind} meeting of {date}")
    }

    fn condition(&self, c: Condition) -> &'static str {
        match c {
            Condition::Attendance => "attendance below the required share",
            Condition::UnexcusedAbsence => "a member absent without leave",
            Condition::LeaveRun => "a member absent with leave too many meetings in a row",
            Condition::Duration => "shorter than the minimum length",
            Condition::RatedBelowGood => "rated below good",
            Condition::CommitteeAfterMeeting => "the committee met after the meeting",
        }
    }

    fn head(&self, h: HeadRole) -> &'static str {
        match h {
            HeadRole::Secretary => "cell secretary",
            HeadRole::Principal => "school principal",
        }
    }

    fn body(&self, b: Body) -> &'static str {
        match b {
            Body::GrassrootsCommittee => "the grassroots committee",
            Body::Committee => "the cell committee",
            Body::Cell => "the cell",
            Body::DistrictCommittee => "the district committee",
        }
    }

    fn recognized_by(&self, body: &str) -> String {
        format!("recognized by {body}")
    }

    fn finding(&self, f: FindingId) -> &'static str {
        match f {
            FindingId::PlanAdoption => "Plan adopted at the start of the year",
            FindingId::ProposalOrder => "Verdict proposed before its recognition",
            FindingId::RecognitionAuthority => "Recognized by the grassroots committee",
            FindingId::RecognitionTiming => "Recognized before the commendation review",
        }
    }

    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    fn trend(&self, t: Trend) -> &'static str {
        match t {
            Trend::OnTrack => "on track",
            Trend::Behind => "behind",
        }
    }

    fn gap_more(&self, n: &str, unit: &str) -> String {
        if unit.is_empty() {
            format!("{n} more needed")
        } else {
            format!("{n} more {unit} needed")
        }
    }

    fn gap_at_least(&self, needed: &str, unit: &str, n: &str) -> String {
        format!("at least {}: {n} more", with_unit(needed, unit))
    }

    fn gap_at_most(&self, needed: &str, unit: &str, n: &str) -> String {
        format!("at most {}: {n} fewer", with_unit(needed, unit))
    }

    fn gap_to_zero(&self, n: &str) -> String {
        format!("must come down to 0 ({n} fewer)")
    }

    fn gap_points(&self, points: &str, up: bool, strict: bool) -> String {
        let beyond = if strict { "more than " } else { "" };
        let direction = if up { "higher" } else { "lower" };
        format!("{direction} by {beyond}{points} percentage points")
    }

    fn gap_any(&self, up: bool) -> String {
        let direction = if up { "higher" } else { "lower" };
        format!("must be {direction}, by any amount")
    }

    fn gap_rating(&self, rating: &str) -> String {
        format!("needs the rating \"{rating}\"")
    }

    fn projection(
        &self,
        trend: &str,
        projected: &str,
        unit: &str,
        elapsed: &str,
        days: &str,
    ) -> String {
        format!(
            "Projection: {trend}; at the pace so far, about {} for the year (day {elapsed} of \
             {days})",
            with_unit(projected, unit)
        )
    }

    fn year_to_date(&self, held: &str, required: &str, contents: &str) -> String {
        format!(
            "Year to date: regular meetings in {held} of {required} months; months achieved/held: \
             {contents}"
        )
    }
}
