//! The core's modules form layers, and no arrow goes up: a module uses only modules of its own
//! layer or of layers below it (ARCHITECTURE.md, "Layers"). Read from the `crate::` paths of the
//! source (tests left out: a test may reach up to check what it needs).

use std::path::Path;

use kpiform_testkit::imports::{crate_imports, cycles};

/// From the bottom up. The crate root (`lib.rs`) only re-exports, and sits on top.
const LAYERS: &[&[&str]] = &[
    &["span", "text"],
    &["value", "calc", "count"],
    &["model", "diagnostic", "template"],
    &["parse"],
    &["rules"],
    &["review"],
    &["json"],
    &["export"],
    &["wire", ""],
];

fn layer(path: &str) -> Option<usize> {
    let top = path.split("::").next().unwrap_or("");
    // The crate's version is a constant of the crate, not a dependency.
    if top == "VERSION" {
        return Some(0);
    }
    LAYERS.iter().position(|l| l.contains(&top))
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let imports = crate_imports(&src);
    assert!(imports.len() > 200, "only {} imports read", imports.len());
    let mut up = Vec::new();
    for i in &imports {
        let (Some(from), Some(to)) = (layer(&i.from), layer(&i.to)) else {
            up.push(format!("{i} (a module in no layer: add it to LAYERS)"));
            continue;
        };
        if to > from {
            up.push(format!("{i}: layer {to} above layer {from}"));
        }
    }
    assert!(up.is_empty(), "arrows going up:\n{}", up.join("\n"));
}

/// Nor do the modules of one layer use each other in a circle.
#[test]
fn no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    assert_eq!(cycles(&src), Vec::<Vec<String>>::new());
}

/// The test sees what it must: an arrow up, written the ways code writes paths, is caught.
#[test]
fn an_arrow_up_is_caught() {
    let dir = std::env::temp_dir().join(format!("kpiform-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("parse")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod parse;\nmod rules;\n").unwrap();
    std::fs::write(
        dir.join("parse/mod.rs"),
        "use crate::{span::Span, rules::structure::Unplaced};\nfn f() { crate::rules::check(); }\n",
    )
    .unwrap();
    std::fs::write(dir.join("rules.rs"), "use crate::parse::Parsed;\n").unwrap();
    let up: Vec<String> = crate_imports(&dir)
        .iter()
        .filter(|i| layer(&i.to) > layer(&i.from))
        .map(|i| format!("{} -> {}", i.from, i.to))
        .collect();
    assert_eq!(
        up,
        [
            "parse -> rules::structure::Unplaced",
            "parse -> rules::check"
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
