#!/usr/bin/env bash
# Dia and Flexo exporting the same Dia diagram to SVG, in one run on this
# machine: time and peak memory of each, and the ratios (issue 8: Flexo
# at least 20× faster, at most a fifth of Dia's peak memory).
#   tests/bench/dia-compare.sh [N]        (default N = 20000)
# Each program runs RUNS times (default 3), in turns; the medians count.
# The diagram: N boxes, N texts, N - 1 connected lines (flexo-bench
# generate-dia). Environment: BUILDDIR (default _build-release, as `make
# bench` builds it). Needs Dia (apt-get install dia) and GNU time
# (apt-get install time); not part of `make test`.
set -euo pipefail

n=${1:-20000}
builddir=${BUILDDIR:-_build-release}
bench=$builddir/tests/bench/flexo-bench
flexo=$builddir/app/flexo
command -v dia >/dev/null || { echo "dia-compare: Dia is not installed (apt-get install dia)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "dia-compare: GNU time is not installed (apt-get install time)" >&2; exit 2; }
[ -x "$bench" ] && [ -x "$flexo" ] || { echo "dia-compare: build $builddir first (make bench)" >&2; exit 2; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$bench" generate-dia --shapes "$n" "$dir/grid.dia"

# "SECONDS KILOBYTES" of one run of a command: wall time, peak resident set.
measure () {
  /usr/bin/time -f '%e %M' -o "$dir/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$dir/time"
}

# No display for either: both run headless, RUNS times each, taking turns
# (the machine's speed drifts), and the median of each is kept.
median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: > "$dir/dia.runs"; : > "$dir/flexo.runs"
for ((r = 0; r < ${RUNS:-3}; r++)); do
  env -u DISPLAY -u WAYLAND_DISPLAY bash -c "$(declare -f measure); dir='$dir'; measure dia -n --export='$dir/dia.svg' '$dir/grid.dia'" >> "$dir/dia.runs"
  env -u DISPLAY -u WAYLAND_DISPLAY bash -c "$(declare -f measure); dir='$dir'; measure '$flexo' --export '$dir/flexo.svg' '$dir/grid.dia'" >> "$dir/flexo.runs"
done
dia_s=$(cut -d' ' -f1 "$dir/dia.runs" | median); dia_kb=$(cut -d' ' -f2 "$dir/dia.runs" | median)
flexo_s=$(cut -d' ' -f1 "$dir/flexo.runs" | median); flexo_kb=$(cut -d' ' -f2 "$dir/flexo.runs" | median)

[ -s "$dir/dia.svg" ] || { echo "dia-compare: Dia wrote no SVG" >&2; exit 1; }
[ -s "$dir/flexo.svg" ] || { echo "dia-compare: Flexo wrote no SVG" >&2; exit 1; }

awk -v n="$n" -v ds="$dia_s" -v dk="$dia_kb" -v fs="$flexo_s" -v fk="$flexo_kb" 'BEGIN {
  speed = fs > 0 ? ds / fs : 0; memory = fk > 0 ? dk / fk : 0;
  printf "grid: %d boxes, %d texts, %d connected lines\n", n, n, n - 1;
  printf "dia -n --export=out.svg grid.dia    %8.2f s  %8.1f MB\n", ds, dk / 1024;
  printf "flexo --export out.svg grid.dia     %8.2f s  %8.1f MB\n", fs, fk / 1024;
  printf "Flexo is %.1f× faster (target ≥ 20×: %s) and uses %.1f× less memory (target ≥ 5×: %s)\n",
         speed, (speed >= 20 ? "met" : "MISSED"), memory, (memory >= 5 ? "met" : "MISSED");
}'
