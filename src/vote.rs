//! The monthly vote on the four contents (plan, section 3; Điều lệ Đảng,
//! Điều 9, khoản 5).

use serde::{Deserialize, Serialize};

use crate::check::CriterionId;
use crate::macros::str_enum;
use crate::meeting::Meeting;
use crate::member::Member;

/// Votes for and against one content.
///
/// A *content* (nội dung) is one of the four criteria as the members vote on
/// it each month: at the regular meeting they vote whether the cell achieved
/// it that month (plan, section 3; RULES §7). The four contents are named by
/// the [`CriterionId`]s of the four criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

impl Votes {
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

str_enum! {
    /// A month's decision on one content.
    pub enum Decision {
        /// More than half of the base voted for.
        Achieved = "achieved",
        /// Half of the base or fewer voted for.
        NotAchieved = "not_achieved",
    }
}

/// Decides a content: achieved when votes for are **more than half** of the
/// base (Điều lệ Đảng, Điều 9, khoản 5). 12 of 24 is not enough; 13 is.
pub const fn decide(tally: Tally, base: u32) -> Decision {
    if (tally.for_ as u64) * 2 > base as u64 {
        Decision::Achieved
    } else {
        Decision::NotAchieved
    }
}

/// Whether an official member is convened and counted at `meeting`: not
/// working elsewhere, and not exempt unless listed as an exempt member present.
fn in_base(member: &Member, meeting: &Meeting) -> bool {
    member.may_vote()
        && (!member.is_exempt()
            || meeting
                .attendance
                .as_ref()
                .and_then(|a| a.exempt_present.as_ref())
                .is_some_and(|ids| ids.contains(&member.id)))
}

/// The voting base of a meeting computed from the roster (RULES §7):
/// official members convened, minus members temporarily working elsewhere,
/// minus exempt members who are not present. Probationary members do not vote.
///
/// ```
/// use bontot::{voting_base, Member, Meeting};
/// let member = |id: &str, status: &str, extra: &str| -> Member {
///     serde_json::from_str(&format!(
///         r#"{{"id":"{id}","status":"{status}","role":"member"{extra}}}"#
///     )).unwrap()
/// };
/// let roster = [
///     member("a", "official", ""),
///     member("b", "official", r#","exempt":true"#),
///     member("c", "official", r#","working_elsewhere":true"#),
///     member("d", "probationary", ""),
///     member("e", "official", ""),
/// ];
/// let meeting: Meeting = serde_json::from_str(r#"{"date":"2024-01-10","kind":"regular"}"#).unwrap();
/// assert_eq!(voting_base(&roster, &meeting), 2); // a and e
/// ```
pub fn voting_base(members: &[Member], meeting: &Meeting) -> u32 {
    let n = members.iter().filter(|m| in_base(m, meeting)).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_more_than_half_of_the_base() {
        let t = |f| Tally {
            for_: f,
            against: 0,
        };
        assert_eq!(decide(t(12), 24), Decision::NotAchieved);
        assert_eq!(decide(t(13), 24), Decision::Achieved);
        assert_eq!(decide(t(12), 23), Decision::Achieved);
        assert_eq!(decide(t(11), 23), Decision::NotAchieved);
        assert_eq!(decide(t(0), 0), Decision::NotAchieved);
    }
}
