/// Every figure of one benchmark run, filled in by main.swift, printed by ``Report``.
struct Results {
  var events = 0
  var single = 0
  var runs = 0
  var batch = 0
  var seed: UInt64 = 0
  var dir = ""

  /// Average bytes of one generated JSON line (with its newline).
  var generatorLineBytes = 0.0
  /// Average bytes of one journal line (what `lz4 -dc` prints per event).
  var journalLineBytes = 0.0

  // 1. Durable append, batches.
  /// The journal: `Writer.append(batches:)`, pipelined, data pre-encoded (#14, part 5).
  var bulkJournal = Throughput()
  /// Informational: `Writer.append(_:)` once per batch, data as a `JSONValue` (the path before #14, part 5).
  var bulkJournalPerBatch = Throughput()
  /// Informational: the same load with ids left to the journal (no id lookup).
  var bulkJournalDrawnIDs = Throughput()
  var bulkSQLite = Throughput()
  var bulkRaw = Throughput()
  /// The floor (#14, part 5): SHA-256 of each line + one LZ4 frame + write + fdatasync per batch.
  var bulkFloor = Throughput()
  /// Informational: the same floor over the journal's own lines (longer: seq, recordedAt, prev, hash).
  var bulkFloorJournalLines = Throughput()
  /// Bytes the floor wrote in the last run (its LZ4 frames).
  var floorBytes: Int64 = 0
  var sealNanos: [Double] = []
  var bulkSegments = 0

  // 2. Single-event commits.
  var singleJournal = Latencies()
  var singleSQLite = Latencies()
  var singleRaw = Latencies()

  // 3. Sequential read.
  var readJournal = Throughput()
  var readLZ4 = Throughput()
  var readSQLite = Throughput()
  /// 6. The bilan fold: cold (no checkpoint) events/s, warm (checkpoint at the head) ms in-process, history ms.
  var bilanCold = Throughput()
  var bilanWarmNanos: [Double] = []
  var historyNanos: [Double] = []
  var seriesNanos: [Double] = []
  var htmlNanos: [Double] = []
  /// The cold bilan's time per run, for the ratios (it is measured as a throughput).
  var bilanColdMedianNanos: Double { Double(events) / bilanCold.stats.median * 1e9 }

  // 4. Bytes on disk.
  var journalBulkBeforeSeal: Int64 = 0
  var journalBulkSealed: Int64 = 0
  var journalBulkContent: Int64 = 0
  var lz4OfJournalBulkContent: Int64 = 0
  var lz4OfGeneratorJSONL: Int64 = 0
  var rawJSONL: Int64 = 0
  var sqliteBytes: Int64 = 0
  var journalSingleBeforeSeal: Int64 = 0
  var journalSingleSealed: Int64 = 0
  var lz4OfJournalSingleContent: Int64 = 0

  // 5. Reader memory (fresh child processes).
  var childBulk = ReaderChild.Figures()
  var childSingle = ReaderChild.Figures()
  var parentHWMKB = 0

  // 7. The Merkle tree and proofs (in process).
  var merkle = MerkleBench.Figures()

  // 8. The ess command line on growing histories (child processes).
  var costs = CostFigures()
  var decp = ImportComparison.decp()
  var csvImport = ImportComparison.csv()

  func perEvent(_ bytes: Int64, _ n: Int) -> Double { n > 0 ? Double(bytes) / Double(n) : .nan }

  struct Goal {
    var key: String
    var label: String
    var value: Double
    var limit: Double
    /// True for "value ≥ limit", false for "value ≤ limit".
    var atLeast: Bool
    var pass: Bool { value.isFinite && (atLeast ? value >= limit : value <= limit) }
    /// A whole limit of 10 or more (512, 64) prints whole; a ratio with two decimals.
    var target: String { (atLeast ? "≥ " : "≤ ") + Report.fixed(limit, limit >= 10 && limit == limit.rounded() ? 0 : 2) }
  }

