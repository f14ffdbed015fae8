//! The record of a cell's year: every fact the rules read.
//!
//! The wire contract, and absent versus empty, are documented on
//! [`CellYear`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::meeting::Meeting;
use crate::model::member::{Head, Member, YearRating};
use crate::model::plan::PlanRef;
use crate::model::rate::Rate;
use crate::support::macros::str_enum;

/// One cell's year: the input of [`assess`](crate::assess).
///
/// Its serde shape is the wire contract (the reference document
/// `examples/cell-year-2024.json`); read one with
/// [`parse_record`](crate::json::parse_record).
///
/// # Absent versus empty
///
/// A fact left out or `null` is *not given*: the checks that need it are
/// `unknown`, and the assessment lists it in `missing` by its path. An empty
/// list is a fact: `"meetings": []` means no meeting was held, which fails
/// `meeting_quality.monthly_held`, where a record without `meetings` leaves
/// that check `unknown` (RULES §10). Unknown fields are errors, never
/// ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CellYear {
    /// The plan: a preset's id or a plan inline. Required.
    pub plan: PlanRef,
    /// The cell and the year.
    pub cell: Cell,
    /// Education indicators (2.1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// Party-building indicators (2.1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Party>,
    /// The cell's judgments and grievance counts for criterion 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub political_task: Option<PoliticalTask>,
    /// The cell's judgment for criterion 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_quality: Option<MeetingQuality>,
    /// The cell's judgments for criterion 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unity_discipline: Option<UnityDiscipline>,
    /// The cell's judgment for criterion 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_conduct: Option<MembersConduct>,
    /// The roster; ids are unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<Member>>,
    /// The year's meetings, in any order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<Vec<Meeting>>,
    /// The cell's year-end rating (2.2.1), an input of the verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_end_rating: Option<YearRating>,
    /// The dates of adoption, proposal and recognition (2.3, 2.4, 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<Process>,
}

/// The cell and the year assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Cell {
    /// The cell's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The calendar year assessed.
    pub year: i32,
    /// The date the record is as of; the whole year when left out. A date
    /// after the year's end assesses the whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The date the cell was founded, when during the year: months before
    /// it are not required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<NaiveDate>,
}

/// Education rates (RULES §3). Each is counts or a figure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Education {
    /// The school year the figures are for (`2023-2024`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_year: Option<String>,
    /// Dropouts in the school year / enrolled at its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropout: Option<Rate>,
    /// Students held back / enrolled at the start of the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition: Option<Rate>,
    /// Promoted without re-examination / students assessed at year end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion: Option<Rate>,
    /// Grade-9 graduates / grade-9 students considered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduation: Option<Rate>,
    /// Graduates this year / grade-6 intake of the same cohort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Rate>,
    /// Admitted to public grade 10 / grade-9 graduates **\[reading\]**: the
    /// plan does not name the base; a cell that counts another one gives it
    /// as `of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_grade10: Option<Rate>,
    /// Students who can swim / students enrolled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swimming: Option<Rate>,
}

/// Party-building facts (RULES §3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Party {
    /// Members who took part in studying resolutions / members required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study: Option<Rate>,
    /// Members admitted in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admissions: Option<u64>,
    /// The heads' commitments to set an example. A list given is a fact: a
    /// head the plan names who is not on it fails
    /// `party.exemplary_commitment`; left out or `null`, the check is
    /// unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heads: Option<Vec<Head>>,
    /// Members inspected / members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection: Option<Rate>,
}

/// Criterion 1's judgments and grievance counts (2.1.1, political task).
///
/// A judgment is the cell's own, made by vote (RULES §4): `true` or
/// `false`, or left out, which makes its check `unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PoliticalTask {
    /// Cụ thể hóa chỉ thị, nghị quyết bằng chương trình, kế hoạch
    /// (directives and resolutions turned into concrete programmes and
    /// plans): `political_task.plans_concretized`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plans_concretized: Option<bool>,
    /// Đấu tranh ngăn chặn suy thoái; học tập và làm theo Bác; phòng chống
    /// tham nhũng (the fight against degradation, "self-evolution" and
    /// "self-transformation"; studying and following Ho Chi Minh's example;
    /// preventing corruption): `political_task.anti_degradation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anti_degradation: Option<bool>,
    /// Công tác kiểm tra, giám sát, kỷ luật (inspection, supervision and
    /// party discipline work): `political_task.inspection_work`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection_work: Option<bool>,
    /// Xây dựng đảng, tổ chức cán bộ, quản lý đảng viên (party building,
    /// personnel work and the management of members):
    /// `political_task.party_building_work`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_building_work: Option<bool>,
    /// Vụ việc tồn đọng (cases left outstanding, unresolved): must be 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outstanding_cases: Option<u64>,
    /// Khiếu nại phức tạp đông người (complex complaints by many people at
    /// once): must be 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mass_complaints: Option<u64>,
    /// Khiếu nại vượt cấp (complaints taken over the level competent for
    /// them): must be 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over_level_complaints: Option<u64>,
}

