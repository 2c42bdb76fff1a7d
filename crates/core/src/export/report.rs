//! The review report (审核意见): per form, the problems grouped by severity, each with the rule's
//! message, the quoted text and the suggested correction. Markdown, and a printable HTML page (A4,
//! one form per page, nothing loaded from outside).

use super::Input;
use crate::diagnostic::{Category, Counts, Diagnostic, Lang, Severity};
use crate::model::{Document, FieldKey, Form};
use crate::review::{Assessment, Dispositions};
use crate::text::{escape, excerpt};

struct Words {
    title: &'static str,
    source: &'static str,
    forms: &'static str,
    budget_year: &'static str,
    none: &'static str,
    outside: &'static str,
    across: &'static str,
    line: &'static str,
    quoted: &'static str,
    fix: &'static str,
    example: &'static str,
    unit: &'static str,
    total: &'static str,
    no_code: &'static str,
    conclusion: &'static str,
    points: &'static str,
    conclusion_set: &'static str,
    suggested: &'static str,
    set_by_reviewer: &'static str,
}

/// The form's grade as the report's conclusion (the reviewer's, with the reason, when they set
/// one): `审核结论（建议）：良（84.5 分）。绩效目标基本合理，……完整性 70 分，相关性 83 分，适当性
/// 85 分，可行性 100 分。`
fn conclusion(text: &str, f: &Form, lang: Lang, w: &Words, review: &Dispositions) -> String {
    let a = review.assess(text, f);
    let g = &a.suggested;
    let dims: Vec<String> = crate::diagnostic::Dimension::ALL
        .iter()
        .zip(g.scores)
        .map(|(d, s)| format!("{} {s}{}", d.name().get(lang), w.points))
        .collect();
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    let (gap, end) = if lang == Lang::Zh {
        ("", "。")
    } else {
        (" ", ".")
    };
    format!(
        "{}：{}{gap}{}{end}",
        conclusion_label(&a, lang),
        verdict(&a, lang),
        dims.join(sep)
    )
}

/// `审核结论（建议）` for a suggested grade, `审核结论` for one the reviewer set.
pub(super) fn conclusion_label(a: &Assessment, lang: Lang) -> &'static str {
    let w = words(lang);
    if a.reason.is_some() {
        w.conclusion_set
    } else {
        w.conclusion
    }
}

/// The grade and what it means: `良（84.5 分）。绩效目标基本合理，……`, or with the reviewer's
/// grade `中（建议等级为良，84.5 分；审核人员改定，理由：……）。……`.
pub(super) fn verdict(a: &Assessment, lang: Lang) -> String {
    let w = words(lang);
    let g = &a.suggested;
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    let basis = match &a.reason {
        None => format!("{}{}", g.score, w.points),
        Some(reason) => format!(
            "{}{}{}{}{}{}{}{}",
            w.suggested,
            g.grade.label().get(lang),
            sep,
            g.score,
            w.points,
            if lang == Lang::Zh { "；" } else { "; " },
            w.set_by_reviewer,
            reason
        ),
    };
    format!(
        "{}（{basis}）。{}",
        a.grade.label().get(lang),
        a.grade.meaning().get(lang)
    )
}

const ZH: Words = Words {
    title: "绩效目标申报表审核意见",
    source: "来源",
    forms: "张申报表",
    budget_year: "预算年度",
    none: "未发现问题。",
    outside: "表单之外的内容",
    across: "跨表问题",
    line: "第{}行",
    quoted: "原文",
    fix: "建议修改为",
    example: "改正示例",
    unit: "申请单位",
    total: "问题合计",
    no_code: "无项目编码",
    conclusion: "审核结论（建议）",
    points: " 分",
    conclusion_set: "审核结论",
    suggested: "建议等级为",
    set_by_reviewer: "审核人员改定，理由：",
};