  var journalOverRaw: Double { bulkJournal.stats.median / bulkRaw.stats.median }
  var journalOverSQLite: Double { bulkJournal.stats.median / bulkSQLite.stats.median }
  var journalOverFloor: Double { bulkJournal.stats.median / bulkFloor.stats.median }
  var singleP50OverRaw: Double { singleJournal.stats.p50 / singleRaw.stats.p50 }
  var readOverLZ4: Double { readJournal.stats.median / readLZ4.stats.median }
  var bilanColdOverLZ4: Double { bilanCold.stats.median / readLZ4.stats.median }
  var bulkSealedOverLZ4: Double { Double(journalBulkSealed) / Double(lz4OfJournalBulkContent) }
  var bulkUnsealedOverLZ4: Double { Double(journalBulkBeforeSeal) / Double(lz4OfJournalBulkContent) }
  var singleSealedOverLZ4: Double { Double(journalSingleSealed) / Double(lz4OfJournalSingleContent) }

  var goals: [Goal] {
    [
      Goal(key: "bulk_journal_over_raw", label: "append: journal / raw disk (events/s)", value: journalOverRaw, limit: 0.5, atLeast: true),
      Goal(
        key: "bulk_journal_over_floor", label: "append: journal / floor (SHA-256+LZ4+fdatasync)", value: journalOverFloor, limit: 0.6,
        atLeast: true),
      Goal(
        key: "bulk_journal_over_sqlite", label: "append: journal / SQLite (events/s)", value: journalOverSQLite, limit: 5, atLeast: true),
      Goal(
        key: "single_p50_journal_over_raw", label: "single: journal p50 / raw fdatasync p50", value: singleP50OverRaw, limit: 1.5,
        atLeast: false),
      Goal(key: "read_journal_over_lz4", label: "read: journal / lz4 -dc|wc -l (events/s)", value: readOverLZ4, limit: 0.4, atLeast: true),
      Goal(
        key: "bilan_cold_over_lz4", label: "bilan: cold fold / lz4 -dc|wc -l (events/s)", value: bilanColdOverLZ4, limit: 0.4,
        atLeast: true),
      Goal(
        key: "bilan_cold_million_events_per_s", label: "bilan: cold fold (M events/s)", value: bilanCold.stats.median / 1e6, limit: 1,
        atLeast: true),
      Goal(
        key: "bytes_bulk_sealed_over_lz4", label: "size: bulk journal, sealed / lz4 -1", value: bulkSealedOverLZ4, limit: 1.1,
        atLeast: false),
      Goal(
        key: "bytes_bulk_before_seal_over_lz4", label: "size: bulk journal, before seal() / lz4 -1", value: bulkUnsealedOverLZ4, limit: 1.1,
        atLeast: false),
      Goal(
        key: "bytes_single_sealed_over_lz4", label: "size: single-append journal, sealed / lz4 -1", value: singleSealedOverLZ4, limit: 1.1,
        atLeast: false),
      Goal(
        key: "series_over_cold_bilan", label: "series: all keys 2010–2023 / cold bilan (time)",
        value: Stats(seriesNanos).median / bilanColdMedianNanos, limit: 1.5, atLeast: false),
      Goal(
        key: "html_over_cold_bilan", label: "html: the page / cold bilan (time)", value: Stats(htmlNanos).median / bilanColdMedianNanos,
        limit: 1.5, atLeast: false),
      Goal(
        key: "merkle_build_over_sha256sum", label: "merkle: first tile build / sha256sum (MB/s)", value: merkle.buildOverSHA256sum,
        limit: 0.7, atLeast: true),
      Goal(
        key: "merkle_proof_lines_read", label: "merkle: lines read by a warm root or proof", value: Double(merkle.maxProofLinesRead),
        limit: 512, atLeast: false),
    ] + costs.goals + decp.goals + csvImport.goals
  }
}
