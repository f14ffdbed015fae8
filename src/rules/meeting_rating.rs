//! `meeting_quality.rating_supported` (clause 2.1.2, HD 12-HD/BTCTW): a
//! meeting rated `good` meets the framework's hard conditions of
//! attendance, absences, runs of leave and length.

use std::collections::BTreeMap;

use smallvec::SmallVec;

use crate::model::meeting::{Attendance, Meeting, MeetingKind, MeetingRating};
use crate::model::path::{FactPath, Field, MeetingField};
use crate::model::policy::{LeaveRunScope, MeetingFramework, Policy, RateComparison};
use crate::rules::check::{Condition, MeetingFinding};
use crate::rules::compare;
use crate::validation::{Roster, Validated};

/// How many roster members the runs of leave hold without allocating.
const INLINE_MEMBERS: usize = 64;

/// What [`rating_supported`] found: the meetings rated good that do not
/// meet the conditions, and the facts it needed and was not given.
#[derive(Debug)]
pub(crate) struct Supported {
    /// Meetings rated `good` that fall short.
    pub unsupported: u64,
    /// Each shortfall, meeting by meeting.
    pub findings: Vec<MeetingFinding>,
    /// The facts the check needed and was not given.
    pub missing: Vec<FactPath>,
}

/// `meeting_quality.rating_supported`: a `good` rating meets the hard
/// conditions of HD 12-HD/BTCTW (thresholds from the plan's policy):
/// attendance above 85 % of members required (exempt absentees left out),
/// no unexcused absence, no member absent with leave more than 3 meetings
/// in a row (the meeting at which a run reaches 4, and each later one while
/// it lasts, is not supported), and at least 90 minutes.
///
/// Runs are counted over the meetings in date order (all meetings, or
/// regular ones only, as the policy says); a meeting whose attendance is
/// not given may extend or break a run, so a run too long only if it was
/// extended there is unknown (that attendance is missing). Without a
/// roster, exemptions cannot be told, so a meeting with absentees cannot be
/// judged (`members` is missing). A meeting whose rating is not given is
/// checked as if rated `good`: a shortfall, or a condition that cannot be
/// told, makes the check unknown with the meeting's rating missing (it may
/// have been rated good), never a pass.
pub(crate) fn rating_supported(meetings: &[Meeting], v: &Validated<'_>, p: &Policy) -> Supported {
    let mut pass = Pass::new(v, &p.meeting_framework);
    for (i, m) in v.order.meetings(meetings) {
        pass.meeting(i, m);
    }
    Supported {
        unsupported: pass.unsupported,
        findings: pass.findings,
        missing: pass.missing,
    }
}

/// The pass over the meetings in date order.
struct Pass<'v, 'a> {
    v: &'v Validated<'a>,
    fw: &'v MeetingFramework,
    findings: Vec<MeetingFinding>,
    missing: Vec<FactPath>,
    unsupported: u64,
    /// Per roster position: the member's run of leave.
    runs: SmallVec<[Run; INLINE_MEMBERS]>,
    /// The same, by id, for a record without a roster.
    by_id: BTreeMap<&'v str, Run>,
    /// The counted meetings so far (the last one's sequence number, from 1).
    seq: u32,
    /// The last counted meeting whose attendance is given.
    known: u32,
    /// The counted meetings since `known`, whose attendance is not given.
    gap: u32,
    /// Those of them not listed as missing yet (their rating is known and
    /// not `good`).
    unlisted: Vec<u32>,
}

impl<'v, 'a> Pass<'v, 'a> {
    fn new(v: &'v Validated<'a>, fw: &'v MeetingFramework) -> Self {
        let n = v.roster.as_ref().map_or(0, Roster::len);
        Pass {
            v,
            fw,
            findings: Vec::new(),
            missing: Vec::new(),
            unsupported: 0,
            runs: smallvec::smallvec![Run::default(); n],
            by_id: BTreeMap::new(),
            seq: 0,
            known: 0,
            gap: 0,
            unlisted: Vec::new(),
        }
    }

