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

. "$(dirname "$0")/e2e-lib.sh"

echo "1..2"

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

stderr_comments