const EN: Words = Words {
    title: "Review of performance-target declaration forms",
    source: "Source",
    forms: "forms",
    budget_year: "Budget year",
    none: "No problems found.",
    outside: "Text outside the forms",
    across: "Across forms",
    line: "line {}",
    quoted: "Text",
    fix: "Suggested correction",
    example: "Corrected example",
    unit: "Applicant",
    total: "Problems",
    no_code: "no code",
    conclusion: "Conclusion (suggested)",
    points: "",
    conclusion_set: "Conclusion",
    suggested: "suggested ",
    set_by_reviewer: "set by the reviewer: ",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Markdown text of user input: no HTML, no emphasis, no links.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn heading(n: usize, f: &Form, w: &Words) -> String {
    let name = f.text(FieldKey::Name).unwrap_or("—");
    let code = f.text(FieldKey::Code).unwrap_or(w.no_code);
    format!("{n}. {name}（{code}）")
}

struct Item<'a> {
    d: &'a Diagnostic,
    line: usize,
    quote: String,
    /// The suggested correction (`建议修改为：「…」`), or the rule's corrected example.
    correction: (&'static str, String),
}

fn items<'a>(
    input: &Input,
    doc: &Document,
    ds: &'a [Diagnostic],
    sev: Severity,
    w: &Words,
) -> Vec<Item<'a>> {
    ds.iter()
        .filter(|d| d.severity == sev)
        .map(|d| Item {
            d,
            line: doc.lines.line(d.span.start),
            quote: excerpt(d.span.text(input.text), 60),
            correction: match &d.fix {
                Some(fix) => (w.fix, format!("「{}」", excerpt(&fix.replacement, 60))),
                None => (w.example, excerpt(d.rule.doc.good_example, 80)),
            },
        })
        .collect()
}

/// The findings not tied to one form: text outside the forms (S001) and across forms (X…).
fn split(doc: &Document, w: &Words) -> Vec<(&'static str, Vec<Diagnostic>)> {
    let (outside, across): (Vec<Diagnostic>, Vec<Diagnostic>) = doc
        .diagnostics
        .iter()
        .cloned()
        .partition(|d| d.rule.category == Category::Structure);
    [(w.outside, outside), (w.across, across)]
        .into_iter()
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// The report in Markdown.
pub fn markdown(inputs: &[(&Input, Document)], lang: Lang, review: &Dispositions) -> String {
    let w = words(lang);
    let mut s = format!("# {}\n\n", w.title);
    for (input, doc) in inputs {
        let all: Vec<&Diagnostic> = doc.all_diagnostics().collect();
        let Counts {
            error: e,
            warning: wa,
            info: i,
        } = Counts::of(all.iter().copied());
        let sev = |x: Severity| x.label().get(lang).to_string();
        s.push_str(&format!(
            "{}：{} · {} {} · {}：{e} {}，{wa} {}，{i} {}",
            w.source,
            md(input.path),
            doc.forms.len(),
            w.forms,
            w.total,
            sev(Severity::Error),
            sev(Severity::Warning),
            sev(Severity::Info)
        ));
        if let Some(y) = doc.budget_year {
            s.push_str(&format!(" · {}：{y}", w.budget_year));
        }
        s.push_str("\n\n");
        for (title, list) in split(doc, w) {
            s.push_str(&format!("## {title}\n\n"));
            md_items(&mut s, input, doc, &list, lang);
        }
        for (n, f) in doc.forms.iter().enumerate() {
            s.push_str(&format!("## {}\n\n", md(&heading(n + 1, f, w))));
            if let Some(u) = f.text(FieldKey::Applicant).or(f.text(FieldKey::Authority)) {
                s.push_str(&format!("{}：{}\n\n", w.unit, md(u)));
            }
            s.push_str(&format!(
                "{}\n\n",
                md(&conclusion(input.text, f, lang, w, review))
            ));
            if f.diagnostics.is_empty() {
                s.push_str(&format!("{}\n\n", w.none));
                continue;
            }
            md_items(&mut s, input, doc, &f.diagnostics, lang);
        }
    }
    s
}

fn md_items(s: &mut String, input: &Input, doc: &Document, ds: &[Diagnostic], lang: Lang) {
    let w = words(lang);
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let list = items(input, doc, ds, sev, w);
        if list.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "### {}（{}）\n\n",
            sev.label().get(lang),
            list.len()
        ));
        for (k, it) in list.iter().enumerate() {
            let title = if lang == Lang::En {
                it.d.rule.title_en
            } else {
                it.d.rule.title_zh
            };
            s.push_str(&format!(
                "{}. **{} {}**（{}）：{}\n",
                k + 1,
                it.d.code(),
                md(title),
                w.line.replace("{}", &it.line.to_string()),
                md(it.d.message.get(lang))
            ));
            if !it.quote.is_empty() {
                s.push_str(&format!("   - {}：「{}」\n", w.quoted, md(&it.quote)));
            }
            s.push_str(&format!(
                "   - {}：{}\n",
                it.correction.0,
                md(&it.correction.1)
            ));
        }
        s.push('\n');
    }
}

