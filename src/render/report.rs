//! The layout of a report: its sections, lines and the monthly table,
//! written from the assessment's data with the words of one language.

use chrono::Datelike;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::assessment::Assessment;
use crate::model::ids::{CheckId, Clause, CriterionId};
use crate::model::path::FactPath;
use crate::model::rate::Comparator;
use crate::render::words::{Text, Words, with_unit};
use crate::rules::check::{Check, Detail, MeetingFinding, Projection, Quantity};
use crate::rules::gap::Gap;
use crate::rules::monthly::{ContentResult, Decision, Month, MonthState};
use crate::rules::process::{Compared, Finding, Severity};
use crate::rules::status::Status;

/// Writes the whole report of `assessment` in the words `w`.
pub(super) fn write(w: &dyn Words, assessment: &Assessment) -> String {
    let mut out = Out::default();
    header(&mut out, w, assessment);
    for criterion in CriterionId::CRITERIA {
        out.blank();
        let status = assessment
            .criteria
            .get(criterion)
            .map_or(Status::Unknown, |c| c.status);
        criterion_section(&mut out, w, assessment, criterion, status);
    }
    out.blank();
    // `Criteria` holds only the four criteria: the verdict's own checks are
    // combined here, by the same Kleene conjunction.
    let own = Status::all(assessment.checks_of(CriterionId::Verdict).map(|c| c.status));
    criterion_section(&mut out, w, assessment, CriterionId::Verdict, own);
    missing_section(&mut out, w, assessment);
    out.blank();
    months_section(&mut out, w, assessment);
    out.blank();
    process_section(&mut out, w, &assessment.process);
    out.0
}

/// The report being written, line by line.
#[derive(Default)]
struct Out(String);

impl Out {
    /// One line, indented by `indent` steps of two spaces, without trailing
    /// blanks.
    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.0.push_str("  ");
        }
        self.0.push_str(text.trim_end());
        self.0.push('\n');
    }

    /// An empty line.
    fn blank(&mut self) {
        self.0.push('\n');
    }
}

// ---------------------------------------------------------------------------
// Numbers and values.

/// Digits grouped by three from the right with `sep`, if any.
fn group(digits: &str, sep: Option<char>) -> String {
    let Some(sep) = sep else {
        return digits.to_owned();
    };
    let len = digits.chars().count();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An integer in the language's convention (`1.512` in Vietnamese).
fn integer(w: &dyn Words, n: u128) -> String {
    group(&n.to_string(), w.thousands())
}

/// A count, in the language's convention.
fn count(w: &dyn Words, n: u64) -> String {
    integer(w, u128::from(n))
}

/// A decimal in the language's convention (`0,60` in Vietnamese), with the
/// digits it has.
fn decimal(w: &dyn Words, d: Decimal) -> String {
    let text = d.to_string();
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::from(sign);
    out.push_str(&group(int, w.thousands()));
    if let Some(f) = frac {
        out.push(w.decimal_mark());
        out.push_str(f);
    }
    out
}

/// `count` of `of` in percent, rounded half-up (away from zero) to two
/// decimals and printed with both; `None` for a zero base.
fn percent_of(count: u64, of: u64) -> Option<Decimal> {
    let exact = Decimal::from(count)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(of))?;
    let mut p = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(2);
    Some(p)
}

/// A rate given as counts: `0,60% (9/1.512)`.
fn counts(w: &dyn Words, n: u64, of: u64) -> String {
    let fraction = format!("{}/{}", count(w, n), count(w, of));
    match percent_of(n, of) {
        Some(p) => format!("{}% ({fraction})", decimal(w, p)),
        None => format!("({fraction})"),
    }
}

/// What the record gave, in words.
fn actual(w: &dyn Words, id: CheckId, q: Quantity) -> String {
    match q {
        Quantity::Count(n) => with_unit(&count(w, n), w.unit(id, n == 1)),
        other => target_value(w, other),
    }
}

