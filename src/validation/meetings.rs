//! The meetings (RULES §9): dates in the record's year and not before the
//! founding, one regular meeting a month, attendance that adds up, every
//! id an attendance list names a member named once; and what the rules
//! read of them: the meetings in date order and their absentees.

use smallvec::SmallVec;

use crate::error::Error;
use crate::model::meeting::{Attendance, Meeting};
use crate::support::calendar::{Span, month_bit, month_of};
use crate::validation::dates::in_year;
use crate::validation::roster::Roster;
use crate::validation::votes;

/// How many meetings of a year [`Order`] holds without allocating.
const INLINE_MEETINGS: usize = 32;

/// How many absentees of a year [`Absences`] holds without allocating.
const INLINE_ABSENCES: usize = 32;

/// How many roster members the per-member stamps hold without allocating.
const INLINE_MEMBERS: usize = 64;

/// The positions of the meetings within the span, in date order (a stable
/// sort of the record's order).
#[derive(Debug, Default)]
pub(crate) struct Order {
    positions: SmallVec<[u32; INLINE_MEETINGS]>,
}

impl Order {
    /// The order of `meetings`' meetings within `span`.
    fn of(meetings: &[Meeting], span: &Span) -> Order {
        let date = |i: &u32| meetings.get(*i as usize).map(|m| m.date);
        let mut positions: SmallVec<[u32; INLINE_MEETINGS]> = (0u32..)
            .zip(meetings)
            .filter(|(_, m)| m.date <= span.end)
            .map(|(i, _)| i)
            .collect();
        positions.sort_by_key(date);
        Order { positions }
    }

    /// The meetings within the span, in date order, with their positions.
    pub(crate) fn meetings<'m>(
        &'m self,
        meetings: &'m [Meeting],
    ) -> impl Iterator<Item = (u32, &'m Meeting)> + 'm {
        self.positions
            .iter()
            .filter_map(|&i| meetings.get(i as usize).map(|m| (i, m)))
    }

    /// The months with a regular meeting within the span, as a month set
    /// ([`month_bit`]).
    pub(crate) fn held(&self, meetings: &[Meeting]) -> u16 {
        self.meetings(meetings)
            .filter(|(_, m)| m.is_regular())
            .fold(0, |held, (_, m)| held | month_bit(m.month()))
    }
}

/// One member absent from one meeting, resolved against the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Absence {
    /// The meeting's position in the record.
    pub meeting: u32,
    /// Position in the roster.
    pub pos: u32,
    /// With leave (else without).
    pub with_leave: bool,
    /// The member is exempt.
    pub exempt: bool,
}

/// The absentees of every meeting, by meeting in the record's order, and
/// within a meeting in list order (with leave first).
#[derive(Debug, Default)]
pub(crate) struct Absences {
    list: SmallVec<[Absence; INLINE_ABSENCES]>,
}

impl Absences {
    /// The absentees of meeting `meeting` (its position in the record).
    pub(crate) fn of(&self, meeting: u32) -> &[Absence] {
        let list = self.list.as_slice();
        let start = list.partition_point(|a| a.meeting < meeting);
        let rest = list.get(start..).unwrap_or(&[]);
        let len = rest.iter().take_while(|a| a.meeting == meeting).count();
        rest.get(..len).unwrap_or(&[])
    }
}

/// Checks the meetings (with the roster, when the record gives one) and
/// prepares their order and absentees.
pub(super) fn check(
    meetings: &[Meeting],
    roster: Option<&Roster<'_>>,
    span: &Span,
    year: i32,
) -> Result<(Order, Absences), Error> {
    // The months that have had a regular meeting, as a month set.
    let mut regular = 0u16;
    let mut resolver = roster.map(Resolver::new);
    let official = roster.map(|r| r.official_eligible);
    for (i, m) in meetings.iter().enumerate() {
        check_date(i, m, meetings, span, year, &mut regular)?;
        // Official members of the base present, when the roster and the
        // attendance tell.
        let mut official_present = None;
        if let Some(a) = &m.attendance {
            check_attendance(i, a)?;
            match resolver.as_mut() {
                Some(r) => official_present = Some(r.meeting(i, a)?),
                None => check_unique_without_roster(i, a)?,
            }
        }
        if let Some(v) = &m.votes {
            votes::check(i, m, v, official, official_present)?;
        }
    }
    let absences = resolver.map_or_else(Absences::default, |r| r.absences);
    Ok((Order::of(meetings, span), absences))
}

