import PerMille

extension Project {
    /// A project with rows given module by module, as tests write them.
    ///
    /// The library's own initialiser takes rows of any modules in one list (`rows:`) so that it
    /// names no module; tests read better with the modules named.
    public init(
        description: ProjectDescription, landUseChange: [LandUseChangeRow] = [], annualCrops: [AnnualCropRow] = [],
        perennialCrops: [PerennialRow] = [], rice: [RiceRow] = [], grassland: [GrasslandRow] = [], livestock: [LivestockRow] = [],
        forestManagement: [ForestManagementRow] = [], organicSoils: [OrganicSoilRow] = [], coastalWetlands: [CoastalWetlandRow] = [],
        inputs: [InputRow] = [], overrides: [FactorOverride] = [], indicators: [String: IndicatorValue] = [:]
    ) {
        self.init(description: description, overrides: overrides, indicators: indicators)
        self.landUseChange = landUseChange
        self.annualCrops = annualCrops
        self.perennialCrops = perennialCrops
        self.rice = rice
        self.grassland = grassland
        self.livestock = livestock
        self.forestManagement = forestManagement
        self.organicSoils = organicSoils
        self.coastalWetlands = coastalWetlands
        self.inputs = inputs
    }
}
