//! The comparison arithmetic (RULES §2, §6): a rate against its target,
//! exactly or as the published figure, and the gap of a failure.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use crate::model::policy::RateComparison;
use crate::model::rate::{Comparator, MAX_PUBLISHED_DECIMALS, MAX_THRESHOLD_SCALE, Rate, Target};
use crate::rules::gap::Gap;
use crate::support::pow10::pow10;

/// The threshold as `mantissa / 10^scale`, for a threshold in 0–100 with at
/// most [`MAX_THRESHOLD_SCALE`] decimals (the plan's validation ensures both).
fn split(threshold: Decimal) -> (u128, u32) {
    let mut t = threshold;
    if t.scale() > MAX_THRESHOLD_SCALE {
        t = t.normalize();
    }
    if t.scale() > MAX_THRESHOLD_SCALE {
        // Unreachable after validation; rounding keeps the arithmetic in range.
        t = t.round_dp(MAX_THRESHOLD_SCALE);
    }
    let mantissa = u128::try_from(t.mantissa())
        .unwrap_or(0)
        .min(100 * pow10(MAX_THRESHOLD_SCALE));
    (mantissa, t.scale())
}

/// Orders `count / of` (as a percentage) against `threshold` (RULES §2):
/// exactly, `count × 100` against `threshold × of` in integers, or after
/// rounding to the published figure when the policy says so.
///
/// With the threshold as `m / 10^s` (`s` at most 16, `m` at most
/// `100 × 10^s`), every product fits a `u128`, so none can overflow.
fn order_counts(count: u64, of: u64, threshold: Decimal, mode: RateComparison) -> Ordering {
    let (m, s) = split(threshold);
    match mode {
        // count*100/of  vs  m/10^s   <=>  count*100*10^s  vs  m*of
        RateComparison::Exact => (u128::from(count) * pow10(s + 2)).cmp(&(m * u128::from(of))),
        RateComparison::Published { decimals } => {
            let n = decimals.min(MAX_PUBLISHED_DECIMALS);
            // Half-up rounding of count*100/of to n decimals, as an integer
            // over 10^n: floor((2*count*100*10^n + of) / (2*of)).
            let of = u128::from(of.max(1));
            let published = (2 * u128::from(count) * 100 * pow10(n) + of) / (2 * of);
            // published/10^n  vs  m/10^s
            (published * pow10(s)).cmp(&(m * pow10(n)))
        }
    }
}

