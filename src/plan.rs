//! Plans as data: the targets of clause 2.1.1 and the policy behind every
//! **\[reading\]** of the rules. The shape of a plan, presets and inline
//! plans are documented on [`Plan`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::indicator::{
    Comparator, MAX_PUBLISHED_DECIMALS, MAX_THRESHOLD_SCALE, Target, present_rate_target,
    rate_target,
};
use crate::macros::str_enum;
use crate::member::{HeadRole, YearRating};

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
/// use bontot::{CheckId, Plan, PlanRef, RateComparison, Status, assess, assess_record, parse_record};
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
/// // The preset compares the counts exactly: 4 × 100 = 400 < 1.0 × 401.
/// let exact = assess(&Plan::binh_tan_2024(), &record)?;
/// assert_eq!(exact.check(CheckId::EduDropout).map(|c| c.status), Some(Status::Pass));
///
/// // Every key of `targets` is required: one left out is an error.
/// let json = r#"{"plan": {"id": "p", "year": 2024, "targets": {}}, "cell": {"year": 2024}}"#;
/// let err = parse_record(json).unwrap_err();
/// assert_eq!((err.kind(), err.path()), ("parse", "plan.targets.edu.dropout"));
/// # Ok::<(), bontot::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// `edu.dropout`: dropouts in the school year / enrolled at its start.
    #[serde(rename = "edu.dropout", deserialize_with = "present_rate_target")]
    pub dropout: Option<Target<Decimal>>,
    /// `edu.repetition`: students held back / enrolled at the start of the year.
    #[serde(rename = "edu.repetition", deserialize_with = "present_rate_target")]
    pub repetition: Option<Target<Decimal>>,
    /// `edu.promotion`: promoted without re-examination / assessed at year end.
    #[serde(rename = "edu.promotion", deserialize_with = "present_rate_target")]
    pub promotion: Option<Target<Decimal>>,
    /// `edu.graduation`: grade-9 graduates / grade-9 students considered.
    #[serde(rename = "edu.graduation", deserialize_with = "present_rate_target")]
    pub graduation: Option<Target<Decimal>>,
    /// `edu.efficiency`: graduates this year / grade-6 intake of the cohort.
    #[serde(rename = "edu.efficiency", deserialize_with = "present_rate_target")]
    pub efficiency: Option<Target<Decimal>>,
    /// `edu.public_grade10`: admitted to public grade 10 / grade-9 graduates
    /// **\[reading\]**: the plan does not name the base. The record gives
    /// the base as the rate's `of`, so a cell that counts another base (the
    /// grade-9 students, say) gives that one and keeps this target.
    #[serde(
        rename = "edu.public_grade10",
        deserialize_with = "present_rate_target"
    )]
    pub public_grade10: Option<Target<Decimal>>,
    /// `edu.swimming`: students who can swim / students enrolled.
    #[serde(rename = "edu.swimming", deserialize_with = "present_rate_target")]
    pub swimming: Option<Target<Decimal>>,
    /// `party.study`: members who took part / members required.
    #[serde(rename = "party.study", deserialize_with = "present_rate_target")]
    pub study: Option<Target<Decimal>>,
    /// `party.admissions`: members admitted in the year.
    #[serde(rename = "party.admissions", deserialize_with = "present")]
    pub admissions: Option<Target<u64>>,
    /// `party.cell_rating`: the cell's year-end rating.
    #[serde(rename = "party.cell_rating", deserialize_with = "present")]
    pub cell_rating: Option<Target<YearRating>>,
    /// `party.exemplary_commitment`: the heads who must commit and fulfil.
    #[serde(rename = "party.exemplary_commitment", deserialize_with = "present")]
    pub exemplary_commitment: Option<HeadsTarget>,
    /// `party.inspection`: members inspected / members.
    #[serde(rename = "party.inspection", deserialize_with = "present_rate_target")]
    pub inspection: Option<Target<Decimal>>,
}

/// The heads who must commit to, and fulfil, their duty to set an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadsTarget {
    /// The heads, by role; each must appear in `party.heads`.
    pub heads: Vec<HeadRole>,
}

/// How rates given as counts are compared (RULES §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RateComparison {
    /// Exactly: `count × 100` against `target × of`, no rounding (default).
    #[default]
    Exact,
    /// As the published figure: round half-up to `decimals` first.
    Published {
        /// Decimals of the published figure (at most 10).
        decimals: u32,
    },
}

