//! Checks: the smallest unit of an assessment, and how their results combine.
//!
//! A check is `pass`, `fail` or `unknown` (RULES §4). Criteria and the
//! verdict combine checks with Kleene's three-valued conjunction: a known
//! failure decides whatever else is missing.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::indicator::Comparator;
use crate::macros::str_enum;
use crate::meeting::MeetingKind;
use crate::member::{HeadRole, YearRating};
use crate::path::FactPath;

str_enum! {
    /// The outcome of one check, criterion or finding.
    pub enum Status {
        /// The facts given meet the rule.
        Pass = "pass",
        /// A fact needed by the rule was not given.
        Unknown = "unknown",
        /// The facts given break the rule.
        Fail = "fail",
    }
}

impl Status {
    /// Kleene conjunction: `fail` if either fails, else `unknown` if either
    /// is unknown, else `pass`.
    ///
    /// The variants are declared in that order, `pass < unknown < fail`, so
    /// the conjunction is the greater of the two: one comparison.
    #[must_use]
    pub const fn and(self, other: Status) -> Status {
        if (other as u8) > (self as u8) {
            other
        } else {
            self
        }
    }

    /// Kleene conjunction over many statuses; `pass` for none.
    pub fn all<I: IntoIterator<Item = Status>>(statuses: I) -> Status {
        statuses.into_iter().fold(Status::Pass, Status::and)
    }
}

str_enum! {
    /// The four criteria of clause 2.1, and the verdict's own check.
    ///
    /// In the monthly vote (RULES §7) the same four are the four *contents*
    /// on which the members vote, month by month.
    pub enum CriterionId {
        /// C1, clause 2.1.1: Lãnh đạo hoàn thành tốt nhiệm vụ chính trị
        /// (leads the political task to good completion).
        PoliticalTask = "political_task",
        /// C2, clause 2.1.2: Chất lượng sinh hoạt tốt (good quality of the
        /// cell's meetings).
        MeetingQuality = "meeting_quality",
        /// C3, clause 2.1.3: Đoàn kết tốt, kỷ luật tốt (good unity, good
        /// discipline).
        UnityDiscipline = "unity_discipline",
        /// C4, clause 2.1.4: Cán bộ, đảng viên tốt (good cadres and party
        /// members).
        Members = "members",
        /// Not a criterion: the checks the verdict adds of its own (2.2.2).
        Verdict = "verdict",
    }
}

impl CriterionId {
    /// The four criteria, in the plan's order.
    pub const CRITERIA: [CriterionId; 4] = [
        CriterionId::PoliticalTask,
        CriterionId::MeetingQuality,
        CriterionId::UnityDiscipline,
        CriterionId::Members,
    ];

    /// The plan's clause for this criterion.
    pub const fn clause(self) -> Clause {
        match self {
            CriterionId::PoliticalTask => Clause::C2_1_1,
            CriterionId::MeetingQuality => Clause::C2_1_2,
            CriterionId::UnityDiscipline => Clause::C2_1_3,
            CriterionId::Members => Clause::C2_1_4,
            CriterionId::Verdict => Clause::C2_2_2,
        }
    }
}

str_enum! {
    /// A clause of plan 13-KH/CB (Kế hoạch 13-KH/CB, the cell's 2024 plan)
    /// that a rule comes from.
    pub enum Clause {
        /// 2.1.1 Lãnh đạo hoàn thành tốt nhiệm vụ chính trị (leads the
        /// political task to good completion; criterion 1 and its targets).
        C2_1_1 = "2.1.1",
        /// 2.1.2 Chất lượng sinh hoạt tốt (good quality of the cell's
        /// meetings; criterion 2).
        C2_1_2 = "2.1.2",
        /// 2.1.3 Đoàn kết tốt, kỷ luật tốt (good unity, good discipline;
        /// criterion 3).
        C2_1_3 = "2.1.3",
        /// 2.1.4 Cán bộ, đảng viên tốt (good cadres and party members;
        /// criterion 4).
        C2_1_4 = "2.1.4",
        /// 2.2.2 Đạt / Không đạt (achieved / not achieved: the year's
        /// verdict).
        C2_2_2 = "2.2.2",
        /// 2.3.1 Thẩm quyền xét, công nhận (who has the authority to review
        /// and recognize the verdict).
        C2_3_1 = "2.3.1",
        /// 2.4 Thời gian xét, công nhận (when the verdict is reviewed and
        /// recognized).
        C2_4 = "2.4",
        /// 3 Các bước tiến hành (the steps to carry out: the monthly cycle,
        /// the plan's adoption).
        C3 = "3",
    }
}

