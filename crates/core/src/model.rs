//! The parsed structure of a paste: forms, their fields, tasks, goals and indicator rows.
//! Everything keeps the [`Span`] of text it came from.

use crate::diagnostic::Diagnostic;
use crate::span::{LineIndex, Span};

/// The two kinds of 申报表.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum FormKind {
    /// 二级项目支出绩效目标申报表 (and the 项目支出 forms of other regions).
    Project,
    /// 部门（单位）整体支出绩效目标申报表.
    Department,
}

impl FormKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FormKind::Project => "project",
            FormKind::Department => "department",
        }
    }
}

/// A template family (what each is: `template::TEMPLATES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum TemplateId {
    Shenzhen,
    Department88,
    Project88,
    Anhui,
    ProvincialLong,
    Poverty,
    Yitihua,
    YitihuaDepartment,
    Shanghai,
    Zhejiang,
    ChongqingApproval,
    Shandong,
    GradedTransfer,
    Transfer,
    Announcement,
    Project,
    Department,
}

/// The header fields of every template, by canonical role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum FieldKey {
    Code,
    Name,
    Applicant,
    BudgetUnit,
    Years,
    ProjectType,
    IsNew,
    Allocation,
    TotalAmount,
    YearAmount,
    PolicyBasis,
    CalcBasis,
    AnnualGoal,
    LongTermGoal,
    /// Department form: 主管部门.
    Authority,
    /// Department form: the 财政拨款 of the 金额合计 row.
    TotalFiscal,
    /// Department form: the 其他资金 of the 金额合计 row.
    TotalOther,
    /// This year's funds by source (the 其中 rows under 年度资金总额).
    YearFiscal,
    YearOther,
    /// 上年结转.
    YearCarryover,
    /// 中央补助, 上级资金: funds from the level above (transfer payments).
    YearUpper,
    /// 地方资金, 本级资金.
    YearLocal,
    /// 自有资金, 事业收入: the unit's own funds.
    YearOwn,
    /// The period as dates (项目起止时间 `2024.01-2024.12`, 建设周期), when it is not whole years.
    Period,
    StartDate,
    EndDate,
    /// 项目属性, 项目性质, 项目来源: new, continuing, recurring.
    ProjectAttribute,
    /// 项目概况, 项目总体情况.
    Overview,
    /// 项目设立必要性, 项目申报的可行性.
    Necessity,
    /// 保证项目实施的制度、措施.
    Measures,
    /// 项目实施计划.
    Plan,
    /// 部门职能概述, 单位职能概述.
    Functions,
    /// 项目负责人, 联系人.
    Contact,
    Phone,
    /// 部门编码, 主管部门编码.
    DepartmentCode,
    /// A labelled field of a template that kpiform has no role for: kept under its label.
    Extra,
}

