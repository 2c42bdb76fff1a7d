//! The structure of every corpus form, one line per field and per indicator row, in snapshots
//! reviewed by hand (`cargo insta review` after a change; see tests/snapshots/).

use std::fmt::Write;

use kpiform_core::{parse, Form};

fn short(s: &str) -> String {
    let one_line = s.replace('\n', "⏎");
    let n = one_line.chars().count();
    if n <= 40 {
        one_line
    } else {
        format!("{}…({n})", one_line.chars().take(40).collect::<String>())
    }
}

fn render(text: &str) -> String {
    let doc = parse(text);
    let mut out = String::new();
    for d in &doc.diagnostics {
        writeln!(
            out,
            "outside L{}: {} {}",
            doc.lines.line(d.span.start),
            d.code(),
            d.message.zh
        )
        .unwrap();
    }
    for f in &doc.forms {
        render_form(&mut out, &doc, f);
    }
    out
}

fn render_form(out: &mut String, doc: &kpiform_core::Document, f: &Form) {
    let line = |s: kpiform_core::Span| doc.lines.line(s.start);
    writeln!(
        out,
        "\n== {} L{}-{} {} year={:?} unit={:?}",
        f.kind.as_str(),
        line(f.span),
        doc.lines.line(f.span.end),
        f.title.text,
        f.budget_year,
        f.amount_unit.map(|u| u.as_str())
    )
    .unwrap();
    for field in &f.fields {
        let amount = if field.key.is_amount() {
            format!(" = {:?}", field.amount)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:<14} {}{}",
            field.key.as_str(),
            short(&field.value.text),
            amount
        )
        .unwrap();
    }
    if f.years().is_some() || f.is_new().is_some() {
        writeln!(out, "  (years={:?} is_new={:?})", f.years(), f.is_new()).unwrap();
    }
    for t in &f.tasks {
        writeln!(
            out,
            "  task L{} {} | {} | {:?} {:?} {:?}",
            line(t.span),
            t.name.text,
            short(&t.content.text),
            t.total,
            t.fiscal,
            t.other
        )
        .unwrap();
    }
    for (n, g) in f.goals.iter().enumerate() {
        writeln!(out, "  goal {} {}", n + 1, short(&g.text)).unwrap();
    }
    for i in &f.indicators {
        writeln!(
            out,
            "  L{:<4} {}/{}{} | {} | {} | {} | {}{}",
            line(i.span),
            i.level1.map_or("?", |l| l.as_str()),
            i.level2.as_ref().map_or("?", |l| l.name()),
            if i.mandatory { "*" } else { "" },
            i.name.text,
            i.value.text,
            i.unit_text().unwrap_or_else(|| "-".into()),
            short(&i.explanation.text),
            if i.applicable { "" } else { "  [不适用]" }
        )
        .unwrap();
    }
    for d in &f.diagnostics {
        writeln!(out, "  ! L{} {} {}", line(d.span), d.code(), d.message.zh).unwrap();
    }
}

macro_rules! corpus_snapshot {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let text = kpiform_testkit::corpus($file).text;
            insta::assert_snapshot!(render(text));
        }
    };
}

corpus_snapshot!(corpus_000, "000");
corpus_snapshot!(corpus_001, "001");
corpus_snapshot!(corpus_002, "002");
corpus_snapshot!(corpus_003, "003");
