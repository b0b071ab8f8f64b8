enum LivestockModule {
    static func assess(_ row: LivestockRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        throw MissingFactor(table: "(module under construction)", key: row.id)
    }
}
