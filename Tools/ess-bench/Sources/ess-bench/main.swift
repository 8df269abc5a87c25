import Glibc
import Journal
import Service

// ess-bench: the journal against SQLite, a raw disk and the lz4 CLI, side by side.
// See Options.swift for the flags; the table goes to stdout, then one JSON line.

let options = Options.parse(CommandLine.arguments)

if options.mode == .readOnly {
  ReaderChild.main(options)
  exit(0)
}

// `ess-bench append-only --events N [--dir D]`: only the journal's bulk
// append (caller ids, pipelined, pre-encoded), for profiling with perf; prints events/s.
if CommandLine.arguments.dropFirst().first == "append-only" {
  let d = options.dir ?? System.makeTempDir()
  System.mkdirs(d)
  let j = JournalBench.bulk(
    path: d + "/journal-profile", gen: Generator(seed: options.seed, stream: 1), total: options.events, batch: options.batch,
    via: options.perBatch ? .perBatch : .pipelined)
  print("journal bulk append: \(Double(options.events) / (Double(j.appendNanos) / 1e9)) events/s")
  System.removeTree(d + "/journal-profile")
  exit(0)
}

func progress(_ s: String) { System.err("· \(s)\n") }
func seconds(_ nanos: UInt64) -> String { Report.fixed(Double(nanos) / 1e9, 2) + " s" }

guard LZ4CLIBench.available() else { System.fail("the lz4 command-line tool is needed (apt-get install lz4)") }
// Section 8's ess binary, found (or a wrong --ess refused) before the long sections run.
let essBinary = options.skipCosts ? nil : CostBench.findESS(explicit: options.ess)

let dir = options.dir ?? System.makeTempDir()
System.mkdirs(dir)
// The folder is removed at the end: refuse one holding anything this tool did not write.
let foreign = System.list(dir).filter { !($0.hasPrefix("journal-") || $0.hasPrefix("sqlite-") || $0.hasPrefix("raw-")) }
guard foreign.isEmpty else {
  System.fail("\(dir) holds other files (\(foreign.prefix(3).joined(separator: ", "))…); give an empty or new --dir")
}
let started = System.now()
let bulkGen = Generator(seed: options.seed, stream: 1)
let singleGen = Generator(seed: options.seed, stream: 2)
let n = options.events
let batch = options.batch

var r = Results()
r.events = n
r.single = options.single
r.runs = options.runs
r.batch = batch
r.seed = options.seed
r.dir = dir

func journalBulkPath(_ run: Int) -> String { dir + "/journal-bulk-\(run)" }
func sqliteBulkPath(_ run: Int) -> String { dir + "/sqlite-bulk-\(run).db" }
func rawBulkPath(_ run: Int) -> String { dir + "/raw-bulk-\(run).jsonl" }
func removeSQLite(_ path: String) { for s in ["", "-wal", "-shm"] { unlink(path + s) } }

