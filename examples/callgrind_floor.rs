//! The floor under `assess`, for `bash benches/callgrind.sh --floor`: the
//! reference record's assessment cloned N times (N from the first
//! argument, default 1) and dropped, with no rule run.
//!
//! The assessment made once before the loop is cloned: the same three
//! allocations `assess` makes, every check, month and finding written
//! (the reference record passes, so no check has a detail or a `missing`
//! list to copy). What this costs is what writing the result in its public
//! types costs (three allocations, 36 checks of 176 bytes, 12 months, 4
//! findings held inline, and their drop), whatever the rules do. (A clone
//! reads each field to copy it, so this floor is somewhat above what
//! writing alone costs: the types are `#[non_exhaustive]`, and an example
//! outside the crate can no longer build them field by field.)

use std::hint::black_box;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let record = bontot::json::parse_record(include_str!("cell-year-2024.json"))?;
    let plan = bontot::Plan::binh_tan_2024();
    let done = bontot::assess(&plan, &record)?;
    if done
        .checks
        .iter()
        .any(|c| c.detail.is_some() || !c.missing.is_empty())
    {
        return Err("the reference assessment was expected to have no detail or missing".into());
    }
    for _ in 0..n {
        // A clone makes the same three allocations (the plan's id, the
        // checks, the months) and writes every check, month and finding.
        let a = black_box(&done).clone();
        black_box(&a);
    }
    Ok(())
}
