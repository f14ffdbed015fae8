//! Members of the cell, their standing in the year, and the heads who
//! committed to set an example.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::support::macros::str_enum;

str_enum! {
    /// A year-end rating of a member or of the cell (2.2.1, the annual
    /// classification), ordered `excellent > good > completed > not_completed`.
    ///
    /// The cell's own rating is an input of the verdict: `good` or better is
    /// needed for "bốn tốt"; `completed` or below is not achieved (2.2.2).
    pub enum YearRating {
        /// Không hoàn thành nhiệm vụ (KHTNV): did not complete tasks; the
        /// lowest level.
        NotCompleted = "not_completed",
        /// Hoàn thành nhiệm vụ (HTNV): completed tasks.
        Completed = "completed",
        /// Hoàn thành tốt nhiệm vụ (HTTNV): completed tasks well.
        Good = "good",
        /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV): completed tasks
        /// excellently; the top level.
        Excellent = "excellent",
    }
}

str_enum! {
    /// Đảng viên chính thức / dự bị: an official or a probationary party
    /// member. Only official members vote (RULES §7).
    pub enum MemberStatus {
        /// An official member: votes.
        Official = "official",
        /// A probationary member: does not vote.
        Probationary = "probationary",
    }
}

str_enum! {
    /// A member's role in the cell. The first three are the cell's leaders
    /// (`members.leaders_exemplary`).
    pub enum Role {
        /// Bí thư chi bộ: the cell's secretary, who heads it.
        Secretary = "secretary",
        /// Phó bí thư: the deputy secretary.
        DeputySecretary = "deputy_secretary",
        /// Chi ủy viên: a member of the cell's committee (chi ủy).
        Committee = "committee",
        /// Đảng viên: a party member with no office in the cell.
        Member = "member",
    }
}

impl Role {
    /// Whether the role leads the cell (`members.leaders_exemplary`, RULES §10).
    pub const fn is_leader(self) -> bool {
        !matches!(self, Role::Member)
    }
}

str_enum! {
    /// Why a member was not reviewed in the year (RULES §10). A member not
    /// reviewed is left out of every `members.*` check, though still counted
    /// by `unity_discipline.prohibited_violations`.
    pub enum NotReviewed {
        /// Miễn công tác và sinh hoạt đảng: exempt from party work and
        /// meetings. An exempt member is never reviewed.
        Exempt = "exempt",
        /// Admitted less than six months before the review.
        AdmittedUnder6Months = "admitted_under_6_months",
        /// Suspended.
        Suspended = "suspended",
    }
}

/// One member of the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Member {
    /// An id unique in the roster (`dv05`); attendance lists name members by it.
    pub id: String,
    /// The member's name, for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Official or probationary.
    pub status: MemberStatus,
    /// The member's role in the cell.
    pub role: Role,
    /// The member's year-end rating; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<YearRating>,
    /// Exempt from party work and meetings. A flag: left out means `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<bool>,
    /// Temporarily working elsewhere, so not convened (RULES §7). A flag:
    /// left out means `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_elsewhere: Option<bool>,
    /// Why the member was not reviewed in the year, if not reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_reviewed: Option<NotReviewed>,
    /// The date of admission to the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admitted: Option<NaiveDate>,
    /// Disciplined in the year; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disciplined: Option<bool>,
    /// Violated "những điều đảng viên không được làm" (what party members
    /// must not do, QĐ 37-QĐ/TW); `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violated_prohibitions: Option<bool>,
}

impl Member {
    /// A member by id, standing and role, with no other fact given.
    pub fn new(id: impl Into<String>, status: MemberStatus, role: Role) -> Self {
        Member {
            id: id.into(),
            name: None,
            status,
            role,
            rating: None,
            exempt: None,
            working_elsewhere: None,
            not_reviewed: None,
            admitted: None,
            disciplined: None,
            violated_prohibitions: None,
        }
    }

    /// Exempt from party work and meetings (either flag says so).
    pub fn is_exempt(&self) -> bool {
        self.exempt == Some(true) || self.not_reviewed == Some(NotReviewed::Exempt)
    }

    /// Reviewed in the year: neither exempt nor marked `not_reviewed`.
    pub fn is_reviewed(&self) -> bool {
        self.not_reviewed.is_none() && !self.is_exempt()
    }

    /// An official member not working elsewhere: one who may vote when
    /// present (RULES §7; exempt members only if they attend).
    pub fn may_vote(&self) -> bool {
        self.status == MemberStatus::Official && self.working_elsewhere != Some(true)
    }

    /// Convened to the cell's meetings and counted in its voting base when
    /// official: not exempt and not working elsewhere.
    pub fn is_convened(&self) -> bool {
        !self.is_exempt() && self.working_elsewhere != Some(true)
    }
}

str_enum! {
    /// A head whose example the plan asks for (QĐ 101, 55, 08).
    pub enum HeadRole {
        /// Người đứng đầu cấp ủy: the cell's secretary.
        Secretary = "secretary",
        /// Người đứng đầu chính quyền: the school's principal.
        Principal = "principal",
    }
}

/// A head's commitment to set an example, and whether it was fulfilled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Head {
    /// Which head.
    pub role: HeadRole,
    /// The head's name, for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Made the commitment; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<bool>,
    /// Fulfilled it; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfilled: Option<bool>,
}

impl Head {
    /// A head's commitment (`committed`) and whether it was kept
    /// (`fulfilled`).
    pub const fn new(role: HeadRole, committed: bool, fulfilled: bool) -> Self {
        Head {
            role,
            name: None,
            committed: Some(committed),
            fulfilled: Some(fulfilled),
        }
    }
}
