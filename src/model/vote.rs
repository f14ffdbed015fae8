//! The monthly vote as the record gives it: the voting base and a tally per
//! content (plan, section 3; Điều lệ Đảng, Điều 9, khoản 5). How a tally is
//! decided is `rules::monthly`.

use serde::{Deserialize, Serialize};

use crate::model::ids::CriterionId;

/// Votes for and against one content.
///
/// A *content* (nội dung) is one of the four criteria as the members vote on
/// it each month: at the regular meeting they vote whether the cell achieved
/// it that month (plan, section 3; RULES §7). The four contents are named by
/// the [`CriterionId`]s of the four criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// Votes that the content was achieved this month.
    #[serde(rename = "for")]
    pub for_: u32,
    /// Votes that it was not.
    pub against: u32,
}

/// The vote at a regular meeting: the voting base and a tally per content
/// (one of the four criteria as the members vote on it each month; see
/// [`Tally`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// The voting base: official members convened, less those working
    /// elsewhere, less exempt members not present.
    pub base: u32,
    /// Content 1: political task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub political_task: Option<Tally>,
    /// Content 2: meeting quality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_quality: Option<Tally>,
    /// Content 3: unity and discipline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unity_discipline: Option<Tally>,
    /// Content 4: members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Tally>,
}

impl Tally {
    /// Votes for and against.
    pub const fn new(for_: u32, against: u32) -> Self {
        Tally { for_, against }
    }
}

impl Votes {
    /// The vote on a base of `base` members, no content voted yet.
    pub const fn new(base: u32) -> Self {
        Votes {
            base,
            political_task: None,
            meeting_quality: None,
            unity_discipline: None,
            members: None,
        }
    }

    /// The tally on one content, if it was voted.
    pub const fn tally(&self, content: CriterionId) -> Option<Tally> {
        match content {
            CriterionId::PoliticalTask => self.political_task,
            CriterionId::MeetingQuality => self.meeting_quality,
            CriterionId::UnityDiscipline => self.unity_discipline,
            CriterionId::Members => self.members,
            CriterionId::Verdict => None,
        }
    }
}
