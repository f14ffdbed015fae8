//! C1 `political_task` (clause 2.1.1): the plan's education and
//! party-building targets, the heads' exemplary commitment, the cell's
//! judgments and the grievance counts that must be zero.

use crate::model::ids::CheckId;
use crate::model::member::{Head, HeadRole};
use crate::model::path::{FactPath, Field, HeadField};
use crate::model::plan::Plan;
use crate::model::rate::Comparator;
use crate::model::rate::Rate;
use crate::model::record::{CellYear, Education};
use crate::rules::check::{Check, Detail, Quantity};
use crate::rules::gap::Gap;
use crate::rules::kinds::{count, judgment, rate, rating, zero};
use crate::rules::status::Status;
use crate::validation::Validated;

/// C1 `political_task` (clause 2.1.1, RULES §3, §4): the plan's rates in
/// its order, the admissions, the cell's rating, the heads' commitment and
/// the inspections, then the cell's judgments and the counts that must be
/// zero. A target the plan leaves out (`null`) is not assessed.
pub(crate) fn political_task(
    plan: &Plan,
    record: &CellYear,
    v: &Validated<'_>,
    out: &mut Vec<Check>,
) {
    let t = &plan.targets;
    let p = &plan.policy;
    let e = record.education.as_ref();
    let party = record.party.as_ref();
    let span = Some(&v.span);
    let education = |f: fn(&Education) -> Option<Rate>| e.and_then(f);
    let rates = [
        (
            CheckId::EduDropout,
            &t.dropout,
            education(|x| x.dropout),
            Field::Dropout,
        ),
        (
            CheckId::EduRepetition,
            &t.repetition,
            education(|x| x.repetition),
            Field::Repetition,
        ),
        (
            CheckId::EduPromotion,
            &t.promotion,
            education(|x| x.promotion),
            Field::Promotion,
        ),
        (
            CheckId::EduGraduation,
            &t.graduation,
            education(|x| x.graduation),
            Field::Graduation,
        ),
        (
            CheckId::EduEfficiency,
            &t.efficiency,
            education(|x| x.efficiency),
            Field::Efficiency,
        ),
        (
            CheckId::EduPublicGrade10,
            &t.public_grade10,
            education(|x| x.public_grade10),
            Field::PublicGrade10,
        ),
        (
            CheckId::EduSwimming,
            &t.swimming,
            education(|x| x.swimming),
            Field::Swimming,
        ),
    ];
    for (id, target, value, field) in rates {
        if let Some(target) = target {
            rate(out, id, target, value, field, p, None);
        }
    }
    // Members who studied and members inspected build up during the year.
    if let Some(target) = &t.study {
        let value = party.and_then(|x| x.study);
        rate(
            out,
            CheckId::PartyStudy,
            target,
            value,
            Field::Study,
            p,
            span,
        );
    }
    if let Some(target) = &t.admissions {
        let value = party.and_then(|x| x.admissions);
        count(
            out,
            CheckId::PartyAdmissions,
            target,
            value,
            Field::Admissions,
            &v.span,
        );
    }
    if let Some(target) = &t.cell_rating {
        let value = record.year_end_rating;
        rating(out, CheckId::PartyCellRating, target, value, &v.span);
    }
    if let Some(target) = &t.exemplary_commitment {
        heads(out, &target.heads, party.and_then(|x| x.heads.as_deref()));
    }
    if let Some(target) = &t.inspection {
        let value = party.and_then(|x| x.inspection);
        rate(
            out,
            CheckId::PartyInspection,
            target,
            value,
            Field::Inspection,
            p,
            span,
        );
    }
    let pt = record.political_task.as_ref();
    let judgments = [
        (
            CheckId::PlansConcretized,
            pt.and_then(|x| x.plans_concretized),
            Field::PlansConcretized,
        ),
        (
            CheckId::AntiDegradation,
            pt.and_then(|x| x.anti_degradation),
            Field::AntiDegradation,
        ),
        (
            CheckId::InspectionWork,
            pt.and_then(|x| x.inspection_work),
            Field::InspectionWork,
        ),
        (
            CheckId::PartyBuildingWork,
            pt.and_then(|x| x.party_building_work),
            Field::PartyBuildingWork,
        ),
    ];
    for (id, value, field) in judgments {
        judgment(out, id, value, field);
    }
    let counts = [
        (
            CheckId::OutstandingCases,
            pt.and_then(|x| x.outstanding_cases),
            Field::OutstandingCases,
        ),
        (
            CheckId::MassComplaints,
            pt.and_then(|x| x.mass_complaints),
            Field::MassComplaints,
        ),
        (
            CheckId::OverLevelComplaints,
            pt.and_then(|x| x.over_level_complaints),
            Field::OverLevelComplaints,
        ),
    ];
    for (id, value, field) in counts {
        zero(out, id, value, field);
    }
}

/// `party.exemplary_commitment`: every head the plan names committed and
/// fulfilled the duty to set an example.
///
/// `party.heads` left out or `null` is not given: the check is unknown. A
/// list that is given is a fact (RULES §10, "an empty list is a fact"): a
/// head the plan names who is not on it has no commitment on record and
/// fails, as one whose `committed` or `fulfilled` is `false` does; a head on
/// it whose `committed` or `fulfilled` is left out is unknown.
fn heads(out: &mut Vec<Check>, required: &[HeadRole], given: Option<&[Head]>) {
    let id = CheckId::PartyExemplaryCommitment;
    let Some(given) = given else {
        out.push(Check::unknown(id, vec![Field::Heads.into()]));
        return;
    };
    let mut failing: Vec<HeadRole> = Vec::new();
    let mut missing: Vec<FactPath> = Vec::new();
    let mut kept = 0u64;
    for role in required {
        let Some((i, head)) = given.iter().enumerate().find(|(_, h)| h.role == *role) else {
            failing.push(*role);
            continue;
        };
        // Both kept (the common case) first: one comparison each.
        let (committed, fulfilled) = (head.committed, head.fulfilled);
        if committed == Some(true) && fulfilled == Some(true) {
            kept += 1;
            continue;
        }
        if committed == Some(false) || fulfilled == Some(false) {
            failing.push(*role);
        }
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for (v, field) in [
            (committed, HeadField::Committed),
            (fulfilled, HeadField::Fulfilled),
        ] {
            if v.is_none() {
                missing.push(FactPath::Head(i, field));
            }
        }
    }
    let status = if !failing.is_empty() {
        Status::Fail
    } else if !missing.is_empty() {
        Status::Unknown
    } else {
        Status::Pass
    };
    let required = required.len() as u64;
    let failed = status == Status::Fail;
    out.push(Check {
        actual: Some(Quantity::Count(kept)),
        comparator: Some(Comparator::AtLeast),
        target: Some(Quantity::Count(required)),
        gap: failed.then_some(Gap::Judgment),
        detail: failed.then_some(Detail::Heads(failing)),
        missing,
        ..Check::new(id, status)
    });
}
