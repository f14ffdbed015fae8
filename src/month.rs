//! The monthly cycle (plan, section 3; RULES §7): the month's regular
//! meeting, its vote on each of the four contents, and the year so far.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::check::{Check, CheckId, CriterionId, Detail, Gap, Quantity, Status};
use crate::indicator::Comparator;
use crate::meeting::{Meeting, MeetingRating};
use crate::path::{FactPath, MeetingField};
use crate::validate::Context;
use crate::vote::{Decision, Tally, decide};

/// The decision on one content in one month, with its tally.
///
/// A *content* is one of the four criteria as the members vote on it each
/// month at the regular meeting (RULES §7); it is achieved when more than
/// half of the voting base votes for it ([`decide`](crate::decide)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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

crate::macros::str_enum! {
    /// What a month's entry holds.
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
/// the year so far. Months before a cell founded during the year say so.
pub(crate) fn months(meetings: Option<&[Meeting]>, cx: &Context<'_>) -> (Vec<Month>, YearToDate) {
    let (first, last) = (cx.span.first_month(), cx.span.last_month());
    // `1..last + 1` rather than `1..=last`: a plain range, without the
    // inclusive range's exhaustion flag (`last` is at most 12).
    let mut out: Vec<Month> = (1..last.saturating_add(1)).map(Month::blank).collect();
    // A cell founded during the year: no meeting was due before it (none
    // of the months for most cells, so not asked month by month above).
    for entry in out.iter_mut().take(usize::from(first.saturating_sub(1))) {
        entry.state = MonthState::BeforeFounding;
    }
    let ytd = YearToDate {
        required: u32::from(last.saturating_sub(first)) + 1,
        ..YearToDate::default()
    };
    // Every meeting is of the span's year (validation): its month from the
    // year's table of month positions by day, not from chrono.
    let positions = cx.span.month_positions();
    let Some(meetings) = meetings else {
        // Not given is not "none held" (RULES §10): say so of every month
        // a meeting was due.
        for entry in out.iter_mut().skip(usize::from(first.saturating_sub(1))) {
            entry.state = MonthState::NotGiven;
        }
        return (out, ytd);
    };
    // Most records list their meetings in date order: then the pass runs
    // over a plain slice, without the chain of `Order::meetings`.
    let ytd = match cx.order.prefix(meetings) {
        Some(prefix) => note_meetings((0u32..).zip(prefix), positions, &mut out, ytd),
        None => note_meetings(cx.order.meetings(meetings), positions, &mut out, ytd),
    };
    (out, ytd)
}

/// Notes the regular meetings of `in_order` (the meetings within the span,
/// in date order, with their positions) in the months `out` and the year
/// `ytd`; `positions`: the month position of each day of the span's year,
/// by ordinal ([`Span::month_positions`](crate::calendar::Span::month_positions)).
///
/// Inlined into `months` once for each kind of `in_order` (a slice, the
/// chain): kept out of line, the year's counters went through memory.
#[inline(always)]
fn note_meetings<'m>(
    in_order: impl Iterator<Item = (u32, &'m Meeting)>,
    positions: &[u8; 512],
    out: &mut [Month],
    mut ytd: YearToDate,
) -> YearToDate {
    for (i, meeting) in in_order {
        if !meeting.is_regular() {
            continue;
        }
        let day = meeting.date.ordinal() as usize;
        let Some(entry) = positions
            .get(day)
            .and_then(|&pos| out.get_mut(usize::from(pos)))
        else {
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
        // Voted when any content was: told from the month's contents once
        // all four are taken (they were blank, and a month has one regular
        // meeting: validation), which frees the registers that kept what
        // each `take_vote` returned.
        if c.political_task.is_some()
            || c.meeting_quality.is_some()
            || c.unity_discipline.is_some()
            || c.members.is_some()
        {
            entry.state = MonthState::Voted;
        }
    }
    ytd
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use crate::validate::{Scratch, validate};

    #[test]
    fn the_pass_over_a_prefix_gives_what_the_pass_over_the_chain_gives() {
        let plan = Plan::binh_tan_2024();
        let mut compared = 0;
        for base in crate::testing::example_records() {
            // Meetings without votes, or without some of them, by turns.
            let mut gaps = base.clone();
            for (k, m) in gaps.meetings.iter_mut().flatten().enumerate() {
                match (k % 3, m.votes.as_mut()) {
                    (1, _) => m.votes = None,
                    (2, Some(v)) => v.meeting_quality = None,
                    _ => {}
                }
            }
            for record in [&base, &gaps] {
                let mut scratch = Scratch::new();
                let cx = validate(&plan, record, &mut scratch).unwrap();
                let meetings = record.meetings.as_deref().unwrap_or(&[]);
                let prefix = cx.order.prefix(meetings).unwrap();
                let positions = cx.span.month_positions();
                let blank: Vec<Month> = (1..=cx.span.last_month()).map(Month::blank).collect();
                let (mut by_prefix, mut by_chain) = (blank.clone(), blank);
                let ytd = YearToDate::default();
                let fast = note_meetings((0u32..).zip(prefix), positions, &mut by_prefix, ytd);
                let general =
                    note_meetings(cx.order.meetings(meetings), positions, &mut by_chain, ytd);
                assert_eq!((fast, &by_prefix), (general, &by_chain));
                assert!(fast.held > 0);
                compared += 1;
            }
        }
        assert_eq!(compared, 8);
    }
}
