//! The ids the rules name: the four criteria, the plan's clauses and every
//! check (RULES §4, "Check ids").

use crate::support::macros::str_enum;

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
    #[non_exhaustive]
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
    /// plan's [`Policy::monthly_results`](crate::plan::Policy::monthly_results) is
    /// `every_month`; under the default, `informative`, the monthly votes are
    /// reported in the assessment's `months` and no such check is made.
    #[non_exhaustive]
    pub enum CheckId {
        /// Tỷ lệ học sinh bỏ học (dropout rate).
        EduDropout = "edu.dropout",
        /// Lưu ban (repetition rate).
        EduRepetition = "edu.repetition",
        /// Lên lớp thẳng (promotion rate). The plan's bare "98.0%" is read
        /// as a minimum, at least 98.0 (**reading**, RULES §2); a plan
        /// changes it with its target's [`Comparator`](crate::plan::Comparator).
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
        /// [`Policy::monthly_good_allowance`]: crate::plan::Policy::monthly_good_allowance
        MonthlyGood = "meeting_quality.monthly_good",
        /// Every `good` rating meets the framework's hard conditions, the
        /// plan's [`MeetingFramework`](crate::plan::MeetingFramework). Runs of
        /// leave are counted over all the year's meetings (**reading**,
        /// RULES §4: [`MeetingFramework::leave_run_scope`] counts regular
        /// meetings only).
        ///
        /// [`MeetingFramework::leave_run_scope`]: crate::plan::MeetingFramework::leave_run_scope
        RatingSupported = "meeting_quality.rating_supported",
        /// The committee met before each regular meeting.
        CommitteePrepared = "meeting_quality.committee_prepared",
        /// A thematic meeting in every quarter (**reading**, RULES §4: a plan
        /// asks for more, or none, with [`Policy::thematic_per_quarter`]).
        ///
        /// [`Policy::thematic_per_quarter`]: crate::plan::Policy::thematic_per_quarter
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
        /// [`Policy::max_disciplined`]: crate::plan::Policy::max_disciplined
        NoneDisciplined = "members.none_disciplined",
        /// No reviewed member rated `not_completed` (**reading**, RULES §4: a
        /// plan allows some with [`Policy::max_not_completed`]).
        ///
        /// [`Policy::max_not_completed`]: crate::plan::Policy::max_not_completed
        NoneNotCompleted = "members.none_not_completed",
        /// Secretary, deputy secretary and committee members rated `good` or
        /// better (**reading**, RULES §4: a plan sets the least rating with
        /// [`Policy::leader_min_rating`]).
        ///
        /// [`Policy::leader_min_rating`]: crate::plan::Policy::leader_min_rating
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
