//! Indicators: rates and counts against the plan's targets, compared exactly
//! (RULES §2, §3, §6). How a rate is compared is documented on [`Rate`]
//! and in the crate docs' "Exact numbers"; the integer arithmetic behind it
//! is below.

use core::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::Gap;
use crate::macros::str_enum;
use crate::plan::RateComparison;

str_enum! {
    /// How an actual value is compared with a target (RULES §2).
    pub enum Comparator {
        /// "dưới X": actual < X.
        Below = "below",
        /// "trên X": actual > X.
        Above = "above",
        /// "từ X trở lên", "ít nhất X", a bare target figure: actual ≥ X.
        AtLeast = "at_least",
        /// "không quá X": actual ≤ X.
        AtMost = "at_most",
    }
}

impl Comparator {
    /// Whether `actual` meets `target` under this comparator.
    pub fn holds<T: Ord>(self, actual: &T, target: &T) -> bool {
        self.accepts(actual.cmp(target))
    }

    /// Whether an ordering of actual against target meets this comparator.
    pub const fn accepts(self, ord: Ordering) -> bool {
        match self {
            Comparator::Below => matches!(ord, Ordering::Less),
            Comparator::Above => matches!(ord, Ordering::Greater),
            Comparator::AtLeast => !matches!(ord, Ordering::Less),
            Comparator::AtMost => !matches!(ord, Ordering::Greater),
        }
    }

    /// Whether more is better (`at_least`, `above`).
    pub const fn wants_more(self) -> bool {
        matches!(self, Comparator::AtLeast | Comparator::Above)
    }

    /// Whether meeting the threshold exactly fails (`below`, `above`).
    pub const fn is_strict(self) -> bool {
        matches!(self, Comparator::Below | Comparator::Above)
    }
}

/// A target of the plan: a comparator and a threshold.
///
/// On the wire: `{"comparator": "below", "value": "1.0"}`; a rate's
/// threshold is a decimal in percent units, within 0–100, read from its
/// digits, never through a float. A rate given as counts is compared with
/// it exactly (see [`Rate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target<T> {
    /// How the actual value is compared.
    pub comparator: Comparator,
    /// The threshold.
    pub value: T,
}

impl<T: Ord> Target<T> {
    /// Whether `actual` meets the target.
    pub fn met_by(&self, actual: &T) -> bool {
        self.comparator.holds(actual, &self.value)
    }
}

/// A rate as the record gives it: counts, or a published figure in percent.
///
/// On the wire: `{"count": 4, "of": 520}` or `{"rate": "0.77"}`.
///
/// # Exact comparison
///
/// Counts are compared with a [`Target`] without rounding: `count × 100`
/// against `target × of`, in integers. So 4 dropouts of 401 (0.9975… %)
/// pass "below 1.0", although the figure prints as 1.0 %. A figure is
/// compared as given. A plan may compare the published figure instead:
/// the percent of the counts, or the figure, rounded half-up to the
/// policy's decimals first
/// ([`Policy::rate_comparison`](crate::Policy::rate_comparison)).
/// `count > of`, `of == 0` and a figure outside 0–100 are errors, not
/// failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RateWire", into = "RateWire")]
pub enum Rate {
    /// `count` of `of`; the base is never zero and never below the count.
    Counts {
        /// The numerator (dropouts, promoted students, …).
        count: u64,
        /// The base (students enrolled, …).
        of: u64,
    },
    /// A figure in percent, 0–100 (`0.77` is 0.77 %).
    Figure(Decimal),
}

#[derive(Serialize, Deserialize)]
// Named for what the wire holds in serde's messages, not the private type.
#[serde(
    expecting = "a rate: {\"count\": …, \"of\": …} or {\"rate\": …}",
    deny_unknown_fields
)]
struct RateWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    of: Option<u64>,
    #[serde(
        default,
        deserialize_with = "exact_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    rate: Option<Decimal>,
}

/// What a wire decimal must look like, for error messages.
const EXPECTED: &str = "a decimal in plain notation with at most 28 digits, such as \"61.25\"";

