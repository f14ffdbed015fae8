//! Validation (RULES §9): a record the rules cannot read is an error that
//! names the field by its path, before any rule runs.
//!
//! Validation also prepares what evaluation shares: the assessed span, an
//! index of the roster by id, and the meetings in date order.

use chrono::NaiveDate;

use crate::calendar::{Span, month_of};
use crate::error::Error;
use crate::indicator::Rate;
use crate::meeting::Meeting;
use crate::member::{Member, MemberStatus};
use crate::plan::Plan;
use crate::record::CellYear;
use crate::vote::Tally;

/// The roster indexed by id, sorted by `(key, id)` where `key` packs the
/// id's first eight bytes: most comparisons are one integer comparison.
#[derive(Debug)]
pub(crate) struct Roster<'a> {
    members: &'a [Member],
    by_id: Vec<(u64, &'a str, u32)>,
    /// Official members not working elsewhere: the largest possible base.
    official_eligible: u32,
    /// Official members convened (not exempt, not working elsewhere).
    official_convened: u32,
}

/// The first eight bytes of an id, big-endian, zero-padded: ordering by it
/// agrees with ordering by the bytes, up to ties.
fn key(id: &str) -> u64 {
    let mut k = [0u8; 8];
    for (slot, b) in k.iter_mut().zip(id.bytes()) {
        *slot = b;
    }
    u64::from_be_bytes(k)
}

impl<'a> Roster<'a> {
    /// The member with this id and its position in the roster.
    pub fn find(&self, id: &str) -> Option<(u32, &'a Member)> {
        let k = key(id);
        let i = self
            .by_id
            .binary_search_by(|(kk, s, _)| kk.cmp(&k).then_with(|| (*s).cmp(id)))
            .ok()?;
        let (_, _, pos) = *self.by_id.get(i)?;
        Some((pos, self.members.get(pos as usize)?))
    }

    /// The member at a roster position.
    pub fn member(&self, pos: u32) -> Option<&'a Member> {
        self.members.get(pos as usize)
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }
}

/// What validation hands to evaluation.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    /// The assessed part of the year.
    pub span: Span,
    /// The roster by id, when the record gives a roster.
    pub roster: Option<Roster<'a>>,
    /// Positions of the meetings within the span, in date order (stable).
    pub order: Vec<u32>,
    /// Absentees resolved to roster positions, meeting by meeting (empty
    /// without a roster).
    pub absences: Absences,
}

/// One member absent from one meeting, resolved against the roster.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Absence {
    /// Position in the roster.
    pub pos: u32,
    /// With leave (else without).
    pub with_leave: bool,
    /// The member is exempt.
    pub exempt: bool,
}

/// The absentees of every meeting: `list[at[i]..at[i + 1]]` are meeting i's.
#[derive(Debug, Default)]
pub(crate) struct Absences {
    list: Vec<Absence>,
    at: Vec<u32>,
}