/// A meeting's date (meeting `i` of `meetings`): in the record's year, not
/// before the cell was founded, and the only regular meeting of its month
/// (`regular`: the months that have had one, as a month set).
fn check_date(
    i: usize,
    m: &Meeting,
    meetings: &[Meeting],
    span: &Span,
    year: i32,
    regular: &mut u16,
) -> Result<(), Error> {
    in_year(m.date, year, || format!("meetings[{i}].date"))?;
    if m.date < span.start {
        return Err(Error::BeforeFounded {
            path: format!("meetings[{i}].date"),
            date: m.date,
            founded: span.start,
        });
    }
    if m.is_regular() {
        let month = month_of(m.date);
        if *regular & month_bit(month) != 0 {
            let first = meetings
                .iter()
                .take(i)
                .position(|x| x.is_regular() && month_of(x.date) == month)
                .unwrap_or(i);
            return Err(Error::SecondRegularMeeting {
                path: format!("meetings[{i}]"),
                month,
                first: format!("meetings[{first}]"),
            });
        }
        *regular |= month_bit(month);
    }
    Ok(())
}

/// Those required are some (RULES §9: a zero base is an error, and they
/// are the base of the attendance share), and those present and absent add
/// up to them.
fn check_attendance(i: usize, a: &Attendance) -> Result<(), Error> {
    if a.required == 0 {
        return Err(Error::ZeroBase {
            path: format!("meetings[{i}].attendance.required"),
        });
    }
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
    Ok(())
}

/// An attendance list that names members by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    WithLeave,
    WithoutLeave,
    ExemptPresent,
}

impl List {
    /// The list's field name in `attendance`.
    const fn name(self) -> &'static str {
        match self {
            List::WithLeave => "absent_with_leave",
            List::WithoutLeave => "absent_without_leave",
            List::ExemptPresent => "exempt_present",
        }
    }
}

/// The lists of a meeting's attendance that name members, in the order
/// they are checked.
fn lists(a: &Attendance) -> [(List, &[String]); 3] {
    [
        (List::WithLeave, a.absent_with_leave.as_slice()),
        (List::WithoutLeave, a.absent_without_leave.as_slice()),
        (
            List::ExemptPresent,
            a.exempt_present.as_deref().unwrap_or(&[]),
        ),
    ]
}

/// Resolves the ids that attendance lists name against the roster, meeting
/// by meeting, and keeps the absentees for the rules.
struct Resolver<'r, 'a> {
    roster: &'r Roster<'a>,
    /// For each roster member, the stamp of the last meeting that named
    /// them (0: none).
    seen: SmallVec<[u32; INLINE_MEMBERS]>,
    /// The meetings so far that named anyone: the last one's stamp.
    stamp: u32,
    absences: Absences,
}

impl<'r, 'a> Resolver<'r, 'a> {
    fn new(roster: &'r Roster<'a>) -> Self {
        Resolver {
            roster,
            seen: smallvec::smallvec![0; roster.len()],
            stamp: 0,
            absences: Absences::default(),
        }
    }

    /// Resolves meeting `i`'s lists: every id a member, none named twice.
    /// Returns the official members of the base present: those convened,
    /// plus exempt officials who came, less absentees of the base.
    fn meeting(&mut self, i: usize, a: &Attendance) -> Result<u32, Error> {
        let mut present = self.roster.official_convened;
        self.stamp = self.stamp.saturating_add(1);
        for (list, ids) in lists(a) {
            for (j, id) in ids.iter().enumerate() {
                let path = || format!("meetings[{i}].attendance.{}[{j}]", list.name());
                let Some((pos, member)) = self.roster.find(id) else {
                    return Err(Error::UnknownMember {
                        path: path(),
                        id: id.clone(),
                    });
                };
                if let Some(seen) = self.seen.get_mut(pos as usize) {
                    if *seen == self.stamp {
                        return Err(Error::DuplicateMember {
                            path: path(),
                            id: id.clone(),
                        });
                    }
                    *seen = self.stamp;
                }
                let exempt = member.is_exempt();
                if list != List::ExemptPresent {
                    self.absences.list.push(Absence {
                        meeting: u32::try_from(i).unwrap_or(u32::MAX),
                        pos,
                        with_leave: list == List::WithLeave,
                        exempt,
                    });
                }
                if member.may_vote() {
                    if list == List::ExemptPresent {
                        if exempt {
                            present = present.saturating_add(1);
                        }
                    } else if !exempt {
                        present = present.saturating_sub(1);
                    }
                }
            }
        }
        Ok(present)
    }
}

