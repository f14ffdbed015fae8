//! The floor under `assess`, for `bash benches/callgrind.sh --floor`: the
//! reference record's assessment rebuilt from its finished parts N times
//! (N from the first argument, default 1) and dropped, with no rule run.
//!
//! Every check, month and finding is copied from an assessment made once
//! before the loop, into lists allocated as `assess` allocates them: each
//! check written once in place, its fields taken from the finished one
//! (the reference record passes, so no check has a detail or a `missing`
//! list to copy). What this costs is what writing the result in its public
//! types costs (three allocations, 36 checks of 176 bytes, 12 months, 4
//! findings held inline, and their drop), whatever the rules do.

use std::hint::black_box;

use bontot::Check;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let record = bontot::parse_record(include_str!("cell-year-2024.json"))?;
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
        let parts = black_box(&done);
        let mut checks = Vec::with_capacity(48);
        checks.extend(parts.checks.iter().map(|c| Check {
            id: c.id,
            criterion: c.criterion,
            clause: c.clause,
            status: c.status,
            actual: c.actual,
            comparator: c.comparator,
            target: c.target,
            gap: c.gap,
            detail: None,
            projection: c.projection,
            missing: Vec::new(),
        }));
        let a = bontot::Assessment {
            schema_version: parts.schema_version,
            plan: parts.plan.clone(),
            year: parts.year,
            as_of: parts.as_of,
            year_over: parts.year_over,
            verdict: parts.verdict,
            criteria: parts.criteria,
            checks,
            missing: Vec::new(),
            months: parts.months.to_vec(),
            year_to_date: parts.year_to_date,
            process: parts.process.clone(),
        };
        black_box(&a);
    }
    Ok(())
}
