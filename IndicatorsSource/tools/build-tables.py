#!/usr/bin/env python3
"""Regenerate permille's factor tables: Indicators/factors/*.csv and Indicators/manifest.json.

Run from anywhere:

    python3 IndicatorsSource/tools/build-tables.py            # rewrite the repository's Indicators/
    python3 IndicatorsSource/tools/build-tables.py --check    # regenerate into a temporary copy; exit 1
                                                              # if any byte of Indicators/ would change
    python3 IndicatorsSource/tools/build-tables.py [--sources DIR] [INDICATORS]

Inputs
  * the CSVs of IndicatorsSource/factor-data/ (EX-ACT v9.4 reference data, see its README),
    or of --sources DIR;
  * values transcribed below from the specification (factors.md, coastal-wetlands.md,
    livestock-manure-defaults.md, method.md), each with its section and reliability tag;
  * pycountry, for iso-countries.csv only; the version pinned in PYCOUNTRY_VERSION
    (IndicatorsSource/tools/requirements.txt) reproduces the shipped table byte for byte.
INDICATORS (the folder written: factors/ and manifest.json) defaults to the repository's
Indicators/. The manifest's `documents` entries (catalogue, criteria, practice sheets, not
built here) are carried over from the folder's existing manifest.

Output conventions (every table)
  * RFC 4180, UTF-8, LF line endings, one header row, comma separated; fields holding a
    comma, a quote or a line break are double-quoted.
  * Columns: key columns (never empty, unique together), numeric value columns (plain
    decimals, no exponent), lookup columns of lookup tables, then unit,
    uncertainty_percent, reliability, source, then extra text columns (note, ...).
  * reliability is one of V-EX, V-HE, C, C-weak, M (factors.md, "Reading these tables").
  * Any change against factor-data/ (filled uncertainty, changed tag, swapped value) is
    explained in the row's `note`.

Every table of Indicators/factors/ is generated here; none is maintained by hand. To change
a table, change this script (or factor-data/) and rerun it: --check, run by CI, fails otherwise.
The script validates everything it wrote and exits non-zero on the first class of error.
It is a generation tool: nothing in the build or the tests needs it (or pycountry).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent  # the repository
DEFAULT_SOURCES = ROOT / "IndicatorsSource" / "factor-data"
DEFAULT_INDICATORS = ROOT / "Indicators"
PYCOUNTRY_VERSION = "26.2.16"  # iso-countries.csv as shipped; keep in step with requirements.txt

# The folder written (set by main): INDICATORS/factors/*.csv and INDICATORS/manifest.json.
OUT_DIR = DEFAULT_INDICATORS
FACTORS_DIR = OUT_DIR / "factors"
MANIFEST = OUT_DIR / "manifest.json"


def set_output(folder: Path) -> None:
    global OUT_DIR, FACTORS_DIR, MANIFEST
    OUT_DIR = folder
    FACTORS_DIR = folder / "factors"
    MANIFEST = folder / "manifest.json"


def shown(path: Path) -> str:
    """A path as printed: relative to the current folder where it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
MANIFEST_FORMAT = "permille-indicators/1"

REQUIRED_TEXT = ["unit", "uncertainty_percent", "reliability", "source"]
RELIABILITY = {"V-EX", "V-HE", "C", "C-weak", "M"}
DECIMAL_RE = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")

ZONES = [
    "boreal-dry", "boreal-moist",
    "cool-temperate-dry", "cool-temperate-moist",
    "warm-temperate-dry", "warm-temperate-moist",
    "tropical-dry", "tropical-moist", "tropical-wet",
    "tropical-montane",
]
SOIL_CLASSES = ["high-activity-clay", "low-activity-clay", "sandy", "spodic", "volcanic", "wetland"]

NOTE_HESTIA = "± from HESTIA (IPCC 2019)"


class BuildError(Exception):
    pass


def fail(message: str) -> None:
    raise BuildError(message)


# ---------------------------------------------------------------------------------------------
# Tables copied from factor-data/ (keys and numeric value columns; titles from its README)
# ---------------------------------------------------------------------------------------------

SOURCE_TABLES = {
    "burning-emission-factors": (["category", "gas"], ["value"],
        "Emission factors Gef for biomass burning by vegetation category and gas"),
    "coastal-wetlands": (["vegetation", "climate_zone", "parameter", "soil_type"], ["value"],
        "Coastal wetlands (mangrove, tidal marsh, seagrass): biomass, root-to-shoot, litter, dead wood, soil carbon, drainage and rewetting emission factors"),
    "combustion-factors": (["context", "land_use", "forest_type", "parameter"], ["value"],
        "Combustion factors Cf and the Gef assigned per land use / forest ecozone for forest fires and clearing, pre-afforestation clearing, crop-residue burning and grassland burning"),
    "country-regions": (["country"], [],
        "Country lookup: EX-ACT region (used by perennial, forest, rice tables), IPCC livestock region and GLEAM region"),
    "crop-residue-parameters": (["crop", "parameter"], ["value"],
        "Crop residue parameters for N2O (above-ground residue slope/intercept, N contents, root:shoot ratio) and EX-ACT dry-matter / residue ratios per crop"),
    "crop-yields": (["crop", "region"],
        ["yield_2016", "yield_2017", "yield_2018", "yield_2019", "yield_2020", "yield_average"],
        "Default crop yields per crop group and EX-ACT region (2016-2020 and average)"),
    "electricity-grid-factors": (["country"], ["operating_margin", "combined_margin"],
        "Grid electricity CO2 emission factors per country (operating margin and combined margin)"),
    "energy-emission-factors": (["fuel_use", "fuel", "parameter"], ["value"],
        "Fuel combustion emission factors per unit of fuel (CO2, CH4, N2O) by use type, plus net calorific values, per-TJ factors and densities"),
    "flooded-land-ch4": (["waterbody", "climate_zone", "parameter"], ["value"],
        "CH4 emission factors for ponds, canals and ditches (other constructed waterbodies) and trophic-state adjustment factors"),
    "forest-agb-growth": (["ecozone", "region", "forest_type", "parameter"], ["value"],
        "Above-ground net biomass growth (dry matter) of forests for stands up to and over 20 years, by ecozone, EX-ACT region and forest type"),
    "forest-biomass": (["ecozone", "region", "forest_type", "forest_condition", "stand_age", "parameter"],
        ["value_min", "value_max"],
        "Forest above-ground biomass carbon stock and growth (range min-max, t C) by ecozone, EX-ACT region, natural/plantation, primary/secondary and stand age"),
    "forest-litter-deadwood": (["ecozone", "climate", "forest_type", "pool"], ["value"],
        "Litter and dead-wood carbon stocks of forests by ecozone and forest type"),
    "forest-root-to-shoot": (["ecozone", "region", "forest_type", "agb_class"], ["value"],
        "Forest root-to-shoot ratios by ecozone, EX-ACT region, forest type and above-ground biomass class (t dm/ha)"),
    "grassland-biomass-and-soc": (["parameter", "grassland_management", "climate_zone"], ["value"],
        "Grassland above/below-ground biomass stocks by climate zone and EX-ACT default grassland SOC stock by management"),
    "gwp": (["gwp_set", "gas"], ["value"],
        "Global warming potentials (100-year) per assessment report"),
    "input-emission-factors": (["input", "parameter"], ["value"],
        "Farm inputs: CO2 from lime/urea application and manufacture+transport emissions of fertilisers, lime and pesticides"),
    "land-use-biomass": (["land_use", "climate_zone", "region", "parameter"], ["value"],
        "Biomass carbon of non-forest land uses for land-use-change accounting (time-averaged stock and first-year biomass gain)"),
    "livestock-manure-defaults": (["parameter", "species", "productivity", "manure_system", "climate_zone", "region"], ["value"],
        "Manure-management defaults of EX-ACT v9.4: CH4 EF per kg VS, EF3, Frac_GasMS, Frac_LeachMS (and EF4/EF5) by species, productivity, manure system and climate zone"),
    "livestock-manure-system-shares": (["ipcc_region", "productivity", "animal", "manure_system"], ["value"],
        "Default shares of manure handled in each animal waste management system (non-zero shares only)"),
    "livestock-parameters": (["ipcc_region", "productivity", "animal", "parameter"], ["value"],
        "Livestock Tier 1 parameters by IPCC region, productivity system and animal: enteric CH4 EF, typical animal mass, VS and N excretion rates"),
    "n2o-emission-factors": (["parameter", "n_source", "climate_zone", "moisture_regime"], ["value"],
        "Direct (EF1, EF1FR) and indirect (EF4 volatilisation, EF5 leaching) N2O emission factors by N source and climate zone or moisture regime"),
    "organic-soil-drainage": (["land_use", "nutrient_status", "climate_zone", "pathway", "gas"], ["value"],
        "Emission factors for drained organic soils: on-site CO2, CH4, N2O and off-site DOC and ditch CH4, by land use, nutrient status and climate zone"),
    "organic-soil-fire": (["climate_zone", "fire_type", "parameter"], ["value"],
        "Fires on organic soils: fuel (peat) consumption by fire type and emission factors Gef for CO2-C, CO, CH4"),
    "organic-soil-rewetting": (["land_use", "nutrient_status", "climate_zone", "gas"], ["value"],
        "Emission factors for rewetted organic soils (CO2, DOC, CH4, N2O) by former land use, nutrient status and climate zone"),
    "peat-extraction": (["nutrient_status", "climate_zone", "pathway", "parameter"], ["value"],
        "Peat extraction: on-site/off-site emission factors of extraction sites and carbon content of extracted (horticultural) peat"),
    "perennial-biomass-growth": (["system", "climate_zone", "region", "pool"], ["value"],
        "Annual above-ground (agb) and below-ground (bgb) biomass carbon growth of agroforestry and perennial systems by climate zone and EX-ACT region"),
    "perennial-max-agb": (["system", "climate"], ["value"],
        "Maximum above-ground biomass carbon stock (at maturity/harvest) of agroforestry and perennial systems by climate"),
    "rice-regional-defaults": (["region", "parameter"], ["value"],
        "Rice baseline CH4 emission factor (continuously flooded, no organic amendment), default cultivation period and default paddy yield by EX-ACT region"),
    "rice-scaling-factors": (["factor", "practice"], ["value"],
        "Rice CH4 scaling factors: water regime during (sf-w) and before (sf-p) cultivation, conversion factors for organic amendments (cfoa)"),
    "soc-reference": (["climate_zone", "soil_class"], ["value"],
        "Reference SOC stocks (SOCref, 0-30 cm) by climate zone and soil class"),
    "soil-stock-change-factors": (["used_in", "land_use", "practice", "factor", "climate_zone"], ["value"],
        "Mineral-soil relative stock change factors F_LU / F_MG / F_I (IPCC 2019 set as used by EX-ACT) by land use, practice and climate zone"),
}

COUNTRY_REGIONS_SOURCE = "EX-ACT v9.4 reference data (country to EX-ACT region, IPCC livestock region and GLEAM region)"

# ---------------------------------------------------------------------------------------------
# Values transcribed from factors.md (strings, so the CSV shows exactly what the spec prints)
# ---------------------------------------------------------------------------------------------

# §3.1 IPCC 2019 Table 2.3: value, ±% (HESTIA), n (studies) or None. "boreal" = boreal-dry and boreal-moist.
SOC_2019 = {
    "boreal": {"high-activity-clay": ("63", "18", "35"), "sandy": ("10", "90", None),
               "spodic": ("117", "90", None), "volcanic": ("20", "90", None),
               "wetland": ("116", "65", "6")},
    "cool-temperate-dry": {"high-activity-clay": ("43", "8", "177"), "low-activity-clay": ("33", "90", None),
                           "sandy": ("13", "33", "10"), "volcanic": ("20", "90", None),
                           "wetland": ("87", "90", None)},
    "cool-temperate-moist": {"high-activity-clay": ("81", "5", "334"), "low-activity-clay": ("76", "51", "6"),
                             "sandy": ("51", "13", "126"), "spodic": ("128", "14", "45"),
                             "volcanic": ("136", "14", "28"), "wetland": ("128", "13", "42")},
    "warm-temperate-dry": {"high-activity-clay": ("24", "5", "781"), "low-activity-clay": ("19", "16", "41"),
                           "sandy": ("10", "5", "338"), "volcanic": ("84", "65", "10"),
                           "wetland": ("74", "17", "49")},
    "warm-temperate-moist": {"high-activity-clay": ("64", "5", "489"), "low-activity-clay": ("55", "8", "183"),
                             "sandy": ("36", "23", "39"), "spodic": ("143", "30", "9"),
                             "volcanic": ("138", "12", "42"), "wetland": ("135", "28", "28")},
    "tropical-dry": {"high-activity-clay": ("21", "5", "554"), "low-activity-clay": ("19", "10", "135"),
                     "sandy": ("9", "9", "164"), "volcanic": ("50", "90", None),
                     "wetland": ("22", "17", "32")},
    "tropical-moist": {"high-activity-clay": ("40", "7", "226"), "low-activity-clay": ("38", "5", "326"),
                       "sandy": ("27", "12", "76"), "volcanic": ("70", "90", None),
                       "wetland": ("68", "17", "55")},
    "tropical-wet": {"high-activity-clay": ("60", "8", "137"), "low-activity-clay": ("52", "6", "271"),
                     "sandy": ("46", "20", "43"), "volcanic": ("77", "27", "14"),
                     "wetland": ("49", "19", "33")},
    "tropical-montane": {"high-activity-clay": ("51", "10", "114"), "low-activity-clay": ("44", "11", "84"),
                         "sandy": ("52", "34", "11"), "volcanic": ("96", "31", "10"),
                         "wetland": ("82", "50", "12")},
}

