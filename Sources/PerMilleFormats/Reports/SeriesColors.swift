import PerMille

/// One colour per series across every chart of a report and a portfolio: a gas, a scenario and a
/// criterion status each keep theirs, and no two kinds share one, so orange never means "N2O" in
/// one chart and "with project" in the next. Colours are from Tableau 10 and ColorBrewer,
/// distinguishable in print and by most colour-blind readers beside the labels.
public enum SeriesColor {
    public static func gas(_ gas: GasCategory) -> String {
        switch gas {
        case .co2Biomass: "#59a14f"
        case .co2Soil: "#9c755f"
        case .co2Other: "#bab0ac"
        case .n2o: "#e15759"
        case .n2oIndirect: "#ff9da7"
        case .ch4: "#76b7b2"
        case .ch4Fossil: "#b07aa1"
        case .co2eManufacture: "#edc948"
        }
    }

    /// Without and with project, and their difference (the additional effect).
    public enum Scenario: String, Sendable, CaseIterable {
        case without, with, additional

        public var color: String {
            switch self {
            case .without: "#7f7f7f"
            case .with: "#1f5fa8"
            case .additional: "#f28e2b"
            }
        }
    }

    /// The colours the status words have in tables (HTMLReport's `.status-…` classes).
    public static func status(_ status: CriterionStatus.Status) -> String {
        switch status {
        case .met: "#1b6e2a"
        case .partlyMet: "#d9a400"
        case .notMet: "#b00020"
        case .notApplicable: "#9e9e9e"
        case .insufficientEvidence: "#7a3e9d"
        }
    }

    /// A project's balance in the portfolio: one series, the "with project" blue would mislead.
    public static let balance = "#1d4d2b"
}
