#!/bin/sh
# Remakes docs/bao-cao-trang-1.png, page 1 of the example report, shown in
# the README. Needs pdftoppm (Debian: poppler-utils). Run from the root.
set -eu
dir=$(go run ./cmd/baocao run -c config.example.toml -r monthly -p 2024-03 --no-email --number 15 --date 16/03/2024)
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$dir/bao-cao-cchc-2024-03.pdf" docs/bao-cao-trang-1
echo "docs/bao-cao-trang-1.png from $dir"
