#!/usr/bin/env python3
"""Recompute `rows` and `sha256` of every table, and `sha256` of every document, of Indicators/manifest.json.

Run from the repository root:

    python3 .ci/update-manifest.py          # rewrite the manifest
    python3 .ci/update-manifest.py --check  # only report; exit 1 if anything is out of date

Nothing else in the manifest changes (entries, order, titles, keys, values). Rows are CSV records
after the header (a quoted field may span lines). Documents (`documents`: the indicator catalogue,
criteria and practice sheets, JSON) only carry a sha256. Stdlib only.
"""

import argparse
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDICATORS = ROOT / "Indicators"
MANIFEST = INDICATORS / "manifest.json"


def main() -> int:
    ap = argparse.ArgumentParser(description="Recompute rows and sha256 in Indicators/manifest.json.")
    ap.add_argument("--check", action="store_true", help="report differences without writing; exit 1 if any")
    args = ap.parse_args()

    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    changed = []
    for entry in manifest["tables"]:
        path = INDICATORS / entry["file"]
        if not path.is_file():
            print(f"update-manifest: error: {path.relative_to(ROOT)} not found", file=sys.stderr)
            return 1
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            print(f"update-manifest: error: {path.relative_to(ROOT)} is not UTF-8: {e}", file=sys.stderr)
            return 1
        records = list(csv.reader(io.StringIO(text, newline="")))
        rows = max(len(records) - 1, 0)
        digest = hashlib.sha256(data).hexdigest()
        if entry.get("rows") != rows or entry.get("sha256") != digest:
            changed.append(f"{entry['name']}: rows {entry.get('rows')} -> {rows}, "
                           f"sha256 {str(entry.get('sha256'))[:12]}… -> {digest[:12]}…")
            entry["rows"] = rows
            entry["sha256"] = digest

    for entry in manifest.get("documents", []):
        path = INDICATORS / entry["file"]
        if not path.is_file():
            print(f"update-manifest: error: {path.relative_to(ROOT)} not found", file=sys.stderr)
            return 1
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if entry.get("sha256") != digest:
            changed.append(f"{entry['name']}: sha256 {str(entry.get('sha256'))[:12]}… -> {digest[:12]}…")
            entry["sha256"] = digest

    for line in changed:
        print(line)
    if args.check:
        print("manifest up to date" if not changed else f"{len(changed)} entries out of date")
        return 1 if changed else 0
    if changed:
        MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8",
                            newline="\n")
        print(f"updated {len(changed)} entries of {MANIFEST.relative_to(ROOT)}")
    else:
        print("manifest up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
