#!/usr/bin/env bash
# Takes a screenshot of Flexo's main window under a private Xvfb.
#   tests/screenshot.sh OUT.png [FLEXO ARGS…]
# Environment: BUILDDIR (default _build), LANGUAGE (e.g. fr), FLEXO_DARK=1 for
# the dark style, SIZE (default 1280x800), KEYS (xdotool keys to send first),
# CLICKS (primary clicks to make first, "X,Y X,Y…", window coordinates).
# Needs xvfb-run, xdotool and ImageMagick's import; not part of `make test`.
set -euo pipefail
out=$1; shift
builddir=${BUILDDIR:-_build}
size=${SIZE:-1280x800}
w=${size%x*}; h=${size#*x}

export GSETTINGS_SCHEMA_DIR=$builddir/resources
export FLEXO_LOCALEDIR=$builddir/po
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable NO_AT_BRIDGE=1
[ "${FLEXO_DARK:-0}" = 1 ] && export ADW_DEBUG_COLOR_SCHEME=prefer-dark

xvfb-run -a -s "-screen 0 ${w}x${h}x24" bash -c '
  set -eu
  "$0" "$@" &
  pid=$!
  for i in $(seq 100); do
    wid=$(xdotool search --pid $pid --onlyvisible --name . 2>/dev/null | head -n1 || true)
    [ -n "$wid" ] && break
    sleep 0.1
  done
  [ -n "$wid" ] || { echo "no window" >&2; kill $pid; exit 1; }
  xdotool windowmove $wid 0 0 windowsize $wid '"$w"' '"$h"'
  sleep 1
  for c in ${CLICKS:-}; do xdotool mousemove ${c%,*} ${c#*,} click 1; sleep 0.4; done
  xdotool mousemove '"$((w - 2))"' '"$((h - 2))"'
  sleep 0.5
  for k in ${KEYS:-}; do xdotool key --window $wid "$k"; sleep 0.5; done
  import -window root '"$out"'
  kill $pid
' "$builddir/app/flexo" "$@"
echo "$out"
