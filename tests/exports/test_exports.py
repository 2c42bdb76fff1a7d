"""The exports read back by standard readers: JSON against its schema (jsonschema), the workbook
with openpyxl, the CSV files with Python's csv module. Run by `cargo xtask test` after `cargo build`:

    .tools/venv/bin/python -m unittest discover -s tests/exports -v
"""

import csv
import io
import json
import os
import re
import subprocess
import tempfile
import unittest

import jsonschema
import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KPIFORM = os.environ.get("KPIFORM", os.path.join(ROOT, "target", "debug", "kpiform"))
CORPUS = sorted(os.path.join(ROOT, "tests", "fixtures", "corpus", f) for f in os.listdir(os.path.join(ROOT, "tests", "fixtures", "corpus")))
REGIONS_DIR = os.path.join(ROOT, "tests", "fixtures", "regions")
REGIONS = sorted(os.path.join(REGIONS_DIR, f) for f in os.listdir(REGIONS_DIR) if f.endswith(".txt"))
SCHEMA = os.path.join(ROOT, "schema", "kpiform-report.schema.json")
TEMPLATES_RS = os.path.join(ROOT, "crates", "core", "src", "template.rs")
SHENZHEN = "shenzhen-project"


def run(*args):
    return subprocess.run([KPIFORM, *args], capture_output=True, check=False)