impl Absences {
    /// The absentees of meeting `i`, in list order (with leave first).
    pub fn of(&self, i: u32) -> &[Absence] {
        let i = i as usize;
        match (self.at.get(i), self.at.get(i + 1)) {
            (Some(&a), Some(&b)) => self.list.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

fn at(list: &str, i: usize) -> String {
    format!("{list}[{i}]")
}

/// Checks a rate: a non-zero base, a count within it, a figure in 0–100.
fn check_rate(rate: Option<&Rate>, path: &str) -> Result<(), Error> {
    match rate {
        Some(Rate::Counts { of: 0, .. }) => Err(Error::ZeroBase {
            path: path.to_owned(),
        }),
        Some(&Rate::Counts { count, of }) if count > of => Err(Error::CountAboveBase {
            path: path.to_owned(),
            count,
            of,
        }),
        Some(&Rate::Figure(rate)) if !crate::indicator::within_percent(rate) => {
            Err(Error::RateOutOfRange {
                path: path.to_owned(),
                rate,
            })
        }
        _ => Ok(()),
    }
}

fn in_year(date: NaiveDate, year: i32, path: impl FnOnce() -> String) -> Result<(), Error> {
    use chrono::Datelike;
    if date.year() == year {
        Ok(())
    } else {
        Err(Error::DateOutsideYear {
            path: path(),
            date,
            year,
        })
    }
}

/// Validates `record` against `plan` and prepares the evaluation context.
pub(crate) fn validate<'a>(plan: &Plan, record: &'a CellYear) -> Result<Context<'a>, Error> {
    plan.validate()?;
    let year = record.cell.year;
    if !plan.applies_to(year) {
        return Err(Error::PlanYear {
            plan_year: plan.year,
            record_year: year,
        });
    }
    let cell = &record.cell;
    let span = Span::new(year, cell.founded, cell.as_of).ok_or_else(|| Error::Parse {
        path: "cell.year".to_owned(),
        message: format!("{year} is outside the years this library handles"),
        line: 0,
        column: 0,
    })?;
    if let Some(as_of) = cell.as_of
        && NaiveDate::from_ymd_opt(year, 1, 1).is_some_and(|first| as_of < first)
    {
        return Err(Error::DateOutsideYear {
            path: "cell.as_of".to_owned(),
            date: as_of,
            year,
        });
    }
    if let Some(founded) = cell.founded
        && founded > span.end
    {
        return Err(Error::DateOutsideYear {
            path: "cell.founded".to_owned(),
            date: founded,
            year,
        });
    }

    if let Some(e) = &record.education {
        check_rate(e.dropout.as_ref(), "education.dropout")?;
        check_rate(e.repetition.as_ref(), "education.repetition")?;
        check_rate(e.promotion.as_ref(), "education.promotion")?;
        check_rate(e.graduation.as_ref(), "education.graduation")?;
        check_rate(e.efficiency.as_ref(), "education.efficiency")?;
        check_rate(e.public_grade10.as_ref(), "education.public_grade10")?;
        check_rate(e.swimming.as_ref(), "education.swimming")?;
    }
    if let Some(p) = &record.party {
        check_rate(p.study.as_ref(), "party.study")?;
        check_rate(p.inspection.as_ref(), "party.inspection")?;
        if let Some(heads) = &p.heads {
            for (i, h) in heads.iter().enumerate() {
                if heads.iter().take(i).any(|x| x.role == h.role) {
                    return Err(Error::DuplicateHead {
                        path: at("party.heads", i),
                        role: h.role,
                    });
                }
            }
        }
    }

    let roster = match &record.members {
        Some(members) => Some(index_roster(members)?),
        None => None,
    };

    let (order, absences) = match &record.meetings {
        Some(meetings) => check_meetings(meetings, roster.as_ref(), &span, year)?,
        None => (Vec::new(), Absences::default()),
    };

    Ok(Context {
        span,
        roster,
        order,
        absences,
    })
}

fn index_roster(members: &[Member]) -> Result<Roster<'_>, Error> {
    let mut by_id: Vec<(u64, &str, u32)> = Vec::with_capacity(members.len());
    let (mut official_eligible, mut official_convened) = (0u32, 0u32);
    for (i, m) in members.iter().enumerate() {
        let pos = u32::try_from(i).map_err(|_| Error::Parse {
            path: "members".to_owned(),
            message: "too many members".to_owned(),
            line: 0,
            column: 0,
        })?;
        if m.id.is_empty() {
            return Err(Error::Contradiction {
                path: format!("members[{i}].id"),
                reason: "a member's id is not empty",
            });
        }
        if m.exempt == Some(false) && m.not_reviewed == Some(crate::member::NotReviewed::Exempt) {
            return Err(Error::Contradiction {
                path: format!("members[{i}].exempt"),
                reason: "`exempt` is false but `not_reviewed` is \"exempt\"",
            });
        }
        if m.status == MemberStatus::Official && m.working_elsewhere != Some(true) {
            official_eligible += 1;
            if !m.is_exempt() {
                official_convened += 1;
            }
        }
        by_id.push((key(&m.id), m.id.as_str(), pos));
    }
    // A stable sort: rosters usually come sorted, and it then runs in one pass.
    by_id.sort();
    // After sorting, a duplicate id sits next to its twin; report the later
    // position in the roster.
    for pair in by_id.windows(2) {
        if let [(_, a, i), (_, b, j)] = pair
            && a == b
        {
            return Err(Error::DuplicateMember {
                path: format!("members[{}].id", (*i).max(*j)),
                id: (*a).to_owned(),
            });
        }
    }
    Ok(Roster {
        members,
        by_id,
        official_eligible,
        official_convened,
    })
}