impl FieldKey {
    /// The key used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        use FieldKey::*;
        match self {
            Code => "code",
            Name => "name",
            Applicant => "applicant",
            BudgetUnit => "budget_unit",
            Years => "years",
            ProjectType => "project_type",
            IsNew => "is_new",
            Allocation => "allocation",
            TotalAmount => "total_amount",
            YearAmount => "year_amount",
            PolicyBasis => "policy_basis",
            CalcBasis => "calc_basis",
            AnnualGoal => "annual_goal",
            LongTermGoal => "long_term_goal",
            Authority => "authority",
            TotalFiscal => "total_fiscal",
            TotalOther => "total_other",
            YearFiscal => "year_fiscal",
            YearOther => "year_other",
            YearCarryover => "year_carryover",
            YearUpper => "year_upper",
            YearLocal => "year_local",
            YearOwn => "year_own",
            Period => "period",
            StartDate => "start_date",
            EndDate => "end_date",
            ProjectAttribute => "project_attribute",
            Overview => "overview",
            Necessity => "necessity",
            Measures => "measures",
            Plan => "plan",
            Functions => "functions",
            Contact => "contact",
            Phone => "phone",
            DepartmentCode => "department_code",
            Extra => "extra",
        }
    }

    /// The canonical label of the Shenzhen template.
    pub fn label_zh(self) -> &'static str {
        use FieldKey::*;
        match self {
            Code => "项目编码",
            Name => "项目名称",
            Applicant => "申请单位",
            BudgetUnit => "一级预算单位",
            Years => "实施期限",
            ProjectType => "项目类型",
            IsNew => "是否新增项目",
            Allocation => "分配方式",
            TotalAmount => "项目总金额",
            YearAmount => "本年度项目金额",
            PolicyBasis => "政策依据",
            CalcBasis => "测算依据",
            AnnualGoal => "年度目标",
            LongTermGoal => "长期目标",
            Authority => "主管部门",
            TotalFiscal => "财政拨款合计",
            TotalOther => "其他资金合计",
            YearFiscal => "财政拨款",
            YearOther => "其他资金",
            YearCarryover => "上年结转",
            YearUpper => "上级资金",
            YearLocal => "本级资金",
            YearOwn => "自有资金",
            Period => "项目起止时间",
            StartDate => "开始时间",
            EndDate => "完成时间",
            ProjectAttribute => "项目属性",
            Overview => "项目概况",
            Necessity => "项目设立必要性",
            Measures => "保证项目实施的制度、措施",
            Plan => "项目实施计划",
            Functions => "部门职能概述",
            Contact => "项目负责人",
            Phone => "联系电话",
            DepartmentCode => "部门编码",
            Extra => "其他字段",
        }
    }

    /// The label of this field on a form of `kind` (`部门（单位）名称` for a department's name).
    pub fn label_zh_for(self, kind: FormKind) -> &'static str {
        match (kind, self) {
            (FormKind::Department, FieldKey::Name) => "部门（单位）名称",
            (FormKind::Department, FieldKey::TotalAmount) => "金额合计",
            _ => self.label_zh(),
        }
    }

    pub fn label_en(self) -> &'static str {
        use FieldKey::*;
        match self {
            Code => "project code",
            Name => "name",
            Applicant => "applicant unit",
            BudgetUnit => "first-level budget unit",
            Years => "implementation period",
            ProjectType => "project type",
            IsNew => "new project",
            Allocation => "allocation method",
            TotalAmount => "total amount",
            YearAmount => "amount this year",
            PolicyBasis => "policy basis",
            CalcBasis => "calculation basis",
            AnnualGoal => "annual goal",
            LongTermGoal => "long-term goal",
            Authority => "supervising department",
            TotalFiscal => "fiscal funds total",
            TotalOther => "other funds total",
            YearFiscal => "fiscal funds this year",
            YearOther => "other funds this year",
            YearCarryover => "carried over from last year",
            YearUpper => "funds from the level above",
            YearLocal => "local funds",
            YearOwn => "own funds",
            Period => "period",
            StartDate => "start date",
            EndDate => "end date",
            ProjectAttribute => "project attribute",
            Overview => "overview",
            Necessity => "necessity",
            Measures => "measures",
            Plan => "implementation plan",
            Functions => "functions",
            Contact => "person in charge",
            Phone => "telephone",
            DepartmentCode => "department code",
            Extra => "other field",
        }
    }

    /// Fields whose value is an amount in the form's amount unit.
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            FieldKey::TotalAmount
                | FieldKey::YearAmount
                | FieldKey::TotalFiscal
                | FieldKey::TotalOther
                | FieldKey::YearFiscal
                | FieldKey::YearOther
                | FieldKey::YearCarryover
                | FieldKey::YearUpper
                | FieldKey::YearLocal
                | FieldKey::YearOwn
        )
    }

    /// Fields that hold prose and may continue over several lines.
    pub fn is_long_text(self) -> bool {
        matches!(
            self,
            FieldKey::PolicyBasis
                | FieldKey::CalcBasis
                | FieldKey::AnnualGoal
                | FieldKey::LongTermGoal
                | FieldKey::Overview
                | FieldKey::Necessity
                | FieldKey::Measures
                | FieldKey::Plan
                | FieldKey::Functions
        )
    }
}

/// The unit of a form's amounts, taken from the amount labels (`项目总金额（中期规划，万元）`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum AmountUnit {
    Yuan,
    WanYuan,
}

impl AmountUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            AmountUnit::Yuan => "元",
            AmountUnit::WanYuan => "万元",
        }
    }

    /// How many 元 one unit is.
    pub fn in_yuan(self) -> f64 {
        match self {
            AmountUnit::Yuan => 1.0,
            AmountUnit::WanYuan => 10_000.0,
        }
    }
}

/// A piece of text taken from the input: its span and its cleaned text.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Text {
    /// The raw text, trimmed; empty at the place where the value would be when absent.
    pub span: Span,
    /// Cleaned: HTML removed, odd spaces made plain, lines trimmed and joined by `\n`.
    pub text: String,
}

