#!/bin/sh
# Remakes docs/bao-cao-trang-1.png, page 1 of the example report, and
# docs/bieu-do.png, the annual report's page of figures, both shown in
# the README. Needs pdftoppm (Debian: poppler-utils). Run from the root.
set -eu
dir=$(go run ./cmd/baocao run -c config.example.toml -r monthly -p 2024-03 --no-email --number 15 --date 16/03/2024)
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$dir/bao-cao-cchc-2024-03.pdf" docs/bao-cao-trang-1
echo "docs/bao-cao-trang-1.png from $dir"

# The page of figures of the annual report (docs/bieu-do.png).
dir=$(go run ./cmd/baocao run -c config.example.toml -r annual -p 2024 --no-email --number 16 --date 16/12/2024)
pdf="$dir/bao-cao-cchc-2024.pdf"
page=$(pdftotext "$pdf" - | awk -v RS='\f' '/BIỂU ĐỒ/ {print NR; exit}')
pdftoppm -png -r 80 -f "$page" -l "$page" -singlefile "$pdf" docs/bieu-do
echo "docs/bieu-do.png (page $page) from $dir"
