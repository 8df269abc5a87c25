import Glibc

/// Section 7 of the table and the `merkle` object of the JSON line.
extension Report {
  static func mbps(_ bytesPerSecond: Double) -> String { fixed(bytesPerSecond / 1e6, 1) }

  static func printMerkle(_ r: Results, _ goals: [String: Results.Goal]) {
    let m = r.merkle
    let n = Double(r.events)
    print(
      "\n7. Merkle tree and proofs over the \(r.events) lines (\(fixed(Double(m.rawBytes) / 1e6, 1)) MB of JSON Lines; in process; MB/s = 10^6 B/s, median, min, max of \(r.runs) runs)"
    )
    row("", ["median", "min", "max"])
    for (name, t) in [
      ("first build of index/merkle.tiles, MB/s", m.build), ("sha256sum FILE (the same bytes), MB/s", m.sha256sum),
      ("(info) openssl dgst -sha256 FILE, MB/s", m.openssl), ("(info) SHA-256 in process, 1 MiB/call, MB/s", m.inProcessChunks),
      ("(info) tree hashes over FILE (no lz4), MB/s", m.inProcessTree), ("(info) journal read alone (no hash), MB/s", m.readAlone),
    ] where !t.rates.isEmpty {
      let s = t.stats
      row(name, [mbps(s.median), mbps(s.min), mbps(s.max)])
    }
    goalRow(goals["merkle_build_over_sha256sum"]!)

    let repeats = m.probes.first?.nanos.count ?? 0
    print("  warm, index/merkle.tiles saved (\(m.tiles) tile hashes = ⌊N/256⌋; ms: median, min, max of \(repeats))")
    row("", ["lines read", "hashes", "ms median", "min", "max"], width: 11)
    for p in m.probes {
      let s = Stats(p.nanos)
      row(
        p.label, [String(p.linesRead), String(p.hashes), fixed(s.median / 1e6, 2), fixed(s.min / 1e6, 2), fixed(s.max / 1e6, 2)], width: 11)
    }
    print("  (for reference: 256 + log2 N = \(fixed(256 + Glibc.log2(n), 1)); \"hashes\" is the size of the answer)")
    goalRow(goals["merkle_proof_lines_read"]!)

    let cold = Stats(m.signColdNanos)
    let warm = Stats(m.signWarmNanos)
    print("  signing a checkpoint, NoteSigner Ed25519, on a copy of the journal (ms: median, min, max)")
    row("", ["median", "min", "max"])
    row(
      "sign at \(m.signColdSize), cold (no cache, chain)",
      [fixed(cold.median / 1e6, 1), fixed(cold.min / 1e6, 1), fixed(cold.max / 1e6, 1)])
    row("then sign at N, warm", [fixed(warm.median / 1e6, 1), fixed(warm.min / 1e6, 1), fixed(warm.max / 1e6, 1)])
    print(
      "  (the cold sign hashes \(mbps(m.signColdRate)) MB/s of lines = \(fixed(m.signColdRate / m.sha256sum.stats.median, 2)) × sha256sum: the tree, plus the hash chain checked line by line)"
    )
  }

  static func merkle(_ m: MerkleBench.Figures) -> JSONObject {
    var o = JSONObject()
    o.int("raw_bytes", m.rawBytes)
    o.num("merkle_build_mbps", m.build.stats.median / 1e6)
    o.num("sha256sum_mbps", m.sha256sum.stats.median / 1e6)
    o.num("merkle_build_ratio", m.buildOverSHA256sum)
    o.num("openssl_sha256_mbps", m.openssl.rates.isEmpty ? .nan : m.openssl.stats.median / 1e6)
    o.num("in_process_sha256_mbps", m.inProcessChunks.stats.median / 1e6)
    o.num("in_process_tree_mbps", m.inProcessTree.stats.median / 1e6)
    o.num("read_alone_mbps", m.readAlone.stats.median / 1e6)
    o.int("tiles", Int64(m.tiles))
    o.int("proof_lines_read", Int64(m.maxProofLinesRead))
    for p in m.probes {
      var q = JSONObject()
      q.int("lines_read", Int64(p.linesRead))
      q.int("hashes", Int64(p.hashes))
      q.nums("ms", p.nanos.map { $0 / 1e6 })
      o.obj(p.key, q)
    }
    o.num("root_warm_ms", Stats(m.probes.first { $0.key == "root" }?.nanos ?? []).median / 1e6)
    o.int("sign_cold_size", Int64(m.signColdSize))
    o.num("sign_cold_ms", Stats(m.signColdNanos).median / 1e6)
    o.num("sign_cold_mbps", m.signColdRate / 1e6)
    o.num("sign_cold_over_sha256sum", m.signColdRate / m.sha256sum.stats.median)
    o.num("sign_warm_ms", Stats(m.signWarmNanos).median / 1e6)
    var runs = JSONObject()
    for (k, t) in [
      ("merkle_build_mbps", m.build), ("sha256sum_mbps", m.sha256sum), ("openssl_sha256_mbps", m.openssl),
      ("in_process_sha256_mbps", m.inProcessChunks), ("in_process_tree_mbps", m.inProcessTree), ("read_alone_mbps", m.readAlone),
    ] {
      runs.nums(k, t.rates.map { $0 / 1e6 })
    }
    runs.nums("sign_cold_ms", m.signColdNanos.map { $0 / 1e6 })
    runs.nums("sign_warm_ms", m.signWarmNanos.map { $0 / 1e6 })
    o.obj("runs", runs)
    return o
  }
}
