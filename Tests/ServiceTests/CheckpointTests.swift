import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

@Suite("Bilan checkpoints")
struct CheckpointTests {
  func bilans(_ path: String, useCheckpoint: Bool, cuts: [String?]) throws -> [String] {
    let reader = try BilanReader(journal: path, useCheckpoint: useCheckpoint)
    var out: [String] = []
    for cut in cuts { for year in 2020...2023 { out.append(try reader.bilan(year: year, asKnownOn: cut).json) } }
    return out
  }

  @Test(arguments: [41, 42] as [UInt64])
  func checkpointPlusIncrementalFoldEqualsTheFullFold(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 200)
    let cuts: [String?] = [nil] + h.cuts.enumerated().filter { $0.offset % 4 == 1 }.map(\.element)
    let plain = try bilans(h.path, useCheckpoint: false, cuts: cuts)
    // A checkpoint in the middle of the history: copy the journal, cut to a prefix, rebuild, then re-append the rest.
    let all = try { () throws -> [Record] in
      var out: [Record] = []
      try Reader(at: h.path).forEach { out.append($0) }
      return out
    }()
    let copy = h.root + "/ck"
    try Writer.create(at: copy)
    let writer = try Writer(at: copy)
    func put(_ r: Record) throws {
      try writer.append([
        NewEvent(
          id: r.id, type: r.type, version: r.version, occurredOn: r.occurredOn, author: r.author, source: r.source, reason: r.reason,
          data: try r.data(), recordedAt: r.recordedAt)
      ])
    }
    for r in all.prefix(120) { try put(r) }
    #expect(try BilanReader(journal: copy).rebuild().seq == 120)
    for r in all.dropFirst(120) { try put(r) }
    #expect(try bilans(copy, useCheckpoint: true, cuts: cuts) == plain)
  }

  @Test func aCheckpointRoundTripsAndDamageOrAnotherHistoryIsIgnored() throws {
    let path = FileManager.default.temporaryDirectory.path + "/ess-ck-" + UUID().uuidString.prefix(8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try Demo.materialise(at: path)
    let reader = try BilanReader(journal: path, useCheckpoint: false)
    let state = try reader.state()
    let encoded = BilanProjection.encode(state)
    #expect(BilanProjection.decode(encoded[...]) == state)
    let expected = try reader.bilan(year: 2022).json
    try BilanReader(journal: path).rebuild()
    let ckpt = path + "/cache/bilan.ckpt"
    let checkpoint = BilanCheckpoint(cache: try JournalCache(journal: path))
    #expect(checkpoint.load(reader: try Reader(at: path), before: nil) == state)
    #expect(try BilanReader(journal: path).bilan(year: 2022).json == expected)
    // Damaged: one flipped byte → ignored, the bilan is still right.
    var damaged = Array(try Data(contentsOf: URL(fileURLWithPath: ckpt)))
    damaged[damaged.count / 2] ^= 0x20
    try Data(damaged).write(to: URL(fileURLWithPath: ckpt))
    #expect(checkpoint.load(reader: try Reader(at: path), before: nil) == nil)
    #expect(try BilanReader(journal: path).bilan(year: 2022).json == expected)
    // Another history's checkpoint (an empty journal's figures with a foreign last line) → ignored.
    var foreign = state
    foreign.figures = BilanState()
    foreign.last = try Record(canonicalLine: Array(state.last!.line.replacing("\"author\":\"seed\"", with: "\"author\":\"mallory\"").utf8))
    try JournalCache(journal: path).write(BilanProjection.encode(foreign), name: BilanCheckpoint.file, tag: BilanCheckpoint.tag)
    #expect(checkpoint.load(reader: try Reader(at: path), before: nil) == nil)
    #expect(try BilanReader(journal: path).bilan(year: 2022).json == expected)
    // Another code version → ignored.
    let other = Array(
      String(decoding: encoded, as: UTF8.self).replacing("\"version\":\"\(BilanProjection.codeVersion)\"", with: "\"version\":\"bilan-0\"")
        .utf8)
    #expect(BilanProjection.decode(other[...]) == nil)
  }

  /// If this fails, the fold's output on the bundled history changed. If the fold's
  /// code changed, bump `BilanProjection.codeVersion` (so old checkpoints are ignored);
  /// if only the bundled history changed, the version stays. Then update the digest here.
  @Test func theFoldOutputIsPinnedToTheCodeVersion() throws {
    let path = FileManager.default.temporaryDirectory.path + "/ess-pin-" + UUID().uuidString.prefix(8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try Demo.materialise(at: path)
    let state = try BilanReader(journal: path, useCheckpoint: false).state()
    let digest = CRC32C.checksum(BilanProjection.encode(state))
    let pinned: [String: UInt32] = ["bilan-3": 0x3d28_1d03]
    #expect(pinned[BilanProjection.codeVersion] == digest, "fold output digest \(String(digest, radix: 16))")
  }
}
