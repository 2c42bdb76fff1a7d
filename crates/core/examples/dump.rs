//! Print what the parser reads from files: `cargo run -p kpiform-core --example dump -- FILE…`.
use kpiform_core::{parse, FieldKey};

fn main() {
    let mut total = (0, 0, 0);
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("read");
        let doc = parse(&text);
        let rows: usize = doc.indicator_count();
        let app: usize = doc
            .forms
            .iter()
            .map(|f| f.applicable_indicators().count())
            .sum();
        println!(
            "== {path}: {} forms, {rows} rows, {app} applicable",
            doc.forms.len()
        );
        total.0 += doc.forms.len();
        total.1 += rows;
        total.2 += app;
        for d in &doc.diagnostics {
            let lc = doc.lines.line_col(&text, d.span.start);
            println!(
                "  [doc] {}:{} {} {}",
                lc.line,
                lc.column,
                d.code(),
                d.message.zh
            );
        }
        for f in &doc.forms {
            let l = doc.lines.line(f.span.start);
            println!(
                "  {} L{}-{} code={:?} name={:?} unit={:?} total={:?} year={:?} years={:?} rows={}",
                f.kind.as_str(),
                l,
                doc.lines.line(f.span.end),
                f.text(FieldKey::Code),
                f.text(FieldKey::Name),
                f.amount_unit.map(|u| u.as_str()),
                f.amount(FieldKey::TotalAmount),
                f.amount(FieldKey::YearAmount),
                f.years(),
                f.indicators.len()
            );
            if std::env::var("ROWS").is_ok() {
                for r in &f.indicators {
                    println!(
                        "     L{} {:?}/{:?}{} | {} | {} | {:?} | {}{}",
                        doc.lines.line(r.span.start),
                        r.level1.map(|l| l.as_str()),
                        r.level2.as_ref().map(|l| l.name().to_string()),
                        if r.mandatory { "*" } else { "" },
                        r.name.text,
                        r.value.text,
                        r.unit_text(),
                        r.explanation.text.chars().take(20).collect::<String>(),
                        if r.applicable { "" } else { " [n/a]" }
                    );
                }
            }
            for d in &f.diagnostics {
                let lc = doc.lines.line_col(&text, d.span.start);
                println!(
                    "     {}:{} {} {}",
                    lc.line,
                    lc.column,
                    d.code(),
                    d.message.zh
                );
            }
        }
    }
    println!(
        "TOTAL forms={} rows={} applicable={}",
        total.0, total.1, total.2
    );
}
