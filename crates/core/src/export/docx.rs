//! The review report (审核意见) as a Word document, what a bureau sends back: one section per form
//! (each starting on a new page), with the conclusion (the suggested grade and what it means),
//! then the opinions on 总体目标, 产出指标, 效益指标, 满意度指标 and 需补充完善事项, each finding
//! with its place, the quoted text and the suggested correction; at the end the reviewer, date
//! and unit to fill in.
//!
//! WordprocessingML (ECMA-376) written directly into the minimal ZIP writer, as the workbook is:
//! a few paragraphs and one table need no crate.

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::model::{Document, FieldKey, Form, Level1};
use crate::review::Dispositions;
use crate::text::excerpt;

use super::{xml, Input};

/// A paragraph of one run; `style` is a paragraph style of styles.xml, `bold` a bold run.
fn p(style: Option<&str>, text: &str, bold: bool) -> String {
    let ppr = style.map_or(String::new(), |s| {
        format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
    });
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:p>{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml(text)
    )
}

/// A paragraph of runs (text, bold).
fn runs(parts: &[(&str, bool)]) -> String {
    let mut s = String::from("<w:p>");
    for (t, bold) in parts {
        let rpr = if *bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        s.push_str(&format!(
            "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml(t)
        ));
    }
    s.push_str("</w:p>");
    s
}

/// The end of a section: a paragraph holding the section's properties (A4, portrait; the next
/// section starts on a new page).
fn section_break() -> String {
    format!("<w:p><w:pPr>{}</w:pPr></w:p>", sect_pr())
}

fn sect_pr() -> &'static str {
    "<w:sectPr><w:type w:val=\"nextPage\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
     <w:pgMar w:top=\"1440\" w:right=\"1304\" w:bottom=\"1440\" w:left=\"1304\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
}

/// The five parts of the opinions, in the order bureaus write them.
const PARTS: [(&str, &str); 5] = [
    ("一、总体目标", "1. Overall goals"),
    ("二、产出指标", "2. Output indicators"),
    ("三、效益指标", "3. Outcome indicators"),
    ("四、满意度指标", "4. Satisfaction indicators"),
    ("五、需补充完善事项", "5. To be completed or corrected"),
];

/// Which part of the opinions a finding of `form` belongs to: the goals, the indicators of one
/// level-1 category, or the rest (fields, amounts, structure).
fn part(form: &Form, d: &Diagnostic) -> usize {
    let at = d.span.start;
    let goal = form.fields.iter().any(|f| {
        matches!(f.key, FieldKey::AnnualGoal | FieldKey::LongTermGoal)
            && f.value.span.start <= at
            && at <= f.value.span.end
    }) || form
        .goals
        .iter()
        .any(|g| g.span.start <= at && at <= g.span.end);
    if goal {
        return 0;
    }
    let row = form
        .indicators
        .iter()
        .find(|i| i.span.start <= at && at < i.span.end.max(i.span.start + 1));
    match row.and_then(|i| i.level1) {
        Some(Level1::Output) | Some(Level1::Cost) => 1,
        Some(Level1::Benefit) => 2,
        Some(Level1::Satisfaction) => 3,
        _ => 4,
    }
}

