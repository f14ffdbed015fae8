//! Validation (RULES §9): a record the rules cannot read is an error that
//! names the field by its path, before any rule runs.
//!
//! Validation also prepares what evaluation shares: the assessed span, an
//! index of the roster by id, and the meetings in date order.

use chrono::NaiveDate;

use crate::calendar::{Span, month_bit, month_of};
use crate::error::Error;
use crate::indicator::Rate;
use crate::meeting::{Attendance, Meeting};
use crate::member::Member;
use crate::plan::Plan;
use crate::record::CellYear;
use crate::vote::{Tally, Votes};

/// The roster, searchable by id.
///
/// A roster whose ids are in strictly increasing order (as rosters are
/// usually kept) is searched as it is: its ids are unique, and no index is
/// built. Any other roster gets an index sorted by `(key, id)`, where `key`
/// packs the id's first eight bytes, so that most comparisons are one
/// integer comparison. Either way, an id that ends in a number is first
/// looked for where the roster's numbering puts it (see [`Roster::find`]).
#[derive(Debug)]
pub(crate) struct Roster<'a> {
    members: &'a [Member],
    /// `(key, id, position)` sorted by `(key, id)`; empty for a roster in
    /// id order, which is searched directly.
    by_id: Vec<(u64, &'a str, u32)>,
    /// The number that ends the first member's id (`dv01`: 1), if it ends
    /// in one: see [`Roster::find`].
    first_number: Option<u32>,
    /// Official members not working elsewhere: the largest possible base.
    official_eligible: u32,
    /// Official members convened (not exempt, not working elsewhere).
    official_convened: u32,
}

/// The first eight bytes of an id, big-endian, zero-padded: ordering by it
/// agrees with ordering by the bytes, up to ties, so ids compare as
/// `(key, id)` with one integer comparison, and only a tie compares the
/// bytes (a call to `memcmp`, which costs more than the key for short ids).
fn key(id: &str) -> u64 {
    let b = id.as_bytes();
    if let Some(head) = b.first_chunk::<8>() {
        return u64::from_be_bytes(*head);
    }
    // Fewer than eight bytes: read four, two and one at a time, then pad.
    let (mut k, mut rest) = (0u64, b);
    if let Some((four, r)) = rest.split_first_chunk::<4>() {
        k = u64::from(u32::from_be_bytes(*four));
        rest = r;
    }
    if let Some((two, r)) = rest.split_first_chunk::<2>() {
        k = (k << 16) | u64::from(u16::from_be_bytes(*two));
        rest = r;
    }
    if let Some(&one) = rest.first() {
        k = (k << 8) | u64::from(one);
    }
    // Eight bytes less the length, as zeros (nothing to pad for no bytes).
    let pad = 8 * (8 - b.len() as u32);
    k.checked_shl(pad).unwrap_or(0)
}

/// An id of 4 to 8 bytes as one integer: its first four bytes, then its
/// last four, big-endian (they overlap for fewer than eight). Ids of the
/// same length order as their words do: where the first four bytes agree,
/// the bytes they share with the last four agree too, and the last four
/// decide. The roster's order is checked with it ([`index_roster`]), as
/// ids usually have one length; `None` for any other length.
#[inline(always)]
fn word(id: &str) -> Option<u64> {
    let b = id.as_bytes();
    if b.len() > 8 {
        return None;
    }
    let (head, tail) = (b.first_chunk::<4>()?, b.last_chunk::<4>()?);
    Some((u64::from(u32::from_be_bytes(*head)) << 32) | u64::from(u32::from_be_bytes(*tail)))
}

/// The number that ends an id, if it ends in a digit: `dv07` → 7. Nine
/// digits at most are read, so the number fits.
///
/// Always inlined: [`Roster::find`] calls it for every id an attendance list
/// names, and the call cost about as much as the few digits it reads.
#[inline(always)]
fn trailing_number(id: &str) -> Option<u32> {
    let (mut n, mut scale, mut digits) = (0u32, 1u32, 0u32);
    for &b in id.as_bytes().iter().rev().take(9) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        n += u32::from(d) * scale;
        scale = scale.wrapping_mul(10);
        digits += 1;
    }
    (digits > 0).then_some(n)
}

/// Whether two ids are the same. Ids of 4 to 8 bytes (as ids usually are)
/// are compared as two overlapping 4-byte words each, which together cover
/// every byte, instead of through a call to `bcmp`; any other as bytes.
#[inline(always)]
fn same_id(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.len() <= 8
        && let (Some(ah), Some(at), Some(bh), Some(bt)) = (
            a.first_chunk::<4>(),
            a.last_chunk::<4>(),
            b.first_chunk::<4>(),
            b.last_chunk::<4>(),
        )
    {
        return ah == bh && at == bt;
    }
    a == b
}

impl<'a> Roster<'a> {
    /// The member with this id and its position in the roster.
    ///
    /// Rosters are usually numbered in order (`dv01`, `dv02`, …): the
    /// member numbered `n` then sits at position `n − first`, `first` being
    /// the first member's number. That position is tried first, and taken
    /// only if the member there has exactly this id (ids are unique);
    /// otherwise the roster is searched.
    ///
    /// The guess is always inlined where ids are resolved, and the search
    /// kept out of line ([`Roster::search`]): as one function, its prologue
    /// and the spills the search needs cost more than the guess itself.
    #[inline(always)]
    pub fn find(&self, id: &str) -> Option<(u32, &'a Member)> {
        if let (Some(first), Some(n)) = (self.first_number, trailing_number(id))
            && let Some(pos) = n.checked_sub(first)
            && let Some(m) = self.members.get(pos as usize)
            && same_id(&m.id, id)
        {
            return Some((pos, m));
        }
        self.search(id)
    }

    /// The member with this id and its position, by binary search.
    fn search(&self, id: &str) -> Option<(u32, &'a Member)> {
        if self.by_id.is_empty() {
            // In id order (or empty): search the roster itself.
            let k = key(id);
            let i = self
                .members
                .binary_search_by(|m| key(&m.id).cmp(&k).then_with(|| m.id.as_str().cmp(id)))
                .ok()?;
            return Some((u32::try_from(i).ok()?, self.members.get(i)?));
        }
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
    pub order: Order,
    /// Absentees resolved to roster positions, meeting by meeting (empty
    /// without a roster, or without any absentee).
    pub absences: Absences<'a>,
}

/// The positions of the meetings within the span, in date order (a stable
/// sort of the record's order).
///
/// A record usually lists its meetings by date: they then need no sorting,
/// those within the span are the first ones, and no list is kept.
#[derive(Debug, Default)]
pub(crate) struct Order {
    /// For meetings listed in date order: how many lie within the span.
    prefix: u32,
    /// For any other: the positions of those within the span, by date.
    sorted: Vec<u32>,
    /// The months with a regular meeting within the span, as a month set
    /// ([`month_bit`]), when every meeting lies within it: then they are
    /// the months validation gathered in its loop anyway (`check_date`).
    /// `None` otherwise: [`Order::held`] gathers them then.
    held: Option<u16>,
}

impl Order {
    /// The meetings within the span, in date order, with their positions.
    pub fn meetings<'m>(
        &'m self,
        meetings: &'m [Meeting],
    ) -> impl Iterator<Item = (u32, &'m Meeting)> + 'm {
        let prefix = meetings.get(..self.prefix as usize).unwrap_or(&[]);
        let sorted = self
            .sorted
            .iter()
            .filter_map(|&i| meetings.get(i as usize).map(|m| (i, m)));
        (0u32..).zip(prefix).chain(sorted)
    }

    /// The meetings within the span when the record lists its meetings in
    /// date order: a prefix of them, in the record's order and positions
    /// (what [`Order::meetings`] gives). `None` for any other record.
    pub fn prefix<'m>(&self, meetings: &'m [Meeting]) -> Option<&'m [Meeting]> {
        if self.sorted.is_empty() {
            meetings.get(..self.prefix as usize)
        } else {
            None
        }
    }

    /// The months with a regular meeting within the span, as a month set
    /// ([`month_bit`]): validation's, when it could hand them over, else
    /// gathered from the meetings within the span.
    #[inline]
    pub fn held(&self, meetings: &[Meeting]) -> u16 {
        match self.held {
            Some(held) => held,
            None => self.gather_held(meetings),
        }
    }

    /// [`Order::held`] for a record with meetings beyond the span.
    #[cold]
    fn gather_held(&self, meetings: &[Meeting]) -> u16 {
        self.meetings(meetings)
            .filter(|(_, m)| m.is_regular())
            .fold(0, |held, (_, m)| held | month_bit(m.month()))
    }
}