/// A rate target as a plan gives it (`{"comparator": "below", "value":
/// "1.0"}`), its threshold read exactly like a rate's figure.
#[derive(Deserialize)]
#[serde(
    rename = "Target",
    expecting = "a target: {\"comparator\": …, \"value\": …}",
    deny_unknown_fields
)]
struct RateTargetWire {
    comparator: Comparator,
    #[serde(deserialize_with = "exact_threshold")]
    value: Decimal,
}

fn exact_threshold<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    use serde::de::{Error as _, Unexpected};
    exact_decimal(d)?.ok_or_else(|| D::Error::invalid_type(Unexpected::Unit, &EXPECTED))
}

impl From<RateTargetWire> for Target<Decimal> {
    fn from(w: RateTargetWire) -> Self {
        Target {
            comparator: w.comparator,
            value: w.value,
        }
    }
}

/// Reads a rate target of a plan with its threshold read exactly (see
/// [`exact_decimal`]): `"5_5"` or a threshold of 31 digits is an error,
/// not 55.
pub(crate) fn rate_target<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Target<Decimal>, D::Error> {
    RateTargetWire::deserialize(d).map(Target::from)
}

/// [`rate_target`] for a target that must be present and may be `null`.
pub(crate) fn present_rate_target<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Target<Decimal>>, D::Error> {
    Option::<RateTargetWire>::deserialize(d).map(|t| t.map(Target::from))
}

/// Reads a rate's figure exactly (RULES §2, §9, §10): a JSON string in
/// plain notation (`"61.25"`), or a JSON number (`61.25`, `6.125e1`), with no more
/// digits than a `Decimal` holds. A figure is never rounded on the way in:
/// `"54.99999999999999999999999999999"` (31 digits) is an error, where a
/// rounding parser would read 55 and pass "at least 55". Malformed text
/// (`"61,5"`, `"5_5"`, `"+61.25"`, `".5"`, `" 61.25"`) is an error too.
fn exact_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    use serde::de::{Error as _, Unexpected};
    let Some((text, number)) = d.deserialize_option(DecimalText)? else {
        return Ok(None);
    };
    // A string is in plain notation (RULES §10); a JSON number may also
    // carry an exponent.
    let plain = number || !text.contains(['e', 'E']);
    let exact = if plain && is_json_number(&text) {
        match text.split_once(['e', 'E']) {
            None => Decimal::from_str_exact(&text).ok(),
            // The mantissa must be exact; the exponent then only moves the
            // point, and fails rather than rounds beyond 28 places.
            Some((mantissa, _)) => Decimal::from_str_exact(mantissa)
                .ok()
                .and_then(|_| Decimal::from_scientific(&text).ok()),
        }
    } else {
        None
    };
    exact.map(Some).ok_or_else(|| {
        let found = if number {
            Unexpected::Other(&text)
        } else {
            Unexpected::Str(&text)
        };
        D::Error::invalid_value(found, &EXPECTED)
    })
}

/// The text of a decimal on the wire, and whether it was a JSON number
/// (`None` for `null`). An array or object is refused at once, without
/// reading into it.
struct DecimalText;

/// The key under which serde_json (with `arbitrary_precision`) hands over
/// a number's digits.
const NUMBER_KEY: &str = "$serde_json::private::Number";

impl<'de> serde::de::Visitor<'de> for DecimalText {
    type Value = Option<(String, bool)>;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some((v.to_owned(), false)))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some((v.to_string(), true)))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some((v.to_string(), true)))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error as _;
        // A JSON number, as serde_json's `arbitrary_precision` hands it over.
        match map.next_key::<String>()? {
            Some(key) if key == NUMBER_KEY => Ok(Some((map.next_value::<String>()?, true))),
            _ => Err(A::Error::invalid_type(serde::de::Unexpected::Map, &self)),
        }
    }
}

/// Whether `s` is written as a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(c) if c.is_ascii_digit() => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

impl From<Rate> for RateWire {
    fn from(r: Rate) -> Self {
        match r {
            Rate::Counts { count, of } => RateWire {
                count: Some(count),
                of: Some(of),
                rate: None,
            },
            Rate::Figure(rate) => RateWire {
                count: None,
                of: None,
                rate: Some(rate),
            },
        }
    }
}

