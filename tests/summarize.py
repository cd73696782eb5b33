#!/usr/bin/env python3
"""Sum up meson's test logs of one or more build directories.

Each Check test under TAP counts once (from the TAP lines meson kept in
meson-logs/testlog.json); other tests count once each. Prints a line per
build and suite, then the closing line `tests: N passed, N failed`.
Exits 1 when a test failed or a log is missing.
"""
import json
import os
import re
import sys

TAP_RESULT = re.compile(r"^(not ok|ok)\b(.*)$")
TAP_PLAN = re.compile(r"^1\.\.\d+", re.MULTILINE)


def count_log(path):
    suites = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        entry = json.loads(line)
        # "project:suite / test"; meson 1.0 keeps neither suite nor protocol apart.
        suite = entry["name"].split(" / ")[0].split(":")[-1]
        stdout = entry.get("stdout") or ""
        passed = failed = skipped = 0
        if TAP_PLAN.search(stdout):
            for tap in stdout.splitlines():
                m = TAP_RESULT.match(tap)
                if not m:
                    continue
                directive = m.group(2).upper()
                if "# SKIP" in directive:
                    skipped += 1
                elif m.group(1) == "ok":
                    passed += 1
                else:
                    failed += 1
            if re.search(r"^1\.\.0\s*#\s*SKIP", stdout, re.MULTILINE | re.IGNORECASE):
                skipped += 1
            if entry["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and failed == 0:
                failed += 1  # crashed, timed out or bad TAP
        else:
            if entry["result"] in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif entry["result"] == "SKIP":
                skipped += 1
            else:
                failed += 1
        s = suites.setdefault(suite, [0, 0, 0])
        s[0] += passed
        s[1] += failed
        s[2] += skipped
    return suites


def main(args):
    required = set()
    builddirs = []
    for arg in args:
        if arg.startswith("--require="):
            required |= set(arg.split("=", 1)[1].split(","))
        else:
            builddirs.append(arg)
    total = [0, 0, 0]
    ok = True
    ran = set()
    for builddir in builddirs:
        path = os.path.join(builddir, "meson-logs", "testlog.json")
        if not os.path.exists(path):
            print(f"{builddir}: no test log (the build or the test run failed)")
            ok = False
            continue
        for suite, (p, f, s) in sorted(count_log(path).items()):
            print(f"{builddir}: suite {suite}: {p} passed, {f} failed, {s} skipped")
            if p:
                ran.add(suite)
            total[0] += p
            total[1] += f
            total[2] += s
    for suite in sorted(required - ran):
        print(f"suite {suite} ran no test")
        ok = False
    if total[1] or not ok:
        ok = False
    line = f"tests: {total[0]} passed, {total[1]} failed"
    if total[2]:
        line += f", {total[2]} skipped"
    print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
