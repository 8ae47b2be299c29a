#!/bin/sh
# Remakes the reading-rule fixtures: raw files from mkfixtures, then each
# workbook opened and saved again by LibreOffice Calc (package
# libreoffice-calc-nogui). Run from the repository root:
#   sh sources/testdata/make.sh
set -eu
raw=$(mktemp -d)
go run ./sources/testdata/mkfixtures "$raw"
cp "$raw"/*.csv sources/testdata/
soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir sources/testdata "$raw"/*.xlsx
rm -rf "$raw"
