//! Benchmarks of `bontot` (issue 6), with criterion.
//!
//! ```text
//! cargo bench --bench assess                 # every group
//! cargo bench --bench assess -- json         # one group, by name
//! ```
//!
//! - `assess/reference`: [`bontot::assess`] on the parsed reference record
//!   (`examples/cell-year-2024.json`, 31 members, 16 meetings).
//! - `json/assess_json`: [`bontot::json::assess_json`] end to end on the same
//!   document: parse, assess, print.
//! - `json/value_roundtrip`: the same document parsed into a
//!   `serde_json::Value` and that value printed, nothing else: the floor
//!   under `json/assess_json` (serde_json as a user's build has it: the
//!   crate turns on only its `raw_value` feature, which changes nothing for
//!   other code).
//! - `batch/100000`, `batch/200000`: assessing a batch of generated
//!   cell-years (passing, failing and incomplete mixed), at two sizes to
//!   show that twice the batch takes twice the time.
//!
//! Timings on a shared machine are only meaningful as ratios within one
//! run; `benches/callgrind.sh` counts instructions instead.

// A benchmark's setup stops at its first surprise, like a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::Duration;

use bontot::json::{assess_json, parse_record};
use bontot::record::{MeetingKind, MeetingRating, Rate, Tally, YearRating};
use bontot::{CellYear, Plan, Verdict, assess};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

/// The reference record, as a document.
const REFERENCE: &str = include_str!("../examples/cell-year-2024.json");

/// The batch sizes of group `batch`: the second is twice the first.
const BATCHES: [usize; 2] = [100_000, 200_000];

/// SplitMix64: a small deterministic generator, enough to vary records.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
}

/// Ids of the reference roster that are official and convened (not
/// exempt): the members an added absence may name.
fn convened_ids(record: &CellYear) -> Vec<String> {
    record
        .members
        .as_ref()
        .unwrap()
        .iter()
        .filter(|m| m.status == bontot::record::MemberStatus::Official && m.is_convened())
        .map(|m| m.id.clone())
        .collect()
}

/// Marks one more member absent from meeting `k` (with or without leave),
/// keeping the record valid: the attendance still adds up, and no tally
/// exceeds the official members present.
fn add_absence(record: &mut CellYear, ids: &[String], k: usize, rng: &mut Rng, with_leave: bool) {
    let meeting = &mut record.meetings.as_mut().unwrap()[k];
    let Some(a) = meeting.attendance.as_mut() else {
        return;
    };
    let id = &ids[rng.below(ids.len() as u64) as usize];
    if a.present == 0 || a.absent_with_leave.contains(id) || a.absent_without_leave.contains(id) {
        return;
    }
    a.present -= 1;
    if with_leave {
        a.absent_with_leave.push(id.clone());
    } else {
        a.absent_without_leave.push(id.clone());
    }
    clamp_tallies(meeting);
}

/// Lowers a meeting's tallies so that none exceeds the official members
/// present (every absentee of these records is an official of the base).
fn clamp_tallies(meeting: &mut bontot::record::Meeting) {
    let absent = meeting.attendance.as_ref().map_or(0, |a| {
        (a.absent_with_leave.len() + a.absent_without_leave.len()) as u32
    });
    let Some(v) = meeting.votes.as_mut() else {
        return;
    };
    let limit = v.base.saturating_sub(absent);
    for t in [
        &mut v.political_task,
        &mut v.meeting_quality,
        &mut v.unity_discipline,
        &mut v.members,
    ]
    .into_iter()
    .flatten()
    {
        let against = t.against.min(limit);
        *t = Tally {
            for_: t.for_.min(limit - against),
            against,
        };
    }
}

