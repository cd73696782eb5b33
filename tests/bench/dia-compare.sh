#!/usr/bin/env bash
# Times Dia and Flexo exporting the same grid of labelled boxes and
# connectors to SVG, in one run on this machine, and prints the ratio.
#   tests/bench/dia-compare.sh [N]        (default N = 20000 boxes)
# Environment: BUILDDIR (default _build-release, as `make bench` builds it).
# Needs Dia (apt-get install dia); not part of `make test`.
set -euo pipefail

n=${1:-20000}
builddir=${BUILDDIR:-_build-release}
bench=$builddir/tests/bench/flexo-bench
flexo=$builddir/app/flexo
command -v dia >/dev/null || { echo "dia-compare: Dia is not installed (apt-get install dia)" >&2; exit 2; }
[ -x "$bench" ] && [ -x "$flexo" ] || { echo "dia-compare: build $builddir first (make bench)" >&2; exit 2; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$bench" generate --shapes "$n" "$dir/grid.flexo"
"$bench" generate-dia --shapes "$n" "$dir/grid.dia"

# Seconds, with a resolution of milliseconds, of one run of a command.
seconds () {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}

# No display for either: both run headless.
dia_time=$(env -u DISPLAY -u WAYLAND_DISPLAY bash -c "$(declare -f seconds); seconds dia -n --export='$dir/dia.svg' '$dir/grid.dia'")
flexo_time=$(env -u DISPLAY -u WAYLAND_DISPLAY bash -c "$(declare -f seconds); seconds '$flexo' --export '$dir/flexo.svg' '$dir/grid.flexo'")

[ -s "$dir/dia.svg" ] || { echo "dia-compare: Dia wrote no SVG" >&2; exit 1; }
[ -s "$dir/flexo.svg" ] || { echo "dia-compare: Flexo wrote no SVG" >&2; exit 1; }

ratio=$(awk -v d="$dia_time" -v f="$flexo_time" 'BEGIN { printf "%.1f", d / f }')
printf 'boxes: %s\ndia -n --export=out.svg:  %s s\nflexo --export out.svg:   %s s\nFlexo is %s× faster (target: ≥ 20× at 20,000 boxes)\n' \
  "$n" "$dia_time" "$flexo_time" "$ratio"
