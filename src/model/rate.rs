//! Rates and targets as data (RULES §2, §3): how a value is compared with a
//! target, a target, and a rate as the record gives it, with their exact
//! wire readers. The comparison itself is `rules::compare`.

use core::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::support::macros::str_enum;
use crate::support::pow10::pow10;

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
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Target_{T}")
)]
#[serde(deny_unknown_fields)]
pub struct Target<T> {
    /// How the actual value is compared.
    pub comparator: Comparator,
    /// The threshold.
    pub value: T,
}

impl<T> Target<T> {
    /// "từ X trở lên", "ít nhất X", a bare target figure: at least `value`.
    pub const fn at_least(value: T) -> Self {
        Target {
            comparator: Comparator::AtLeast,
            value,
        }
    }

    /// "không quá X": at most `value`.
    pub const fn at_most(value: T) -> Self {
        Target {
            comparator: Comparator::AtMost,
            value,
        }
    }

    /// "dưới X": below `value`.
    pub const fn below(value: T) -> Self {
        Target {
            comparator: Comparator::Below,
            value,
        }
    }

    /// "trên X": above `value`.
    pub const fn above(value: T) -> Self {
        Target {
            comparator: Comparator::Above,
            value,
        }
    }
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
/// ([`Policy::rate_comparison`](crate::plan::Policy::rate_comparison)).
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

impl Rate {
    /// `count` of `of` (`Rate::counts(4, 520)`: 4 dropouts of 520 enrolled).
    pub const fn counts(count: u64, of: u64) -> Rate {
        Rate::Counts { count, of }
    }

    /// A published figure in percent: `Rate::percent("61.25".parse()?)` is
    /// 61.25 %.
    pub const fn percent(figure: Decimal) -> Rate {
        Rate::Figure(figure)
    }
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

/// Reads a decimal exactly (RULES §2, §9, §10): a JSON string in plain
/// notation (`"61.25"`), or a JSON number (`61.25`, `6.125e1`), with no
/// more digits than a `Decimal` holds; `null` is `None`. A figure is never
/// rounded on the way in: `"54.99999999999999999999999999999"` (31 digits)
/// is an error, where a rounding parser would read 55 and pass "at least
/// 55". Malformed text (`"61,5"`, `"5_5"`, `"+61.25"`, `".5"`, `" 61.25"`)
/// is an error too.
///
/// A JSON number is read from its own text, which serde_json hands over
/// for a [`RAW_VALUE`] request (its `raw_value` feature, which changes
/// nothing else in a build), never through a float. Any other deserializer
/// is asked for a string or an integer.
pub(crate) fn exact_decimal<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Decimal>, D::Error> {
    use serde::de::{Error as _, Unexpected};
    let text = match d.deserialize_newtype_struct(RAW_VALUE, DecimalText)? {
        Wire::Null => return Ok(None),
        Wire::Text(text) => text,
        Wire::Other(kind) => return Err(D::Error::invalid_type(kind.unexpected(), &EXPECTED)),
    };
    let (text, number) = match &text {
        Text::Number(t) => (t.as_str(), true),
        Text::String(t) => (t.as_str(), false),
    };
    // A string is in plain notation (RULES §10); a JSON number may also
    // carry an exponent.
    let plain = number || !text.contains(['e', 'E']);
    let exact = if plain && is_json_number(text) {
        match text.split_once(['e', 'E']) {
            None => Decimal::from_str_exact(text).ok(),
            // The mantissa must be exact; the exponent then only moves the
            // point, and fails rather than rounds beyond 28 places.
            Some((mantissa, _)) => Decimal::from_str_exact(mantissa)
                .ok()
                .and_then(|_| Decimal::from_scientific(text).ok()),
        }
    } else {
        None
    };
    exact.map(Some).ok_or_else(|| {
        let found = if number {
            Unexpected::Other(text)
        } else {
            Unexpected::Str(text)
        };
        D::Error::invalid_value(found, &EXPECTED)
    })
}

/// The name under which serde_json's deserializers hand a visitor the text
/// of the next value (`serde_json::value::RawValue`).
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// A decimal as the wire gives it.
enum Wire {
    /// `null`, or nothing.
    Null,
    /// A number's digits or a string's contents.
    Text(Text),
    /// Anything else: the kind of JSON value, for the error.
    Other(Kind),
}

/// The text of a decimal on the wire.
enum Text {
    /// A JSON number, as written.
    Number(String),
    /// A JSON string, unescaped.
    String(String),
}

/// A kind of JSON value that is not a decimal.
#[derive(Clone, Copy)]
enum Kind {
    Bool,
    Seq,
    Map,
}

impl Kind {
    fn unexpected(self) -> serde::de::Unexpected<'static> {
        match self {
            Kind::Bool => serde::de::Unexpected::Other("a boolean"),
            Kind::Seq => serde::de::Unexpected::Seq,
            Kind::Map => serde::de::Unexpected::Map,
        }
    }
}

/// The text of a JSON value as serde_json hands it over: a number's
/// digits, a string's contents (unescaped), or the kind of anything else.
fn classify(raw: &str) -> Option<Wire> {
    let raw = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    Some(match raw.as_bytes().first()? {
        b'n' => Wire::Null,
        b't' | b'f' => Wire::Other(Kind::Bool),
        b'[' => Wire::Other(Kind::Seq),
        b'{' => Wire::Other(Kind::Map),
        b'"' => Wire::Text(Text::String(unescape(raw.get(1..raw.len() - 1)?)?)),
        _ => Wire::Text(Text::Number(raw.to_owned())),
    })
}

/// The contents of a JSON string (between its quotes), with its escapes
/// (`\"`, `\\`, `\uXXXX`, …) decoded; `None` if one is malformed.
fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next()? {
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                let unit = u32::from_str_radix(&hex, 16).ok()?;
                // A surrogate pair: its second half follows as `\uXXXX`.
                if (0xD800..0xDC00).contains(&unit) {
                    let rest: String = chars.by_ref().take(6).collect();
                    let low = u32::from_str_radix(rest.strip_prefix("\\u")?, 16).ok()?;
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low.checked_sub(0xDC00)?))?
                } else {
                    char::from_u32(unit)?
                }
            }
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            other => other,
        };
        out.push(decoded);
    }
    Some(out)
}