str_enum! {
    /// The stable id of every check (RULES §4, "Check ids").
    ///
    /// Callers, tests and translations key on these names.
    ///
    /// Four ids go beyond RULES §4's table: the monthly-vote checks
    /// `political_task.monthly_votes`, `meeting_quality.monthly_votes`,
    /// `unity_discipline.monthly_votes` and `members.monthly_votes`
    /// ([`CheckId::monthly_votes`], clause 3). They are assessed only when a
    /// plan's [`Policy::monthly_results`](crate::Policy::monthly_results) is
    /// `every_month`; under the default, `informative`, the monthly votes are
    /// reported in the assessment's `months` and no such check is made.
    pub enum CheckId {
        /// Tỷ lệ học sinh bỏ học (dropout rate).
        EduDropout = "edu.dropout",
        /// Lưu ban (repetition rate).
        EduRepetition = "edu.repetition",
        /// Lên lớp thẳng (promotion rate). The plan's bare "98.0%" is read
        /// as a minimum, at least 98.0 (**reading**, RULES §2); a plan
        /// changes it with its target's [`Comparator`](crate::Comparator).
        EduPromotion = "edu.promotion",
        /// Tốt nghiệp THCS (lower-secondary graduation rate).
        EduGraduation = "edu.graduation",
        /// Hiệu suất đào tạo (cohort efficiency).
        EduEfficiency = "edu.efficiency",
        /// Vào lớp 10 công lập (admission to public grade 10). Its base is
        /// read as the grade-9 graduates (**reading**, RULES §3): the record
        /// gives the base as the rate's `of`, so a cell that counts another
        /// base gives that one; the check only compares.
        EduPublicGrade10 = "edu.public_grade10",
        /// Học sinh biết bơi (students who can swim).
        EduSwimming = "edu.swimming",
        /// Đảng viên học tập, quán triệt Nghị quyết, Chỉ thị (members who
        /// studied the party's resolutions and directives).
        PartyStudy = "party.study",
        /// Kết nạp đảng viên (admissions in the year).
        PartyAdmissions = "party.admissions",
        /// Chi bộ hoàn thành tốt nhiệm vụ trở lên (the cell rated "completed
        /// tasks well", `good`, or better).
        PartyCellRating = "party.cell_rating",
        /// Người đứng đầu cam kết và thực hiện tốt trách nhiệm nêu gương (the
        /// heads the plan names, in the preset the cell's secretary and the
        /// school's principal, committed to and fulfilled their duty to set
        /// an example; QĐ 101, 55, 08).
        PartyExemplaryCommitment = "party.exemplary_commitment",
        /// Kiểm tra, giám sát 100% đảng viên (every member inspected and
        /// supervised on carrying out the notices and conclusions of past
        /// inspections).
        PartyInspection = "party.inspection",
        /// Cụ thể hóa chỉ thị, nghị quyết bằng chương trình, kế hoạch
        /// (directives and resolutions turned into concrete programmes and
        /// plans). A judgment of the cell.
        PlansConcretized = "political_task.plans_concretized",
        /// Đấu tranh ngăn chặn suy thoái, "tự diễn biến", "tự chuyển hóa"
        /// (the fight against degradation, "self-evolution" and
        /// "self-transformation"; following Ho Chi Minh's example;
        /// anti-corruption). A judgment of the cell.
        AntiDegradation = "political_task.anti_degradation",
        /// Công tác kiểm tra, giám sát, kỷ luật (inspection, supervision and
        /// party discipline work). A judgment of the cell.
        InspectionWork = "political_task.inspection_work",
        /// Xây dựng đảng, tổ chức cán bộ, quản lý đảng viên (party building,
        /// personnel work and the management of members). A judgment of the
        /// cell.
        PartyBuildingWork = "political_task.party_building_work",
        /// Không để vụ việc tồn đọng (no case left outstanding, unresolved):
        /// the count must be 0.
        OutstandingCases = "political_task.outstanding_cases",
        /// Không để khiếu nại phức tạp đông người (no complex complaint by
        /// many people at once): the count must be 0.
        MassComplaints = "political_task.mass_complaints",
        /// Không để khiếu nại vượt cấp (no complaint taken over the level
        /// competent for it): the count must be 0.
        OverLevelComplaints = "political_task.over_level_complaints",
        /// Political task: the content voted achieved in every month with a
        /// regular meeting (policy `every_month` only; not in RULES §4's table).
        PoliticalTaskMonthlyVotes = "political_task.monthly_votes",
        /// A regular meeting in every required month.
        MonthlyHeld = "meeting_quality.monthly_held",
        /// Every regular meeting rated `good` (**reading**, RULES §4: a plan
        /// allows lower months with [`Policy::monthly_good_allowance`]).
        ///
        /// [`Policy::monthly_good_allowance`]: crate::Policy::monthly_good_allowance
        MonthlyGood = "meeting_quality.monthly_good",
        /// Every `good` rating meets the framework's hard conditions, the
        /// plan's [`MeetingFramework`](crate::MeetingFramework). Runs of
        /// leave are counted over all the year's meetings (**reading**,
        /// RULES §4: [`MeetingFramework::leave_run_scope`] counts regular
        /// meetings only).
        ///
        /// [`MeetingFramework::leave_run_scope`]: crate::MeetingFramework::leave_run_scope
        RatingSupported = "meeting_quality.rating_supported",
        /// The committee met before each regular meeting.
        CommitteePrepared = "meeting_quality.committee_prepared",
        /// A thematic meeting in every quarter (**reading**, RULES §4: a plan
        /// asks for more, or none, with [`Policy::thematic_per_quarter`]).
        ///
        /// [`Policy::thematic_per_quarter`]: crate::Policy::thematic_per_quarter
        ThematicQuarterly = "meeting_quality.thematic_quarterly",
        /// Chuẩn bị tốt và thường xuyên đổi mới nội dung sinh hoạt (meetings
        /// well prepared, their content regularly renewed). A judgment of the
        /// cell.
        ContentRenewed = "meeting_quality.content_renewed",
        /// Meeting quality: the content voted achieved in every month with a
        /// regular meeting (policy `every_month` only; not in RULES §4's table).
        MeetingQualityMonthlyVotes = "meeting_quality.monthly_votes",
        /// No member violated "những điều đảng viên không được làm" (what
        /// party members must not do, QĐ 37-QĐ/TW). Counts every member,
        /// reviewed or not.
        ProhibitedViolations = "unity_discipline.prohibited_violations",
        /// Quy chế làm việc xây dựng và thực hiện đúng (the cell's working
        /// rules drawn up and followed). A judgment of the cell.
        WorkRulesFollowed = "unity_discipline.work_rules_followed",
        /// Tập trung dân chủ, tự phê bình và phê bình (democratic centralism,
        /// self-criticism and criticism upheld). A judgment of the cell.
        PrinciplesUpheld = "unity_discipline.principles_upheld",
        /// Kỷ luật, kỷ cương hành chính (administrative discipline and order
        /// kept). A judgment of the cell.
        AdministrativeDiscipline = "unity_discipline.administrative_discipline",
        /// Giải quyết kịp thời các vấn đề phát sinh (issues arising resolved
        /// promptly). A judgment of the cell.
        IssuesResolved = "unity_discipline.issues_resolved",
        /// Unity and discipline: the content voted achieved in every month
        /// with a regular meeting (policy `every_month` only; not in RULES §4's
        /// table).
        UnityDisciplineMonthlyVotes = "unity_discipline.monthly_votes",
        /// No reviewed member disciplined in the year (**reading**, RULES §4:
        /// a plan allows some with [`Policy::max_disciplined`]).
        ///
        /// [`Policy::max_disciplined`]: crate::Policy::max_disciplined
        NoneDisciplined = "members.none_disciplined",
        /// No reviewed member rated `not_completed` (**reading**, RULES §4: a
        /// plan allows some with [`Policy::max_not_completed`]).
        ///
        /// [`Policy::max_not_completed`]: crate::Policy::max_not_completed
        NoneNotCompleted = "members.none_not_completed",
        /// Secretary, deputy secretary and committee members rated `good` or
        /// better (**reading**, RULES §4: a plan sets the least rating with
        /// [`Policy::leader_min_rating`]).
        ///
        /// [`Policy::leader_min_rating`]: crate::Policy::leader_min_rating
        LeadersExemplary = "members.leaders_exemplary",
        /// The admission target is met.
        MemberDevelopment = "members.member_development",
        /// Nêu gương về đạo đức, lối sống, nói đi đôi với làm (members set an
        /// example in ethics and way of life; their words matched by deeds).
        /// A judgment of the cell.
        ExemplaryConduct = "members.exemplary_conduct",
        /// Members: the content voted achieved in every month with a regular
        /// meeting (policy `every_month` only; not in RULES §4's table).
        MembersMonthlyVotes = "members.monthly_votes",
        /// The cell's year-end rating is `good` or `excellent` (2.2.2).
        YearEndRating = "verdict.year_end_rating",
    }
}

