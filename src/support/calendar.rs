//! The span of the year a record covers (RULES §10): from January, or from
//! the founding of a cell founded during the year, through the as-of date.

use chrono::{Datelike, NaiveDate};

/// The part of the year that is assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// The first day assessed: 1 January, or the founding date.
    pub start: NaiveDate,
    /// The last day assessed: the as-of date, or 31 December.
    pub end: NaiveDate,
    /// 31 December of the year.
    pub year_end: NaiveDate,
}

impl Span {
    /// The span of `year` from `founded` (if in the year) through `as_of`
    /// (clamped to the year's end). `None` for a year chrono cannot name.
    pub(crate) fn new(
        year: i32,
        founded: Option<NaiveDate>,
        as_of: Option<NaiveDate>,
    ) -> Option<Span> {
        // 1 January, then 31 December as the year's last ordinal day: one
        // call into chrono rather than two dates built from month and day.
        let first = NaiveDate::from_yo_opt(year, 1)?;
        let year_end = first.with_ordinal(if first.leap_year() { 366 } else { 365 })?;
        let start = founded.filter(|f| *f > first).unwrap_or(first);
        let end = as_of.map_or(year_end, |a| a.min(year_end));
        Some(Span {
            start,
            end,
            year_end,
        })
    }

    /// Whether the whole year has been assessed.
    pub(crate) fn year_over(&self) -> bool {
        self.end >= self.year_end
    }

    /// The first month required, 1–12.
    pub(crate) fn first_month(&self) -> u8 {
        month_of(self.start)
    }

    /// The last month required, 1–12: the as-of date's month.
    pub(crate) fn last_month(&self) -> u8 {
        month_of(self.end)
    }

    /// Whether month `m` has ended by the as-of date.
    pub(crate) fn month_over(&self, m: u8) -> bool {
        let last = self.last_month();
        self.year_over() || m < last || (m == last && is_last_day_of_month(self.end))
    }

    /// Whether quarter `q` (1–4) has ended by the as-of date.
    pub(crate) fn quarter_over(&self, q: u8) -> bool {
        self.month_over(q.saturating_mul(3))
    }

    /// Days of the year elapsed through the as-of date, and days in the year.
    pub(crate) fn elapsed_days(&self) -> (u32, u32) {
        (self.end.ordinal(), self.year_end.ordinal())
    }
}

/// The month of a date as 1–12.
pub(crate) fn month_of(d: NaiveDate) -> u8 {
    u8::try_from(d.month()).unwrap_or(12)
}

/// The quarter (1–4) of a month (1–12).
pub(crate) const fn quarter_of(month: u8) -> u8 {
    (month.saturating_sub(1)) / 3 + 1
}

fn is_last_day_of_month(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|next| next.month() != d.month())
}

/// Month `m` (1–12) as a bit of a month set: bit `m` of a `u16` (none for
/// `m` of 16 or more).
pub(crate) fn month_bit(m: u8) -> u16 {
    1u16.checked_shl(u32::from(m)).unwrap_or(0)
}

/// Months `first..=last` (1–12) as a month set (see [`month_bit`]); none
/// when `first > last`.
pub(crate) fn month_bits(first: u8, last: u8) -> u16 {
    // Bits below `m`, for `m` up to 16.
    let below = |m: u8| 1u32.checked_shl(u32::from(m)).map_or(u32::MAX, |b| b - 1);
    let bits = below(last.saturating_add(1)) & !below(first);
    u16::try_from(bits & 0xffff).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_required_run_from_founding_through_as_of() {
        let s = Span::new(2024, Some(date(2024, 3, 15)), Some(date(2024, 6, 30))).unwrap();
        assert_eq!((s.first_month(), s.last_month()), (3, 6));
        assert!(s.month_over(6));
        assert!(!s.year_over());
        let s = Span::new(2024, Some(date(2019, 3, 15)), None).unwrap();
        assert_eq!((s.first_month(), s.last_month()), (1, 12));
        assert!(s.year_over());
    }

    #[test]
    fn the_as_of_month_is_over_only_on_its_last_day() {
        let s = Span::new(2024, None, Some(date(2024, 6, 15))).unwrap();
        assert!(s.month_over(5));
        assert!(!s.month_over(6));
        assert!(s.quarter_over(1));
        assert!(!s.quarter_over(2));
        let s = Span::new(2024, None, Some(date(2024, 2, 29))).unwrap();
        assert!(s.month_over(2));
        assert!(!s.quarter_over(1));
    }

    #[test]
    fn a_year_runs_from_1_january_to_31_december() {
        for year in [
            1900, 1999, 2000, 2023, 2024, 2100, 2400, -4, 262_142, -262_143,
        ] {
            let s = Span::new(year, None, None).unwrap();
            assert_eq!(s.start, date(year, 1, 1), "{year}");
            assert_eq!(s.year_end, date(year, 12, 31), "{year}");
            assert_eq!(s.end, s.year_end, "{year}");
        }
        assert!(Span::new(i32::MAX, None, None).is_none());
        assert!(Span::new(i32::MIN, None, None).is_none());
    }

    #[test]
    fn quarters_of_months() {
        assert_eq!([1, 3, 4, 6, 7, 12].map(quarter_of), [1, 1, 2, 2, 3, 4]);
    }

    #[test]
    fn month_bits_are_the_months_in_the_range() {
        for first in 0..=16u8 {
            for last in 0..=16u8 {
                let expected = (first..=last)
                    .filter(|&m| m < 16)
                    .fold(0u16, |acc, m| acc | (1 << m));
                assert_eq!(month_bits(first, last), expected, "{first}..={last}");
            }
        }
        assert_eq!(month_bits(1, 12), 0b1_1111_1111_1110);
        assert_eq!(month_bits(u8::MAX, u8::MAX), 0);
        for m in 0..=u8::MAX {
            assert_eq!(month_bit(m), month_bits(m, m), "{m}");
        }
    }
}
