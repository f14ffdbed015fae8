//! Plans as data: the targets of clause 2.1.1, and a record's reference to
//! its plan. The shape of a plan, presets and inline plans are documented
//! on [`Plan`]; the policy behind every **\\[reading\\]** is `policy`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::member::{HeadRole, YearRating};
use crate::model::policy::Policy;
use crate::model::rate::{Target, present_rate_target};

/// A plan: the year it applies to, its targets, and its policy.
///
/// A plan is data: another cell or another year brings its own plan in the
/// same serde shape, never a code change. The 2024 plan of Chi bộ trường
/// THCS Bình Tân (Kế hoạch 13-KH/CB) ships as the preset with the id
/// [`Plan::BINH_TAN_2024`] ([`Plan::binh_tan_2024`]); its JSON is
/// `examples/plan-binh-tan-2024.json`. A record names its plan in `plan`:
/// a preset's id (`"plan": "binh-tan-2024"`) or a whole plan inline
/// ([`PlanRef`]).
///
/// In JSON every key of `targets` must be present; `null` leaves an
/// indicator out of the plan (its check is then not assessed). `policy` may
/// be left out or partial: each missing knob takes the reading of RULES.md
/// (see [`Policy`]).
///
/// # Example
///
/// An inline plan that asks only for the dropout target, and compares the
/// published figure, rounded to one decimal, rather than the exact counts.
/// Under it 4 dropouts of 401 (0.9975… %, published as 1.0 %) fail "below
/// 1.0"; compared exactly, as the preset does, they pass.
///
/// ```
/// use bontot::{CheckId, Plan, Status, assess, assess_record};
/// use bontot::json::parse_record;
/// use bontot::plan::{PlanRef, RateComparison};
///
/// let record = parse_record(r#"{
///     "plan": {
///         "id": "dropout-only",
///         "year": 2024,
///         "targets": {
///             "edu.dropout": {"comparator": "below", "value": "1.0"},
///             "edu.repetition": null, "edu.promotion": null, "edu.graduation": null,
///             "edu.efficiency": null, "edu.public_grade10": null, "edu.swimming": null,
///             "party.study": null, "party.admissions": null, "party.cell_rating": null,
///             "party.exemplary_commitment": null, "party.inspection": null
///         },
///         "policy": {"rate_comparison": {"published": {"decimals": 1}}}
///     },
///     "cell": {"year": 2024},
///     "education": {"dropout": {"count": 4, "of": 401}}
/// }"#)?;
///
/// assert!(matches!(record.plan, PlanRef::Inline(_)));
/// let plan = record.plan.resolve()?;
/// assert_eq!(plan.policy.rate_comparison, RateComparison::Published { decimals: 1 });
/// // The knobs left out keep their defaults, the readings of RULES.md.
/// assert_eq!(plan.policy.thematic_per_quarter, 1);
///
/// let assessment = assess_record(&record)?;
/// assert_eq!(assessment.check(CheckId::EduDropout).map(|c| c.status), Some(Status::Fail));
/// // A `null` target is not assessed.
/// assert!(assessment.check(CheckId::EduSwimming).is_none());
///
/// // The record names its plan: assessing it against another is an error,
/// // never a silent swap.
/// let err = assess(&Plan::binh_tan_2024(), &record).unwrap_err();
/// assert_eq!((err.kind().as_str(), err.path()), ("plan_mismatch", "plan"));
///
/// // The preset compares the counts exactly: 4 × 100 = 400 < 1.0 × 401.
/// let mut under_preset = record.clone();
/// under_preset.plan = PlanRef::Preset(Plan::BINH_TAN_2024.to_owned());
/// let exact = assess(&Plan::binh_tan_2024(), &under_preset)?;
/// assert_eq!(exact.check(CheckId::EduDropout).map(|c| c.status), Some(Status::Pass));
///
/// // Every key of `targets` is required: one left out is an error.
/// let json = r#"{"plan": {"id": "p", "year": 2024, "targets": {}}, "cell": {"year": 2024}}"#;
/// let err = parse_record(json).unwrap_err();
/// assert_eq!((err.kind().as_str(), err.path()), ("parse", "plan.targets.edu.dropout"));
/// # Ok::<(), bontot::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Plan {
    /// The plan's id (`binh-tan-2024`).
    pub id: String,
    /// The plan's title, for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The year the plan applies to.
    pub year: i32,
    /// Further years the plan applies to unchanged (RULES §9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_applies_to: Vec<i32>,
    /// The version of each framework the plan uses (informative), e.g.
    /// `"meeting_quality": "12-HD/BTCTW (06/07/2018)"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub frameworks: BTreeMap<String, String>,
    /// The indicator targets of clause 2.1.1.
    pub targets: Targets,
    /// The policy: one knob for every reading of the rules.
    #[serde(default)]
    pub policy: Policy,
}

