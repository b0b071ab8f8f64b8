#!/usr/bin/env python3
"""Write a synthetic permille project file for the whole-process benchmark.

Usage: generate.py ROWS KIND OUT

KIND
  grassland  ROWS grassland rows cycling through the two rows of
             Fixtures/grassland-demo.json, with ids G0, G1, ... (that
             fixture's project description: warm temperate dry, HAC).
  mixed      ROWS rows cycling over every module: the 24 rows of
             Fixtures/tropical-demo.json (all nine modules),
             Fixtures/rice-livestock-demo.json (rice, livestock, inputs) and
             Fixtures/grassland-demo.json (grassland), under
             tropical-demo.json's project description (tropical moist, LAC),
             which every one of those rows fits. Row i takes template i mod 24
             and gets the id <letter><i> (L, A, P, R, G, H, F, O, N by module),
             so ids are unique across the whole file. The last, incomplete
             cycle leaves out the pair "cropland planted to silvopasture"
             (landUseChange) / "silvopasture on former cropland"
             (perennialCrops), which only balance together: every size then
             validates without an area.unbalanced warning (whose report would
             quote the whole one-line file on stderr).

The output is deterministic: the same arguments give the same bytes. Standard
library only; run from anywhere (fixtures are found relative to this file).
"""
import copy
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURES = os.path.join(ROOT, "Fixtures")

# Id prefix per module, so every id in a mixed file is unique and readable.
PREFIX = {
    "landUseChange": "L",
    "annualCrops": "A",
    "perennialCrops": "P",
    "rice": "R",
    "grassland": "G",
    "livestock": "H",
    "forestManagement": "F",
    "organicSoils": "O",
    "inputs": "N",
}


def load(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return json.load(f)


def grassland(n):
    p = load("grassland-demo.json")
    base = p["modules"]["grassland"]
    p["modules"]["grassland"] = [
        dict(copy.deepcopy(base[i % len(base)]), id=f"G{i}") for i in range(n)
    ]
    return p


def mixed(n):
    p = load("tropical-demo.json")
    sources = [p, load("rice-livestock-demo.json"), load("grassland-demo.json")]
    # Flat list of (module, row) templates, in file order, fixture by fixture.
    templates = [(module, row) for src in sources
                 for module, rows in src["modules"].items() for row in rows]
    order = list(dict.fromkeys(module for module, _ in templates))  # first-seen order
    # The rows that move land into perennial cropland and the row that holds it.
    paired = {("landUseChange", "Cropland planted to silvopasture"),
              ("perennialCrops", "Silvopasture on former cropland")}
    assert len(paired & {(m, r["name"]) for m, r in templates}) == 2, "fixtures changed"
    neutral = [(m, r) for m, r in templates if (m, r["name"]) not in paired]
    full = n - n % len(templates)  # rows in complete cycles
    modules = {module: [] for module in order}
    for i in range(n):
        if i < full:
            module, row = templates[i % len(templates)]
        else:
            module, row = neutral[(i - full) % len(neutral)]
        modules[module].append(dict(copy.deepcopy(row), id=f"{PREFIX[module]}{i}"))
    # Drop modules left empty (small n) so the file holds only what it uses.
    p["modules"] = {m: rows for m, rows in modules.items() if rows}
    return p


def main(argv):
    if len(argv) != 4 or argv[2] not in ("grassland", "mixed"):
        sys.stderr.write(__doc__)
        return 2
    try:
        n = int(argv[1])
    except ValueError:
        n = -1
    if n < 1:
        sys.stderr.write("generate.py: ROWS must be a positive integer\n")
        return 2
    project = grassland(n) if argv[2] == "grassland" else mixed(n)
    with open(argv[3], "w", encoding="utf-8", newline="\n") as f:
        json.dump(project, f)  # json.dump defaults: one line, ASCII, ", " and ": "
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