impl Text {
    /// The span in `source` of a byte range of this text: exact when the text is its span's
    /// text as written, else the place its span holds that piece nearest where it would be,
    /// else the whole span.
    pub fn sub(&self, source: &str, range: std::ops::Range<usize>) -> Span {
        let raw = self.span.text(source);
        let Some(piece) = self.text.get(range.clone()).filter(|p| !p.is_empty()) else {
            return self.span;
        };
        if raw == self.text {
            return Span::new(self.span.start + range.start, self.span.start + range.end);
        }
        // The occurrence nearest where the piece would be, the text scaled to its span's length
        // (cleaning takes out markup and joins lines, spread over the cell).
        let expected = range.start as f64 * raw.len() as f64 / self.text.len().max(1) as f64;
        match raw.match_indices(piece).map(|(at, _)| at).min_by(|a, b| {
            (*a as f64 - expected)
                .abs()
                .total_cmp(&(*b as f64 - expected).abs())
        }) {
            Some(at) => Span::new(self.span.start + at, self.span.start + at + piece.len()),
            None => self.span,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// One header field as found in the form.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Field {
    pub key: FieldKey,
    /// The label as written, with its colon (`项目编号:`).
    pub label: Text,
    pub value: Text,
    /// For amount fields: the number, in the form's [`AmountUnit`].
    pub amount: Option<f64>,
    /// For amount fields: the unit the label names, if any.
    pub label_unit: Option<AmountUnit>,
}

/// 一级指标.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum Level1 {
    Output,
    Benefit,
    Satisfaction,
    Cost,
}

impl Level1 {
    pub fn as_str(self) -> &'static str {
        match self {
            Level1::Output => "产出",
            Level1::Benefit => "效益",
            Level1::Satisfaction => "满意度",
            Level1::Cost => "成本",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Level1::Output => "output",
            Level1::Benefit => "benefit",
            Level1::Satisfaction => "satisfaction",
            Level1::Cost => "cost",
        }
    }
}

/// 二级指标: a category of the framework, or a name the framework does not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub enum Level2 {
    Quantity,
    Quality,
    Timeliness,
    Cost,
    EconomicBenefit,
    SocialBenefit,
    EcologicalBenefit,
    Sustainability,
    ServiceSatisfaction,
    OtherSatisfaction,
    EconomicCost,
    SocialCost,
    EcologicalCost,
    /// A name outside the framework, as written (star and `指标` removed).
    Other(String),
}

impl Level2 {
    /// Every known category, for vocabulary matching.
    pub const KNOWN: [Level2; 13] = [
        Level2::Quantity,
        Level2::Quality,
        Level2::Timeliness,
        Level2::Cost,
        Level2::EconomicBenefit,
        Level2::SocialBenefit,
        Level2::EcologicalBenefit,
        Level2::Sustainability,
        Level2::ServiceSatisfaction,
        Level2::OtherSatisfaction,
        Level2::EconomicCost,
        Level2::SocialCost,
        Level2::EcologicalCost,
    ];

    pub fn name(&self) -> &str {
        match self {
            Level2::Quantity => "数量",
            Level2::Quality => "质量",
            Level2::Timeliness => "时效",
            Level2::Cost => "成本",
            Level2::EconomicBenefit => "经济效益",
            Level2::SocialBenefit => "社会效益",
            Level2::EcologicalBenefit => "生态效益",
            Level2::Sustainability => "可持续影响",
            Level2::ServiceSatisfaction => "服务对象满意度",
            Level2::OtherSatisfaction => "其他满意度",
            Level2::EconomicCost => "经济成本",
            Level2::SocialCost => "社会成本",
            Level2::EcologicalCost => "生态环境成本",
            Level2::Other(s) => s,
        }
    }

    /// The 一级 a known 二级 belongs to (Shenzhen template; 101号 cost categories under 成本).
    pub fn level1(&self) -> Option<Level1> {
        use Level2::*;
        match self {
            Quantity | Quality | Timeliness | Cost => Some(Level1::Output),
            EconomicBenefit | SocialBenefit | EcologicalBenefit | Sustainability => {
                Some(Level1::Benefit)
            }
            ServiceSatisfaction | OtherSatisfaction => Some(Level1::Satisfaction),
            EconomicCost | SocialCost | EcologicalCost => Some(Level1::Cost),
            Other(_) => None,
        }
    }
}

/// One cell of an indicator row.
pub type Cell = Text;