str_enum! {
    /// Which meetings a run of absences with leave is counted over.
    pub enum LeaveRunScope {
        /// All the year's meetings in date order, regular and thematic
        /// together **\[reading\]** (default).
        AllMeetings = "all_meetings",
        /// Regular meetings only.
        RegularOnly = "regular_only",
    }
}

str_enum! {
    /// What the monthly votes do to the year (RULES §7).
    pub enum MonthlyResults {
        /// Reported only (default).
        Informative = "informative",
        /// A content not achieved in some month fails that criterion,
        /// through its `<criterion>.monthly_votes` check
        /// ([`CheckId::monthly_votes`](crate::CheckId::monthly_votes)).
        EveryMonth = "every_month",
    }
}

/// The hard conditions of a `good` meeting rating (HD 12-HD/BTCTW), as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeetingFramework {
    /// Attendance, in percent of members required (exempt absentees left
    /// out): above 85 by default.
    #[serde(deserialize_with = "rate_target")]
    pub attendance: Target<Decimal>,
    /// Absences without leave allowed at a `good` meeting: 0 by default.
    pub max_unexcused_absences: u32,
    /// The longest run of absences with leave a member may have: 3 by
    /// default; the meeting at which a run reaches 4 is not `good`.
    pub max_leave_run: u32,
    /// Which meetings a run is counted over **\[reading\]**.
    pub leave_run_scope: LeaveRunScope,
    /// The meeting's length in minutes: at least 90 by default.
    pub minutes: Target<u64>,
}

impl Default for MeetingFramework {
    fn default() -> Self {
        MeetingFramework {
            attendance: Target {
                comparator: Comparator::Above,
                value: Decimal::from(85),
            },
            max_unexcused_absences: 0,
            max_leave_run: 3,
            leave_run_scope: LeaveRunScope::AllMeetings,
            minutes: Target {
                comparator: Comparator::AtLeast,
                value: 90,
            },
        }
    }
}

/// A day of the year without the year (`{"month": 3, "day": 31}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month.
    pub day: u32,
}

impl MonthDay {
    /// The date in `year`, if the day exists in that year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// Whether the day exists in a leap year: what `in_year(2024)` tells,
    /// read from the month's length instead of building the date.
    pub(crate) fn in_leap_year(self) -> bool {
        const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let days = self.month.checked_sub(1).and_then(|m| DAYS.get(m as usize));
        days.is_some_and(|&days| (1..=days).contains(&self.day))
    }
}

/// The policy: one knob for every **\[reading\]** of RULES.md. Every default
/// is the reading RULES.md fixes.
///
/// In JSON a plan's `policy` may be left out or give only some knobs; each
/// knob left out keeps its default. The [`Plan`] example reads a whole plan
/// with a partial policy; a policy alone reads the same way:
///
/// ```
/// use bontot::{Policy, RateComparison};
///
/// let policy: Policy =
///     serde_json::from_str(r#"{"rate_comparison": {"published": {"decimals": 1}}}"#).unwrap();
/// assert_eq!(policy.rate_comparison, RateComparison::Published { decimals: 1 });
/// assert_eq!(
///     Policy { rate_comparison: RateComparison::Exact, ..policy },
///     Policy::default(),
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Exact comparison of counts (default) or of the published figure.
    pub rate_comparison: RateComparison,
    /// `meeting_quality.monthly_good`: regular meetings that may be rated
    /// below `good` **\[reading\]**: 0 by default.
    pub monthly_good_allowance: u32,
    /// `meeting_quality.rating_supported`: the framework's hard conditions.
    pub meeting_framework: MeetingFramework,
    /// `meeting_quality.thematic_quarterly`: thematic meetings required in
    /// each quarter **\[reading\]**: 1 by default; 0 turns the check off.
    pub thematic_per_quarter: u32,
    /// `members.none_disciplined`: reviewed members who may have been
    /// disciplined **\[reading\]**: 0 by default.
    pub max_disciplined: u32,
    /// `members.none_not_completed`: reviewed members who may be rated
    /// `not_completed` **\[reading\]**: 0 by default.
    pub max_not_completed: u32,
    /// `members.leaders_exemplary`: the least rating of the secretary,
    /// deputy and committee members **\[reading\]**: `good` by default.
    pub leader_min_rating: YearRating,
    /// `process.plan_adoption`: the last day of "đầu năm" **\[reading\]**:
    /// 31 March by default.
    pub plan_adoption_deadline: MonthDay,
    /// What the monthly votes do to the year: reported only by default.
    pub monthly_results: MonthlyResults,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            rate_comparison: RateComparison::Exact,
            monthly_good_allowance: 0,
            meeting_framework: MeetingFramework::default(),
            thematic_per_quarter: 1,
            max_disciplined: 0,
            max_not_completed: 0,
            leader_min_rating: YearRating::Good,
            plan_adoption_deadline: MonthDay { month: 3, day: 31 },
            monthly_results: MonthlyResults::Informative,
        }
    }
}