/// Criterion 2's judgment (2.1.2, meeting quality), the cell's own: `true`,
/// `false`, or left out (`unknown`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MeetingQuality {
    /// Chuẩn bị tốt và thường xuyên đổi mới nội dung sinh hoạt (meetings well
    /// prepared, their content regularly renewed):
    /// `meeting_quality.content_renewed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_renewed: Option<bool>,
}

/// Criterion 3's judgments (2.1.3, unity and discipline), the cell's own:
/// each `true`, `false`, or left out (`unknown`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UnityDiscipline {
    /// Quy chế làm việc xây dựng và thực hiện đúng (the cell's working rules
    /// drawn up and followed): `unity_discipline.work_rules_followed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_rules_followed: Option<bool>,
    /// Tập trung dân chủ, tự phê bình và phê bình (democratic centralism,
    /// self-criticism and criticism upheld): `unity_discipline.principles_upheld`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principles_upheld: Option<bool>,
    /// Kỷ luật, kỷ cương hành chính (administrative discipline and order
    /// kept): `unity_discipline.administrative_discipline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administrative_discipline: Option<bool>,
    /// Giải quyết kịp thời các vấn đề phát sinh (issues arising resolved
    /// promptly): `unity_discipline.issues_resolved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues_resolved: Option<bool>,
}

/// Criterion 4's judgment (2.1.4, cadres and members), the cell's own:
/// `true`, `false`, or left out (`unknown`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MembersConduct {
    /// Nêu gương về đạo đức, lối sống, nói đi đôi với làm (members set an
    /// example in ethics and way of life; their words matched by deeds):
    /// `members.exemplary_conduct`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemplary_conduct: Option<bool>,
}

str_enum! {
    /// The body that recognized the verdict.
    pub enum Body {
        /// Đảng ủy cơ sở: the only body competent to recognize (2.3.1).
        GrassrootsCommittee = "grassroots_committee",
        /// The cell's own executive committee (chi ủy; RULES §1 `committee`).
        Committee = "committee",
        /// The cell itself (chi bộ).
        Cell = "cell",
        /// The district committee (quận ủy, huyện ủy).
        DistrictCommittee = "district_committee",
    }
}

/// Who recognized the verdict, and when.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Recognition {
    /// The recognizing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Body>,
    /// The date of recognition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
}

/// The dates of the plan's adoption and the verdict's recognition (2.3, 2.4, 3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Process {
    /// The cell adopted the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_adopted: Option<NaiveDate>,
    /// The cell proposed its verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<NaiveDate>,
    /// The recognition of the verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognition: Option<Recognition>,
    /// The review of commendations for "Hoàn thành xuất sắc nhiệm vụ" cells
    /// (those rated "completed tasks excellently", `excellent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commendation_review: Option<NaiveDate>,
}

impl CellYear {
    /// A record of `cell`'s year under `plan`, with no fact given yet: every
    /// other field `None` (not given), to be filled in.
    ///
    /// ```
    /// use bontot::CellYear;
    /// use bontot::plan::PlanRef;
    /// use bontot::record::{Cell, Party};
    ///
    /// let mut record = CellYear::new(PlanRef::preset("binh-tan-2024"), Cell::new(2024));
    /// let mut party = Party::default();
    /// party.admissions = Some(6);
    /// record.party = Some(party);
    /// assert!(record.members.is_none());
    /// ```
    pub fn new(plan: PlanRef, cell: Cell) -> Self {
        CellYear {
            plan,
            cell,
            education: None,
            party: None,
            political_task: None,
            meeting_quality: None,
            unity_discipline: None,
            members_conduct: None,
            members: None,
            meetings: None,
            year_end_rating: None,
            process: None,
        }
    }
}

impl Cell {
    /// The cell and the whole calendar `year`: no name, no as-of date (the
    /// whole year), no founding date.
    pub const fn new(year: i32) -> Self {
        Cell {
            name: None,
            year,
            as_of: None,
            founded: None,
        }
    }
}
