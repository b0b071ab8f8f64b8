#!/usr/bin/env python3
"""Recompute `rows` and `sha256` of every table, and `sha256` of every document, of an Indicators manifest.

    python3 IndicatorsSource/tools/update-manifest.py [INDICATORS]          # rewrite INDICATORS/manifest.json
    python3 IndicatorsSource/tools/update-manifest.py --check [INDICATORS]  # only report; exit 1 if out of date

INDICATORS is any copy of the Indicators folder (the repository's, an installed
share/permille/Indicators, a reviewer's edited copy); it defaults to the repository's Indicators/.
The script is self-contained: copy it anywhere and run it with python3.

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

DEFAULT_INDICATORS = Path(__file__).resolve().parent.parent.parent / "Indicators"


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def main() -> int:
    ap = argparse.ArgumentParser(description="Recompute rows and sha256 in INDICATORS/manifest.json.")
    ap.add_argument("indicators", nargs="?", default=str(DEFAULT_INDICATORS), metavar="INDICATORS",
                    help="the Indicators folder (holding manifest.json); default: the repository's Indicators/")
    ap.add_argument("--check", action="store_true", help="report differences without writing; exit 1 if any")
    args = ap.parse_args()

    indicators = Path(args.indicators)
    manifest_path = indicators / "manifest.json"
    if not manifest_path.is_file():
        print(f"update-manifest: error: {shown(manifest_path)} not found (give the Indicators folder)",
              file=sys.stderr)
        return 1
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    changed = []
    for entry in manifest["tables"]:
        path = indicators / entry["file"]
        if not path.is_file():
            print(f"update-manifest: error: {shown(path)} not found", file=sys.stderr)
            return 1
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            print(f"update-manifest: error: {shown(path)} is not UTF-8: {e}", file=sys.stderr)
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
        path = indicators / entry["file"]
        if not path.is_file():
            print(f"update-manifest: error: {shown(path)} not found", file=sys.stderr)
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
        manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8",
                            newline="\n")
        print(f"updated {len(changed)} entries of {shown(manifest_path)}")
    else:
        print("manifest up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