const CSS: &str = "@page{size:A4;margin:16mm 15mm}\
body{font-family:system-ui,\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;color:#111;font-size:10.5pt;line-height:1.55;margin:0 auto;max-width:180mm}\
h1{font-size:16pt;margin:0 0 4mm}h2{font-size:13pt;margin:0 0 2mm;border-bottom:1px solid #999;padding-bottom:1mm}\
h3{font-size:11pt;margin:4mm 0 1mm}.meta{color:#444;margin:0 0 2mm}.conclusion{margin:0 0 4mm;padding:2mm 3mm;border-left:3px solid #555;background:#f4f4f4}\
section.form{break-before:page;page-break-before:always;padding-top:2mm}section.form:first-of-type{break-before:auto;page-break-before:auto}\
ol{padding-left:6mm;margin:0}li{margin:0 0 2mm;break-inside:avoid}.code{font-family:ui-monospace,Consolas,monospace;font-weight:bold}\
.q,.fix,.ex{color:#333;margin:.5mm 0 0}.error h3{color:#a11}.warning h3{color:#8a5300}.info h3{color:#1d4ed8}\
@media screen{body{padding:10mm}}";

/// The printable report page.
pub fn html(inputs: &[(&Input, Document)], lang: Lang, review: &Dispositions) -> String {
    let w = words(lang);
    let html_lang = if lang == Lang::En { "en" } else { "zh-CN" };
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(w.title),
        escape(w.title)
    );
    for (input, doc) in inputs {
        let all: Vec<&Diagnostic> = doc.all_diagnostics().collect();
        let Counts {
            error: e,
            warning: wa,
            info: i,
        } = Counts::of(all.iter().copied());
        s.push_str(&format!(
            "<p class=\"meta\">{}：{} · {} {} · {} {e} · {} {wa} · {} {i}{}</p>\n",
            w.source,
            escape(input.path),
            doc.forms.len(),
            w.forms,
            Severity::Error.label().get(lang),
            Severity::Warning.label().get(lang),
            Severity::Info.label().get(lang),
            doc.budget_year
                .map_or(String::new(), |y| format!(" · {}：{y}", w.budget_year))
        ));
        for (title, list) in split(doc, w) {
            s.push_str(&format!(
                "<section class=\"form\"><h2>{}</h2>\n",
                escape(title)
            ));
            html_items(&mut s, input, doc, &list, lang);
            s.push_str("</section>\n");
        }
        for (n, f) in doc.forms.iter().enumerate() {
            s.push_str(&format!(
                "<section class=\"form\"><h2>{}</h2>\n",
                escape(&heading(n + 1, f, w))
            ));
            if let Some(u) = f.text(FieldKey::Applicant).or(f.text(FieldKey::Authority)) {
                s.push_str(&format!(
                    "<p class=\"meta\">{}：{}</p>\n",
                    w.unit,
                    escape(u)
                ));
            }
            s.push_str(&format!(
                "<p class=\"conclusion\">{}</p>\n",
                escape(&conclusion(input.text, f, lang, w, review))
            ));
            if f.diagnostics.is_empty() {
                s.push_str(&format!("<p>{}</p>\n", w.none));
            } else {
                html_items(&mut s, input, doc, &f.diagnostics, lang);
            }
            s.push_str("</section>\n");
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn html_items(s: &mut String, input: &Input, doc: &Document, ds: &[Diagnostic], lang: Lang) {
    let w = words(lang);
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let list = items(input, doc, ds, sev, w);
        if list.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "<div class=\"{}\"><h3>{}（{}）</h3>\n<ol>\n",
            sev.as_str(),
            sev.label().get(lang),
            list.len()
        ));
        for it in &list {
            let title = if lang == Lang::En {
                it.d.rule.title_en
            } else {
                it.d.rule.title_zh
            };
            s.push_str(&format!(
                "<li><span class=\"code\">{}</span> {}（{}）：{}",
                it.d.code(),
                escape(title),
                w.line.replace("{}", &it.line.to_string()),
                escape(it.d.message.get(lang))
            ));
            if !it.quote.is_empty() {
                s.push_str(&format!(
                    "<p class=\"q\">{}：「{}」</p>",
                    w.quoted,
                    escape(&it.quote)
                ));
            }
            s.push_str(&format!(
                "<p class=\"fix\">{}：{}</p>",
                it.correction.0,
                escape(&it.correction.1)
            ));
            s.push_str("</li>\n");
        }
        s.push_str("</ol></div>\n");
    }
}
