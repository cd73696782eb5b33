# e2e-lib.sh — what the scripts that drive Flexo like a person share
#
# Sourced by tests/e2e-editor.sh and tests/test-crash-recovery.sh after
# `set -u`. Sets $bin, $tmp (removed at exit, with any Flexo left running)
# and a private XDG environment; skips the TAP way without a display,
# xdotool or xmllint. Then: start, drag, palette_search, place,
# context_menu_item, draw_workshop, draw_with_editor, wait_window,
# wait_exit, xp, stderr_comments.

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

# The palette's search field, emptied (a triple click) and filled.
palette_search () {
  xdotool mousemove 145 114 click --repeat 3 --delay 80 1; sleep 0.3
  xdotool type --delay 30 "$1"; sleep 0.6
}

# The palette item at ($1, $2) picked, a click on the diagram at ($3, $4),
# the name $5 typed.
place () {
  xdotool mousemove "$1" "$2" click 1; sleep 0.3
  xdotool mousemove "$3" "$4" click 1; sleep 0.4
  xdotool type --delay 40 "$5"; xdotool key ctrl+Return; sleep 0.3
}

# A click on ($1, $2), a right click there, and the context menu's item
# number $3 highlighted with the keyboard.
context_menu_item () {
  local _i
  xdotool mousemove "$1" "$2" click 1; sleep 0.4
  xdotool click 3; sleep 1
  for _i in $(seq "$3"); do xdotool key Down; done
  sleep 0.3
}

# The workshop of the free-modelling scenario, at 1280×800: three notes
# (Alice, Bob, Carol) at x 450, three rounded boxes (Draft, Review,
# Publish) at x 800, an arrow from each note to its box; $1, $2, $3: what
# the palette's search finds notes, rounded rectangles and arrows by.
draw_workshop () {
  local y
  palette_search "$1"
  place 76 230 450 200 Alice; place 76 230 450 350 Bob; place 76 230 450 500 Carol
  palette_search "$2"
  place 76 230 800 200 Draft; place 76 230 800 350 Review; place 76 230 800 500 Publish
  palette_search "$3"
  for y in 200 350 500; do
    xdotool mousemove 76 230 click 1; sleep 0.3
    drag 450 $y 800 $y
  done
  xdotool key Escape; sleep 0.3
}

# In the editor made from the workshop's concepts: a person (Eve), a
# task (Write) and the relation between them, from its palette.
draw_with_editor () {
  place 52 240 500 300 Eve
  place 144 240 750 300 Write
  xdotool mousemove 235 240 click 1; sleep 0.3
  drag 500 300 750 300
}

# Waits (up to ten seconds) for a visible window of Flexo called $1.
wait_window () {
  for _ in $(seq 100); do
    xdotool search --pid "$pid" --onlyvisible --name "^$1\$" >/dev/null 2>&1 && { sleep 0.2; return 0; }
    sleep 0.1
  done
  echo "# no window called '$1'"
  return 1
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