fn body(inputs: &[(&Input, Document)], lang: Lang, review: &Dispositions) -> String {
    let zh = lang == Lang::Zh;
    let mut b = String::new();
    b.push_str(&p(
        Some("Title"),
        if zh {
            "绩效目标审核意见"
        } else {
            "Review of the performance targets"
        },
        false,
    ));
    let mut first = true;
    for (input, doc) in inputs {
        for (n, f) in doc.forms.iter().enumerate() {
            if !first {
                b.push_str(&section_break());
            }
            first = false;
            let name = f.text(FieldKey::Name).unwrap_or("—");
            let code =
                f.text(FieldKey::Code)
                    .unwrap_or(if zh { "无项目编码" } else { "no code" });
            b.push_str(&p(
                Some("Heading1"),
                &format!("{}. {name}（{code}）", n + 1),
                false,
            ));
            if let Some(u) = f.text(FieldKey::Applicant).or(f.text(FieldKey::Authority)) {
                b.push_str(&runs(&[
                    (if zh { "申报单位：" } else { "Unit: " }, true),
                    (u, false),
                ]));
            }
            b.push_str(&runs(&[
                (if zh { "来源：" } else { "Source: " }, true),
                (input.path, false),
            ]));
            let a = review.assess(input.text, f);
            let g = &a.suggested;
            let label = format!(
                "{}{}",
                super::report::conclusion_label(&a, lang),
                if zh { "：" } else { ": " }
            );
            let conclusion = super::report::verdict(&a, lang);
            b.push_str(&runs(&[(&label, true), (&conclusion, false)]));
            let dims: Vec<String> = crate::diagnostic::Dimension::ALL
                .iter()
                .zip(g.scores)
                .map(|(d, s)| format!("{} {s}", d.name().get(lang)))
                .collect();
            b.push_str(&p(None, &dims.join(if zh { "，" } else { ", " }), false));
            let mut parts: [Vec<&Diagnostic>; 5] = Default::default();
            for d in &f.diagnostics {
                parts[part(f, d)].push(d);
            }
            for (k, (title_zh, title_en)) in PARTS.iter().enumerate() {
                b.push_str(&p(
                    Some("Heading2"),
                    if zh { title_zh } else { title_en },
                    false,
                ));
                let mut list = parts[k].clone();
                list.sort_by_key(|d| (d.severity != Severity::Error, d.span.start));
                if list.is_empty() {
                    b.push_str(&p(None, if zh { "无意见。" } else { "No comment." }, false));
                    continue;
                }
                for (i, d) in list.iter().enumerate() {
                    let lc = doc.lines.line_col(input.text, d.span.start);
                    let place = if zh {
                        format!("（第{}行）", lc.line)
                    } else {
                        format!(" (line {})", lc.line)
                    };
                    b.push_str(&runs(&[
                        (&format!("{}. ", i + 1), false),
                        (&format!("[{}] ", d.severity.label().get(lang)), true),
                        (d.message.get(lang), false),
                        (&place, false),
                    ]));
                    let quote = excerpt(d.span.text(input.text), 80);
                    if !quote.is_empty() {
                        b.push_str(&p(
                            Some("Quote"),
                            &format!("{}「{quote}」", if zh { "原文：" } else { "Text: " }),
                            false,
                        ));
                    }
                    let correction = d.fix.as_ref().map(|fix| {
                        format!(
                            "{}「{}」",
                            if zh {
                                "建议修改为："
                            } else {
                                "Suggested correction: "
                            },
                            excerpt(&fix.replacement, 80)
                        )
                    });
                    if let Some(c) = correction {
                        b.push_str(&p(Some("Quote"), &c, false));
                    }
                }
            }
            b.push_str(&p(None, "", false));
            for label in if zh {
                ["审核人：", "审核日期：", "审核单位（盖章）："]
            } else {
                ["Reviewer: ", "Date: ", "Reviewing unit (seal): "]
            } {
                b.push_str(&runs(&[(label, true), ("＿＿＿＿＿＿＿＿＿＿＿＿", false)]));
            }
        }
    }
    if first {
        b.push_str(&p(
            None,
            if zh {
                "没有申报表。"
            } else {
                "No forms."
            },
            false,
        ));
    }
    b
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋\"/><w:sz w:val=\"24\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"360\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"方正小标宋简体\"/><w:b/><w:sz w:val=\"36\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"30\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"160\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"楷体\"/><w:b/><w:sz w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"420\"/></w:pPr><w:rPr><w:color w:val=\"444444\"/><w:sz w:val=\"21\"/></w:rPr></w:style>\
</w:styles>";

/// The report as the bytes of a .docx.
pub fn report(inputs: &[(&Input, Document)], lang: Lang, review: &Dispositions) -> Vec<u8> {
    let ns = "http://schemas.openxmlformats.org";
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{ns}/wordprocessingml/2006/main\" xmlns:r=\"{ns}/officeDocument/2006/relationships\">\
         <w:body>{}{}</w:body></w:document>",
        body(inputs, lang, review),
        sect_pr()
    );
    let content_types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Types xmlns=\"{ns}/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>"
    );
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"{ns}/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{ns}/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
    );
    let doc_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"{ns}/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{ns}/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
    );
    super::zip::zip(&[
        ("[Content_Types].xml", content_types.into_bytes()),
        ("_rels/.rels", rels.into_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.into_bytes()),
        ("word/document.xml", document.into_bytes()),
        ("word/styles.xml", STYLES.as_bytes().to_vec()),
    ])
}