/// How many roster members a [`PerMember`] holds without allocating.
const INLINE_MEMBERS: usize = 64;

/// A value per roster position, `T::default()` to start with: on the stack
/// for a roster of up to [`INLINE_MEMBERS`], else on the heap, allocated at
/// first use.
pub(crate) struct PerMember<T> {
    len: usize,
    inline: [T; INLINE_MEMBERS],
    heap: Vec<T>,
}

impl<T: Copy + Default> PerMember<T> {
    /// Values for a roster of `len` members.
    pub fn new(len: usize) -> Self {
        PerMember {
            len,
            inline: [T::default(); INLINE_MEMBERS],
            heap: Vec::new(),
        }
    }

    /// The value of the member at roster position `pos`, if there is one.
    #[inline]
    pub fn get_mut(&mut self, pos: u32) -> Option<&mut T> {
        let pos = pos as usize;
        if pos >= self.len {
            return None;
        }
        if self.len <= INLINE_MEMBERS {
            return self.inline.get_mut(pos);
        }
        if self.heap.is_empty() {
            self.heap = vec![T::default(); self.len];
        }
        self.heap.get_mut(pos)
    }
}

/// One member absent from one meeting, resolved against the roster.
#[derive(Debug, Clone, Copy)]
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

impl Absence {
    /// A placeholder for the unused part of [`Scratch`]'s inline list.
    const NONE: Absence = Absence {
        meeting: 0,
        pos: 0,
        with_leave: false,
        exempt: false,
    };
}

/// How many absentees of a year [`Scratch`] holds without allocating.
const INLINE_ABSENCES: usize = 32;

/// Where validation keeps the absentees it resolves, owned by the caller of
/// [`validate`] (`assess`) so that the [`Context`] only borrows the list.
///
/// Shaped this way because a year names few absentees: up to
/// [`INLINE_ABSENCES`] of them sit in the caller's frame, with no
/// allocation and no pass over the meetings to count them first; beyond
/// that, the whole list moves to the heap. Kept out of `Context` itself,
/// whose copies (validation's `Ok`, the caller's `?`) would then copy the
/// inline list too.
pub(crate) struct Scratch {
    /// How many of `inline` are absentees.
    len: usize,
    inline: [Absence; INLINE_ABSENCES],
    /// Every absentee, once there are more than `inline` holds.
    heap: Vec<Absence>,
}

impl Scratch {
    /// An empty scratch.
    pub fn new() -> Self {
        Scratch {
            len: 0,
            inline: [Absence::NONE; INLINE_ABSENCES],
            heap: Vec::new(),
        }
    }

    /// Adds an absentee at the end of the list. Its fields are written
    /// into the slot one by one: built whole, the 12-byte `Absence` was
    /// put together on the stack and copied.
    #[inline(always)]
    fn push(&mut self, a: Absence) {
        if let Some(slot) = self.inline.get_mut(self.len) {
            slot.meeting = a.meeting;
            slot.pos = a.pos;
            slot.with_leave = a.with_leave;
            slot.exempt = a.exempt;
            self.len += 1;
        } else {
            self.spill(a);
        }
    }

    /// Adds an absentee once the inline list is full: the list moves to the
    /// heap first.
    #[cold]
    fn spill(&mut self, a: Absence) {
        if self.heap.is_empty() {
            self.heap.reserve(2 * INLINE_ABSENCES);
            self.heap.extend_from_slice(&self.inline);
        }
        self.heap.push(a);
    }

    /// The absentees, in the order they were added.
    fn list(&self) -> &[Absence] {
        if self.heap.is_empty() {
            self.inline.get(..self.len).unwrap_or(&[])
        } else {
            &self.heap
        }
    }
}

/// The absentees of every meeting, one list for the year, by meeting in
/// the record's order (kept in a [`Scratch`]).
#[derive(Debug, Default)]
pub(crate) struct Absences<'a> {
    list: &'a [Absence],
    /// Whether evaluation asks for the meetings in the record's order
    /// (meetings listed by date: an [`Order`] without a sorted list), the
    /// order validation resolved them in.
    in_record_order: bool,
}

impl Absences<'_> {
    /// The absentees of meeting `i`, in list order (with leave first);
    /// `named` is how many its attendance names (its two absence lists).
    ///
    /// `from` is where the meeting asked for last ended, and is moved to
    /// where this one ends. Asked for in the record's order, meeting `i`'s
    /// absentees are the next `named` of the list: validation kept exactly
    /// those, in that order, meeting after meeting, so nothing is compared
    /// or searched. In any other order they are looked for ([`Absences::seek`]).
    #[inline(always)]
    pub fn of(&self, i: u32, named: usize, from: &mut usize) -> &[Absence] {
        if self.in_record_order {
            let end = from.saturating_add(named);
            if let Some(run) = self.list.get(*from..end) {
                *from = end;
                return run;
            }
        }
        self.seek(i, from)
    }

    /// The absentees of meeting `i`, looked for: where the meeting asked for
    /// last ended (meetings asked for in the record's order), else by
    /// binary search. `from` as for [`Absences::of`].
    fn seek(&self, i: u32, from: &mut usize) -> &[Absence] {
        let (before, rest) = self.list.split_at_checked(*from).unwrap_or((&[], &[]));
        let (start, rest) = match (before.last(), rest.first()) {
            (Some(b), _) if b.meeting >= i => self.search(i),
            (_, Some(a)) if a.meeting < i => self.search(i),
            _ => (*from, rest),
        };
        let len = rest.iter().take_while(|a| a.meeting == i).count();
        *from = start + len;
        rest.get(..len).unwrap_or(&[])
    }

    /// Where the absentees of meeting `i` start, and the list from there.
    fn search(&self, i: u32) -> (usize, &[Absence]) {
        let start = self.list.partition_point(|a| a.meeting < i);
        (start, self.list.get(start..).unwrap_or(&[]))
    }
}