# §3.2 IPCC 2006 Table 2.3: value, tag, note. NA cells are absent.
SOC_2006_SOURCE = "IPCC 2006 Vol4 Table 2.3"
SOC_2006_NOTE_C = "[C]: ILCD 2010 Annex B Table 10; Indian CCTS notes Table 4"
SOC_2006_NOTE_WET = "2006 prints the wetland column as merged cells"
SOC_2006 = {
    "boreal": {"high-activity-clay": "68", "sandy": "10", "spodic": "117", "volcanic": "20",
               "wetland": ("146", "C-weak", None)},
    "cool-temperate-dry": {"high-activity-clay": "50", "low-activity-clay": "33", "sandy": "34", "volcanic": "20",
                           "wetland": ("87", "M", "one extraction reads 97: verify (method.md O2)")},
    "cool-temperate-moist": {"high-activity-clay": "95", "low-activity-clay": "85", "sandy": "71", "spodic": "115",
                             "volcanic": "130", "wetland": ("87", "M", None)},
    "warm-temperate-dry": {"high-activity-clay": "38", "low-activity-clay": "24", "sandy": "19", "volcanic": "70",
                           "wetland": ("88", "C-weak", None)},
    "warm-temperate-moist": {"high-activity-clay": "88", "low-activity-clay": "63", "sandy": "34", "volcanic": "80",
                             "wetland": ("88", "M", None)},
    "tropical-dry": {"high-activity-clay": "38", "low-activity-clay": "35", "sandy": "31", "volcanic": "50",
                     "wetland": ("86", "C-weak", None)},
    "tropical-moist": {"high-activity-clay": "65", "low-activity-clay": "47", "sandy": "39", "volcanic": "70",
                       "wetland": ("86", "M", None)},
    "tropical-wet": {"high-activity-clay": "44", "low-activity-clay": "60", "sandy": "66", "volcanic": "130",
                     "wetland": ("86", "M", None)},
    "tropical-montane": {"high-activity-clay": "88", "low-activity-clay": "63", "sandy": "34", "volcanic": "80",
                         "wetland": ("86", "M", None)},
}

# §4.1 IPCC 2019 Table 5.5 columns -> climate_zone keys
COLS_2019 = {
    "bct-dry": ["boreal-dry", "cool-temperate-dry"],
    "bct-moist": ["boreal-moist", "cool-temperate-moist"],
    "wt-dry": ["warm-temperate-dry"],
    "wt-moist": ["warm-temperate-moist"],
    "trop-dry": ["tropical-dry"],
    "trop-mw": ["tropical-moist", "tropical-wet"],
    "montane": ["tropical-montane"],
}
COL_ORDER_2019 = list(COLS_2019)

# Cell: (value, ±) — or ("D4", EX-ACT value, HESTIA value, HESTIA ±) where the two differ.
CROPLAND_2019 = [
    # (used_in, land_use, practice, factor, cells in COL_ORDER_2019)
    ("all", "annual-cropland", "any", "f-lu",
     [("0.77", "14"), ("0.70", "12"), ("0.76", "12"), ("0.69", "16"), ("0.92", "13"), ("0.83", "11"),
      ("D4", "0.64", "0.86", "50")]),
    ("all", "flooded-rice", "any", "f-lu",
     [("1.35", "4"), ("1.35", None), ("1.35", None), ("1.35", None), ("1.35", None), ("1.35", None),
      ("1.35", None)]),
    ("management", "perennial-cropland", "any", "f-lu",
     [("0.72", "22"), ("0.72", None), ("0.72", None), ("0.72", None),
      ("D4", "1.01", "1.1", "25"), ("D4", "1.01", "1.1", "25"), ("D4", "1.00", "1.1", "50")]),
    ("all", "set-aside", "any", "f-lu",
     [("0.93", "11"), ("0.82", "17"), ("0.93", None), ("0.82", None), ("0.93", None), ("0.82", None),
      ("0.88", "50")]),
    ("management", "cropland", "full-tillage", "f-mg", [("1.00", None)] * 7),
    ("management", "cropland", "reduced-tillage", "f-mg",
     [("0.98", "5"), ("1.04", "4"), ("0.99", "3"), ("1.05", "4"), ("0.99", "7"), ("1.04", "7"),
      ("D4", "1.09", "1.02", "50")]),
    ("management", "cropland", "no-tillage", "f-mg",
     [("1.03", "4"), ("1.09", "4"), ("1.04", "3"), ("1.10", "4"), ("1.04", "7"), ("1.10", "5"),
      ("D4", "1.16", "1.08", "50")]),
    ("management", "cropland", "low-c-input", "f-i",
     [("0.95", "13"), ("0.92", "14"), ("0.95", None), ("0.92", None), ("0.95", None), ("0.92", None),
      ("0.94", "50")]),
    ("management", "cropland", "medium-c-input", "f-i", [("1.00", None)] * 7),
    ("management", "cropland", "high-c-input-no-manure", "f-i",
     [("1.04", "13"), ("1.11", "10"), ("1.04", None), ("1.11", None), ("1.04", None), ("1.11", None),
      ("1.08", "50")]),
    ("management", "cropland", "high-c-input-with-manure", "f-i",
     [("1.37", "12"), ("1.44", "13"), ("1.37", None), ("1.44", None), ("1.37", None), ("1.44", None),
      ("1.41", "50")]),
]

# §5 grassland, 2019 values and ± (temperate/boreal, tropical dry/moist/wet, tropical montane).
GRASS_CLASSES = {
    "temperate-boreal": ["boreal-dry", "boreal-moist", "cool-temperate-dry", "cool-temperate-moist",
                         "warm-temperate-dry", "warm-temperate-moist"],
    "tropical": ["tropical-dry", "tropical-moist", "tropical-wet"],
    "montane": ["tropical-montane"],
}
IMPROVED = ["improved-grassland", "improved-with-medium-inputs", "improved-with-high-inputs"]
GRASS_PRACTICES_2019 = ["non-degraded", "high-intensity-grazing", "severely-degraded"] + IMPROVED


def grass_2019(practice: str, factor: str, grass_class: str):
    """(value, ±) of the 2019 grassland factors of factors.md §5."""
    if factor == "f-lu":
        return ("1.00", None)
    if factor == "f-mg":
        if practice == "non-degraded":
            return ("1.00", None)
        if practice == "high-intensity-grazing":
            return ("0.90", "8")
        if practice == "severely-degraded":
            return ("0.70", "40")
        return {"temperate-boreal": ("1.14", "11"), "tropical": ("1.17", "9"),
                "montane": ("1.16", "40")}[grass_class]
    if practice == "improved-with-high-inputs":
        return ("1.11", "7")
    return ("1.00", None)


def grass_2006(practice: str, factor: str, grass_class: str):
    """2006 grassland factors (factors.md §5, [C]; errors not available)."""
    if factor == "f-lu":
        return "1.00"
    if factor == "f-i":
        return "1.11" if practice == "improved-with-high-inputs" else "1.00"
    if practice == "non-degraded":
        return "1.00"
    if practice == "severely-degraded":
        return "0.70"
    if practice == "moderately-degraded":
        return {"temperate-boreal": "0.95", "tropical": "0.97", "montane": "0.96"}[grass_class]
    return {"temperate-boreal": "1.14", "tropical": "1.17", "montane": "1.16"}[grass_class]


# §4.2 IPCC 2006 Table 5.5. Columns: temperate/boreal dry, moist; tropical dry; tropical moist & wet; montane.
COLS_2006 = {
    "tb-dry": ["boreal-dry", "cool-temperate-dry", "warm-temperate-dry"],
    "tb-moist": ["boreal-moist", "cool-temperate-moist", "warm-temperate-moist"],
    "trop-dry": ["tropical-dry"],
    "trop-mw": ["tropical-moist", "tropical-wet"],
    "montane": ["tropical-montane"],
}
COL_ORDER_2006 = list(COLS_2006)
CROPLAND_2006_SOURCE = "IPCC 2006 Vol4 Table 5.5 (ILCD 2010 Annex B Tables 11-12; CCTS notes Tables 5-6)"
GRASSLAND_2006_SOURCE = "IPCC 2006 Vol4 Table 6.2 (CCTS notes Table 7)"
NOTE_HIGH_INPUT_M = "value [C] (CCTS notes); its ± is [M] (unverified recollection)"
NOTE_WITH_MANURE_M = "with-manure row and its ± are [M] (unverified recollection)"
# Cell: (value, ±, tag, note)
CROPLAND_2006 = [
    ("all", "annual-cropland", "any", "f-lu",
     [("0.80", "9", "C", None), ("0.69", "12", "C", None), ("0.58", "61", "C", None),
      ("0.48", "46", "C", None), ("0.64", "50", "C", None)]),
    ("all", "flooded-rice", "any", "f-lu", [("1.10", "50", "C", None)] * 5),
    # The main file keys perennial-cropland under used_in=management; kept the same here.
    ("management", "perennial-cropland", "any", "f-lu", [("1.00", "50", "C", None)] * 5),
    ("all", "set-aside", "any", "f-lu",
     [("0.93", "11", "C", None), ("0.82", "17", "C", None), ("0.93", None, "C", None),
      ("0.82", None, "C", None), ("0.88", "90", "C", None)]),
    ("management", "cropland", "full-tillage", "f-mg", [("1.00", None, "C", None)] * 5),
    ("management", "cropland", "reduced-tillage", "f-mg",
     [("1.02", "6", "C", None), ("1.08", "5", "C", None), ("1.09", "9", "C", None),
      ("1.15", "8", "C", None), ("1.09", "50", "C", None)]),
    ("management", "cropland", "no-tillage", "f-mg",
     [("1.10", "5", "C", None), ("1.15", "4", "C", None), ("1.17", "8", "C", None),
      ("1.22", "7", "C", None), ("1.16", "50", "C", None)]),
    ("management", "cropland", "low-c-input", "f-i",
     [("0.95", "13", "C", None), ("0.92", "14", "C", None), ("0.95", "13", "C", None),
      ("0.92", "14", "C", None), ("0.94", "50", "C", None)]),
    ("management", "cropland", "medium-c-input", "f-i", [("1.00", None, "C", None)] * 5),
    ("management", "cropland", "high-c-input-no-manure", "f-i",
     [("1.04", "13", "M", NOTE_HIGH_INPUT_M), ("1.11", "10", "M", NOTE_HIGH_INPUT_M),
      ("1.04", None, "C", "value [C] from the CCTS notes"), ("1.11", None, "C", "value [C] from the CCTS notes"),
      ("1.08", "50", "M", NOTE_HIGH_INPUT_M)]),
    ("management", "cropland", "high-c-input-with-manure", "f-i",
     [("1.37", "12", "M", NOTE_WITH_MANURE_M), ("1.44", "13", "M", NOTE_WITH_MANURE_M),
      ("1.37", None, "M", NOTE_WITH_MANURE_M), ("1.44", None, "M", NOTE_WITH_MANURE_M),
      ("1.41", None, "M", NOTE_WITH_MANURE_M)]),
]