impl TryFrom<RateWire> for Rate {
    type Error = &'static str;
    fn try_from(w: RateWire) -> Result<Self, Self::Error> {
        match (w.count, w.of, w.rate) {
            (Some(count), Some(of), None) => Ok(Rate::Counts { count, of }),
            (None, None, Some(rate)) => Ok(Rate::Figure(rate)),
            _ => Err("a rate is either {\"count\", \"of\"} or {\"rate\"}"),
        }
    }
}

/// The most decimal places a rate threshold may have: with this bound every
/// comparison of counts fits in 128-bit integers, so none can overflow.
pub const MAX_THRESHOLD_SCALE: u32 = 16;

/// The most decimals the "published figure" policy may round to.
pub const MAX_PUBLISHED_DECIMALS: u32 = 10;

/// Powers of ten up to `10^28`, the largest scale of a `Decimal`.
const POW10: [u128; 29] = [
    1,
    10,
    100,
    1000,
    10000,
    100000,
    1000000,
    10000000,
    100000000,
    1000000000,
    10000000000,
    100000000000,
    1000000000000,
    10000000000000,
    100000000000000,
    1000000000000000,
    10000000000000000,
    100000000000000000,
    1000000000000000000,
    10000000000000000000,
    100000000000000000000,
    1000000000000000000000,
    10000000000000000000000,
    100000000000000000000000,
    1000000000000000000000000,
    10000000000000000000000000,
    100000000000000000000000000,
    1000000000000000000000000000,
    10000000000000000000000000000,
];

/// `10^n` for `n` up to 28 (larger `n` are never asked for; they saturate).
fn pow10(n: u32) -> u128 {
    POW10.get(n as usize).copied().unwrap_or(u128::MAX / 1000)
}

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

/// Orders `count / of` (as a percentage) against `threshold`, exactly.
#[inline(always)]
fn order_counts_exactly(count: u64, of: u64, threshold: Decimal) -> Ordering {
    let (m, s) = split(threshold);
    // count*100/of  vs  m/10^s   <=>  count*100*10^s  vs  m*of, where
    // 100*10^s is 10^(s+2) from the table (s is at most 16): one product.
    let lhs = u128::from(count) * pow10(s + 2);
    let rhs = m * u128::from(of);
    lhs.cmp(&rhs)
}