fn rate(comparator: Comparator, tenths: i64) -> Option<Target<Decimal>> {
    Some(Target {
        comparator,
        value: Decimal::new(tenths, 1),
    })
}

impl Plan {
    /// The id of the preset for the 2024 plan of Chi bộ trường THCS Bình Tân
    /// (Kế hoạch 13-KH/CB, 02/05/2024).
    pub const BINH_TAN_2024: &'static str = "binh-tan-2024";

    /// The ids of every preset.
    pub const PRESETS: &'static [&'static str] = &[Plan::BINH_TAN_2024];

    /// The preset with this id, if there is one.
    pub fn preset(id: &str) -> Option<Plan> {
        (id == Plan::BINH_TAN_2024).then(Plan::binh_tan_2024)
    }

    /// The 2024 plan of Chi bộ trường THCS Bình Tân, clause 2.1.1, with the
    /// readings of RULES.md as its policy.
    pub fn binh_tan_2024() -> Plan {
        use Comparator::*;
        let frameworks = [
            ("model", "01-HD/QU (05/09/2023)"),
            ("meeting_quality", "12-HD/BTCTW (06/07/2018)"),
            ("meeting_quality_city", "02-HD/TU (22/03/2019)"),
            ("meeting_quality_district", "22-NQ/QU (11/11/2022)"),
            ("prohibitions", "37-QĐ/TW (25/10/2021)"),
            ("exemplary_duty", "101-QĐ/TW, 55-QĐ/TW, 08-QĐ/TW"),
        ];
        Plan {
            id: Plan::BINH_TAN_2024.to_owned(),
            title: Some(
                "Kế hoạch 13-KH/CB xây dựng mô hình \u{201c}Chi bộ bốn tốt\u{201d}, \
                 Chi bộ trường THCS Bình Tân"
                    .to_owned(),
            ),
            year: 2024,
            also_applies_to: Vec::new(),
            frameworks: frameworks
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            targets: Targets {
                dropout: rate(Below, 10),
                repetition: rate(Below, 4),
                promotion: rate(AtLeast, 980),
                graduation: rate(AtLeast, 1000),
                efficiency: rate(AtLeast, 910),
                public_grade10: rate(Above, 680),
                swimming: rate(AtLeast, 550),
                study: rate(AtLeast, 980),
                admissions: Some(Target {
                    comparator: AtLeast,
                    value: 6,
                }),
                cell_rating: Some(Target {
                    comparator: AtLeast,
                    value: YearRating::Good,
                }),
                exemplary_commitment: Some(HeadsTarget {
                    heads: vec![HeadRole::Secretary, HeadRole::Principal],
                }),
                inspection: rate(AtLeast, 1000),
            },
            policy: Policy::default(),
        }
    }

    /// Whether the plan applies to `year`.
    pub fn applies_to(&self, year: i32) -> bool {
        self.year == year || self.also_applies_to.contains(&year)
    }

    /// Checks the plan's own figures: rate thresholds within 0–100 with at
    /// most 16 decimals, a real adoption deadline, heads named once.
    ///
    /// # Errors
    /// [`Error::InvalidPlan`] naming the field by its path under `plan`.
    pub fn validate(&self) -> Result<(), Error> {
        let t = &self.targets;
        target_threshold(t.dropout.as_ref(), "edu.dropout")?;
        target_threshold(t.repetition.as_ref(), "edu.repetition")?;
        target_threshold(t.promotion.as_ref(), "edu.promotion")?;
        target_threshold(t.graduation.as_ref(), "edu.graduation")?;
        target_threshold(t.efficiency.as_ref(), "edu.efficiency")?;
        target_threshold(t.public_grade10.as_ref(), "edu.public_grade10")?;
        target_threshold(t.swimming.as_ref(), "edu.swimming")?;
        target_threshold(t.study.as_ref(), "party.study")?;
        target_threshold(t.inspection.as_ref(), "party.inspection")?;
        let attendance = self.policy.meeting_framework.attendance.value;
        if !threshold_reads(&attendance) {
            check_threshold(attendance, || {
                "plan.policy.meeting_framework.attendance.value".to_owned()
            })?;
        }
        if let RateComparison::Published { decimals } = self.policy.rate_comparison
            && decimals > MAX_PUBLISHED_DECIMALS
        {
            return Err(Error::InvalidPlan {
                path: "plan.policy.rate_comparison.published.decimals".to_owned(),
                reason: "must be at most 10",
            });
        }
        // 29 February is accepted here (as in a leap year) and clamped per
        // year at use.
        if !self.policy.plan_adoption_deadline.in_leap_year() {
            return Err(Error::InvalidPlan {
                path: "plan.policy.plan_adoption_deadline".to_owned(),
                reason: "must be a day of the year",
            });
        }
        if let Some(h) = &t.exemplary_commitment
            && let Some((i, _)) = crate::validate::first_repeat(&h.heads, |&r| r)
        {
            return Err(Error::InvalidPlan {
                path: format!("plan.targets.party.exemplary_commitment.heads[{i}]"),
                reason: "a head must not be named twice",
            });
        }
        Ok(())
    }
}

