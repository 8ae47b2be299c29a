#!/usr/bin/env bash
# Times a whole annual run (--no-email) at scales 1, 40 and 400 with
# /usr/bin/time -v, and the resident memory of an idle daemon.
# Usage: scripts/bench.sh [SCALE ...]   (from the repository root)
# Needs /usr/bin/time (Debian package "time").
set -euo pipefail
scales=("$@"); [ ${#scales[@]} -gt 0 ] || scales=(1 40 400)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/baocao" ./cmd/baocao
printf '%-6s %-10s %-10s %s\n' scale wall peak_MB rows_payments
for s in "${scales[@]}"; do
  dir="$work/s$s"
  go run ./examples/gen -scale "$s" -out "$dir/examples/data" >/dev/null
  sed 's/^archive = .*/archive = "archive"/' config.example.toml > "$dir/config.toml"
  "$work/baocao" run -c "$dir/config.toml" -r annual -p 2024 --no-email >/dev/null 2>&1 # warm the page cache
  /usr/bin/time -v -o "$work/time.txt" "$work/baocao" run -c "$dir/config.toml" -r annual -p 2024 --no-email >/dev/null 2>&1
  wall=$(awk -F': ' '/Elapsed/ {print $2}' "$work/time.txt")
  peak=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt")
  rows=$(( s * 1857 ))
  printf '%-6s %-10s %-10s ~%s\n' "$s" "$wall" "$peak" "$rows"
done
# An idle daemon: started once to catch up every report (no mail), then
# restarted with nothing to do; its resident memory and CPU are measured.
dir="$work/idle"
go run ./examples/gen -scale 1 -out "$dir/examples/data" >/dev/null
sed -e 's/^archive = .*/archive = "archive"/' -e 's/^host = .*/host = ""/' config.example.toml > "$dir/idle.toml"
"$work/baocao" serve -c "$dir/idle.toml" >"$work/serve1.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ "$(grep -c 'msg=run' "$work/serve1.log")" -ge 4 ] && break; sleep 0.2; done
kill -TERM $pid; wait $pid || true
"$work/baocao" serve -c "$dir/idle.toml" >"$work/serve2.log" 2>&1 &
pid=$!
sleep 5
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
cpu1=$(awk '{print $14+$15}' /proc/$pid/stat); sleep 10; cpu2=$(awk '{print $14+$15}' /proc/$pid/stat)
kill -TERM $pid; wait $pid || true
echo "idle daemon: ${rss} MB resident, $((cpu2 - cpu1)) clock ticks of CPU in 10 s"
