//! The words of a language: the phrases, labels and units a report is
//! written with, behind the [`Words`] trait that `vi` and `en` implement.
//! Every method is an exhaustive `match` in each language, so a new check
//! id, rating or phrase fails to compile until both languages name it.

use chrono::NaiveDate;

use crate::assessment::Verdict;
use crate::model::ids::{CheckId, CriterionId};
use crate::model::meeting::{MeetingKind, MeetingRating};
use crate::model::member::{HeadRole, YearRating};
use crate::model::rate::Comparator;
use crate::model::record::Body;
use crate::rules::check::{Condition, Trend};
use crate::rules::process::{FindingId, Severity};
use crate::rules::status::Status;

/// Fixed phrases of a report, named so that each language must give them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Text {
    /// The report's title.
    Title,
    /// "Plan:" label.
    Plan,
    /// "Year:" label.
    Year,
    /// "As of:" label.
    AsOf,
    /// Said after the as-of date when the year is not over.
    YearNotOver,
    /// "Verdict:" label.
    Verdict,
    /// Introduces a target with a comparator.
    Target,
    /// Introduces a required judgment.
    Required,
    /// A fact not given.
    NotGiven,
    /// A judgment given as `true`.
    Yes,
    /// A judgment given as `false`.
    No,
    /// Introduces the facts a check needs.
    Needs,
    /// The gap of a failed judgment.
    GapJudgment,
    /// The gap of heads who did not commit or fulfil their duty.
    GapHeads,
    /// The gap of a target no value can meet.
    GapUnreachable,
    /// Introduces the months a check names.
    DetailMonths,
    /// Introduces the quarters a check names.
    DetailQuarters,
    /// Introduces the members a check names.
    DetailMembers,
    /// Introduces the heads a check names.
    DetailHeads,
    /// The heading of the missing facts.
    MissingSection,
    /// The heading of the monthly table.
    MonthsSection,
    /// Column: the month.
    ColMonth,
    /// Column: the meeting's date.
    ColDate,
    /// Column: the meeting's rating.
    ColRating,
    /// Column: a note on the month.
    ColNote,
    /// A month without a regular meeting.
    NoMeeting,
    /// The as-of month, not over, without its meeting yet.
    NotYetHeld,
    /// A month before the cell was founded.
    BeforeFounding,
    /// A month of a record that does not give its meetings.
    MeetingsNotGiven,
    /// The year so far of a record that does not give its meetings.
    YearToDateNotGiven,
    /// A meeting held without votes.
    NoVotes,
    /// The legend of the monthly table.
    MonthsLegend,
    /// The heading of the process findings.
    ProcessSection,
    /// Compared: the plan's adoption date.
    AdoptedOn,
    /// Compared: the adoption deadline.
    DeadlineOn,
    /// Compared: the proposal date.
    ProposedOn,
    /// Compared: the recognition date.
    RecognizedOn,
    /// Compared: the commendation review's date.
    ReviewOn,
    /// A note when a finding of severity `error` failed.
    ProcedurallyInvalid,
}

/// The words of one language: the tables of `vi` and `en`.
///
/// Each method is an exhaustive `match` over the data it names, so a new
/// check id, rating or phrase fails to compile until both languages give it.
pub(super) trait Words {
    /// The date as the language writes it.
    fn date(&self, d: NaiveDate) -> String;
    /// The decimal mark.
    fn decimal_mark(&self) -> char;
    /// The thousands separator of integers, if the language groups them.
    fn thousands(&self) -> Option<char>;
    /// A fixed phrase.
    fn text(&self, t: Text) -> &'static str;
    /// The verdict.
    fn verdict(&self, v: Verdict) -> &'static str;
    /// The status of a criterion.
    fn status(&self, s: Status) -> &'static str;
    /// A criterion's title (the verdict's own checks: the year-end rating).
    fn criterion(&self, c: CriterionId) -> &'static str;
    /// A check's label.
    fn check(&self, id: CheckId) -> &'static str;
    /// What a check counts (`one`: the number is 1); empty for ratings and
    /// judgments.
    fn unit(&self, id: CheckId, one: bool) -> &'static str;
    /// A target in words: `value` after the comparator.
    fn comparator(&self, c: Comparator, value: &str) -> String;
    /// A year-end rating.
    fn year_rating(&self, r: YearRating) -> &'static str;
    /// A meeting's rating.
    fn meeting_rating(&self, r: MeetingRating) -> &'static str;
    /// A meeting's kind.
    fn meeting_kind(&self, k: MeetingKind) -> &'static str;
    /// A meeting named by kind and date.
    fn meeting(&self, kind: &str, date: &str) -> String;
    /// Why a meeting falls short.
    fn condition(&self, c: Condition) -> &'static str;
    /// A head.
    fn head(&self, h: HeadRole) -> &'static str;
    /// A recognizing body.
    fn body(&self, b: Body) -> &'static str;
    /// The body that recognized the verdict, in a phrase.
    fn recognized_by(&self, body: &str) -> String;
    /// A process finding's name.
    fn finding(&self, f: FindingId) -> &'static str;
    /// A failed finding's severity.
    fn severity(&self, s: Severity) -> &'static str;
    /// A projection's trend.
    fn trend(&self, t: Trend) -> &'static str;
    /// Gap: `n` more of a plain count.
    fn gap_more(&self, n: &str, unit: &str) -> String;
    /// Gap: a rate's count must reach at least `needed`, `n` more.
    fn gap_at_least(&self, needed: &str, unit: &str, n: &str) -> String;
    /// Gap: at most `needed`, `n` fewer.
    fn gap_at_most(&self, needed: &str, unit: &str, n: &str) -> String;
    /// Gap: a count that must come down to zero, `n` fewer.
    fn gap_to_zero(&self, n: &str) -> String;
    /// Gap: percentage points up or down, beyond the threshold when strict.
    fn gap_points(&self, points: &str, up: bool, strict: bool) -> String;
    /// Gap: up or down by any amount (a figure on a strict threshold).
    fn gap_any(&self, up: bool) -> String;
    /// Gap: the rating needed.
    fn gap_rating(&self, rating: &str) -> String;
    /// A projection of an open target.
    fn projection(
        &self,
        trend: &str,
        projected: &str,
        unit: &str,
        elapsed: &str,
        days: &str,
    ) -> String;
    /// The year so far: months with a regular meeting, and per content.
    fn year_to_date(&self, held: &str, required: &str, contents: &str) -> String;
}

/// A number followed by its unit, when there is one.
pub(super) fn with_unit(number: &str, unit: &str) -> String {
    if unit.is_empty() {
        number.to_owned()
    } else {
        format!("{number} {unit}")
    }
}
