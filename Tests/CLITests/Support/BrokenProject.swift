/// Project texts with known errors, for the commands' error paths.
enum BrokenProject {
    /// The grassland demo (row G1) with three independent errors:
    /// line 2 col 13 `"permille/2"` (format.version), line 3 col 53 `"spainn"` (country.unknown),
    /// line 9 col 56 `-5` (area.negative).
    static let threeErrors = """
        {
          "format": "permille/2",
          "project": { "name": "Grassland demo", "country": "spainn", "region": "europe",
                       "startYear": 2026, "implementationYears": 5, "capitalizationYears": 10,
                       "climate": "warm-temperate-dry", "soil": "high-activity-clay", "gwp": "AR5" },
          "modules": {
            "grassland": [
              { "id": "G1", "name": "Grazing pressure reduced",
                "area": {"start": 150, "without": 150, "with": -5},
                "start": {"condition": "high-intensity-grazing"},
                "without": {"condition": "non-degraded"},
                "with": {"condition": "non-degraded"} }
            ]
          }
        }
        """
}
