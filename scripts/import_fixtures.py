#!/usr/bin/env python3
"""Write the import fixtures (tests/fixtures/import/) with real writers: openpyxl (.xlsx), xlwt
(.xls, BIFF8) and python-docx (.docx), from the seed forms' text (tests/fixtures/corpus) and the
region fixtures. The files are committed; run this only to regenerate them:

    python3 -m venv /tmp/fixvenv
    /tmp/fixvenv/bin/pip install openpyxl==3.1.5 xlwt==1.3.0 python-docx==1.2.0 msoffcrypto-tool==5.4.2 \
        xlsx2html==0.6.1 odfpy==1.4.1
    /tmp/fixvenv/bin/python scripts/import_fixtures.py

What the files hold, so that reading them exercises what real workbooks and documents do:
  - every line with a tab is a table row, its cells at the tabs; other lines are paragraphs (in
    the .docx) or rows of one cell (in the workbooks);
  - amounts (7,944,900.00) are number cells with the format #,##0.00, so the cell holds 7944900;
  - indicator values that are a bare percentage (100%, 95.5%) are number cells with a percentage
    format (0.95 formatted 0%);
  - the 一级指标 of consecutive indicator rows is one merged cell (vertical merge), and a field
    value followed by empty cells up to the table's width is merged across them;
  - a space in a long cell is written as a line break inside the cell (read back as a space);
  - several forms per sheet (one sheet per corpus file) and several sheets;
  - the Shanghai form's planned dates are date cells (regions.xlsx);
  - encrypted.xlsx is corpus.xlsx protected by the password "kpiform" (msoffcrypto-tool);
  - corpus-000.html is the first sheet of corpus.xlsx (the 11 forms of corpus 000) saved as a web
    page by xlsx2html (merged cells as rowspan and colspan, numbers as displayed);
  - corpus.ods is the seed forms written by odfpy (OpenDocument), with the same merges.
"""

import datetime
import io
import re
import struct
import zlib
from pathlib import Path

import docx
import openpyxl
import xlwt
from docx.shared import Pt
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/fixtures/import"
CORPUS = sorted((ROOT / "tests/fixtures/corpus").glob("*.txt"))
REGIONS = [
    ROOT / "tests/fixtures/regions" / n
    for n in [
        "national88-project__tabs.txt",
        "shanghai-project__tabs.txt",
        "national88-department__tabs.txt",
        "transfer-regional__tabs.txt",
    ]
]

AMOUNT = re.compile(r"^\d{1,3}(,\d{3})*\.\d+$|^\d+\.\d{2}$")
PERCENT = re.compile(r"^(\d+(\.\d+)?)%$")
LEVEL1 = {"产出", "效益", "满意度", "产出指标", "效益指标", "满意度指标"}
DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def groups(text):
    """The lines as blocks: ('table', [rows of cells]) and ('para', line), in order."""
    out = []
    for line in text.splitlines():
        if "\t" in line:
            cells = line.split("\t")
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        else:
            out.append(("para", line))
    return out


def plan(rows):
    """Merges of one table: (row, col, last_row, last_col), and the cells they cover."""
    width = max(len(r) for r in rows)
    merges = []
    # A field's value followed only by empty cells: merged across the rest of the row.
    for i, r in enumerate(rows):
        filled = [j for j, c in enumerate(r) if c.strip()]
        if len(filled) == 2 and filled[0] == 0 and filled[1] == 1 and width > 2:
            merges.append((i, 1, i, width - 1))
    # The 一级指标 column of the indicator table: runs of the same category merged down.
    i = 0
    while i < len(rows):
        c = rows[i][0].strip() if rows[i] else ""
        if c in LEVEL1:
            j = i
            while j + 1 < len(rows) and rows[j + 1] and rows[j + 1][0].strip() == c:
                j += 1
            if j > i:
                merges.append((i, 0, j, 0))
            i = j + 1
        else:
            i += 1
    covered = set()
    for r0, c0, r1, c1 in merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covered.add((r, c))
    return merges, covered


