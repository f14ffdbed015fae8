//! The model: the record's types, the plan's types and the ids the rules
//! name, as data. Nothing here runs a rule or reports an error; it imports
//! only `support`.

pub(crate) mod ids;
pub(crate) mod meeting;
pub(crate) mod member;
pub(crate) mod path;
pub(crate) mod plan;
pub(crate) mod policy;
pub(crate) mod preset;
pub(crate) mod rate;
pub(crate) mod record;
pub(crate) mod vote;
