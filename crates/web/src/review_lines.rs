//! The reviewer's decisions as lines of text: how the page keeps them in localStorage
//! (settings.rs) and how the checker module hands an opened review file to the page (plain
//! strings cross from the worker without the page decoding the review's types).
//!
//! A line each, fields split by tabs (white space in a quote is folded, so no field holds a tab
//! or a line break once cleaned): `D form code quote reason` dismissed, `C form code quote
//! comment`, `K form code quote` kept, `G form grade reason` a grade set, `F form` done, `O` and
//! the formula's eleven numbers. A line of four fields without a tag is a dismissal (how earlier
//! versions stored them).

pub fn to_lines(d: &kpiform_core::Dispositions) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let key = |k: &kpiform_core::FindingKey| {
        format!(
            "{}\t{}\t{}",
            clean(&k.form),
            clean(&k.code),
            clean(&k.quote)
        )
    };
    let mut lines = Vec::new();
    for (k, r) in &d.dismissed {
        lines.push(format!("D\t{}\t{}", key(k), clean(r)));
    }
    for (k, c) in &d.comments {
        lines.push(format!("C\t{}\t{}", key(k), clean(c)));
    }
    for k in &d.kept {
        lines.push(format!("K\t{}", key(k)));
    }
    for g in &d.grades {
        lines.push(format!(
            "G\t{}\t{}\t{}",
            clean(&g.form),
            g.grade.as_str(),
            clean(&g.reason)
        ));
    }
    for f in &d.done {
        lines.push(format!("F\t{}", clean(f)));
    }
    let o = &d.grading;
    if *o != kpiform_core::GradeOptions::default() {
        let numbers: Vec<String> = o
            .deduct
            .iter()
            .chain([o.per_rule as f64].iter())
            .chain(o.weights.iter())
            .chain(o.thresholds.iter())
            .map(|x| x.to_string())
            .collect();
        lines.push(format!("O\t{}", numbers.join("\t")));
    }
    lines.join("\n")
}

#[cfg_attr(not(feature = "page"), allow(dead_code))]
pub fn from_lines(text: &str) -> kpiform_core::Dispositions {
    use kpiform_core::{FindingKey, Grade, GradeOverride};
    let key = |form: &str, code: &str, quote: &str| FindingKey {
        form: form.to_string(),
        code: code.to_string(),
        quote: quote.to_string(),
    };
    let mut d = kpiform_core::Dispositions::default();
    for line in text.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        match parts[..] {
            ["D", form, code, quote, reason] => d
                .dismissed
                .push((key(form, code, quote), reason.to_string())),
            ["C", form, code, quote, comment] => d
                .comments
                .push((key(form, code, quote), comment.to_string())),
            ["K", form, code, quote] => d.kept.push(key(form, code, quote)),
            ["G", form, grade, reason] => {
                if let Some(grade) = Grade::ALL.into_iter().find(|g| g.as_str() == grade) {
                    d.grades.push(GradeOverride {
                        form: form.to_string(),
                        grade,
                        reason: reason.to_string(),
                    });
                }
            }
            ["F", form] => d.done.push(form.to_string()),
            [form, code, quote, reason] => d
                .dismissed
                .push((key(form, code, quote), reason.to_string())),
            ["O", ref numbers @ ..] => {
                let n: Vec<f64> = numbers.iter().filter_map(|x| x.parse().ok()).collect();
                if let [a, b, c, per_rule, w0, w1, w2, w3, t0, t1, t2] = n[..] {
                    d.grading = kpiform_core::GradeOptions {
                        deduct: [a, b, c],
                        per_rule: per_rule.max(0.0) as usize,
                        weights: [w0, w1, w2, w3],
                        thresholds: [t0, t1, t2],
                    };
                }
            }
            _ => {}
        }
    }
    d
}

/// A review file's rule options in the lines the page keeps its rule settings in
/// (`RuleSettings::parse` reads them: `year=`, `off=`, `severity=`).
pub fn rules_lines(o: &kpiform_core::Options) -> String {
    let mut out = String::new();
    if let Some(y) = o.budget_year {
        out.push_str(&format!("year={y}\n"));
    }
    if !o.ignore.is_empty() {
        out.push_str(&format!("off={}\n", o.ignore.join(",")));
    }
    if !o.severity.is_empty() {
        let list: Vec<String> = o
            .severity
            .iter()
            .map(|(c, s)| format!("{c}:{}", s.as_str()))
            .collect();
        out.push_str(&format!("severity={}\n", list.join(",")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_files_rules_read_as_the_pages_settings() {
        let o = kpiform_core::Options {
            budget_year: Some(2024),
            ignore: vec!["T003".into(), "V002".into()],
            severity: vec![("V007".into(), kpiform_core::Severity::Info)],
            ..Default::default()
        };
        let s = crate::settings::RuleSettings::parse(&rules_lines(&o));
        assert_eq!(s.options(), o);
    }

    #[test]
    fn the_review_round_trips_and_reads_what_earlier_versions_stored() {
        use kpiform_core::{Dispositions, FindingKey, Grade, GradeOptions, GradeOverride};
        let k = FindingKey {
            form: "4403".into(),
            code: "V004".into(),
            quote: "≥950%".into(),
        };
        let d = Dispositions {
            dismissed: vec![(k.clone(), "误报".into())],
            comments: vec![(FindingKey::every("I001"), "请补充\t满意度".into())],
            kept: vec![k.clone()],
            grades: vec![GradeOverride {
                form: "4403".into(),
                grade: Grade::Fair,
                reason: "指标不细".into(),
            }],
            done: vec!["4403".into()],
            grading: GradeOptions {
                per_rule: 2,
                weights: [2.0, 1.0, 1.0, 1.0],
                ..GradeOptions::default()
            },
        };
        let back = from_lines(&to_lines(&d));
        assert_eq!(back.comments[0].1, "请补充 满意度", "tabs cleaned");
        assert_eq!(
            Dispositions {
                comments: d.comments.clone(),
                ..back.clone()
            },
            d
        );
        assert_eq!(to_lines(&Dispositions::default()), "");
        let old = from_lines("4403\tV004\t≥950%\t误报\nnonsense");
        assert_eq!(old.dismissed, vec![(k, "误报".to_string())]);
    }
}
