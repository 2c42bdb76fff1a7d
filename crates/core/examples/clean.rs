//! Print the cleaned text and its changes: `cargo run -p kpiform-core --example clean -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let c = kpiform_core::export::clean(&text, &Default::default());
    print!("{}", c.text);
    let doc = kpiform_core::parse(&text);
    for ch in &c.changes {
        let lc = doc.lines.line_col(&text, ch.span.start);
        eprintln!(
            "{}:{} {} {:?} → {:?}",
            lc.line, lc.column, ch.code, ch.before, ch.after
        );
    }
}
