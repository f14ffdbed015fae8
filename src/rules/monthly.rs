//! The monthly cycle (plan, section 3; RULES §7): the month's regular
//! meeting, its vote on each of the four contents, how a vote is decided,
//! the voting base, and the year so far.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::ids::{CheckId, CriterionId};
use crate::model::meeting::{Meeting, MeetingRating};
use crate::model::member::Member;
use crate::model::path::{FactPath, MeetingField};
use crate::model::rate::Comparator;
use crate::model::vote::Tally;
use crate::rules::check::{Check, Detail, Quantity};
use crate::rules::gap::Gap;
use crate::rules::status::Status;
use crate::support::calendar::month_of;
use crate::support::macros::str_enum;
use crate::validation::Validated;

/// The decision on one content in one month, with its tally.
///
/// A *content* is one of the four criteria as the members vote on it each
/// month at the regular meeting (RULES §7); it is achieved when more than
/// half of the voting base votes for it ([`decide`](crate::month::decide)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ContentResult {
    /// Achieved when votes for are more than half of the base.
    pub decision: Decision,
    /// Votes for.
    #[serde(rename = "for")]
    pub for_: u32,
    /// Votes against.
    pub against: u32,
    /// The voting base.
    pub base: u32,
}

/// The four contents of a month (the four criteria, as voted on that month;
/// see [`ContentResult`]); a content not voted is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contents {
    /// Content 1: political task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub political_task: Option<ContentResult>,
    /// Content 2: meeting quality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_quality: Option<ContentResult>,
    /// Content 3: unity and discipline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unity_discipline: Option<ContentResult>,
    /// Content 4: members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<ContentResult>,
}

impl Contents {
    /// The result of one content, if voted.
    pub const fn get(&self, content: CriterionId) -> Option<ContentResult> {
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
    /// What a month's entry holds.
    #[non_exhaustive]
    pub enum MonthState {
        /// The regular meeting voted on at least one content.
        Voted = "voted",
        /// A regular meeting was held without votes.
        NoVotes = "no_votes",
        /// No regular meeting was held (or the month is not over yet).
        NoMeeting = "no_meeting",
        /// The cell was founded later in the year: no meeting was due.
        BeforeFounding = "before_founding",
        /// The record does not give its meetings (`meetings` left out or
        /// `null`): whether a meeting was held is not known (RULES §10).
        NotGiven = "not_given",
    }
}

/// One month of the year up to the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Month {
    /// 1–12.
    pub month: u8,
    /// The regular meeting's date, or `null`.
    pub meeting: Option<NaiveDate>,
    /// Its index in the record's `meetings`, or `null`.
    pub index: Option<u32>,
    /// The meeting's rating, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<MeetingRating>,
    /// Whether the month has decisions, and if not, why.
    pub state: MonthState,
    /// The decisions, by content.
    pub contents: Contents,
}

impl Month {
    /// Month `month` (1–12) with no regular meeting noted yet.
    const fn blank(month: u8) -> Month {
        Month {
            month,
            meeting: None,
            index: None,
            rating: None,
            state: MonthState::NoMeeting,
            contents: Contents {
                political_task: None,
                meeting_quality: None,
                unity_discipline: None,
                members: None,
            },
        }
    }
}

/// Per content: months achieved, and months voted, so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tallies {
    /// Months in which the content was achieved.
    pub achieved: u32,
    /// Months in which the content was voted.
    pub voted: u32,
}

/// The year so far: per content, months achieved and months voted, and the
/// months with a regular meeting. RULES §7's summary per content, months
/// achieved of months held, is a content's `achieved` over `held`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct YearToDate {
    /// Months with a regular meeting.
    pub held: u32,
    /// Months required so far.
    pub required: u32,
    /// Content 1.
    pub political_task: Tallies,
    /// Content 2.
    pub meeting_quality: Tallies,
    /// Content 3.
    pub unity_discipline: Tallies,
    /// Content 4.
    pub members: Tallies,
}

impl YearToDate {
    /// The tallies of one content; `None` for [`CriterionId::Verdict`].
    pub const fn get(&self, content: CriterionId) -> Option<Tallies> {
        match content {
            CriterionId::PoliticalTask => Some(self.political_task),
            CriterionId::MeetingQuality => Some(self.meeting_quality),
            CriterionId::UnityDiscipline => Some(self.unity_discipline),
            CriterionId::Members => Some(self.members),
            CriterionId::Verdict => None,
        }
    }
}