fn at(list: &str, i: usize) -> String {
    format!("{list}[{i}]")
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

/// Whether a rate reads (RULES §9): a non-zero base and a count within
/// it, a figure in 0–100. `count.max(1) <= of` is `of != 0 && count <= of`
/// in one comparison: a base of 0 is below `max(1)`.
#[inline(always)]
fn rate_reads(rate: Option<&Rate>) -> bool {
    match rate {
        Some(&Rate::Counts { count, of }) => count.max(1) <= of,
        Some(&Rate::Figure(rate)) => crate::indicator::within_percent(rate),
        None => true,
    }
}

/// Checks the rates `$key` of `$facts` (under the path `$prefix`), in
/// order ([`rate_reads`]). Rates usually read: their tests are inlined and
/// joined with `&`, one branch for them all, and the first that does not
/// read is looked for out of line ([`rates_error`]), which alone builds
/// the list of rates and paths.
macro_rules! check_rates {
    ($facts:expr, $prefix:literal: $($key:ident),+ $(,)?) => {
        if !(true $(& rate_reads($facts.$key.as_ref()))+) {
            rates_error(&[$(($facts.$key.as_ref(), concat!($prefix, ".", stringify!($key)))),+])?;
        }
    };
}

/// The error of the first of `rates` that does not read.
#[cold]
fn rates_error(rates: &[(Option<&Rate>, &str)]) -> Result<(), Error> {
    for &(rate, path) in rates {
        rate_error(rate, path)?;
    }
    Ok(())
}

/// The error of a rate that [`rate_reads`] found does not read.
#[cold]
fn rate_error(rate: Option<&Rate>, path: &str) -> Result<(), Error> {
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

/// The first item whose key an item before it has, and its position: a
/// head named twice (in the record's `party.heads`, or the plan's
/// `exemplary_commitment`). Two items or fewer (the usual lists: the
/// secretary and the principal) are compared directly, not by the nested
/// loop of [`first_repeat_general`].
#[inline(always)]
pub(crate) fn first_repeat<T, K: PartialEq>(
    items: &[T],
    key: impl Fn(&T) -> K,
) -> Option<(usize, &T)> {
    match items {
        [] | [_] => None,
        [a, b] => (key(a) == key(b)).then_some((1, b)),
        _ => first_repeat_general(items, key),
    }
}

/// [`first_repeat`] of any list.
fn first_repeat_general<T, K: PartialEq>(
    items: &[T],
    key: impl Fn(&T) -> K,
) -> Option<(usize, &T)> {
    items
        .iter()
        .enumerate()
        .find(|&(i, x)| items.iter().take(i).any(|y| key(y) == key(x)))
}

/// Validates `record` against `plan` and prepares the evaluation context,
/// keeping the absentees in `scratch`.
pub(crate) fn validate<'a>(
    plan: &Plan,
    record: &'a CellYear,
    scratch: &'a mut Scratch,
) -> Result<Context<'a>, Error> {
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
    // Before 1 January of the year is in an earlier year.
    if let Some(as_of) = cell.as_of
        && chrono::Datelike::year(&as_of) < year
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
        // Founded in a later year: outside the record's year. Founded in
        // the year but after the as-of date: the record speaks of a cell
        // that did not exist yet.
        return Err(if chrono::Datelike::year(&founded) > year {
            Error::DateOutsideYear {
                path: "cell.founded".to_owned(),
                date: founded,
                year,
            }
        } else {
            Error::Contradiction {
                path: "cell.founded".to_owned(),
                reason: "the cell was founded after the record's as-of date",
            }
        });
    }

    if let Some(e) = &record.education {
        check_rates!(e, "education":
            dropout, repetition, promotion, graduation, efficiency, public_grade10, swimming);
    }
    if let Some(p) = &record.party {
        check_rates!(p, "party": study, inspection);
        if let Some(heads) = &p.heads
            && let Some((i, h)) = first_repeat(heads, |h| h.role)
        {
            return Err(Error::DuplicateHead {
                path: at("party.heads", i),
                role: h.role,
            });
        }
    }

    let roster = match &record.members {
        Some(members) => Some(index_roster(members)?),
        None => None,
    };

    let order = match &record.meetings {
        Some(meetings) => check_meetings(meetings, roster.as_ref(), &span, year, scratch)?,
        None => Order::default(),
    };
    let absences = Absences {
        list: scratch.list(),
        in_record_order: order.sorted.is_empty(),
    };

    Ok(Context {
        span,
        roster,
        order,
        absences,
    })
}

/// `exempt` false, but `not_reviewed` "exempt".
fn exemption_contradicted(m: &Member) -> bool {
    m.exempt == Some(false) && m.not_reviewed == Some(crate::member::NotReviewed::Exempt)
}

/// A member with an empty id, or whose exemption contradicts itself.
#[inline(always)]
fn member_wrong(m: &Member) -> bool {
    m.id.is_empty() || exemption_contradicted(m)
}

/// The error of the first member with an empty id, or whose exemption
/// contradicts itself (checked in that order). The roster's loop keeps no
/// position for it: it is found here.
#[cold]
fn member_error(members: &[Member]) -> Error {
    let Some((i, m)) = members.iter().enumerate().find(|(_, m)| member_wrong(m)) else {
        // Not reached: called once the loop has met such a member.
        return Error::Contradiction {
            path: "members".to_owned(),
            reason: "a member's id must not be empty",
        };
    };
    if m.id.is_empty() {
        Error::Contradiction {
            path: format!("members[{i}].id"),
            reason: "a member's id must not be empty",
        }
    } else {
        Error::Contradiction {
            path: format!("members[{i}].exempt"),
            reason: "`exempt` is false but `not_reviewed` is \"exempt\"",
        }
    }
}

/// Whether every id is greater than the one before it, compared as
/// strings: the roster's order where [`word`] cannot tell it (ids of
/// different lengths, or outside 4 to 8 bytes).
#[cold]
fn ids_increase(members: &[Member]) -> bool {
    members.windows(2).all(|pair| match pair {
        [a, b] => a.id < b.id,
        _ => true,
    })
}