# §4.1 bold cells / divergence D4: the `ipcc` method's values (HESTIA transcription of 2019).
IPCC_METHOD_SOURCE = "IPCC 2019 Vol4 Table 5.5 (HESTIA transcription)"
PERENNIAL_SYSTEMS = [
    "agroforestry-default", "alley-cropping", "hedgerow", "multistrata", "oil-palm", "olive", "orchard",
    "parkland", "perennial-fallow", "rubber", "shaded-perennial", "short-rotation-coppice", "silvoarable",
    "silvopasture", "tea", "vine",
]
IPCC_METHOD_CELLS = [
    # (land_use, practice, factor, zone, value, ±)
    ("annual-cropland", "any", "f-lu", "tropical-montane", "0.86", "50"),
    ("cropland", "reduced-tillage", "f-mg", "tropical-montane", "1.02", "50"),
    ("cropland", "no-tillage", "f-mg", "tropical-montane", "1.08", "50"),
] + [
    (lu, "any", "f-lu", zone, "1.1", pct)
    for lu in ["perennial-cropland"] + PERENNIAL_SYSTEMS
    for zone, pct in [("tropical-dry", "25"), ("tropical-moist", "25"), ("tropical-wet", "25"),
                      ("tropical-montane", "50")]
]

# §6.1 organic soils, CO2 on-site: workbook reading where the factor-data CSV swaps poor/rich.
# (land_use, climate prefix) -> {nutrient_status: (workbook value, factor-data value)}
DRAINAGE_SWAPS = {
    ("forest", "boreal-"): {"nutrient-poor": ("0.31", "0.93"), "nutrient-rich": ("0.93", "0.31")},
    ("plantation-forest", "boreal-"): {"nutrient-poor": ("0.31", "0.93"), "nutrient-rich": ("0.93", "0.31")},
    ("grassland", "cool-temperate-"): {"nutrient-poor": ("5.3", "4.85"), "nutrient-rich": ("4.85", "5.3")},
    ("grassland", "warm-temperate-"): {"nutrient-poor": ("5.3", "4.85"), "nutrient-rich": ("4.85", "5.3")},
}
NOTE_O18 = "O18: factor-data CSV swaps poor/rich (CSV value {old}); workbook reading kept, check WS 2013 Table 2.1"
NOTE_DRAINAGE_PLACEHOLDER = ("placeholder: this land use takes the factor of the previous land use "
                             "(factors.md §6.1)")

# §1 constants: parameter, value, unit, tag, source, note
CONSTANTS = [
    ("carbon-fraction", "0.47", "t C/t dm", "C", "IPCC 2006 Vol4 Ch4 (Table 4.3)",
     "woody and herbaceous dry matter; table number [M]; some CDM tools use 0.5"),
    ("soc-transition-years", "20", "yr", "V-EX", "IPCC 2006 and 2019 Vol4 default (EX-ACT v9.4; also HESTIA)",
     "soil-carbon transition period D"),
    ("cn-ratio-conversion-to-cropland", "15", "t C/t N", "V-EX", "EX-ACT v9.4, sheet IPCC",
     "C:N of soil organic matter, forest or grassland converted to cropland"),
    ("cn-ratio-cropland-remaining", "10", "t C/t N", "V-EX", "EX-ACT v9.4, sheet IPCC",
     "C:N of soil organic matter, cropland remaining cropland"),
    ("cn-ratio-grassland-remaining", "15", "t C/t N", "M", "permille default (method.md §5.3)",
     "permille choice; IPCC gives defaults only for the two cropland cases"),
    ("exponential-dynamics-k", "-0.519349", "1/yr", "V-EX", "EX-ACT app",
     "integral of exp(k t) over one year = 0.78"),
    ("dynamics-coefficient-linear", "0.5", "dimensionless", "V-EX", "EX-ACT app", ""),
    ("dynamics-coefficient-immediate", "1.0", "dimensionless", "V-EX", "EX-ACT app", ""),
    ("dynamics-coefficient-exponential", "0.78", "dimensionless", "V-EX", "EX-ACT app", ""),
    ("urea-n-content", "0.467", "t N/t urea", "V-EX", "EX-ACT app", ""),
    ("urea-c-content", "0.20", "t C/t urea", "V-EX", "IPCC 2006 Vol4 Eq 11.13; EX-ACT v9.4", ""),
    ("rice-amendment-exponent", "0.59", "dimensionless", "M", "IPCC 2006 and 2019 Vol4 (SFo form)",
     "exponent of SFo = (1 + sum ROA x CFOA)^0.59"),
    ("cropland-biomass-after-conversion-2006", "5", "t C/ha", "M", "IPCC 2006 Vol4",
     "2006 alternative to the 4.7 t C/ha of IPCC 2019 Table 5.9 (land-use-biomass.csv)"),
    ("peat-combustion-factor", "1.0", "dimensionless", "M", "2013 Wetlands Supplement", ""),
    ("afforestation-dom-buildup-years", "20", "yr", "M", "permille default (method.md §6.3)",
     "permille default, O15"),
    ("forest-f-lu", "1", "dimensionless", "M", "IPCC 2006/2019 Vol4 Tier 1 (forest SOC = SOCref; method.md §5.1)",
     "land-use factor of forest soil in land-use change; Tier 1 assumes no change"),
]

# §9 N2O extras: parameter, n_source, factor_set, moisture_regime, value, unit, tag, source, note
U_EF1 = "kg N2O-N/kg N"
U_PRP = "kg N2O-N/kg N deposited"
U_GAS = "kg N volatilised/kg N applied"
U_LEACH = "kg N leached/kg N added"
N2O_EXTRA = [
    ("ef1", "all", "ipcc-2019", "all", "0.010", U_EF1, "V-EX",
     "IPCC 2019 Vol4 Table 11.1 (aggregated default; EX-ACT v9.4 sheet IPCC)", "aggregated EF1"),
    ("ef1", "all", "ipcc-2006", "all", "0.01", U_EF1, "C", "IPCC 2006 Vol4 Table 11.1", "aggregated EF1"),
    ("ef1fr", "all", "ipcc-2019", "all", "0.004", U_EF1, "C-weak",
     "IPCC 2019 Vol4 Table 11.1 (aggregated EF1FR)",
     "derived from ClimateView's public parameter page for 2019 Table 11.1: "
     "1 716 000 g CO2e/t N / (273 x 44/28) = 0.004"),
    ("ef1fr", "all", "ipcc-2006", "all", "0.003", U_EF1, "M", "IPCC 2006 Vol4 Table 11.1", ""),
    ("ef3prp", "cattle-poultry-pigs", "ipcc-2019", "wet", "0.006", U_PRP, "V-EX",
     "IPCC 2019 Vol4 Table 11.1 (EX-ACT v9.4 sheet IPCC)", ""),
    ("ef3prp", "cattle-poultry-pigs", "ipcc-2019", "dry", "0.002", U_PRP, "V-EX",
     "IPCC 2019 Vol4 Table 11.1 (EX-ACT v9.4 sheet IPCC)", ""),
    ("ef3prp", "cattle-poultry-pigs", "ipcc-2019", "moist", "0.004", U_PRP, "V-EX",
     "EX-ACT v9.4 default (average of IPCC 2019 Vol4 Table 11.1 wet and dry EF3PRP)",
     "EX-ACT's own moist value, not an IPCC value"),
    ("ef3prp", "sheep-and-other", "ipcc-2019", "all", "0.003", U_PRP, "V-EX",
     "IPCC 2019 Vol4 Table 11.1 (EX-ACT v9.4 sheet IPCC)", "sheep and other animals"),
    ("ef3prp", "cattle-poultry-pigs", "ipcc-2006", "all", "0.02", U_PRP, "C", "IPCC 2006 Vol4 Table 11.1", ""),
    ("ef3prp", "sheep-and-other", "ipcc-2006", "all", "0.01", U_PRP, "C", "IPCC 2006 Vol4 Table 11.1",
     "sheep and other animals"),
    ("frac-gasf", "all", "ipcc-2019", "all", "0.11", U_GAS, "C",
     "IPCC 2019 Vol4 Table 11.3 (secondary implementations incl. Verra VM0042)",
     "N volatilised from synthetic fertiliser of no stated type (aggregated); urea has its own row"),
    ("frac-gasf", "urea", "ipcc-2019", "all", "0.15", U_GAS, "M",
     "IPCC 2019 Vol4 Table 11.3 (Frac_GASF disaggregated: urea)",
     "urea; the 2019 table splits Frac_GASF by fertiliser type (urea 0.15, ammonium-based 0.08, nitrate-based "
     "0.01, ammonium-nitrate-based 0.05, range 0.03-0.43 for urea) [M: recollection, check the PDF]; other "
     "synthetic N keeps the aggregated 0.11"),
    ("frac-gasf", "all", "ipcc-2006", "all", "0.10", U_GAS, "C",
     "IPCC 2006 Vol4 Table 11.3 (secondary implementations)", "N volatilised from synthetic fertiliser"),
    ("frac-gasm", "all", "ipcc-2019", "all", "0.21", U_GAS, "C",
     "IPCC 2019 Vol4 Table 11.3 (secondary implementations incl. Verra VM0042)",
     "N volatilised from organic N and PRP"),
    ("frac-gasm", "all", "ipcc-2006", "all", "0.20", U_GAS, "C",
     "IPCC 2006 Vol4 Table 11.3 (secondary implementations)", "N volatilised from organic N and PRP"),
    ("frac-leach", "all", "ipcc-2019", "all", "0.24", U_LEACH, "C",
     "IPCC 2019 Vol4 Table 11.3 (secondary implementations incl. Verra VM0042)",
     "Frac_LEACH-(H); applies only in wet climates or under irrigation [M for the exact condition]"),
    ("frac-leach", "all", "ipcc-2006", "all", "0.30", U_LEACH, "C",
     "IPCC 2006 Vol4 Table 11.3 (secondary implementations)",
     "Frac_LEACH-(H); applies only in wet climates or under irrigation [M for the exact condition]"),
    ("ef4", "volatilised-n", "ipcc-2006", "all", "0.010", "kg N2O-N/kg N volatilised", "C",
     "IPCC 2006 Vol4 Table 11.3 (secondary implementations)", "2019 values: n2o-emission-factors.csv"),
    ("ef4", "volatilised-n", "ipcc-2019", "all", "0.010", "kg N2O-N/kg N volatilised", "C",
     "IPCC 2019 Vol4 Table 11.3 (aggregated default; secondary implementations)",
     "aggregated EF4 used for managed soils (method.md §10.3); the wet/dry split is in n2o-emission-factors.csv"),
    ("ef5", "leached-n", "ipcc-2006", "all", "0.0075", "kg N2O-N/kg N leached", "C",
     "IPCC 2006 Vol4 Table 11.3 (secondary implementations)", "2019 value: n2o-emission-factors.csv"),
]

# method.md §2.3 (EX-ACT v9.4 sheet HELP): WRB 2014 reference soil group -> IPCC soil class
WRB_SOURCE = "EX-ACT v9.4 sheet HELP (WRB 2014 to IPCC soil class)"
WRB = {
    "high-activity-clay": ["Alisols", "Calcisols", "Cambisols", "Chernozems", "Fluvisols", "Gypsisols",
                           "Kastanozems", "Leptosols", "Luvisols", "Phaeozems", "Regosols", "Retisols",
                           "Solonetz", "Umbrisols", "Vertisols"],
    "low-activity-clay": ["Acrisols", "Anthrosols", "Cryosols", "Durisols", "Ferralsols", "Lixisols",
                          "Nitisols", "Planosols", "Plinthosols", "Solonchaks", "Stagnosols", "Technosols"],
    "sandy": ["Arenosols"],
    "volcanic": ["Andosols"],
    "spodic": ["Podzols"],
    "wetland": ["Gleysols"],
    "organic": ["Histosols"],
}

