enum InputsModule {
    static func assess(_ row: InputRow, context: AssessmentContext) throws(MissingFactor) -> ModuleRowResult {
        throw MissingFactor(table: "(module under construction)", key: row.id)
    }
}
