#!/usr/bin/env node
// The SheetJS peer of scripts/bench.sh: counts the ratio figures of the
// annual run (3.1, 3.3, 3.5, 4.1, 4.2, 5, 9.1, 9.2 for 2024, 2023 and each
// Decree 09 month of 2024) from the generated workbooks with xlsx 0.18.5
// (SheetJS), following scripts/count-monthly.py's cell rules and counting
// and scripts/peers/count_openpyxl.py's header search.
//
//   (cd scripts/peers && npm ci) && node scripts/peers/count_sheetjs.js DATA_DIR
//
// It prints JSON: {period: {indicator: [numerator, denominator]}}.
"use strict";
const path = require("path");
const XLSX = require("xlsx");

// ---------------------------------------------------------------- text
const fold = (s) => (s == null ? "" : String(s).normalize("NFC").split(/\s+/).filter(Boolean).join(" ").toLowerCase());
const bare = (s) => fold(s).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
function match(text, choices) {
  const f = fold(text);
  for (const c of choices) if (fold(c) === f) return c;
  const hits = choices.filter((c) => bare(c) === bare(text));
  return hits.length === 1 ? hits[0] : null;
}
const blank = (v) => v == null || (typeof v === "string" && v.trim() === "");

// --------------------------------------------------------------- cells
class Bad extends Error {}
const DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DAY = 86400000;

// A calendar date as days since 1970-01-01.
function toDate(v, date1904) {
  let d;
  if (typeof v === "number") {
    d = Math.floor(v) + (date1904 ? -24107 : -25569);
  } else {
    const s = String(v).split(/\s+/).filter(Boolean).join(" ");
    let y, m, day, mm = DATE_RE.exec(s);
    if (mm) [day, m, y] = [+mm[1], +mm[2], +mm[3]];
    else if ((mm = ISO_RE.exec(s))) [y, m, day] = [+mm[1], +mm[2], +mm[3]];
    else throw new Bad("not a date");
    const t = new Date(Date.UTC(y, m - 1, day));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== day) throw new Bad("impossible date");
    d = t.getTime() / DAY;
  }
  const year = new Date(d * DAY).getUTCFullYear();
  if (year < 1990 || year > 2100) throw new Bad("date out of range");
  return d;
}

const YES = ["có", "x", "1", "đã", "yes", "true", "y", "co"];
const NO = ["không", "", "0", "no", "false", "n", "khong"];
function toYesNo(v) {
  if (typeof v === "boolean") return v;
  const f = fold(v);
  if (YES.includes(f) || YES.map(bare).includes(bare(f))) return true;
  if (NO.includes(f) || NO.map(bare).includes(bare(f))) return false;
  throw new Bad("not yes/no");
}
function toNumber(v) {
  if (typeof v === "number") return v;
  let s = fold(v).replace(/ /g, "");
  const pct = s.endsWith("%");
  s = s.replace(/%+$/, "");
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  const n = Number(s);
  if (s === "" || Number.isNaN(n)) throw new Bad("not a number");
  return pct ? n / 100 : n;
}

