//! A meeting's votes (RULES §9): at a regular meeting only, on a base of at
//! least one and no larger than the official members, and no content's
//! tally above the base or the official members present.

use crate::error::Error;
use crate::model::ids::CriterionId;
use crate::model::meeting::Meeting;
use crate::model::vote::{Tally, Votes};

/// Checks the votes of meeting `i`. `official`: the official members not
/// working elsewhere, with a roster; `official_present`: those of the base
/// present, when the roster and the attendance tell.
pub(super) fn check(
    i: usize,
    m: &Meeting,
    v: &Votes,
    official: Option<u32>,
    official_present: Option<u32>,
) -> Result<(), Error> {
    let path = || format!("meetings[{i}].votes");
    if !m.is_regular() {
        return Err(Error::VotesOutsideRegularMeeting { path: path() });
    }
    // RULES §9: a zero base is an error; a cell votes with some members.
    if v.base == 0 {
        return Err(Error::ZeroBase {
            path: format!("{}.base", path()),
        });
    }
    if let Some(official) = official
        && v.base > official
    {
        return Err(Error::BaseAboveOfficial {
            path: format!("{}.base", path()),
            base: v.base,
            official,
        });
    }
    for content in CriterionId::CRITERIA {
        let Some(tally) = v.tally(content) else {
            continue;
        };
        let votes = votes(tally);
        if votes > u64::from(v.base) {
            return Err(Error::TallyAboveBase {
                path: format!("{}.{content}", path()),
                votes,
                base: v.base,
            });
        }
        if let Some(present) = official_present
            && votes > u64::from(present)
        {
            return Err(Error::TallyAbovePresent {
                path: format!("{}.{content}", path()),
                votes,
                official_present: present,
            });
        }
    }
    Ok(())
}

/// A tally's votes, for and against.
fn votes(t: Tally) -> u64 {
    u64::from(t.for_) + u64::from(t.against)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_votes_base_is_at_least_one_and_at_most_the_official_members() {
        let m: Meeting = serde_json::from_str(r#"{"date":"2024-01-10","kind":"regular"}"#).unwrap();
        let edges = [0, 1, 2, 23, 24, 25, u32::MAX - 1, u32::MAX];
        for official in edges.map(Some).into_iter().chain([None]) {
            for base in edges {
                let v = Votes {
                    base,
                    political_task: None,
                    meeting_quality: None,
                    unity_discipline: None,
                    members: None,
                };
                let result = check(0, &m, &v, official, None);
                let bound = official.unwrap_or(u32::MAX);
                assert_eq!(
                    result.is_ok(),
                    (1..=bound).contains(&base),
                    "{base} {official:?}"
                );
                if base == 0 {
                    let e = result.unwrap_err();
                    assert_eq!(
                        (e.kind().as_str(), e.path()),
                        ("zero_base", "meetings[0].votes.base")
                    );
                }
            }
        }
    }
}
