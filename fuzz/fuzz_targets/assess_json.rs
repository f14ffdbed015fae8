//! `assess_json` over arbitrary bytes: it must never panic.
//!
//! Bytes that are not UTF-8 cannot reach `assess_json` (a `&str`); the C
//! and WebAssembly bindings reject them before the call. The target also
//! feeds their lossy decoding, so every input exercises the parser.
//!
//! When the record is assessed, the output must parse back as an
//! assessment, print identically, and render in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn exercise(text: &str) {
    match bontot::json::assess_json(text) {
        Ok(out) => {
            let assessment = match bontot::json::parse_assessment(&out) {
                Ok(a) => a,
                Err(e) => panic!("assess_json printed an assessment it cannot read back: {e}"),
            };
            assert_eq!(
                bontot::json::to_json(&assessment),
                out,
                "the assessment does not print back identically"
            );
            for lang in [bontot::Lang::Vi, bontot::Lang::En] {
                let _ = bontot::render(&assessment, lang);
            }
        }
        Err(e) => {
            // Every error names a kind and a path, and prints as JSON.
            assert!(!e.kind().as_str().is_empty());
            assert!(!e.path().is_empty());
            let _ = bontot::json::error_to_json(&e);
            let _ = e.to_string();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => exercise(text),
        Err(_) => exercise(&String::from_utf8_lossy(data)),
    }
});
