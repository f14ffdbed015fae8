//! The grassroots committee's roll-up (clause 2.3.1; plan, section 3:
//! "Tổng hợp, báo cáo đảng ủy cơ sở"): many cell-years gathered one
//! assessment at a time, in memory that does not grow with the
//! assessments' size.
//!
//! A [`Rollup`] keeps counts by verdict, per check how many cells fail it
//! and how many do not know it, per criterion how many cells fail it, and
//! for each cell a compact [`Outcome`] (its line, name, year, verdict, and
//! the checks it failed or did not know as a [`CheckSet`]); bad records are
//! kept as [`LineError`]s with their place. Two roll-ups [`merge`] into
//! one, in any order and grouping, so a batch can be split over threads or
//! workers and gathered again.
//!
//! [`merge`]: Rollup::merge

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Verdict};
use crate::error::{Error, ErrorKind};
use crate::model::ids::{CheckId, CriterionId};
use crate::rules::process::Severity;
use crate::rules::status::Status;

/// A set of check ids, one bit each: what one cell failed, or did not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct CheckSet(u64);

// Every check id has a bit.
const _: () = assert!(CheckId::ALL.len() <= 64);

impl CheckSet {
    /// The empty set.
    pub const EMPTY: CheckSet = CheckSet(0);

    /// Adds a check id.
    pub fn insert(&mut self, id: CheckId) {
        self.0 |= 1 << id as u32;
    }

    /// Whether the set holds `id`.
    pub const fn contains(self, id: CheckId) -> bool {
        self.0 & (1 << id as u32) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The ids in the set, in the order of [`CheckId::ALL`].
    pub fn iter(self) -> impl Iterator<Item = CheckId> {
        CheckId::ALL
            .iter()
            .copied()
            .filter(move |&id| self.contains(id))
    }
}

/// One cell-year of the batch, compact: what the committee's summary needs
/// of its assessment, not the assessment itself.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Outcome {
    /// The record's place in the batch (a line of NDJSON, from 1).
    pub line: u64,
    /// The cell's name, when the record gives it.
    pub cell: Option<Box<str>>,
    /// The year assessed.
    pub year: i32,
    /// The verdict.
    pub verdict: Verdict,
    /// The checks that failed.
    pub failed: CheckSet,
    /// The checks that were unknown.
    pub unknown: CheckSet,
    /// Whether a process finding of severity `error` failed: the
    /// recognition is procedurally invalid (RULES §8).
    pub recognition_invalid: bool,
}

/// A record of the batch that could not be read or assessed, with its
/// place: reported, never skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LineError {
    /// The record's place in the batch (a line of NDJSON, from 1).
    pub line: u64,
    /// The kind of error.
    pub kind: ErrorKind,
    /// The field's path within the record.
    pub path: String,
    /// The message, for people.
    pub message: String,
}

/// How many cells fail one check, and how many do not know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheckCount {
    /// The check.
    pub id: CheckId,
    /// Cells whose assessment has it failing.
    pub fail: u64,
    /// Cells whose assessment has it unknown.
    pub unknown: u64,
}

/// Many cell-years' assessments, gathered (see the [module](self)).
///
/// ```
/// use bontot::rollup::Rollup;
/// use bontot::{Plan, Verdict, assess};
///
/// let record = bontot::json::parse_record(include_str!("../examples/cell-year-2024.json"))?;
/// let assessment = assess(&Plan::binh_tan_2024(), &record)?;
///
/// let mut first = Rollup::new();
/// first.add(1, record.cell.name.as_deref(), &assessment);
/// let mut second = Rollup::new();
/// second.add(2, None, &assessment);
/// let err = bontot::json::parse_record("{").unwrap_err();
/// second.add_error(3, &err);
///
/// first.merge(second);
/// assert_eq!(first.cells(), 2);
/// assert_eq!(first.verdicts(Verdict::Achieved), 2);
/// assert_eq!(first.errors().len(), 1);
/// # Ok::<(), bontot::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollup {
    /// Per verdict, in the order of [`Verdict::ALL`].
    verdicts: [u64; 3],
    /// Per check, in the order of [`CheckId::ALL`]: failing, unknown.
    checks: [(u64, u64); CheckId::ALL.len()],
    /// Per criterion, in the order of [`CriterionId::CRITERIA`]: failing.
    criteria: [u64; 4],
    /// Every cell, by line.
    outcomes: Vec<Outcome>,
    /// Every bad record, by line.
    errors: Vec<LineError>,
}

impl Default for Rollup {
    fn default() -> Self {
        Rollup::new()
    }
}