fn index_roster(members: &[Member]) -> Result<Roster<'_>, Error> {
    let (mut official_eligible, mut official_convened) = (0u32, 0u32);
    // Whether every id is greater than the one before it. The loop compares
    // each id with the one before it by their `word`s (`previous_word`, of
    // an id of `previous_len` bytes); where it cannot (ids of different
    // lengths, or outside 4 to 8 bytes), `by_words` is cleared and the
    // order is told after the loop, as strings ([`ids_increase`]), so that
    // the loop makes no call and keeps its counts in registers. The first
    // id follows "", below every id that is not empty (an empty one is an
    // error before it is compared): `previous_len` 0 marks it.
    let (mut increasing, mut by_words) = (true, true);
    let (mut previous_len, mut previous_word) = (0usize, 0u64);
    if u32::try_from(members.len()).is_err() {
        return Err(Error::Parse {
            path: "members".to_owned(),
            message: "too many members".to_owned(),
            line: 0,
            column: 0,
        });
    }
    for m in members {
        // A member with an empty id or whose exemption contradicts itself
        // is an error ([`member_wrong`]): the first such member, whose
        // position is looked for only then ([`member_error`]). An id with
        // a `word` is not empty, so the empty id is tested only below,
        // where the words do not tell the order.
        if exemption_contradicted(m) {
            return Err(member_error(members));
        }
        if m.may_vote() {
            official_eligible += 1;
            if !m.is_exempt() {
                official_convened += 1;
            }
        }
        let id = m.id.as_str();
        let word = word(id);
        match word {
            // Both ids of one length, 4 to 8 bytes: one comparison.
            Some(w) if id.len() == previous_len => increasing &= previous_word < w,
            _ if id.is_empty() => return Err(member_error(members)),
            // The first id: after "".
            _ if previous_len == 0 => {}
            _ => by_words = false,
        }
        previous_len = id.len();
        previous_word = word.unwrap_or(0);
    }
    if !by_words {
        increasing = ids_increase(members);
    }
    let first_number = members.first().and_then(|m| trailing_number(&m.id));
    if increasing {
        // Strictly increasing ids are unique, and the roster is its own index.
        return Ok(Roster {
            members,
            by_id: Vec::new(),
            first_number,
            official_eligible,
            official_convened,
        });
    }
    let mut by_id: Vec<(u64, &str, u32)> = members
        .iter()
        .zip(0u32..)
        .map(|(m, pos)| (key(&m.id), m.id.as_str(), pos))
        .collect();
    by_id.sort_unstable();
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
        first_number,
        official_eligible,
        official_convened,
    })
}

fn check_meetings(
    meetings: &[Meeting],
    roster: Option<&Roster<'_>>,
    span: &Span,
    year: i32,
    scratch: &mut Scratch,
) -> Result<Order, Error> {
    // The months that have had a regular meeting, as a month set (`month_bit`).
    let mut regular = 0u16;
    // Each day's month, by ordinal.
    let month_bits = span.month_bits_by_day();
    let mut resolver = roster.map(|r| Resolver::new(r, scratch));
    // The largest voting base, read once: the official members, with a
    // roster; without one, no bound (every base is at most `u32::MAX`).
    let official = roster.map(|r| r.official_eligible);
    let base_bound = official.unwrap_or(u32::MAX);
    for (i, m) in meetings.iter().enumerate() {
        check_date(i, m, meetings, span, year, month_bits, &mut regular)?;
        // Official members of the base present, when the roster and the
        // attendance tell.
        let mut official_present = None;
        if let Some(a) = &m.attendance {
            check_attendance(i, a)?;
            match resolver.as_mut() {
                Some(r) => official_present = Some(r.meeting(i, a)?),
                None => check_unique_without_roster(i, &lists(a))?,
            }
        }
        if let Some(v) = &m.votes {
            check_votes(i, m, v, base_bound, official, official_present)?;
        }
    }
    // The date order is told apart after the checks, in a loop of its own
    // that keeps the loop above lighter.
    if meetings.is_sorted_by_key(|m| m.date) {
        // Those within the span come first: all of them when the last one
        // is (as when the record runs to the end of the year), else found
        // by binary search.
        let within = if meetings.last().is_none_or(|m| m.date <= span.end) {
            meetings.len()
        } else {
            meetings.partition_point(|m| m.date <= span.end)
        };
        let order = Order {
            prefix: u32::try_from(within).unwrap_or(u32::MAX),
            sorted: Vec::new(),
            // Every meeting within the span: its regular ones are those
            // whose months the loop gathered.
            held: (within == meetings.len()).then_some(regular),
        };
        return Ok(order);
    }
    let mut sorted: Vec<u32> = (0u32..)
        .zip(meetings)
        .filter(|(_, m)| m.date <= span.end)
        .map(|(i, _)| i)
        .collect();
    sorted.sort_by_key(|&i| meetings.get(i as usize).map(|m| m.date));
    let held = (sorted.len() == meetings.len()).then_some(regular);
    Ok(Order {
        prefix: 0,
        sorted,
        held,
    })
}

/// A meeting's date (meeting `i` of `meetings`): in the record's year, not before the cell was
/// founded, and the only regular meeting of its month (`regular`: the
/// months that have had one, as a month set, [`month_bit`]; `month_bits`:
/// each day's month bit, by ordinal, [`Span::month_bits_by_day`]).
///
/// The months are bits rather than each month's first meeting: the first
/// is only needed for the error, and is looked for then
/// ([`second_regular`]). The errors are built out of line ([`date_error`],
/// [`second_regular`]), so that the meeting loop keeps its registers for
/// the usual case.
#[inline(always)]
fn check_date(
    i: usize,
    m: &Meeting,
    meetings: &[Meeting],
    span: &Span,
    year: i32,
    month_bits: &[u16; 512],
    regular: &mut u16,
) -> Result<(), Error> {
    // In the record's year and not before the cell was founded, as one
    // range of days: the span's start is 1 January or the founding day
    // (`Span::new`), so from it to 31 December is exactly that.
    if !(span.start <= m.date && m.date <= span.year_end) {
        return date_error(i, m, span, year);
    }
    if m.is_regular() {
        // Of the span's year (checked above): its month from the year's
        // table (`Span::month_bits_by_day`), not from chrono.
        let day = chrono::Datelike::ordinal(&m.date) as usize;
        let bit = month_bits.get(day).copied().unwrap_or(0);
        if *regular & bit != 0 {
            return second_regular(i, month_of(m.date), meetings);
        }
        *regular |= bit;
    }
    Ok(())
}

/// The error of a meeting's date outside the record's year, or before the
/// cell was founded (checked in that order).
#[cold]
fn date_error(i: usize, m: &Meeting, span: &Span, year: i32) -> Result<(), Error> {
    in_year(m.date, year, || format!("meetings[{i}].date"))?;
    Err(Error::BeforeFounded {
        path: format!("meetings[{i}].date"),
        date: m.date,
        founded: span.start,
    })
}

/// The error of a second regular meeting in a month: meeting `i`, which
/// names the month's first.
#[cold]
fn second_regular(i: usize, month: u8, meetings: &[Meeting]) -> Result<(), Error> {
    let first = meetings
        .iter()
        .take(i)
        .position(|m| m.is_regular() && month_of(m.date) == month)
        .unwrap_or(i);
    Err(Error::SecondRegularMeeting {
        path: at("meetings", i),
        month,
        first: at("meetings", first),
    })
}

/// Those required are some (RULES §9: a zero base is an error, and they
/// are the base of the attendance share), and those present and absent add
/// up to them.
fn check_attendance(i: usize, a: &Attendance) -> Result<(), Error> {
    let total = u64::from(a.present)
        + a.absent_with_leave.len() as u64
        + a.absent_without_leave.len() as u64;
    if total != u64::from(a.required) || a.required == 0 {
        return attendance_error(i, a);
    }
    Ok(())
}