def broken(s):
    """A long cell with a space gets a line break there instead (read back as a space)."""
    if len(s) > 40 and " " in s.strip():
        k = s.strip().index(" ")
        s = s.strip()
        return s[:k] + "\n" + s[k + 1 :]
    return s


def xlsx_value(s, percent):
    if AMOUNT.match(s.strip()):
        return float(s.strip().replace(",", "")), "#,##0.00"
    m = PERCENT.match(s.strip())
    if percent and m:
        digits = len(m.group(2) or "") - 1 if m.group(2) else 0
        return float(m.group(1)) / 100, "0%" if digits <= 0 else "0." + "0" * digits + "%"
    d = DATE.match(s.strip())
    if d:
        return datetime.datetime(int(d.group(1)), int(d.group(2)), int(d.group(3))), "yyyy-mm-dd"
    return broken(s), None


def write_xlsx(sheets, path, percent=True):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, text in sheets:
        ws = wb.create_sheet(name)
        row = 1
        for kind, body in groups(text):
            if kind == "para":
                if body.strip():
                    ws.cell(row=row, column=1, value=body)
                row += 1
                continue
            merges, covered = plan(body)
            for i, cells in enumerate(body):
                for j, c in enumerate(cells):
                    if (i, j) in covered or not c.strip():
                        continue
                    value, fmt = xlsx_value(c, percent)
                    cell = ws.cell(row=row + i, column=j + 1, value=value)
                    if isinstance(value, str) and value.startswith("="):
                        # Text that starts with = (=100.00(%)), as Excel keeps it typed after
                        # an apostrophe: a string, not a formula.
                        cell.data_type = "s"
                    if fmt:
                        cell.number_format = fmt
            for r0, c0, r1, c1 in merges:
                ws.merge_cells(
                    start_row=row + r0, start_column=c0 + 1, end_row=row + r1, end_column=c1 + 1
                )
            row += len(body)
        for col in range(1, 9):
            ws.column_dimensions[get_column_letter(col)].width = 24
    wb.save(path)


def write_xls(sheets, path):
    wb = xlwt.Workbook(encoding="utf-8")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    for name, text in sheets:
        ws = wb.add_sheet(name)
        row = 0
        for kind, body in groups(text):
            if kind == "para":
                if body.strip():
                    ws.write(row, 0, body)
                row += 1
                continue
            merges, covered = plan(body)
            starts = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in merges}
            for i, cells in enumerate(body):
                for j, c in enumerate(cells):
                    if (i, j) in covered:
                        continue
                    s = c.strip()
                    m = PERCENT.match(s)
                    if AMOUNT.match(s):
                        value, style = float(s.replace(",", "")), money
                    elif m:
                        digits = len(m.group(2)) - 1 if m.group(2) else 0
                        fmt = "0%" if digits <= 0 else "0." + "0" * digits + "%"
                        value, style = float(m.group(1)) / 100, xlwt.easyxf(num_format_str=fmt)
                    elif not s:
                        if (i, j) not in starts:
                            continue
                        value, style = "", None
                    else:
                        value, style = broken(c), None
                    if (i, j) in starts:
                        r1, c1 = starts[(i, j)]
                        args = (row + i, row + r1, j, c1, value)
                        ws.write_merge(*args, style) if style else ws.write_merge(*args)
                    else:
                        ws.write(row + i, j, value, style) if style else ws.write(row + i, j, value)
            row += len(body)
    wb.save(path)


def write_docx(texts, path):
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(9)
    for text in texts:
        for kind, body in groups(text):
            if kind == "para":
                d.add_paragraph(body)
                continue
            width = max(len(r) for r in body)
            merges, covered = plan(body)
            table = d.add_table(rows=len(body), cols=width)
            table.style = "Table Grid"
            for i, cells in enumerate(body):
                for j in range(width):
                    c = cells[j] if j < len(cells) else ""
                    if (i, j) in covered or not c.strip():
                        continue
                    value = broken(c)
                    lines = value.split("\n")
                    cell = table.cell(i, j)
                    cell.text = lines[0]
                    for more in lines[1:]:
                        cell.add_paragraph(more)
            for r0, c0, r1, c1 in merges:
                table.cell(r0, c0).merge(table.cell(r1, c1))
            if kind == "table":
                # The merged cells' paragraphs: python-docx moves the covered cells' (empty)
                # paragraphs into the first; nothing else to do.
                pass
    d.save(path)


