fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let json = std::fs::read_to_string(path).unwrap_or_default();
    match bontot::assess_json(&json) {
        Ok(out) => println!("{out}"),
        Err(e) => { eprintln!("{e}"); std::process::exit(1) }
    }
}