impl CheckId {
    /// The criterion this check belongs to.
    pub const fn criterion(self) -> CriterionId {
        use CheckId::*;
        match self {
            EduDropout
            | EduRepetition
            | EduPromotion
            | EduGraduation
            | EduEfficiency
            | EduPublicGrade10
            | EduSwimming
            | PartyStudy
            | PartyAdmissions
            | PartyCellRating
            | PartyExemplaryCommitment
            | PartyInspection
            | PlansConcretized
            | AntiDegradation
            | InspectionWork
            | PartyBuildingWork
            | OutstandingCases
            | MassComplaints
            | OverLevelComplaints
            | PoliticalTaskMonthlyVotes => CriterionId::PoliticalTask,
            MonthlyHeld
            | MonthlyGood
            | RatingSupported
            | CommitteePrepared
            | ThematicQuarterly
            | ContentRenewed
            | MeetingQualityMonthlyVotes => CriterionId::MeetingQuality,
            ProhibitedViolations
            | WorkRulesFollowed
            | PrinciplesUpheld
            | AdministrativeDiscipline
            | IssuesResolved
            | UnityDisciplineMonthlyVotes => CriterionId::UnityDiscipline,
            NoneDisciplined | NoneNotCompleted | LeadersExemplary | MemberDevelopment
            | ExemplaryConduct | MembersMonthlyVotes => CriterionId::Members,
            YearEndRating => CriterionId::Verdict,
        }
    }

