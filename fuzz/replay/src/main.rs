//! Prints, for each input file named on the command line, one line: the
//! file's path, a tab, and what bontot makes of it, as one line of JSON
//! (the assessment, or the error object).
//!
//! A file under a directory named `structured` is read as the structured
//! fuzz target reads it (knobs drawn with `arbitrary`, then a plan and a
//! record built from the reference record, assessed with the typed API);
//! any other file is handed to `assess_json` as text (lossily decoded, as
//! the `assess_json` target does). `../differential.sh` runs this tool
//! built against two revisions of the library and compares the output.
#![allow(dead_code, unused_imports)]

use std::io::Write;

include!("../../fuzz_targets/structured_input.rs");

fn main() -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        let structured = std::path::Path::new(&path)
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "structured");
        let line = if structured {
            let u = arbitrary::Unstructured::new(&bytes);
            match <Input as arbitrary::Arbitrary>::arbitrary_take_rest(u) {
                Err(e) => format!("{{\"arbitrary\":\"{e}\"}}"),
                Ok(input) => {
                    let plan = build_plan(&input.plan);
                    let record = build_record(&input, &plan);
                    match bontot::assess(&plan, &record) {
                        Ok(a) => bontot::json::to_json(&a),
                        Err(e) => bontot::json::error_to_json(&e),
                    }
                }
            }
        } else {
            match bontot::json::assess_json(&String::from_utf8_lossy(&bytes)) {
                Ok(a) => a,
                Err(e) => bontot::json::error_to_json(&e),
            }
        };
        writeln!(out, "{path}\t{}", line.replace('\n', " "))?;
    }
    out.flush()
}
