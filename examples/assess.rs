//! Assesses a cell's year and prints the report, or the assessment as JSON.
//!
//! ```text
//! cargo run --example assess -- [--json] [--lang vi|en] FILE
//! ```
//!
//! `FILE` is a cell-year record (see `examples/cell-year-2024.json`); `-`
//! reads it from standard input. Without `--json` the example prints the
//! rendered report, in Vietnamese unless `--lang en`; with `--json` it prints
//! the assessment as JSON.
//!
//! Exit status: 0 on success; 1 for bad input (a file that cannot be read, a
//! record that cannot be parsed or fails validation), with the error on
//! standard error; 2 for bad usage, with the usage on standard error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use bontot::Lang;

const USAGE: &str = "\
usage: assess [--json] [--lang vi|en] FILE

Assesses a cell-year record (JSON) against the \"Chi bộ bốn tốt\" rules.

  FILE         the record; `-` reads standard input
  --json       print the assessment as JSON instead of the report
  --lang LANG  the report's language: vi (default) or en
  -h, --help   print this help
";

/// What the command line asks for.
#[derive(Debug)]
struct Args {
    json: bool,
    lang: Lang,
    file: String,
}

/// How parsing the command line ended, when it did not give [`Args`].
enum Stop {
    /// `--help`: print the usage and succeed.
    Help,
    /// Bad usage, with what was wrong.
    Usage(String),
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, Stop> {
    let mut json = false;
    let mut lang = None;
    let mut file = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(Stop::Help),
            "--json" => json = true,
            "--lang" => {
                let value = args
                    .next()
                    .ok_or_else(|| Stop::Usage("--lang needs a value".into()))?;
                lang = Some(parse_lang(&value)?);
            }
            s if s.starts_with("--lang=") => {
                lang = Some(parse_lang(s.trim_start_matches("--lang="))?);
            }
            s if s.starts_with('-') && s != "-" => {
                return Err(Stop::Usage(format!("unknown option {s}")));
            }
            _ if file.is_some() => return Err(Stop::Usage("more than one FILE".into())),
            _ => file = Some(arg),
        }
    }
    let file = file.ok_or_else(|| Stop::Usage("no FILE given".into()))?;
    Ok(Args {
        json,
        lang: lang.unwrap_or(Lang::Vi),
        file,
    })
}

fn parse_lang(value: &str) -> Result<Lang, Stop> {
    Lang::from_name(value).ok_or_else(|| Stop::Usage(format!("unknown language {value:?}")))
}

/// The record's text, from the file or standard input.
fn read_input(file: &str) -> io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        io::stdin().lock().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
    }
}

/// The report or the JSON for the record's text.
fn run(args: &Args, text: &str) -> Result<String, bontot::Error> {
    if args.json {
        let mut out = bontot::json::assess_json(text)?;
        out.push('\n');
        return Ok(out);
    }
    let assessment = bontot::assess_record(&bontot::json::parse_record(text)?)?;
    Ok(bontot::render(&assessment, args.lang))
}

/// Writes `text` to `out`; a closed pipe is not worth a panic.
fn write(mut out: impl Write, text: &str) -> bool {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_ok()
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(Stop::Help) => {
            write(io::stdout().lock(), USAGE);
            return ExitCode::SUCCESS;
        }
        Err(Stop::Usage(why)) => {
            write(io::stderr().lock(), &format!("assess: {why}\n{USAGE}"));
            return ExitCode::from(2);
        }
    };
    let name = if args.file == "-" {
        "<stdin>"
    } else {
        args.file.as_str()
    };
    let text = match read_input(&args.file) {
        Ok(text) => text,
        Err(e) => {
            write(io::stderr().lock(), &format!("{name}: {e}\n"));
            return ExitCode::from(1);
        }
    };
    match run(&args, &text) {
        Ok(out) => {
            if write(io::stdout().lock(), &out) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            write(io::stderr().lock(), &format!("{name}: {e}\n"));
            ExitCode::from(1)
        }
    }
}
