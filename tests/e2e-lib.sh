# e2e-lib.sh — what the scripts that drive Flexo like a person share
#
# Sourced by tests/e2e-editor.sh and tests/test-crash-recovery.sh after
# `set -u`. Sets $bin, $tmp (removed at exit, with any Flexo left running)
# and a private XDG environment; skips the TAP way without a display,
# xdotool or xmllint. Then: start, drag, wait_exit, xp, stderr_comments.

bin=${FLEXO_BIN:?FLEXO_BIN is not set}
tmp=$(mktemp -d)
pid=
trap 'kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
# Start from an empty list of recent files, and no state from elsewhere.
export XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null || ! command -v xmllint >/dev/null; then
  echo "1..0 # SKIP needs a display, xdotool and xmllint"
  exit 0
fi

# Starts Flexo with "$@", waits for its window, puts it at the top left
# of the screen at 1280×800; sets $pid and $wid.
start () {
  local try
  wid=
  # An X server that resets when its last client leaves refuses new ones
  # for a moment: a start that ends at once is tried again.
  for try in 1 2 3; do
    "$bin" "$@" 2>>"$tmp/stderr" &
    pid=$!
    for _ in $(seq 200); do
      wid=$(xdotool search --pid $pid --onlyvisible --name 'Flexo' 2>/dev/null | head -n1)
      [ -n "$wid" ] && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.1
    done
    [ -n "$wid" ] && break
    sleep 1
  done
  [ -n "$wid" ] || { echo "# no window: process $pid $(kill -0 $pid 2>/dev/null && echo running || echo gone); windows: $(xdotool search --name Flexo 2>/dev/null | xargs -r -n1 xdotool getwindowname 2>/dev/null | tr '\n' '|')"; return 1; }
  xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800
  sleep 1
}

# A drag with the primary button, in small steps as a hand makes them.
drag () {
  local x0=$1 y0=$2 x1=$3 y1=$4 i
  xdotool mousemove "$x0" "$y0"; sleep 0.2
  xdotool mousedown 1; sleep 0.2
  for i in 1 2 3 4 5 6 7 8 9 10; do
    xdotool mousemove $((x0 + (x1 - x0) * i / 10)) $((y0 + (y1 - y0) * i / 10))
    sleep 0.05
  done
  sleep 0.3
  xdotool mouseup 1; sleep 0.4
}

# Waits until the process has ended.
wait_exit () {
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# An XPath expression evaluated on a file (namespaces aside).
xp () {
  xmllint --xpath "$1" "$2" 2>/dev/null
}

# What Flexo wrote on stderr, as TAP comments.
stderr_comments () {
  if [ -s "$tmp/stderr" ]; then
    sed 's/^/# /' "$tmp/stderr"
  fi
}
