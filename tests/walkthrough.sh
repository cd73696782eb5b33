#!/usr/bin/env bash
# walkthrough.sh — the screenshots of docs/free-modelling*.md
#   tests/walkthrough.sh OUTDIR [LANGUAGE]
# Drives Flexo under a private Xvfb like e2e-free-modelling.sh does, and
# takes a screenshot at each step of the walkthrough. Needs xvfb-run,
# xdotool and ImageMagick's import; not part of `make test`.
set -euo pipefail
mkdir -p "$1"
out=$(realpath "$1"); lang=${2:-en}
builddir=${BUILDDIR:-_build}
export FLEXO_BIN=$(realpath "$builddir/app/flexo")
export GSETTINGS_SCHEMA_DIR=$(realpath "$builddir/resources") FLEXO_LOCALEDIR=$(realpath "$builddir/po")
export LANGUAGE=$lang LANG=C.UTF-8 LC_ALL=C.UTF-8
case $lang in
  fr) note=Note; rounded=arrondi; arrow=Flèche; person=Personne; task=Tâche; does=fait; role=rôle; value=animatrice ;;
  *)  note=Note; rounded=Rounded; arrow=Arrow; person=Person; task=Task; does=does; role=role; value=facilitator ;;
esac
export out note rounded arrow person task does role value

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -u
  . tests/e2e-lib.sh
  shot () { sleep 0.4; import -window root "$out/$1.png"; }
  menu8 () { context_menu_item "$1" "$2" 8; }
  start "$tmp/workshop.flexo" || exit 1
  draw_workshop "$note" "$rounded" "$arrow"
  palette_search "$note"
  xdotool mousemove 640 700 click 1
  shot 1-drawing
  menu8 450 200; shot 2-menu
  xdotool key Return; sleep 0.6; xdotool type --delay 40 "$person"; shot 3-concept
  xdotool key Return; sleep 0.6
  menu8 800 200; xdotool key Return; sleep 0.6; xdotool type --delay 40 "$task"; xdotool key Return; sleep 0.6
  menu8 625 201; xdotool key Return; sleep 0.6; xdotool type --delay 40 "$does"; shot 4-relation
  xdotool key Return; sleep 0.6
  xdotool mousemove 640 700 click 1; sleep 0.3
  xdotool mousemove 450 200 click 1; sleep 0.5
  xdotool mousemove 1083 171 click 1; sleep 0.5
  xdotool type --delay 40 "$role"; xdotool key Tab Tab; xdotool type --delay 40 "$value"; shot 5-property
  xdotool key Return; sleep 0.5
  palette_search ""
  xdotool mousemove 206 74 click 1; sleep 0.5; shot 6-outline
  xdotool mousemove 76 74 click 1; sleep 0.3
  xdotool key F10; sleep 0.6
  xdotool mousemove 1180 210 click 1; sleep 1.5
  draw_with_editor
  xdotool mousemove 640 700 click 1
  shot 7-editor
  kill -9 $pid
'
ls "$out"