    /// The clause of the plan this check comes from.
    pub const fn clause(self) -> Clause {
        use CheckId::*;
        match self {
            PoliticalTaskMonthlyVotes
            | MeetingQualityMonthlyVotes
            | UnityDisciplineMonthlyVotes
            | MembersMonthlyVotes => Clause::C3,
            other => other.criterion().clause(),
        }
    }

    /// The monthly-vote check of a criterion (policy `every_month`).
    pub const fn monthly_votes(criterion: CriterionId) -> Option<CheckId> {
        match criterion {
            CriterionId::PoliticalTask => Some(CheckId::PoliticalTaskMonthlyVotes),
            CriterionId::MeetingQuality => Some(CheckId::MeetingQualityMonthlyVotes),
            CriterionId::UnityDiscipline => Some(CheckId::UnityDisciplineMonthlyVotes),
            CriterionId::Members => Some(CheckId::MembersMonthlyVotes),
            CriterionId::Verdict => None,
        }
    }
}

/// Each check id's criterion and clause, by the id's position: building a
/// check looks both up with one load each, where the two `match`es of
/// [`CheckId::criterion`] and [`CheckId::clause`] compile to jump tables.
const PLACES: [(CriterionId, Clause); CheckId::ALL.len()] = {
    let mut places = [(CriterionId::Verdict, Clause::C2_2_2); CheckId::ALL.len()];
    let mut ids = CheckId::ALL;
    let mut slots: &mut [(CriterionId, Clause)] = &mut places;
    while let ([id, more_ids @ ..], [slot, more_slots @ ..]) = (ids, slots) {
        *slot = (id.criterion(), id.clause());
        ids = more_ids;
        slots = more_slots;
    }
    places
};

impl CheckId {
    /// [`CheckId::criterion`] and [`CheckId::clause`], from [`PLACES`].
    #[inline(always)]
    pub(crate) fn place(self) -> (CriterionId, Clause) {
        PLACES
            .get(self as usize)
            .copied()
            .unwrap_or_else(|| (self.criterion(), self.clause()))
    }
}