/// Cell-year number `n`: the reference record mutated deterministically.
///
/// Every record varies counts within their passing range (dropouts,
/// admissions, minutes, votes, members' ratings, absences with leave);
/// about a quarter then gets one failure (a count, a rating, a judgment,
/// an unexcused absence) and another quarter one missing fact.
fn generate(base: &CellYear, ids: &[String], n: u64) -> CellYear {
    let mut rng = Rng(n.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    let mut r = base.clone();
    let meetings = r.meetings.as_ref().map_or(0, Vec::len);

    // Within the passing range.
    let edu = r.education.as_mut().unwrap();
    edu.dropout = Some(Rate::Counts {
        count: rng.range(0, 15),
        of: 1512,
    });
    edu.promotion = Some(Rate::Counts {
        count: rng.range(1477, 1507),
        of: 1507,
    });
    r.party.as_mut().unwrap().admissions = Some(rng.range(6, 9));
    for m in r.members.as_mut().unwrap().iter_mut() {
        if m.rating.is_some() && rng.below(4) == 0 {
            m.rating = Some(if rng.below(2) == 0 {
                YearRating::Good
            } else {
                YearRating::Excellent
            });
        }
    }
    for m in r.meetings.as_mut().unwrap().iter_mut() {
        m.minutes = Some(rng.range(90, 150) as u32);
        if let Some(v) = m.votes.as_mut()
            && let Some(t) = v.members.as_mut()
        {
            t.for_ = rng.range(13, 22) as u32;
            t.against = rng.range(0, 2) as u32;
        }
        clamp_tallies(m);
    }
    for _ in 0..rng.below(3) {
        let k = rng.below(meetings as u64) as usize;
        add_absence(&mut r, ids, k, &mut rng, true);
    }

    match rng.below(4) {
        // One failure.
        0 => match rng.below(8) {
            0 => {
                r.education.as_mut().unwrap().dropout = Some(Rate::Counts {
                    count: rng.range(16, 40),
                    of: 1512,
                });
            }
            1 => r.party.as_mut().unwrap().admissions = Some(rng.range(0, 5)),
            2 => r.political_task.as_mut().unwrap().anti_degradation = Some(false),
            3 => {
                let members = r.members.as_mut().unwrap();
                let k = rng.below(members.len() as u64) as usize;
                members[k].rating = Some(YearRating::NotCompleted);
                members[k].not_reviewed = None;
                members[k].exempt = None;
            }
            4 => {
                let k = rng.below(meetings as u64) as usize;
                r.meetings.as_mut().unwrap()[k].rating = Some(MeetingRating::Fair);
            }
            5 => {
                let k = rng.below(meetings as u64) as usize;
                add_absence(&mut r, ids, k, &mut rng, false);
            }
            6 => r.year_end_rating = Some(YearRating::Completed),
            _ => {
                let k = rng.below(meetings as u64) as usize;
                r.meetings.as_mut().unwrap()[k].minutes = Some(rng.range(45, 89) as u32);
            }
        },
        // One missing fact.
        1 => match rng.below(6) {
            0 => r.education.as_mut().unwrap().swimming = None,
            1 => r.party.as_mut().unwrap().heads.as_mut().unwrap()[1].fulfilled = None,
            2 => {
                let k = rng.below(meetings as u64) as usize;
                r.meetings.as_mut().unwrap()[k].minutes = None;
            }
            3 => r.year_end_rating = None,
            4 => {
                let k = rng.below(meetings as u64) as usize;
                let m = &mut r.meetings.as_mut().unwrap()[k];
                if m.kind == MeetingKind::Regular {
                    m.votes = None;
                }
                m.committee_met = None;
            }
            _ => {
                let members = r.members.as_mut().unwrap();
                let k = rng.below(members.len() as u64) as usize;
                members[k].disciplined = None;
            }
        },
        _ => {}
    }
    r
}

/// `count` generated cell-years, each checked to assess without error.
fn batch(count: usize) -> Vec<CellYear> {
    let base = parse_record(REFERENCE).unwrap();
    let ids = convened_ids(&base);
    let plan = Plan::binh_tan_2024();
    let records: Vec<CellYear> = (0..count as u64)
        .map(|n| generate(&base, &ids, n))
        .collect();
    let mut verdicts = [0usize; 3];
    for r in &records {
        let v = assess(&plan, r)
            .expect("a generated record is valid")
            .verdict;
        verdicts[match v {
            Verdict::Achieved => 0,
            Verdict::NotAchieved => 1,
            Verdict::Incomplete => 2,
        }] += 1;
    }
    eprintln!(
        "batch of {count}: {} achieved, {} not achieved, {} incomplete",
        verdicts[0], verdicts[1], verdicts[2]
    );
    records
}

/// (a) `assess` on the parsed reference record.
fn bench_assess(c: &mut Criterion) {
    let record = parse_record(REFERENCE).unwrap();
    let plan = Plan::binh_tan_2024();
    let mut g = c.benchmark_group("assess");
    g.throughput(Throughput::Elements(1));
    g.bench_function("reference", |b| {
        b.iter(|| assess(black_box(&plan), black_box(&record)).unwrap())
    });
    g.finish();
}

/// (b) `assess_json` end to end, and (c) its floor: the same document
/// through a `serde_json::Value` and back to text.
fn bench_json(c: &mut Criterion) {
    let mut g = c.benchmark_group("json");
    g.throughput(Throughput::Bytes(REFERENCE.len() as u64));
    g.bench_function("assess_json", |b| {
        b.iter(|| assess_json(black_box(REFERENCE)).unwrap())
    });
    g.bench_function("value_roundtrip", |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_str(black_box(REFERENCE)).unwrap();
            serde_json::to_string(&value).unwrap()
        })
    });
    g.finish();
}

/// (d) a batch of generated cell-years, at two sizes.
fn bench_batch(c: &mut Criterion) {
    let plan = Plan::binh_tan_2024();
    let largest = BATCHES.iter().copied().max().unwrap_or(0);
    let records = batch(largest);
    let mut g = c.benchmark_group("batch");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for n in BATCHES {
        let records = &records[..n];
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), records, |b, records| {
            b.iter(|| {
                let mut achieved = 0usize;
                for r in records {
                    let a = assess(black_box(&plan), black_box(r)).unwrap();
                    achieved += usize::from(a.verdict == Verdict::Achieved);
                }
                achieved
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench_assess, bench_json, bench_batch
}
criterion_main!(benches);
