//! The tests of bontot's JSON Schemas live in `tests/schema.rs` of this
//! crate, which builds `bontot` with its `schema` feature: the checked-in
//! `schema/*.schema.json` are what `bontot::schema` generates (regenerate
//! them with `BONTOT_BLESS=1 cargo test -p bontot-schema-tests --test
//! schema`), and every example, golden input and golden output validates
//! against them, while the bad documents a schema can express are refused
//! by the schema and by the library alike.
