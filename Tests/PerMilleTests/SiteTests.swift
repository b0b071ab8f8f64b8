import PerMille
import Testing

@Suite("Site: climate zone from measurements, soil class from WRB")
struct SiteTests {
    @Test(
        "the first matching rule of method.md §2.2",
        arguments: [
            (15.0, 400.0, 900.0, 200.0, "warm-temperate-dry"),
            (15.0, 1200.0, 900.0, 200.0, "warm-temperate-moist"),
            (8.0, 700.0, 500.0, 200.0, "cool-temperate-moist"),
            (-3.0, 300.0, 400.0, 200.0, "boreal-dry"),
            (24.0, 2400.0, 1200.0, 300.0, "tropical-wet"),
            (24.0, 1500.0, 1200.0, 300.0, "tropical-moist"),
            (24.0, 800.0, 1200.0, 300.0, "tropical-dry"),
            (24.0, 800.0, 1200.0, 1500.0, "tropical-montane"),
            (10.0, 600.0, 600.0, 0.0, "cool-temperate-moist"),
        ])
    func derivedZone(mat: Double, map: Double, pet: Double, elevation: Double, zone: String) throws {
        let result = try SiteResolver.climateZone(
            for: MeasuredClimate(meanAnnualTemperatureC: mat, annualPrecipitationMm: map, potentialEvapotranspirationMm: pet, elevationM: elevation))
        #expect(result.zone.rawValue == zone)
        #expect(!result.rule.isEmpty)
    }

    @Test("Polar is refused")
    func polar() {
        #expect(throws: SiteError.self) {
            try SiteResolver.climateZone(for: MeasuredClimate(meanAnnualTemperatureC: -12, annualPrecipitationMm: 200, potentialEvapotranspirationMm: 100, elevationM: 0))
        }
    }

    @Test(
        "WRB groups map to IPCC classes, singular or plural",
        arguments: [
            ("Cambisols", "high-activity-clay"), ("ferralsol", "low-activity-clay"), ("Arenosols", "sandy"),
            ("ANDOSOLS", "volcanic"), ("Podzol", "spodic"), ("Gleysols", "wetland"), ("Histosols", "organic"),
        ])
    func wrb(group: String, soilClass: String) throws {
        var project = description()
        project.soil = .wrb(group)
        let site = try SiteResolver.resolve(project, factors: TestData.factors)
        #expect(site.soilClass.rawValue == soilClass)
    }
}
