/// Order statistics over a handful of runs (throughput) or thousands of
/// samples (latency). Percentiles use the nearest-rank definition.
struct Stats {
  let sorted: [Double]

  init(_ values: [Double]) { sorted = values.sorted() }

  var count: Int { sorted.count }
  var min: Double { sorted.first ?? .nan }
  var max: Double { sorted.last ?? .nan }

  /// The middle value (mean of the two middle ones for an even count).
  var median: Double {
    guard !sorted.isEmpty else { return .nan }
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }

  /// Nearest-rank percentile, `p` in 0…100.
  func percentile(_ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
  }

  var p50: Double { percentile(50) }
  var p99: Double { percentile(99) }
}

/// One throughput figure measured `runs` times: the rates (per second).
struct Throughput {
  var rates: [Double] = []
  var stats: Stats { Stats(rates) }

  /// Records `items` done in `nanos` nanoseconds.
  mutating func add(items: Int, nanos: UInt64) {
    rates.append(Double(items) / (Double(max(nanos, 1)) / 1e9))
  }
}

/// Single-commit latencies in nanoseconds.
struct Latencies {
  var nanos: [Double] = []
  var stats: Stats { Stats(nanos.map { $0 / 1000 }) }  // in µs
}
