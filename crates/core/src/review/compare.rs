//! A resubmission against the earlier version: per form (matched by 项目编码, else by name), the
//! findings fixed, new and remaining, and the fields and indicator values that changed.
//!
//! A finding is known by its rule and the text it quotes (white space folded), not by its
//! offset, so that an edit elsewhere in the form does not make it "new". A form of one version
//! with no match in the other is listed with everything new (or everything fixed).

use crate::diagnostic::{Diagnostic, Message};
use crate::model::{Document, FieldKey, Form};

use super::fold;

/// One finding, as the comparison names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub message: Message,
    /// The text the finding is about (white space folded).
    pub quote: String,
}

/// What changed in a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A header field, by its label (`项目名称`); `None` when absent in that version.
    Field {
        label: String,
        old: Option<String>,
        new: Option<String>,
    },
    /// An indicator (三级指标, under its 二级), its value (and explanation) before and after;
    /// `None` when the indicator is absent in that version.
    Indicator {
        name: String,
        old: Option<String>,
        new: Option<String>,
    },
}

/// One form of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct FormComparison {
    pub code: Option<String>,
    pub name: Option<String>,
    /// Its position (0-based) in the old and the new document.
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub fixed: Vec<Finding>,
    pub added: Vec<Finding>,
    pub remaining: Vec<Finding>,
    pub changed: Vec<Change>,
}

fn finding(text: &str, d: &Diagnostic) -> Finding {
    Finding {
        code: d.code(),
        message: d.message.clone(),
        quote: fold(d.span.text(text)),
    }
}

/// The forms of `old` matched to those of `new`: by code when both have it and it is unique in
/// each, else by name (unique in each); in the order of the new document, then the old forms
/// left over.
fn pairs(old: &Document, new: &Document) -> Vec<(Option<usize>, Option<usize>)> {
    let key = |f: &Form, k: FieldKey| f.text(k).map(fold);
    let unique = |doc: &Document, k: FieldKey, v: &str| {
        doc.forms
            .iter()
            .filter(|f| key(f, k).as_deref() == Some(v))
            .count()
            == 1
    };
    let mut used = vec![false; old.forms.len()];
    let mut out = Vec::new();
    for (j, f) in new.forms.iter().enumerate() {
        let mut found = None;
        for k in [FieldKey::Code, FieldKey::Name] {
            let Some(v) = key(f, k) else { continue };
            if !unique(new, k, &v) || !unique(old, k, &v) {
                continue;
            }
            if let Some(i) = old
                .forms
                .iter()
                .position(|g| key(g, k).as_deref() == Some(v.as_str()))
                .filter(|&i| !used[i])
            {
                found = Some(i);
                break;
            }
        }
        if let Some(i) = found {
            used[i] = true;
        }
        out.push((found, Some(j)));
    }
    out.extend(
        used.iter()
            .enumerate()
            .filter(|(_, u)| !**u)
            .map(|(i, _)| (Some(i), None)),
    );
    out
}

/// Take `x` out of `pool` if it is there.
fn take(pool: &mut Vec<Finding>, x: &Finding) -> bool {
    match pool
        .iter()
        .position(|p| p.code == x.code && p.quote == x.quote)
    {
        Some(i) => {
            pool.remove(i);
            true
        }
        None => false,
    }
}

fn fields(f: &Form) -> Vec<(String, String)> {
    f.fields
        .iter()
        .map(|x| {
            let label = match x.key {
                FieldKey::Extra => fold(x.label.text.trim_end_matches([':', '：'])),
                k => k.label_zh_for(f.kind).to_string(),
            };
            (label, fold(&x.value.text))
        })
        .collect()
}

fn indicators(f: &Form) -> Vec<(String, String)> {
    f.indicators
        .iter()
        .map(|i| {
            let l2 = i
                .level2
                .as_ref()
                .map(|l| l.name().to_string())
                .unwrap_or_default();
            let name = if l2.is_empty() {
                fold(&i.name.text)
            } else {
                format!("{} / {}", l2.trim_start_matches('*'), fold(&i.name.text))
            };
            let mut value = fold(&i.value.text);
            if !i.explanation.text.is_empty() {
                value.push('（');
                value.push_str(&fold(&i.explanation.text));
                value.push('）');
            }
            (name, value)
        })
        .collect()
}

/// Changes between two lists of (key, value): changed values, removed and added keys, in the
/// order of the new list then the removed ones. Repeated keys are matched in order.
fn diff(
    old: Vec<(String, String)>,
    new: Vec<(String, String)>,
    make: impl Fn(String, Option<String>, Option<String>) -> Change,
) -> Vec<Change> {
    let mut old: Vec<Option<(String, String)>> = old.into_iter().map(Some).collect();
    let mut out = Vec::new();
    for (k, v) in new {
        match old
            .iter_mut()
            .find(|o| o.as_ref().is_some_and(|(ok, _)| *ok == k))
        {
            Some(slot) => {
                let (_, ov) = slot.take().unwrap_or_default();
                if ov != v {
                    out.push(make(k, Some(ov), Some(v)));
                }
            }
            None => out.push(make(k, None, Some(v))),
        }
    }
    for (k, v) in old.into_iter().flatten() {
        out.push(make(k, Some(v), None));
    }
    out
}