fn check_meetings(
    meetings: &[Meeting],
    roster: Option<&Roster<'_>>,
    span: &Span,
    year: i32,
) -> Result<(Vec<u32>, Absences), Error> {
    let mut absences = Absences::default();
    if roster.is_some() {
        absences.at.reserve(meetings.len() + 1);
        absences.at.push(0);
    }
    // The first regular meeting of each month, by position.
    let mut regular: [Option<usize>; 12] = [None; 12];
    // For each roster member, the last meeting (1-based) that named them.
    let mut seen: Vec<u32> = roster.map_or_else(Vec::new, |r| vec![0; r.len()]);
    let mut order: Vec<u32> = Vec::with_capacity(meetings.len());
    for (i, m) in meetings.iter().enumerate() {
        in_year(m.date, year, || format!("meetings[{i}].date"))?;
        if m.date < span.start {
            return Err(Error::BeforeFounded {
                path: format!("meetings[{i}].date"),
                date: m.date,
                founded: span.start,
            });
        }
        if m.is_regular() {
            let slot = regular.get_mut(usize::from(month_of(m.date)).saturating_sub(1));
            if let Some(slot) = slot {
                if let Some(first) = *slot {
                    return Err(Error::SecondRegularMeeting {
                        path: at("meetings", i),
                        month: month_of(m.date),
                        first: at("meetings", first),
                    });
                }
                *slot = Some(i);
            }
        }
        let stamp = u32::try_from(i + 1).unwrap_or(u32::MAX);
        // Official members of the base present: those convened, plus exempt
        // officials who came, less absentees of the base.
        let mut official_present = roster.map(|r| r.official_convened);
        if let Some(a) = &m.attendance {
            let total = u64::from(a.present)
                + a.absent_with_leave.len() as u64
                + a.absent_without_leave.len() as u64;
            if total != u64::from(a.required) {
                return Err(Error::AttendanceMismatch {
                    path: format!("meetings[{i}].attendance"),
                    required: a.required,
                    present: a.present,
                    with_leave: a.absent_with_leave.len(),
                    without_leave: a.absent_without_leave.len(),
                });
            }
            let lists = [
                ("absent_with_leave", a.absent_with_leave.as_slice()),
                ("absent_without_leave", a.absent_without_leave.as_slice()),
                ("exempt_present", a.exempt_present.as_deref().unwrap_or(&[])),
            ];
            for (name, ids) in lists {
                for (j, id) in ids.iter().enumerate() {
                    let path = || format!("meetings[{i}].attendance.{name}[{j}]");
                    if let Some(r) = roster {
                        let Some((pos, member)) = r.find(id) else {
                            return Err(Error::UnknownMember {
                                path: path(),
                                id: id.clone(),
                            });
                        };
                        if let Some(s) = seen.get_mut(pos as usize) {
                            if *s == stamp {
                                return Err(Error::DuplicateMember {
                                    path: path(),
                                    id: id.clone(),
                                });
                            }
                            *s = stamp;
                        }
                        if name != "exempt_present" {
                            absences.list.push(Absence {
                                pos,
                                with_leave: name == "absent_with_leave",
                                exempt: member.is_exempt(),
                            });
                        }
                        let official = member.status == MemberStatus::Official
                            && member.working_elsewhere != Some(true);
                        if let Some(n) = official_present.as_mut().filter(|_| official) {
                            if name == "exempt_present" {
                                if member.is_exempt() {
                                    *n = n.saturating_add(1);
                                }
                            } else if !member.is_exempt() {
                                *n = n.saturating_sub(1);
                            }
                        }
                    }
                }
            }
            if roster.is_none() {
                check_unique_without_roster(i, &lists)?;
            }
        }
        if m.attendance.is_none() {
            official_present = None;
        }
        if roster.is_some() {
            absences
                .at
                .push(u32::try_from(absences.list.len()).unwrap_or(u32::MAX));
        }
        if let Some(v) = &m.votes {
            let path = || format!("meetings[{i}].votes");
            if !m.is_regular() {
                return Err(Error::VotesOutsideRegularMeeting { path: path() });
            }
            if let Some(r) = roster
                && v.base > r.official_eligible
            {
                return Err(Error::BaseAboveOfficial {
                    path: format!("{}.base", path()),
                    base: v.base,
                    official: r.official_eligible,
                });
            }
            for content in crate::check::CriterionId::CRITERIA {
                let Some(Tally { for_, against }) = v.tally(content) else {
                    continue;
                };
                let votes = u64::from(for_) + u64::from(against);
                if votes > u64::from(v.base) {
                    return Err(Error::TallyAboveBase {
                        path: format!("{}.{content}", path()),
                        votes,
                        base: v.base,
                    });
                }
                if let Some(present) = official_present
                    && votes > u64::from(present)
                {
                    return Err(Error::TallyAbovePresent {
                        path: format!("{}.{content}", path()),
                        votes,
                        official_present: present,
                    });
                }
            }
        }
        if m.date <= span.end {
            order.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    order.sort_by_key(|&i| meetings.get(i as usize).map(|m| m.date));
    Ok((order, absences))
}

/// Without a roster, an id may still not be named twice at one meeting.
fn check_unique_without_roster(i: usize, lists: &[(&str, &[String]); 3]) -> Result<(), Error> {
    let mut all: Vec<(&str, usize, usize)> = lists
        .iter()
        .enumerate()
        .flat_map(|(l, (_, ids))| {
            ids.iter()
                .enumerate()
                .map(move |(j, id)| (id.as_str(), l, j))
        })
        .collect();
    all.sort_unstable();
    for pair in all.windows(2) {
        if let [(a, la, ja), (b, lb, jb)] = pair
            && a == b
        {
            let (l, j) = (*la, *ja).max((*lb, *jb));
            let name = lists.get(l).map_or("", |(n, _)| *n);
            return Err(Error::DuplicateMember {
                path: format!("meetings[{i}].attendance.{name}[{j}]"),
                id: (*a).to_owned(),
            });
        }
    }
    Ok(())
}