class Exports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kpiform-exports-")
        for fmt in ["text", "json", "csv", "xlsx", "report", "report-html", "report-docx"]:
            out = run("export", "--format", fmt, "-o", os.path.join(cls.dir, f"corpus.{fmt}"), *CORPUS)
            assert out.returncode == 0, out.stderr.decode()
        with open(SCHEMA, encoding="utf-8") as f:
            cls.schema = json.load(f)

    def test_json_validates_against_the_schema(self):
        jsonschema.Draft202012Validator.check_schema(self.schema)
        with open(os.path.join(self.dir, "corpus.json"), encoding="utf-8") as f:
            data = json.load(f)
        jsonschema.validate(data, self.schema, cls=jsonschema.Draft202012Validator)
        forms = [f for i in data["inputs"] for f in i["forms"]]
        self.assertEqual(len(forms), 42)
        self.assertEqual(sum(len(f["indicators"]) for f in forms), 526)
        self.assertTrue(all(i["changes"] for i in data["inputs"]))

    def test_check_json_validates_too(self):
        out = run("check", "--format", "json", *CORPUS)
        self.assertEqual(out.returncode, 1)
        jsonschema.validate(json.loads(out.stdout), self.schema, cls=jsonschema.Draft202012Validator)

    def test_schema_rejects_a_broken_report(self):
        with open(os.path.join(self.dir, "corpus.json"), encoding="utf-8") as f:
            data = json.load(f)
        data["inputs"][0]["forms"][0]["fields"]["years"] = "four"
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(data, self.schema, cls=jsonschema.Draft202012Validator)

    def test_schema_rejects_an_unknown_template_and_a_role_of_the_wrong_type(self):
        with open(os.path.join(self.dir, "corpus.json"), encoding="utf-8") as f:
            data = json.load(f)
        form = data["inputs"][0]["forms"][0]
        for key, value in [("template", "guangdong-project"), ("template", None)]:
            broken = json.loads(json.dumps(data))
            broken["inputs"][0]["forms"][0][key] = value
            with self.assertRaises(jsonschema.ValidationError, msg=f"{key}={value!r}"):
                jsonschema.validate(broken, self.schema, cls=jsonschema.Draft202012Validator)
        del form["template"]
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(data, self.schema, cls=jsonschema.Draft202012Validator)
        form["template"] = SHENZHEN
        for key, value in [("year_fiscal", True), ("overview", ""), ("extra", [{"label": "归口科室"}])]:
            broken = json.loads(json.dumps(data))
            broken["inputs"][0]["forms"][0]["fields"][key] = value
            with self.assertRaises(jsonschema.ValidationError, msg=f"{key}={value!r}"):
                jsonschema.validate(broken, self.schema, cls=jsonschema.Draft202012Validator)

    def test_workbook_opens_with_sheets_rows_and_numbers(self):
        wb = openpyxl.load_workbook(os.path.join(self.dir, "corpus.xlsx"))
        self.assertEqual(wb.sheetnames, ["项目", "指标", "问题", "单位"])
        forms, indicators, problems = wb["项目"], wb["指标"], wb["问题"]
        self.assertEqual(forms.max_row, 1 + 42)
        self.assertEqual(indicators.max_row, 1 + 526)
        self.assertGreater(problems.max_row, 300)
        for ws in (forms, indicators, problems):
            self.assertEqual(ws.freeze_panes, "A2")
            self.assertTrue(all(c.value for c in ws[1]), "a header row")
        header = [c.value for c in forms[1]]
        total = header.index("项目总金额")
        row = [c.value for c in forms[2]]
        self.assertEqual(row[3], "44030422146150000007")
        self.assertEqual(row[total], 7944900)
        self.assertIsInstance(row[total], (int, float))
        self.assertEqual(forms.cell(2, total + 1).number_format, "#,##0.00")
        self.assertGreaterEqual(forms.column_dimensions["E"].width, 20, "names in Chinese fit")
        # The suggested grade and its scores (财预〔2015〕88号), as in the JSON.
        grade, score = header.index("建议等级"), header.index("得分")
        self.assertEqual((row[grade], row[score]), ("中", 79.5))
        self.assertEqual(row[score + 1 : score + 5], [70, 78, 85, 85])
        grades = {forms.cell(r, grade + 1).value for r in range(2, 44)}
        self.assertTrue(grades <= {"优", "良", "中", "差"}, grades)
        # Without a review, the grade that counts is the suggested one; nothing started.
        final, status = header.index("审核等级"), header.index("审核状态")
        self.assertEqual((row[final], row[status]), ("中", "未开始"))
        # The desk by unit: every form once, by grade.
        units = wb["单位"]
        uh = [c.value for c in units[1]]
        self.assertEqual(uh[:6], ["单位", "申报表数", "优", "良", "中", "差"])
        rows = [[c.value for c in r] for r in units.iter_rows(min_row=2)]
        self.assertEqual(sum(r[1] for r in rows), 42)
        self.assertTrue(all(r[1] == sum(r[2:6]) for r in rows), rows)
        self.assertGreater(len(rows), 1)

    def test_report_docx_opens_in_python_docx(self):
        import docx

        d = docx.Document(os.path.join(self.dir, "corpus.report-docx"))
        # One section per form, each from a new page, A4.
        self.assertEqual(len(d.sections), 42)
        self.assertTrue(all(s.page_width == 11906 * 635 for s in d.sections))
        headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
        self.assertEqual(len(headings), 42)
        self.assertEqual(headings[0], "1. 一般管理事务（44030422146150000007）")
        parts = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
        self.assertEqual(parts[:5], ["一、总体目标", "二、产出指标", "三、效益指标", "四、满意度指标", "五、需补充完善事项"])
        text = [p.text for p in d.paragraphs]
        self.assertIn("审核结论（建议）：中（79.5 分）。绩效目标存在较多问题，退回单位修改后重新报送审核。", text)
        self.assertEqual(sum(t.startswith("审核人：") for t in text), 42)
        self.assertIn("建议修改为：「本年度项目金额(元):」", text)

    def test_csv_parses_with_a_standard_reader(self):
        for name, rows, first in [("forms", 42, "来源"), ("indicators", 526, "来源")]:
            with open(os.path.join(self.dir, f"corpus-{name}.csv"), "rb") as f:
                raw = f.read()
            self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM")
            table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
            self.assertEqual(table[0][0], first)
            self.assertEqual(len(table) - 1, rows)
            self.assertTrue(all(len(r) == len(table[0]) for r in table))
        with open(os.path.join(self.dir, "corpus-indicators.csv"), encoding="utf-8-sig", newline="") as f:
            records = list(csv.DictReader(f))
        first = records[0]
        self.assertEqual((first["一级指标"], first["二级指标"], first["三级指标"], first["指标值"]), ("产出", "数量", "日常综合协调工作项数", "≥5项"))
        self.assertEqual((first["比较符号"], first["数值"], first["单位"]), ("≥", "5", "项"))
        self.assertTrue(any("\n" in r["指标解释"] or "," in r["指标解释"] for r in records), "quoted fields read back")

    def test_cleaned_text_reads_back(self):
        out = run("check", "--format", "json", os.path.join(self.dir, "corpus.text"))
        data = json.loads(out.stdout)
        forms = data["inputs"][0]["forms"]
        self.assertEqual(len(forms), 42)
        self.assertEqual(sum(len(f["indicators"]) for f in forms), 526)
        self.assertFalse([d for f in forms for d in f["diagnostics"] if d["code"] in ("S001", "S004")])

    def test_reports_have_a_section_per_form(self):
        with open(os.path.join(self.dir, "corpus.report"), encoding="utf-8") as f:
            md = f.read()
        self.assertEqual(sum(1 for l in md.splitlines() if l.startswith("## ") and "（" in l), 42)
        with open(os.path.join(self.dir, "corpus.report-html"), encoding="utf-8") as f:
            html = f.read()
        self.assertIn("@page{size:A4", html)
        self.assertNotIn("http", html.split("<body>")[0].replace("http-equiv", ""), "nothing loaded from outside")


