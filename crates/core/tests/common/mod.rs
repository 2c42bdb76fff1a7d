//! Shared test helpers.

use kpiform_core::{parse, Span};

/// Pieces of `text` that are neither placed in the parsed structure nor reported by a
/// diagnostic. Spaces, table pipes and Markdown separator rows are layout, not content.
pub fn uncovered(text: &str) -> Vec<String> {
    let doc = parse(text);
    let mut spans: Vec<Span> = Vec::new();
    for d in doc.all_diagnostics() {
        spans.push(d.span);
    }
    for f in &doc.forms {
        spans.extend(&f.structure);
        spans.push(f.title.span);
        for field in &f.fields {
            spans.push(field.label.span);
            spans.push(field.value.span);
        }
        for t in &f.tasks {
            spans.extend([
                t.name.span,
                t.content.span,
                t.total_span,
                t.fiscal_span,
                t.other_span,
            ]);
        }
        spans.extend(f.goals.iter().map(|g| g.span));
        for i in f.indicators.iter().chain(&f.medium_indicators) {
            spans.extend(i.level1_cell.iter().map(|c| c.span));
            spans.extend(i.level2_cell.iter().map(|c| c.span));
            spans.extend([i.name.span, i.value.span, i.explanation.span]);
            spans.extend(i.unit.iter().map(|c| c.span));
            for c in [&i.operator, &i.medium_value, &i.weight]
                .into_iter()
                .flatten()
            {
                spans.push(c.span);
            }
            spans.extend(i.others.iter().map(|(_, c)| c.span));
        }
    }
    let mut covered = vec![false; text.len()];
    for s in spans {
        for b in covered.iter_mut().take(s.end.min(text.len())).skip(s.start) {
            *b = true;
        }
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        let trimmed = line.trim();
        let separator = trimmed.contains('|')
            && trimmed.contains('-')
            && trimmed
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':') || kpiform_core::is_space(c));
        if !separator {
            let mut piece = String::new();
            for (i, c) in line.char_indices() {
                let layout = kpiform_core::is_space(c) || c == '|';
                if !layout && !covered[offset + i] {
                    piece.push(c);
                } else if !piece.is_empty() {
                    out.push(std::mem::take(&mut piece));
                }
            }
            if !piece.is_empty() {
                out.push(piece);
            }
        }
        offset += line.len();
    }
    out
}
