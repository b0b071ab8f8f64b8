import PerMilleJSON
import Testing

@Suite("Numbers")
struct NumberTests {
    @Test func overflowBecomesInfinityAndKeepsTheLiteral() throws {
        // The parser accepts it; the caller rejects it and can quote "1e309" in its message.
        let node = try JSONParser.parse("[1e309, -1e309]")
        let numbers = try #require(node.array).compactMap(\.number)
        #expect(numbers.map(\.literal) == ["1e309", "-1e309"])
        #expect(numbers.map(\.value) == [.infinity, -.infinity])
    }

    @Test(arguments: ["-0", "-0.0", "-0e5", "-0.000"])
    func negativeZeroKeepsItsLiteralAndSign(literal: String) throws {
        let number = try #require(JSONParser.parse(literal).number)
        #expect(number.literal == literal)
        #expect(number.value == 0)
        #expect(number.value.sign == .minus)
    }

    @Test func underflowBecomesZero() throws {
        #expect(try JSONParser.parse("1e-400").double == 0)
    }

    @Test(arguments: [
        "0", "1", "-1", "10", "0.1", "0.5", "1.25", "-0.55", "1650.0", "1E+2", "1e-2", "2.5E-3",
        "123456789012345", "1234567890123456", "9007199254740993", "18446744073709551616",
        "123456789012345678901234567890", "0.30000000000000004", "1e22", "1e23", "9.999e22",
        "123456789012345e-22", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
        "0.000001", "1.00000000000000000000001", "0.1e-0", "12.987000000000002", "7e-10",
    ])
    func valueMatchesSwiftsOwnParser(literal: String) throws {
        let number = try #require(JSONParser.parse(literal).number)
        #expect(number.literal == literal)
        #expect(number.value == Double(literal))
    }

    // Short literals take a fast path; this sweeps its boundaries (digit counts, exponents
    // around ±22) against Swift's correctly rounded parser.
    @Test func fastPathAgreesWithSwiftsParserOnManyLiterals() throws {
        var generator = SplitMix64(seed: 8_259)
        var literals: [String] = []
        for _ in 0..<20_000 {
            let digitCount = Int(generator.next() % 20) + 1
            var digits = String(generator.next() % 9 + 1)
            for _ in 1..<digitCount { digits += String(generator.next() % 10) }
            let point = Int(generator.next() % UInt64(digitCount + 1))
            var literal =
                point == 0 || point == digitCount
                ? digits
                : String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if generator.next() % 2 == 0 { literal += "e" + String(Int(generator.next() % 61) - 30) }
            if generator.next() % 3 == 0 { literal = "-" + literal }
            literals.append(literal)
        }
        let numbers = try #require(JSONParser.parse("[" + literals.joined(separator: ",") + "]").array)
        let mismatches = zip(literals, numbers).filter { Double($0.0) != $0.1.double }
        #expect(mismatches.isEmpty, "first mismatch: \(mismatches.first.map { $0.0 } ?? "")")
    }

    @Test(
        arguments: [
            ("2024", 2024), ("-7", -7), ("1e3", 1000), ("2.0", 2), ("-0", 0),
            ("1.5", nil), ("1e300", nil), ("1e309", nil), ("9223372036854775808", nil),
        ] as [(String, Int?)])
    func integerValue(literal: String, expected: Int?) throws {
        #expect(try JSONParser.parse(literal).number?.integerValue == expected)
    }
}

/// A tiny deterministic generator, so the sweep is the same on every run and platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