/// One row of the indicator table.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Indicator {
    /// Decided by the 二级 when it is a known category, else by the 一级 cell (or the row above).
    pub level1: Option<Level1>,
    /// The 一级 cell as written in this row, when it held a label.
    pub level1_cell: Option<Cell>,
    pub level2: Option<Level2>,
    /// The 二级 cell as written in this row; `None` when inherited from the row above.
    pub level2_cell: Option<Cell>,
    /// The 二级 carries a star (`*数量`): a mandatory category.
    pub mandatory: bool,
    pub name: Cell,
    pub value: Cell,
    /// The 度量单位 column, when the table has one and it is filled.
    pub unit: Option<Cell>,
    pub explanation: Cell,
    /// The 指标性质 / 计算符号 column (`≥`, `＝`, `定性`), when the table has one.
    pub operator: Option<Cell>,
    /// The 中期指标值 (or the 中期 set's 指标值) beside this year's, when the table has one.
    pub medium_value: Option<Cell>,
    /// The 权重 / 分值 column.
    pub weight: Option<Cell>,
    /// Other columns of the table (指标方向, 评(扣)分标准, 备注 …): the column's header and the cell.
    pub others: Vec<(String, Cell)>,
    /// False for rows of `不适用`.
    pub applicable: bool,
    /// The whole row.
    pub span: Span,
}

impl Indicator {
    /// The value as the form states it: with the operator of the 指标性质 / 计算符号 column before
    /// the number when the table has one (`≥` and `95%` read as `≥95%`).
    pub fn stated_value(&self) -> String {
        match &self.operator {
            Some(op) if crate::value::is_operator(&op.text) => {
                format!("{}{}", op.text, self.value.text)
            }
            _ => self.value.text.clone(),
        }
    }

    /// The unit of the value: the 度量单位 column, or the unit written after the number
    /// (`≥5项` → `项`).
    pub fn unit_text(&self) -> Option<String> {
        if let Some(u) = &self.unit {
            if !u.text.is_empty() {
                return Some(u.text.clone());
            }
        }
        crate::value::unit_suffix(&self.value.text).map(str::to_string)
    }
}

/// A task of the department form (年度主要任务).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Task {
    pub name: Text,
    pub content: Text,
    pub total: Option<f64>,
    pub fiscal: Option<f64>,
    pub other: Option<f64>,
    pub total_span: Span,
    pub fiscal_span: Span,
    pub other_span: Span,
    pub span: Span,
}

/// One recognized form.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Form {
    pub kind: FormKind,
    /// The template family the form was recognised as (see `template`).
    pub template: TemplateId,
    pub title: Text,
    /// From the title line to the last line that belongs to the form.
    pub span: Span,
    /// Budget year printed under the title (`（2026年度）`), when present.
    pub budget_year: Option<u16>,
    pub fields: Vec<Field>,
    pub amount_unit: Option<AmountUnit>,
    pub tasks: Vec<Task>,
    /// Department form: 年度总体目标, one entry per numbered goal (number removed).
    pub goals: Vec<Text>,
    pub indicators: Vec<Indicator>,
    /// The rows of a separate medium- or long-term indicator table (长期绩效指标, 中期绩效指标),
    /// when the template has one beside this year's table: not this year's targets, so the
    /// rules of this year's indicators do not read them.
    pub medium_indicators: Vec<Indicator>,
    /// Template text recognized and consumed: titles, labels, table headers, sub-titles.
    pub structure: Vec<Span>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Form {
    /// Call `f` with every span of text the form holds: its title, fields, tasks, goals, every
    /// cell of its indicators, and its structure (what the parser read as the template's own).
    pub fn spans(&self, f: &mut impl FnMut(Span)) {
        f(self.title.span);
        self.structure.iter().copied().for_each(&mut *f);
        for x in &self.fields {
            f(x.label.span);
            f(x.value.span);
        }
        for t in &self.tasks {
            for s in [
                t.name.span,
                t.content.span,
                t.total_span,
                t.fiscal_span,
                t.other_span,
            ] {
                f(s);
            }
        }
        self.goals.iter().for_each(|g| f(g.span));
        for i in self.indicators.iter().chain(&self.medium_indicators) {
            let cells = [&i.level1_cell, &i.level2_cell, &i.unit, &i.operator];
            let more = [&i.medium_value, &i.weight];
            for c in cells.into_iter().chain(more).flatten() {
                f(c.span);
            }
            f(i.name.span);
            f(i.value.span);
            f(i.explanation.span);
            i.others.iter().for_each(|(_, c)| f(c.span));
        }
    }

    /// Move every span the form holds (and those of its diagnostics) by `by` bytes: the form is
    /// the same, the text before it grew or shrank (an edit the incremental check did not
    /// read again). Every `Span` of the form's types is here, [`Form::spans`]' and the
    /// containers' own (the form's, a row's, a task's).
    pub fn shift(&mut self, by: isize) {
        let mut f = |s: &mut Span| *s = s.shift(by);
        f(&mut self.title.span);
        f(&mut self.span);
        self.structure.iter_mut().for_each(&mut f);
        for x in &mut self.fields {
            f(&mut x.label.span);
            f(&mut x.value.span);
        }
        for t in &mut self.tasks {
            for s in [
                &mut t.name.span,
                &mut t.content.span,
                &mut t.total_span,
                &mut t.fiscal_span,
                &mut t.other_span,
                &mut t.span,
            ] {
                f(s);
            }
        }
        self.goals.iter_mut().for_each(|g| f(&mut g.span));
        for i in self
            .indicators
            .iter_mut()
            .chain(&mut self.medium_indicators)
        {
            f(&mut i.span);
            f(&mut i.name.span);
            f(&mut i.value.span);
            f(&mut i.explanation.span);
            let cells = [
                &mut i.level1_cell,
                &mut i.level2_cell,
                &mut i.unit,
                &mut i.operator,
                &mut i.medium_value,
                &mut i.weight,
            ];
            for c in cells.into_iter().flatten() {
                f(&mut c.span);
            }
            i.others.iter_mut().for_each(|(_, c)| f(&mut c.span));
        }
        self.diagnostics.iter_mut().for_each(|d| d.shift(by));
    }

    pub fn field(&self, key: FieldKey) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The cleaned value of a field, `None` when absent or empty.
    pub fn text(&self, key: FieldKey) -> Option<&str> {
        self.field(key)
            .map(|f| f.value.text.as_str())
            .filter(|s| !s.is_empty())
    }

    pub fn amount(&self, key: FieldKey) -> Option<f64> {
        self.field(key).and_then(|f| f.amount)
    }

    /// 实施期限 as a whole number of years (`4`, `4年`).
    pub fn years(&self) -> Option<u32> {
        let t = self.text(FieldKey::Years)?;
        let t = t.strip_suffix('年').unwrap_or(t).trim();
        let digits: String = t.chars().map(crate::text::to_half_width).collect();
        digits.parse().ok()
    }

    /// 是否新增项目 as a boolean.
    pub fn is_new(&self) -> Option<bool> {
        match self.text(FieldKey::IsNew)? {
            "是" => Some(true),
            "否" => Some(false),
            _ => None,
        }
    }

    pub fn applicable_indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| i.applicable)
    }
}

