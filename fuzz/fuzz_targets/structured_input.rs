// The structured fuzz target's input: knobs that `arbitrary` draws from
// the fuzzer's bytes, and how they build a plan and a record from the
// reference one. Included (`include!`) by `structured.rs` and by the
// replay tool (`replay/`), so that both read a corpus file alike.

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use bontot::{CellYear, Plan, Status, Verdict};
use bontot::plan::{Comparator, HeadsTarget, LeaveRunScope, MonthDay, MonthlyResults, PlanRef, RateComparison, Target};
use bontot::record::{Attendance, HeadRole, Meeting, MeetingKind, MeetingRating, Member, MemberStatus, NotReviewed, Rate, Role, Tally, Votes, YearRating};
use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

const REFERENCE: &str = include_str!("../../examples/cell-year-2024.json");

fn reference() -> &'static CellYear {
    static CELL: OnceLock<CellYear> = OnceLock::new();
    CELL.get_or_init(|| match bontot::json::parse_record(REFERENCE) {
        Ok(r) => r,
        Err(e) => panic!("the reference record does not parse: {e}"),
    })
}

/// What to do with an optional fact of the reference record.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Knob<T> {
    Keep,
    Remove,
    Set(T),
}

impl<T> Knob<T> {
    fn apply<U>(self, slot: &mut Option<U>, f: impl FnOnce(T) -> U) {
        match self {
            Knob::Keep => {}
            Knob::Remove => *slot = None,
            Knob::Set(v) => *slot = Some(f(v)),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum YearKnob {
    Reference,
    Near(i8),
    Any(i32),
}

impl YearKnob {
    fn year(self) -> i32 {
        match self {
            YearKnob::Reference => 2024,
            YearKnob::Near(d) => 2024 + i32::from(d % 4),
            YearKnob::Any(y) => y,
        }
    }
}

/// A date as a day offset into a year, or anywhere chrono can name.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum DayKnob {
    InYear(u16),
    /// Offset from 1 January of the record's year, possibly outside it.
    Offset(i16),
    Anywhere(i32),
}

impl DayKnob {
    fn date(self, year: i32) -> NaiveDate {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let shifted = |d: i64| {
            if d >= 0 {
                first.checked_add_days(Days::new(d.unsigned_abs()))
            } else {
                first.checked_sub_days(Days::new(d.unsigned_abs()))
            }
            .unwrap_or(first)
        };
        match self {
            DayKnob::InYear(d) => {
                let len = if first.leap_year() { 366 } else { 365 };
                shifted(i64::from(d % len))
            }
            DayKnob::Offset(d) => shifted(i64::from(d)),
            DayKnob::Anywhere(n) => NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(first),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum RateKnob {
    /// Counts kept valid (count folded into 0..=of) unless `raw`.
    Counts { count: u64, of: u64, raw: bool },
    /// Small counts around the thresholds.
    Small { count: u16, of: u16 },
    /// A figure `mantissa / 10^scale`.
    Figure { mantissa: i64, scale: u8 },
    /// A figure within 0–100 with up to 4 decimals.
    Percent { hundredths_of_bp: u32 },
}

fn fold(count: u64, of: u64) -> u64 {
    match of.checked_add(1) {
        Some(n) => count % n,
        None => count,
    }
}

fn decimal(mantissa: i64, scale: u8) -> Decimal {
    Decimal::try_new(mantissa, u32::from(scale % 30)).unwrap_or(Decimal::ZERO)
}

impl RateKnob {
    fn rate(self) -> Rate {
        match self {
            RateKnob::Counts { count, of, raw } => Rate::Counts {
                count: if raw { count } else { fold(count, of) },
                of,
            },
            RateKnob::Small { count, of } => Rate::Counts {
                count: fold(u64::from(count), u64::from(of)),
                of: u64::from(of),
            },
            RateKnob::Figure { mantissa, scale } => Rate::Figure(decimal(mantissa, scale)),
            RateKnob::Percent { hundredths_of_bp } => {
                Rate::Figure(Decimal::new(i64::from(hundredths_of_bp % 1_000_001), 4))
            }
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct HeadKnob {
    principal: bool,
    committed: Option<bool>,
    fulfilled: Option<bool>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum IdKnob {
    /// `m<position>`: unique.
    Unique,
    /// The id of an earlier member (a duplicate).
    Twin(u8),
    Empty,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct MemberKnob {
    id: IdKnob,
    official: bool,
    role: u8,
    rating: Option<u8>,
    exempt: Option<bool>,
    working_elsewhere: Option<bool>,
    not_reviewed: Option<u8>,
    admitted: Option<DayKnob>,
    disciplined: Option<bool>,
    violated: Option<bool>,
}

#[derive(Arbitrary, Debug, Clone)]
enum MembersKnob {
    Reference,
    /// The reference roster with some members' facts changed.
    Patched(Vec<(u8, MemberPatch)>),
    Absent,
    Custom(Vec<MemberKnob>),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum MemberPatch {
    Rating(Option<u8>),
    Disciplined(Option<bool>),
    Violated(Option<bool>),
    Exempt(Option<bool>),
    WorkingElsewhere(Option<bool>),
    NotReviewed(Option<u8>),
    Role(u8),
    Probationary(bool),
}

fn pick<T: Copy>(all: &[T], i: u8) -> T {
    let n = all.len().max(1);
    all.get(usize::from(i) % n)
        .or_else(|| all.first())
        .copied()
        .unwrap_or_else(|| panic!("an empty enum"))
}

fn rating(i: u8) -> YearRating {
    pick(YearRating::ALL, i)
}

fn apply_member_patch(m: &mut Member, p: MemberPatch) {
    match p {
        MemberPatch::Rating(r) => m.rating = r.map(rating),
        MemberPatch::Disciplined(v) => m.disciplined = v,
        MemberPatch::Violated(v) => m.violated_prohibitions = v,
        MemberPatch::Exempt(v) => m.exempt = v,
        MemberPatch::WorkingElsewhere(v) => m.working_elsewhere = v,
        MemberPatch::NotReviewed(v) => m.not_reviewed = v.map(|i| pick(NotReviewed::ALL, i)),
        MemberPatch::Role(r) => m.role = pick(Role::ALL, r),
        MemberPatch::Probationary(p) => {
            m.status = if p {
                MemberStatus::Probationary
            } else {
                MemberStatus::Official
            }
        }
    }
}

fn member(k: MemberKnob, i: usize, earlier: &[Member], year: i32) -> Member {
    let id = match k.id {
        IdKnob::Unique => format!("m{i}"),
        IdKnob::Twin(j) if !earlier.is_empty() => earlier
            .get(usize::from(j) % earlier.len())
            .map_or_else(|| format!("m{i}"), |m| m.id.clone()),
        IdKnob::Twin(_) => format!("m{i}"),
        IdKnob::Empty => String::new(),
    };
    let status = if k.official {
        MemberStatus::Official
    } else {
        MemberStatus::Probationary
    };
    let mut m = Member::new(id, status, pick(Role::ALL, k.role));
    m.rating = k.rating.map(rating);
    m.exempt = k.exempt;
    m.working_elsewhere = k.working_elsewhere;
    m.not_reviewed = k.not_reviewed.map(|r| pick(NotReviewed::ALL, r));
    m.admitted = k.admitted.map(|d| d.date(year));
    m.disciplined = k.disciplined;
    m.violated_prohibitions = k.violated;
    m
}

/// An absentee: a roster member by position, or an id not in the roster.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum WhoKnob {
    Member(u16),
    Stranger(u8),
}

#[derive(Arbitrary, Debug, Clone)]
struct AttendanceKnob {
    present: u16,
    with_leave: Vec<WhoKnob>,
    without_leave: Vec<WhoKnob>,
    exempt_present: Option<Vec<WhoKnob>>,
    /// `required` is the sum unless this says otherwise.
    required_off_by: Option<i8>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct VotesKnob {
    base: u32,
    tallies: [Option<(u32, u32)>; 4],
    /// Fold the numbers below small bounds so that most votes validate.
    bounded: bool,
}

#[derive(Arbitrary, Debug, Clone)]
struct MeetingKnob {
    date: DayKnob,
    kind: u8,
    rating: Option<u8>,
    minutes: Option<u32>,
    committee_met: Option<i16>,
    attendance: Option<AttendanceKnob>,
    votes: Option<VotesKnob>,
}

#[derive(Arbitrary, Debug, Clone)]
enum MeetingPatch {
    Rating(Option<u8>),
    Minutes(Option<u32>),
    CommitteeMet(Option<i16>),
    Date(DayKnob),
    Kind(u8),
    Attendance(Option<AttendanceKnob>),
    Votes(Option<VotesKnob>),
    Remove,
}

#[derive(Arbitrary, Debug, Clone)]
enum MeetingsKnob {
    Reference,
    Patched(Vec<(u8, MeetingPatch)>),
    Absent,
    Custom(Vec<MeetingKnob>),
}

fn who(k: WhoKnob, roster: &[Member]) -> String {
    match k {
        WhoKnob::Member(i) if !roster.is_empty() => roster
            .get(usize::from(i) % roster.len())
            .map_or_else(String::new, |m| m.id.clone()),
        WhoKnob::Member(i) => format!("m{i}"),
        WhoKnob::Stranger(i) => format!("stranger{i}"),
    }
}

fn attendance(k: &AttendanceKnob, roster: &[Member]) -> Attendance {
    let ids = |v: &[WhoKnob]| v.iter().map(|w| who(*w, roster)).collect::<Vec<_>>();
    let with_leave = ids(&k.with_leave);
    let without_leave = ids(&k.without_leave);
    let sum = u64::from(k.present) + with_leave.len() as u64 + without_leave.len() as u64;
    let sum = u32::try_from(sum).unwrap_or(u32::MAX);
    let required = match k.required_off_by {
        None => sum,
        Some(d) => sum.saturating_add_signed(i32::from(d)),
    };
    let mut a = Attendance::new(required, u32::from(k.present));
    a.absent_with_leave = with_leave;
    a.absent_without_leave = without_leave;
    a.exempt_present = k.exempt_present.as_ref().map(|v| ids(v));
    a
}

fn votes(k: VotesKnob) -> Votes {
    let base = if k.bounded { k.base % 64 } else { k.base };
    let tally = |t: Option<(u32, u32)>| {
        t.map(|(f, a)| {
            if k.bounded {
                let f = f % base.saturating_add(1);
                let a = a % (base - f).saturating_add(1);
                Tally {
                    for_: f,
                    against: a,
                }
            } else {
                Tally {
                    for_: f,
                    against: a,
                }
            }
        })
    };
    let [t1, t2, t3, t4] = k.tallies;
    Votes {
        base,
        political_task: tally(t1),
        meeting_quality: tally(t2),
        unity_discipline: tally(t3),
        members: tally(t4),
    }
}

fn committee_met(date: NaiveDate, offset: i16) -> NaiveDate {
    let d = Days::new(u64::from(offset.unsigned_abs()));
    if offset >= 0 {
        date.checked_add_days(d)
    } else {
        date.checked_sub_days(d)
    }
    .unwrap_or(date)
}

fn patch_meeting(m: &mut Meeting, p: &MeetingPatch, roster: &[Member], year: i32) {
    match p {
        MeetingPatch::Rating(r) => m.rating = r.map(|i| pick(MeetingRating::ALL, i)),
        MeetingPatch::Minutes(v) => m.minutes = *v,
        MeetingPatch::CommitteeMet(v) => m.committee_met = v.map(|o| committee_met(m.date, o)),
        MeetingPatch::Date(d) => m.date = d.date(year),
        MeetingPatch::Kind(k) => m.kind = pick(MeetingKind::ALL, *k),
        MeetingPatch::Attendance(a) => m.attendance = a.as_ref().map(|a| attendance(a, roster)),
        MeetingPatch::Votes(v) => m.votes = v.map(votes),
        MeetingPatch::Remove => {}
    }
}

fn meeting(k: &MeetingKnob, roster: &[Member], year: i32) -> Meeting {
    let date = k.date.date(year);
    let mut m = Meeting::new(date, pick(MeetingKind::ALL, k.kind));
    m.rating = k.rating.map(|i| pick(MeetingRating::ALL, i));
    m.minutes = k.minutes;
    m.committee_met = k.committee_met.map(|o| committee_met(date, o));
    m.attendance = k.attendance.as_ref().map(|a| attendance(a, roster));
    m.votes = k.votes.map(votes);
    m
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum TargetKnob {
    Keep,
    Drop,
    Set {
        comparator: u8,
        mantissa: i64,
        scale: u8,
    },
    /// A threshold within 0–100 with up to 4 decimals.
    Percent {
        comparator: u8,
        hundredths_of_bp: u32,
    },
}

impl TargetKnob {
    fn apply(self, slot: &mut Option<Target<Decimal>>) {
        match self {
            TargetKnob::Keep => {}
            TargetKnob::Drop => *slot = None,
            TargetKnob::Set {
                comparator,
                mantissa,
                scale,
            } => {
                *slot = Some(Target {
                    comparator: pick(Comparator::ALL, comparator),
                    value: decimal(mantissa, scale),
                });
            }
            TargetKnob::Percent {
                comparator,
                hundredths_of_bp,
            } => {
                *slot = Some(Target {
                    comparator: pick(Comparator::ALL, comparator),
                    value: Decimal::new(i64::from(hundredths_of_bp % 1_000_001), 4),
                });
            }
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
struct PlanKnob {
    year: Option<YearKnob>,
    also_applies_to: Vec<i16>,
    rates: [TargetKnob; 9],
    admissions: Knob<(u8, u64)>,
    cell_rating: Knob<(u8, u8)>,
    heads: Knob<Vec<bool>>,
    published: Option<u32>,
    monthly_good_allowance: u32,
    attendance: TargetKnob,
    max_unexcused_absences: u32,
    max_leave_run: u32,
    regular_only: bool,
    minutes: Option<(u8, u64)>,
    thematic_per_quarter: u8,
    max_disciplined: u32,
    max_not_completed: u32,
    leader_min_rating: u8,
    deadline: Option<(u32, u32)>,
    every_month: bool,
}

fn build_plan(k: &PlanKnob) -> Plan {
    let mut plan = Plan::binh_tan_2024();
    if let Some(y) = k.year {
        plan.year = y.year();
    }
    plan.also_applies_to = k
        .also_applies_to
        .iter()
        .map(|d| 2024 + i32::from(*d))
        .collect();
    let t = &mut plan.targets;
    let [r0, r1, r2, r3, r4, r5, r6, r7, r8] = k.rates;
    r0.apply(&mut t.dropout);
    r1.apply(&mut t.repetition);
    r2.apply(&mut t.promotion);
    r3.apply(&mut t.graduation);
    r4.apply(&mut t.efficiency);
    r5.apply(&mut t.public_grade10);
    r6.apply(&mut t.swimming);
    r7.apply(&mut t.study);
    r8.apply(&mut t.inspection);
    k.admissions.apply(&mut t.admissions, |(c, v)| Target {
        comparator: pick(Comparator::ALL, c),
        value: v,
    });
    k.cell_rating.apply(&mut t.cell_rating, |(c, v)| Target {
        comparator: pick(Comparator::ALL, c),
        value: rating(v),
    });
    k.heads
        .clone()
        .apply(&mut t.exemplary_commitment, |roles| HeadsTarget {
            heads: roles
                .into_iter()
                .map(|p| {
                    if p {
                        HeadRole::Principal
                    } else {
                        HeadRole::Secretary
                    }
                })
                .collect(),
        });
    let p = &mut plan.policy;
    if let Some(decimals) = k.published {
        p.rate_comparison = RateComparison::Published {
            decimals: decimals % 16,
        };
    }
    p.monthly_good_allowance = k.monthly_good_allowance;
    let fw = &mut p.meeting_framework;
    let mut att = Some(fw.attendance);
    k.attendance.apply(&mut att);
    if let Some(a) = att {
        fw.attendance = a;
    }
    fw.max_unexcused_absences = k.max_unexcused_absences;
    fw.max_leave_run = k.max_leave_run;
    if k.regular_only {
        fw.leave_run_scope = LeaveRunScope::RegularOnly;
    }
    if let Some((c, v)) = k.minutes {
        fw.minutes = Target {
            comparator: pick(Comparator::ALL, c),
            value: v,
        };
    }
    p.thematic_per_quarter = u32::from(k.thematic_per_quarter % 4);
    p.max_disciplined = k.max_disciplined;
    p.max_not_completed = k.max_not_completed;
    p.leader_min_rating = rating(k.leader_min_rating);
    if let Some((month, day)) = k.deadline {
        p.plan_adoption_deadline = MonthDay { month, day };
    }
    if k.every_month {
        p.monthly_results = MonthlyResults::EveryMonth;
    }
    plan
}

#[derive(Arbitrary, Debug, Clone)]
struct Input {
    year: YearKnob,
    as_of: Knob<DayKnob>,
    founded: Knob<DayKnob>,
    rates: [Knob<RateKnob>; 9],
    admissions: Knob<u64>,
    judgments: [Knob<bool>; 10],
    grievances: [Knob<u64>; 3],
    year_end_rating: Knob<u8>,
    heads: Knob<Vec<HeadKnob>>,
    members: MembersKnob,
    meetings: MeetingsKnob,
    plan: PlanKnob,
}

fn build_record(k: &Input, plan: &Plan) -> CellYear {
    let mut r = reference().clone();
    let year = k.year.year();
    r.plan = PlanRef::Inline(Box::new(plan.clone()));
    r.cell.year = year;
    k.as_of.apply(&mut r.cell.as_of, |d| d.date(year));
    k.founded.apply(&mut r.cell.founded, |d| d.date(year));

    let education = r.education.get_or_insert_with(bontot::record::Education::default);
    let [k0, k1, k2, k3, k4, k5, k6, k7, k8] = k.rates;
    k0.apply(&mut education.dropout, RateKnob::rate);
    k1.apply(&mut education.repetition, RateKnob::rate);
    k2.apply(&mut education.promotion, RateKnob::rate);
    k3.apply(&mut education.graduation, RateKnob::rate);
    k4.apply(&mut education.efficiency, RateKnob::rate);
    k5.apply(&mut education.public_grade10, RateKnob::rate);
    k6.apply(&mut education.swimming, RateKnob::rate);
    if let Some(party) = r.party.as_mut() {
        k7.apply(&mut party.study, RateKnob::rate);
        k8.apply(&mut party.inspection, RateKnob::rate);
        k.admissions.apply(&mut party.admissions, |n| n);
        k.heads.clone().apply(&mut party.heads, |heads| {
            heads
                .into_iter()
                .map(|h| {
                    let role = if h.principal {
                        HeadRole::Principal
                    } else {
                        HeadRole::Secretary
                    };
                    let mut head = bontot::record::Head::new(role, true, true);
                    head.committed = h.committed;
                    head.fulfilled = h.fulfilled;
                    head
                })
                .collect()
        });
    }
    let [j0, j1, j2, j3, j4, j5, j6, j7, j8, j9] = k.judgments;
    if let Some(pt) = r.political_task.as_mut() {
        j0.apply(&mut pt.plans_concretized, |b| b);
        j1.apply(&mut pt.anti_degradation, |b| b);
        j2.apply(&mut pt.inspection_work, |b| b);
        j3.apply(&mut pt.party_building_work, |b| b);
        let [g0, g1, g2] = k.grievances;
        g0.apply(&mut pt.outstanding_cases, |n| n);
        g1.apply(&mut pt.mass_complaints, |n| n);
        g2.apply(&mut pt.over_level_complaints, |n| n);
    }
    if let Some(mq) = r.meeting_quality.as_mut() {
        j4.apply(&mut mq.content_renewed, |b| b);
    }
    if let Some(ud) = r.unity_discipline.as_mut() {
        j5.apply(&mut ud.work_rules_followed, |b| b);
        j6.apply(&mut ud.principles_upheld, |b| b);
        j7.apply(&mut ud.administrative_discipline, |b| b);
        j8.apply(&mut ud.issues_resolved, |b| b);
    }
    if let Some(mc) = r.members_conduct.as_mut() {
        j9.apply(&mut mc.exemplary_conduct, |b| b);
    }
    k.year_end_rating.apply(&mut r.year_end_rating, rating);

    match &k.members {
        MembersKnob::Reference => {}
        MembersKnob::Patched(patches) => {
            if let Some(members) = r.members.as_mut()
                && !members.is_empty()
            {
                let n = members.len();
                for (i, p) in patches {
                    if let Some(m) = members.get_mut(usize::from(*i) % n) {
                        apply_member_patch(m, *p);
                    }
                }
            }
        }
        MembersKnob::Absent => r.members = None,
        MembersKnob::Custom(knobs) => {
            let mut out: Vec<Member> = Vec::with_capacity(knobs.len());
            for (i, mk) in knobs.iter().enumerate() {
                let m = member(*mk, i, &out, year);
                out.push(m);
            }
            r.members = Some(out);
        }
    }
    let roster: Vec<Member> = r.members.clone().unwrap_or_default();

    // Shift the reference meetings into the record's year, so that a year
    // other than 2024 is not rejected at the first meeting.
    if year != 2024
        && let Some(meetings) = r.meetings.as_mut()
    {
        for m in meetings.iter_mut() {
            if let Some(d) = NaiveDate::from_ymd_opt(year, m.date.month(), m.date.day()) {
                m.date = d;
            }
            m.committee_met = m
                .committee_met
                .and_then(|c| NaiveDate::from_ymd_opt(year, c.month(), c.day()));
        }
    }
    match &k.meetings {
        MeetingsKnob::Reference => {}
        MeetingsKnob::Patched(patches) => {
            if let Some(meetings) = r.meetings.as_mut() {
                for (i, p) in patches {
                    if meetings.is_empty() {
                        break;
                    }
                    let at = usize::from(*i) % meetings.len();
                    if matches!(p, MeetingPatch::Remove) {
                        meetings.remove(at);
                    } else if let Some(m) = meetings.get_mut(at) {
                        patch_meeting(m, p, &roster, year);
                    }
                }
            }
        }
        MeetingsKnob::Absent => r.meetings = None,
        MeetingsKnob::Custom(knobs) => {
            r.meetings = Some(knobs.iter().map(|m| meeting(m, &roster, year)).collect());
        }
    }
    r
}
