#!/usr/bin/env bash
# Prints the five built-in province profiles side by side as a Markdown table (README, notes):
# one row per field, from `uia profile show` itself, so the table cannot drift from the code.
set -euo pipefail
cd "$(dirname "$0")/.."
uia=${UIA:-build/uia}
for name in $("$uia" profile list); do "$uia" profile show "$name"; done | python3 -c '
import json, sys
profiles = [json.loads(line) for line in sys.stdin if line.strip()]
def entry(e):
    if "level" in e:
        return "%d %s (%s)" % (e["level"], e["name"], ", ".join(e["proofs"]))
    return "%s %s" % (e["code"], e["label"])
def flat(value, path, out):
    if isinstance(value, dict):
        for k, v in value.items(): flat(v, path + "." + k if path else k, out)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        out[path] = "; ".join(entry(e) for e in value)
    elif isinstance(value, list):
        out[path] = ", ".join(value) if value else "(none)"
    else:
        out[path] = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
rows = [{} for _ in profiles]
for p, r in zip(profiles, rows): flat(p, "", r)
print("| field | " + " | ".join(p["name"] + " (" + p["manual"] + ")" for p in profiles) + " |")
print("|---" * (len(profiles) + 1) + "|")
for key in rows[0]:
    cells = [r.get(key, "") for r in rows]
    if len(set(cells)) == 1 and len(cells[0]) > 24:  # a long value all five share: once
        cells = [cells[0]] + ["〃"] * (len(cells) - 1)
    print("| `" + key + "` | " + " | ".join(c.replace("|", "/") for c in cells) + " |")
'
