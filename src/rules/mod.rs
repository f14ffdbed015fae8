//! The rules: the outcome types, the comparison arithmetic, one file per
//! criterion, the monthly cycle and the process findings. They read the
//! record through `validation::Validated` and push checks; none builds a
//! string.

pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod gap;
pub(crate) mod kinds;
pub(crate) mod meeting_quality;
pub(crate) mod meeting_rating;
pub(crate) mod members;
pub(crate) mod monthly;
pub(crate) mod political_task;
pub(crate) mod process;
pub(crate) mod status;