def write_html(xlsx, sheets, path):
    from xlsx2html import xlsx2html

    tables = []
    for i in range(len(sheets)):
        out = io.StringIO()
        xlsx2html(str(xlsx), out, sheet=i)
        html = out.getvalue()
        tables.append(html[html.index("<table") : html.rindex("</table>") + len("</table>")])
    path.write_text(
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="UTF-8"><title>申报表</title></head><body>\n'
        + "\n".join(tables)
        + "\n</body></html>\n",
        encoding="utf-8",
    )


def write_ods(sheets, path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, text in sheets:
        table = Table(name=name)
        for kind, body in groups(text):
            if kind == "para":
                row = TableRow()
                cell = TableCell()
                if body.strip():
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=body))
                row.addElement(cell)
                table.addElement(row)
                continue
            merges, covered = plan(body)
            starts = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in merges}
            for i, cells in enumerate(body):
                row = TableRow()
                for j, c in enumerate(cells):
                    if (i, j) in covered:
                        row.addElement(CoveredTableCell())
                        continue
                    attrs = {}
                    if (i, j) in starts:
                        r1, c1 = starts[(i, j)]
                        attrs = {"numberrowsspanned": r1 - i + 1, "numbercolumnsspanned": c1 - j + 1}
                    s = c.strip()
                    if AMOUNT.match(s):
                        cell = TableCell(valuetype="float", value=s.replace(",", ""), **attrs)
                        cell.addElement(P(text=s))
                    elif s:
                        # Text cells carry their value type, as LibreOffice writes them.
                        cell = TableCell(valuetype="string", **attrs)
                        for line in broken(c).split("\n"):
                            cell.addElement(P(text=line))
                    else:
                        cell = TableCell(**attrs)
                    row.addElement(cell)
                table.addElement(row)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


def png(path):
    """A 2×2 grey PNG (an image, which the import refuses)."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))

    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data))

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def pdf(path):
    """A one-page PDF with a line of text (refused: its text must be copied from a viewer)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 12 Tf 20 50 Td (kpiform) Tj ET"
    objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    path.write_bytes(out.getvalue())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = [(p.name[:3], p.read_text(encoding="utf-8")) for p in CORPUS]
    regions = [(p.name.split("__")[0][:31], p.read_text(encoding="utf-8")) for p in REGIONS]
    write_xlsx(corpus, OUT / "corpus.xlsx")
    write_xls(corpus, OUT / "corpus.xls")
    write_docx([t for _, t in corpus], OUT / "corpus.docx")
    write_html(OUT / "corpus.xlsx", corpus[:1], OUT / "corpus-000.html")
    write_ods(corpus, OUT / "corpus.ods")
    write_xlsx(regions, OUT / "regions.xlsx")
    # 100 forms (the seed forms over again), 25 to a sheet: the page's import-time measurement.
    forms = []
    for _, text in corpus:
        for part in re.split(r"\n(?=二级项目支出绩效目标申报表)", "\n" + text):
            if part.strip():
                forms.append(part.strip("\n") + "\n")
    hundred = [(forms * 3)[i : i + 25] for i in range(0, 100, 25)]
    write_xlsx([(f"第{n + 1}组", "\n".join(h)) for n, h in enumerate(hundred)], OUT / "hundred.xlsx")
    write_docx([t for _, t in regions], OUT / "regions.docx")
    png(OUT / "image.png")
    pdf(OUT / "form.pdf")
    try:
        import msoffcrypto.format.ooxml as ooxml

        with open(OUT / "corpus.xlsx", "rb") as plain, open(OUT / "encrypted.xlsx", "wb") as enc:
            ooxml.OOXMLFile(plain).encrypt("kpiform", enc)
    except ImportError:
        print("msoffcrypto-tool is not installed: encrypted.xlsx not written")
    for p in sorted(OUT.iterdir()):
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size} bytes")


if __name__ == "__main__":
    main()