/// Orders `count / of` (as a percentage) against `threshold`, exactly, or
/// after rounding to the published figure when the policy says so.
fn order_counts(count: u64, of: u64, threshold: Decimal, mode: RateComparison) -> Ordering {
    match mode {
        RateComparison::Exact => order_counts_exactly(count, of, threshold),
        RateComparison::Published { decimals } => {
            let (m, s) = split(threshold);
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

/// `a.cmp(&b)`, cross-multiplied in integers when both are non-negative
/// with mantissas and scales that fit 64 bits (every figure and threshold
/// written with a few decimals): `ma / 10^sa` against `mb / 10^sb` is
/// `ma × 10^sb` against `mb × 10^sa`, two 64-bit factors a side, where
/// `Decimal`'s own comparison first rescales one to the other's scale.
#[inline(always)]
fn order_decimals(a: Decimal, b: Decimal) -> Ordering {
    /// 10^19 is the largest power of ten that fits in a `u64`.
    const MAX_SCALE: u32 = 19;
    let narrow = |d: Decimal| {
        let m = u64::try_from(d.mantissa()).ok()?;
        let s = d.scale();
        (s <= MAX_SCALE).then(|| (m, u64::try_from(pow10(s)).unwrap_or(u64::MAX)))
    };
    match (narrow(a), narrow(b)) {
        (Some((ma, pa)), Some((mb, pb))) => {
            (u128::from(ma) * u128::from(pb)).cmp(&(u128::from(mb) * u128::from(pa)))
        }
        _ => a.cmp(&b),
    }
}

/// Orders a published figure against `threshold`, rounding the figure first
/// when the policy compares published figures.
fn order_figure(rate: Decimal, threshold: Decimal, mode: RateComparison) -> Ordering {
    match mode {
        RateComparison::Exact => order_decimals(rate, threshold),
        RateComparison::Published { decimals } => rate
            .round_dp_with_strategy(
                decimals.min(MAX_PUBLISHED_DECIMALS),
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
            .cmp(&threshold),
    }
}

/// Whether `count` of `of` meets the target.
pub fn counts_meet(count: u64, of: u64, target: &Target<Decimal>, mode: RateComparison) -> bool {
    target
        .comparator
        .accepts(order_counts(count, of, target.value, mode))
}

/// A rate target prepared for comparing many counts exactly, as
/// [`counts_meet`] does with [`RateComparison::Exact`]: the threshold is
/// split into `mantissa / 10^scale` once, not at every comparison.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ExactTarget {
    comparator: Comparator,
    /// The threshold's mantissa.
    mantissa: u128,
    /// `100 × 10^scale`.
    hundred_scaled: u128,
    /// The comparison in 64 bits, when both factors fit in 32 bits: any
    /// threshold with up to 7 decimals (85 %: 85 and 100).
    narrow: Option<Narrow>,
}

/// `count × hundred_scaled` against `mantissa × of`, for 32-bit counts and
/// factors: both products are below `2^64 − 2^32`, so neither they nor
/// one more overflow, and each comparator is one strict comparison:
/// `x ≥ y` is `x + 1 > y`, and `below` / `at_most` swap the two sides.
/// A multiply, an add and a compare a meeting, with no overflow checks
/// and no match on the comparator.
#[derive(Debug, Clone, Copy)]
struct Narrow {
    mantissa: u64,
    hundred_scaled: u64,
    /// `count × hundred_scaled` on the left (`above`, `at_least`).
    count_left: bool,
    /// 1 when equal passes (`at_least`, `at_most`), else 0.
    equal: u64,
}

impl ExactTarget {
    /// Prepares `target`.
    pub(crate) fn new(target: &Target<Decimal>) -> Self {
        let (mantissa, scale) = split(target.value);
        let hundred_scaled = 100 * pow10(scale);
        let narrow = match (u32::try_from(mantissa), u32::try_from(hundred_scaled)) {
            (Ok(m), Ok(h)) => Some(Narrow {
                mantissa: u64::from(m),
                hundred_scaled: u64::from(h),
                count_left: target.comparator.wants_more(),
                equal: u64::from(!target.comparator.is_strict()),
            }),
            _ => None,
        };
        ExactTarget {
            comparator: target.comparator,
            mantissa,
            hundred_scaled,
            narrow,
        }
    }

    /// Whether `count` of `of` meets the target:
    /// `count × 100 × 10^scale` against `mantissa × of`.
    pub(crate) fn met_by(&self, count: u32, of: u32) -> bool {
        if let Some(n) = self.narrow {
            let counted = u64::from(count) * n.hundred_scaled;
            let share = n.mantissa * u64::from(of);
            return if n.count_left {
                counted + n.equal > share
            } else {
                share + n.equal > counted
            };
        }
        let lhs = u128::from(count) * self.hundred_scaled;
        let rhs = self.mantissa * u128::from(of);
        self.comparator.accepts(lhs.cmp(&rhs))
    }
}

/// Whether `count` of `of` meets the target, compared exactly: what
/// [`counts_meet`] does with [`RateComparison::Exact`], small enough to be
/// built into each of C1's rates rather than called.
#[inline(always)]
pub(crate) fn counts_meet_exactly(count: u64, of: u64, target: &Target<Decimal>) -> bool {
    target
        .comparator
        .accepts(order_counts_exactly(count, of, target.value))
}

/// `100 × 10^scale` for each scale up to [`MAX_THRESHOLD_SCALE`]: the most
/// a threshold's mantissa may be at that scale, and the factor of a count
/// against it. At most `10^18`, so a `u64`.
pub(crate) const HUNDRED_POW10: [u64; MAX_THRESHOLD_SCALE as usize + 1] = [
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
];

/// [`counts_meet_exactly`] for a target that the plan's validation let
/// through (its threshold within 0–100, RULES §2), as C1's rates are
/// compared: a threshold written with at most [`MAX_THRESHOLD_SCALE`]
/// decimals is its own mantissa and scale. Within 0–100 its mantissa is at
/// most `100 × 10^scale` (so [`split`]'s bound changes nothing) and fits a
/// `u64`, as does `100 × 10^scale` ([`HUNDRED_POW10`]): each side is one
/// 64 × 64-bit product. Any other threshold is compared as
/// `counts_meet_exactly` compares it.
#[inline(always)]
pub(crate) fn validated_counts_meet(count: u64, of: u64, target: &Target<Decimal>) -> bool {
    let t = target.value;
    if let (Some(&hundred_scaled), Ok(m)) = (
        HUNDRED_POW10.get(t.scale() as usize),
        u64::try_from(t.mantissa().unsigned_abs()),
    ) {
        // count*100/of  vs  m/10^s   <=>  count*100*10^s  vs  m*of
        let lhs = u128::from(count) * u128::from(hundred_scaled);
        let rhs = u128::from(m) * u128::from(of);
        return target.comparator.accepts(lhs.cmp(&rhs));
    }
    counts_meet_exactly(count, of, target)
}

/// Whether figure `rate` meets `target` compared exactly (RULES §2), told
/// from mantissas and scales alone for a figure and a threshold as
/// validation let them through (within 0–100, so neither negative but for
/// `-0`, whose mantissa is 0) and written with at most
/// [`MAX_THRESHOLD_SCALE`] decimals: each mantissa is then at most
/// `100 × 10^scale`, a `u64`, and `ma / 10^sa` against `mb / 10^sb` is
/// `ma × 100 × 10^sb` against `mb × 100 × 10^sa`, two 64 × 64-bit
/// products from [`HUNDRED_POW10`]. `None` for any other figure or
/// threshold, which [`order_figure`] compares.
#[inline(always)]
pub(crate) fn validated_figure_meets(rate: Decimal, target: &Target<Decimal>) -> Option<bool> {
    let t = target.value;
    let (Some(&hundred_t), Some(&hundred_r), Ok(mt), Ok(mr)) = (
        HUNDRED_POW10.get(t.scale() as usize),
        HUNDRED_POW10.get(rate.scale() as usize),
        u64::try_from(t.mantissa().unsigned_abs()),
        u64::try_from(rate.mantissa().unsigned_abs()),
    ) else {
        return None;
    };
    let lhs = u128::from(mr) * u128::from(hundred_t);
    let rhs = u128::from(mt) * u128::from(hundred_r);
    Some(target.comparator.accepts(lhs.cmp(&rhs)))
}

/// Whether a rate meets the target.
#[inline]
pub fn rate_meets(rate: Rate, target: &Target<Decimal>, mode: RateComparison) -> bool {
    match rate {
        Rate::Counts { count, of } if mode == RateComparison::Exact => {
            counts_meet_exactly(count, of, target)
        }
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
pub fn rate_gap(rate: Rate, target: &Target<Decimal>, mode: RateComparison) -> Gap {
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
                Some(change) if reachable => Gap::Points { change, strict },
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
pub fn count_gap_for(actual: u64, target: &Target<u64>) -> Gap {
    let t = target.value;
    let needed = match target.comparator {
        Comparator::AtLeast | Comparator::AtMost => Some(t),
        Comparator::Above => t.checked_add(1),
        Comparator::Below => t.checked_sub(1),
    };
    count_gap(actual, needed)
}

/// A count gap from the actual count to `needed`, or unreachable.
pub fn count_gap(actual: u64, needed: Option<u64>) -> Gap {
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

/// Whether a decimal lies within 0–100, without `Decimal` arithmetic.
pub(crate) fn within_percent(value: Decimal) -> bool {
    if value.is_sign_negative() {
        return value.is_zero();
    }
    u128::try_from(value.mantissa()).is_ok_and(|m| m <= 100 * pow10(value.scale()))
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
    fn a_validated_figure_meets_a_target_as_order_figure_tells() {
        // Figures and thresholds as validation lets them through (within
        // 0–100, `-0` too), with up to 16 decimals (told here) and more
        // (left to `order_figure`).
        let values = [
            "0",
            "-0",
            "-0.000",
            "0.5",
            "1",
            "54.99",
            "55",
            "55.0",
            "55.00000000000000001",
            "61.25",
            "99.9999999999999999",
            "100",
            "100.0000000000000000",
            "100.000000000000000000000000",
            "0.0000000000000001",
            "0.00000000000000001",
        ];
        for comparator in [
            Comparator::AtLeast,
            Comparator::Above,
            Comparator::AtMost,
            Comparator::Below,
        ] {
            for threshold in values {
                let target = t(comparator, threshold);
                for figure in values {
                    let f = d(figure);
                    assert!(within_percent(f) && within_percent(target.value));
                    let exact = comparator.accepts(order_figure(f, target.value, EXACT));
                    let usual = f.scale() <= MAX_THRESHOLD_SCALE
                        && target.value.scale() <= MAX_THRESHOLD_SCALE;
                    let told = validated_figure_meets(f, &target);
                    assert_eq!(
                        told,
                        usual.then_some(exact),
                        "{figure} {comparator:?} {threshold}"
                    );
                }
            }
        }
    }

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
            change: d(change),
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
                matches!(g, Gap::Points { change: c, .. } if c == d(change)),
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
                change: d("54.876543210987654321098765433"),
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
                change: d("-98.623456789012345678901234568"),
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
                change: d("0.5"),
                strict: false
            }
        );
        let g = rate_gap(Rate::Figure(d("1.25")), &t(Comparator::Below, "1.0"), EXACT);
        assert_eq!(
            g,
            Gap::Points {
                change: d("-0.25"),
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
    fn a_prepared_target_compares_as_counts_meet_does() {
        let targets = [
            t(Comparator::Above, "85"),
            t(Comparator::Below, "1.0"),
            t(Comparator::AtLeast, "98.0"),
            t(Comparator::AtMost, "0.4"),
            t(Comparator::AtLeast, "99.9999999999999999"),
            t(Comparator::Above, "0"),
        ];
        let counts = [
            0,
            1,
            4,
            5,
            25,
            29,
            30,
            98,
            100,
            401,
            1512,
            u32::MAX - 1,
            u32::MAX,
        ];
        for target in &targets {
            let prepared = ExactTarget::new(target);
            for &of in &counts {
                for &count in counts.iter().filter(|&&c| c <= of) {
                    assert_eq!(
                        prepared.met_by(count, of),
                        counts_meet(u64::from(count), u64::from(of), target, EXACT),
                        "{count} of {of} against {target:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_hundred_times_ten_to_a_threshold_scale_is_read_from_the_table() {
        for s in 0..=MAX_THRESHOLD_SCALE {
            assert_eq!(pow10(s + 2), 100 * pow10(s), "scale {s}");
            let hundred_scaled = HUNDRED_POW10.get(s as usize).copied().map(u128::from);
            assert_eq!(hundred_scaled, Some(100 * pow10(s)), "scale {s}");
        }
    }

    #[test]
    fn rate_meets_compares_counts_as_counts_meet_does() {
        let targets = [
            t(Comparator::Above, "68"),
            t(Comparator::Below, "1.0"),
            t(Comparator::AtLeast, "98.0"),
            t(Comparator::AtMost, "0.4"),
            t(Comparator::AtLeast, "99.9999999999999999"),
        ];
        let counts = [0, 1, 4, 5, 9, 262, 368, 401, 1486, 1507, 1512, u64::MAX];
        let modes = [EXACT, RateComparison::Published { decimals: 1 }];
        for target in &targets {
            for &of in &counts {
                for &count in counts.iter().filter(|&&c| c <= of) {
                    for mode in modes {
                        assert_eq!(
                            rate_meets(Rate::Counts { count, of }, target, mode),
                            counts_meet(count, of, target, mode),
                            "{count} of {of} against {target:?}, {mode:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn decimals_order_as_decimal_does() {
        let values = [
            "0",
            "-0",
            "0.00",
            "-1.5",
            "1",
            "1.0",
            "0.9975",
            "55",
            "54.99",
            "61.25",
            "61.250",
            "100",
            "99.9999999999999999",
            "0.0000000000000000001",
            "0.00000000000000000001",
            "18446744073709551615",
            "18446744073709551616",
            "79228162514264337593543950335",
        ];
        for a in values {
            for b in values {
                let (a, b) = (d(a), d(b));
                assert_eq!(order_decimals(a, b), a.cmp(&b), "{a} against {b}");
            }
        }
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
