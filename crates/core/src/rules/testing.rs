//! Minimal forms for the rules' tests: a clean form that no rule fires on, and helpers to change
//! one thing in it.

use crate::rules::{check, Options};

/// A project form that every rule must accept.
pub const CLEAN: &str = "二级项目支出绩效目标申报表
项目编码:\t440304231460100205000\t项目名称:\t社区文化活动
申请单位:\t深圳市福田区文化事务中心\t一级预算单位:\t深圳市福田区文化事务中心
实施期限:\t1\t项目类型:\t15 其他经费
是否新增项目:\t是\t分配方式:\t项目法
项目总金额(中期规划,万元):\t20.00\t本年度项目金额(万元):\t20.00
政策依据:\t《福田区公共文化服务发展规划》(福府〔2021〕12号)
测算依据:\t演出费15万元、宣传费5万元，合计20万元。
年度目标:\t2023年举办社区文化演出10场，覆盖居民5000人次。
一级指标\t二级指标\t三级指标\t指标值\t指标解释
产出\t*数量\t举办演出场次\t≥10场\t全年举办的社区文化演出场次
产出\t*质量\t演出验收合格率\t≥95%\t验收合格场次/演出场次×100%
产出\t*时效\t演出完成时间\t2023年12月31日前\t全部演出完成的时间
产出\t*成本\t演出场均成本\t≤1.5万元\t演出费/演出场次
效益\t*社会效益\t覆盖居民人次\t≥5000人次\t观看演出的居民人次
满意度\t*服务对象满意度\t居民满意度\t≥90%\t满意人数/调查人数×100%
";

/// The rule codes that fire on `text`, in order of position.
pub fn codes(text: &str) -> Vec<&'static str> {
    let doc = check(text, &Options::default());
    let mut all: Vec<_> = doc.all_diagnostics().collect();
    all.sort_by_key(|d| d.span.start);
    all.iter().map(|d| d.code()).collect()
}

/// The diagnostics of one code on `text`: (quoted text, Chinese message).
pub fn found(text: &str, code: &str) -> Vec<(String, String)> {
    let doc = check(text, &Options::default());
    doc.all_diagnostics()
        .filter(|d| d.code() == code)
        .map(|d| (d.span.text(text).to_string(), d.message.zh.clone()))
        .collect()
}

/// `CLEAN` with one piece of text replaced (which must be there).
pub fn with(from: &str, to: &str) -> String {
    assert!(CLEAN.contains(from), "the clean form has no {from:?}");
    CLEAN.replacen(from, to, 1)
}

#[test]
fn the_clean_form_is_clean() {
    assert_eq!(codes(CLEAN), Vec::<&str>::new());
}
