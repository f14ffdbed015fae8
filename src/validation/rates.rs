//! The record's rates (RULES §9): a non-zero base and a count within it, or
//! a figure within 0–100.

use crate::error::Error;
use crate::model::rate::{Rate, within_percent};
use crate::model::record::CellYear;

/// Checks every rate of the record, in the order of the wire contract;
/// the first that does not read is the error.
pub(super) fn check(record: &CellYear) -> Result<(), Error> {
    if let Some(e) = &record.education {
        let rates = [
            (&e.dropout, "education.dropout"),
            (&e.repetition, "education.repetition"),
            (&e.promotion, "education.promotion"),
            (&e.graduation, "education.graduation"),
            (&e.efficiency, "education.efficiency"),
            (&e.public_grade10, "education.public_grade10"),
            (&e.swimming, "education.swimming"),
        ];
        for (rate, path) in rates {
            check_rate(rate.as_ref(), path)?;
        }
    }
    if let Some(p) = &record.party {
        check_rate(p.study.as_ref(), "party.study")?;
        check_rate(p.inspection.as_ref(), "party.inspection")?;
    }
    Ok(())
}

/// One rate, at `path`: a zero base, a count above its base and a figure
/// outside 0–100 are errors; a rate not given is not.
fn check_rate(rate: Option<&Rate>, path: &str) -> Result<(), Error> {
    match rate {
        Some(Rate::Counts { of: 0, .. }) => Err(Error::ZeroBase {
            path: path.to_owned(),
        }),
        Some(&Rate::Counts { count, of }) if count > of => Err(Error::CountAboveBase {
            path: path.to_owned(),
            count,
            of,
        }),
        Some(&Rate::Figure(rate)) if !within_percent(rate) => Err(Error::RateOutOfRange {
            path: path.to_owned(),
            rate,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn a_rate_reads_as_a_non_zero_base_and_a_count_within_it() {
        let values = [0, 1, 2, 9, 10, u64::MAX - 1, u64::MAX];
        for of in values {
            for count in values {
                let rate = Rate::Counts { count, of };
                let err = check_rate(Some(&rate), "p")
                    .err()
                    .map(|e| e.kind().as_str());
                let expected = if of == 0 {
                    Some("zero_base")
                } else if count > of {
                    Some("count_above_base")
                } else {
                    None
                };
                assert_eq!(err, expected, "{count} of {of}");
            }
        }
        for (figure, reads) in [
            ("0", true),
            ("-0", true),
            ("100", true),
            ("100.01", false),
            ("-1", false),
        ] {
            let rate = Rate::Figure(figure.parse::<Decimal>().unwrap());
            assert_eq!(check_rate(Some(&rate), "p").is_ok(), reads, "{figure}");
        }
        assert!(check_rate(None, "p").is_ok());
    }

    #[test]
    fn the_first_rate_that_does_not_read_is_named() {
        // Each education rate and party rate, alone or with a later one
        // wrong too: validation names the first.
        let base =
            crate::json::parse_record(include_str!("../../examples/cell-year-2024.json")).unwrap();
        let wrong = [
            Rate::Counts { count: 0, of: 0 },
            Rate::Counts { count: 3, of: 2 },
            Rate::Figure(Decimal::new(10001, 2)),
            Rate::Figure(Decimal::new(-1, 0)),
        ];
        fn fields(r: &mut CellYear) -> Vec<(&mut Option<Rate>, &'static str)> {
            let e = r.education.as_mut().unwrap();
            let p = r.party.as_mut().unwrap();
            vec![
                (&mut e.dropout, "education.dropout"),
                (&mut e.repetition, "education.repetition"),
                (&mut e.promotion, "education.promotion"),
                (&mut e.graduation, "education.graduation"),
                (&mut e.efficiency, "education.efficiency"),
                (&mut e.public_grade10, "education.public_grade10"),
                (&mut e.swimming, "education.swimming"),
                (&mut p.study, "party.study"),
                (&mut p.inspection, "party.inspection"),
            ]
        }
        let n = fields(&mut base.clone()).len();
        for first in 0..n {
            for later in (first..n).map(Some).chain([None]) {
                for (k, w) in wrong.iter().enumerate() {
                    let mut r = base.clone();
                    let mut f = fields(&mut r);
                    let path = f.get(first).unwrap().1;
                    *f.get_mut(first).unwrap().0 = Some(*w);
                    if let Some(later) = later.filter(|&l| l > first) {
                        let other = wrong.get((k + 1) % wrong.len()).unwrap();
                        *f.get_mut(later).unwrap().0 = Some(*other);
                    }
                    drop(f);
                    let expected = check_rate(Some(w), path).unwrap_err();
                    assert_eq!(check(&r).err(), Some(expected), "{path} {w:?} {later:?}");
                }
            }
        }
    }
}
