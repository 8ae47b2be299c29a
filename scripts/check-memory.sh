#!/usr/bin/env bash
# Memory of the data check under attack (issue 28): two row-bomb workbooks
# (scripts/rowbomb.py: the example's manual figures and survey, their last
# row copied down to Excel's last row, ~0.3 MB each), then
#   1. `baocao validate` — peak RSS (/usr/bin/time);
#   2. `baocao web`  — 16 parallel GET /kiem-tra?ky=… for 16 periods, peak RSS
#      from /proc/PID/status (VmHWM), and that a cross-site flood does no work;
#   3. `baocao serve` with the page — the same 16 checks, while it catches up
#      every report on the same data; peak RSS from /proc.
# Each must stay within LIMIT_MB (300). With SCALE=40 the example data are
# made for 40 schools (examples/gen) instead of the row bombs.
# Usage: scripts/check-memory.sh   (from the repository root; needs python3, curl)
set -euo pipefail
LIMIT_MB=${LIMIT_MB:-300}
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/baocao" ./cmd/baocao
dir="$work/p"; mkdir -p "$dir/examples/data"
if [ -n "${SCALE:-}" ]; then
  go run ./examples/gen -scale "$SCALE" -out "$dir/examples/data" >/dev/null
else
  cp examples/data/*.xlsx "$dir/examples/data/"
  for f in ${BOMBS:-so-lieu-nhap-tay.xlsx khao-sat-hai-long.xlsx}; do
    python3 scripts/rowbomb.py "examples/data/$f" "$dir/examples/data/$f"
  done
fi
sed -e 's/^archive = .*/archive = "archive"/' -e 's/^host = .*/host = ""/' config.example.toml > "$dir/c.toml"
ls -l "$dir/examples/data" | awk 'NR>1 {printf "  %-28s %8.2f MB\n", $9, $5/1048576}'
fail=0
check() { # name peak_kB
  local mb=$(( $2 / 1024 ))
  if [ "$mb" -le "$LIMIT_MB" ]; then echo "$1: peak ${mb} MB (limit ${LIMIT_MB}) ok"; else echo "$1: peak ${mb} MB, OVER the limit of ${LIMIT_MB} MB"; fail=1; fi
}
periods=(2024-01 2024-02 2024-03 2024-04 2024-05 2024-06 2024-07 2024-08 2024-09 2024-10 2024-11 2024-12 2024-Q1 2024-Q2 2024-H1 2024)

/usr/bin/time -v -o "$work/t" "$work/baocao" validate -c "$dir/c.toml" >/dev/null 2>&1 || true
check "validate" "$(awk -F': ' '/Maximum resident/ {print $2}' "$work/t")"

hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
flood() { # base_url
  local pids=()
  for p in "${periods[@]}"; do
    curl -s -o /dev/null -w '%{http_code}\n' -H 'Sec-Fetch-Site: same-origin' "$1/kiem-tra?ky=$p" >>"$work/codes" & pids+=($!)
  done
  wait "${pids[@]}"
}
wait_up() { for _ in $(seq 300); do grep -q "web page listening" "$1" && return 0; sleep 0.1; done; cat "$1"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s/^listen = .*/listen = \"127.0.0.1:$port\"/" "$dir/c.toml"
grep -q '^\[web\]' "$dir/c.toml" || printf '\n[web]\nlisten = "127.0.0.1:%s"\n' "$port" >> "$dir/c.toml"
"$work/baocao" web -c "$dir/c.toml" >"$work/web.log" 2>&1 & web=$!
wait_up "$work/web.log"
# Cross-site first: it must do no work (no memory, no check in the log).
before=$(hwm $web)
for p in "${periods[@]}"; do curl -s -o /dev/null -H 'Sec-Fetch-Site: cross-site' "http://127.0.0.1:$port/kiem-tra?ky=$p" & done; wait $(jobs -p | grep -v "^$web$") 2>/dev/null || true
echo "web: 16 cross-site checks refused: $(grep -c 'data check refused' "$work/web.log") logged, peak $(( $(hwm $web) / 1024 )) MB (was $(( before / 1024 )) MB)"
: >"$work/codes"
flood "http://127.0.0.1:$port"
echo "web: answers $(sort "$work/codes" | uniq -c | tr '\n' ' ')"
check "web, 16 parallel checks" "$(hwm $web)"
kill -TERM $web; wait $web || true

"$work/baocao" serve -c "$dir/c.toml" >"$work/serve.log" 2>&1 & srv=$!
wait_up "$work/serve.log"
: >"$work/codes"
flood "http://127.0.0.1:$port"
echo "serve: answers $(sort "$work/codes" | uniq -c | tr '\n' ' ')"
for _ in $(seq 600); do [ "$(grep -c 'msg=run' "$work/serve.log")" -ge 4 ] && break; sleep 0.2; done
check "serve, 16 parallel checks while catching up" "$(hwm $srv)"
kill -TERM $srv; wait $srv || true
exit $fail
