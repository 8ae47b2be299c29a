#!/usr/bin/python3
"""Count the ratio indicators of the 2024 plan month by month, independently
of baocao's Go code, for the sample workbooks in testdata/office-messy/.

Written from /work/shared/SPEC.md (§1 reading rules, §2 periods, §3
indicators) and docs/decisions.md, with Debian's openpyxl (run it with
/usr/bin/python3, which has python3-openpyxl):

    /usr/bin/python3 scripts/count-monthly.py testdata/office-messy > testdata/office-messy-monthly.json

It prints, for each Decree 09 month of 2024 (2024-01 = 15/12/2023 to
14/01/2024, both ends inclusive) and for the periods of the shared
expectations (2024-03, 2024-Q2, 2024-H1, 2024), the value, numerator and
denominator of each ratio indicator counted from dated rows: 3.1, 3.3, 3.5,
4.1, 4.2, 5, 9.1 and 9.2. The value is null when the denominator is 0.
"""
import datetime as dt
import json
import os
import re
import sys
import unicodedata

import openpyxl

# ------------------------------------------------------------------ text

def fold(s):
    """Compare like headers: NFC, case, surrounding and repeated spaces."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    return " ".join(s.split()).lower()


def bare(s):
    """fold without diacritics (đ → d), the fallback of SPEC §1."""
    s = unicodedata.normalize("NFD", fold(s))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d")


def match(text, choices):
    """The choice text matches: exactly after folding, else without
    diacritics when only one choice fits. None when none does."""
    f = fold(text)
    for c in choices:
        if fold(c) == f:
            return c
    hits = [c for c in choices if bare(c) == bare(text)]
    return hits[0] if len(hits) == 1 else None

# ----------------------------------------------------------------- cells

class Bad(Exception):
    """A cell that cannot be used: its row is left out."""


DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$")
ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$")


def to_date(v, epoch):
    """A calendar date from a date cell, a serial number or day-first text."""
    if isinstance(v, dt.datetime):
        d = v.date()
    elif isinstance(v, dt.date):
        d = v
    elif isinstance(v, (int, float)) and not isinstance(v, bool):
        d = (epoch + dt.timedelta(days=float(v))).date()
    else:
        s = " ".join(str(v).split())
        m = DATE_RE.match(s)
        try:
            if m:
                d = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            else:
                m = ISO_RE.match(s)
                if not m:
                    raise Bad("not a date: %r" % v)
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise Bad("impossible date: %r" % v)
    if not 1990 <= d.year <= 2100:
        raise Bad("date out of range: %r" % v)
    return d


YES = {"có", "x", "1", "đã", "yes", "true", "y", "co"}
NO = {"không", "", "0", "no", "false", "n", "khong"}


def to_yesno(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and v == int(v):
        v = int(v)
    f = fold(v)
    if f in YES or bare(f) in {bare(y) for y in YES}:
        return True
    if f in NO or bare(f) in {bare(n) for n in NO}:
        return False
    raise Bad("not yes/no: %r" % v)


def to_number(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    s = fold(v).replace(" ", "")
    pct = s.endswith("%")
    s = s.rstrip("%")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})+", s):
        s = s.replace(".", "")
    try:
        n = float(s)
    except ValueError:
        raise Bad("not a number: %r" % v)
    return n / 100 if pct else n

# --------------------------------------------------------------- sources
# column: (header, kind, required); kinds: text, date, yesno, number, or a
# list of category values.

SOURCES = {
    "ho-so-tthc.xlsx": {
        "key": "id",
        "columns": {
            "id": ("Mã hồ sơ", "text", True), "field": ("Lĩnh vực", "text", True),
            "procedure": ("Tên thủ tục", "text", False),
            "received": ("Ngày tiếp nhận", "date", True), "due": ("Ngày hẹn trả", "date", True),
            "returned": ("Ngày trả kết quả", "date", False), "apology": ("Ngày xin lỗi", "date", False),
        },
    },
    "phan-anh-kien-nghi.xlsx": {
        "key": "id",
        "columns": {
            "id": ("Mã", "text", True), "received": ("Ngày tiếp nhận", "date", True),
            "deadline": ("Hạn trả lời", "date", True), "answered": ("Ngày trả lời", "date", False),
            "content": ("Nội dung", "text", False),
        },
    },
    "khao-sat-hai-long.xlsx": {
        "columns": {
            "time": ("Thời gian", "date", True),
            "topic": ("Nội dung khảo sát", ["Thanh toán học phí qua Yoyoschool", "Giải quyết thủ tục hành chính"], True),
            "level": ("Mức độ hài lòng", ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"], True),
        },
    },
    "thanh-toan-hoc-phi.xlsx": {
        "columns": {
            "student": ("Mã học sinh", "text", True), "name": ("Họ và tên", "text", False),
            "class": ("Lớp", "text", False), "paid_on": ("Ngày thanh toán", "date", True),
            "amount": ("Số tiền", "number", False),
            "method": ("Hình thức thanh toán", ["Yoyoschool", "Chuyển khoản", "Tiền mặt"], True),
        },
    },
    "van-ban.xlsx": {
        "columns": {
            "number": ("Số, ký hiệu", "text", True), "date": ("Ngày văn bản", "date", True),
            "direction": ("Loại", ["Đi", "Đến"], True), "summary": ("Trích yếu", "text", False),
            "electronic": ("Văn bản điện tử", "yesno", True), "signed": ("Ký số", "yesno", True),
            "secrecy": ("Độ mật", ["Mật", "Tối mật", "Tuyệt mật"], False),
        },
    },
}

TOTALS = {"tổng cộng", "tổng số", "tổng", "cộng", "total"}


def blank(v):
    return v is None or (isinstance(v, str) and v.strip() == "")


def find_header(rows, columns):
    """The first of rows 1–20 holding every required column: {key: index}."""
    for r, row in enumerate(rows[:20]):
        cells = [fold(c) for c in row]
        where = {}
        for key, (header, _, _) in columns.items():
            if fold(header) in cells:
                where[key] = cells.index(fold(header))
            else:
                hits = [i for i, c in enumerate(cells) if c and bare(c) == bare(header)]
                if len(hits) == 1:
                    where[key] = hits[0]
        if all(k in where for k, (_, _, req) in columns.items() if req):
            return r, where
    raise SystemExit("no header row found")


def read(path, spec):
    wb = openpyxl.load_workbook(path, data_only=True)
    epoch = wb.epoch  # 1899-12-30 or 1904-01-01
    ws = wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    h, where = find_header(rows, spec["columns"])
    out, seen = [], set()
    for row in rows[h + 1:]:
        if all(blank(c) for c in row):
            continue
        first = next(c for c in row if not blank(c))
        if fold(first) in TOTALS:
            continue
        rec, ok = {}, True
        for key, (_, kind, required) in spec["columns"].items():
            v = row[where[key]] if key in where and where[key] < len(row) else None
            if blank(v):
                # SPEC §1: an empty yes/no cell is "no"; any other blank
                # required cell leaves the row out.
                if required and kind != "yesno":
                    ok = False
                rec[key] = False if kind == "yesno" else None
                continue
            try:
                if kind == "date":
                    rec[key] = to_date(v, epoch)
                elif kind == "yesno":
                    rec[key] = to_yesno(v)
                elif kind == "number":
                    rec[key] = to_number(v)
                elif isinstance(kind, list):
                    c = match(v, kind)
                    if c is None:
                        raise Bad("not in the list: %r" % v)
                    rec[key] = c
                else:
                    rec[key] = unicodedata.normalize("NFC", str(v)).strip()
            except Bad:
                ok = False
        if not ok:
            continue
        if "key" in spec:
            k = fold(rec[spec["key"]])
            if k in seen:
                continue  # a duplicate: the first row wins
            seen.add(k)
        out.append(rec)
    return out

# ---------------------------------------------------------------- periods

def month(y, m):
    """Decree 09 month m of year y: the 15th of the month before to the 14th."""
    start = dt.date(y, m, 1)
    prev = dt.date(y - 1, 12, 15) if m == 1 else dt.date(y, m - 1, 15)
    return prev, dt.date(y, m, 14)


def periods():
    ps = {"2024-%02d" % m: month(2024, m) for m in range(1, 13)}
    ps["2024-Q2"] = (month(2024, 4)[0], month(2024, 6)[1])
    ps["2024-H1"] = (month(2024, 1)[0], month(2024, 6)[1])
    ps["2024"] = (month(2024, 1)[0], month(2024, 12)[1])
    return ps

# ------------------------------------------------------------- indicators

def ratio(num, den):
    return {"value": (num / den) if den else None, "numerator": num, "denominator": den}


def count(data, lo, hi):
    inside = lambda d: d is not None and lo <= d <= hi
    dossiers = [r for r in data["ho-so-tthc.xlsx"] if inside(r["returned"])]
    late = [r for r in dossiers if r["returned"] > r["due"]]
    pay = [r for r in data["thanh-toan-hoc-phi.xlsx"] if inside(r["paid_on"])]
    payers = {fold(r["student"]) for r in pay}
    yoyo = {fold(r["student"]) for r in pay if r["method"] == "Yoyoschool"}
    survey = [r for r in data["khao-sat-hai-long.xlsx"] if inside(r["time"])]
    happy = ("Rất hài lòng", "Hài lòng")
    fb = [r for r in data["phan-anh-kien-nghi.xlsx"] if inside(r["answered"])]
    docs = [r for r in data["van-ban.xlsx"] if inside(r["date"])]
    open_docs = [r for r in docs if r["secrecy"] is None]
    out_e = [r for r in docs if r["direction"] == "Đi" and r["electronic"]]
    res = {}
    res["3.1"] = ratio(sum(r["returned"] <= r["due"] for r in dossiers), len(dossiers))
    res["3.3"] = ratio(sum(r["apology"] is not None for r in late), len(late))
    res["3.5"] = ratio(len(yoyo), len(payers))
    for id_, topic in (("4.1", "Thanh toán học phí qua Yoyoschool"), ("4.2", "Giải quyết thủ tục hành chính")):
        rows = [r for r in survey if r["topic"] == topic]
        res[id_] = ratio(sum(r["level"] in happy for r in rows), len(rows))
    res["5"] = ratio(sum(r["answered"] <= r["deadline"] for r in fb), len(fb))
    res["9.1"] = ratio(sum(r["electronic"] for r in open_docs), len(open_docs))
    res["9.2"] = ratio(sum(r["signed"] for r in out_e), len(out_e))
    return res


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "testdata/office-messy"
    data = {name: read(os.path.join(folder, name), spec) for name, spec in SOURCES.items()}
    result = {
        "about": "Ratio indicators of the 2024 plan counted per Decree 09 month of 2024 (and for the shared "
                 "expectations' periods) from the workbooks in office-messy/, by scripts/count-monthly.py with "
                 "openpyxl, independently of baocao's Go code. value = numerator/denominator, null when the "
                 "denominator is 0.",
        "periods": {},
    }
    for label, (lo, hi) in periods().items():
        result["periods"][label] = {"from": lo.isoformat(), "to": hi.isoformat(), "indicators": count(data, lo, hi)}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
