//! Print a crate's module imports and cycles: `cargo run -p kpiform-testkit --example imports -- crates/web/src`
fn main() {
    let src = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "crates/core/src".into());
    let src = std::path::Path::new(&src);
    let modules = kpiform_testkit::imports::modules(src);
    let mut edges = std::collections::BTreeSet::new();
    for i in kpiform_testkit::imports::crate_imports(src) {
        if let Some(t) = kpiform_testkit::imports::owner(&modules, &i.to) {
            edges.insert((i.from, t));
        }
    }
    for (a, b) in edges {
        println!("{a} -> {b}");
    }
    for c in kpiform_testkit::imports::cycles(src) {
        println!("cycle: {}", c.join(", "));
    }
}