# factor-data README, "Project-file keys and CSV keys": field, key, maps_to, note
VOCAB_SOURCE = "factor-data README, Project-file keys and CSV keys"
VOCABULARY = [
    ("tillage", "full", "full-tillage", "soil-stock-change-factors: used_in management, land_use cropland"),
    ("tillage", "reduced", "reduced-tillage", "soil-stock-change-factors: used_in management, land_use cropland"),
    ("tillage", "no-till", "no-tillage", "soil-stock-change-factors: used_in management, land_use cropland"),
    ("input", "low", "low-c-input", "soil-stock-change-factors: used_in management, land_use cropland"),
    ("input", "medium", "medium-c-input", "soil-stock-change-factors: used_in management, land_use cropland"),
    ("input", "high-without-manure", "high-c-input-no-manure",
     "soil-stock-change-factors: used_in management, land_use cropland"),
    ("input", "high-with-manure", "high-c-input-with-manure",
     "soil-stock-change-factors: used_in management, land_use cropland"),
    ("grassland-condition", "non-degraded", "non-degraded", ""),
    ("grassland-condition", "high-intensity-grazing", "high-intensity-grazing", "IPCC 2019 set only"),
    ("grassland-condition", "severely-degraded", "severely-degraded", ""),
    ("grassland-condition", "improved", "improved-grassland",
     "with an input level see grassland-improved-input; improved-grassland has the factors of "
     "improved-with-medium-inputs"),
    ("grassland-condition", "moderately-degraded", "moderately-degraded",
     "IPCC 2006 set only (soil-stock-change-factors-2006); no row in the 2019 set"),
    ("grassland-improved-input", "medium", "improved-with-medium-inputs", ""),
    ("grassland-improved-input", "high", "improved-with-high-inputs", ""),
    ("rice-water", "continuously-flooded", "irrigated-continuously-flooded", "rice-scaling-factors: sf-w"),
    ("rice-water", "single-drainage", "irrigated-single-drainage-period", "rice-scaling-factors: sf-w"),
    ("rice-water", "multiple-drainage", "irrigated-multiple-drainage-periods", "rice-scaling-factors: sf-w"),
    ("rice-water", "rainfed-regular", "rainfed-wet-season-regular-rainfed", "rice-scaling-factors: sf-w"),
    ("rice-water", "rainfed-drought-prone", "rainfed-dry-season-drought-prone", "rice-scaling-factors: sf-w"),
    ("rice-water", "deep-water", "rainfed-deep-water", "rice-scaling-factors: sf-w"),
    ("rice-preseason", "not-flooded-under-180-days", "non-flooded-pre-season-lt-180-d", "rice-scaling-factors: sf-p"),
    ("rice-preseason", "not-flooded-over-180-days", "non-flooded-pre-season-gt-180-d", "rice-scaling-factors: sf-p"),
    ("rice-preseason", "flooded-over-30-days", "flooded-pre-season-gt-30-d", "rice-scaling-factors: sf-p"),
    ("rice-straw", "burned", "straw-burnt", "rice-scaling-factors: cfoa"),
    ("rice-straw", "exported", "straw-exported", "rice-scaling-factors: cfoa"),
    ("rice-straw", "incorporated-over-30-days-before",
     "straw-incorporated-long-gt-30-days-before-cultivation", "rice-scaling-factors: cfoa"),
    ("rice-straw", "incorporated-under-30-days-before",
     "straw-incorporated-shortly-lt-30-days-before-cultivation", "rice-scaling-factors: cfoa"),
    ("rice-amendment", "compost", "compost", "rice-scaling-factors: cfoa"),
    ("rice-amendment", "farmyard-manure", "farm-yard-manure", "rice-scaling-factors: cfoa"),
    ("rice-amendment", "green-manure", "green-manure", "rice-scaling-factors: cfoa"),
    ("input-kind", "synthetic-n", "synthetic-n-fertilizers-other-than-urea", ""),
    ("input-kind", "urea", "urea", ""),
    ("input-kind", "synthetic-n-rice-continuously-flooded", "n-fertilizers-in-continuously-irrigated-rice", ""),
    ("input-kind", "synthetic-n-rice-intermittently-flooded", "n-fertilizers-in-wet-and-dry-irrigated-rice", ""),
    ("input-kind", "compost-n", "compost", "n2o-emission-factors; no manufacture factor"),
    ("input-kind", "manure-n", "compost",
     "no row of its own: EF1 'other N inputs', i.e. the values of the compost rows of "
     "n2o-emission-factors; no manufacture factor"),
    ("input-kind", "limestone", "limestone", "input-emission-factors"),
    ("input-kind", "dolomite", "dolomite", "input-emission-factors"),
    ("input-kind", "lime", "not-specified", "input-emission-factors (lime, type not specified)"),
    ("input-kind", "phosphorus", "phosphorous", "input-emission-factors (CSV spelling)"),
    ("input-kind", "potassium", "potassium", "input-emission-factors"),
    ("input-kind", "herbicides", "herbicides", "input-emission-factors"),
    ("input-kind", "insecticides", "insecticides", "input-emission-factors"),
    ("input-kind", "fungicides", "fungicides", "input-emission-factors"),
    ("input-kind", "diesel", "gasoil-diesel-oil",
     "energy-emission-factors, fuel_use stationary or mobile; fuel_use off-road uses fuel key diesel"),
    ("input-kind", "gasoline", "motor-gasoline", "energy-emission-factors"),
    ("gwp", "AR5", "ar5", "gwp.csv; the default set"),
    ("gwp", "AR5-feedback", "ar5-with-feedbacks", "gwp.csv"),
    ("gwp", "AR6", "ar6", "gwp.csv; fossil CH4: gas ch4-fossil"),
    ("gwp", "AR4", "ar4", "gwp.csv"),
    ("gwp", "SAR", "sar", "gwp.csv"),
    ("n-source", "crop-residues", "compost", "n2o-emission-factors: EF1 'other N inputs' (method.md §8)"),
    ("n-source", "mineralised-soil-n", "mineralised-soil-n", "n2o-emission-factors (method.md §5.3)"),
] + [("ef3prp-group", animal, group, "n2o-factors-extra: EF3PRP animal group (IPCC 2019 Table 11.1)")
     for group, animals in {
         "cattle-poultry-pigs": ["dairy-cattle", "other-cattle", "dairy-buffalo", "other-buffalo", "breeding-swine",
                                 "growing-swine", "chicken-broiler", "chicken-layer"],
         "sheep-and-other": ["dairy-sheep", "other-sheep", "goats", "horses", "mules-and-asses", "camels",
                             "llamas-and-alpacas", "deer", "ostrich"],
     }.items() for animal in animals]

# ISO 3166-1 alpha-3 matches that the name matching cannot find (country key -> alpha-3).
ISO_BY_HAND = {
    "china-hong-kong-sar": "HKG",
    "china-macao-sar": "MAC",
    "democratic-republic-of-the-congo": "COD",
    "holy-see": "VAT",
    "netherlands-kingdom-of-the": "NLD",
    "palestine": "PSE",
    "republic-of-korea": "KOR",
    "saint-helena": "SHN",
    "svalbard-and-jan-mayen-islands": "SJM",
    "taiwan-chinese-taipei": "TWN",
    "united-states-virgin-islands": "VIR",
    "wallis-and-futuna-islands": "WLF",
}
# Entries of country-regions.csv without an ISO 3166-1 alpha-3 code of their own.
ISO_NONE = {
    "madeira-islands": "autonomous region of Portugal (ISO 3166-2 PT-30), no alpha-3 code of its own",
    "sark": "part of the Bailiwick of Guernsey, no ISO 3166-1 alpha-3 code",
}
ISO_SOURCE = "ISO 3166-1 alpha-3 (pycountry), matched to EX-ACT country names"

# ---------------------------------------------------------------------------------------------
# Manifest descriptions
# ---------------------------------------------------------------------------------------------

