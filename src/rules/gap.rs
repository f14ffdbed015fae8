//! Gaps: what would have to change for a failed check to pass, in the
//! unit the cell controls (RULES §6).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::member::YearRating;
use crate::model::rate::exact_decimal;

/// What would have to change for a failed check to pass, in the unit the
/// cell controls (RULES §6).
///
/// On the wire: `{"needed": 5, "change": -1}` for counts,
/// `{"points": "-0.25", "strict": true}` for a rate given as a figure,
/// `{"rating": "good"}`, `{"judgment": true}`, `{"reachable": false}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "GapWire", into = "GapWire")]
#[non_exhaustive]
pub enum Gap {
    /// The nearest passing count (base held fixed) and the signed change to it.
    Count {
        /// The passing count nearest to the actual one.
        needed: u64,
        /// `needed - actual`: negative means "fewer".
        change: i128,
    },
    /// A rate given as a figure: the signed distance in percentage points
    /// to the threshold. With `strict`, the rate must move strictly beyond it.
    Points {
        /// `threshold - actual`, in percentage points.
        points: Decimal,
        /// Whether reaching the threshold exactly is still a failure.
        strict: bool,
    },
    /// The rating needed (the lowest that passes).
    Rating(YearRating),
    /// A judgment that must become `true`.
    Judgment,
    /// No value within the base can pass (a target above 100 %, say).
    Unreachable,
}

#[derive(Default, Serialize, Deserialize)]
// Named for what the wire holds in serde's messages, not the private type.
#[serde(
    expecting = "a gap: {\"needed\", \"change\"}, {\"points\", \"strict\"}, {\"rating\"}, {\"judgment\"} or {\"reachable\"}"
)]
struct GapWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    needed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    change: Option<i128>,
    #[serde(
        default,
        deserialize_with = "exact_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    points: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    strict: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rating: Option<YearRating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    judgment: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reachable: Option<bool>,
}

impl From<Gap> for GapWire {
    fn from(g: Gap) -> Self {
        let mut w = GapWire::default();
        match g {
            Gap::Count { needed, change } => {
                w.needed = Some(needed);
                w.change = Some(change);
            }
            Gap::Points {
                points: change,
                strict,
            } => {
                w.points = Some(change);
                w.strict = Some(strict);
            }
            Gap::Rating(r) => w.rating = Some(r),
            Gap::Judgment => w.judgment = Some(true),
            Gap::Unreachable => w.reachable = Some(false),
        }
        w
    }
}

impl TryFrom<GapWire> for Gap {
    type Error = &'static str;
    fn try_from(w: GapWire) -> Result<Self, Self::Error> {
        match w {
            GapWire {
                needed: Some(needed),
                change: Some(change),
                points: None,
                strict: None,
                rating: None,
                judgment: None,
                reachable: None,
            } => Ok(Gap::Count { needed, change }),
            GapWire {
                needed: None,
                change: None,
                points: Some(change),
                strict: Some(strict),
                rating: None,
                judgment: None,
                reachable: None,
            } => Ok(Gap::Points {
                points: change,
                strict,
            }),
            GapWire {
                needed: None,
                change: None,
                points: None,
                strict: None,
                rating: Some(r),
                judgment: None,
                reachable: None,
            } => Ok(Gap::Rating(r)),
            GapWire {
                needed: None,
                change: None,
                points: None,
                strict: None,
                rating: None,
                judgment: Some(true),
                reachable: None,
            } => Ok(Gap::Judgment),
            GapWire {
                needed: None,
                change: None,
                points: None,
                strict: None,
                rating: None,
                judgment: None,
                reachable: Some(false),
            } => Ok(Gap::Unreachable),
            _ => Err(
                "a gap is one of {needed, change}, {points, strict}, {rating}, {judgment: true}, {reachable: false}",
            ),
        }
    }
}
