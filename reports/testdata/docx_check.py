"""Read a .docx with python-docx and print what it holds as JSON.

Used by the Go tests (reports/docx_test.go): python-docx must open the
package, every internal relationship of every part must resolve to a part,
and the tests compare the texts, tables, sections and page headers with the
report. Run with Debian's /usr/bin/python3 (package python3-docx).
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def relationships(package):
    """Every internal relationship in the package, with whether it resolves."""
    out = []
    sources = [("/", package)] + [(str(p.partname), p) for p in package.iter_parts()]
    for name, source in sources:
        for rid, rel in source.rels.items():
            if rel.is_external:
                continue
            try:
                target = str(rel.target_part.partname)
            except Exception as e:  # a dangling relationship
                target = None
                print(f"{name} {rid}: {e}", file=sys.stderr)
            out.append({"source": name, "id": rid, "type": rel.reltype.rsplit("/", 1)[-1], "target": target})
    return out


def repeats_header(table):
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def main(path):
    d = docx.Document(path)
    sections = []
    for s in d.sections:
        sections.append({
            "orientation": "landscape" if s.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE else "portrait",
            "width_mm": round(s.page_width.mm, 1), "height_mm": round(s.page_height.mm, 1),
            "top_mm": round(s.top_margin.mm, 1), "bottom_mm": round(s.bottom_margin.mm, 1),
            "left_mm": round(s.left_margin.mm, 1), "right_mm": round(s.right_margin.mm, 1),
            "different_first_page": bool(s.different_first_page_header_footer),
            "header": "\n".join(p.text for p in s.header.paragraphs),
            "page_field": any("PAGE" in (t.text or "") for t in s.header._element.iter(qn("w:instrText")))
            or any("PAGE" in (f.get(qn("w:instr")) or "") for f in s.header._element.iter(qn("w:fldSimple"))),
            "first_page_header": "\n".join(p.text for p in s.first_page_header.paragraphs),
        })
    json.dump({
        "parts": sorted(str(p.partname) for p in d.part.package.iter_parts()),
        "relationships": relationships(d.part.package),
        "paragraphs": [p.text for p in d.paragraphs],
        "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
        "repeats_header": [repeats_header(t) for t in d.tables],
        "sections": sections,
        "font": d.styles["Normal"].font.name or d.styles.element.xpath("string(w:docDefaults//w:rFonts/@w:ascii)"),
    }, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