/// Reads a decimal from whatever the deserializer offers: the raw text of
/// a JSON value (serde_json), or a string or an integer (any other).
struct DecimalText;

impl<'de> serde::de::Visitor<'de> for DecimalText {
    type Value = Wire;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Wire::Null)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Wire::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Self::Value, D::Error> {
        // A deserializer that does not hand over raw text.
        d.deserialize_any(self)
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Wire::Other(Kind::Bool))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Wire::Text(Text::String(v.to_owned())))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Wire::Text(Text::Number(v.to_string())))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Wire::Text(Text::Number(v.to_string())))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Ok(Wire::Other(Kind::Seq))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error as _;
        // serde_json's raw value: one entry, the value's own text.
        match map.next_key::<String>()? {
            Some(key) if key == RAW_VALUE => {
                let raw = map.next_value::<String>()?;
                classify(&raw)
                    .ok_or_else(|| A::Error::invalid_value(serde::de::Unexpected::Str(&raw), &self))
            }
            _ => Ok(Wire::Other(Kind::Map)),
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
pub(crate) const MAX_THRESHOLD_SCALE: u32 = 16;

/// The most decimals the "published figure" policy may round to.
pub(crate) const MAX_PUBLISHED_DECIMALS: u32 = 10;

/// Whether a decimal lies within 0–100 (`-0` is 0), told from its
/// mantissa and scale: `m / 10^s ≤ 100` is `m ≤ 100 × 10^s`.
pub(crate) fn within_percent(value: Decimal) -> bool {
    if value.is_sign_negative() {
        return value.is_zero();
    }
    value.mantissa().unsigned_abs() <= 100 * pow10(value.scale())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(json: &str) -> Result<Rate, String> {
        serde_json::from_str::<Rate>(&format!(r#"{{"rate": {json}}}"#)).map_err(|e| e.to_string())
    }

    #[test]
    fn a_figure_is_read_from_its_digits_as_a_string_or_a_number() {
        let d = |s: &str| Rate::Figure(s.parse().unwrap());
        assert_eq!(figure(r#""61.25""#), Ok(d("61.25")));
        assert_eq!(figure("61.25"), Ok(d("61.25")));
        assert_eq!(figure("6.125e1"), Ok(d("61.25")));
        assert_eq!(
            figure("54.999999999999999999"),
            Ok(d("54.999999999999999999"))
        );
        assert_eq!(figure("100"), Ok(d("100")));
        // Escapes in a string are decoded first.
        assert_eq!(figure(r#""\u0036\u0031.25""#), Ok(d("61.25")));
    }

    #[test]
    fn a_figure_that_is_not_a_plain_decimal_is_an_error() {
        for bad in [
            r#""61,5""#,
            r#""5_5""#,
            r#""+61.25""#,
            r#"".5""#,
            r#"" 61.25""#,
            r#""6.125e1""#,
            r#""54.99999999999999999999999999999""#,
            "54.99999999999999999999999999999",
            "true",
            "[61.25]",
            r#"{"v": 61.25}"#,
        ] {
            let err = figure(bad).unwrap_err();
            assert!(err.contains("a decimal in plain notation"), "{bad}: {err}");
        }
        // `null` is a figure not given, and a rate must then be counts.
        assert!(figure("null").is_err());
    }

    #[test]
    fn a_figure_reads_from_a_json_value_too() {
        let v = serde_json::json!({"rate": "61.25"});
        let r: Rate = serde_json::from_value(v).unwrap();
        assert_eq!(r, Rate::Figure("61.25".parse().unwrap()));
    }

    #[test]
    fn within_percent_is_0_to_100() {
        for (s, ok) in [
            ("0", true),
            ("-0", true),
            ("100", true),
            ("100.00", true),
            ("99.999", true),
            ("100.01", false),
            ("-0.01", false),
            ("1000", false),
        ] {
            assert_eq!(within_percent(s.parse().unwrap()), ok, "{s}");
        }
    }
}
