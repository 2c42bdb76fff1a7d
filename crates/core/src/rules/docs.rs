//! The rule documentation as static HTML pages, generated from the registry (one page per rule
//! and an index). `cargo xtask codegen` writes them into site/rules; a test keeps the
//! committed copies in step.

use super::all;
use crate::diagnostic::{Category, FixKind, RuleInfo};
use crate::text::escape;

fn fix_label(f: FixKind) -> (&'static str, &'static str) {
    match f {
        FixKind::None => ("无自动修复", "no fix"),
        FixKind::Safe => (
            "安全修复：只改变写法，整理导出时自动应用",
            "safe fix: changes representation only, applied by the cleaned export",
        ),
        FixKind::Suggest => (
            "建议修复：会改变含义，需用户确认后才应用",
            "suggested fix: changes meaning, applied only when the user accepts it",
        ),
    }
}

pub(crate) fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"rules.css\">\n</head>\n<body>\n",
        escape(title)
    )
}

/// The page of one rule.
pub fn rule_page(r: &RuleInfo) -> String {
    let d = &r.doc;
    let (fix_zh, fix_en) = fix_label(r.fix);
    let cat = r.category.name();
    let dim = r.dimension.name();
    let sev = r.severity.label();
    let mut h = head(&format!("{} {} · kpiform", r.code, r.title_zh));
    h.push_str("<nav><a href=\"index.html\">规则目录 / All rules</a> · <a href=\"../index.html\">返回检查页面 / Back to the checker</a></nav>\n<main>\n");
    h.push_str(&format!(
        "<h1><code>{}</code> {}</h1>\n<p class=\"en-title\">{} — <code>{}</code></p>\n",
        r.code,
        escape(r.title_zh),
        escape(r.title_en),
        r.name
    ));
    h.push_str(&format!(
        "<dl class=\"meta\"><dt>严重程度 / Severity</dt><dd class=\"sev-{}\">{} / {}</dd>\
         <dt>类别 / Category</dt><dd>{} / {}</dd>\
         <dt>审核维度 / Review dimension</dt><dd><a href=\"grading.html\">{} / {}</a></dd>\
         <dt>修复 / Fix</dt><dd>{} / {}</dd></dl>\n",
        r.severity.as_str(),
        escape(&sev.zh),
        escape(&sev.en),
        escape(&cat.zh),
        escape(&cat.en),
        escape(&dim.zh),
        escape(&dim.en),
        escape(fix_zh),
        escape(fix_en)
    ));
    let section = |h: &mut String, zh: &str, en: &str, body_zh: &str, body_en: &str| {
        h.push_str(&format!(
            "<section><h2>{} <span class=\"en\">{}</span></h2>\n<p>{}</p>\n<p class=\"en\" lang=\"en\">{}</p></section>\n",
            escape(zh),
            escape(en),
            escape(body_zh),
            escape(body_en)
        ));
    };
    section(
        &mut h,
        "检查什么",
        "What it catches",
        d.catches_zh,
        d.catches_en,
    );
    section(&mut h, "为什么重要", "Why it matters", d.why_zh, d.why_en);
    h.push_str(&format!(
        "<p class=\"source\">依据 / Source: {}</p>\n",
        escape(d.source)
    ));
    h.push_str(&format!(
        "<section><h2>会触发的例子 <span class=\"en\">An example that fires</span></h2>\n<pre class=\"bad\">{}</pre></section>\n",
        escape(d.bad_example)
    ));
    h.push_str(&format!(
        "<section><h2>改正后 <span class=\"en\">Corrected</span></h2>\n<pre class=\"good\">{}</pre></section>\n",
        escape(d.good_example)
    ));
    h.push_str("<p class=\"source\"><a href=\"index.html#examples\">示例怎样读 / How the examples are read</a></p>\n");
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// How the examples of the rule pages are read; each is checked that way by a test.
const EXAMPLES: &str = "<section id=\"examples\"><h2>示例怎样读 <span class=\"en\">How the examples are read</span></h2>\n\
<p>每条规则的两个示例都经过检查：“会触发的例子”一定触发该规则，“改正后”一定不触发。示例多是申报表的片段，放进一张完整、没有任何问题的参考申报表中检查：带字段标签的行替换参考表中相同字段的行，指标行替换相同二级指标的行（或加入指标表），没有标签的文字接在上一行之后，写在开头时属于测算依据。带表名（如“二级项目支出绩效目标申报表”）的示例是完整的粘贴内容，其中单独一行的“…”代表参考申报表的其余内容。</p>\n\
<p class=\"en\" lang=\"en\">Both examples of every rule are checked: the one that fires does fire the rule, the corrected one does not. Most are pieces of a form, checked inside a complete reference form that has no problem at all: a line with field labels takes the place of the reference lines with the same fields, an indicator row takes the place of the row of the same level-2 category (or joins the table), text without a label continues the line before it, and at the start it belongs to the calculation basis. An example with a form title is a whole paste, where a line “…” stands for the rest of the reference form.</p></section>\n";

/// The index of every rule, by category.
pub fn index_page() -> String {
    let mut h = head("规则目录 · kpiform");
    h.push_str("<nav><a href=\"../index.html\">返回检查页面 / Back to the checker</a></nav>\n<main>\n<h1>规则目录 <span class=\"en\">Rule catalogue</span></h1>\n");
    h.push_str("<p>每条规则有稳定的编号：编号一旦发布就不再改变含义。<span class=\"en\" lang=\"en\">Every rule has a stable code: a code never changes meaning once shipped.</span></p>\n");
    h.push_str("<p><a href=\"grading.html\">评分方法：建议等级（优/良/中/差）如何由问题得出</a> <span class=\"en\" lang=\"en\">How the suggested grade (优/良/中/差) follows from the findings</span></p>\n");
    h.push_str(EXAMPLES);
    for cat in Category::ALL {
        let rules: Vec<&RuleInfo> = all().filter(|r| r.category == cat).collect();
        if rules.is_empty() {
            continue;
        }
        let name = cat.name();
        h.push_str(&format!(
            "<h2>{} <span class=\"en\">{}</span></h2>\n<table>\n<tbody>\n",
            escape(&name.zh),
            escape(&name.en)
        ));
        for r in rules {
            h.push_str(&format!(
                "<tr><td><a href=\"{code}.html\"><code>{code}</code></a></td><td class=\"sev-{sev}\">{sevzh}</td><td>{t}<br><span class=\"en\">{te}</span></td><td><code>{name}</code></td></tr>\n",
                code = r.code,
                sev = r.severity.as_str(),
                sevzh = escape(&r.severity.label().zh),
                t = escape(r.title_zh),
                te = escape(r.title_en),
                name = r.name
            ));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// The style sheet of the rule pages (system fonts only).
pub const CSS: &str = "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;\
margin:0;color:#1f2933;background:#f7f8fa;line-height:1.6}\n\
nav{padding:.6rem 1.5rem;background:#fff;border-bottom:1px solid #e4e7eb;font-size:.9rem}\n\
nav a{color:#1d4ed8;text-decoration:none}\nmain{max-width:52rem;margin:1.5rem auto;padding:0 1.5rem 3rem}\n\
h1{font-size:1.5rem;margin:.5rem 0}\nh2{font-size:1.1rem;margin:1.6rem 0 .4rem}\n.en{color:#52606d;font-weight:normal}\n\
.en-title{color:#52606d;margin-top:0}\ncode{font-family:ui-monospace,Consolas,monospace}\n\
pre{background:#fff;border:1px solid #e4e7eb;border-left:4px solid #9aa5b1;padding:.7rem 1rem;white-space:pre-wrap;overflow-wrap:anywhere}\n\
pre.bad{border-left-color:#d64545}\npre.good{border-left-color:#2f8132}\n\
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#fff;border:1px solid #e4e7eb;padding:.7rem 1rem}\n\
dl.meta dt{color:#52606d}\ndl.meta dd{margin:0}\n.source{color:#52606d;font-size:.92rem}\n\
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e4e7eb}\n\
td{border-top:1px solid #e4e7eb;padding:.4rem .6rem;vertical-align:top}\n\
.sev-error{color:#b42318}\n.sev-warning{color:#9a5b00}\n.sev-info{color:#1d4ed8}\n\
@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}nav,pre,dl.meta,table{background:#1f2937;border-color:#374151}\
td{border-color:#374151}.en,.en-title,.source,dl.meta dt{color:#9ca3af}nav a{color:#93c5fd}}\n";

/// The rule pages, the index and the style sheet: (file name, content). With the grading page,
/// they are `crate::review::site_files`.
pub(crate) fn rule_files() -> Vec<(String, String)> {
    let mut files = vec![
        ("index.html".to_string(), index_page()),
        ("rules.css".to_string(), CSS.to_string()),
    ];
    for r in all() {
        files.push((format!("{}.html", r.code), rule_page(r)));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_escape_their_text() {
        let page = rule_page(crate::rules::by_code("V012").unwrap());
        assert!(page.contains("<h1><code>V012</code> 指标值夹杂文字</h1>"));
        assert!(!page.contains("<script"));
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        let index = index_page();
        for r in all() {
            assert!(index.contains(&format!("href=\"{}.html\"", r.code)));
        }
    }
}
