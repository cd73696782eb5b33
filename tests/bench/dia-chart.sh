#!/usr/bin/env bash
# Time and peak memory of Dia and Flexo exporting issue 8's grid to SVG at
# several sizes (tests/bench/dia-compare.sh for each), as a table and as
# an SVG chart of two panels (time, memory) against the number of boxes.
#   tests/bench/dia-chart.sh OUT.svg [N…]   (default: 1000 2000 5000 10000 20000)
# Environment and needs: those of dia-compare.sh.
set -euo pipefail

out=$1; shift
sizes=${*:-1000 2000 5000 10000 20000}
here=$(dirname "$0")
data=$(mktemp)
trap 'rm -f "$data"' EXIT

for n in $sizes; do
  "$here/dia-compare.sh" "$n" | awk -v n="$n" '
    /^dia -n/  { ds = $(NF - 3); dm = $(NF - 1) }
    /^flexo --/ { fs = $(NF - 3); fm = $(NF - 1) }
    END { print n, ds, dm, fs, fm }' >> "$data"
done

printf '%8s %10s %10s %10s %10s\n' boxes "dia (s)" "dia (MB)" "flexo (s)" "flexo (MB)"
awk '{ printf "%8d %10.2f %10.1f %10.2f %10.1f\n", $1, $2, $3, $4, $5 }' "$data"

# Two panels side by side; lines for Dia (red) and Flexo (blue).
awk -v out="$out" '
  { n[NR] = $1; ds[NR] = $2; dm[NR] = $3; fs[NR] = $4; fm[NR] = $5
    if ($1 > maxn) maxn = $1; if ($2 > maxs) maxs = $2; if ($4 > maxs) maxs = $4
    if ($3 > maxm) maxm = $3; if ($5 > maxm) maxm = $5 }
  function x(v, left) { return left + 40 + v / maxn * 300 }
  function y(v, max) { return 260 - v / max * 200 }
  function line(arr, max, left, colour,   i, d) {
    d = ""
    for (i = 1; i <= NR; i++) d = d (i == 1 ? "M" : " L") sprintf("%.1f,%.1f", x(n[i], left), y(arr[i], max))
    printf "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", d, colour > out
    for (i = 1; i <= NR; i++) printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", x(n[i], left), y(arr[i], max), colour > out
  }
  function panel(left, title, max, unit,   k, v) {
    printf "<text x=\"%d\" y=\"30\" font-size=\"14\" font-weight=\"bold\">%s</text>\n", left + 40, title > out
    printf "<path d=\"M%d,60 L%d,260 L%d,260\" fill=\"none\" stroke=\"#5e5c64\"/>\n", left + 40, left + 40, left + 340 > out
    for (k = 0; k <= 4; k++) {
      v = max * k / 4
      printf "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.1f %s</text>\n", left + 36, y(v, max) + 3, v, unit > out
    }
    printf "<text x=\"%d\" y=\"280\" font-size=\"10\" text-anchor=\"end\">%d boxes</text>\n", left + 340, maxn > out
  }
  END {
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"320\" font-family=\"sans-serif\">\n" > out
    printf "<rect width=\"720\" height=\"320\" fill=\"white\"/>\n" > out
    panel(0, "Export to SVG: time", maxs, "s"); line(ds, maxs, 0, "#c01c28"); line(fs, maxs, 0, "#1c71d8")
    panel(360, "Peak memory", maxm, "MB"); line(dm, maxm, 360, "#c01c28"); line(fm, maxm, 360, "#1c71d8")
    printf "<text x=\"40\" y=\"305\" font-size=\"12\" fill=\"#c01c28\">Dia 0.97 (dia -n --export)</text>\n" > out
    printf "<text x=\"240\" y=\"305\" font-size=\"12\" fill=\"#1c71d8\">Flexo (flexo --export)</text>\n" > out
    printf "</svg>\n" > out
  }' "$data"
echo "chart: $out"
