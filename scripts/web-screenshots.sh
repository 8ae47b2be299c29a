#!/usr/bin/env bash
# Screenshots of the staff's web page for the README and docs/trang-web.md:
# the browser test (headless Chromium, a real Mailpit) runs the monthly
# report on the example data, sends it, approves a quarterly draft, and
# saves the overview, the draft's page with its approval form, the
# version page and the overview at phone size into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
go test -count=1 -run '^(TestWebInChromium|TestWebReviewInChromium)$' ./cmd/baocao -args -web-screenshots="$PWD/docs"
ls -l docs/trang-web-*.png
