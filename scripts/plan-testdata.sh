#!/usr/bin/env bash
# Remakes the Word plans the importer is tested with
# (reports/plan/importer/testdata/README.md) from their Markdown text:
# pandoc writes FILE.docx, LibreOffice Writer re-saves it as
# FILE.libreoffice.docx (its own numbering lists, styles and runs).
# Needs pandoc, soffice and python-docx (Debian: apt-get install pandoc libreoffice-writer-nogui python3-docx).
set -euo pipefail
cd "$(dirname "$0")/../reports/plan/importer/testdata"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for md in ke-hoach-cchc-2024.md hoa-sen-2025.md; do
  base=${md%.md}
  pandoc "$md" -o "$base.docx"
  HOME="$tmp/home" soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$base.docx" >/dev/null
  cp "$tmp/$base.docx" "$base.libreoffice.docx"
done
# A plan typed in LibreOffice Writer with a multilevel list ("1.", "1.1.")
# and outline headings, saved as Word.
HOME="$tmp/home" soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" ben-thanh-2026.fodt >/dev/null
cp "$tmp/ben-thanh-2026.docx" ben-thanh-2026.libreoffice.docx
# A plan written by python-docx (Debian python3-docx).
/usr/bin/python3 huong-sen-2026.py
# A Word 97 file, which the importer refuses with a message to save it as .docx.
HOME="$tmp/home" soffice --headless --convert-to doc --outdir . hoa-sen-2025.docx >/dev/null
