"""The exports read back by standard readers: JSON against its schema (jsonschema), the workbook
with openpyxl, the CSV files with Python's csv module. Run by `cargo xtask test` after `cargo build`:

    .tools/venv/bin/python -m unittest discover -s tests/exports -v
"""

import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

import jsonschema
import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KPIFORM = os.environ.get("KPIFORM", os.path.join(ROOT, "target", "debug", "kpiform"))
CORPUS = sorted(os.path.join(ROOT, "tests", "fixtures", "corpus", f) for f in os.listdir(os.path.join(ROOT, "tests", "fixtures", "corpus")))
SCHEMA = os.path.join(ROOT, "schema", "kpiform-report.schema.json")


def run(*args):
    return subprocess.run([KPIFORM, *args], capture_output=True, check=False)


class Exports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kpiform-exports-")
        for fmt in ["text", "json", "csv", "xlsx", "report", "report-html"]:
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

    def test_workbook_opens_with_sheets_rows_and_numbers(self):
        wb = openpyxl.load_workbook(os.path.join(self.dir, "corpus.xlsx"))
        self.assertEqual(wb.sheetnames, ["项目", "指标", "问题"])
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


if __name__ == "__main__":
    unittest.main()
