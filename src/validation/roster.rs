//! The roster (RULES §9): ids not empty and unique, exemptions that do not
//! contradict themselves, and the index by id that attendance lists are
//! resolved with.

use smallvec::SmallVec;

use crate::error::Error;
use crate::model::member::{Member, NotReviewed};

/// How many members a roster's index holds without allocating.
const INLINE_MEMBERS: usize = 64;

/// The roster, searchable by id.
#[derive(Debug)]
pub(crate) struct Roster<'a> {
    members: &'a [Member],
    /// Each id's [`prefix`] with its roster position, sorted by prefix,
    /// then id, then position.
    by_id: SmallVec<[(u64, u32); INLINE_MEMBERS]>,
    /// Official members not working elsewhere: the largest possible base.
    pub official_eligible: u32,
    /// Official members convened (not exempt, not working elsewhere).
    pub official_convened: u32,
}

impl<'a> Roster<'a> {
    /// Validates the roster and indexes it by id.
    ///
    /// # Errors
    /// The first member (by position) with an empty id, or whose `exempt`
    /// is false while `not_reviewed` is `exempt`; then the later of the
    /// first pair of members sharing an id.
    pub(crate) fn index(members: &'a [Member]) -> Result<Self, Error> {
        if u32::try_from(members.len()).is_err() {
            return Err(Error::Parse {
                path: "members".to_owned(),
                message: "too many members".to_owned(),
                line: 0,
                column: 0,
            });
        }
        let (mut official_eligible, mut official_convened) = (0u32, 0u32);
        for (i, m) in members.iter().enumerate() {
            if m.id.is_empty() {
                return Err(Error::Contradiction {
                    path: format!("members[{i}].id"),
                    reason: "a member's id must not be empty",
                });
            }
            if m.exempt == Some(false) && m.not_reviewed == Some(NotReviewed::Exempt) {
                return Err(Error::Contradiction {
                    path: format!("members[{i}].exempt"),
                    reason: "`exempt` is false but `not_reviewed` is \"exempt\"",
                });
            }
            if m.may_vote() {
                official_eligible += 1;
                if !m.is_exempt() {
                    official_convened += 1;
                }
            }
        }
        let id = |pos: u32| members.get(pos as usize).map_or("", |m| m.id.as_str());
        let mut by_id: SmallVec<[(u64, u32); INLINE_MEMBERS]> =
            members.iter().map(|m| prefix(&m.id)).zip(0u32..).collect();
        by_id.sort_unstable_by(|&(pa, a), &(pb, b)| {
            pa.cmp(&pb).then_with(|| id(a).cmp(id(b))).then(a.cmp(&b))
        });
        // Sorted, a repeated id sits next to its twin, the earlier position
        // first; the later one is reported.
        for pair in by_id.windows(2) {
            if let &[(pa, a), (pb, b)] = pair
                && pa == pb
                && id(a) == id(b)
            {
                return Err(Error::DuplicateMember {
                    path: format!("members[{b}].id"),
                    id: id(b).to_owned(),
                });
            }
        }
        Ok(Roster {
            members,
            by_id,
            official_eligible,
            official_convened,
        })
    }

    /// The member with this id and its position in the roster.
    pub(crate) fn find(&self, id: &str) -> Option<(u32, &'a Member)> {
        let key = prefix(id);
        let at = |pos: u32| self.member(pos).map_or("", |m| m.id.as_str());
        let i = self
            .by_id
            .binary_search_by(|&(p, pos)| p.cmp(&key).then_with(|| at(pos).cmp(id)))
            .ok()?;
        let &(_, pos) = self.by_id.get(i)?;
        Some((pos, self.member(pos)?))
    }

    /// The member at a roster position.
    pub(crate) fn member(&self, pos: u32) -> Option<&'a Member> {
        self.members.get(pos as usize)
    }

    /// The number of members.
    pub(crate) fn len(&self) -> usize {
        self.members.len()
    }
}

/// The first eight bytes of an id as one big-endian integer, zero-padded:
/// ids ordered by it, then by their bytes, are in the bytes' own order, and
/// most comparisons of the index are one integer comparison.
fn prefix(id: &str) -> u64 {
    let bytes = id.as_bytes();
    match bytes.first_chunk::<8>() {
        Some(head) => u64::from_be_bytes(*head),
        None => bytes
            .iter()
            .fold(0u64, |k, &b| (k << 8) | u64::from(b))
            .checked_shl(8 * (8 - bytes.len() as u32))
            .unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str) -> Member {
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","status":"official","role":"member"}}"#
        ))
        .unwrap()
    }

    #[test]
    fn the_first_member_with_an_empty_id_or_a_contradicted_exemption_is_named() {
        let contradicted = |id: &str| Member {
            exempt: Some(false),
            not_reviewed: Some(NotReviewed::Exempt),
            ..member(id)
        };
        let cases: [(Vec<Member>, &str); 6] = [
            (vec![member("")], "members[0].id"),
            (
                vec![member("dv01"), member(""), member("dv03")],
                "members[1].id",
            ),
            (
                vec![member("dv01"), member("dv02x"), member("")],
                "members[2].id",
            ),
            (
                vec![member("dv01"), contradicted("dv02"), member("")],
                "members[1].exempt",
            ),
            (
                vec![member("dv01"), member(""), contradicted("dv03")],
                "members[1].id",
            ),
            (vec![contradicted("x"), member("dv01")], "members[0].exempt"),
        ];
        for (members, path) in cases {
            let err = Roster::index(&members).unwrap_err();
            assert_eq!(err.path(), path);
        }
    }

    #[test]
    fn a_roster_in_any_order_finds_every_member_by_id() {
        for ids in [
            &["dv10", "dv02", "x", "dv01"][..],
            &["dv01", "dv02", "dv03"],
            &["a"],
            &[],
        ] {
            let members: Vec<Member> = ids.iter().map(|id| member(id)).collect();
            let roster = Roster::index(&members).unwrap();
            for (i, m) in members.iter().enumerate() {
                assert_eq!(roster.find(&m.id).map(|(p, _)| p as usize), Some(i));
            }
            assert!(roster.find("dv03x").is_none());
        }
    }

    #[test]
    fn a_repeated_id_names_the_later_of_the_first_pair() {
        let members: Vec<Member> = ["b", "a", "b", "a"].map(member).into();
        let err = Roster::index(&members).unwrap_err();
        assert_eq!(err.path(), "members[3].id");
        let members: Vec<Member> = ["dv01", "dv02", "dv01"].map(member).into();
        let err = Roster::index(&members).unwrap_err();
        assert_eq!(
            (err.kind().as_str(), err.path()),
            ("duplicate_member", "members[2].id")
        );
    }

    #[test]
    fn ids_ordered_by_prefix_then_bytes_are_in_byte_order() {
        let ids = [
            "",
            "a",
            "a\0",
            "ab",
            "dv01",
            "dv010",
            "dv01000000",
            "dv01000001",
            "dv1",
            "z",
        ];
        for a in ids {
            for b in ids {
                let by_prefix = prefix(a).cmp(&prefix(b)).then_with(|| a.cmp(b));
                assert_eq!(by_prefix, a.cmp(b), "{a:?} {b:?}");
            }
        }
    }
}