// ------------------------------------------------------------- sources
const SOURCES = {
  "ho-so-tthc.xlsx": { key: "id", columns: {
    id: ["Mã hồ sơ", "text", true], field: ["Lĩnh vực", "text", true], procedure: ["Tên thủ tục", "text", false],
    received: ["Ngày tiếp nhận", "date", true], due: ["Ngày hẹn trả", "date", true],
    returned: ["Ngày trả kết quả", "date", false], apology: ["Ngày xin lỗi", "date", false] } },
  "phan-anh-kien-nghi.xlsx": { key: "id", columns: {
    id: ["Mã", "text", true], received: ["Ngày tiếp nhận", "date", true], deadline: ["Hạn trả lời", "date", true],
    answered: ["Ngày trả lời", "date", false], content: ["Nội dung", "text", false] } },
  "khao-sat-hai-long.xlsx": { columns: {
    time: ["Thời gian", "date", true],
    topic: ["Nội dung khảo sát", ["Thanh toán học phí qua Yoyoschool", "Giải quyết thủ tục hành chính"], true],
    level: ["Mức độ hài lòng", ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"], true] } },
  "thanh-toan-hoc-phi.xlsx": { columns: {
    student: ["Mã học sinh", "text", true], name: ["Họ và tên", "text", false], class: ["Lớp", "text", false],
    paid_on: ["Ngày thanh toán", "date", true], amount: ["Số tiền", "number", false],
    method: ["Hình thức thanh toán", ["Yoyoschool", "Chuyển khoản", "Tiền mặt"], true] } },
  "van-ban.xlsx": { columns: {
    number: ["Số, ký hiệu", "text", true], date: ["Ngày văn bản", "date", true], direction: ["Loại", ["Đi", "Đến"], true],
    summary: ["Trích yếu", "text", false], electronic: ["Văn bản điện tử", "yesno", true], signed: ["Ký số", "yesno", true],
    secrecy: ["Độ mật", ["Mật", "Tối mật", "Tuyệt mật"], false] } },
};
const TOTALS = new Set(["tổng cộng", "tổng số", "tổng", "cộng", "total"]);
const NUMBERING = /^(\(([0-9]{1,3}|[A-Za-z])\)|[0-9]{1,3}|[A-Za-z])$/;

function combine(rows) {
  const out = [];
  for (const r of rows) r.forEach((c, i) => { if (!blank(c)) out[i] = c; });
  return out;
}

// The columns of one header row: {key: index}, or null without every required one.
function mapHeader(row, columns) {
  const cells = Array.from(row, (c) => fold(c));
  const where = {};
  for (const [key, [header, , required]] of Object.entries(columns)) {
    const i = cells.indexOf(fold(header));
    if (i >= 0) where[key] = i;
    else {
      const hits = [];
      cells.forEach((c, j) => { if (c && bare(c) === bare(header)) hits.push(j); });
      if (hits.length === 1) where[key] = hits[0];
    }
    if (required && !(key in where)) return null;
  }
  return where;
}

function findHeader(rows, columns) {
  for (let r = 0; r < Math.min(20, rows.length); r++) {
    for (let k = 1; k <= 3 && r - k + 1 >= 0; k++) {
      const where = mapHeader(combine(rows.slice(r - k + 1, r + 1)), columns);
      if (where) return [r, where];
    }
  }
  throw new Error("no header row found");
}

function read(file, spec) {
  const wb = XLSX.readFile(file, { dense: true });
  const date1904 = Boolean(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, blankrows: true, defval: null });
  let [h, where] = findHeader(rows, spec.columns);
  let body = rows.slice(h + 1);
  if (body.length && body[0].filter((c) => !blank(c)).length >= 2 && body[0].every((c) => blank(c) || NUMBERING.test(String(c).trim()))) {
    body = body.slice(1);
  }
  const out = [], seen = new Set();
  for (const row of body) {
    const first = row.find((c) => !blank(c));
    if (first === undefined || TOTALS.has(fold(first))) continue;
    const rec = {};
    let ok = true;
    for (const [key, [, kind, required]] of Object.entries(spec.columns)) {
      const v = key in where ? row[where[key]] : null;
      if (blank(v)) {
        if (required && kind !== "yesno") ok = false;
        rec[key] = kind === "yesno" ? false : null;
        continue;
      }
      try {
        if (kind === "date") rec[key] = toDate(v, date1904);
        else if (kind === "yesno") rec[key] = toYesNo(v);
        else if (kind === "number") rec[key] = toNumber(v);
        else if (Array.isArray(kind)) {
          const c = match(v, kind);
          if (c === null) throw new Bad("not in the list");
          rec[key] = c;
        } else rec[key] = String(v).normalize("NFC").trim();
      } catch (e) {
        if (!(e instanceof Bad)) throw e;
        ok = false;
      }
    }
    if (!ok) continue;
    if (spec.key) {
      const k = fold(rec[spec.key]);
      if (seen.has(k)) continue;
      seen.add(k);
    }
    out.push(rec);
  }
  return out;
}

// ------------------------------------------------------------- periods
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const month = (y, m) => [m === 1 ? dayOf(y - 1, 12, 15) : dayOf(y, m - 1, 15), dayOf(y, m, 14)];

function count(data, lo, hi) {
  const inside = (d) => d != null && lo <= d && d <= hi;
  const ratio = (n, d) => [n, d];
  const dossiers = data["ho-so-tthc.xlsx"].filter((r) => inside(r.returned));
  const late = dossiers.filter((r) => r.returned > r.due);
  const pay = data["thanh-toan-hoc-phi.xlsx"].filter((r) => inside(r.paid_on));
  const payers = new Set(pay.map((r) => fold(r.student)));
  const yoyo = new Set(pay.filter((r) => r.method === "Yoyoschool").map((r) => fold(r.student)));
  const survey = data["khao-sat-hai-long.xlsx"].filter((r) => inside(r.time));
  const fb = data["phan-anh-kien-nghi.xlsx"].filter((r) => inside(r.answered));
  const docs = data["van-ban.xlsx"].filter((r) => inside(r.date));
  const openDocs = docs.filter((r) => r.secrecy === null);
  const outE = docs.filter((r) => r.direction === "Đi" && r.electronic);
  const n = (xs, f) => xs.filter(f).length;
  const res = {
    "3.1": ratio(n(dossiers, (r) => r.returned <= r.due), dossiers.length),
    "3.3": ratio(n(late, (r) => r.apology !== null), late.length),
    "3.5": ratio(yoyo.size, payers.size),
    "5": ratio(n(fb, (r) => r.answered <= r.deadline), fb.length),
    "9.1": ratio(n(openDocs, (r) => r.electronic), openDocs.length),
    "9.2": ratio(n(outE, (r) => r.signed), outE.length),
  };
  for (const [id, topic] of [["4.1", "Thanh toán học phí qua Yoyoschool"], ["4.2", "Giải quyết thủ tục hành chính"]]) {
    const rows = survey.filter((r) => r.topic === topic);
    res[id] = ratio(n(rows, (r) => r.level === "Rất hài lòng" || r.level === "Hài lòng"), rows.length);
  }
  return res;
}

function main() {
  const folder = process.argv[2];
  const data = {};
  for (const [name, spec] of Object.entries(SOURCES)) data[name] = read(path.join(folder, name), spec);
  const periods = {};
  for (let m = 1; m <= 12; m++) periods[`2024-${String(m).padStart(2, "0")}`] = month(2024, m);
  periods["2024"] = [month(2024, 1)[0], month(2024, 12)[1]];
  periods["2023"] = [month(2023, 1)[0], month(2023, 12)[1]];
  const out = {};
  for (const label of Object.keys(periods).sort()) {
    const res = count(data, ...periods[label]);
    out[label] = Object.fromEntries(Object.keys(res).sort().map((k) => [k, res[k]]));
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main();
