/// An annual cropland row (tillage, carbon input; crop and residues are recorded for the N modules).
public struct AnnualCropRow: LandRow {
    public var id: String
    public var name: String
    public var area: Triple<Double>
    public var states: Triple<AnnualCropState>
    public var dynamics: RowDynamics

    public init(id: String, name: String, area: Triple<Double>, states: Triple<AnnualCropState>, dynamics: RowDynamics) {
        self.id = id
        self.name = name
        self.area = area
        self.states = states
        self.dynamics = dynamics
    }
}

public struct AnnualCropState: Sendable, Hashable {
    /// `annual-cropland` (default) or `set-aside`.
    public var landUse: String
    public var crop: String?
    public var tillage: String
    public var input: String
    public var residues: ResidueHandling?
    public var yieldTonnesPerHa: Double?

    public init(
        landUse: String = "annual-cropland", crop: String? = nil, tillage: String = "full", input: String = "medium", residues: ResidueHandling? = nil,
        yieldTonnesPerHa: Double? = nil
    ) {
        self.landUse = landUse
        self.crop = crop
        self.tillage = tillage
        self.input = input
        self.residues = residues
        self.yieldTonnesPerHa = yieldTonnesPerHa
    }

    /// Whether two states have the same soil stock (crop and residues do not change it).
    func hasSameSoil(as other: AnnualCropState) -> Bool {
        landUse == other.landUse && tillage == other.tillage && input == other.input
    }
}

extension AnnualCropRow {
    public static let module = ModuleKind.annualCrops
}

extension Project {
    /// The project's annual-crop rows.
    public var annualCrops: [AnnualCropRow] {
        get { rows[AnnualCropRow.self] }
        set { rows[AnnualCropRow.self] = newValue }
    }
}