/// The result of parsing a paste. Parsing never fails: whatever could not be read is reported
/// in the diagnostics.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "wire", derive(serde::Serialize, serde::Deserialize))]
pub struct Document {
    pub forms: Vec<Form>,
    /// Diagnostics not tied to one form (S001, and later the X rules).
    pub diagnostics: Vec<Diagnostic>,
    /// Not sent over the wire: rebuilt from the text on the other side.
    #[cfg_attr(feature = "wire", serde(skip))]
    pub lines: LineIndex,
    /// The budget year the rules used: given by the user or detected (see `rules::check`).
    pub budget_year: Option<u16>,
    /// The file names of a paste of several files, each from its line `【文件：…】` on: the text
    /// after one, up to the next, came from that file.
    pub files: Vec<Text>,
}

impl Document {
    /// The file a position of the text came from (the last file line before it), if any.
    pub fn file_at(&self, offset: usize) -> Option<&Text> {
        self.files.iter().rev().find(|f| f.span.start <= offset)
    }

    /// Every diagnostic of the paste: those outside forms first, then each form's.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .chain(self.forms.iter().flat_map(|f| f.diagnostics.iter()))
    }

    pub fn indicator_count(&self) -> usize {
        self.forms.iter().map(|f| f.indicators.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_of_a_cleaned_text_is_found_where_it_was_written() {
        // The cell as pasted holds markup; its text is cleaned. `1次` is twice in it: each piece
        // maps to its own place, not to the first.
        let source = "x\t完成1次推介<br>完成1次沙龙\t";
        let cell = Text {
            span: Span::new(2, source.len() - 1),
            text: "完成1次推介完成1次沙龙".to_string(),
        };
        let second = cell.text.rfind("1次").unwrap();
        let s = cell.sub(source, second..second + "1次".len());
        assert_eq!(s.text(source), "1次");
        assert!(s.start > source.find("<br>").unwrap(), "{s:?}");
        // Written as is: exact.
        let plain = Text {
            span: Span::new(0, 6),
            text: "完成".to_string(),
        };
        assert_eq!(plain.sub("完成", 3..6), Span::new(3, 6));
    }
}