/// What the plan asks, without a unit.
fn target_value(w: &dyn Words, q: Quantity) -> String {
    match q {
        Quantity::Counts { count: n, of } => counts(w, n, of),
        Quantity::Figure(d) => format!("{}%", decimal(w, d)),
        Quantity::Count(n) => count(w, n),
        Quantity::Rating(r) => w.year_rating(r).to_owned(),
        Quantity::Judgment(b) => w.text(if b { Text::Yes } else { Text::No }).to_owned(),
    }
}

/// A list of small numbers: `3, 7`.
fn numbers(items: &[u8]) -> String {
    items
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------
// Header and criteria.

fn header(out: &mut Out, w: &dyn Words, a: &Assessment) {
    out.line(0, w.text(Text::Title));
    out.line(0, &format!("{}: {}", w.text(Text::Plan), a.plan));
    out.line(0, &format!("{}: {}", w.text(Text::Year), a.year));
    let mut as_of = format!("{}: {}", w.text(Text::AsOf), w.date(a.as_of));
    if !a.year_over {
        as_of.push_str(" (");
        as_of.push_str(w.text(Text::YearNotOver));
        as_of.push(')');
    }
    out.line(0, &as_of);
    out.line(
        0,
        &format!("{}: {}", w.text(Text::Verdict), w.verdict(a.verdict)),
    );
}

/// The mark of a status: ✓ pass, ✗ fail, ? unknown.
const fn mark(s: Status) -> &'static str {
    match s {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::Unknown => "?",
    }
}

fn criterion_section(
    out: &mut Out,
    w: &dyn Words,
    a: &Assessment,
    criterion: CriterionId,
    status: Status,
) {
    let clause: Clause = criterion.clause();
    out.line(
        0,
        &format!(
            "{}. {} — {}",
            clause,
            w.criterion(criterion),
            w.status(status)
        ),
    );
    for check in a.checks_of(criterion) {
        check_lines(out, w, check);
    }
}

fn check_lines(out: &mut Out, w: &dyn Words, c: &Check) {
    out.line(1, &check_line(w, c));
    if let Some(gap) = c.gap {
        out.line(3, &format!("→ {}", gap_text(w, c, gap)));
    }
    if let Some(detail) = &c.detail {
        detail_lines(out, w, detail);
    }
    if let Some(p) = &c.projection {
        // An open target: the figure was given, the year is not over.
        out.line(3, &projection_text(w, c.id, p));
    } else if !c.missing.is_empty() {
        // An unknown check, or a failed one that also misses facts.
        out.line(
            3,
            &format!("{}: {}", w.text(Text::Needs), paths(&c.missing)),
        );
    }
}

/// A check's own line: its mark (✓ pass, ✗ fail, ? unknown), its label,
/// and the actual value against the target.
pub(super) fn check_line(w: &dyn Words, c: &Check) -> String {
    format!(
        "{} {}: {}",
        mark(c.status),
        w.check(c.id),
        check_values(w, c)
    )
}

/// A failed check's gap in words, in the unit the cell controls.
pub(super) fn check_gap(w: &dyn Words, c: &Check) -> Option<String> {
    c.gap.map(|gap| gap_text(w, c, gap))
}

/// The actual value against the target, with the comparator in words.
fn check_values(w: &dyn Words, c: &Check) -> String {
    let given = c
        .actual
        .map_or_else(|| w.text(Text::NotGiven).to_owned(), |q| actual(w, c.id, q));
    let Some(target) = c.target else { return given };
    match (c.comparator, c.actual) {
        (Some(cmp), _) => {
            let words = w.comparator(cmp, &target_value(w, target));
            format!("{given}; {}: {words}", w.text(Text::Target))
        }
        // A judgment that holds says no more; one that does not, or is not
        // given, names what is required.
        (None, Some(q)) if q == target => given,
        (None, _) => format!(
            "{given}; {}: {}",
            w.text(Text::Required),
            target_value(w, target)
        ),
    }
}

