#!/usr/bin/python3
"""The openpyxl peer of scripts/bench.sh: counts the ratio figures of the
annual run (3.1, 3.3, 3.5, 4.1, 4.2, 5, 9.1, 9.2 for 2024, 2023 and each
Decree 09 month of 2024) from the generated workbooks, with Debian's
python3-openpyxl in read-only (streaming) mode.

    /usr/bin/python3 scripts/peers/count_openpyxl.py DATA_DIR

The cell rules and the counting are scripts/count-monthly.py's (checked
against baocao on the office samples); this adds what the generated
workbooks need: a header of up to three rows (a register's groups merged
above its sub-columns) with a numbering row under it. It prints JSON:
{period: {indicator: [numerator, denominator]}}.
"""
import importlib.util
import json
import os
import re
import sys

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("count_monthly", os.path.join(here, "..", "count-monthly.py"))
cm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cm)

NUMBERING = re.compile(r"^(\(([0-9]{1,3}|[A-Za-z])\)|[0-9]{1,3}|[A-Za-z])$")


def combine(rows):
    """Rows of a header seen as one: each column named by its lowest non-blank cell."""
    width = max(len(r) for r in rows)
    out = [None] * width
    for r in rows:
        for i, c in enumerate(r):
            if not cm.blank(c):
                out[i] = c
    return out


def find_header(rows, columns):
    """The fewest adjacent rows (up to three) within rows 1-20 naming every
    required column: (index of the header's last row, {key: column})."""
    for r in range(min(20, len(rows))):
        for k in range(1, 4):
            if r - k + 1 < 0:
                break
            try:
                _, where = cm.find_header([combine(rows[r - k + 1:r + 1])], columns)
            except SystemExit:
                continue
            return r, where
    raise SystemExit("no header row found")


def read(path, spec):
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    epoch = wb.epoch
    ws = wb.worksheets[0]
    ws.reset_dimensions()  # the generator's <dimension> says A1; read-only mode trusts it
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    h, where = find_header(rows, spec["columns"])
    body = rows[h + 1:]
    if body and sum(not cm.blank(c) for c in body[0]) >= 2 and all(
            cm.blank(c) or NUMBERING.match(str(c).strip()) for c in body[0]):
        body = body[1:]
    # count-monthly's reader, given the rows after the header.
    return cm_read_rows(body, where, spec, epoch)


def cm_read_rows(body, where, spec, epoch):
    out, seen = [], set()
    for row in body:
        if all(cm.blank(c) for c in row):
            continue
        first = next(c for c in row if not cm.blank(c))
        if cm.fold(first) in cm.TOTALS:
            continue
        rec, ok = {}, True
        for key, (_, kind, required) in spec["columns"].items():
            v = row[where[key]] if key in where and where[key] < len(row) else None
            if cm.blank(v):
                if required and kind != "yesno":
                    ok = False
                rec[key] = False if kind == "yesno" else None
                continue
            try:
                if kind == "date":
                    rec[key] = cm.to_date(v, epoch)
                elif kind == "yesno":
                    rec[key] = cm.to_yesno(v)
                elif kind == "number":
                    rec[key] = cm.to_number(v)
                elif isinstance(kind, list):
                    c = cm.match(v, kind)
                    if c is None:
                        raise cm.Bad("not in the list: %r" % v)
                    rec[key] = c
                else:
                    rec[key] = str(v).strip()
            except cm.Bad:
                ok = False
        if not ok:
            continue
        if "key" in spec:
            k = cm.fold(rec[spec["key"]])
            if k in seen:
                continue
            seen.add(k)
        out.append(rec)
    return out


def main():
    folder = sys.argv[1]
    data = {name: read(os.path.join(folder, name), spec) for name, spec in cm.SOURCES.items()}
    periods = {"2024-%02d" % m: cm.month(2024, m) for m in range(1, 13)}
    periods["2024"] = (cm.month(2024, 1)[0], cm.month(2024, 12)[1])
    periods["2023"] = (cm.month(2023, 1)[0], cm.month(2023, 12)[1])
    out = {}
    for label, (lo, hi) in periods.items():
        res = cm.count(data, lo, hi)
        out[label] = {k: [v["numerator"], v["denominator"]] for k, v in res.items()}
    json.dump(out, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