/// A value a check compares: what the record gave, or what the plan asks.
///
/// On the wire each is an object with one or two keys: `{"count": 9, "of": 1512}`,
/// `{"rate": "61.25"}`, `{"count": 4}`, `{"rating": "good"}`, `{"judgment": true}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "QuantityWire", into = "QuantityWire")]
pub enum Quantity {
    /// A rate given as counts: `count` of `of`.
    Counts {
        /// The numerator.
        count: u64,
        /// The base.
        of: u64,
    },
    /// A rate in percent (`0.8` is 0.8 %).
    Rate(Decimal),
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
    expecting = "a quantity: {\"count\"[, \"of\"]}, {\"rate\"}, {\"rating\"} or {\"judgment\"}",
    deny_unknown_fields
)]
struct QuantityWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    of: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
            Quantity::Rate(r) => w.rate = Some(r),
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
            (None, None, Some(r), None, None) => Ok(Quantity::Rate(r)),
            (None, None, None, Some(r), None) => Ok(Quantity::Rating(r)),
            (None, None, None, None, Some(j)) => Ok(Quantity::Judgment(j)),
            _ => Err("a quantity is one of {count, of}, {count}, {rate}, {rating}, {judgment}"),
        }
    }
}

/// What would have to change for a failed check to pass, in the unit the
/// cell controls (RULES §6).
///
/// On the wire: `{"needed": 5, "change": -1}` for counts,
/// `{"points": "-0.25", "strict": true}` for a rate given as a figure,
/// `{"rating": "good"}`, `{"judgment": true}`, `{"reachable": false}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "GapWire", into = "GapWire")]
pub enum Gap {
    /// The nearest passing count (base held fixed) and the signed change to it.
    Count {
        /// The passing count nearest to the actual one.
        needed: u64,
        /// `needed - actual`: negative means "fewer".
        change: i128,
    },
    /// A rate given as a figure: the signed distance in percentage points
    /// to the threshold. With `strict`, the rate must move strictly beyond it.
    Points {
        /// `threshold - actual`, in percentage points.
        change: Decimal,
        /// Whether reaching the threshold exactly is still a failure.
        strict: bool,
    },
    /// The rating needed (the lowest that passes).
    Rating(YearRating),
    /// A judgment that must become `true`.
    Judgment,
    /// No value within the base can pass (a target above 100 %, say).
    Unreachable,
}

#[derive(Default, Serialize, Deserialize)]
// Named for what the wire holds in serde's messages, not the private type.
#[serde(
    expecting = "a gap: {\"needed\", \"change\"}, {\"points\", \"strict\"}, {\"rating\"}, {\"judgment\"} or {\"reachable\"}",
    deny_unknown_fields
)]
struct GapWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    needed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    change: Option<i128>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    points: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    strict: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rating: Option<YearRating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    judgment: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reachable: Option<bool>,
}

impl From<Gap> for GapWire {
    fn from(g: Gap) -> Self {
        let mut w = GapWire::default();
        match g {
            Gap::Count { needed, change } => {
                w.needed = Some(needed);
                w.change = Some(change);
            }
            Gap::Points { change, strict } => {
                w.points = Some(change);
                w.strict = Some(strict);
            }
            Gap::Rating(r) => w.rating = Some(r),
            Gap::Judgment => w.judgment = Some(true),
            Gap::Unreachable => w.reachable = Some(false),
        }
        w
    }
}

impl TryFrom<GapWire> for Gap {
    type Error = &'static str;
    fn try_from(w: GapWire) -> Result<Self, Self::Error> {
        match w {
            GapWire {
                needed: Some(needed),
                change: Some(change),
                points: None,
                strict: None,
                rating: None,
                judgment: None,
                reachable: None,
            } => Ok(Gap::Count { needed, change }),
            GapWire {
                needed: None,
                change: None,
                points: Some(change),
                strict: Some(strict),
                rating: None,
                judgment: None,
                reachable: None,
            } => Ok(Gap::Points { change, strict }),
            GapWire {
                needed: None,
                change: None,
                points: None,
                strict: None,
                rating: Some(r),
                judgment: None,
                reachable: None,
            } => Ok(Gap::Rating(r)),
            GapWire {
                needed: None,
                change: None,
                points: None,
                strict: None,
                rating: None,
                judgment: Some(true),
                reachable: None,
            } => Ok(Gap::Judgment),
            GapWire {
                needed: None,
                change: None,
                points: None,
                strict: None,
                rating: None,
                judgment: None,
                reachable: Some(false),
            } => Ok(Gap::Unreachable),
            _ => Err(
                "a gap is one of {needed, change}, {points, strict}, {rating}, {judgment: true}, {reachable: false}",
            ),
        }
    }
}

