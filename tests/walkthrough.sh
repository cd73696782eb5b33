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
  search () { xdotool mousemove 145 114 click --repeat 3 --delay 80 1; sleep 0.3; xdotool type --delay 30 "$1"; sleep 0.6; }
  place () { xdotool mousemove "$1" "$2" click 1; sleep 0.3; xdotool mousemove "$3" "$4" click 1; sleep 0.4;
             xdotool type --delay 40 "$5"; xdotool key ctrl+Return; sleep 0.3; }
  menu8 () { xdotool mousemove "$1" "$2" click 1; sleep 0.3; xdotool click 3; sleep 0.5;
             for _ in 1 2 3 4 5 6 7 8; do xdotool key Down; done; sleep 0.3; }
  start "$tmp/workshop.flexo" || exit 1
  search "$note"
  place 76 230 450 200 Alice; place 76 230 450 350 Bob; place 76 230 450 500 Carol
  search "$rounded"
  place 76 230 800 200 Draft; place 76 230 800 350 Review; place 76 230 800 500 Publish
  search "$arrow"
  for y in 200 350 500; do xdotool mousemove 76 230 click 1; sleep 0.3; drag 450 $y 800 $y; done
  xdotool key Escape
  search "$note"
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
  search ""
  xdotool mousemove 206 74 click 1; sleep 0.5; shot 6-outline
  xdotool mousemove 76 74 click 1; sleep 0.3
  xdotool key F10; sleep 0.6
  xdotool mousemove 1180 210 click 1; sleep 1.5
  place 52 240 500 300 Eve
  place 144 240 750 300 Write
  xdotool mousemove 235 240 click 1; sleep 0.3
  drag 500 300 750 300
  xdotool mousemove 640 700 click 1
  shot 7-editor
  kill -9 $pid
'
ls "$out"
