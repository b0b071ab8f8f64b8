enum RiceModule {
    static func assess(_ row: RiceRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        throw MissingFactor(table: "(module under construction)", key: row.id)
    }
}