// 1. Durable append in batches: each run interleaves the three systems, so
// the machine's noise hits them alike. Only the last run's files are kept.
for run in 0..<options.runs {
  let last = run == options.runs - 1
  System.removeTree(journalBulkPath(run))
  let j = JournalBench.bulk(path: journalBulkPath(run), gen: bulkGen, total: n, batch: batch)
  r.bulkJournal.add(items: n, nanos: j.appendNanos)
  // The floor over the journal's own lines (read back untimed), right after it: what its longer lines cost.
  let journalFloor = FloorBench.bulk(path: dir + "/raw-floor-journal-lines.lz4", journalLinesOf: journalBulkPath(run), batch: batch)
  r.bulkFloorJournalLines.add(items: n, nanos: journalFloor.nanos)
  unlink(dir + "/raw-floor-journal-lines.lz4")
  r.sealNanos.append(Double(j.sealNanos))
  progress("run \(run + 1)/\(options.runs): journal bulk append \(seconds(j.appendNanos)) (seal \(seconds(j.sealNanos)))")
  if last {
    r.journalBulkBeforeSeal = j.bytesBeforeSeal
    r.journalBulkSealed = j.bytesAfterSeal
    r.bulkSegments = j.segments
  } else {
    System.removeTree(journalBulkPath(run))
  }

  System.removeTree(dir + "/journal-drawn-ids")
  let jd = JournalBench.bulk(path: dir + "/journal-drawn-ids", gen: bulkGen, total: n, batch: batch, drawnIDs: true)
  r.bulkJournalDrawnIDs.add(items: n, nanos: jd.appendNanos)
  System.removeTree(dir + "/journal-drawn-ids")
  progress("run \(run + 1)/\(options.runs): journal bulk append, ids drawn by the journal \(seconds(jd.appendNanos))")

  System.removeTree(dir + "/journal-per-batch")
  let jp = JournalBench.bulk(path: dir + "/journal-per-batch", gen: bulkGen, total: n, batch: batch, via: .perBatch)
  r.bulkJournalPerBatch.add(items: n, nanos: jp.appendNanos)
  System.removeTree(dir + "/journal-per-batch")
  progress("run \(run + 1)/\(options.runs): journal append(_:) per batch, JSONValue data \(seconds(jp.appendNanos))")

  let s = SQLiteBench.bulk(path: sqliteBulkPath(run), gen: bulkGen, total: n, batch: batch)
  r.bulkSQLite.add(items: n, nanos: s)
  progress("run \(run + 1)/\(options.runs): SQLite bulk insert \(seconds(s))")
  if !last { removeSQLite(sqliteBulkPath(run)) }

  let w = RawDiskBench.bulk(path: rawBulkPath(run), gen: bulkGen, total: n, batch: batch)
  r.bulkRaw.add(items: n, nanos: w)
  progress("run \(run + 1)/\(options.runs): raw disk write \(seconds(w))")
  if !last { unlink(rawBulkPath(run)) }

  // The floor (#14, part 5): the same lines, hashed, compressed and made durable, nothing else.
  let floorPath = dir + "/raw-floor.lz4"
  let fl = FloorBench.bulk(path: floorPath, gen: bulkGen, total: n, batch: batch)
  r.bulkFloor.add(items: n, nanos: fl.nanos)
  r.floorBytes = fl.bytes
  progress("run \(run + 1)/\(options.runs): floor (SHA-256 + LZ4 + write + fdatasync) \(seconds(fl.nanos))")
  if last {
    // Its frames hold exactly the generated lines (lz4 reads them back).
    let content = LZ4CLIBench.contentBytes([floorPath])
    guard content == System.fileSize(rawBulkPath(run)) else {
      System.fail("the floor's frames decompress to \(content) bytes, the generated lines are \(System.fileSize(rawBulkPath(run)))")
    }
  }
  unlink(floorPath)
}
let journalBulk = journalBulkPath(options.runs - 1)
let sqliteBulk = sqliteBulkPath(options.runs - 1)
let rawBulk = rawBulkPath(options.runs - 1)

// 5 (first: a fresh process, before this one does anything else with the
// journal). The child's reads are also the journal's read throughput (3.).
progress("reading the bulk journal in a fresh child process (\(options.runs) runs)")
r.childBulk = ReaderChild.spawn(journal: journalBulk, runs: options.runs)
guard r.childBulk.events == n else { System.fail("the reader child read \(r.childBulk.events) events, expected \(n)") }
for nanos in r.childBulk.nanos { r.readJournal.add(items: n, nanos: nanos) }

// 3. Sequential read, the yardsticks.
let bulkSegments = JournalBench.segmentFiles(journalBulk)
for run in 0..<options.runs {
  let l = LZ4CLIBench.decompressLines(bulkSegments)
  guard l.lines == n else { System.fail("lz4 -dcm printed \(l.lines) lines, expected \(n)") }
  r.readLZ4.add(items: n, nanos: l.nanos)
  let q = SQLiteBench.scan(path: sqliteBulk)
  guard q.rows == n else { System.fail("SQLite scan returned \(q.rows) rows, expected \(n)") }
  r.readSQLite.add(items: n, nanos: q.nanos)
  progress("run \(run + 1)/\(options.runs): lz4 pipeline \(seconds(l.nanos)), SQLite scan \(seconds(q.nanos))")
}