fn paths(items: &[FactPath]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------
// Gaps, details, projections.

/// A failure's gap in plain words, in the cell's own units.
fn gap_text(w: &dyn Words, c: &Check, gap: Gap) -> String {
    match gap {
        Gap::Count { needed, change } => count_gap_text(w, c, needed, change),
        Gap::Points {
            points: change,
            strict,
        } => {
            let up = if change.is_zero() {
                c.comparator.is_some_and(Comparator::wants_more)
            } else {
                change.is_sign_positive()
            };
            if change.is_zero() && strict {
                w.gap_any(up)
            } else {
                w.gap_points(&decimal(w, change.abs().normalize()), up, strict)
            }
        }
        Gap::Rating(r) => w.gap_rating(w.year_rating(r)),
        // The heads named in the detail must commit and fulfil; nothing is
        // for the cell to vote on.
        Gap::Judgment if c.id == CheckId::PartyExemplaryCommitment => {
            w.text(Text::GapHeads).to_owned()
        }
        Gap::Judgment => w.text(Text::GapJudgment).to_owned(),
        Gap::Unreachable => w.text(Text::GapUnreachable).to_owned(),
    }
}

/// A count gap: "2 more admissions", "at most 5 dropouts: 1 fewer", "down to 0".
fn count_gap_text(w: &dyn Words, c: &Check, needed: u64, change: i128) -> String {
    let by = change.unsigned_abs();
    let n = integer(w, by);
    let of_rate = matches!(c.actual, Some(Quantity::Counts { .. }));
    if change > 0 {
        if of_rate {
            w.gap_at_least(&count(w, needed), w.unit(c.id, needed == 1), &n)
        } else {
            w.gap_more(&n, w.unit(c.id, by == 1))
        }
    } else if needed == 0 {
        w.gap_to_zero(&n)
    } else {
        w.gap_at_most(&count(w, needed), w.unit(c.id, needed == 1), &n)
    }
}

fn detail_lines(out: &mut Out, w: &dyn Words, detail: &Detail) {
    match detail {
        Detail::Months(m) => out.line(
            3,
            &format!("{}: {}", w.text(Text::DetailMonths), numbers(m)),
        ),
        Detail::Quarters(q) => {
            out.line(
                3,
                &format!("{}: {}", w.text(Text::DetailQuarters), numbers(q)),
            );
        }
        Detail::Meetings(list) => {
            for f in list {
                out.line(3, &meeting_finding(w, f));
            }
        }
        Detail::Members(ids) => {
            out.line(
                3,
                &format!("{}: {}", w.text(Text::DetailMembers), ids.join(", ")),
            );
        }
        Detail::Heads(heads) => {
            let names: Vec<&str> = heads.iter().map(|h| w.head(*h)).collect();
            out.line(
                3,
                &format!("{}: {}", w.text(Text::DetailHeads), names.join(", ")),
            );
        }
    }
}

/// "Kỳ sinh hoạt thường kỳ ngày 10/10/2024: … (dv05)".
fn meeting_finding(w: &dyn Words, f: &MeetingFinding) -> String {
    let meeting = w.meeting(w.meeting_kind(f.kind), &w.date(f.date));
    let mut text = format!("{meeting}: {}", w.condition(f.condition));
    if let Some(member) = &f.member {
        text.push_str(" (");
        text.push_str(member);
        text.push(')');
    }
    text
}

fn projection_text(w: &dyn Words, id: CheckId, p: &Projection) -> String {
    w.projection(
        w.trend(p.trend),
        &count(w, p.projected),
        w.unit(id, p.projected == 1),
        &count(w, u64::from(p.elapsed_days)),
        &count(w, u64::from(p.year_days)),
    )
}

// ---------------------------------------------------------------------------
// Missing facts.

fn missing_section(out: &mut Out, w: &dyn Words, a: &Assessment) {
    if a.missing.is_empty() {
        return;
    }
    out.blank();
    out.line(0, w.text(Text::MissingSection));
    for path in &a.missing {
        out.line(1, &format!("- {path}"));
    }
}

// ---------------------------------------------------------------------------
// Months.

fn months_section(out: &mut Out, w: &dyn Words, a: &Assessment) {
    out.line(0, w.text(Text::MonthsSection));
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(a.months.len() + 1);
    let mut head: Vec<String> = vec![
        w.text(Text::ColMonth).to_owned(),
        w.text(Text::ColDate).to_owned(),
        w.text(Text::ColRating).to_owned(),
    ];
    head.extend(CriterionId::CRITERIA.iter().map(|c| c.clause().to_string()));
    head.push(w.text(Text::ColNote).to_owned());
    rows.push(head);
    for m in &a.months {
        rows.push(month_row(w, a, m));
    }
    table(out, &rows);
    out.line(0, &year_to_date(w, a));
    out.line(0, w.text(Text::MonthsLegend));
}

fn month_row(w: &dyn Words, a: &Assessment, m: &Month) -> Vec<String> {
    let date = m.meeting.map_or_else(|| "—".to_owned(), |d| w.date(d));
    let rating = m
        .rating
        .map_or_else(|| "—".to_owned(), |r| w.meeting_rating(r).to_owned());
    let mut row = vec![m.month.to_string(), date, rating];
    row.extend(
        CriterionId::CRITERIA
            .iter()
            .map(|c| content_cell(m.contents.get(*c))),
    );
    let note = match m.state {
        MonthState::Voted => "",
        MonthState::NoVotes => w.text(Text::NoVotes),
        MonthState::NoMeeting if month_open(a, m.month) => w.text(Text::NotYetHeld),
        MonthState::NoMeeting => w.text(Text::NoMeeting),
        MonthState::BeforeFounding => w.text(Text::BeforeFounding),
        MonthState::NotGiven => w.text(Text::MeetingsNotGiven),
    };
    row.push(note.to_owned());
    row
}

/// Whether `month` is the as-of month and not over yet.
fn month_open(a: &Assessment, month: u8) -> bool {
    let last_day = a
        .as_of
        .succ_opt()
        .is_none_or(|next| next.month() != a.as_of.month());
    !a.year_over && !last_day && u32::from(month) == a.as_of.month()
}

/// "✓ 23/24", "✗ 12/24", or "–" when the content was not voted.
fn content_cell(result: Option<ContentResult>) -> String {
    match result {
        Some(r) => {
            let m = match r.decision {
                Decision::Achieved => "✓",
                Decision::NotAchieved => "✗",
            };
            format!("{m} {}/{}", r.for_, r.base)
        }
        None => "–".to_owned(),
    }
}

/// The year so far (RULES §7): per content, months achieved of months held
/// (a month held without a vote on the content counts as held, not
/// achieved).
fn year_to_date(w: &dyn Words, a: &Assessment) -> String {
    if a.months.iter().any(|m| m.state == MonthState::NotGiven) {
        return w.text(Text::YearToDateNotGiven).to_owned();
    }
    let y = &a.year_to_date;
    let per: Vec<String> = CriterionId::CRITERIA
        .iter()
        .filter_map(|c| {
            let t = y.get(*c)?;
            Some(format!("{} {}/{}", c.clause(), t.achieved, y.held))
        })
        .collect();
    w.year_to_date(
        &y.held.to_string(),
        &y.required.to_string(),
        &per.join(", "),
    )
}

/// A table with columns padded to their widest cell, and a rule under the head.
fn table(out: &mut Out, rows: &[Vec<String>]) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(s, width)| pad(s, *width))
            .collect();
        out.line(0, &cells.join(" | "));
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
            out.line(0, &rule.join("-+-"));
        }
    }
}

