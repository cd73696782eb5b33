#!/usr/bin/env bash
# End-to-end: Flexo driven like a person, with xdotool, on an X display.
#
#   tests/e2e-editor.sh            (FLEXO_BIN and the GSETTINGS/LOCALE
#                                   variables of tests/meson.build set)
#
# 1. `flexo NEW.flexo` (a file to be): drag a rectangle from the palette,
#    type a label, pick an ellipse and click to place it, type a label,
#    find the arrow with the palette's search and draw it from the one to
#    the other, Ctrl+S,
#    Ctrl+Q; the file holds the two shapes, their labels and the
#    connector between them.
# 2. A new window: place a shape, Ctrl+S, type a path in the save dialog;
#    the file is written there.
# Prints TAP. Needs xdotool and xmllint.
set -u

bin=${FLEXO_BIN:?FLEXO_BIN is not set}
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
# Start from an empty list of recent files, and no state from elsewhere.
export XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null || ! command -v xmllint >/dev/null; then
  echo "1..0 # SKIP needs a display, xdotool and xmllint"
  exit 0
fi

echo "1..2"
pid=

# Starts Flexo with "$@", waits for its window, puts it at the top left
# of the screen at 1280×800; sets $wid.
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

xp () {
  xmllint --xpath "$1" "$2" 2>/dev/null
}

# --------------------------------------------------------------- one ---
file=$tmp/first.flexo
ok=1
why=
if start "$file"; then
  # The palette's rectangle, dragged onto the diagram; its label typed.
  drag 76 230 450 300
  xdotool type --delay 50 "Alice"; xdotool key ctrl+Return; sleep 0.3
  # The palette's ellipse, picked, then a click on the diagram.
  xdotool mousemove 76 296 click 1; sleep 0.3
  xdotool mousemove 780 300 click 1; sleep 0.4
  xdotool type --delay 50 "Bob"; xdotool key ctrl+Return; sleep 0.3
  # The arrow, found with the palette's search, drawn from one to the other.
  xdotool mousemove 145 114 click 1; sleep 0.3
  xdotool type --delay 50 "Arrow"; sleep 0.6
  xdotool mousemove 76 230 click 1; sleep 0.3
  drag 450 300 780 300
  xdotool key ctrl+s; sleep 0.6
  xdotool key ctrl+q
  wait_exit || { why="Flexo did not quit"; ok=0; kill $pid; }
else
  why="no window"; ok=0
fi

if [ $ok = 1 ]; then
  [ -f "$file" ] || { ok=0; why="nothing saved"; }
fi
if [ $ok = 1 ]; then
  shapes=$(xp 'count(//*[local-name()="shape"])' "$file")
  connectors=$(xp 'count(//*[local-name()="connector"])' "$file")
  alice=$(xp 'string(//*[local-name()="shape"][contains(., "Alice") or @text="Alice"]/@id)' "$file")
  bob=$(xp 'string(//*[local-name()="shape"][contains(., "Bob") or @text="Bob"]/@id)' "$file")
  source=$(xp 'string(//*[local-name()="connector"]/@source)' "$file")
  target=$(xp 'string(//*[local-name()="connector"]/@target)' "$file")
  if [ "$shapes" != 2 ] || [ "$connectors" != 1 ]; then
    ok=0; why="$shapes shapes and $connectors connectors saved, not 2 and 1"
  elif [ -z "$alice" ] || [ -z "$bob" ]; then
    ok=0; why="the labels Alice and Bob were not saved"
  elif [ "$source" != "$alice" ] || [ "$target" != "$bob" ]; then
    ok=0; why="the connector goes from '$source' to '$target', not from Alice ($alice) to Bob ($bob)"
  elif ! "$bin" --validate "$file" >/dev/null 2>&1; then
    ok=0; why="the saved file does not validate"
  fi
fi
if [ $ok = 1 ]; then echo "ok 1 - palette, labels, connector, Ctrl+S to the file named on the command line"
else echo "not ok 1 - palette, labels, connector, Ctrl+S to the file named on the command line: $why"; cp "$file" /tmp/e2e-first.flexo 2>/dev/null; fi

# --------------------------------------------------------------- two ---
file=$tmp/second.flexo
ok=1
why=
if start; then
  # The palette's diamond, picked, then a click on the diagram.
  xdotool mousemove 76 362 click 1; sleep 0.3
  xdotool mousemove 600 400 click 1; sleep 0.4
  xdotool key ctrl+s; sleep 1.5
  # The save dialog: its name field has the focus; a full path is taken.
  xdotool key ctrl+a; xdotool type --delay 20 "$file"; sleep 0.3
  xdotool key Return; sleep 1
  xdotool key ctrl+q
  wait_exit || { why="Flexo did not quit"; ok=0; kill $pid; }
else
  why="no window"; ok=0
fi
if [ $ok = 1 ]; then
  if [ ! -f "$file" ]; then ok=0; why="nothing saved through the dialog"
  elif [ "$(xp 'count(//*[local-name()="shape"])' "$file")" != 1 ]; then ok=0; why="the saved file has no shape"
  fi
fi
if [ $ok = 1 ]; then echo "ok 2 - Ctrl+S on a new document, path typed in the save dialog"
else echo "not ok 2 - Ctrl+S on a new document, path typed in the save dialog: $why"; fi

if [ -s "$tmp/stderr" ]; then
  sed 's/^/# /' "$tmp/stderr"
fi
