import Crypto

/// SHA-256 (FIPS 180-4) of inputs and factor tables, as lower-case hex.
// swift-crypto's (BoringSSL's assembly on Linux) replaced a hand-written one: every project reads
// and checks megabytes of factor tables, and the digest was an eighth of a small project's time.
public struct SHA256Digest: Sendable {
    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
