//! Support: what every floor above may use, and which knows nothing of
//! the rules: the `str_enum!` macro, the calendar of a year, and small
//! generic helpers.

pub(crate) mod calendar;
pub(crate) mod macros;
pub(crate) mod pow10;
#[cfg(feature = "schema")]
pub(crate) mod schema;
pub(crate) mod seq;
