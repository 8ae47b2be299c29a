#!/usr/bin/env bash
# Release: scripts/release.sh VERSION [OUTDIR]
#
# Builds baocao for Windows (amd64) and Linux (amd64, arm64) with VERSION
# stamped in (`baocao version`), and writes one zip per platform into OUTDIR
# (default dist/): the binary, config.example.toml, examples/data, every page
# of docs/ with its pictures (the guide docs/huong-dan.md and the config link
# to the others) and deploy/ (the systemd unit), under one folder baocao/
# (release.Folder, whatever the version: docs/huong-dan.md's steps cd into
# it) — the list is release.Contents (internal/release, whose
# test checks that every link of those pages resolves inside the zip); beside
# each zip its SHA-256 sum (NAME.zip.sha256, the format `sha256sum -c` reads)
# and SHA256SUMS for all.
#
# Reproducible: the same sources and Go toolchain give the same bytes.
# Static builds (CGO_ENABLED=0), -trimpath, no VCS stamp, no build id; the
# zip's entries sorted, with fixed permissions and one modification time:
# SOURCE_DATE_EPOCH if set, else the time of the last commit.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: scripts/release.sh VERSION [OUTDIR]}
out=${2:-dist}
if ! [[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+-]*$ ]]; then
  echo "release: VERSION $version: use letters, digits, '.', '+' and '-' (e.g. 1.0.0)" >&2
  exit 2
fi
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 1704067200)}

export CGO_ENABLED=0 GOFLAGS=-mod=readonly
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$out"
rm -f "$out"/baocao-"$version"-*.zip "$out"/baocao-"$version"-*.zip.sha256 "$out"/SHA256SUMS

# The files every zip holds, besides the binary.
common=()
while IFS= read -r f; do common+=("$f"); done < <(go run ./scripts/mkzip -contents)
[ ${#common[@]} -gt 0 ] || { echo "release: no contents" >&2; exit 1; }

for target in windows/amd64 linux/amd64 linux/arm64; do
  goos=${target%/*} goarch=${target#*/}
  exe=baocao
  [ "$goos" = windows ] && exe=baocao.exe
  bin="$stage/$goos-$goarch/$exe"
  GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=false \
    -ldflags "-s -w -buildid= -X main.version=$version" -o "$bin" ./cmd/baocao
  name="baocao-$version-$goos-$goarch"
  dir=$(go run ./scripts/mkzip -folder) # the guide's folder: C:\baocao, /opt/baocao
  args=(-o "$out/$name.zip" -time "$epoch" -x "$dir/$exe" "$dir/$exe=$bin")
  for f in "${common[@]}"; do args+=("$dir/$f=$f"); done
  go run ./scripts/mkzip "${args[@]}"
  (cd "$out" && sha256sum "$name.zip" > "$name.zip.sha256")
  echo "$out/$name.zip  $(cut -d' ' -f1 "$out/$name.zip.sha256")"
done
(cd "$out" && cat baocao-"$version"-*.zip.sha256 > SHA256SUMS)