/// Compare a resubmission (`new_text`, checked as `new`) with the earlier version.
pub fn compare(
    old_text: &str,
    old: &Document,
    new_text: &str,
    new: &Document,
) -> Vec<FormComparison> {
    pairs(old, new)
        .into_iter()
        .map(|(i, j)| {
            let of = i.map(|i| &old.forms[i]);
            let nf = j.map(|j| &new.forms[j]);
            let mut before: Vec<Finding> = of
                .map(|f| f.diagnostics.iter().map(|d| finding(old_text, d)).collect())
                .unwrap_or_default();
            let mut added = Vec::new();
            let mut remaining = Vec::new();
            for d in nf.map(|f| f.diagnostics.as_slice()).unwrap_or_default() {
                let x = finding(new_text, d);
                if take(&mut before, &x) {
                    remaining.push(x);
                } else {
                    added.push(x);
                }
            }
            let changed = match (of, nf) {
                (Some(a), Some(b)) => {
                    let mut c = diff(fields(a), fields(b), |label, old, new| Change::Field {
                        label,
                        old,
                        new,
                    });
                    c.extend(diff(indicators(a), indicators(b), |name, old, new| {
                        Change::Indicator { name, old, new }
                    }));
                    c
                }
                _ => Vec::new(),
            };
            let either = nf.or(of);
            FormComparison {
                code: either
                    .and_then(|f| f.text(FieldKey::Code))
                    .map(str::to_string),
                name: either
                    .and_then(|f| f.text(FieldKey::Name))
                    .map(str::to_string),
                old: i,
                new: j,
                fixed: before,
                added,
                remaining,
                changed,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::CLEAN;
    use crate::rules::{check, Options};

    fn run(old: &str, new: &str) -> Vec<FormComparison> {
        let o = Options::default();
        compare(old, &check(old, &o), new, &check(new, &o))
    }

    #[test]
    fn fixed_new_and_remaining_findings_and_changed_values() {
        // The old version: a percentage over 100% (V004) and an empty value (V001).
        let old = CLEAN
            .replace("≥95%\t验收合格", "≥950%\t验收合格")
            .replace("举办演出场次\t≥10场", "举办演出场次\t");
        // The new: that V004 fixed, V001 left, and a new V004 on another indicator.
        let new = CLEAN
            .replace("举办演出场次\t≥10场", "举办演出场次\t")
            .replace("≥90%\t满意人数", "≥190%\t满意人数");
        let c = run(&old, &new);
        assert_eq!(c.len(), 1);
        let c = &c[0];
        assert_eq!((c.old, c.new), (Some(0), Some(0)));
        let codes = |v: &[Finding]| v.iter().map(|f| f.code).collect::<Vec<_>>();
        assert_eq!(codes(&c.fixed), ["V004"]);
        assert!(codes(&c.remaining).contains(&"V001"), "{:?}", c.remaining);
        assert_eq!(codes(&c.added), ["V004"]);
        assert_eq!(c.added[0].quote, "≥190%");
        assert!(c.changed.contains(&Change::Indicator {
            name: "质量 / 演出验收合格率".into(),
            old: Some("≥950%（验收合格场次/演出场次×100%）".into()),
            new: Some("≥95%（验收合格场次/演出场次×100%）".into()),
        }));
    }

    #[test]
    fn forms_match_by_code_then_name_whatever_their_order() {
        let second = CLEAN
            .replace("440304231460100205000", "440304231460100205001")
            .replace("社区文化活动", "社区体育活动");
        let old = format!("{CLEAN}\n{second}");
        let renamed = second.replace("社区体育活动", "社区体育赛事");
        let new = format!("{renamed}\n{CLEAN}");
        let c = run(&old, &new);
        assert_eq!(
            c.iter().map(|f| (f.old, f.new)).collect::<Vec<_>>(),
            [(Some(1), Some(0)), (Some(0), Some(1))]
        );
        assert!(c[0].changed.contains(&Change::Field {
            label: "项目名称".into(),
            old: Some("社区体育活动".into()),
            new: Some("社区体育赛事".into()),
        }));
        assert!(c[1].changed.is_empty());
        // A form dropped from the resubmission is listed, all its findings fixed.
        let c = run(&old, CLEAN);
        assert_eq!(c.len(), 2);
        assert_eq!((c[1].old, c[1].new), (Some(1), None));
    }
}