/// Without a roster, an id may still not be named twice at one meeting.
fn check_unique_without_roster(i: usize, a: &Attendance) -> Result<(), Error> {
    let lists = lists(a);
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
            let name = lists.get(l).map_or("", |(list, _)| list.name());
            return Err(Error::DuplicateMember {
                path: format!("meetings[{i}].attendance.{name}[{j}]"),
                id: (*a).to_owned(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn meeting(date: &str) -> Meeting {
        serde_json::from_str(&format!(r#"{{"date":"{date}","kind":"thematic"}}"#)).unwrap()
    }

    fn regular(date: &str) -> Meeting {
        serde_json::from_str(&format!(r#"{{"date":"{date}","kind":"regular"}}"#)).unwrap()
    }

    #[test]
    fn absentees_are_found_by_meeting_in_any_order() {
        let absence = |meeting| Absence {
            meeting,
            pos: meeting * 10,
            with_leave: true,
            exempt: false,
        };
        let absences = Absences {
            list: [0, 2, 2, 5].map(absence).into_iter().collect(),
        };
        let counts: Vec<usize> = (0..7).map(|i| absences.of(i).len()).collect();
        assert_eq!(counts, [1, 0, 2, 0, 0, 1, 0]);
        let counts: Vec<usize> = [5, 2, 0, 6, 2].map(|i| absences.of(i).len()).into();
        assert_eq!(counts, [1, 2, 1, 0, 2]);
        assert!(absences.of(2).iter().all(|a| a.meeting == 2));
    }

    #[test]
    fn meetings_out_of_date_order_are_sorted_and_clipped_to_the_span() {
        let span = Span::new(2024, None, NaiveDate::from_ymd_opt(2024, 6, 30)).unwrap();
        let dates = [
            "2024-03-01",
            "2024-01-05",
            "2024-08-01",
            "2024-01-05",
            "2024-02-01",
        ];
        let meetings: Vec<Meeting> = dates.map(meeting).into();
        let (order, _) = check(&meetings, None, &span, 2024).unwrap();
        let positions: Vec<u32> = order.meetings(&meetings).map(|(i, _)| i).collect();
        assert_eq!(positions, [1, 3, 4, 0]);

        let dates = ["2024-01-05", "2024-02-01", "2024-06-30", "2024-07-01"];
        let meetings: Vec<Meeting> = dates.map(meeting).into();
        let (order, _) = check(&meetings, None, &span, 2024).unwrap();
        let positions: Vec<u32> = order.meetings(&meetings).map(|(i, _)| i).collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn the_months_held_are_those_of_the_regular_meetings_within_the_span() {
        let meetings = [
            regular("2024-01-09"),
            meeting("2024-02-01"),
            regular("2024-03-05"),
            meeting("2024-05-02"),
            regular("2024-06-30"),
            regular("2024-07-01"),
            meeting("2024-08-01"),
            regular("2024-12-31"),
        ];
        let month = |m: u8| month_bit(m);
        for (as_of, expected) in [
            (None, month(1) | month(3) | month(6) | month(7) | month(12)),
            (
                NaiveDate::from_ymd_opt(2024, 6, 30),
                month(1) | month(3) | month(6),
            ),
        ] {
            let span = Span::new(2024, None, as_of).unwrap();
            let mut reversed = meetings.clone();
            reversed.reverse();
            for meetings in [&meetings[..], &reversed] {
                let (order, _) = check(meetings, None, &span, 2024).unwrap();
                assert_eq!(order.held(meetings), expected, "{as_of:?}");
            }
        }
    }

    #[test]
    fn a_second_regular_meeting_names_the_first_of_its_month() {
        let span = Span::new(2024, None, None).unwrap();
        let meetings = vec![
            regular("2024-03-05"),
            meeting("2024-02-01"),
            regular("2024-01-09"),
            regular("2024-02-20"),
            meeting("2024-02-21"),
            regular("2024-12-31"),
            regular("2024-02-27"),
        ];
        let err = check(&meetings, None, &span, 2024).unwrap_err();
        let Error::SecondRegularMeeting { path, month, first } = err else {
            panic!("{err:?}");
        };
        assert_eq!(
            (path.as_str(), month, first.as_str()),
            ("meetings[6]", 2, "meetings[3]")
        );
    }

    #[test]
    fn a_meeting_date_outside_the_year_comes_before_one_before_the_founding() {
        let founded = NaiveDate::from_ymd_opt(2024, 5, 1);
        let span = Span::new(2024, founded, None).unwrap();
        let err = check(&[meeting("2023-12-31")], None, &span, 2024).unwrap_err();
        assert_eq!(
            (err.kind().as_str(), err.path()),
            ("date_outside_year", "meetings[0].date")
        );
        let err = check(&[meeting("2024-04-30")], None, &span, 2024).unwrap_err();
        assert_eq!(
            (err.kind().as_str(), err.path()),
            ("before_founded", "meetings[0].date")
        );
        assert!(check(&[meeting("2024-05-01")], None, &span, 2024).is_ok());
    }
}
