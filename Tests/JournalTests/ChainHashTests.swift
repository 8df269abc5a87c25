import Crypto
import TestSupport
import Testing

@testable import Journal

/// A chain hash holds its 32 bytes inline: written, parsed and compared as the bytes say.
@Suite("Chain hash")
struct ChainHashTests {
  @Test func textBytesAndParsingAgree() throws {
    var random = Seeded(seed: 3)
    for _ in 0..<500 {
      let digest = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
      let hash = try #require(ChainHash(digest: digest))
      #expect(hash.bytes == digest)
      #expect(hash.description == "sha256:" + Hex.encode(digest))
      #expect(hash.text == Array(hash.description.utf8))
      #expect(ChainHash(hash.description) == hash)
      // One digit changed: another hash, unequal.
      var other = digest
      other[Int.random(in: 0..<32, using: &random)] ^= 1
      #expect(ChainHash(digest: other) != hash)
    }
  }

  @Test func malformedTextIsRefused() {
    let good = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
    #expect(ChainHash(good) != nil)
    for bad in [
      good.uppercased(), "sha257:" + good.dropFirst(7), String(good.dropLast()), good + "0", "sha256:" + String(repeating: "g", count: 64),
      "SHA256:" + good.dropFirst(7),
    ] {
      #expect(ChainHash(bad) == nil, "\(bad)")
    }
    #expect(ChainHash(digest: [UInt8](repeating: 1, count: 31)) == nil)
  }

  @Test func aLinkIsSHA256OfThePreviousTextANewlineAndTheBody() throws {
    let body = Array(#"{"seq":1,"id":"x"}"#.utf8)
    let prev = try #require(ChainHash(digest: (0..<32).map { UInt8($0) }))
    var input = prev.text
    input.append(0x0A)
    input += body
    #expect(ChainHash.link(prev: prev, body: body).bytes == Array(SHA256.hash(data: input)))
  }
}