str_enum! {
    /// Why a meeting's `good` rating, or its preparation, falls short.
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
#[serde(deny_unknown_fields)]
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

/// The items behind an aggregate check: which months, quarters, meetings,
/// members or heads it is about.
///
/// Externally tagged on the wire: `{"months": [3, 7]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
    /// A check with only its id and status; the other fields empty.
    #[inline(always)]
    pub(crate) const fn new(id: CheckId, status: Status) -> Check {
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

    /// A check with only its id and status, built at run time: the
    /// criterion and clause come from a table ([`PLACES`]).
    #[inline(always)]
    pub(crate) fn blank(id: CheckId, status: Status) -> Check {
        let (criterion, clause) = id.place();
        Check {
            criterion,
            clause,
            ..Check::new(id, status)
        }
    }

    /// Appends the check that `build` returns to `out`, built in the
    /// list's own memory.
    ///
    /// `out.push(check)` builds the 176-byte check first and then copies it
    /// in (a `memcpy` call), since the list may have to grow in between;
    /// extending by one lazily built item reserves the room first, so the
    /// compiler writes each field where it belongs.
    #[inline(always)]
    pub(crate) fn push_with(out: &mut Vec<Check>, build: impl FnOnce() -> Check) {
        out.extend(core::iter::once_with(build));
    }

    /// Appends a check with only its id and status to `out`, built in the
    /// list's own memory as [`Check::push_with`] does, and lets `fill` fill
    /// in the rest in place.
    ///
    /// For checks whose fields depend on branches (a rate given as counts
    /// or as a figure): built whole in a closure, such a check would be
    /// assembled on the stack and copied; a blank is only a few constant
    /// stores.
    #[inline(always)]
    pub(crate) fn push_filled(
        out: &mut Vec<Check>,
        id: CheckId,
        status: Status,
        fill: impl FnOnce(&mut Check),
    ) {
        Check::push_with(out, || Check::blank(id, status));
        if let Some(c) = out.last_mut() {
            fill(c);
        }
    }

    /// Appends a passing check that compares two whole numbers (`actual`
    /// against `target`), built whole in the list as [`Check::push_with`]
    /// does: the common case of every count check, with no gap, detail or
    /// missing fact to carry.
    #[inline(always)]
    pub(crate) fn push_count_pass(
        out: &mut Vec<Check>,
        id: CheckId,
        actual: u64,
        comparator: Comparator,
        target: u64,
    ) {
        Check::push_with(out, || Check {
            actual: Some(Quantity::Count(actual)),
            comparator: Some(comparator),
            target: Some(Quantity::Count(target)),
            ..Check::blank(id, Status::Pass)
        });
    }

    /// An unknown check that names the facts it is missing.
    pub(crate) fn unknown(id: CheckId, missing: Vec<FactPath>) -> Check {
        Check {
            missing,
            ..Check::new(id, Status::Unknown)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_is_kleene_conjunction() {
        use Status::{Fail, Pass, Unknown};
        for a in [Pass, Unknown, Fail] {
            for b in [Pass, Unknown, Fail] {
                let expected = if a == Fail || b == Fail {
                    Fail
                } else if a == Unknown || b == Unknown {
                    Unknown
                } else {
                    Pass
                };
                assert_eq!(a.and(b), expected, "{a} and {b}");
            }
        }
        assert_eq!(Status::all([]), Pass);
    }

    #[test]
    fn places_are_the_criterion_and_clause_of_each_id() {
        assert_eq!(PLACES.len(), CheckId::ALL.len());
        for &id in CheckId::ALL {
            assert_eq!(id.place(), (id.criterion(), id.clause()), "{id}");
            let c = Check::blank(id, Status::Fail);
            assert_eq!(c, Check::new(id, Status::Fail));
        }
    }
}
