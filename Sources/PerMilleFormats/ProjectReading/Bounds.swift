/// The plausible range of every quantity a project gives (format.md, "Bounds").
///
/// The ranges are generous: they refuse typing errors (hectares given in m², a lost decimal
/// point, 1e300), not unusual projects. With every input inside them no product the engine forms
/// comes near overflow, so no result can hold infinity or NaN.
enum Bounds {
    /// The planet's land area is about 1.49e10 ha.
    static let hectares = 1.5e10
    /// The world's livestock is about 3.3e10 animals (mostly poultry).
    static let heads = 1e12
    /// Any input's yearly amount, in its kind's unit (t, MWh, m³ …): the world's yearly use of any is below 1e10.
    static let amount = 1e13
    /// Tonnes of dry matter or carbon per hectare (yields, fuel, straw, standing biomass): no stand holds more than about 2 000.
    static let tonnesPerHa = Bound(minimum: 0, maximum: 10_000, unit: "t/ha", why: "no field or stand holds more than about 2 000 t/ha")
    static let years = Bound(minimum: 1, maximum: 1_000, unit: "years")
    static let temperature = Bound(
        minimum: -90, maximum: 60, unit: "°C", why: "measured air temperatures on Earth lie between -89 and 57 °C")
    static let precipitation = Bound(
        minimum: 0, maximum: 30_000, unit: "mm", why: "the wettest places on Earth receive about 12 000 mm a year")
    static let evapotranspiration = Bound(
        minimum: 0, maximum: 10_000, unit: "mm", why: "potential evapotranspiration stays below about 3 000 mm a year")
    static let elevation = Bound(
        minimum: -500, maximum: 9_000, unit: "m", why: "land lies between the Dead Sea shore (-430 m) and Everest (8 849 m)")
    static let money = Bound(minimum: 0, maximum: 1e15, unit: "", why: "a budget is zero or more, below a quadrillion")
    static let percent = Bound(minimum: 0, maximum: 100, unit: "%")
}
