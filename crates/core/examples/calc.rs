//! Show what the 测算依据 reader finds: `cargo run -p kpiform-core --example calc -- FILE [FORM#]`.
use kpiform_core::FieldKey;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    let doc = kpiform_core::parse(&text);
    for (n, f) in doc.forms.iter().enumerate() {
        if args
            .get(2)
            .is_some_and(|k| k.parse::<usize>().ok() != Some(n + 1))
        {
            continue;
        }
        let Some(field) = f.field(FieldKey::CalcBasis) else {
            continue;
        };
        let _ = field;
        let Some(c) = kpiform_core::Facts::new(&text, f, None).calc else {
            continue;
        };
        println!(
            "== form {} items={} year={:?}",
            n + 1,
            c.items,
            f.amount(FieldKey::YearAmount)
        );
        for m in &c.amounts {
            println!(
                "  {:>12} {:<4} item={} sent={} depth={} per={} kw={:?} expr={:?}",
                m.number,
                m.unit.as_str(),
                m.item,
                m.sentence,
                m.depth,
                m.per,
                m.keyword,
                m.in_expr
            );
        }
        for e in &c.exprs {
            println!(
                "  expr {:?} = {} (computed {}) right={}",
                e.left,
                e.result,
                e.computed,
                e.is_right()
            );
        }
    }
}
