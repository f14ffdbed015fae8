//! The status of a check, a criterion or a finding, and how statuses
//! combine (RULES §4): Kleene's three-valued conjunction, where a known
//! failure decides whatever else is missing.

use crate::support::macros::str_enum;

str_enum! {
    /// The outcome of one check, criterion or finding.
    pub enum Status {
        /// The facts given meet the rule.
        Pass = "pass",
        /// A fact needed by the rule was not given.
        Unknown = "unknown",
        /// The facts given break the rule.
        Fail = "fail",
    }
}

impl Status {
    /// Kleene conjunction: `fail` if either fails, else `unknown` if either
    /// is unknown, else `pass`.
    ///
    /// The variants are declared in that order, `pass < unknown < fail`, so
    /// the conjunction is the greater of the two: one comparison.
    #[must_use]
    pub const fn and(self, other: Status) -> Status {
        if (other as u8) > (self as u8) {
            other
        } else {
            self
        }
    }

    /// Kleene conjunction over many statuses; `pass` for none.
    pub fn all<I: IntoIterator<Item = Status>>(statuses: I) -> Status {
        statuses.into_iter().fold(Status::Pass, Status::and)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_is_kleene_conjunction() {
        use Status::{Fail, Pass, Unknown};
        for a in [Pass, Unknown, Fail] {
            for b in [Pass, Unknown, Fail] {
                let expected = if a == Fail || b == Fail {
                    Fail
                } else if a == Unknown || b == Unknown {
                    Unknown
                } else {
                    Pass
                };
                assert_eq!(a.and(b), expected, "{a} and {b}");
                assert_eq!(Status::all([a, b]), expected, "{a} and {b}");
            }
        }
        assert_eq!(Status::all([]), Pass);
    }
}
