//! Every finding of the checker on the files given, with the text it quotes and its related
//! places: `cargo run --release -p kpiform-core --example findings -- FILE… [CODE…]` (codes or
//! prefixes such as `T004` or `I`; all rules when none). For judging a rule's findings by hand.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (files, codes): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| std::path::Path::new(a).exists());
    for path in files {
        let text = std::fs::read_to_string(path).expect("a text file");
        let doc = kpiform_core::check(&text, &Default::default());
        for f in &doc.forms {
            let name = f
                .text(kpiform_core::FieldKey::Name)
                .unwrap_or(&f.title.text);
            for d in &f.diagnostics {
                if !codes.is_empty() && !codes.iter().any(|c| d.code().starts_with(c.as_str())) {
                    continue;
                }
                let lc = doc.lines.line_col(&text, d.span.start);
                println!(
                    "{path}:{}  [{name}]  {} {}",
                    lc.line,
                    d.code(),
                    d.message.zh
                );
                println!("    「{}」", d.span.text(&text));
                for r in &d.related {
                    println!(
                        "    ↔ L{} {}「{}」",
                        doc.lines.line(r.span.start),
                        r.label.zh,
                        r.span.text(&text)
                    );
                }
            }
        }
    }
}
