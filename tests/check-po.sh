#!/bin/sh
# Every catalogue in po/ checks and is complete: no untranslated, no fuzzy.
set -eu
podir=$1
status=0
for lang in $(sed -e 's/#.*//' "$podir/LINGUAS"); do
  po="$podir/$lang.po"
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$po: msgfmt --check failed: $stats" >&2
    status=1
    continue
  fi
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po: incomplete: $stats" >&2; status=1 ;;
    *) echo "$po: $stats" ;;
  esac
done
exit $status