class Regions(unittest.TestCase):
    """The invented forms of other regions (tests/fixtures/regions): their JSON against the schema."""

    @classmethod
    def setUpClass(cls):
        with open(SCHEMA, encoding="utf-8") as f:
            cls.schema = json.load(f)
        cls.templates = cls.schema["$defs"]["form"]["properties"]["template"]["enum"]
        # One check per fixture, as a user runs it on one file.
        cls.checked = {}
        for path in REGIONS:
            out = run("check", "--format", "json", path)
            assert out.returncode in (0, 1), f"{path}: {out.stderr.decode()}"
            cls.checked[os.path.basename(path)] = json.loads(out.stdout)

    def forms(self):
        for name, data in self.checked.items():
            for form in data["inputs"][0]["forms"]:
                yield name, form

    def test_there_are_region_fixtures(self):
        self.assertGreaterEqual(len(REGIONS), 20)

    def test_check_json_of_every_fixture_validates(self):
        for name, data in self.checked.items():
            with self.subTest(name):
                jsonschema.validate(data, self.schema, cls=jsonschema.Draft202012Validator)
                self.assertEqual(len(data["inputs"]), 1)

    def test_export_json_of_every_fixture_validates(self):
        with tempfile.TemporaryDirectory(prefix="kpiform-regions-") as tmp:
            out_path = os.path.join(tmp, "regions.json")
            out = run("export", "--format", "json", "-o", out_path, *REGIONS)
            self.assertEqual(out.returncode, 0, out.stderr.decode())
            with open(out_path, encoding="utf-8") as f:
                data = json.load(f)
        jsonschema.validate(data, self.schema, cls=jsonschema.Draft202012Validator)
        self.assertEqual(len(data["inputs"]), len(REGIONS))

    def test_the_fixtures_use_the_new_keys(self):
        """What the schema says of the other templates is checked on real output, not only allowed."""
        forms = [f for _, f in self.forms()]
        indicators = [i for f in forms for i in f["indicators"] + f.get("medium_indicators", [])]
        self.assertTrue(any(f.get("medium_indicators") for f in forms), "medium_indicators")
        self.assertTrue(any(f["fields"].get("extra") for f in forms), "extra")
        for key in ["operator", "medium_value", "weight", "others"]:
            self.assertTrue(any(key in i for i in indicators), key)
        roles = self.schema["$defs"]["roles"]["properties"]
        used = {k for f in forms for k in f["fields"] if k in roles}
        self.assertGreaterEqual(len(used), 10, f"roles used: {sorted(used)}")

    def test_templates_are_the_catalogue_and_not_shenzhen(self):
        with open(TEMPLATES_RS, encoding="utf-8") as f:
            source = f.read()
        catalogue = re.findall(r'^\s*key: "([a-z0-9-]+)",$', source, flags=re.M)
        self.assertEqual(self.templates, catalogue, "the schema's enum is TEMPLATES of template.rs, in order")
        seen = set()
        for name, form in self.forms():
            with self.subTest(name):
                self.assertIn(form["template"], self.templates)
                self.assertFalse(name.startswith("shenzhen"))
                self.assertNotEqual(form["template"], SHENZHEN)
                seen.add(form["template"])
        self.assertGreaterEqual(len(seen), 10, f"templates recognised: {sorted(seen)}")
        out = run("check", "--format", "json", *CORPUS)
        corpus = {f["template"] for i in json.loads(out.stdout)["inputs"] for f in i["forms"]}
        self.assertIn(SHENZHEN, corpus, "the Shenzhen corpus is read as Shenzhen's template")


if __name__ == "__main__":
    unittest.main()
