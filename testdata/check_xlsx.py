"""Reads workbooks the way a district analyst's tools do, and checks them.

usage: check_xlsx.py REGULAR.ttf BOLD.ttf BOOK.xlsx...

For each workbook, with openpyxl (what pandas.read_excel uses):
  - it loads, in normal and in read-only mode, and every cell is read; both
    modes see the same cells (read-only mode trusts each sheet's dimension);
  - every rgb colour attribute of every XML part is aRGB: 8 hex digits;
  - every row is high enough for its text: a wrapped cell's lines are
    counted with the font's own metrics (FreeType, via Pillow, on the
    Liberation Serif files given: Times New Roman's metric twin), in its
    column's width, and each line needs the font's ascent plus descent.

Prints one JSON object per workbook: {"file", "sheets": {name: {"rows",
"cells"}}, "errors": [...]}. Exits 0 even when it finds errors: the caller
reads them.
"""

import json
import math
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
from PIL import ImageFont

ARGB = re.compile(r"^[0-9A-Fa-f]{8}$")
DIGIT_PX = 7  # the default font's widest digit (Times New Roman 11 pt): the unit of column widths
MARGIN_PX = 5  # Excel's cell margins and grid line
PX_PER_PT = 96 / 72


def colours(path, errors):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml") or "/theme/" in name:
                continue  # DrawingML themes write RRGGBB in val, by their schema
            root = ET.fromstring(z.read(name))
            for el in root.iter():
                rgb = el.get("rgb")
                if rgb is not None and not ARGB.match(rgb):
                    errors.append(f"{name}: <{el.tag.split('}')[-1]} rgb={rgb!r}>: not aRGB")


class Fonts:
    def __init__(self, regular, bold):
        self.files = {False: regular, True: bold}
        self.cache = {}

    def get(self, bold, size_pt):
        key = (bool(bold), size_pt)
        if key not in self.cache:
            self.cache[key] = Face(self.files[bool(bold)], round(size_pt * PX_PER_PT))
        return self.cache[key]


class Face:
    """A font at a size, measured both ways programs set text: with whole-pixel
    advances and no kerning (Excel), and with exact advances and kerning
    (LibreOffice, HarfBuzz); a text is as wide as the wider of the two."""

    def __init__(self, path, px):
        self.fonts = [ImageFont.truetype(path, px, layout_engine=ImageFont.Layout.BASIC)]
        try:
            self.fonts.append(ImageFont.truetype(path, px, layout_engine=ImageFont.Layout.RAQM))
        except (KeyError, OSError, ValueError):
            pass  # Pillow built without libraqm

    def getlength(self, text):
        return max(f.getlength(text) for f in self.fonts)

    def getmetrics(self):
        return self.fonts[0].getmetrics()


def count_lines(font, text, width_px):
    space = font.getlength(" ")
    n = 0
    for para in text.split("\n"):
        n += 1
        cur = 0.0
        for word in para.split():
            w = font.getlength(word)
            if cur > 0:
                if cur + space + w <= width_px:
                    cur += space + w
                    continue
                n += 1
                cur = 0.0
            if w <= width_px:
                cur = w
                continue
            for ch in word:
                a = font.getlength(ch)
                if cur > 0 and cur + a > width_px:
                    n += 1
                    cur = 0.0
                cur += a
    return n


def column_widths(ws):
    widths = {}
    for dim in ws.column_dimensions.values():
        if dim.width is None or dim.min is None:
            continue
        for c in range(dim.min, dim.max + 1):
            widths[c] = dim.width
    return widths


def heights(ws, fonts, errors):
    widths = column_widths(ws)
    for row in ws.iter_rows():
        need_pt, why = 0.0, ""
        for cell in row:
            if cell.value is None or cell.value == "":
                continue
            f = fonts.get(cell.font.b, cell.font.sz or 11)
            lines = 1
            if cell.alignment.wrap_text and isinstance(cell.value, str):
                w = widths.get(cell.column)
                if w is None:
                    errors.append(f"{ws.title}!{cell.coordinate}: wrapped text in a column without a width")
                    continue
                px = math.floor((256 * w + math.floor(128 / DIGIT_PX)) / 256 * DIGIT_PX) - MARGIN_PX
                lines = count_lines(f, cell.value, px)
            ascent, descent = f.getmetrics()
            pt = lines * (ascent + descent) / PX_PER_PT
            if pt > need_pt:
                need_pt, why = pt, f"{cell.coordinate} takes {lines} line(s)"
        if need_pt == 0:
            continue
        r = row[0].row
        h = ws.row_dimensions[r].height
        if h is None:
            errors.append(f"{ws.title}!row {r}: no height; {why}, {need_pt:.2f} pt")
        elif h + 1e-6 < need_pt:
            errors.append(f"{ws.title}!row {r}: height {h} pt, {why}: {need_pt:.2f} pt")


def values(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def check(path, fonts):
    errors, sheets = [], {}
    colours(path, errors)
    try:
        wb = openpyxl.load_workbook(path)
        ro = openpyxl.load_workbook(path, read_only=True)
    except Exception as e:  # the failure this check exists for
        errors.append(f"openpyxl: {type(e).__name__}: {e}")
        return {"file": path, "sheets": sheets, "errors": errors}
    for ws in wb.worksheets:
        vals = values(ws)
        sheets[ws.title] = {"rows": len(vals), "cells": sum(1 for r in vals for v in r if v not in (None, ""))}
        rvals = values(ro[ws.title])
        strip = lambda rows: [[v for v in r if v not in (None, "")] for r in rows]
        if strip(rvals) != strip(vals):
            errors.append(f"{ws.title}: read-only mode sees {len(rvals)} rows, normal mode {len(vals)}")
        heights(ws, fonts, errors)
        for r in range(1, ws.max_row + 1):
            for c in range(1, ws.max_column + 1):
                ws.cell(r, c).number_format  # every cell's style resolves
    ro.close()
    return {"file": path, "sheets": sheets, "errors": errors}


def main():
    fonts = Fonts(sys.argv[1], sys.argv[2])
    for path in sys.argv[3:]:
        print(json.dumps(check(path, fonts), ensure_ascii=False))


if __name__ == "__main__":
    main()
