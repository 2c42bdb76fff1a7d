//! Print what the parser reads from files: `cargo run -p kpiform-core --example dump -- FILE…`.
//! `ROWS=1` lists the indicator rows, `DIAG=1` every diagnostic (else a count per code).
use std::collections::BTreeMap;

use kpiform_core::{parse, FieldKey};

fn short(s: &str, n: usize) -> String {
    let one = s.replace('\n', "⏎");
    if one.chars().count() <= n {
        one
    } else {
        format!("{}…", one.chars().take(n).collect::<String>())
    }
}

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
                short(&d.message.zh, 70)
            );
        }
        for f in &doc.forms {
            println!(
                "  {} [{}] L{}-{} {:?} unit={:?} year={:?} rows={}",
                f.kind.as_str(),
                f.template.info().key,
                doc.lines.line(f.span.start),
                doc.lines.line(f.span.end),
                f.title.text,
                f.amount_unit.map(|u| u.as_str()),
                f.budget_year,
                f.indicators.len()
            );
            if !f.medium_indicators.is_empty() {
                println!("     medium-term rows: {}", f.medium_indicators.len());
            }
            for field in &f.fields {
                let label = if field.key == FieldKey::Extra {
                    format!("extra({})", field.label.text)
                } else {
                    field.key.as_str().to_string()
                };
                println!(
                    "     {label:<16} = {}{}",
                    short(&field.value.text, 50),
                    field.amount.map(|a| format!("  [{a}]")).unwrap_or_default()
                );
            }
            if std::env::var("ROWS").is_ok() {
                for r in &f.indicators {
                    let more: Vec<String> = [
                        r.operator.as_ref().map(|c| format!("op={}", c.text)),
                        r.medium_value.as_ref().map(|c| format!("mid={}", c.text)),
                        r.weight.as_ref().map(|c| format!("w={}", c.text)),
                    ]
                    .into_iter()
                    .flatten()
                    .chain(r.others.iter().map(|(h, c)| format!("{h}={}", c.text)))
                    .collect();
                    println!(
                        "     L{} {:?}/{:?}{} | {} | {} | {:?} | {} {}{}",
                        doc.lines.line(r.span.start),
                        r.level1.map(|l| l.as_str()),
                        r.level2.as_ref().map(|l| l.name().to_string()),
                        if r.mandatory { "*" } else { "" },
                        r.name.text,
                        r.value.text,
                        r.unit_text(),
                        short(&r.explanation.text, 16),
                        more.join(" "),
                        if r.applicable { "" } else { " [n/a]" }
                    );
                }
            }
            if std::env::var("DIAG").is_ok() {
                for d in &f.diagnostics {
                    let lc = doc.lines.line_col(&text, d.span.start);
                    println!(
                        "     {}:{} {} {}",
                        lc.line,
                        lc.column,
                        d.code(),
                        short(&d.message.zh, 80)
                    );
                }
            } else {
                let mut by: BTreeMap<&str, usize> = BTreeMap::new();
                for d in &f.diagnostics {
                    *by.entry(d.code()).or_default() += 1;
                }
                if !by.is_empty() {
                    println!("     diagnostics: {by:?}");
                }
            }
        }
    }
    println!(
        "TOTAL forms={} rows={} applicable={}",
        total.0, total.1, total.2
    );
}
