//! C3 `unity_discipline` (clause 2.1.3) and C4 `members` (clause 2.1.4):
//! the member checks over the roster, the admissions target and the
//! cell's judgments.

use crate::model::ids::CheckId;
use crate::model::member::{Member, YearRating};
use crate::model::path::{FactPath, Field, MemberField};
use crate::model::plan::Plan;
use crate::model::record::CellYear;
use crate::rules::check::{Check, Detail};
use crate::rules::kinds::{aggregate, count, judgment};
use crate::rules::status::Status;
use crate::validation::Validated;

/// The members one member check finds at fault (by id), and the facts it
/// needed and was not given.
#[derive(Debug, Default)]
struct Offenders {
    ids: Vec<String>,
    missing: Vec<FactPath>,
}

impl Offenders {
    /// Notes member `i`'s fact: `Some(true)` offends, `None` is not given.
    fn note(&mut self, i: usize, m: &Member, fact: Option<bool>, field: MemberField) {
        match fact {
            Some(true) => self.ids.push(m.id.clone()),
            Some(false) => {}
            None => self.missing.push(FactPath::Member(
                u32::try_from(i).unwrap_or(u32::MAX),
                field,
            )),
        }
    }
}

/// The member checks of C3 and C4, gathered in one pass over the roster.
#[derive(Debug, Default)]
struct MemberChecks {
    /// `unity_discipline.prohibited_violations`: every member counts,
    /// reviewed or not (RULES §10).
    prohibited: Offenders,
    /// `members.none_disciplined`: reviewed members.
    disciplined: Offenders,
    /// `members.none_not_completed`: reviewed members.
    not_completed: Offenders,
    /// `members.leaders_exemplary`: reviewed leaders rated below the
    /// policy's least rating (`min`).
    leaders: Offenders,
}

impl MemberChecks {
    /// Goes over the roster once.
    fn gather(members: &[Member], min: YearRating) -> MemberChecks {
        let mut c = MemberChecks::default();
        for (i, m) in members.iter().enumerate() {
            let prohibited = m.violated_prohibitions;
            c.prohibited
                .note(i, m, prohibited, MemberField::ViolatedProhibitions);
            if m.is_reviewed() {
                c.disciplined
                    .note(i, m, m.disciplined, MemberField::Disciplined);
                let not_completed = m.rating.map(|r| r == YearRating::NotCompleted);
                c.not_completed
                    .note(i, m, not_completed, MemberField::Rating);
                if m.role.is_leader() {
                    let below = m.rating.map(|r| r < min);
                    c.leaders.note(i, m, below, MemberField::Rating);
                }
            }
        }
        c
    }
}

/// A member check from what the roster holds (RULES §4): offenders against
/// an allowance, unknown without a roster.
fn member_check(out: &mut Vec<Check>, id: CheckId, found: Option<Offenders>, allowance: u32) {
    let Some(found) = found else {
        out.push(Check::unknown(id, vec![Field::Members.into()]));
        return;
    };
    let n = found.ids.len() as u64;
    let detail = (!found.ids.is_empty()).then_some(Detail::Members(found.ids));
    let allowance = u64::from(allowance);
    aggregate(out, id, n, allowance, Status::Pass, found.missing, detail);
}

/// C3 `unity_discipline` (2.1.3) and C4 `members` (2.1.4), in that order;
/// their member checks share one pass over the roster.
pub(crate) fn unity_discipline_and_members(
    plan: &Plan,
    record: &CellYear,
    v: &Validated<'_>,
    out: &mut Vec<Check>,
) {
    let p = &plan.policy;
    let found = record
        .members
        .as_deref()
        .map(|roster| MemberChecks::gather(roster, p.leader_min_rating));
    let (prohibited, disciplined, not_completed, leaders) = match found {
        Some(c) => (
            Some(c.prohibited),
            Some(c.disciplined),
            Some(c.not_completed),
            Some(c.leaders),
        ),
        None => (None, None, None, None),
    };

    // C3. Every member counts here, reviewed or not (RULES §10).
    member_check(out, CheckId::ProhibitedViolations, prohibited, 0);
    let u = record.unity_discipline.as_ref();
    let judgments = [
        (
            CheckId::WorkRulesFollowed,
            u.and_then(|x| x.work_rules_followed),
            Field::WorkRulesFollowed,
        ),
        (
            CheckId::PrinciplesUpheld,
            u.and_then(|x| x.principles_upheld),
            Field::PrinciplesUpheld,
        ),
        (
            CheckId::AdministrativeDiscipline,
            u.and_then(|x| x.administrative_discipline),
            Field::AdministrativeDiscipline,
        ),
        (
            CheckId::IssuesResolved,
            u.and_then(|x| x.issues_resolved),
            Field::IssuesResolved,
        ),
    ];
    for (id, value, field) in judgments {
        judgment(out, id, value, field);
    }

    // C4, counted over reviewed members only.
    member_check(
        out,
        CheckId::NoneDisciplined,
        disciplined,
        p.max_disciplined,
    );
    member_check(
        out,
        CheckId::NoneNotCompleted,
        not_completed,
        p.max_not_completed,
    );
    member_check(out, CheckId::LeadersExemplary, leaders, 0);
    if let Some(target) = &plan.targets.admissions {
        let value = record.party.as_ref().and_then(|x| x.admissions);
        count(
            out,
            CheckId::MemberDevelopment,
            target,
            value,
            Field::Admissions,
            &v.span,
        );
    }
    let conduct = record
        .members_conduct
        .as_ref()
        .and_then(|x| x.exemplary_conduct);
    judgment(
        out,
        CheckId::ExemplaryConduct,
        conduct,
        Field::ExemplaryConduct,
    );
}
