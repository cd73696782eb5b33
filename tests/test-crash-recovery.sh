#!/usr/bin/env bash
# A crash loses nothing: Flexo is killed (kill -9) three seconds after an
# unsaved edit; the next start offers the edit back, and saving it writes
# it to the document's file.
#
#   tests/test-crash-recovery.sh   (FLEXO_BIN and the variables of
#                                   tests/meson.build set; an X display)
# Prints TAP. Needs xdotool and xmllint.
set -u

. "$(dirname "$0")/e2e-lib.sh"

echo "1..3"

file=$tmp/crash.flexo
copies () {
  ls "$XDG_STATE_HOME"/flexo/recovery/*.flexo 2>/dev/null | wc -l
}

# An edit, not saved; three seconds; kill -9.
if start "$file"; then
  xdotool mousemove 76 230 click 1; sleep 0.3
  xdotool mousemove 520 360 click 1; sleep 0.4
  xdotool type --delay 50 "Unsaved"; xdotool key ctrl+Return
  sleep 3
  kill -9 $pid; wait $pid 2>/dev/null
  if [ "$(copies)" = 1 ] && [ ! -f "$file" ]; then
    echo "ok 1 - a recovery copy is kept three seconds after the edit"
  else
    echo "not ok 1 - a recovery copy is kept three seconds after the edit: $(copies) copies"
  fi
else
  echo "not ok 1 - a recovery copy is kept three seconds after the edit: no window"
fi

# The next start offers it; Enter takes the offer.
ok=0
if start; then
  dialog=
  for _ in $(seq 50); do
    dialog=$(xdotool search --pid $pid --onlyvisible --name 'Recover Unsaved Work' 2>/dev/null | head -n1)
    [ -n "$dialog" ] && break
    sleep 0.1
  done
  # No window manager: the keyboard goes where the pointer is.
  if [ -n "$dialog" ]; then
    eval "$(xdotool getwindowgeometry --shell "$dialog")"
    xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 3)); sleep 0.3
    xdotool windowfocus "$dialog" 2>/dev/null; sleep 0.2
  fi
  xdotool key Return
  for _ in $(seq 50); do
    for w in $(xdotool search --pid $pid --onlyvisible --name 'crash.flexo' 2>/dev/null); do
      name=$(xdotool getwindowname "$w")
      case "$name" in *"•"*crash.flexo*) ok=1; wid=$w ;; esac
    done
    [ $ok = 1 ] && break
    # The key went elsewhere: press the dialog's default button again.
    if [ -n "$dialog" ] && xdotool getwindowname "$dialog" >/dev/null 2>&1 && [ $((_ % 10)) = 9 ]; then
      xdotool windowfocus "$dialog" 2>/dev/null; xdotool key Return
    fi
    sleep 0.1
  done
  [ $ok = 1 ] || echo "# dialog: ${dialog:-none}; windows: $(xdotool search --pid $pid --name . 2>/dev/null | xargs -r -n1 xdotool getwindowname 2>/dev/null | tr '\n' '|')"
fi
if [ $ok = 1 ]; then
  echo "ok 2 - the next start offers the work back, unsaved, in a window of its file"
else
  echo "not ok 2 - the next start offers the work back, unsaved, in a window of its file"
fi

# Saved, it is in the file.
if [ $ok = 1 ]; then
  xdotool windowactivate "$wid" 2>/dev/null; xdotool windowfocus "$wid"; sleep 0.3
  xdotool key ctrl+s; sleep 0.6
  xdotool key ctrl+q; sleep 1
fi
kill $pid 2>/dev/null
text=$(xp 'count(//*[local-name()="shape"][contains(., "Unsaved") or @text="Unsaved"])' "$file")
if [ "$text" = 1 ] && [ "$(copies)" = 0 ]; then
  echo "ok 3 - saved, the recovered edit is in the file and the copy is gone"
else
  echo "not ok 3 - saved, the recovered edit is in the file and the copy is gone (shapes: ${text:-none}, copies: $(copies))"
fi

stderr_comments