DESCRIPTIONS = {
    "livestock-manure-defaults": "factor-data/livestock-manure-defaults.csv (EX-ACT v9.4 reference data, read from the "
                                 "workbook and checked against the web app; livestock-manure-defaults.md) with reliability "
                                 "V-EX added. A 0 is a value EX-ACT applies; a key the table lacks is refused.",
    "livestock-manure-ipcc-values": "Built from livestock-manure-defaults.md §5-§6. Each row names the divergence "
                                    "(method.md §15) it opens; exact-v9.4 keeps EX-ACT's value.",
    "constants": "Scalar constants of the method (factors.md §1 and others). Keys: parameter.",
    "country-regions": "Lookup (no numeric value): country key -> EX-ACT region (region), IPCC livestock region "
                       "and GLEAM region; these are extra text columns after source.",
    "iso-countries": "Lookup (no numeric value): ISO 3166-1 alpha-3 code -> country key of country-regions.csv "
                     "(column `country`, placed before unit). country_name is the ISO short name.",
    "n2o-factors-extra": "N2O parameters absent from n2o-emission-factors.csv (aggregated EF1 and EF1FR, EF3PRP, "
                         "Frac_GASF, Frac_GASM, Frac_LEACH, and the IPCC 2006 EF4/EF5). Keys: parameter, n_source "
                         "(`all` where not source-specific), factor_set (`ipcc-2019` or `ipcc-2006`), moisture_regime "
                         "(`dry`, `moist`, `wet`, or `all` where the value does not depend on climate moisture).",
    "organic-soil-drainage": "factor-data table with the workbook's nutrient-status reading for on-site CO2 of "
                             "boreal forest/plantation and temperate grassland (method.md O18; cells tagged M).",
    "soc-reference": "IPCC 2019 SOCref as used by EX-ACT; uncertainty_percent = 95 % CI as % of the mean and "
                     "sample_size = number of studies, both from HESTIA (IPCC 2019).",
    "soc-reference-2006": "IPCC 2006 SOCref (factor set ipcc-2006). NA cells are absent; no ± available.",
    "soil-stock-change-factors": "IPCC 2019 set as used by EX-ACT (method exact-v9.4, and ipcc where not "
                                 "overridden by soil-stock-change-factors-ipcc-method). uncertainty_percent = "
                                 "2 SD as % of the mean (HESTIA, IPCC 2019).",
    "soil-stock-change-factors-2006": "IPCC 2006 Tables 5.5 and 6.2 (factor set ipcc-2006), same keys as "
                                      "soil-stock-change-factors; cropland and grassland rows only (other "
                                      "land uses: use the main table). No high-intensity-grazing in 2006; "
                                      "moderately-degraded is 2006 only.",
    "n2o-emission-factors-ipcc-method": "Overlay for method `ipcc` (divergence D12, open question O10): each row "
                                        "replaces the row with the same key in n2o-emission-factors.csv, giving "
                                        "moist climates IPCC 2019's wet EF1 and EF4 where EX-ACT averages wet and "
                                        "dry; method exact-v9.4 ignores it.",
    "n2o-factors-extra-ipcc-method": "Overlay for method `ipcc` (divergence D12, open question O10): each row "
                                     "replaces the row with the same key in n2o-factors-extra.csv (EF3PRP of "
                                     "moist climates); method exact-v9.4 ignores it.",
    "soil-stock-change-factors-ipcc-method": "Overlay for method `ipcc` (divergence D4, open question O1): "
                                             "each row replaces the row with the same key in "
                                             "soil-stock-change-factors.csv; method exact-v9.4 ignores it.",
    "input-kinds": "Lookup (no numeric value): what each input-row kind of the project file is (project-format.md) "
                   "and which rows of the factor tables it takes: amount unit, N class (synthetic / organic / none), "
                   "EF1 parameter and N source of n2o-emission-factors, whether N counts as irrigated for leaching, "
                   "application CO2 (input-emission-factors key), manufacture factor (input-emission-factors key), "
                   "fuel key per combustion use (energy-emission-factors), and the Tier 2 factor a kind needs. "
                   "`none` = the kind has no such term.",
    "uncertainty-classes": "EX-ACT's uncertainty classes (method.md §14.5) per module and component: * 10 %, ** 20 %, "
                           "*** 33 %, **** 50 %. Cells EX-ACT leaves empty or whose assignment is MISSING carry "
                           "reliability M and a note; permille applies them as provisional.",
    "uncertainty-classes-coastalWetlands": "Provisional classes: EX-ACT's are MISSING (coastal wetlands: mostly "
                                           "****); permille applies ****. Read only by projects with coastal rows.",
    "manure-management-factors": "Manure-management CH4 EF (IPCC 2019 Table 10.14, g CH4/kg VS): only the cells "
                                 "factors.md §13.4 gives with an unambiguous key. Every other system needs a Tier 2 "
                                 "override (manure-ch4-ef-<system>, manure-ef3-<system>, manure-frac-gas-<system>, "
                                 "manure-frac-leach-<system>).",
    "vocabulary": "Lookup (no numeric value): project-file key (field, key) -> CSV key (maps_to).",
    "wrb-soil-groups": "Lookup (no numeric value): WRB 2014 reference soil group (lower-case plural) -> IPCC soil "
                       "class (soil_class); histosols -> organic (organic-soils module, never SOCref).",
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


class Table:
    def __init__(self, name, title, keys, values, rows, lookups=(), extras=(), description="",
                 allowed_empty=None):
        self.name = name
        self.title = title
        self.keys = list(keys)
        self.values = list(values)
        self.lookups = list(lookups)
        self.rows = rows
        self.description = description
        # (key tuple, column) cells that were empty in factor-data/ and may stay empty
        self.allowed_empty = set(allowed_empty or ())
        extras = list(extras)
        if any(r.get("note") for r in rows) and "note" not in extras:
            extras.append("note")
        self.extras = extras

    @property
    def columns(self):
        return self.keys + self.values + self.lookups + REQUIRED_TEXT + self.extras

    def key_of(self, row):
        return tuple(row[k] for k in self.keys)


def dec(text: str) -> Decimal:
    if not DECIMAL_RE.match(text):
        fail(f"not a plain decimal: {text!r}")
    return Decimal(text)


def same_number(a: str, b: str) -> bool:
    return dec(a) == dec(b)


def add_note(row: dict, text: str) -> None:
    if not text:
        return
    notes = [n for n in row.get("note", "").split("; ") if n]
    if text not in notes:
        notes.append(text)
    row["note"] = "; ".join(notes)


def read_csv(path: Path):
    data = path.read_bytes()
    text = data.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = list(reader)
    header, body = rows[0], rows[1:]
    for i, r in enumerate(body, start=2):
        if len(r) != len(header):
            fail(f"{path.name}:{i}: {len(r)} fields, header has {len(header)}")
    return header, [dict(zip(header, r)) for r in body]


def csv_bytes(table: Table) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([row.get(c, "") for c in table.columns])
    return buf.getvalue().encode("utf-8")


def kebab(text: str) -> str:
    """Kebab-case as in factor-data (accents folded, non-alphanumerics collapsed to '-')."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


def load_source_tables(src: Path) -> dict:
    tables = {}
    found = sorted(p.stem for p in src.glob("*.csv"))
    if found != sorted(SOURCE_TABLES):
        fail(f"factor-data/ tables differ from the script's list: extra {sorted(set(found) - set(SOURCE_TABLES))}, "
             f"missing {sorted(set(SOURCE_TABLES) - set(found))}")
    for name, (keys, values, title) in SOURCE_TABLES.items():
        header, rows = read_csv(src / f"{name}.csv")
        for c in keys + values:
            if c not in header:
                fail(f"{name}.csv: column {c} missing")
        extras = [c for c in header if c not in keys + values + REQUIRED_TEXT]
        allowed_empty = set()
        for r in rows:
            r["reliability"] = "V-EX"
            for c in values:
                if r[c] == "":
                    allowed_empty.add((tuple(r[k] for k in keys), c))
            for c in REQUIRED_TEXT:
                r.setdefault(c, "")
        description = DESCRIPTIONS.get(name, f"factor-data/{name}.csv (EX-ACT v9.4 reference data) with "
                                             f"reliability V-EX added.")
        tables[name] = Table(name, title, keys, values, rows, extras=extras,
                             description=description, allowed_empty=allowed_empty)
    return tables


def adjust_country_regions(t: Table) -> None:
    for r in t.rows:
        r["unit"] = "-"
        r["source"] = COUNTRY_REGIONS_SOURCE
        if not r["ipcc_livestock_region"] or not r["gleam_region"]:
            add_note(r, "no livestock region in the source: livestock needs a user-given region")
    t.extras = [c for c in t.extras if c != "note"] + ["note"]


def adjust_soc_reference(t: Table) -> None:
    expected = {}
    for climate, cells in SOC_2019.items():
        zones = ["boreal-dry", "boreal-moist"] if climate == "boreal" else [climate]
        for z in zones:
            for soil, cell in cells.items():
                expected[(z, soil)] = cell
    seen = set()
    for r in t.rows:
        k = (r["climate_zone"], r["soil_class"])
        if k not in expected:
            fail(f"soc-reference: {k} not in factors.md §3.1")
        value, pct, n = expected[k]
        if not same_number(value, r["value"]):
            fail(f"soc-reference {k}: factors.md {value} vs factor-data {r['value']}")
        r["uncertainty_percent"] = pct
        r["sample_size"] = n or ""
        add_note(r, NOTE_HESTIA)
        seen.add(k)
    missing = set(expected) - seen
    if missing:
        fail(f"soc-reference: factors.md cells absent from factor-data: {sorted(missing)}")
    t.extras = [c for c in t.extras if c != "note"] + ["sample_size", "note"]


def soil_index(t: Table) -> dict:
    return {t.key_of(r): r for r in t.rows}


def adjust_soil_stock_change(t: Table) -> list:
    """Fill ± of cropland and grassland rows; returns the D4 cells seen."""
    idx = soil_index(t)
    filled = 0
    for used_in, land_use, practice, factor, cells in CROPLAND_2019:
        for col, cell in zip(COL_ORDER_2019, cells):
            for zone in COLS_2019[col]:
                row = idx.get((used_in, land_use, practice, factor, zone))
                if row is None:
                    fail(f"soil-stock-change-factors: no row {(used_in, land_use, practice, factor, zone)}")
                if cell[0] == "D4":
                    _, exact, hestia, hestia_pct = cell
                    if not same_number(exact, row["value"]):
                        fail(f"soil-stock-change-factors {row}: EX-ACT value {exact} expected")
                    origin = ("EX-ACT keeps the IPCC 2006 value" if "IPCC 2006" in row["source"]
                              else "EX-ACT value")
                    add_note(row, f"D4: {origin}, no ± from EX-ACT; HESTIA (IPCC 2019) gives {hestia} "
                                  f"±{hestia_pct} %, used by the ipcc method "
                                  f"(soil-stock-change-factors-ipcc-method.csv)")
                    continue
                value, pct = cell
                if not same_number(value, row["value"]):
                    fail(f"soil-stock-change-factors {t.key_of(row)}: factors.md {value} vs {row['value']}")
                if pct is not None:
                    row["uncertainty_percent"] = pct
                    add_note(row, NOTE_HESTIA)
                    if "IPCC 2006" in row["source"]:
                        add_note(row, "EX-ACT cites IPCC 2006; HESTIA's IPCC 2019 transcription has the same value")
                    filled += 1
    # grassland
    for r in t.rows:
        if r["land_use"] != "grassland":
            continue
        if r["climate_zone"] not in ZONES:
            fail(f"grassland row with unexpected zone {r}")
        gclass = next(c for c, zs in GRASS_CLASSES.items() if r["climate_zone"] in zs)
        practice = r["practice"]
        if practice == "any":
            value, pct = ("1.00", None)
        else:
            if practice not in GRASS_PRACTICES_2019:
                fail(f"grassland practice {practice} not in factors.md §5")
            value, pct = grass_2019(practice, r["factor"], gclass)
        if not same_number(value, r["value"]):
            fail(f"soil-stock-change-factors {t.key_of(r)}: factors.md §5 {value} vs {r['value']}")
        if pct is not None:
            r["uncertainty_percent"] = pct
            add_note(r, NOTE_HESTIA)
            filled += 1
    # rows the ipcc method replaces
    for lu, practice, factor, zone, value, pct in IPCC_METHOD_CELLS:
        used_in = ipcc_used_in(idx, lu, practice, factor, zone)
        row = idx[(used_in, lu, practice, factor, zone)]
        if lu in PERENNIAL_SYSTEMS:
            add_note(row, f"D4: EX-ACT applies its perennial/tree-crop F_LU; the ipcc method uses {value} "
                          f"(soil-stock-change-factors-ipcc-method.csv)")
    return filled


def ipcc_used_in(idx: dict, lu: str, practice: str, factor: str, zone: str) -> str:
    hits = [k[0] for k in idx if k[1:] == (lu, practice, factor, zone)]
    if len(hits) != 1:
        fail(f"soil-stock-change-factors: expected one used_in for {(lu, practice, factor, zone)}, found {hits}")
    return hits[0]


def build_ipcc_method(main: Table) -> Table:
    idx = soil_index(main)
    rows = []
    for lu, practice, factor, zone, value, pct in IPCC_METHOD_CELLS:
        used_in = ipcc_used_in(idx, lu, practice, factor, zone)
        main_row = idx[(used_in, lu, practice, factor, zone)]
        old = main_row["value"]
        origin = "IPCC 2006 value" if "IPCC 2006" in main_row["source"] else "EX-ACT value"
        if lu in PERENNIAL_SYSTEMS:
            note = (f"D4/O1: HESTIA's IPCC 2019 perennial/tree-crop F_LU, replacing EX-ACT's {old} ({origin}) "
                    f"for this system in the ipcc method")
        else:
            note = f"D4/O1: replaces EX-ACT's {old} ({origin}) in the ipcc method"
        rows.append({"used_in": used_in, "land_use": lu, "practice": practice, "factor": factor,
                     "climate_zone": zone, "value": value, "unit": "dimensionless",
                     "uncertainty_percent": pct, "reliability": "V-HE", "source": IPCC_METHOD_SOURCE,
                     "note": note + "; " + NOTE_HESTIA})
    return Table("soil-stock-change-factors-ipcc-method",
                 "Stock change factors that the default ipcc method uses instead of EX-ACT's IPCC 2006 values "
                 "(divergence D4)",
                 main.keys, ["value"], rows, description=DESCRIPTIONS["soil-stock-change-factors-ipcc-method"])


def build_stock_change_2006(main: Table) -> Table:
    rows = []
    for used_in, land_use, practice, factor, cells in CROPLAND_2006:
        by_zone = {}
        for col, cell in zip(COL_ORDER_2006, cells):
            for zone in COLS_2006[col]:
                by_zone[zone] = cell
        for zone in ZONES:
            value, pct, tag, note = by_zone[zone]
            rows.append({"used_in": used_in, "land_use": land_use, "practice": practice, "factor": factor,
                         "climate_zone": zone, "value": value, "unit": "dimensionless",
                         "uncertainty_percent": pct or "", "reliability": tag, "source": CROPLAND_2006_SOURCE,
                         "note": note or ""})
    # grassland: the 2019 file's grassland rows with 2006 values, minus high-intensity-grazing, plus
    # moderately-degraded
    main_grass = [r for r in main.rows if r["land_use"] == "grassland"]
    practices = []
    for r in main_grass:
        if r["practice"] not in practices:
            practices.append(r["practice"])
    grass_keys = [(r["used_in"], r["practice"], r["factor"], r["climate_zone"]) for r in main_grass
                  if r["practice"] != "high-intensity-grazing"]
    # insert moderately-degraded after non-degraded, mirroring the factor blocks of the main file
    out_keys = []
    for key in grass_keys:
        out_keys.append(key)
    for factor in ["f-i", "f-lu", "f-mg"]:
        anchor = [i for i, k in enumerate(out_keys) if k[1] == "non-degraded" and k[2] == factor]
        if not anchor:
            fail(f"grassland non-degraded {factor} rows not found")
        pos = anchor[-1] + 1
        for zone in reversed(ZONES):
            out_keys.insert(pos, ("management", "moderately-degraded", factor, zone))
    for used_in, practice, factor, zone in out_keys:
        gclass = next(c for c, zs in GRASS_CLASSES.items() if zone in zs)
        value = "1.00" if practice == "any" else grass_2006(practice, factor, gclass)
        note = "2006 errors not available"
        if practice == "moderately-degraded":
            note = "IPCC 2006 only (2019 has high-intensity-grazing instead); " + note
        rows.append({"used_in": used_in, "land_use": "grassland", "practice": practice, "factor": factor,
                     "climate_zone": zone, "value": value, "unit": "dimensionless",
                     "uncertainty_percent": "", "reliability": "C", "source": GRASSLAND_2006_SOURCE,
                     "note": note})
    return Table("soil-stock-change-factors-2006",
                 "Mineral-soil stock change factors of IPCC 2006 (cropland Table 5.5, grassland Table 6.2)",
                 main.keys, ["value"], rows, description=DESCRIPTIONS["soil-stock-change-factors-2006"])


def adjust_organic_drainage(t: Table) -> list:
    changed = []
    for r in t.rows:
        if r["pathway"] == "on-site" and r["gas"] == "co2":
            for (lu, prefix), cells in DRAINAGE_SWAPS.items():
                if r["land_use"] == lu and r["climate_zone"].startswith(prefix):
                    new, old = cells[r["nutrient_status"]]
                    if not same_number(old, r["value"]):
                        fail(f"organic-soil-drainage {t.key_of(r)}: expected factor-data value {old}, "
                             f"found {r['value']}")
                    r["value"] = new
                    r["reliability"] = "M"
                    add_note(r, NOTE_O18.format(old=old))
                    changed.append((t.key_of(r), old, new))
        if r["land_use"] in ("settlement", "other-land", "other-land-use"):
            add_note(r, NOTE_DRAINAGE_PLACEHOLDER)
    if len(changed) != 16:
        fail(f"organic-soil-drainage: expected 16 swapped cells, changed {len(changed)}")
    return changed


# Two constants of FAO's coastal-wetland engine that factor-data/coastal-wetlands.csv lacks
# (coastal-wetlands.md §3, parameters CF_m and P, and §6 "in the CSV?": no), appended as rows of
# that table with vegetation, climate_zone and soil_type `all`.
COASTAL_CONSTANTS = [
    ("carbon-fraction-drainage-excavation", "0.451", "t C/t dm",
     "2013 Wetlands Supplement Table 4.2 (EX-ACT v9.4 engine constant)"),
    ("revegetation-years", "20", "yr",
     "EX-ACT v9.4 engine constant (coastal_wetlands.py): a revegetated hectare regains its full stock "
     "linearly in this many years"),
]


def adjust_coastal_wetlands(t: Table) -> None:
    for parameter, value, unit, source in COASTAL_CONSTANTS:
        row = {"vegetation": "all", "climate_zone": "all", "parameter": parameter, "soil_type": "all",
               "value": value, "unit": unit, "uncertainty_percent": "", "reliability": "V-EX", "source": source}
        if any(t.key_of(r) == t.key_of(row) for r in t.rows):
            fail(f"coastal-wetlands: {parameter} is already in factor-data; drop it from COASTAL_CONSTANTS")
        t.rows.append(row)


def adjust_misc(tables: dict) -> None:
    for r in tables["grassland-biomass-and-soc"].rows:
        if r["parameter"] == "soc-stock-default":
            add_note(r, "EX-ACT pre-computed example (46 x F_MG x F_I with tropical factors, not a SOCref); permille computes "
                        "SOCref x F_MG x F_I and does not use it as a default (factors.md §5)")
        if r["parameter"] in ("bgb-stock", "bgb-stock-carbon"):
            add_note(r, "despite the name, the total (above- plus below-ground) biomass of IPCC 2006 "
                        "Table 6.4 (factors.md §8.4)")
    for r in tables["input-emission-factors"].rows:
        if r["parameter"] == "manufacture-transport-co2e":
            add_note(r, "value [V-EX]; attribution to Lal (2004) is [M] (factors.md §10)")
    for r in tables["livestock-parameters"].rows:
        if (r["animal"] in ("dairy-buffalo", "other-buffalo") and r["ipcc_region"] in ("north-america", "oceania")
                and dec(r["value"]) == 0):
            add_note(r, "0 = no value for buffalo in this region (factors.md §13.1)")
    for r in tables["electricity-grid-factors"].rows:
        if dec(r["operating_margin"]) == 0 and dec(r["combined_margin"]) == 0:
            add_note(r, "both margins 0 in the source (factor-data README item 18)")
    t = tables["crop-yields"]
    for r in t.rows:
        empty = [c for c in t.values if r[c] == ""]
        if empty:
            add_note(r, "no yield in the source for " + ", ".join(c.replace("yield_", "") for c in empty))
    for t in tables.values():
        if any(r.get("note") for r in t.rows) and "note" not in t.extras:
            t.extras.append("note")


def build_soc_2006() -> Table:
    rows = []
    for zone in ZONES:
        climate = "boreal" if zone.startswith("boreal-") else zone
        cells = SOC_2006[climate]
        for soil in SOIL_CLASSES:
            if soil not in cells:
                continue
            cell = cells[soil]
            if isinstance(cell, tuple):
                value, tag, note = cell
                notes = [SOC_2006_NOTE_WET] + ([note] if note else [])
            else:
                value, tag, notes = cell, "C", [SOC_2006_NOTE_C]
            rows.append({"climate_zone": zone, "soil_class": soil, "value": value, "unit": "tC/ha (0-30 cm)",
                         "uncertainty_percent": "", "reliability": tag, "source": SOC_2006_SOURCE,
                         "note": "; ".join(notes)})
    return Table("soc-reference-2006", "Reference SOC stocks (SOCref, 0-30 cm) of IPCC 2006 Table 2.3 by "
                 "climate zone and soil class", ["climate_zone", "soil_class"], ["value"], rows,
                 description=DESCRIPTIONS["soc-reference-2006"])


def build_constants() -> Table:
    rows = [{"parameter": p, "value": v, "unit": u, "uncertainty_percent": "", "reliability": tag,
             "source": s, "note": n} for p, v, u, tag, s, n in CONSTANTS]
    return Table("constants", "Scalar constants of the method (carbon fraction, transition period, C:N ratios, "
                 "dynamics, urea, rice SFo exponent, ...)", ["parameter"], ["value"], rows,
                 description=DESCRIPTIONS["constants"])


# IPCC 2019 Table 11.1 counts temperate and boreal climates with MAP/PET > 1 and tropical climates with
# MAP > 1000 mm as wet: EX-ACT's moist zones. The ipcc method takes the wet values there (D12).
MOIST_ZONES = ["boreal-moist", "cool-temperate-moist", "warm-temperate-moist", "tropical-moist"]
WET_DEFINITION = ("applied to a moist zone because IPCC 2019 Table 11.1 counts as wet the temperate and boreal "
                  "climates with MAP/PET > 1 and the tropical climates with MAP > 1000 mm [M: the definition is a "
                  "recollection; check the table's footnote]")
# (n_source, wet EF1, 95 % range, what IPCC calls the input)
EF1_WET = [
    ("synthetic-n-fertilizers-other-than-urea", "0.016", "0.013-0.019", "synthetic fertiliser N"),
    ("urea", "0.016", "0.013-0.019", "synthetic fertiliser N"),
    ("compost", "0.006", "0.001-0.011", "other N inputs"),
    ("rendering-waste-brewery-waste-guano", "0.006", "0.001-0.011", "other N inputs"),
    ("sewage", "0.006", "0.001-0.011", "other N inputs"),
]


def half_range_percent(value: str, span: str) -> str:
    low, high = (Decimal(x) for x in span.split("-"))
    return str(round((high - low) / 2 / Decimal(value) * 100))


def build_n2o_ipcc_method() -> list[Table]:
    unit = "kg N2O-N/kg N"
    rows = []
    for source, value, span, what in EF1_WET:
        for zone in MOIST_ZONES:
            rows.append({"parameter": "ef1", "n_source": source, "climate_zone": zone, "moisture_regime": "all",
                         "value": value, "unit": unit, "uncertainty_percent": half_range_percent(value, span),
                         "reliability": "M", "source": f"IPCC 2019 Vol4 Table 11.1 (EF1 wet climates, {what})",
                         "note": f"D12: replaces EX-ACT's moist average in the ipcc method; value as EX-ACT "
                                 f"transcribes the wet climate (range {span}); {WET_DEFINITION}"})
    rows.append({"parameter": "ef1", "n_source": "mineralised-soil-n", "climate_zone": "all", "moisture_regime": "moist",
                 "value": "0.006", "unit": unit, "uncertainty_percent": half_range_percent("0.006", "0.001-0.011"),
                 "reliability": "M", "source": "IPCC 2019 Vol4 Table 11.1 (EF1 wet climates, other N inputs incl. F_SOM)",
                 "note": "D12: replaces EX-ACT's moist average 0.0055 in the ipcc method (range 0.001-0.011); "
                         + WET_DEFINITION})
    rows.append({"parameter": "ef4", "n_source": "volatilised-n", "climate_zone": "all", "moisture_regime": "moist",
                 "value": "0.014", "unit": "kg N2O-N/kg N volatilised",
                 "uncertainty_percent": half_range_percent("0.014", "0.011-0.017"), "reliability": "M",
                 "source": "IPCC 2019 Vol4 Table 11.3 (EF4 wet climates)",
                 "note": "D12: replaces EX-ACT's aggregated 0.010 for moist sites in the ipcc method (range "
                         "0.011-0.017); " + WET_DEFINITION})
    direct = Table("n2o-emission-factors-ipcc-method",
                   "EF1 and EF4 that the default ipcc method uses in moist climates instead of EX-ACT's averages "
                   "(divergence D12)",
                   ["parameter", "n_source", "climate_zone", "moisture_regime"], ["value"], rows,
                   description=DESCRIPTIONS["n2o-emission-factors-ipcc-method"])
    extra = Table("n2o-factors-extra-ipcc-method",
                  "EF3PRP that the default ipcc method uses in moist climates instead of EX-ACT's average "
                  "(divergence D12)",
                  ["parameter", "n_source", "factor_set", "moisture_regime"], ["value"],
                  [{"parameter": "ef3prp", "n_source": "cattle-poultry-pigs", "factor_set": "ipcc-2019",
                    "moisture_regime": "moist", "value": "0.006", "unit": "kg N2O-N/kg N deposited",
                    "uncertainty_percent": "", "reliability": "M",
                    "source": "IPCC 2019 Vol4 Table 11.1 (EF3PRP,CPP wet climates)",
                    "note": "D12: replaces EX-ACT's moist average 0.004 in the ipcc method; value as EX-ACT "
                            "transcribes the wet climate; " + WET_DEFINITION}],
                  description=DESCRIPTIONS["n2o-factors-extra-ipcc-method"])
    return [direct, extra]


def build_n2o_extra() -> Table:
    rows = [{"parameter": p, "n_source": s, "factor_set": fs, "moisture_regime": m, "value": v, "unit": u,
             "uncertainty_percent": "", "reliability": tag, "source": src, "note": n}
            for p, s, fs, m, v, u, tag, src, n in N2O_EXTRA]
    return Table("n2o-factors-extra", "N2O parameters not in n2o-emission-factors.csv: aggregated EF1/EF1FR, "
                 "EF3PRP, Frac_GASF, Frac_GASM, Frac_LEACH, IPCC 2006 EF4/EF5",
                 ["parameter", "n_source", "factor_set", "moisture_regime"], ["value"], rows,
                 description=DESCRIPTIONS["n2o-factors-extra"])


INPUT_KINDS_SOURCE = "project-format.md input-row kinds; method.md §10-11 (permille mapping)"
# kind, amount unit, n class, ef1 parameter, ef1 n_source, irrigated, application, manufacture,
# fuel stationary, fuel mobile, fuel off-road, tier-2 factor needed
INPUT_KINDS = [
    ("synthetic-n", "t N/yr", "synthetic", "ef1", "synthetic-n-fertilizers-other-than-urea", "no", "none",
     "synthetic-n-fertilizers-other-than-urea", "none", "none", "none", "none"),
    ("urea", "t urea/yr", "synthetic", "ef1", "urea", "no", "urea", "urea", "none", "none", "none", "none"),
    ("synthetic-n-rice-continuously-flooded", "t N/yr", "synthetic", "ef1fr",
     "n-fertilizers-in-continuously-irrigated-rice", "yes", "none", "n-fertilizers-in-continuously-irrigated-rice",
     "none", "none", "none", "none"),
    ("synthetic-n-rice-intermittently-flooded", "t N/yr", "synthetic", "ef1fr",
     "n-fertilizers-in-wet-and-dry-irrigated-rice", "yes", "none", "n-fertilizers-in-wet-and-dry-irrigated-rice",
     "none", "none", "none", "none"),
    ("manure-n", "t N/yr", "organic", "ef1", "compost", "no", "none", "none", "none", "none", "none", "none"),
    ("compost-n", "t N/yr", "organic", "ef1", "compost", "no", "none", "none", "none", "none", "none", "none"),
    ("limestone", "t/yr", "none", "none", "none", "no", "limestone", "limestone", "none", "none", "none", "none"),
    ("dolomite", "t/yr", "none", "none", "none", "no", "dolomite", "dolomite", "none", "none", "none", "none"),
    ("lime", "t/yr", "none", "none", "none", "no", "not-specified", "not-specified", "none", "none", "none", "none"),
    ("phosphorus", "t P2O5/yr", "none", "none", "none", "no", "none", "phosphorous", "none", "none", "none", "none"),
    ("potassium", "t K2O/yr", "none", "none", "none", "no", "none", "potassium", "none", "none", "none", "none"),
    ("herbicides", "t active ingredient/yr", "none", "none", "none", "no", "none", "herbicides", "none", "none",
     "none", "none"),
    ("insecticides", "t active ingredient/yr", "none", "none", "none", "no", "none", "insecticides", "none", "none",
     "none", "none"),
    ("fungicides", "t active ingredient/yr", "none", "none", "none", "no", "none", "fungicides", "none", "none",
     "none", "none"),
    ("diesel", "m3/yr", "none", "none", "none", "no", "none", "none", "gasoil-diesel-oil", "gasoil-diesel-oil",
     "diesel", "none"),
    ("gasoline", "m3/yr", "none", "none", "none", "no", "none", "none", "motor-gasoline", "motor-gasoline",
     "gasoline-4-stroke", "none"),
    ("lpg", "m3/yr", "none", "none", "none", "no", "none", "none", "lpg", "lpg", "none", "none"),
    ("wood", "t/yr", "none", "none", "none", "no", "none", "none", "wood", "none", "none", "none"),
    ("charcoal", "t/yr", "none", "none", "none", "no", "none", "none", "charcoal", "none", "none", "none"),
    ("electricity", "MWh/yr", "none", "none", "none", "no", "none", "none", "none", "none", "none",
     "electricity-grid-factor"),
]


def build_input_kinds() -> Table:
    cols = ["amount_unit", "n_class", "ef1_parameter", "ef1_n_source", "irrigated", "application", "manufacture",
            "fuel_stationary", "fuel_mobile", "fuel_off_road", "tier2_factor", "biogenic"]
    rows = []
    for kind, *rest in INPUT_KINDS:
        row = {"kind": kind, "unit": "-", "uncertainty_percent": "", "reliability": "V-EX",
               "source": INPUT_KINDS_SOURCE}
        row.update(dict(zip(cols, rest + ["yes" if kind in ("wood", "charcoal") else "no"])))
        if kind == "electricity":
            row["note"] = ("grid factors are in electricity-grid-factors.csv but which margin EX-ACT applies is "
                           "MISSING (O13): a Tier 2 electricity-grid-factor is required")
        if kind in ("wood", "charcoal"):
            row["note"] = "CO2 biogenic, memo item; CH4 and N2O counted (method.md §11, O16)"
        rows.append(row)
    return Table("input-kinds", "Input-row kinds: unit and the factor-table rows each kind takes", ["kind"], [],
                 rows, lookups=cols, description=DESCRIPTIONS["input-kinds"])


UNCERTAINTY_SOURCE = "EX-ACT v9.4 uncertainty classes (method.md §14.5)"
CLASS_PERCENT = {"*": "10", "**": "20", "***": "33", "****": "50"}
UNCERTAINTY = {
    # module: {component: class}; None = EX-ACT has no cell (provisional ****)
    "landUseChange": {"biomass": "***", "soil": "****", "n2o": "**", "ch4": "**", "other": None},
    "forestManagement": {"biomass": "***", "soil": "****", "n2o": "**", "ch4": "**", "other": None},
    "annualCrops": {"biomass": "**", "soil": "****", "n2o": "**", "ch4": "**", "other": None},
    "rice": {"biomass": "**", "soil": "****", "n2o": "**", "ch4": "**", "other": None},
    "grassland": {"biomass": "**", "soil": "****", "n2o": "**", "ch4": "**", "other": None},
    "perennialCrops": {"biomass": "***", "soil": "****", "n2o": None, "ch4": None, "other": None},
    "livestock": {"biomass": None, "soil": None, "n2o": "***", "ch4": "***", "other": None},
    "inputs": {"biomass": "***", "soil": "***", "n2o": "***", "ch4": "***", "other": "***"},
    "organicSoils": {"biomass": None, "soil": None, "n2o": None, "ch4": None, "other": None},
}


def build_uncertainty_classes() -> Table:
    rows = []
    for module, cells in UNCERTAINTY.items():
        for component, cls in cells.items():
            row = {"module": module, "component": component, "unit": "percent of the cell's flux",
                   "uncertainty_percent": "", "source": UNCERTAINTY_SOURCE}
            if cls is None:
                row.update({"percent": "50", "class": "****", "reliability": "M"})
                row["note"] = ("provisional: EX-ACT's class for this cell is MISSING (organic soils: mostly **** "
                               "per method.md §14.5); permille applies ****")
            else:
                row.update({"percent": CLASS_PERCENT[cls], "class": cls, "reliability": "V-EX"})
                if module == "inputs":
                    row["note"] = "inputs, energy, irrigation and infrastructure: *** for every component"
            rows.append(row)
    return Table("uncertainty-classes", "EX-ACT uncertainty classes per module and component", ["module", "component"],
                 ["percent"], rows, extras=["class"], description=DESCRIPTIONS["uncertainty-classes"])


# coastal-wetlands.md §5 (and method.md §14.5): EX-ACT's classes of the coastal-wetland cells are MISSING
# (mostly ****). A table of its own, not rows of uncertainty-classes.csv, so that the results of projects
# without coastal rows keep their factor-table digests.
COASTAL_UNCERTAINTY_COMPONENTS = ["biomass", "soil", "n2o", "ch4", "other"]


def build_uncertainty_classes_coastal() -> Table:
    rows = []
    for component in COASTAL_UNCERTAINTY_COMPONENTS:
        rows.append({"module": "coastalWetlands", "component": component, "percent": "50",
                     "unit": "percent of the cell's flux", "uncertainty_percent": "", "reliability": "M",
                     "source": UNCERTAINTY_SOURCE, "class": "****",
                     "note": ("provisional: EX-ACT's class for this cell is MISSING (coastal wetlands: mostly **** "
                              "per coastal-wetlands.md §5); permille applies ****")})
    return Table("uncertainty-classes-coastalWetlands",
                 "EX-ACT's uncertainty classes of the coastalWetlands module (a table of its own so results of "
                 "projects without coastal rows keep their digests)",
                 ["module", "component"], ["percent"], rows, extras=["class"],
                 description=DESCRIPTIONS["uncertainty-classes-coastalWetlands"])


def build_manure_factors() -> Table:
    rows = [{"parameter": "ch4-ef", "animal": "all", "manure_system": "pasture-range-paddock", "value": "0.6",
             "unit": "g CH4/kg VS", "uncertainty_percent": "", "reliability": "C-weak",
             "source": "IPCC 2019 Vol4 Table 10.14 (one cell, via a single secondary source; factors.md §13.4)",
             "note": "the only manure CH4 EF with an unambiguous key; other systems need manure-ch4-ef-<system>"}]
    return Table("manure-management-factors", "Manure-management factors available by default (IPCC 2019 Table 10.14)",
                 ["parameter", "animal", "manure_system"], ["value"], rows,
                 description=DESCRIPTIONS["manure-management-factors"])


def adjust_manure_defaults(t: Table) -> None:
    """MCF and B0 are MISSING (EX-ACT does not use them) and the per-head CH4 rows are superseded data
    of unstated unit: kept for the record, never used (reliability M)."""
    for r in t.rows:
        if r["value"] == "MISSING":
            r["value"] = ""
            r["reliability"] = "M"
            t.allowed_empty.add((t.key_of(r), "value"))
            add_note(r, "value MISSING (empty cell): not used by permille")
        if r["parameter"] == "manure-ch4-ef-per-head":
            r["reliability"] = "M"
            add_note(r, "not used by permille: superseded, unit not stated")


def build_manure_ipcc_values() -> Table:
    """Values the ipcc method uses where livestock-manure-defaults.md §6 flags EX-ACT's cell."""
    keys = ["parameter", "species", "productivity", "manure_system", "climate_zone", "region"]
    rows = []
    for zone in ["tropical-dry", "tropical-moist", "tropical-wet", "tropical-montane"]:
        rows.append({"parameter": "manure-ch4-ef", "species": "camels", "productivity": "high-productivity",
                     "manure_system": "dry-lot", "climate_zone": zone, "region": "all", "value": "3.4",
                     "unit": "g CH4/kg VS", "uncertainty_percent": "", "reliability": "C-weak",
                     "source": "derived: Camels HP cool-temperate dry-lot 1.7 x 2, the tropical/cool ratio of the dry-lot "
                               "column in every other EX-ACT v9.4 block (IPCC 2019 Vol4 Table 10.14 pattern: one MCF "
                               "column times an animal constant)",
                     "divergence": "D20",
                     "note": "EX-ACT v9.4 has 0 here (livestock-manure-defaults.md §6 item 4, probable transcription "
                             "gap); not re-checked against the IPCC PDF"})
    poultry = [("lagoon", "0.4"), ("liquid-slurry", "0.4"), ("solid-storage", "0.325"), ("dry-lot", "0"),
               ("daily-spread", "0.07"), ("digester", "0.275"), ("burned-for-fuel", "0"), ("pit-lt-1month", "0.28"),
               ("pit-gt-1month", "0.28"), ("poultry-manure", "0.44")]
    for species in ["chicken-broiler", "chicken-layer"]:
        for system, value in poultry:
            rows.append({"parameter": "manure-frac-gas", "species": species, "productivity": "all",
                         "manure_system": system, "climate_zone": "all", "region": "all", "value": value,
                         "unit": "kg N/kg N", "uncertainty_percent": "", "reliability": "C-weak",
                         "source": "EX-ACT v9.4 workbook sheet IPCC rows 3097-3178, block 'Poultry' (IPCC 2019 Vol4 "
                                   "Table 10.22 as EX-ACT transcribes it)",
                         "divergence": "D21",
                         "note": "EX-ACT maps chickens to its 'Other animal' block and leaves this Poultry block unused "
                                 "(livestock-manure-defaults.md §6 item 6); not re-checked against the IPCC PDF"})
    return Table("livestock-manure-ipcc-values",
                 "Manure-management factors the ipcc method uses instead of the EX-ACT v9.4 cells "
                 "livestock-manure-defaults.md flags (camels HP dry lot in tropical zones, chickens' volatilisation)",
                 keys, ["value"], rows, extras=["divergence", "note"],
                 description=DESCRIPTIONS["livestock-manure-ipcc-values"])


def build_wrb() -> Table:
    rows = []
    groups = sorted((g.lower(), cls) for cls, gs in WRB.items() for g in gs)
    if len(groups) != 32 or len({g for g, _ in groups}) != 32:
        fail(f"WRB: expected 32 distinct reference soil groups, got {len(groups)}")
    for g, cls in groups:
        rows.append({"wrb_group": g, "soil_class": cls, "unit": "-", "uncertainty_percent": "",
                     "reliability": "V-EX", "source": WRB_SOURCE})
    return Table("wrb-soil-groups", "WRB 2014 reference soil groups mapped to IPCC soil classes",
                 ["wrb_group"], [], rows, lookups=["soil_class"], description=DESCRIPTIONS["wrb-soil-groups"])


def build_vocabulary(tables: dict) -> Table:
    rows = [{"field": f, "key": k, "maps_to": m, "unit": "-", "uncertainty_percent": "", "reliability": "V-EX",
             "source": VOCAB_SOURCE, "note": n} for f, k, m, n in VOCABULARY]
    t = Table("vocabulary", "Project-file keys mapped to factor-table keys", ["field", "key"], [], rows,
              lookups=["maps_to"], extras=["note"], description=DESCRIPTIONS["vocabulary"])
    # cross-check that every target exists in its table
    def col(table, column):
        return {r[column] for r in tables[table].rows}
    targets = {
        "tillage": col("soil-stock-change-factors", "practice"),
        "input": col("soil-stock-change-factors", "practice"),
        "grassland-condition": col("soil-stock-change-factors", "practice")
        | col("soil-stock-change-factors-2006", "practice"),
        "grassland-improved-input": col("soil-stock-change-factors", "practice"),
        "rice-water": col("rice-scaling-factors", "practice"),
        "rice-preseason": col("rice-scaling-factors", "practice"),
        "rice-straw": col("rice-scaling-factors", "practice"),
        "rice-amendment": col("rice-scaling-factors", "practice"),
        "input-kind": col("n2o-emission-factors", "n_source") | col("input-emission-factors", "input")
        | col("energy-emission-factors", "fuel"),
        "gwp": col("gwp", "gwp_set"),
        "n-source": col("n2o-emission-factors", "n_source"),
        "ef3prp-group": col("n2o-factors-extra", "n_source"),
    }
    for r in rows:
        if r["maps_to"] not in targets[r["field"]]:
            fail(f"vocabulary: {r['field']}/{r['key']} -> {r['maps_to']} not found in its table")
    return t


def build_iso(tables: dict) -> tuple:
    try:
        import pycountry  # noqa: F401  (generation-time dependency only)
    except ImportError:
        fail("pycountry is needed to build iso-countries.csv: pip install pycountry")
    import pycountry

    by_name = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                by_name.setdefault(kebab(v), set()).add(c.alpha_3)
    rows = []
    leftovers = []
    used = {}
    for r in tables["country-regions"].rows:
        key = r["country"]
        cands = set()
        for candidate in (kebab(r["country_name"]), key):
            cands |= by_name.get(candidate, set())
        if len(cands) == 1 and key not in ISO_BY_HAND and key not in ISO_NONE:
            code = cands.pop()
        else:
            if key in ISO_BY_HAND:
                code = ISO_BY_HAND[key]
                leftovers.append((key, r["country_name"], code, pycountry.countries.get(alpha_3=code).name))
            elif key in ISO_NONE:
                leftovers.append((key, r["country_name"], None, ISO_NONE[key]))
                continue
            else:
                fail(f"iso-countries: no unique ISO match for {key} ({r['country_name']}): {sorted(cands)}")
        c = pycountry.countries.get(alpha_3=code)
        if c is None:
            fail(f"iso-countries: {code} is not an ISO 3166-1 alpha-3 code")
        if code in used:
            fail(f"iso-countries: {code} matched twice ({used[code]}, {key})")
        used[code] = key
        rows.append({"iso3": code, "country": key, "unit": "-", "uncertainty_percent": "", "reliability": "C",
                     "source": ISO_SOURCE, "country_name": c.name})
    for key in list(ISO_BY_HAND) + list(ISO_NONE):
        if key not in {r["country"] for r in tables["country-regions"].rows}:
            fail(f"iso-countries: hand entry {key} is not a country of country-regions.csv")
    rows.sort(key=lambda r: r["iso3"])
    unmatched = sorted(c.alpha_3 + " " + c.name for c in pycountry.countries if c.alpha_3 not in used)
    t = Table("iso-countries", "ISO 3166-1 alpha-3 codes mapped to the country keys of country-regions.csv",
              ["iso3"], [], rows, lookups=["country"], extras=["country_name"],
              description=DESCRIPTIONS["iso-countries"])
    return t, leftovers, unmatched, getattr(pycountry, "__version__", "?")


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def validate(tables: dict, manifest: dict) -> list:
    """Re-read every written file and check it; returns the empty value cells kept from factor-data."""
    problems = []
    kept_empty = []
    entries = {e["name"]: e for e in manifest["tables"]}
    on_disk = sorted(p.stem for p in FACTORS_DIR.glob("*.csv"))
    if on_disk != sorted(tables):
        problems.append(f"factors/ holds {on_disk}, expected {sorted(tables)}")
    for name, t in sorted(tables.items()):
        path = OUT_DIR / entries[name]["file"]
        data = path.read_bytes()
        where = shown(path)
        if b"\r" in data:
            problems.append(f"{where}: CR found (LF line endings required)")
        if not data.endswith(b"\n"):
            problems.append(f"{where}: no final LF")
        if data.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{where}: BOM")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"{where}: not UTF-8 ({e})")
            continue
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header, body = rows[0], rows[1:]
        e = entries[name]
        n_k, n_v = len(e["keys"]), len(e["values"])
        if header[:n_k] != e["keys"]:
            problems.append(f"{where}: header does not start with the keys {e['keys']}")
        if header[n_k:n_k + n_v] != e["values"]:
            problems.append(f"{where}: value columns {header[n_k:n_k + n_v]} != {e['values']}")
        try:
            u = header.index("unit")
        except ValueError:
            problems.append(f"{where}: no unit column")
            continue
        if header[u:u + 4] != REQUIRED_TEXT:
            problems.append(f"{where}: {header[u:u + 4]} after the values, expected {REQUIRED_TEXT}")
        if header[n_k + n_v:u] != t.lookups:
            problems.append(f"{where}: unexpected columns between values and unit: {header[n_k + n_v:u]}")
        if len(set(header)) != len(header):
            problems.append(f"{where}: duplicate column names")
        if header != t.columns:
            problems.append(f"{where}: header {header} != {t.columns}")
        if len(body) != e["rows"]:
            problems.append(f"{where}: {len(body)} rows, manifest says {e['rows']}")
        if hashlib.sha256(data).hexdigest() != e["sha256"]:
            problems.append(f"{where}: sha256 differs from the manifest")
        seen = set()
        ri = header.index("reliability")
        ui = header.index("uncertainty_percent")
        for line, r in enumerate(body, start=2):
            if len(r) != len(header):
                problems.append(f"{where}:{line}: {len(r)} fields, header has {len(header)}")
                continue
            key = tuple(r[:n_k])
            if any(k == "" for k in key):
                problems.append(f"{where}:{line}: empty key {key}")
            if key in seen:
                problems.append(f"{where}:{line}: duplicate key {key}")
            seen.add(key)
            for i in range(n_k, n_k + n_v):
                cell = r[i]
                if cell == "":
                    if (key, header[i]) in t.allowed_empty:
                        kept_empty.append((name, key, header[i]))
                    else:
                        problems.append(f"{where}:{line}: empty value {header[i]}")
                    continue
                if not DECIMAL_RE.match(cell):
                    problems.append(f"{where}:{line}: {header[i]} = {cell!r} is not a plain decimal")
                    continue
                try:
                    if not Decimal(cell).is_finite():
                        problems.append(f"{where}:{line}: {header[i]} not finite")
                except InvalidOperation:
                    problems.append(f"{where}:{line}: {header[i]} = {cell!r} does not parse")
            if r[ri] not in RELIABILITY:
                problems.append(f"{where}:{line}: reliability {r[ri]!r}")
            if r[ui] != "" and not DECIMAL_RE.match(r[ui]):
                problems.append(f"{where}:{line}: uncertainty_percent {r[ui]!r} is not a plain decimal")
            if r[header.index("unit")] == "":
                problems.append(f"{where}:{line}: empty unit")
            if r[header.index("source")] == "":
                problems.append(f"{where}:{line}: empty source")
        # the file says exactly what the script meant
        if [list(x) for x in body] != [[row.get(c, "") for c in t.columns] for row in t.rows]:
            problems.append(f"{where}: content read back differs from the generated rows")
    if problems:
        raise BuildError("validation failed:\n  " + "\n  ".join(problems))
    return kept_empty


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def manifest_entry(t: Table, data: bytes) -> dict:
    return {
        "name": t.name,
        "file": f"factors/{t.name}.csv",
        "title": t.title,
        "description": t.description,
        "keys": t.keys,
        "values": t.values,
        "rows": len(t.rows),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def write_manifest(entries: list) -> dict:
    manifest = {"format": MANIFEST_FORMAT, "tables": sorted(entries, key=lambda e: e["name"])}
    # The documents (catalogue, criteria, practice sheets) are not built here: carry them over.
    if MANIFEST.is_file():
        try:
            documents = json.loads(MANIFEST.read_text(encoding="utf-8")).get("documents")
        except (ValueError, AttributeError):
            documents = None
        if documents:
            manifest["documents"] = documents
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8",
                        newline="\n")
    return manifest


def build(src: Path, out: Path) -> list:
    """Write every table into out/factors/ and out/manifest.json; returns the report's lines."""
    set_output(out)
    tables = load_source_tables(src)
    adjust_country_regions(tables["country-regions"])
    adjust_soc_reference(tables["soc-reference"])
    filled = adjust_soil_stock_change(tables["soil-stock-change-factors"])
    swapped = adjust_organic_drainage(tables["organic-soil-drainage"])
    adjust_misc(tables)
    adjust_manure_defaults(tables["livestock-manure-defaults"])
    adjust_coastal_wetlands(tables["coastal-wetlands"])

    main_ssc = tables["soil-stock-change-factors"]
    for t in [build_constants(), build_soc_2006(), build_stock_change_2006(main_ssc), build_ipcc_method(main_ssc),
              build_n2o_extra(), build_wrb(), build_input_kinds(), build_uncertainty_classes(),
              build_uncertainty_classes_coastal(), build_manure_factors(), build_manure_ipcc_values()
              ] + build_n2o_ipcc_method():
        tables[t.name] = t
    tables["vocabulary"] = build_vocabulary(tables)
    iso, leftovers, unmatched_iso, pyc_version = build_iso(tables)
    tables[iso.name] = iso

    report = []
    FACTORS_DIR.mkdir(parents=True, exist_ok=True)
    for stale in FACTORS_DIR.glob("*.csv"):
        if stale.stem not in tables:
            stale.unlink()
            report.append(f"removed stale {shown(stale)}")
    entries = []
    for name in sorted(tables):
        data = csv_bytes(tables[name])
        (FACTORS_DIR / f"{name}.csv").write_bytes(data)
        entries.append(manifest_entry(tables[name], data))
    manifest = write_manifest(entries)
    kept_empty = validate(tables, manifest)

    report.append(f"wrote {len(tables)} tables to {shown(FACTORS_DIR)}/ and {shown(MANIFEST)}")
    for e in manifest["tables"]:
        report.append(f"  {e['name']:42} {e['rows']:5} rows  keys={','.join(e['keys'])}  "
                      f"values={','.join(e['values'])}")
    report.append(f"soil-stock-change-factors: uncertainty filled in {filled} rows (HESTIA, IPCC 2019)")
    report.append("organic-soil-drainage: workbook reading applied (O18), tagged M:")
    for key, old, new in swapped:
        report.append(f"  {','.join(key)}: {old} -> {new}")
    report.append(f"iso-countries (pycountry {pyc_version}): matched by hand or left without code:")
    for key, name, code, iso_name in leftovers:
        report.append(f"  {key} ({name}) -> {code or 'none'}: {iso_name}")
    report.append(f"  ISO codes with no EX-ACT country: {', '.join(unmatched_iso) or 'none'}")
    report.append("empty value cells kept from factor-data:")
    for name, key, col in kept_empty:
        report.append(f"  {name}: {','.join(key)} {col}")
    report.append("validation passed")
    return report


def pycountry_warning() -> str | None:
    try:
        from importlib.metadata import version
        found = version("pycountry")
    except Exception:  # not installed: build_iso says so
        return None
    if found != PYCOUNTRY_VERSION:
        return (f"warning: pycountry {found} installed; iso-countries.csv is made with {PYCOUNTRY_VERSION} "
                f"(pip install -r {shown(Path(__file__).resolve().parent / 'requirements.txt')})")
    return None


def files_under(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def check(src: Path, folder: Path) -> int:
    """Regenerate into a temporary copy of folder and compare every file byte for byte."""
    import difflib
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="permille-indicators-") as tmp:
        copy = Path(tmp) / "Indicators"
        shutil.copytree(folder, copy)
        build(src, copy)
        before, after = files_under(folder), files_under(copy)
        differ = []
        for rel in sorted(set(before) | set(after)):
            if rel not in after:
                differ.append(f"{rel}: not generated (the generator does not produce this file)")
            elif rel not in before:
                differ.append(f"{rel}: generated but absent from {shown(folder)}")
            elif before[rel].read_bytes() != after[rel].read_bytes():
                differ.append(f"{rel}: differs from the regenerated file")
                old = before[rel].read_text(encoding="utf-8").splitlines()
                new = after[rel].read_text(encoding="utf-8").splitlines()
                lines = list(difflib.unified_diff(old, new, f"shipped/{rel}", f"regenerated/{rel}", n=0,
                                                  lineterm=""))
                differ.extend("    " + line for line in lines[:40])
                if len(lines) > 40:
                    differ.append(f"    … {len(lines) - 40} more diff lines")
    n = len(files_under(folder))
    if differ:
        print(f"build-tables: {shown(folder)} does not match what {shown(src)} and this script generate:")
        for line in differ:
            print(f"  {line}")
        print("Change the generator (or factor-data/) and rerun it without --check; never edit a table by hand.")
        return 1
    print(f"build-tables: regenerating {shown(folder)} from {shown(src)} changes nothing ({n} files compared)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("indicators", nargs="?", default=str(DEFAULT_INDICATORS), metavar="INDICATORS",
                    help="the folder to write (factors/ and manifest.json); default: the repository's Indicators/")
    ap.add_argument("--sources", default=str(DEFAULT_SOURCES), metavar="DIR",
                    help="folder holding the factor-data CSVs; default: the repository's IndicatorsSource/factor-data/")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary copy and compare; write nothing; exit 1 on any difference")
    args = ap.parse_args()
    src = Path(args.sources)
    out = Path(args.indicators)
    if not src.is_dir():
        fail(f"{src} not found (--sources DIR)")
    if not out.is_dir() and (args.check or out.exists()):
        fail(f"{out} is not a folder")
    warning = pycountry_warning()
    if warning:
        print(warning, file=sys.stderr)
    if args.check:
        return check(src, out)
    for line in build(src, out):
        print(line)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BuildError as e:
        print(f"build-indicators: error: {e}", file=sys.stderr)
        sys.exit(1)
