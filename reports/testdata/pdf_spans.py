"""Print every text line of a PDF, as PyMuPDF reads it, as JSON.

Used by the Go tests (reports/decree_test.go) to hold the PDF and the Word
draft as LibreOffice prints it against Nghị định 30/2020/NĐ-CP, Phụ lục I:
for each line its page, its box in millimetres from the page's top left
corner, and its spans' text, size (pt) and style (bold, italic, font).
Run with Debian's /usr/bin/python3 (package python3-fitz).
"""
import json
import sys

import fitz

MM = 25.4 / 72


def main(path):
    doc = fitz.open(path)
    pages = []
    for page in doc:
        lines = []
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                spans = []
                for s in line["spans"]:
                    if not s["text"].strip():
                        continue
                    font = s["font"]
                    spans.append({
                        "text": s["text"],
                        "size": round(s["size"], 2),
                        "font": font,
                        "bold": bool(s["flags"] & 16) or "bold" in font.lower(),
                        "italic": bool(s["flags"] & 2) or "italic" in font.lower(),
                        "x0": s["bbox"][0] * MM, "x1": s["bbox"][2] * MM,
                    })
                if not spans:
                    continue
                x0, y0, x1, y1 = line["bbox"]
                lines.append({"x0": min(s["x0"] for s in spans), "x1": max(s["x1"] for s in spans),
                              "y0": y0 * MM, "y1": y1 * MM, "spans": spans,
                              "text": " ".join(s["text"].strip() for s in spans)})
        lines.sort(key=lambda l: (round(l["y0"], 1), l["x0"]))
        pages.append({"width": page.rect.width * MM, "height": page.rect.height * MM, "lines": lines})
    json.dump({"pages": pages, "fonts": sorted({f[3] for p in doc for f in p.get_fonts()})}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
