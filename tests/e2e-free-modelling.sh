#!/usr/bin/env bash
# e2e-free-modelling.sh — a workshop's free modelling, driven like a person
#
# Under the X display, with xdotool: six shapes in two looks drawn from the
# palette (found with its search) and named, three connectors; the notes,
# the boxes and the connectors conceptualized from the canvas's context
# menu (keyboard in the menu, typing in the dialogs); a property added in
# the inspector; the workshop saved (Ctrl+S to the file named on the
# command line); an editor created from the concepts (main menu), drawn
# with from its palette and saved through the save dialog. Both files are
# then checked with xmllint and flexo --validate.
#
# Copyright 2026 The Flexo developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

. "$(dirname "$0")/e2e-lib.sh"

echo "1..1"

# The context menu's 8th item (Create Concept… for a free shape, Create
# Relation… for a free connector) on ($1, $2), chosen; $3 typed in the
# dialog's name field, Enter.
conceptualize () {
  context_menu_item "$1" "$2" 8
  xdotool key Return
  wait_window "$4" || return 1
  xdotool type --delay 40 "$3"; xdotool key Return; sleep 0.6
}

workshop=$tmp/workshop.flexo
language=$tmp/language.flexo
ok=1
why=
if start "$workshop"; then
  # Three notes and three rounded boxes, each named; three arrows.
  draw_workshop Note Rounded Arrow
  # The looks and the connectors become concepts and a relation.
  conceptualize 450 200 Person "Create a Concept"
  conceptualize 800 200 Task "Create a Concept"
  conceptualize 625 201 does "Create a Relation"
  # A property from Alice's instance, in the inspector (a click on the
  # empty diagram first: the new relation's connector stays selected).
  xdotool mousemove 640 700 click 1; sleep 0.3
  xdotool mousemove 450 200 click 1; sleep 0.5
  xdotool mousemove 1083 171 click 1; sleep 0.5
  xdotool type --delay 40 "role"; xdotool key Tab Tab; xdotool type --delay 40 "facilitator"
  xdotool key Return; sleep 0.5
  xdotool key ctrl+s; sleep 0.8
  # An editor from the concepts: main menu, Create Editor from Concepts.
  xdotool key F10; sleep 0.6
  xdotool mousemove 1180 210 click 1
  wait_window "Untitled Document — Flexo"; sleep 0.5
  # Drawn with its palette: a Person, a Task, the relation between them.
  draw_with_editor
  xdotool key ctrl+s; sleep 1.5
  xdotool key ctrl+a; xdotool type --delay 20 "$language"; sleep 0.3
  xdotool key Return; sleep 1
  xdotool key ctrl+q
  wait_exit || { why="Flexo did not quit"; ok=0; kill $pid; }
else
  why="no window"; ok=0
fi

count () { xp "count($1)" "$2"; }
concept_id () { xp "string(//*[local-name()=\"concept\"][@name=\"$1\"]/@id)" "$2"; }

if [ $ok = 1 ]; then
  if [ ! -f "$workshop" ]; then ok=0; why="the workshop was not saved"
  elif [ ! -f "$language" ]; then ok=0; why="the editor's document was not saved"
  fi
fi
if [ $ok = 1 ]; then
  person=$(concept_id Person "$workshop")
  task=$(concept_id Task "$workshop")
  n_concepts=$(count '//*[local-name()="concept"]' "$workshop")
  n_persons=$(count "//*[local-name()=\"instance\"][@concept=\"$person\"]" "$workshop")
  n_tasks=$(count "//*[local-name()=\"instance\"][@concept=\"$task\"]" "$workshop")
  n_links=$(count '//*[local-name()="link"]' "$workshop")
  relation=$(xp 'string(//*[local-name()="relation"]/@name)' "$workshop")
  role=$(xp "string(//*[local-name()=\"concept\"][@name=\"Person\"]/*[local-name()=\"property\"][@name=\"role\"]/@id)" "$workshop")
  alice=$(xp "string(//*[local-name()=\"instance\"][*[local-name()=\"value\"]=\"Alice\"]/*[local-name()=\"value\"][@property=\"$role\"])" "$workshop")
  free=$(count '//*[local-name()="shape"][not(@instance)]' "$workshop")
  if [ "$n_concepts" != 2 ] || [ -z "$person" ] || [ -z "$task" ]; then
    ok=0; why="workshop: $n_concepts concepts (Person '$person', Task '$task'), not 2"
  elif [ "$n_persons" != 3 ] || [ "$n_tasks" != 3 ]; then
    ok=0; why="workshop: $n_persons persons and $n_tasks tasks, not 3 and 3"
  elif [ "$relation" != does ] || [ "$n_links" != 3 ]; then
    ok=0; why="workshop: relation '$relation' with $n_links links, not 'does' with 3"
  elif [ -z "$role" ] || [ "$alice" != facilitator ]; then
    ok=0; why="workshop: Alice's role is '$alice', not 'facilitator'"
  elif [ "$free" != 0 ]; then
    ok=0; why="workshop: $free shapes left unclassified"
  elif ! "$bin" --validate "$workshop" >/dev/null 2>&1; then
    ok=0; why="workshop: does not validate"
  fi
fi
if [ $ok = 1 ]; then
  person=$(concept_id Person "$language")
  n_concepts=$(count '//*[local-name()="concept"]' "$language")
  n_entries=$(count '//*[local-name()="entry"]' "$language")
  n_instances=$(count '//*[local-name()="instance"]' "$language")
  eve=$(count "//*[local-name()=\"instance\"][@concept=\"$person\"][*[local-name()=\"value\"]=\"Eve\"]" "$language")
  n_links=$(count '//*[local-name()="link"]' "$language")
  if [ "$n_concepts" != 2 ] || [ "$n_entries" != 3 ]; then
    ok=0; why="editor: $n_concepts concepts and $n_entries palette entries, not 2 and 3"
  elif [ "$n_instances" != 2 ] || [ "$eve" != 1 ] || [ "$n_links" != 1 ]; then
    ok=0; why="editor: $n_instances instances (Eve: $eve) and $n_links links, not 2 (1) and 1"
  elif ! "$bin" --validate "$language" >/dev/null 2>&1; then
    ok=0; why="editor: does not validate"
  fi
fi
if [ $ok = 1 ]; then echo "ok 1 - draw, conceptualize shapes and connectors, add a property, create an editor, draw with it, save"
else
  echo "not ok 1 - draw, conceptualize shapes and connectors, add a property, create an editor, draw with it, save: $why"
  cp "$workshop" /tmp/e2e-workshop.flexo 2>/dev/null
  cp "$language" /tmp/e2e-language.flexo 2>/dev/null
fi

stderr_comments
