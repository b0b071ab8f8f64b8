#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#else
    import Foundation
#endif

/// The two transcendental functions the method needs, from the platform's C library.
enum Math {
    static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
            Glibc.exp(x)
        #elseif canImport(Darwin)
            Darwin.exp(x)
        #else
            Foundation.exp(x)
        #endif
    }

    static func pow(_ x: Double, _ y: Double) -> Double {
        #if canImport(Glibc)
            Glibc.pow(x, y)
        #elseif canImport(Darwin)
            Darwin.pow(x, y)
        #else
            Foundation.pow(x, y)
        #endif
    }

    static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
            Glibc.log(x)
        #elseif canImport(Darwin)
            Darwin.log(x)
        #else
            Foundation.log(x)
        #endif
    }

    static func erfc(_ x: Double) -> Double {
        #if canImport(Glibc)
            Glibc.erfc(x)
        #elseif canImport(Darwin)
            Darwin.erfc(x)
        #else
            Foundation.erfc(x)
        #endif
    }
}
