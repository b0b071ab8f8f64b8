/// The starter project `permille init` writes: a grassland and a cropland row, which need no
/// regional factor, every key explained (in XML comments; JSON has none, so names explain).
/// No indicator is filled in: a placeholder 0 households would read as "none reached" and turn
/// criterion 1.3 into "not met", where an absent value is "insufficient evidence".
public enum Starter {
    public static let json = """
        {
          "format": "permille/1",
          "project": {
            "name": "My project (replace this name)",
            "holder": "Who submits the project",
            "country": "ESP",
            "startYear": 2026,
            "implementationYears": 5,
            "capitalizationYears": 15,
            "climate": "warm-temperate-dry",
            "soil": "high-activity-clay",
            "gwp": "AR5",
            "method": "ipcc",
            "dynamics": "linear"
          },
          "modules": {
            "grassland": [
              { "id": "G1", "name": "Pasture managed better: hectares today, without and with the project",
                "area": {"start": 100, "without": 100, "with": 100},
                "start": {"condition": "high-intensity-grazing"},
                "without": {"condition": "high-intensity-grazing"},
                "with": {"condition": "improved", "input": "medium"} }
            ],
            "annualCrops": [
              { "id": "A1", "name": "Cropland moving to no-till with more residues",
                "area": {"start": 50, "without": 50, "with": 50},
                "start": {"crop": "wheat", "tillage": "full", "input": "medium"},
                "without": {"crop": "wheat", "tillage": "full", "input": "medium"},
                "with": {"crop": "wheat", "tillage": "no-till", "input": "high-without-manure"} }
            ]
          },
          "overrides": [],
          "indicators": {}
        }

        """

    public static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- A permille/1 project. Every key is the one of the JSON form; lists hold <item> elements. -->
        <permille>
          <format>permille/1</format>
          <project>
            <name>My project (replace this name)</name>
            <holder>Who submits the project</holder>
            <!-- ISO 3166-1 alpha-3 code or the country key of country-regions.csv -->
            <country>ESP</country>
            <startYear>2026</startYear>
            <!-- years over which practices change, then years they stay -->
            <implementationYears>5</implementationYears>
            <capitalizationYears>15</capitalizationYears>
            <!-- a zone key, or <meanAnnualTemperatureC>, <annualPrecipitationMm>, <potentialEvapotranspirationMm>, <elevationM> -->
            <climate>warm-temperate-dry</climate>
            <!-- an IPCC soil class, or <wrb>Cambisols</wrb> -->
            <soil>high-activity-clay</soil>
            <gwp>AR5</gwp>
            <!-- ipcc (IPCC-complete) or exact-v9.4 (EX-ACT's own figures) -->
            <method>ipcc</method>
            <dynamics>linear</dynamics>
          </project>
          <modules>
            <grassland type="array">
              <!-- one item per piece of land: its hectares and state today, without and with the project -->
              <item>
                <id>G1</id>
                <name>Pasture managed better</name>
                <area>
                  <start>100</start>
                  <without>100</without>
                  <with>100</with>
                </area>
                <start>
                  <condition>high-intensity-grazing</condition>
                </start>
                <without>
                  <condition>high-intensity-grazing</condition>
                </without>
                <with>
                  <condition>improved</condition>
                  <input>medium</input>
                </with>
              </item>
            </grassland>
            <annualCrops type="array">
              <item>
                <id>A1</id>
                <name>Cropland moving to no-till with more residues</name>
                <area>
                  <start>50</start>
                  <without>50</without>
                  <with>50</with>
                </area>
                <start>
                  <crop>wheat</crop>
                  <tillage>full</tillage>
                  <input>medium</input>
                </start>
                <without>
                  <crop>wheat</crop>
                  <tillage>full</tillage>
                  <input>medium</input>
                </without>
                <with>
                  <crop>wheat</crop>
                  <tillage>no-till</tillage>
                  <input>high-without-manure</input>
                </with>
              </item>
            </annualCrops>
          </modules>
          <!-- Tier 2 values, each with its source: <item><factor>soc-ref</factor><value>42</value><source>…</source></item> -->
          <overrides type="array"/>
          <!-- Reported indicators, each only once it is known: <indicators><households>420</households></indicators>.
               A value left out is "insufficient evidence"; a 0 would say "none reached" and fail the criterion. -->
        </permille>

        """
}
