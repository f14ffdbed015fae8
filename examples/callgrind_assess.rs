//! Runs `assess` on the reference record N times (N from the first
//! argument, default 1), for counting instructions with
//! `valgrind --tool=callgrind`: the difference between two values of N,
//! divided by their difference, is the cost of one assessment with the
//! parse excluded.

use std::hint::black_box;

fn main() -> Result<(), bontot::Error> {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let record = bontot::json::parse_record(include_str!("cell-year-2024.json"))?;
    let plan = bontot::Plan::binh_tan_2024();
    for _ in 0..n {
        let a = bontot::assess(black_box(&plan), black_box(&record))?;
        black_box(&a);
    }
    Ok(())
}