/// A rate target's threshold: tested inline ([`threshold_reads`]), checked
/// in full, with its path, only when that test fails ([`target_error`]).
#[inline(always)]
fn target_threshold(target: Option<&Target<Decimal>>, id: &'static str) -> Result<(), Error> {
    match target {
        Some(t) if !threshold_reads(&t.value) => target_error(&t.value, id),
        _ => Ok(()),
    }
}

/// [`check_threshold`] for the target `id`. Out of line, taking the value
/// and the id as they are, so that the usual case keeps neither on the
/// stack for the closure that builds the path.
#[cold]
#[inline(never)]
fn target_error(value: &Decimal, id: &'static str) -> Result<(), Error> {
    check_threshold(*value, || format!("plan.targets.{id}.value"))
}

/// The usual threshold, which [`check_threshold`] passes: not negative,
/// written with at most 16 decimals (so no normalizing is needed), and
/// within 0–100. `false` sends the value to the full check, which also
/// passes the unusual ones (`-0`, or more decimals than needed).
///
/// A mantissa within 100 at a scale of 16 or less fits 64 bits, so it is
/// compared with the table of `100 × 10^scale`
/// ([`crate::indicator::HUNDRED_POW10`]) in 64 bits, not with the 128-bit
/// arithmetic of `within_percent`.
#[inline(always)]
pub(crate) fn threshold_reads(value: &Decimal) -> bool {
    !value.is_sign_negative()
        && crate::indicator::HUNDRED_POW10
            .get(value.scale() as usize)
            .is_some_and(|&limit| u64::try_from(value.mantissa()).is_ok_and(|m| m <= limit))
}

#[cold]
fn check_threshold(value: Decimal, path: impl Fn() -> String) -> Result<(), Error> {
    if !crate::indicator::within_percent(value) {
        return Err(Error::InvalidPlan {
            path: path(),
            reason: "a rate must be within 0–100",
        });
    }
    if value.scale() > MAX_THRESHOLD_SCALE && value.normalize().scale() > MAX_THRESHOLD_SCALE {
        return Err(Error::InvalidPlan {
            path: path(),
            reason: "must have at most 16 decimals",
        });
    }
    Ok(())
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
    /// The plan this reference names.
    ///
    /// # Errors
    /// [`Error::UnknownPreset`] for an id that names no preset.
    pub fn resolve(&self) -> Result<Plan, Error> {
        match self {
            PlanRef::Preset(id) => {
                Plan::preset(id).ok_or_else(|| Error::UnknownPreset { id: id.clone() })
            }
            PlanRef::Inline(plan) => Ok((**plan).clone()),
        }
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