/// Orders a figure against `threshold` (RULES §2): as given, or rounded
/// half-up to the published decimals first when the policy says so.
fn order_figure(rate: Decimal, threshold: Decimal, mode: RateComparison) -> Ordering {
    match mode {
        RateComparison::Exact => rate.cmp(&threshold),
        RateComparison::Published { decimals } => rate
            .round_dp_with_strategy(
                decimals.min(MAX_PUBLISHED_DECIMALS),
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
            .cmp(&threshold),
    }
}

/// Whether `count` of `of` meets the target (RULES §2).
pub(crate) fn counts_meet(
    count: u64,
    of: u64,
    target: &Target<Decimal>,
    mode: RateComparison,
) -> bool {
    target
        .comparator
        .accepts(order_counts(count, of, target.value, mode))
}

/// Whether a rate meets the target (RULES §2).
pub(crate) fn rate_meets(rate: Rate, target: &Target<Decimal>, mode: RateComparison) -> bool {
    match rate {
        Rate::Counts { count, of } => counts_meet(count, of, target, mode),
        Rate::Figure(r) => target
            .comparator
            .accepts(order_figure(r, target.value, mode)),
    }
}

/// The gap of a failing rate (RULES §6).
///
/// With counts, the base is held fixed and `needed` is the passing count
/// nearest to the actual one: the least passing count when more is better,
/// the greatest when less is. Passing is monotone in the count, so a binary
/// search over `0..=of` finds it. With a figure, the signed distance in
/// percentage points to the boundary the figure must reach
/// ([`figure_boundary`]: the threshold itself, or under
/// [`RateComparison::Published`] the point where its rounding starts to
/// pass), with the boundary's strictness; unreachable when no figure within
/// 0–100 passes.
pub(crate) fn rate_gap(rate: Rate, target: &Target<Decimal>, mode: RateComparison) -> Gap {
    match rate {
        Rate::Counts { count, of } => {
            let passes = |c: u64| counts_meet(c, of, target, mode);
            let needed = if target.comparator.wants_more() {
                // Least c in [count, of] that passes.
                first_true(count, of, passes)
            } else {
                // Greatest c in [0, count] that passes: first c where
                // `!passes` holds, minus one.
                match first_true(0, count, |c| !passes(c)) {
                    Some(0) => None,
                    Some(c) => Some(c - 1),
                    None => Some(count),
                }
            };
            count_gap(count, needed)
        }
        Rate::Figure(r) => {
            let Some((boundary, strict)) = figure_boundary(target, mode) else {
                return Gap::Unreachable;
            };
            // Within 0–100, the boundary must be reachable from the right
            // side: a figure can be at most 100 and at least 0.
            let reachable = if target.comparator.wants_more() {
                boundary < Decimal::ONE_HUNDRED || (boundary == Decimal::ONE_HUNDRED && !strict)
            } else {
                boundary > Decimal::ZERO || (boundary.is_zero() && !strict)
            };
            match points_between(r, boundary) {
                Some(change) if reachable => Gap::Points {
                    points: change,
                    strict,
                },
                _ => Gap::Unreachable,
            }
        }
    }
}

/// The boundary a figure must reach to pass `target`, and whether reaching
/// it exactly still fails (RULES §2, §6).
///
/// Compared exactly, the threshold and the comparator's own strictness.
/// Compared as the published figure, rounded half-up to `n` decimals, a
/// figure `x` passes once its rounding does: with `q = 10^-n`, `x` rounds to
/// `m` (a multiple of `q`) or more exactly when `x ≥ m − q/2`, and to `m`
/// or less exactly when `x < m + q/2`. So, for a threshold `T`:
///
/// | comparator | passing published figures | boundary | strict |
/// | --- | --- | --- | --- |
/// | at least `T` | `≥ m`, `m` = `T` rounded up to `n` decimals | `m − q/2` | no |
/// | above `T` | `≥ m`, `m` = `T` rounded down, plus `q` | `m − q/2` | no |
/// | below `T` | `≤ m`, `m` = `T` rounded up, minus `q` | `m + q/2` | yes |
/// | at most `T` | `≤ m`, `m` = `T` rounded down | `m + q/2` | yes |
///
/// Below 1.0 published with one decimal: `m` = 0.9, so a figure passes
/// below 0.95 (0.96 rounds to 1.0 and fails). `None` only if the decimal
/// arithmetic overflows, which no threshold within 0–100 does.
fn figure_boundary(target: &Target<Decimal>, mode: RateComparison) -> Option<(Decimal, bool)> {
    use rust_decimal::RoundingStrategy::{ToNegativeInfinity, ToPositiveInfinity};
    let t = target.value;
    let RateComparison::Published { decimals } = mode else {
        return Some((t, target.comparator.is_strict()));
    };
    let n = decimals.min(MAX_PUBLISHED_DECIMALS);
    let q = Decimal::new(1, n);
    let half = Decimal::new(5, n + 1);
    let up = t.round_dp_with_strategy(n, ToPositiveInfinity);
    let down = t.round_dp_with_strategy(n, ToNegativeInfinity);
    match target.comparator {
        Comparator::AtLeast => Some((up.checked_sub(half)?, false)),
        Comparator::Above => Some((down.checked_add(q)?.checked_sub(half)?, false)),
        Comparator::Below => Some((up.checked_sub(q)?.checked_add(half)?, true)),
        Comparator::AtMost => Some((down.checked_add(half)?, true)),
    }
}

/// `to − from` in percentage points, exactly when a `Decimal` can hold it.
///
/// Both lie within about ±101 with at most 28 decimals, so the difference
/// is exact as an integer at their common scale. When it has more
/// significant digits than a `Decimal` holds (28–29), it is rounded away
/// from zero, one decimal at a time: a figure that moves by the gap then
/// still reaches the boundary, where `Decimal` subtraction would round to
/// nearest and could fall short.
fn points_between(from: Decimal, to: Decimal) -> Option<Decimal> {
    let scale = from.scale().max(to.scale());
    let at_scale = |d: Decimal| {
        let factor = i128::try_from(pow10(scale - d.scale())).ok()?;
        d.mantissa().checked_mul(factor)
    };
    let mut diff = at_scale(to)?.checked_sub(at_scale(from)?)?;
    let mut scale = scale;
    loop {
        if let Ok(d) = Decimal::try_from_i128_with_scale(diff, scale) {
            return Some(d);
        }
        scale = scale.checked_sub(1)?;
        let (quotient, remainder) = (diff / 10, diff % 10);
        diff = quotient + remainder.signum();
    }
}

/// The gap of a failing count against a target: the nearest passing count.
pub(crate) fn count_gap_for(actual: u64, target: &Target<u64>) -> Gap {
    let t = target.value;
    let needed = match target.comparator {
        Comparator::AtLeast | Comparator::AtMost => Some(t),
        Comparator::Above => t.checked_add(1),
        Comparator::Below => t.checked_sub(1),
    };
    count_gap(actual, needed)
}

/// A count gap from the actual count to `needed`, or unreachable.
pub(crate) fn count_gap(actual: u64, needed: Option<u64>) -> Gap {
    match needed {
        Some(needed) => Gap::Count {
            needed,
            change: i128::from(needed) - i128::from(actual),
        },
        None => Gap::Unreachable,
    }
}

/// The least `c` in `lo..=hi` with `pred(c)`, for a `pred` that is false
/// then true as `c` grows.
fn first_true(lo: u64, hi: u64, pred: impl Fn(u64) -> bool) -> Option<u64> {
    if lo > hi || !pred(hi) {
        return None;
    }
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn t(c: Comparator, v: &str) -> Target<Decimal> {
        Target {
            comparator: c,
            value: d(v),
        }
    }
    const EXACT: RateComparison = RateComparison::Exact;

    #[test]
    fn below_is_strict_exactly_one_percent_fails() {
        // 5 of 500 is exactly 1.0 %: not below 1.0.
        assert!(!counts_meet(5, 500, &t(Comparator::Below, "1.0"), EXACT));
        assert!(counts_meet(4, 500, &t(Comparator::Below, "1.0"), EXACT));
        assert!(!rate_meets(
            Rate::Figure(d("1.0")),
            &t(Comparator::Below, "1.0"),
            EXACT
        ));
        assert!(rate_meets(
            Rate::Figure(d("0.99")),
            &t(Comparator::Below, "1.0"),
            EXACT
        ));
    }

    #[test]
    fn counts_compare_exactly_without_rounding() {
        // 4 of 401 = 0.9975…% passes "below 1.0" although it prints as 1.0 %.
        assert!(counts_meet(4, 401, &t(Comparator::Below, "1.0"), EXACT));
        // Compared as the published figure with one decimal, it is 1.0 and fails.
        let published = RateComparison::Published { decimals: 1 };
        assert!(!counts_meet(
            4,
            401,
            &t(Comparator::Below, "1.0"),
            published
        ));
    }

    #[test]
    fn at_least_includes_the_threshold() {
        // 98 of 100 is exactly 98.0 %.
        assert!(counts_meet(98, 100, &t(Comparator::AtLeast, "98.0"), EXACT));
        assert!(!counts_meet(
            97,
            100,
            &t(Comparator::AtLeast, "98.0"),
            EXACT
        ));
        assert!(rate_meets(
            Rate::Figure(d("98.0")),
            &t(Comparator::AtLeast, "98"),
            EXACT
        ));
        assert!(!rate_meets(
            Rate::Figure(d("97.99")),
            &t(Comparator::AtLeast, "98"),
            EXACT
        ));
    }

    #[test]
    fn above_excludes_the_threshold() {
        assert!(!counts_meet(68, 100, &t(Comparator::Above, "68.0"), EXACT));
        assert!(counts_meet(69, 100, &t(Comparator::Above, "68.0"), EXACT));
    }

    #[test]
    fn at_most_includes_the_threshold() {
        assert!(counts_meet(2, 200, &t(Comparator::AtMost, "1.0"), EXACT));
        assert!(!counts_meet(3, 200, &t(Comparator::AtMost, "1.0"), EXACT));
    }

    #[test]
    fn gap_dropouts_six_of_520_need_at_most_five() {
        // 1.0 % of 520 is 5.2: 5 passes (0.96 %), 6 fails (1.15 %).
        let g = rate_gap(
            Rate::Counts { count: 6, of: 520 },
            &t(Comparator::Below, "1.0"),
            EXACT,
        );
        assert_eq!(
            g,
            Gap::Count {
                needed: 5,
                change: -1
            }
        );
    }

    #[test]
    fn gap_below_at_an_exact_multiple_needs_one_fewer() {
        // 1.0 % of 500 is 5 exactly: 5 fails, 4 passes.
        let g = rate_gap(
            Rate::Counts { count: 7, of: 500 },
            &t(Comparator::Below, "1.0"),
            EXACT,
        );
        assert_eq!(
            g,
            Gap::Count {
                needed: 4,
                change: -3
            }
        );
    }

    #[test]
    fn gap_at_least_is_the_least_passing_count() {
        // 98 % of 1507 is 1476.86: 1477 passes.
        let g = rate_gap(
            Rate::Counts {
                count: 1470,
                of: 1507,
            },
            &t(Comparator::AtLeast, "98.0"),
            EXACT,
        );
        assert_eq!(
            g,
            Gap::Count {
                needed: 1477,
                change: 7
            }
        );
        assert!(counts_meet(
            1477,
            1507,
            &t(Comparator::AtLeast, "98.0"),
            EXACT
        ));
        assert!(!counts_meet(
            1476,
            1507,
            &t(Comparator::AtLeast, "98.0"),
            EXACT
        ));
    }

    #[test]
    fn gap_above_at_an_exact_multiple_needs_one_more() {
        // 68 % of 300 is 204 exactly: 204 fails "above", 205 passes.
        let g = rate_gap(
            Rate::Counts {
                count: 200,
                of: 300,
            },
            &t(Comparator::Above, "68"),
            EXACT,
        );
        assert_eq!(
            g,
            Gap::Count {
                needed: 205,
                change: 5
            }
        );
    }

    #[test]
    fn gap_unreachable_when_no_count_in_the_base_passes() {
        let g = rate_gap(
            Rate::Counts { count: 3, of: 10 },
            &t(Comparator::Below, "0"),
            EXACT,
        );
        assert_eq!(g, Gap::Unreachable);
        let g = rate_gap(
            Rate::Counts { count: 3, of: 10 },
            &t(Comparator::Above, "100"),
            EXACT,
        );
        assert_eq!(g, Gap::Unreachable);
    }

    /// A figure passes exactly when it is on the right side of the boundary
    /// `figure_boundary` gives: checked against `rate_meets` for every
    /// comparator, 0 to 3 published decimals and exact comparison, on a
    /// grid of figures a hundredth of the rounding step apart around
    /// thresholds on and off that step, at 0 and at 100.
    #[test]
    fn a_figure_passes_on_the_right_side_of_its_boundary() {
        let modes = [
            EXACT,
            RateComparison::Published { decimals: 0 },
            RateComparison::Published { decimals: 1 },
            RateComparison::Published { decimals: 2 },
            RateComparison::Published { decimals: 3 },
        ];
        let comparators = [
            Comparator::AtLeast,
            Comparator::Above,
            Comparator::Below,
            Comparator::AtMost,
        ];
        for threshold in [
            "0", "0.4", "1.0", "55", "68.0", "97.95", "98.04", "99.99", "100",
        ] {
            for mode in modes {
                let n = match mode {
                    RateComparison::Published { decimals } => decimals,
                    RateComparison::Exact => 2,
                };
                let step = Decimal::new(1, n + 2);
                for comparator in comparators {
                    let target = t(comparator, threshold);
                    let (b, strict) = figure_boundary(&target, mode).unwrap();
                    let mut x = (target.value - Decimal::new(3, n)).max(Decimal::ZERO);
                    let end = (target.value + Decimal::new(3, n)).min(Decimal::ONE_HUNDRED);
                    while x <= end {
                        let on_side = match (comparator.wants_more(), strict) {
                            (true, false) => x >= b,
                            (true, true) => x > b,
                            (false, false) => x <= b,
                            (false, true) => x < b,
                        };
                        assert_eq!(
                            rate_meets(Rate::Figure(x), &target, mode),
                            on_side,
                            "{x} {comparator:?} {threshold} {mode:?}: boundary {b}, strict {strict}"
                        );
                        x += step;
                    }
                }
            }
        }
    }

    #[test]
    fn gap_of_a_published_figure_is_to_where_its_rounding_passes() {
        let one = RateComparison::Published { decimals: 1 };
        let points = |change: &str, strict: bool| Gap::Points {
            points: d(change),
            strict,
        };
        for (figure, comparator, threshold, mode, expected) in [
            // 0.96 is published as 1.0: it must fall below 0.95.
            ("0.96", Comparator::Below, "1.0", one, points("-0.01", true)),
            // 68.04 is published as 68.0: it must reach 68.05 (68.1).
            (
                "68.04",
                Comparator::Above,
                "68.0",
                one,
                points("0.01", false),
            ),
            // 97.9499 is published as 97.9; 97.95 is published as 98.0.
            (
                "97.9499",
                Comparator::AtLeast,
                "98.0",
                one,
                points("0.0001", false),
            ),
            // Any figure below 1.05 is published as 1.0 or less.
            ("1.05", Comparator::AtMost, "1.0", one, points("0.00", true)),
            // Whole percents: 54.5 is published as 55.
            (
                "54.4",
                Comparator::AtLeast,
                "55.0",
                RateComparison::Published { decimals: 0 },
                points("0.1", false),
            ),
            // Compared exactly, the threshold itself.
            (
                "0.96",
                Comparator::AtLeast,
                "1.0",
                EXACT,
                points("0.04", false),
            ),
        ] {
            let g = rate_gap(Rate::Figure(d(figure)), &t(comparator, threshold), mode);
            assert_eq!(g, expected, "{figure} {comparator:?} {threshold} {mode:?}");
        }
    }

    #[test]
    fn gap_of_a_figure_is_unreachable_beyond_0_to_100() {
        let published = RateComparison::Published { decimals: 0 };
        for (figure, comparator, threshold, mode) in [
            ("99", Comparator::Above, "100", EXACT),
            ("1", Comparator::Below, "0", EXACT),
            ("99", Comparator::Above, "100", published),
            ("1", Comparator::Below, "0", published),
        ] {
            let g = rate_gap(Rate::Figure(d(figure)), &t(comparator, threshold), mode);
            assert_eq!(g, Gap::Unreachable, "{figure} {comparator:?} {threshold}");
        }
        // At the edges themselves a figure can still pass.
        for (figure, comparator, threshold, mode, change) in [
            ("99", Comparator::AtLeast, "100", EXACT, "1"),
            ("1", Comparator::AtMost, "0", EXACT, "-1"),
            ("99", Comparator::AtLeast, "100", published, "0.5"),
            // Published as whole percents, 99.5 already shows as 100.
            ("99", Comparator::Above, "99.5", published, "0.5"),
            ("1", Comparator::Below, "0.5", published, "-0.5"),
        ] {
            let g = rate_gap(Rate::Figure(d(figure)), &t(comparator, threshold), mode);
            assert!(
                matches!(g, Gap::Points { points: c, .. } if c == d(change)),
                "{figure} {comparator:?} {threshold}: {g:?}"
            );
        }
    }

    /// A gap whose exact value has more digits than a `Decimal` holds is
    /// rounded away from zero: moving by it still reaches the boundary.
    #[test]
    fn gap_of_a_figure_with_28_decimals_still_reaches_the_threshold() {
        let figure = d("0.1234567890123456789012345678");
        let g = rate_gap(Rate::Figure(figure), &t(Comparator::AtLeast, "55.0"), EXACT);
        // Exactly 54.8765432109876543210987654322: 30 digits, one too many.
        assert_eq!(
            g,
            Gap::Points {
                points: d("54.876543210987654321098765433"),
                strict: false
            }
        );
        let g = rate_gap(
            Rate::Figure(d("99.1234567890123456789012345678")),
            &t(Comparator::Below, "0.5"),
            EXACT,
        );
        // Exactly -98.6234567890123456789012345678: rounded down to
        // -98.623456789012345678901234568.
        assert_eq!(
            g,
            Gap::Points {
                points: d("-98.623456789012345678901234568"),
                strict: true
            }
        );
        // When it fits, the difference is exact, at the finer scale.
        assert_eq!(points_between(d("1.25"), d("1.0")), Some(d("-0.25")));
        assert_eq!(points_between(d("0.1"), d("55.000")), Some(d("54.900")));
    }

    #[test]
    fn gap_of_a_figure_is_in_percentage_points() {
        let g = rate_gap(
            Rate::Figure(d("54.5")),
            &t(Comparator::AtLeast, "55.0"),
            EXACT,
        );
        assert_eq!(
            g,
            Gap::Points {
                points: d("0.5"),
                strict: false
            }
        );
        let g = rate_gap(Rate::Figure(d("1.25")), &t(Comparator::Below, "1.0"), EXACT);
        assert_eq!(
            g,
            Gap::Points {
                points: d("-0.25"),
                strict: true
            }
        );
    }

    #[test]
    fn count_gap_admissions_four_against_at_least_six() {
        let target = Target {
            comparator: Comparator::AtLeast,
            value: 6,
        };
        assert!(!target.met_by(&4));
        assert!(target.met_by(&6));
        assert_eq!(
            count_gap_for(4, &target),
            Gap::Count {
                needed: 6,
                change: 2
            }
        );
        let above = Target {
            comparator: Comparator::Above,
            value: u64::MAX,
        };
        assert_eq!(count_gap_for(4, &above), Gap::Unreachable);
    }

    #[test]
    fn extreme_counts_do_not_overflow() {
        let target = t(Comparator::AtLeast, "99.9999999999999999");
        assert!(counts_meet(u64::MAX, u64::MAX, &target, EXACT));
        let g = rate_gap(
            Rate::Counts {
                count: 0,
                of: u64::MAX,
            },
            &target,
            EXACT,
        );
        assert!(matches!(g, Gap::Count { .. }));
        let published = RateComparison::Published {
            decimals: MAX_PUBLISHED_DECIMALS,
        };
        assert!(counts_meet(u64::MAX, u64::MAX, &target, published));
    }
}