/// `s` padded with spaces to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_owned();
    for _ in s.chars().count()..width {
        out.push(' ');
    }
    out
}

// ---------------------------------------------------------------------------
// Process findings.

fn process_section(out: &mut Out, w: &dyn Words, findings: &[Finding]) {
    out.line(0, w.text(Text::ProcessSection));
    for f in findings {
        let mut line = format!("{} {} ({})", mark(f.status), w.finding(f.id), f.clause);
        if f.status == Status::Fail {
            line.push_str(" — ");
            line.push_str(w.severity(f.severity));
        }
        let compared = compared(w, &f.dates);
        if !compared.is_empty() {
            line.push_str(": ");
            line.push_str(&compared);
        }
        out.line(1, &line);
        if f.status == Status::Unknown && !f.missing.is_empty() {
            out.line(
                3,
                &format!("{}: {}", w.text(Text::Needs), paths(&f.missing)),
            );
        }
    }
    let invalid = findings
        .iter()
        .any(|f| f.status == Status::Fail && f.severity == Severity::Error);
    if invalid {
        out.line(0, w.text(Text::ProcedurallyInvalid));
    }
}

/// The dates (and body) a finding compared, in a fixed order.
fn compared(w: &dyn Words, c: &Compared) -> String {
    let dates = [
        (Text::AdoptedOn, c.plan_adopted),
        (Text::DeadlineOn, c.deadline),
        (Text::ProposedOn, c.proposed),
        (Text::RecognizedOn, c.recognized),
    ];
    let mut parts: Vec<String> = dates
        .iter()
        .filter_map(|(t, d)| d.map(|d| format!("{} {}", w.text(*t), w.date(d))))
        .collect();
    if let Some(by) = c.by {
        parts.push(w.recognized_by(w.body(by)));
    }
    if let Some(d) = c.commendation_review {
        parts.push(format!("{} {}", w.text(Text::ReviewOn), w.date(d)));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::render::{en, vi};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn percent_rounds_half_up_to_two_decimals() {
        // 9/1512 = 0.5952…% → 0.60; 1/8 = 12.5% → 12.50; 1/800 = 0.125% → 0.13.
        assert_eq!(percent_of(9, 1512), Some(d("0.60")));
        assert_eq!(percent_of(1, 8), Some(d("12.50")));
        assert_eq!(
            percent_of(1, 800).map(|p| p.to_string()),
            Some("0.13".to_owned())
        );
        assert_eq!(
            percent_of(368, 368).map(|p| p.to_string()),
            Some("100.00".to_owned())
        );
        assert_eq!(percent_of(1, 0), None);
        assert!(percent_of(u64::MAX, u64::MAX).is_some());
    }

    #[test]
    fn vietnamese_numbers_use_a_decimal_comma_and_dot_thousands() {
        let vi: &dyn Words = &vi::Vi;
        let en: &dyn Words = &en::En;
        assert_eq!(count(vi, 1512), "1.512");
        assert_eq!(count(vi, 999), "999");
        assert_eq!(count(vi, 1_234_567), "1.234.567");
        assert_eq!(decimal(vi, d("-1234.5")), "-1.234,5");
        assert_eq!(counts(vi, 9, 1512), "0,60% (9/1.512)");
        assert_eq!(counts(en, 9, 1512), "0.60% (9/1512)");
        assert_eq!(decimal(en, d("61.25")), "61.25");
    }

    #[test]
    fn every_check_id_has_a_label_and_every_count_a_unit() {
        for w in [&vi::Vi as &dyn Words, &en::En] {
            for id in CheckId::ALL {
                assert!(!w.check(*id).is_empty(), "{id}");
            }
            for id in [
                CheckId::EduDropout,
                CheckId::PartyAdmissions,
                CheckId::MonthlyHeld,
            ] {
                assert!(
                    !w.unit(id, true).is_empty() && !w.unit(id, false).is_empty(),
                    "{id}"
                );
            }
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap_or_default();
        assert_eq!(vi::Vi.date(date), "02/05/2024");
        assert_eq!(en::En.date(date), "2024-05-02");
    }
}