// 6. The bilan fold on the bulk journal: cold (no checkpoint), then warm
// (checkpoint at the head), and one indicator's history; in this process.
do {
  for run in 0..<options.runs {
    let t0 = System.now()
    _ = try BilanReader(journal: journalBulk, useCheckpoint: false).bilan(year: 2022)
    r.bilanCold.add(items: n, nanos: System.now() - t0)
    progress("run \(run + 1)/\(options.runs): cold bilan \(seconds(System.now() - t0))")
  }
  try BilanReader(journal: journalBulk).rebuild()
  for _ in 0..<max(3, options.runs) {
    let t0 = System.now()
    _ = try BilanReader(journal: journalBulk).bilan(year: 2022)
    r.bilanWarmNanos.append(Double(System.now() - t0))
  }
  let t0 = System.now()
  _ = try BilanReader(journal: journalBulk).history(key: "procurement.insertion_hours", year: 2022)
  r.historyNanos.append(Double(System.now() - t0))
  // #12: a series of every indicator over all years, and the HTML page, each one pass (the series without a
  // checkpoint, like the cold bilan); same runs, beside the cold bilan.
  let keys = try BilanReader(journal: journalBulk).bilan(year: 2022).indicators.map(\.key)
  for _ in 0..<options.runs {
    var t = System.now()
    let series = try Reports.series(journal: journalBulk, keys: keys, from: 2010, to: 2023, useCheckpoint: false)
    guard series.rows.count == 14 else { System.fail("the series has \(series.rows.count) rows, expected 14") }
    r.seriesNanos.append(Double(System.now() - t))
    t = System.now()
    let html = try Reports.bilanHTML(journal: journalBulk, year: 2022, language: .fr, command: "ess bilan 2022 --format html")
    guard html.contains("<svg ") else { System.fail("the HTML page has no chart") }
    r.htmlNanos.append(Double(System.now() - t))
  }
} catch {
  System.fail("the bilan fold failed: \(error)")
}

// 7. The Merkle tree over the bulk journal's lines, in this process: the tile
// cache's first build beside sha256sum over the same bytes (written out once
// with lz4 -dcm; one untimed pass of each first, so the page cache is warm),
// then roots and proofs with the cache saved, then signing on a copy.
do {
  let size = UInt64(n)
  let linesFile = dir + "/raw-merkle-lines.jsonl"
  r.merkle.rawBytes = HashBaseline.writeLines(bulkSegments, to: linesFile)
  r.merkle.signColdSize = size - min(1000, size / 2)
  let first = MerkleBench.build(journal: journalBulk, size: size, prefix: r.merkle.signColdSize)
  r.merkle.signColdBytes = first.prefixBytes
  guard first.bytes == r.merkle.rawBytes else {
    System.fail("the tree hashed \(first.bytes) bytes of lines, but lz4 -dcm wrote \(r.merkle.rawBytes)")
  }
  guard let sha256sum = HashBaseline.tool("sha256sum") else { System.fail("the sha256sum command is needed (coreutils)") }
  let openssl = HashBaseline.tool("openssl")
  let sha256sumArgs = [sha256sum, linesFile]
  let opensslArgs = [openssl ?? "", "dgst", "-sha256", linesFile]
  _ = HashBaseline.timeDigest(sha256sumArgs)
  let bytes = Int(r.merkle.rawBytes)
  var root = first.root
  for run in 0..<options.runs {
    let b = MerkleBench.build(journal: journalBulk, size: size)
    r.merkle.build.add(items: bytes, nanos: b.nanos)
    r.merkle.tiles = b.tiles
    let s = HashBaseline.timeDigest(sha256sumArgs)
    r.merkle.sha256sum.add(items: bytes, nanos: s)
    if openssl != nil { r.merkle.openssl.add(items: bytes, nanos: HashBaseline.timeDigest(opensslArgs)) }
    r.merkle.inProcessChunks.add(items: bytes, nanos: HashBaseline.chunked(linesFile))
    let t = HashBaseline.tree(linesFile)
    guard t.lines == n, t.root == b.root, b.root == first.root else {
      System.fail("the Merkle roots disagree: tile build \(b.root), first build \(first.root), over \(t.lines) lines of the file \(t.root)")
    }
    r.merkle.inProcessTree.add(items: bytes, nanos: t.nanos)
    let a = MerkleBench.readAlone(journal: journalBulk)
    guard a.lines == n else { System.fail("the journal read \(a.lines) lines, expected \(n)") }
    r.merkle.readAlone.add(items: bytes, nanos: a.nanos)
    root = b.root
    progress("run \(run + 1)/\(options.runs): merkle tile build \(seconds(b.nanos)), sha256sum \(seconds(s))")
  }
  unlink(linesFile)
  r.merkle.probes = MerkleBench.warm(journal: journalBulk, size: size, root: root, repeats: max(3, options.runs))
  progress("warm merkle root and proofs read \(r.merkle.maxProofLinesRead) lines at most")
  for run in 0..<options.runs {
    let s = MerkleBench.sign(journal: journalBulk, copy: dir + "/journal-merkle-sign", cold: r.merkle.signColdSize)
    guard s.root == root else { System.fail("the checkpoint signed at \(n) has root \(s.root), the tree's is \(root)") }
    r.merkle.signColdNanos.append(Double(s.coldNanos))
    r.merkle.signWarmNanos.append(Double(s.warmNanos))
    progress(
      "run \(run + 1)/\(options.runs): sign at \(r.merkle.signColdSize) cold \(seconds(s.coldNanos)), at \(n) warm \(seconds(s.warmNanos))")
  }
}