impl Rollup {
    /// An empty roll-up.
    pub const fn new() -> Self {
        Rollup {
            verdicts: [0; 3],
            checks: [(0, 0); CheckId::ALL.len()],
            criteria: [0; 4],
            outcomes: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Adds the assessment of the record at `line`, of the cell named
    /// `cell`.
    pub fn add(&mut self, line: u64, cell: Option<&str>, assessment: &Assessment) {
        let (mut failed, mut unknown) = (CheckSet::EMPTY, CheckSet::EMPTY);
        for check in &assessment.checks {
            match check.status {
                Status::Fail => failed.insert(check.id),
                Status::Unknown => unknown.insert(check.id),
                Status::Pass => {}
            }
        }
        for (slot, id) in self.checks.iter_mut().zip(CheckId::ALL) {
            slot.0 += u64::from(failed.contains(*id));
            slot.1 += u64::from(unknown.contains(*id));
        }
        for (slot, criterion) in self.criteria.iter_mut().zip(CriterionId::CRITERIA) {
            let status = assessment.criteria.get(criterion).map(|c| c.status);
            *slot += u64::from(status == Some(Status::Fail));
        }
        if let Some(slot) = self.verdicts.get_mut(verdict_index(assessment.verdict)) {
            *slot += 1;
        }
        let recognition_invalid = assessment
            .process
            .iter()
            .any(|f| f.status == Status::Fail && f.severity == Severity::Error);
        let outcome = Outcome {
            line,
            cell: cell.map(Box::from),
            year: assessment.year,
            verdict: assessment.verdict,
            failed,
            unknown,
            recognition_invalid,
        };
        insert_by_line(&mut self.outcomes, outcome, |o| o.line);
    }

    /// Adds a record at `line` that could not be read or assessed.
    pub fn add_error(&mut self, line: u64, error: &Error) {
        let entry = LineError {
            line,
            kind: error.kind(),
            path: error.path().to_owned(),
            message: error.to_string(),
        };
        insert_by_line(&mut self.errors, entry, |e| e.line);
    }

    /// Gathers `other` into this roll-up. Merging is associative and
    /// commutative: split a batch anywhere, roll up the parts, merge them
    /// in any order, and the result is the roll-up of the whole.
    pub fn merge(&mut self, other: Rollup) {
        for (a, b) in self.verdicts.iter_mut().zip(other.verdicts) {
            *a += b;
        }
        for (a, b) in self.checks.iter_mut().zip(other.checks) {
            a.0 += b.0;
            a.1 += b.1;
        }
        for (a, b) in self.criteria.iter_mut().zip(other.criteria) {
            *a += b;
        }
        self.outcomes.extend(other.outcomes);
        self.outcomes.sort_by_key(|o| o.line);
        self.errors.extend(other.errors);
        self.errors.sort_by_key(|e| e.line);
    }

    /// The records assessed (bad records not counted).
    pub fn cells(&self) -> u64 {
        self.verdicts.iter().sum()
    }

    /// How many cells have this verdict.
    pub fn verdicts(&self, verdict: Verdict) -> u64 {
        self.verdicts
            .get(verdict_index(verdict))
            .copied()
            .unwrap_or(0)
    }

    /// Per check id, in the order of [`CheckId::ALL`]: how many cells fail
    /// it and how many do not know it, as their assessments say.
    pub fn checks(&self) -> impl Iterator<Item = CheckCount> + '_ {
        CheckId::ALL
            .iter()
            .zip(self.checks)
            .map(|(&id, (fail, unknown))| CheckCount { id, fail, unknown })
    }

    /// How many cells fail this criterion (`None` for
    /// [`CriterionId::Verdict`], not a criterion).
    pub fn criterion_fails(&self, criterion: CriterionId) -> Option<u64> {
        let i = CriterionId::CRITERIA.iter().position(|&c| c == criterion)?;
        self.criteria.get(i).copied()
    }

    /// Every cell, in the order of their lines.
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// Every bad record, in the order of their lines.
    pub fn errors(&self) -> &[LineError] {
        &self.errors
    }

    /// The shortfalls that fail most, across cells, most first (ties in the
    /// order of [`CheckId::ALL`]): each check with the cells that fail it,
    /// except that one shortfall the plan counts twice is counted once.
    /// The admission target fails both `party.admissions` (C1) and
    /// `members.member_development` (C4); here it is `party.admissions`,
    /// counted once for a cell that fails either. The per-check counts of
    /// [`Rollup::checks`] stay as the assessments say.
    pub fn most_failed(&self) -> Vec<(CheckId, u64)> {
        // One pass over the cells, the admission shortfall folded into one.
        let mut cells = [0u64; CheckId::ALL.len()];
        for o in &self.outcomes {
            let mut failed = o.failed;
            if failed.contains(CheckId::MemberDevelopment) {
                failed.insert(CheckId::PartyAdmissions);
            }
            for (n, id) in cells.iter_mut().zip(CheckId::ALL) {
                *n += u64::from(*id != CheckId::MemberDevelopment && failed.contains(*id));
            }
        }
        let mut counts: Vec<(CheckId, u64)> = CheckId::ALL
            .iter()
            .copied()
            .zip(cells)
            .filter(|&(_, n)| n > 0)
            .collect();
        counts.sort_by_key(|&(_, n)| core::cmp::Reverse(n));
        counts
    }
}

/// A verdict's position in [`Verdict::ALL`].
fn verdict_index(verdict: Verdict) -> usize {
    Verdict::ALL
        .iter()
        .position(|&v| v == verdict)
        .unwrap_or(usize::MAX)
}

/// Inserts `item` into `list`, kept in the order of `line`.
fn insert_by_line<T>(list: &mut Vec<T>, item: T, line: impl Fn(&T) -> u64) {
    let at = list.partition_point(|x| line(x) <= line(&item));
    list.insert(at, item);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_set_holds_each_id_on_its_own_bit() {
        let mut set = CheckSet::EMPTY;
        assert!(set.is_empty());
        for &id in CheckId::ALL {
            assert!(!set.contains(id));
            set.insert(id);
            assert!(set.contains(id));
        }
        assert_eq!(set.iter().count(), CheckId::ALL.len());
    }
}