    /// Meeting `i`, the next in date order.
    fn meeting(&mut self, i: u32, m: &'v Meeting) {
        // A meeting whose rating is not given may have been rated good: its
        // conditions are checked as for a good one, and a shortfall (or a
        // condition that cannot be told) makes the check unknown, with the
        // rating missing, never a pass (Kleene logic, RULES §4 and §10).
        let unrated = m.rating.is_none();
        let rated_good = unrated || m.rating == Some(MeetingRating::Good);
        let counted = match self.fw.leave_run_scope {
            LeaveRunScope::AllMeetings => true,
            LeaveRunScope::RegularOnly => m.kind == MeetingKind::Regular,
        };
        if counted {
            self.seq = self.seq.saturating_add(1);
        }
        let before = self.findings.len();
        let missing_before = self.missing.len();
        let uncertain = match (&m.attendance, &self.v.roster) {
            (None, _) => {
                // Who was absent is not known: the meeting may extend or
                // break each run (see `Run`).
                if counted {
                    self.gap = self.gap.saturating_add(1);
                }
                if rated_good {
                    self.missing
                        .push(FactPath::Meeting(i, MeetingField::Attendance));
                } else if counted {
                    self.unlisted.push(i);
                }
                false
            }
            (Some(a), None) => self.without_roster(i, m, a, counted, rated_good),
            (Some(a), Some(roster)) => self.with_roster(i, m, a, roster, counted, rated_good),
        };
        if rated_good {
            match m.minutes {
                None => self
                    .missing
                    .push(FactPath::Meeting(i, MeetingField::Minutes)),
                Some(min) if !self.fw.minutes.met_by(&u64::from(min)) => {
                    let f = MeetingFinding::new(i, m, Condition::Duration, None);
                    self.findings.push(f);
                }
                Some(_) => {}
            }
        }
        if unrated {
            let short = self.findings.len() > before;
            self.findings.truncate(before);
            if short || uncertain || self.missing.len() > missing_before {
                self.missing
                    .push(FactPath::Meeting(i, MeetingField::Rating));
            }
        } else if self.findings.len() > before {
            self.unsupported += 1;
        }
    }

    /// A meeting with its attendance, in a record without a roster: the
    /// exemptions cannot be told. Leaving an exempt absentee out only
    /// raises attendance, so attendance that passes counting everyone
    /// passes; anything else that hangs on who is exempt is unknown
    /// (`members` is missing). Returns whether the meeting is uncertain.
    fn without_roster(
        &mut self,
        i: u32,
        m: &'v Meeting,
        a: &'v Attendance,
        counted: bool,
        rated_good: bool,
    ) -> bool {
        let mut unsure = false;
        if counted {
            for id in &a.absent_with_leave {
                let run = self.by_id.entry(id.as_str()).or_default();
                run.extend(self.seq, self.known, self.gap);
                unsure |= run.most > self.fw.max_leave_run && rated_good;
            }
            (self.known, self.gap) = (self.seq, 0);
        }
        if !rated_good {
            return false;
        }
        let all = attended(a.present, a.required, self.fw);
        let nobody_absent = a.absent_with_leave.is_empty() && a.absent_without_leave.is_empty();
        if !all && nobody_absent {
            let f = MeetingFinding::new(i, m, Condition::Attendance, None);
            self.findings.push(f);
        }
        let unexcused = a.absent_without_leave.len() as u64;
        unsure |= !all && !nobody_absent;
        unsure |= unexcused > u64::from(self.fw.max_unexcused_absences);
        if unsure && !self.missing.contains(&Field::Members.into()) {
            self.missing.push(Field::Members.into());
        }
        unsure
    }

