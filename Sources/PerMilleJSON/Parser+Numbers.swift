extension Parser {
    /// Parses the number at the cursor (a '-' or a digit), keeping its literal.
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        var i = start
        let negative = bytes[i] == ASCII.minus
        if negative { i &+= 1 }

        // Up to 19 significant digits fit in UInt64; more only ever take the slow path.
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0

        guard i < end, ASCII.isDigit(bytes[i]) else {
            index = i
            throw invalidNumberStart(numberStart: start)
        }
        if bytes[i] == ASCII.zero {
            i &+= 1
            if i < end, ASCII.isDigit(bytes[i]) { throw leadingZero(numberStart: start) }
        } else {
            while i < end, ASCII.isDigit(bytes[i]) {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- ASCII.zero)
                } else {
                    decimalExponent &+= 1
                }
                significantDigits &+= 1
                i &+= 1
            }
        }

        if i < end, bytes[i] == ASCII.dot {
            i &+= 1
            guard i < end, ASCII.isDigit(bytes[i]) else {
                index = i
                throw unexpected(expected: "a digit after the decimal point")
            }
            while i < end, ASCII.isDigit(bytes[i]) {
                let digit = bytes[i] &- ASCII.zero
                if significantDigits < 19 {
                    if mantissa != 0 || digit != 0 { significantDigits &+= 1 }
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    decimalExponent &-= 1
                } else {
                    significantDigits &+= 1
                }
                i &+= 1
            }
        }

        if i < end, bytes[i] | 0x20 == ASCII.lowerE {
            i &+= 1
            var exponentNegative = false
            if i < end, bytes[i] == ASCII.minus || bytes[i] == ASCII.plus {
                exponentNegative = bytes[i] == ASCII.minus
                i &+= 1
            }
            guard i < end, ASCII.isDigit(bytes[i]) else {
                index = i
                throw unexpected(expected: "a digit in the exponent")
            }
            var exponent = 0
            while i < end, ASCII.isDigit(bytes[i]) {
                // Capped: beyond this any exponent already means overflow or underflow.
                if exponent < 100_000 { exponent = exponent &* 10 &+ Int(bytes[i] &- ASCII.zero) }
                i &+= 1
            }
            decimalExponent &+= exponentNegative ? -exponent : exponent
        }

        index = i
        let literal = strings.string(bytes, start..<i)
        let value: Double
        if mantissa == 0 {
            value = negative ? -0.0 : 0.0
        } else if significantDigits <= 15, let magnitude = exactlyRounded(mantissa, decimalExponent) {
            value = negative ? -magnitude : magnitude
        } else {
            // The grammar was checked above, so Swift's correctly rounded parser always succeeds;
            // out-of-range literals give ±infinity, which the caller reports.
            value = Double(literal)!
        }
        return JSONNumber(literal: literal, value: value)
    }

    /// `mantissa × 10^exponent` when one IEEE operation computes it exactly rounded (Clinger's
    /// fast path: both operands are exact doubles), so the result equals `Double(literal)`.
    @inline(__always)
    func exactlyRounded(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        guard exponent >= -22, exponent <= 22 else { return nil }
        let m = Double(mantissa)
        let power = exactPowerOfTen(exponent < 0 ? -exponent : exponent)
        return exponent < 0 ? m / power : m * power
    }

    @inline(__always)
    func exactPowerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }
}
