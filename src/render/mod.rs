//! Rendering: readable reports in Vietnamese and English, built from the
//! assessment's data after evaluation.
//!
//! Evaluation builds no strings; this module is the only place prose is
//! made. The layout of a report (its sections, lines and the monthly table)
//! lives here, and the words of each language live in their own module
//! (`vi`, `en`) behind the `Words` trait: every check id, rating, status
//! and phrase is an exhaustive `match` there, so a new id fails to compile
//! until both languages name it.
//!
//! How numbers and dates are printed is documented on [`render`].

mod en;
mod report;
mod vi;
mod words;

use crate::assessment::Assessment;
use crate::rules::check::Check;
use crate::support::macros::str_enum;

str_enum! {
    /// The language of a report.
    pub enum Lang {
        /// Vietnamese, with the plan's own wording.
        Vi = "vi",
        /// English.
        En = "en",
    }
}

/// Renders an assessment as a plain-text report.
///
/// The report has, in order: a header (plan, year, as-of date, verdict);
/// each criterion with its clause and status and each of its checks (✓ pass,
/// ✗ fail, ? unknown) with the actual value against the target, the gap of a
/// failure, the items behind it and the projection of an open target; the
/// verdict's own check (the year-end rating, 2.2.2); the missing facts; the
/// month-by-month votes and the year so far; and the process findings.
///
/// The same assessment always gives the same text.
///
/// # Numbers and dates
///
/// Rounding is for display only: every check was decided before, exactly
/// (see [Exact numbers](crate#exact-numbers)). A rate given as counts prints
/// its percent rounded half-up to two decimals (computed with
/// [`Decimal`](rust_decimal::Decimal), never a float), then the counts:
/// `0.60% (9/1512)`. A rate given as a figure, and a target, print with the
/// digits they have. So 4 dropouts of 401 print as `1.00% (4/401)` and still
/// pass "below 1.0".
///
/// | | [`Lang::En`] | [`Lang::Vi`] |
/// |---|---|---|
/// | decimal mark | `0.60` | `0,60` |
/// | thousands | not grouped: `1512` | grouped with `.`: `1.512` |
/// | dates | `2024-03-11` | `11/03/2024` |
/// | counts | `0.60% (9/1512)` | `0,60% (9/1.512)` |
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let json = std::fs::read_to_string("examples/cell-year-2024.json")?;
/// let assessment = bontot::assess_record(&bontot::json::parse_record(&json)?)?;
/// let report = bontot::render(&assessment, bontot::Lang::Vi);
/// assert!(report.contains("Kết quả: Đạt"));
/// assert!(report.contains("Đạt"));
/// let report = bontot::render(&assessment, bontot::Lang::En);
/// assert!(report.contains("Verdict: Achieved"));
/// # Ok(())
/// # }
/// ```
pub fn render(assessment: &Assessment, lang: Lang) -> String {
    report::write(words(lang), assessment)
}

/// One check's line of the report, on its own: its mark (✓ pass, ✗ fail,
/// ? unknown), its label and the actual value against the target, as
/// [`render`] prints it.
///
/// ```
/// use bontot::{CheckId, Lang, assess_record};
/// use bontot::json::parse_record;
/// use bontot::record::Rate;
/// use bontot::report::{render_check, render_gap};
///
/// let mut record = parse_record(include_str!("../../examples/cell-year-2024.json"))?;
/// if let Some(education) = record.education.as_mut() {
///     education.dropout = Some(Rate::counts(6, 520));
/// }
/// let assessment = assess_record(&record)?;
/// let dropout = assessment.check(CheckId::EduDropout).expect("assessed");
/// assert!(render_check(dropout, Lang::En).starts_with("✗ "));
/// assert_eq!(render_gap(dropout, Lang::En).as_deref(), Some("at most 5 dropouts: 1 fewer"));
/// # Ok::<(), bontot::Error>(())
/// ```
pub fn render_check(check: &Check, lang: Lang) -> String {
    report::check_line(words(lang), check)
}

/// A failed check's gap in words, in the unit the cell controls ("at most
/// 5 dropouts: 1 fewer"; "tối đa 5 học sinh bỏ học: giảm 1"), as
/// [`render`] prints it; `None` for a check without a gap.
pub fn render_gap(check: &Check, lang: Lang) -> Option<String> {
    report::check_gap(words(lang), check)
}

/// The words of a language.
fn words(lang: Lang) -> &'static dyn words::Words {
    match lang {
        Lang::Vi => &vi::Vi,
        Lang::En => &en::En,
    }
}

// ---------------------------------------------------------------------------
// The words of a language.