// 2. Single-event commits.
let journalSingle = dir + "/journal-single"
System.removeTree(journalSingle)
let js = JournalBench.single(path: journalSingle, gen: singleGen, count: options.single)
r.singleJournal = js.latencies
r.journalSingleBeforeSeal = js.bytesBeforeSeal
r.journalSingleSealed = js.bytesAfterSeal
progress("single appends: journal done")
r.singleSQLite = SQLiteBench.single(path: dir + "/sqlite-single.db", gen: singleGen, count: options.single)
progress("single appends: SQLite done")
r.singleRaw = RawDiskBench.single(path: dir + "/raw-single.jsonl", gen: singleGen, count: options.single)
progress("single appends: raw disk done")
r.childSingle = ReaderChild.spawn(journal: journalSingle, runs: 1)

// 4. Bytes on disk.
progress("measuring sizes (lz4 -1)")
r.journalBulkContent = LZ4CLIBench.contentBytes(bulkSegments)
r.lz4OfJournalBulkContent = LZ4CLIBench.level1SizeOfContent(bulkSegments)
r.lz4OfGeneratorJSONL = LZ4CLIBench.level1Size(of: rawBulk)
r.rawJSONL = System.fileSize(rawBulk)
r.sqliteBytes = SQLiteBench.bytesOnDisk(path: sqliteBulk)
r.lz4OfJournalSingleContent = LZ4CLIBench.level1SizeOfContent(JournalBench.segmentFiles(journalSingle))
r.generatorLineBytes = Double(r.rawJSONL) / Double(n)
r.journalLineBytes = Double(r.journalBulkContent) / Double(n)
r.parentHWMKB = System.vmHWM

// 8. The ess command line on growing histories, child processes (last: the
// heaviest, and what it measures does not share this process's memory).
if options.skipCosts {
  r.costs.skipped = "--skip-costs"
} else if let ess = essBinary {
  r.costs = CostBench.run(
    CostBench.Setup(
      ess: ess, dir: dir, sizes: options.costSizes, repeats: options.costRepeats, seed: options.seed, keep: options.keep))
} else {
  r.costs.skipped = "no ess binary (build it: swift build -c release --product ess; or pass --ess PATH)"
  progress("section 8 skipped: \(r.costs.skipped!)")
}

// 9. The DECP import against the JSON Lines import of the same events, child processes.
if options.skipCosts {
  r.decp.skipped = "--skip-costs"
} else if options.decpRecords == 0 {
  r.decp.skipped = "--decp-records 0"
} else if let ess = essBinary {
  r.decp = DECPBench.run(ess: ess, dir: dir, records: options.decpRecords, runs: options.runs, seed: options.seed)
} else {
  r.decp.skipped = r.costs.skipped
}

// 10. The CSV import against the JSON Lines import of the same events, child processes.
if options.skipCosts {
  r.csvImport.skipped = "--skip-costs"
} else if options.csvRows == 0 {
  r.csvImport.skipped = "--csv-rows 0"
} else if let ess = essBinary {
  r.csvImport = CSVImportBench.run(ess: ess, dir: dir, rows: options.csvRows, runs: options.runs, seed: options.seed)
} else {
  r.csvImport.skipped = r.costs.skipped
}

Report.printTable(r)
progress("total wall time \(seconds(System.now() - started))")
if options.keep {
  progress("kept \(dir)")
} else {
  System.removeTree(dir)
}
print(Report.jsonLine(r))
