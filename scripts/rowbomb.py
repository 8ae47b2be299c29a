#!/usr/bin/env python3
"""Make a "row-bomb" copy of an example workbook: its header and rows, then
copies of its last row, without row or cell references, down to Excel's
last row (1,048,575). Identical rows compress ~1000:1, so the file is about
a quarter of a megabyte while a reader sees a million valid rows. Used by
scripts/check-memory.sh (issue 28).

usage: rowbomb.py SRC.xlsx DEST.xlsx
"""
import re
import sys
import zipfile

LAST = 1048575


def main():
    src, dest = sys.argv[1], sys.argv[2]
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                rows = re.findall(r'<row r="(\d+)"[^>]*>.*?</row>', text)
                last = re.findall(r'(<row r="\d+"[^>]*>.*?</row>)', text)[-1]
                # Rows and cells without "r" are numbered by their place.
                copy = re.sub(r' r="[A-Z]*\d+"', "", last)
                start = max(int(r) for r in re.findall(r'<row r="(\d+)"', text)) + 1
                text = text.replace("</sheetData>", copy * (LAST + 1 - start) + "</sheetData>", 1)
                data = text.encode("utf-8")
            zout.writestr(item, data)


if __name__ == "__main__":
    main()
