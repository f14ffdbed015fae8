//! What the unit tests share.

use crate::record::CellYear;

/// The four example records (achieved, failing, incomplete, assessed as of
/// June), parsed: the inputs of the tests that compare a fast path with
/// the general one.
pub(crate) fn example_records() -> [CellYear; 4] {
    [
        include_str!("../examples/cell-year-2024.json"),
        include_str!("../examples/cell-year-failing.json"),
        include_str!("../examples/cell-year-incomplete.json"),
        include_str!("../examples/cell-year-june.json"),
    ]
    .map(|json| crate::parse_record(json).unwrap())
}
