//! Validation of a plan's own figures (RULES §9), and the resolution of a
//! record's reference to its plan.

use rust_decimal::Decimal;

use crate::error::Error;
use crate::model::plan::{Plan, PlanRef};
use crate::model::policy::RateComparison;
use crate::model::rate::{MAX_PUBLISHED_DECIMALS, MAX_THRESHOLD_SCALE, within_percent};
use crate::support::seq::first_repeat;

impl Plan {
    /// Checks the plan's own figures: rate thresholds within 0–100 with at
    /// most 16 decimals, a real adoption deadline, heads named once.
    ///
    /// # Errors
    /// [`Error::InvalidPlan`] naming the field by its path under `plan`.
    pub fn validate(&self) -> Result<(), Error> {
        let t = &self.targets;
        let rate_targets = [
            (t.dropout.as_ref(), "edu.dropout"),
            (t.repetition.as_ref(), "edu.repetition"),
            (t.promotion.as_ref(), "edu.promotion"),
            (t.graduation.as_ref(), "edu.graduation"),
            (t.efficiency.as_ref(), "edu.efficiency"),
            (t.public_grade10.as_ref(), "edu.public_grade10"),
            (t.swimming.as_ref(), "edu.swimming"),
            (t.study.as_ref(), "party.study"),
            (t.inspection.as_ref(), "party.inspection"),
        ];
        for (target, id) in rate_targets {
            if let Some(target) = target {
                check_threshold(target.value, || format!("plan.targets.{id}.value"))?;
            }
        }
        check_threshold(self.policy.meeting_framework.attendance.value, || {
            "plan.policy.meeting_framework.attendance.value".to_owned()
        })?;
        if let RateComparison::Published { decimals } = self.policy.rate_comparison
            && decimals > MAX_PUBLISHED_DECIMALS
        {
            return Err(Error::InvalidPlan {
                path: "plan.policy.rate_comparison.published.decimals".to_owned(),
                reason: "must be at most 10",
            });
        }
        // 29 February is accepted (it is a day of a leap year, such as
        // 2024) and clamped per year at use.
        if self.policy.plan_adoption_deadline.in_year(2024).is_none() {
            return Err(Error::InvalidPlan {
                path: "plan.policy.plan_adoption_deadline".to_owned(),
                reason: "must be a day of the year",
            });
        }
        if let Some(h) = &t.exemplary_commitment
            && let Some((i, _)) = first_repeat(&h.heads, |&r| r)
        {
            return Err(Error::InvalidPlan {
                path: format!("plan.targets.party.exemplary_commitment.heads[{i}]"),
                reason: "a head must not be named twice",
            });
        }
        Ok(())
    }
}

/// A rate threshold (RULES §2, §9): within 0–100, with at most
/// [`MAX_THRESHOLD_SCALE`] decimals once trailing zeros are dropped.
fn check_threshold(value: Decimal, path: impl Fn() -> String) -> Result<(), Error> {
    if !within_percent(value) {
        return Err(Error::InvalidPlan {
            path: path(),
            reason: "a rate must be within 0–100",
        });
    }
    // Trailing zeros do not count: normalized only when they might matter.
    if value.scale() > MAX_THRESHOLD_SCALE && value.normalize().scale() > MAX_THRESHOLD_SCALE {
        return Err(Error::InvalidPlan {
            path: path(),
            reason: "must have at most 16 decimals",
        });
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_threshold_is_within_0_to_100_with_at_most_16_decimals() {
        let ok = |s: &str| check_threshold(s.parse().unwrap(), String::new).is_ok();
        for good in [
            "0",
            "-0",
            "100",
            "100.000",
            "85",
            "0.0000000000000001",
            "1.00000000000000000000",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in ["-0.1", "100.0000000000000001", "101", "0.00000000000000001"] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
