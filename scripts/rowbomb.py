#!/usr/bin/env python3
"""Make "row-bomb" copies of example workbooks: the real header and rows,
then sparse rows up to Excel's last row (1,048,575), each holding one
small cell, so that the file stays about a quarter of a megabyte while a
reader sees a million rows. Used by scripts/check-memory.sh (issue 28).

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
                rows = [int(r) for r in re.findall(r'<row r="(\d+)"', text)]
                start = max(rows) + 1
                # Rows and cells without "r": numbered by their place, as
                # the format allows; identical, so they compress ~100:1.
                tail = ('<row><c t="inlineStr"><is><t>x</t></is></c></row>') * (LAST + 1 - start)
                text = text.replace("</sheetData>", tail + "</sheetData>", 1)
                text = re.sub(r'<dimension ref="[^"]*">', '<dimension ref="A1:I%d">' % LAST, text, count=1)
                data = text.encode("utf-8")
            zout.writestr(item, data)


if __name__ == "__main__":
    main()