/// One entry per month of the year up to the as-of date (RULES §7), and
/// the year so far. Months before a cell founded during the year say so;
/// without the record's meetings, every month a meeting was due is
/// `not_given` (RULES §10).
pub(crate) fn months(meetings: Option<&[Meeting]>, v: &Validated<'_>) -> (Vec<Month>, YearToDate) {
    let (first, last) = (v.span.first_month(), v.span.last_month());
    let mut out: Vec<Month> = (1..=last).map(Month::blank).collect();
    let due = usize::from(first.saturating_sub(1));
    for entry in out.iter_mut().take(due) {
        entry.state = MonthState::BeforeFounding;
    }
    let mut ytd = YearToDate {
        required: u32::from(last.saturating_sub(first)) + 1,
        ..YearToDate::default()
    };
    let Some(meetings) = meetings else {
        for entry in out.iter_mut().skip(due) {
            entry.state = MonthState::NotGiven;
        }
        return (out, ytd);
    };
    for (i, meeting) in v.order.meetings(meetings) {
        if !meeting.is_regular() {
            continue;
        }
        let month = usize::from(month_of(meeting.date));
        let Some(entry) = month.checked_sub(1).and_then(|m| out.get_mut(m)) else {
            continue;
        };
        ytd.held += 1;
        entry.meeting = Some(meeting.date);
        entry.index = Some(i);
        entry.rating = meeting.rating;
        entry.state = MonthState::NoVotes;
        let Some(votes) = &meeting.votes else {
            continue;
        };
        let (c, base) = (&mut entry.contents, votes.base);
        take_vote(
            votes.political_task,
            base,
            &mut c.political_task,
            &mut ytd.political_task,
        );
        take_vote(
            votes.meeting_quality,
            base,
            &mut c.meeting_quality,
            &mut ytd.meeting_quality,
        );
        take_vote(
            votes.unity_discipline,
            base,
            &mut c.unity_discipline,
            &mut ytd.unity_discipline,
        );
        take_vote(votes.members, base, &mut c.members, &mut ytd.members);
        if CriterionId::CRITERIA.iter().any(|&k| c.get(k).is_some()) {
            entry.state = MonthState::Voted;
        }
    }
    (out, ytd)
}

/// One content's vote at a month's regular meeting, if it voted on it: the
/// month's decision (more than half the base for, RULES §7) in `month`,
/// and the vote counted in the year so far.
fn take_vote(
    tally: Option<Tally>,
    base: u32,
    month: &mut Option<ContentResult>,
    year: &mut Tallies,
) {
    let Some(tally) = tally else {
        return;
    };
    let decision = decide(tally, base);
    *month = Some(ContentResult {
        decision,
        for_: tally.for_,
        against: tally.against,
        base,
    });
    year.voted += 1;
    year.achieved += u32::from(decision == Decision::Achieved);
}

/// `<criterion>.monthly_votes` (policy `every_month`): the content was
/// achieved in every month with a regular meeting. A month whose meeting
/// did not vote on it is unknown; months without a meeting are the
/// business of `meeting_quality.monthly_held`.
pub(crate) fn monthly_votes(content: CriterionId, months: &[Month]) -> Option<Check> {
    let id = CheckId::monthly_votes(content)?;
    let mut failed: Vec<u8> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    let mut achieved = 0u64;
    let mut held = 0u64;
    for m in months {
        let Some(index) = m.index else { continue };
        held += 1;
        match m.contents.get(content).map(|r| r.decision) {
            Some(Decision::Achieved) => achieved += 1,
            Some(Decision::NotAchieved) => failed.push(m.month),
            None => missing.push(FactPath::Meeting(index, MeetingField::Votes)),
        }
    }
    let status = if !failed.is_empty() {
        Status::Fail
    } else if !missing.is_empty() {
        Status::Unknown
    } else {
        Status::Pass
    };
    let mut c = Check::new(id, status);
    c.actual = Some(Quantity::Count(achieved));
    c.comparator = Some(Comparator::AtLeast);
    c.target = Some(Quantity::Count(held));
    match status {
        Status::Fail => {
            c.gap = Some(Gap::Count {
                needed: held,
                change: i128::from(held) - i128::from(achieved),
            });
            c.detail = Some(Detail::Months(failed));
        }
        Status::Unknown | Status::Pass => {}
    }
    c.missing = missing;
    Some(c)
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
/// use bontot::month::voting_base;
/// use bontot::record::{Member, Meeting};
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
