#!/usr/bin/env bash
# Times a whole annual run (--no-email, page cache warm) on data made by
# `go run ./examples/gen -scale N`, in the same run as two peers reading
# the same files and counting the same ratio figures, and the floor of
# only inflating the inputs:
#   baocao   the annual run of 2024
#   sheetjs  scripts/peers/count_sheetjs.js, xlsx 0.18.5 (npm ci from the lockfile)
#   openpyxl scripts/peers/count_openpyxl.py, Debian's python3-openpyxl, read-only mode
#   inflate  unzip -p of every input workbook to /dev/null
# Each is run RUNS times, interleaved (one of each, then again), under
# /usr/bin/time; the medians of wall time, CPU time (user + system) and
# peak resident memory are printed, with the load average before and after
# (the machine may be shared). The peers' figures are checked against
# baocao's manifest (the 2024 ratios and the monthly series): a mismatch
# fails the script. Then the resident memory of an idle daemon.
#
# Usage: scripts/bench.sh [SCALE ...]   (from the repository root; default 1 40 400)
# Environment: RUNS (default 3); PEERS_UP_TO (default 40: the peers run at
# scales up to this); PEERS ("sheetjs openpyxl"; empty for none); IDLE=0
# skips the idle daemon.
# Needs /usr/bin/time (Debian package "time"), unzip, node + npm, python3-openpyxl.
set -euo pipefail
scales=("$@"); [ ${#scales[@]} -gt 0 ] || scales=(1 40 400)
runs=${RUNS:-3}
peers_up_to=${PEERS_UP_TO:-40}
peers=${PEERS-sheetjs openpyxl}
root=$(pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/baocao" ./cmd/baocao
if [[ " $peers " == *" sheetjs "* ]] && [ ! -d scripts/peers/node_modules/xlsx ]; then
  (cd scripts/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM; go $(go env GOVERSION | sed 's/^go//'), node $(node --version 2>/dev/null || echo -), openpyxl $(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)' 2>/dev/null || echo -)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# timed NAME OUT CMD...: runs CMD under /usr/bin/time, appends "wall cpu peakMB" to $work/NAME.txt
timed() {
  local name=$1 out=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >"$out" 2>"$work/err" || { echo "$name failed:"; tail -5 "$work/err"; exit 1; }
  awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$work/t" >>"$work/$name.txt"
}

# median COLUMN FILE
median() { sort -g -k"$1","$1" "$2" | awk -v c="$1" '{v[NR]=$c} END {m=int((NR+1)/2); print v[m]}'; }

# check DIR PEER_JSON: the peer's figures equal baocao's manifest's.
check() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import glob, json, sys
man = json.load(open(glob.glob(sys.argv[1] + "/archive/annual/2024/v*/manifest.json")[0]))
peer = json.load(open(sys.argv[2]))
bad = []
for ind in man["indicators"]:
    if ind["id"] in peer["2024"] and [ind.get("numerator"), ind.get("denominator")] != peer["2024"][ind["id"]]:
        bad.append(("2024", ind["id"], [ind.get("numerator"), ind.get("denominator")], peer["2024"][ind["id"]]))
for s in man.get("series") or []:
    for p in s["points"]:
        if s["id"] in peer.get(p["period"], {}) and [p.get("numerator"), p.get("denominator")] != peer[p["period"]][s["id"]]:
            bad.append((p["period"], s["id"], [p.get("numerator"), p.get("denominator")], peer[p["period"]][s["id"]]))
if bad:
    print("MISMATCH (period, indicator, baocao, peer):", bad[:5])
    sys.exit(1)
PY
}

printf '\n%-6s %-9s %8s %8s %8s %8s\n' scale who wall_s cpu_s peak_MB vs_baocao
for s in "${scales[@]}"; do
  dir="$work/s$s"
  go run ./examples/gen -scale "$s" -out "$dir/examples/data" >/dev/null
  sed 's/^archive = .*/archive = "archive"/' config.example.toml > "$dir/config.toml"
  who=(inflate baocao)
  if [ "$s" -le "$peers_up_to" ]; then for p in $peers; do who+=("$p"); done; fi
  rm -f "$work"/*.txt
  "$work/baocao" run -c "$dir/config.toml" -r annual -p 2024 --no-email >/dev/null 2>&1 # warm the page cache
  for r in $(seq "$runs"); do
    for w in "${who[@]}"; do
      case $w in
        inflate) timed inflate /dev/null sh -c 'for f in "$0"/*.xlsx; do unzip -p "$f" >/dev/null; done' "$dir/examples/data" ;;
        baocao) timed baocao /dev/null "$work/baocao" run -c "$dir/config.toml" -r annual -p 2024 --no-email ;;
        sheetjs) timed sheetjs "$work/sheetjs.json" node "$root/scripts/peers/count_sheetjs.js" "$dir/examples/data" ;;
        openpyxl) timed openpyxl "$work/openpyxl.json" /usr/bin/python3 "$root/scripts/peers/count_openpyxl.py" "$dir/examples/data" ;;
      esac
    done
  done
  for p in sheetjs openpyxl; do
    if [ -f "$work/$p.txt" ]; then check "$dir" "$work/$p.json" || { echo "the $p peer counted other figures than baocao at scale $s"; exit 1; }; fi
  done
  base=$(median 1 "$work/baocao.txt")
  for w in "${who[@]}"; do
    wall=$(median 1 "$work/$w.txt")
    printf '%-6s %-9s %8s %8s %8s %8s\n' "$s" "$w" "$wall" "$(median 2 "$work/$w.txt")" "$(median 3 "$work/$w.txt")" \
      "$(awk -v a="$wall" -v b="$base" 'BEGIN {printf "%.1fx", a / b}')"
  done
done
echo "(medians of $runs interleaved runs; the peers' figures equal baocao's)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

[ "${IDLE:-1}" = 0 ] && exit 0
# An idle daemon: started once to catch up every report (no mail), then
# restarted with nothing to do; its resident memory and CPU are measured.
dir="$work/idle"
go run ./examples/gen -scale 1 -out "$dir/examples/data" >/dev/null
sed -e 's/^archive = .*/archive = "archive"/' -e 's/^host = .*/host = ""/' config.example.toml > "$dir/idle.toml"
: >"$work/serve1.log"
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