    /// A meeting with its attendance, in a record with a roster: its
    /// absentees (resolved by validation) extend their runs of leave, and
    /// are counted for the conditions. Returns whether the meeting is
    /// uncertain.
    fn with_roster(
        &mut self,
        i: u32,
        m: &'v Meeting,
        a: &'v Attendance,
        roster: &Roster<'_>,
        counted: bool,
        rated_good: bool,
    ) -> bool {
        let named = a.absent_with_leave.len() + a.absent_without_leave.len();
        let absent = if named == 0 {
            &[]
        } else {
            self.v.absences.of(i)
        };
        let mut uncertain = false;
        let (mut exempt_absent, mut unexcused) = (0u32, 0u64);
        for x in absent {
            if x.exempt {
                exempt_absent = exempt_absent.saturating_add(1);
                continue;
            }
            if !x.with_leave {
                unexcused += 1;
                continue;
            }
            if !counted {
                continue;
            }
            let Some(run) = self.runs.get_mut(x.pos as usize) else {
                continue;
            };
            run.extend(self.seq, self.known, self.gap);
            // A run is never shorter at least than at most (`Run::extend`).
            if run.most <= self.fw.max_leave_run || !rated_good {
                continue;
            }
            if run.least > self.fw.max_leave_run {
                let id = roster.member(x.pos).map(|x| x.id.as_str());
                let f = MeetingFinding::new(i, m, Condition::LeaveRun, id);
                self.findings.push(f);
            } else {
                // Too long only if the member missed a meeting whose
                // attendance is not given: unknown.
                uncertain = true;
                for j in self.unlisted.drain(..) {
                    self.missing
                        .push(FactPath::Meeting(j, MeetingField::Attendance));
                }
            }
        }
        if counted {
            (self.known, self.gap) = (self.seq, 0);
        }
        if rated_good {
            let required = a.required.saturating_sub(exempt_absent);
            if !attended(a.present, required, self.fw) {
                let f = MeetingFinding::new(i, m, Condition::Attendance, None);
                self.findings.push(f);
            }
            if unexcused > u64::from(self.fw.max_unexcused_absences) {
                for x in absent.iter().filter(|x| !x.with_leave && !x.exempt) {
                    let id = roster.member(x.pos).map(|x| x.id.as_str());
                    let f = MeetingFinding::new(i, m, Condition::UnexcusedAbsence, id);
                    self.findings.push(f);
                }
            }
        }
        uncertain
    }
}

/// Attendance above the framework's share (85 %) of the members required,
/// compared exactly (RULES §2).
fn attended(present: u32, required: u32, fw: &MeetingFramework) -> bool {
    let (present, required) = (u64::from(present), u64::from(required));
    compare::counts_meet(present, required, &fw.attendance, RateComparison::Exact)
}

/// A member's run of absences with leave (RULES §10) at the counted
/// meetings in date order. A meeting whose attendance is not given may have
/// broken the run (the member came) or extended it (the member was absent):
/// `least` is the run's length in the first case, `most` in the second.
/// Beyond the framework's limit, `least` fails the meeting; `most` alone
/// makes it unknown.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    least: u32,
    most: u32,
    /// The counted meeting (from 1) the member last missed with leave.
    last: u32,
}

impl Run {
    /// The member missed counted meeting `seq` with leave. `known` is the
    /// last counted meeting before it whose attendance is given, and `gap`
    /// the counted meetings between the two, whose attendance is not.
    fn extend(&mut self, seq: u32, known: u32, gap: u32) {
        let on = self.last != 0 && self.last == known;
        let (least, most) = if on {
            (
                if gap == 0 {
                    self.least.saturating_add(1)
                } else {
                    1
                },
                self.most.saturating_add(gap).saturating_add(1),
            )
        } else {
            (1, gap.saturating_add(1))
        };
        *self = Run {
            least,
            most,
            last: seq,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_never_shorter_at_most_than_at_least() {
        // The pass tests `most` against the limit first, and `least`
        // only when `most` is beyond it. Every run starts blank and changes
        // only by `extend`: extended from every run that holds
        // `least <= most`, it still does.
        let values = [0, 1, 2, 3, 5, u32::MAX - 1, u32::MAX];
        let mut extended = 0;
        for most in values {
            for least in values.into_iter().filter(|&l| l <= most) {
                for last in values {
                    for (seq, known, gap) in values
                        .into_iter()
                        .flat_map(|a| values.into_iter().map(move |b| (a, b)))
                        .flat_map(|(a, b)| values.into_iter().map(move |c| (a, b, c)))
                    {
                        let mut run = Run { least, most, last };
                        run.extend(seq, known, gap);
                        assert!(run.least <= run.most, "{least} {most} {last}: {run:?}");
                        extended += 1;
                    }
                }
            }
        }
        assert!(extended > 10_000);
        let blank = Run::default();
        assert!(blank.least <= blank.most);
    }
}