/// The error of attendance with nobody required, or that does not add up.
#[cold]
fn attendance_error(i: usize, a: &Attendance) -> Result<(), Error> {
    if a.required == 0 {
        return Err(Error::ZeroBase {
            path: format!("meetings[{i}].attendance.required"),
        });
    }
    Err(Error::AttendanceMismatch {
        path: format!("meetings[{i}].attendance"),
        required: a.required,
        present: a.present,
        with_leave: a.absent_with_leave.len(),
        without_leave: a.absent_without_leave.len(),
    })
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
/// by meeting, and keeps the absentees for evaluation.
struct Resolver<'r, 'a> {
    roster: &'r Roster<'a>,
    /// For each roster member, the stamp of the last meeting that named
    /// them (0: none).
    seen: PerMember<u32>,
    /// The meetings so far that named anyone: the last one's stamp. Only
    /// those need telling apart in `seen`, so a meeting that names nobody
    /// is not counted.
    meetings: u32,
    absences: &'r mut Scratch,
}

impl<'r, 'a> Resolver<'r, 'a> {
    fn new(roster: &'r Roster<'a>, absences: &'r mut Scratch) -> Self {
        Resolver {
            roster,
            seen: PerMember::new(roster.len()),
            meetings: 0,
            absences,
        }
    }

    /// Resolves meeting `i`'s lists: every id a member, none named twice.
    /// Returns the official members of the base present: those convened,
    /// plus exempt officials who came, less absentees of the base.
    fn meeting(&mut self, i: usize, a: &Attendance) -> Result<u32, Error> {
        let mut present = self.roster.official_convened;
        if a.absent_with_leave.is_empty()
            && a.absent_without_leave.is_empty()
            && a.exempt_present.as_ref().is_none_or(Vec::is_empty)
        {
            // Nobody named: most meetings.
            return Ok(present);
        }
        self.meetings = self.meetings.saturating_add(1);
        let stamp = self.meetings;
        // List by list, in the order they are checked; an empty list costs
        // one comparison (most meetings name one or two absentees at most).
        if !a.absent_with_leave.is_empty() {
            let ids = &a.absent_with_leave;
            self.list(i, List::WithLeave, ids, stamp, &mut present)?;
        }
        if !a.absent_without_leave.is_empty() {
            let ids = &a.absent_without_leave;
            self.list(i, List::WithoutLeave, ids, stamp, &mut present)?;
        }
        if let Some(ids) = &a.exempt_present
            && !ids.is_empty()
        {
            self.list(i, List::ExemptPresent, ids, stamp, &mut present)?;
        }
        Ok(present)
    }

    /// Resolves one list of meeting `i` (`stamp` marks the meeting in
    /// `seen`), keeps its absentees and counts the officials it takes from
    /// or adds to `present`.
    ///
    /// Always inlined into [`Resolver::meeting`]: it runs for one or two
    /// lists of the few meetings that name anyone, and a call of its own
    /// (prologue, spills, a `Result` through memory) cost more than the
    /// resolving it does for one id.
    #[inline(always)]
    fn list(
        &mut self,
        i: usize,
        list: List,
        ids: &[String],
        stamp: u32,
        present: &mut u32,
    ) -> Result<(), Error> {
        for (j, id) in ids.iter().enumerate() {
            let path = || format!("meetings[{i}].attendance.{}[{j}]", list.name());
            let Some((pos, member)) = self.roster.find(id) else {
                return Err(Error::UnknownMember {
                    path: path(),
                    id: id.clone(),
                });
            };
            if let Some(s) = self.seen.get_mut(pos) {
                if *s == stamp {
                    return Err(Error::DuplicateMember {
                        path: path(),
                        id: id.clone(),
                    });
                }
                *s = stamp;
            }
            let exempt = member.is_exempt();
            if list != List::ExemptPresent {
                self.absences.push(Absence {
                    meeting: u32::try_from(i).unwrap_or(u32::MAX),
                    pos,
                    with_leave: list == List::WithLeave,
                    exempt,
                });
            }
            if member.may_vote() {
                if list == List::ExemptPresent {
                    if exempt {
                        *present = present.saturating_add(1);
                    }
                } else if !exempt {
                    *present = present.saturating_sub(1);
                }
            }
        }
        Ok(())
    }
}

/// A meeting's votes: at a regular meeting only, on a base of at least one
/// and no larger than the official members (`official`, with a roster),
/// and no content's
/// tally (for and against) above the base or the official members present.
/// `base_bound`: the official members, `u32::MAX` without a roster (the
/// base's bound, tested without asking whether there is one).
///
/// Votes are usually in order: that is tested inline, branch-free for the
/// tallies (the largest against the tighter bound), and the error looked for
/// out of line ([`votes_error`]) only when something is not.
#[inline]
fn check_votes(
    i: usize,
    m: &Meeting,
    v: &Votes,
    base_bound: u32,
    official: Option<u32>,
    official_present: Option<u32>,
) -> Result<(), Error> {
    let largest = votes(v.political_task)
        .max(votes(v.meeting_quality))
        .max(votes(v.unity_discipline))
        .max(votes(v.members));
    let limit = official_present.map_or(v.base, |p| p.min(v.base));
    // `1 <= base <= base_bound` in one comparison: a base of 0 wraps to
    // `u32::MAX`, which no bound exceeds.
    if m.is_regular() && v.base.wrapping_sub(1) < base_bound && largest <= u64::from(limit) {
        return Ok(());
    }
    votes_error(i, m, v, official, official_present)
}

/// A tally's votes, for and against (none without a tally).
fn votes(t: Option<Tally>) -> u64 {
    t.map_or(0, |t| u64::from(t.for_) + u64::from(t.against))
}

/// The error [`check_votes`] found, in the order the conditions are
/// checked.
#[cold]
fn votes_error(
    i: usize,
    m: &Meeting,
    v: &Votes,
    official: Option<u32>,
    official_present: Option<u32>,
) -> Result<(), Error> {
    let path = || format!("meetings[{i}].votes");
    if !m.is_regular() {
        return Err(Error::VotesOutsideRegularMeeting { path: path() });
    }
    // RULES §9: a zero base is an error; a cell votes with some members.
    if v.base == 0 {
        return Err(Error::ZeroBase {
            path: format!("{}.base", path()),
        });
    }
    if let Some(official) = official
        && v.base > official
    {
        return Err(Error::BaseAboveOfficial {
            path: format!("{}.base", path()),
            base: v.base,
            official,
        });
    }
    for content in crate::check::CriterionId::CRITERIA {
        let Some(tally) = v.tally(content) else {
            continue;
        };
        let votes = votes(Some(tally));
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
    Ok(())
}

/// Without a roster, an id may still not be named twice at one meeting.
fn check_unique_without_roster(i: usize, lists: &[(List, &[String]); 3]) -> Result<(), Error> {
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
    use super::*;

    fn member(id: &str) -> Member {
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","status":"official","role":"member"}}"#
        ))
        .unwrap()
    }

    fn meeting(date: &str) -> Meeting {
        serde_json::from_str(&format!(r#"{{"date":"{date}","kind":"thematic"}}"#)).unwrap()
    }

    #[test]
    fn a_meeting_day_within_the_founding_and_31_december_is_in_the_year_and_not_before_founding() {
        // `check_date` tests one range of days for the two conditions.
        let day = |y, o| NaiveDate::from_yo_opt(y, o).unwrap();
        for year in [2023, 2024, 2100] {
            let founded = [None, Some(day(year - 1, 200)), Some(day(year, 1))]
                .into_iter()
                .chain([
                    Some(day(year, 2)),
                    Some(day(year, 180)),
                    Some(day(year, 365)),
                ])
                .chain([Some(day(year + 1, 1)), Some(day(year + 1, 100))]);
            for founded in founded {
                let span = Span::new(year, founded, None).unwrap();
                for y in year - 1..=year + 1 {
                    let last = if NaiveDate::from_yo_opt(y, 366).is_some() {
                        366
                    } else {
                        365
                    };
                    for o in 1..=last {
                        let d = day(y, o);
                        let two = chrono::Datelike::year(&d) == year && d >= span.start;
                        let range = span.start <= d && d <= span.year_end;
                        assert_eq!(two, range, "{year} {founded:?} {d}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_plan_deadline_is_a_day_of_2024() {
        // `Plan::validate` reads the deadline with `in_leap_year`.
        for month in (0..=13).chain([u32::MAX]) {
            for day in (0..=32).chain([u32::MAX]) {
                let md = crate::plan::MonthDay { month, day };
                assert_eq!(md.in_leap_year(), md.in_year(2024).is_some(), "{md:?}");
            }
        }
    }

    #[test]
    fn a_plan_threshold_reads_when_it_is_a_usual_one_within_0_to_100() {
        // `Plan::validate` tests thresholds with `threshold_reads`, and
        // checks in full only those it does not pass.
        use rust_decimal::Decimal;
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.0",
            "-0.00",
            "1",
            "99.99",
            "100",
            "100.0",
            "100.0000000000000000",
            "100.00000000000000001",
            "100.01",
            "101",
            "-1",
            "-0.01",
            "0.0000000000000001",
            "0.00000000000000001",
            "50.00000000000000000",
            "79228162514264337593543950335",
            "18446744073709551615",
            "18446744073709551616",
            "1844674407370955161.6",
            "0.1000000000000000000000000000",
        ]
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
        values.push(Decimal::from_parts(u32::MAX, u32::MAX, 0, false, 16));
        values.push(Decimal::from_parts(0, 0, 1, false, 16));
        for v in values {
            let usual = !v.is_sign_negative()
                && v.scale() <= crate::indicator::MAX_THRESHOLD_SCALE
                && crate::indicator::within_percent(v);
            assert_eq!(crate::plan::threshold_reads(&v), usual, "{v}");
        }
    }

    #[test]
    fn ids_are_the_same_exactly_when_their_bytes_are() {
        let ids = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abce",
            "bbcd",
            "abcde",
            "abcdf",
            "abxde",
            "dv07",
            "dv7",
            "dv070",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "abcdefghi",
            "abcdefghj",
        ];
        for a in ids {
            for b in ids {
                assert_eq!(same_id(a, b), a == b, "{a:?} against {b:?}");
            }
        }
    }

    #[test]
    fn words_order_ids_of_one_length_as_str_does() {
        let ids = [
            "abcd",
            "abce",
            "bbcd",
            "abcd\0",
            "abcde",
            "abcdf",
            "abxde",
            "b\0\0\0\0",
            "dv070",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "abcdzzzz",
            "abczzzzz",
            "\u{ff}\u{ff}\u{ff}\u{ff}",
        ];
        for a in ids {
            for b in ids {
                if a.len() == b.len() {
                    assert_eq!(word(a).cmp(&word(b)), a.cmp(b), "{a:?} against {b:?}");
                }
            }
        }
        for id in ["", "a", "abc", "abcdefghi"] {
            assert!(word(id).is_none(), "{id:?}");
        }
    }

    #[test]
    fn keys_order_ids_as_str_does() {
        let ids = [
            "",
            "a",
            "a\0",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefgz",
            "b",
            "dv01",
            "dv1",
            "dv10",
            "dv2",
            "\u{ff}",
        ];
        for a in ids {
            for b in ids {
                let by_key = key(a).cmp(&key(b)).then_with(|| a.cmp(b));
                assert_eq!(by_key, a.cmp(b), "{a:?} against {b:?}");
            }
        }
    }

    #[test]
    fn a_roster_in_id_order_is_searched_without_an_index() {
        let members: Vec<Member> = ["dv01", "dv02", "dv10", "x"].map(member).into();
        let roster = index_roster(&members).unwrap();
        assert!(roster.by_id.is_empty());
        for (i, m) in members.iter().enumerate() {
            assert_eq!(roster.find(&m.id).map(|(p, _)| p as usize), Some(i));
        }
        assert!(roster.find("dv03").is_none());
        assert!(roster.find("").is_none());
    }

    #[test]
    fn a_roster_is_its_own_index_exactly_when_its_ids_increase() {
        for ids in [
            &["dv01", "dv02", "dv03"][..],
            &["dv01", "dv03", "dv02"],
            &["dv01", "dv01x", "dv02"],
            &["dv01x", "dv02", "dv02x"],
            &["dv1", "dv10", "dv2"],
            &["dv9", "dv10"],
            &["abcdefgh", "abcdefghi", "abcdefgi"],
            &["abcdefgh", "abcdefgg"],
            &["dv02", "dv01", "dv01x"],
            &["dv01", "dv02", "dv03", "a"],
            &["dv01", "dv02", "dv03x", "dv04"],
            &["b", "a"],
            &["a", "b", "c"],
        ] {
            let members: Vec<Member> = ids.iter().map(|id| member(id)).collect();
            let roster = index_roster(&members).unwrap();
            let increasing = ids.windows(2).all(|w| w[0] < w[1]);
            assert_eq!(roster.by_id.is_empty(), increasing, "{ids:?}");
            for (i, id) in ids.iter().enumerate() {
                assert_eq!(roster.find(id).map(|(p, _)| p as usize), Some(i));
            }
        }
    }

    #[test]
    fn an_id_is_looked_for_where_its_number_puts_it_then_searched() {
        // Numbered in order: each id is where its number says.
        let members: Vec<Member> = ["dv01", "dv02", "dv03", "dv04"].map(member).into();
        let roster = index_roster(&members).unwrap();
        assert_eq!(roster.first_number, Some(1));
        for (i, m) in members.iter().enumerate() {
            assert_eq!(roster.find(&m.id).map(|(p, _)| p as usize), Some(i));
        }
        // Same number, other id; number out of range; no number.
        for id in ["dv1", "dx02", "dv05", "dv00", "dv", "x"] {
            assert!(roster.find(id).is_none(), "{id}");
        }
        // Numbers that do not follow the positions: the guess misses (or
        // lands on another member) and the roster is searched, in id order
        // or through the index.
        for ids in [
            ["dv01", "dv03", "dv07", "dv08"],
            ["dv08", "dv03", "dv01", "dv07"],
        ] {
            let members: Vec<Member> = ids.map(member).into();
            let roster = index_roster(&members).unwrap();
            for (i, m) in members.iter().enumerate() {
                assert_eq!(roster.find(&m.id).map(|(p, _)| p as usize), Some(i));
            }
            assert!(roster.find("dv02").is_none());
        }
        assert_eq!(trailing_number("a1234567890"), Some(234_567_890));
        assert_eq!(trailing_number("7"), Some(7));
        assert_eq!(trailing_number("a"), None);
        assert_eq!(trailing_number(""), None);
    }

    #[test]
    fn absentees_are_found_by_meeting_in_any_order() {
        let absence = |meeting| Absence {
            meeting,
            pos: meeting * 10,
            with_leave: true,
            exempt: false,
        };
        let list = [0, 2, 2, 5].map(absence);
        let absences = Absences {
            list: &list,
            in_record_order: false,
        };
        let count = |i, from: &mut usize| absences.seek(i, from).len();
        // In order, each meeting once, the cursor following along.
        let mut from = 0;
        let counts: Vec<usize> = (0..7).map(|i| count(i, &mut from)).collect();
        assert_eq!(counts, [1, 0, 2, 0, 0, 1, 0]);
        // Out of order, or skipping meetings.
        let mut from = 0;
        let counts: Vec<usize> = [5, 2, 0, 6, 2].map(|i| count(i, &mut from)).into();
        assert_eq!(counts, [1, 2, 1, 0, 2]);
        let mut from = 0;
        assert!(absences.of(2, 2, &mut from).iter().all(|a| a.meeting == 2));
    }

    #[test]
    fn absentees_taken_by_count_in_record_order_are_those_looked_for() {
        // Meetings in date order, as validation resolves them: some name
        // absentees (with leave first), some only exempt members present,
        // one gives no attendance, the last lies beyond the span.
        let members: Vec<Member> = ["dv01", "dv02", "dv03", "dv04"].map(member).into();
        let roster = index_roster(&members).unwrap();
        let attending = |date: &str, with: &[&str], without: &[&str], exempt: &[&str]| {
            let named = with.len() + without.len();
            let json = format!(
                r#"{{"date":"{date}","kind":"thematic","attendance":{{"required":4,"present":{},
                "absent_with_leave":{with:?},"absent_without_leave":{without:?},
                "exempt_present":{exempt:?}}}}}"#,
                4 - named
            );
            serde_json::from_str::<Meeting>(&json).unwrap()
        };
        let meetings = vec![
            attending("2024-01-05", &["dv02"], &[], &[]),
            attending("2024-02-05", &[], &[], &[]),
            meeting("2024-03-05"),
            attending("2024-04-05", &["dv01", "dv03"], &["dv04"], &[]),
            attending("2024-05-05", &[], &[], &["dv02"]),
            attending("2024-06-05", &[], &["dv03"], &["dv01"]),
            attending("2024-06-05", &["dv04"], &[], &[]),
            attending("2024-08-05", &["dv01"], &[], &[]),
        ];
        let span = Span::new(2024, None, NaiveDate::from_ymd_opt(2024, 6, 30)).unwrap();
        let mut scratch = Scratch::new();
        let order = check_meetings(&meetings, Some(&roster), &span, 2024, &mut scratch).unwrap();
        assert!(order.sorted.is_empty());
        let list = scratch.list();
        let by_count = Absences {
            list,
            in_record_order: true,
        };
        let looked_for = Absences {
            list,
            in_record_order: false,
        };
        let (mut from, mut seek_from, mut asked) = (0, 0, 0);
        for (i, m) in order.meetings(&meetings) {
            let named = m.attendance.as_ref().map_or(0, |a| {
                a.absent_with_leave.len() + a.absent_without_leave.len()
            });
            if named == 0 {
                continue;
            }
            let got = by_count.of(i, named, &mut from);
            let want = looked_for.of(i, named, &mut seek_from);
            let fields = |l: &[Absence]| -> Vec<(u32, u32, bool, bool)> {
                l.iter()
                    .map(|a| (a.meeting, a.pos, a.with_leave, a.exempt))
                    .collect()
            };
            assert_eq!(fields(got), fields(want), "meeting {i}");
            assert_eq!(got.len(), named);
            assert_eq!(from, seek_from);
            asked += 1;
        }
        assert_eq!(asked, 4);
    }

    #[test]
    fn absentees_beyond_the_inline_ones_move_to_the_heap() {
        for n in [0, 1, INLINE_ABSENCES, INLINE_ABSENCES + 1, 200] {
            let mut scratch = Scratch::new();
            for i in 0..n as u32 {
                scratch.push(Absence {
                    meeting: i,
                    pos: i + 1,
                    with_leave: i % 2 == 0,
                    exempt: i % 3 == 0,
                });
            }
            let list = scratch.list();
            assert_eq!(list.len(), n);
            for (i, a) in (0u32..).zip(list) {
                assert_eq!(
                    (a.meeting, a.pos, a.with_leave, a.exempt),
                    (i, i + 1, i % 2 == 0, i % 3 == 0)
                );
            }
        }
    }

    #[test]
    fn the_first_member_with_an_empty_id_or_a_contradicted_exemption_is_named() {
        let contradicted = |id: &str| Member {
            exempt: Some(false),
            not_reviewed: Some(crate::member::NotReviewed::Exempt),
            ..member(id)
        };
        let cases: [(Vec<Member>, &str); 6] = [
            (vec![member("")], "members[0].id"),
            (
                vec![member("dv01"), member(""), member("dv03")],
                "members[1].id",
            ),
            (
                vec![member("dv01"), member("dv02x"), member("")],
                "members[2].id",
            ),
            (
                vec![member("dv01"), contradicted("dv02"), member("")],
                "members[1].exempt",
            ),
            (
                vec![member("dv01"), member(""), contradicted("dv03")],
                "members[1].id",
            ),
            (vec![contradicted("x"), member("dv01")], "members[0].exempt"),
        ];
        for (members, path) in cases {
            let err = index_roster(&members).unwrap_err();
            assert_eq!(err.path(), path);
        }
    }

    #[test]
    fn a_repeat_is_found_as_the_nested_loop_finds_it() {
        // Every list of up to four items out of three keys.
        let mut lists: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=4 {
            let mut more = Vec::new();
            for list in lists.iter().filter(|l| l.len() == len - 1) {
                for k in 0..3 {
                    let mut l = list.clone();
                    l.push(k);
                    more.push(l);
                }
            }
            lists.extend(more);
        }
        for list in &lists {
            let expected = first_repeat_general(list, |&k| k);
            assert_eq!(first_repeat(list, |&k| k), expected, "{list:?}");
            let by_hand = (1..list.len()).find(|&i| list[..i].contains(&list[i]));
            assert_eq!(expected.map(|(i, _)| i), by_hand, "{list:?}");
        }
    }

    #[test]
    fn any_other_roster_is_indexed() {
        let members: Vec<Member> = ["dv10", "dv02", "x", "dv01"].map(member).into();
        let roster = index_roster(&members).unwrap();
        assert_eq!(roster.by_id.len(), 4);
        for (i, m) in members.iter().enumerate() {
            assert_eq!(roster.find(&m.id).map(|(p, _)| p as usize), Some(i));
        }
        assert!(roster.find("dv03").is_none());

        // A repeated id sits next to its twin once sorted; the later
        // position in the roster is reported.
        let members: Vec<Member> = ["b", "a", "b", "a"].map(member).into();
        let err = index_roster(&members).unwrap_err();
        assert_eq!(err.path(), "members[3].id");
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
        let order = check_meetings(&meetings, None, &span, 2024, &mut Scratch::new()).unwrap();
        let positions: Vec<u32> = order.meetings(&meetings).map(|(i, _)| i).collect();
        assert_eq!(positions, [1, 3, 4, 0]);

        // In date order: the ones within the span are a prefix.
        let dates = ["2024-01-05", "2024-02-01", "2024-06-30", "2024-07-01"];
        let meetings: Vec<Meeting> = dates.map(meeting).into();
        let order = check_meetings(&meetings, None, &span, 2024, &mut Scratch::new()).unwrap();
        assert!(order.sorted.is_empty());
        let positions: Vec<u32> = order.meetings(&meetings).map(|(i, _)| i).collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn the_months_held_are_those_of_the_regular_meetings_within_the_span() {
        let regular = |date: &str| -> Meeting {
            serde_json::from_str(&format!(r#"{{"date":"{date}","kind":"regular"}}"#)).unwrap()
        };
        let in_order = [
            regular("2024-01-09"),
            meeting("2024-02-01"),
            regular("2024-03-05"),
            meeting("2024-05-02"),
            regular("2024-06-30"),
            regular("2024-07-01"),
            meeting("2024-08-01"),
            regular("2024-12-31"),
        ];
        let mut reversed = in_order.clone();
        reversed.reverse();
        let mut shuffled = in_order.clone();
        shuffled.swap(0, 4);
        shuffled.swap(2, 7);
        let only_thematic = [meeting("2024-02-01"), meeting("2024-09-01")];
        for as_of in [None, NaiveDate::from_ymd_opt(2024, 6, 30)] {
            let span = Span::new(2024, None, as_of).unwrap();
            for meetings in [
                &in_order[..],
                &in_order[..5],
                &in_order[..4],
                &reversed,
                &shuffled,
                &only_thematic,
                &[],
            ] {
                let order =
                    check_meetings(meetings, None, &span, 2024, &mut Scratch::new()).unwrap();
                // What the general path gathers, and what it should be.
                let gathered = order.gather_held(meetings);
                let expected = meetings
                    .iter()
                    .filter(|m| m.is_regular() && m.date <= span.end)
                    .fold(0u16, |held, m| held | month_bit(month_of(m.date)));
                assert_eq!(gathered, expected, "{as_of:?} {meetings:?}");
                assert_eq!(order.held(meetings), expected, "{as_of:?} {meetings:?}");
                let all_within = meetings.iter().all(|m| m.date <= span.end);
                assert_eq!(order.held.is_some(), all_within, "{as_of:?} {meetings:?}");
            }
        }
    }

    #[test]
    fn a_second_regular_meeting_names_the_first_of_its_month() {
        let regular = |date: &str| -> Meeting {
            serde_json::from_str(&format!(r#"{{"date":"{date}","kind":"regular"}}"#)).unwrap()
        };
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
        let err = check_meetings(&meetings, None, &span, 2024, &mut Scratch::new()).unwrap_err();
        let Error::SecondRegularMeeting { path, month, first } = err else {
            panic!("{err:?}");
        };
        assert_eq!(
            (path.as_str(), month, first.as_str()),
            ("meetings[6]", 2, "meetings[3]")
        );
    }

    #[test]
    fn per_member_values_beyond_the_inline_ones_go_to_the_heap() {
        for len in [0, 1, INLINE_MEMBERS, INLINE_MEMBERS + 1, 1000] {
            let mut values: PerMember<u32> = PerMember::new(len);
            for pos in 0..len {
                let v = values.get_mut(pos as u32).unwrap();
                assert_eq!(*v, 0);
                *v = pos as u32 + 1;
            }
            for pos in 0..len {
                assert_eq!(values.get_mut(pos as u32).copied(), Some(pos as u32 + 1));
            }
            assert!(values.get_mut(len as u32).is_none());
        }
    }

    /// `check_votes` tells `1 <= base <= base_bound` with one wrapping
    /// comparison: the same as the two comparisons, for every base near the
    /// edges and every bound (a roster's officials, or `u32::MAX` without
    /// one), and a base of 0 is a `zero_base` error.
    #[test]
    fn a_votes_base_is_at_least_one_and_at_most_its_bound() {
        let mut m = meeting("2024-01-10");
        m.kind = crate::meeting::MeetingKind::Regular;
        let edges = [0, 1, 2, 23, 24, 25, u32::MAX - 1, u32::MAX];
        for bound in edges {
            for base in edges {
                let v = Votes {
                    base,
                    political_task: None,
                    meeting_quality: None,
                    unity_discipline: None,
                    members: None,
                };
                let official = (bound != u32::MAX).then_some(bound);
                let result = check_votes(0, &m, &v, bound, official, None);
                assert_eq!(
                    result.is_ok(),
                    (1..=bound).contains(&base),
                    "base {base}, bound {bound}"
                );
                if base == 0 {
                    let e = result.unwrap_err();
                    assert_eq!(
                        (e.kind(), e.path()),
                        ("zero_base", "meetings[0].votes.base")
                    );
                }
            }
        }
    }

    #[test]
    fn a_rate_reads_as_a_non_zero_base_and_a_count_within_it() {
        let values = [0, 1, 2, 9, 10, u64::MAX - 1, u64::MAX];
        for of in values {
            for count in values {
                let rate = Rate::Counts { count, of };
                assert_eq!(
                    rate_reads(Some(&rate)),
                    of != 0 && count <= of,
                    "{count} of {of}"
                );
            }
        }
    }

    #[test]
    fn the_first_rate_that_does_not_read_is_named() {
        // Each education rate and party rate, alone or with a later one
        // wrong too: validation names the first, as checking them one by one
        // in order does.
        use rust_decimal::Decimal;
        let plan = Plan::binh_tan_2024();
        let base = crate::testing::example_records()[0].clone();
        let wrong = [
            Rate::Counts { count: 0, of: 0 },
            Rate::Counts { count: 3, of: 2 },
            Rate::Figure(Decimal::new(10001, 2)),
            Rate::Figure(Decimal::new(-1, 0)),
        ];
        fn fields(r: &mut CellYear) -> Vec<(&mut Option<Rate>, &'static str)> {
            let e = r.education.as_mut().unwrap();
            let p = r.party.as_mut().unwrap();
            vec![
                (&mut e.dropout, "education.dropout"),
                (&mut e.repetition, "education.repetition"),
                (&mut e.promotion, "education.promotion"),
                (&mut e.graduation, "education.graduation"),
                (&mut e.efficiency, "education.efficiency"),
                (&mut e.public_grade10, "education.public_grade10"),
                (&mut e.swimming, "education.swimming"),
                (&mut p.study, "party.study"),
                (&mut p.inspection, "party.inspection"),
            ]
        }
        let n = fields(&mut base.clone()).len();
        for first in 0..n {
            for later in (first..n).map(Some).chain([None]) {
                for (k, w) in wrong.iter().enumerate() {
                    let mut r = base.clone();
                    let mut f = fields(&mut r);
                    let path = f.get(first).unwrap().1;
                    *f.get_mut(first).unwrap().0 = Some(*w);
                    if let Some(later) = later.filter(|&l| l > first) {
                        let other = wrong.get((k + 1) % wrong.len()).unwrap();
                        *f.get_mut(later).unwrap().0 = Some(*other);
                    }
                    drop(f);
                    let expected = rate_error(Some(w), path).unwrap_err();
                    let got = validate(&plan, &r, &mut Scratch::new()).err();
                    assert_eq!(got.as_ref(), Some(&expected), "{path} {w:?} {later:?}");
                }
            }
        }
    }
}