/// Deserializes an `Option` that must be present (it may be `null`).
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)
}

/// The indicator targets of clause 2.1.1 (RULES §3). `None` leaves an
/// indicator out of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Targets {
    /// `edu.dropout`: dropouts in the school year / enrolled at its start.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "edu.dropout", deserialize_with = "present_rate_target")]
    pub dropout: Option<Target<Decimal>>,
    /// `edu.repetition`: students held back / enrolled at the start of the year.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "edu.repetition", deserialize_with = "present_rate_target")]
    pub repetition: Option<Target<Decimal>>,
    /// `edu.promotion`: promoted without re-examination / assessed at year end.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "edu.promotion", deserialize_with = "present_rate_target")]
    pub promotion: Option<Target<Decimal>>,
    /// `edu.graduation`: grade-9 graduates / grade-9 students considered.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "edu.graduation", deserialize_with = "present_rate_target")]
    pub graduation: Option<Target<Decimal>>,
    /// `edu.efficiency`: graduates this year / grade-6 intake of the cohort.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "edu.efficiency", deserialize_with = "present_rate_target")]
    pub efficiency: Option<Target<Decimal>>,
    /// `edu.public_grade10`: admitted to public grade 10 / grade-9 graduates
    /// **\[reading\]**: the plan does not name the base. The record gives
    /// the base as the rate's `of`, so a cell that counts another base (the
    /// grade-9 students, say) gives that one and keeps this target.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(
        rename = "edu.public_grade10",
        deserialize_with = "present_rate_target"
    )]
    pub public_grade10: Option<Target<Decimal>>,
    /// `edu.swimming`: students who can swim / students enrolled.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "edu.swimming", deserialize_with = "present_rate_target")]
    pub swimming: Option<Target<Decimal>>,
    /// `party.study`: members who took part / members required.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "party.study", deserialize_with = "present_rate_target")]
    pub study: Option<Target<Decimal>>,
    /// `party.admissions`: members admitted in the year.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::support::schema::Present<Target<u64>>")
    )]
    #[serde(rename = "party.admissions", deserialize_with = "present")]
    pub admissions: Option<Target<u64>>,
    /// `party.cell_rating`: the cell's year-end rating.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::support::schema::Present<Target<YearRating>>")
    )]
    #[serde(rename = "party.cell_rating", deserialize_with = "present")]
    pub cell_rating: Option<Target<YearRating>>,
    /// `party.exemplary_commitment`: the heads who must commit and fulfil.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::support::schema::Present<HeadsTarget>")
    )]
    #[serde(rename = "party.exemplary_commitment", deserialize_with = "present")]
    pub exemplary_commitment: Option<HeadsTarget>,
    /// `party.inspection`: members inspected / members.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "crate::support::schema::Present<Target<crate::support::schema::DecimalText>>"
        )
    )]
    #[serde(rename = "party.inspection", deserialize_with = "present_rate_target")]
    pub inspection: Option<Target<Decimal>>,
}

/// The heads who must commit to, and fulfil, their duty to set an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HeadsTarget {
    /// The heads, by role; each must appear in `party.heads`.
    pub heads: Vec<HeadRole>,
}

impl Plan {
    /// Whether the plan applies to `year`.
    pub fn applies_to(&self, year: i32) -> bool {
        self.year == year || self.also_applies_to.contains(&year)
    }
}

/// A record's `plan`: a preset's id, or a whole plan inline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanRef {
    /// A preset by id (`"binh-tan-2024"`).
    Preset(String),
    /// A plan given inline.
    Inline(Box<Plan>),
}

impl PlanRef {
    /// The preset with this id (`PlanRef::preset("binh-tan-2024")`).
    pub fn preset(id: impl Into<String>) -> Self {
        PlanRef::Preset(id.into())
    }
}

impl From<Plan> for PlanRef {
    /// A plan given inline.
    fn from(plan: Plan) -> Self {
        PlanRef::Inline(Box::new(plan))
    }
}

impl Serialize for PlanRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PlanRef::Preset(id) => s.serialize_str(id),
            PlanRef::Inline(plan) => plan.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for PlanRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PlanRef;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a preset's id or a plan object")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PlanRef, E> {
                Ok(PlanRef::Preset(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<PlanRef, A::Error> {
                let plan = Plan::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(PlanRef::Inline(Box::new(plan)))
            }
        }
        d.deserialize_any(V)
    }
}
