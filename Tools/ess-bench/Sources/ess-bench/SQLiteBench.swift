import CSQLite
import Glibc
import Journal

/// The SQLite baseline: WAL, `synchronous=FULL`, one table, one prepared
/// INSERT, one transaction per batch (or per event for the latency figure).
/// `body` is the event's JSON line, exactly the bytes the raw-disk baseline writes.
final class SQLiteDB {
  let path: String
  var db: OpaquePointer?

  init(path: String) {
    self.path = path
    let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
    guard rc == SQLITE_OK else { System.fail("sqlite3_open_v2(\(path)) failed: \(rc)") }
  }

  deinit { sqlite3_close_v2(db) }

  func exec(_ sql: String) {
    var err: UnsafeMutablePointer<CChar>? = nil
    if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
      let message = err.map { String(cString: $0) } ?? "?"
      sqlite3_free(err)
      System.fail("SQLite: \(sql): \(message)")
    }
  }

  func prepare(_ sql: String) -> OpaquePointer {
    var stmt: OpaquePointer? = nil
    guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil) == SQLITE_OK, let stmt else {
      System.fail("SQLite: cannot prepare \(sql): \(errorMessage)")
    }
    return stmt
  }

  var errorMessage: String { String(cString: sqlite3_errmsg(db)) }

  func check(_ rc: Int32, _ what: String) {
    if rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW { System.fail("SQLite: \(what): \(errorMessage)") }
  }

  /// `SQLITE_TRANSIENT`: SQLite copies the bound bytes.
  static var transient: sqlite3_destructor_type { unsafeBitCast(Int(-1), to: sqlite3_destructor_type.self) }
}

enum SQLiteBench {
  static let schema = "CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT UNIQUE, type TEXT, recorded_at TEXT, body TEXT)"
  static let insertSQL = "INSERT INTO events(id, type, recorded_at, body) VALUES (?1, ?2, ?3, ?4)"

  static func create(_ path: String) -> SQLiteDB {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    let db = SQLiteDB(path: path)
    db.exec("PRAGMA journal_mode=WAL")
    db.exec("PRAGMA synchronous=FULL")
    db.exec(schema)
    return db
  }

  /// Inserts one event row (the statement is reset for the next one).
  @inline(__always)
  static func insert(_ db: SQLiteDB, _ stmt: OpaquePointer, _ b: EventBatch, _ k: Int, _ recordedAt: String) {
    let e = b.events[k]
    sqlite3_bind_text(stmt, 1, e.id!, -1, SQLiteDB.transient)
    sqlite3_bind_text(stmt, 2, e.type, -1, SQLiteDB.transient)
    sqlite3_bind_text(stmt, 3, recordedAt, -1, SQLiteDB.transient)
    let range = b.lineRanges[k]
    b.jsonl.withUnsafeBufferPointer { buf in
      _ = sqlite3_bind_text(
        stmt, 4, UnsafeRawPointer(buf.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self),
        Int32(range.count), SQLiteDB.transient)
    }
    db.check(sqlite3_step(stmt), "insert")
    sqlite3_reset(stmt)
  }

  /// `total` events, one transaction per `batch`; times only the inserts and commits.
  static func bulk(path: String, gen: Generator, total: Int, batch: Int) -> UInt64 {
    let db = create(path)
    let stmt = db.prepare(insertSQL)
    defer { sqlite3_finalize(stmt) }
    var nanos: UInt64 = 0
    var start = 0
    while start < total {
      let b = gen.batch(start, min(batch, total - start))
      let t0 = System.now()
      let recordedAt = Timestamp(millisecondsSince1970: System.realtimeMillis()).rfc3339
      db.exec("BEGIN")
      for k in 0..<b.count { insert(db, stmt, b, k, recordedAt) }
      db.exec("COMMIT")
      nanos += System.now() - t0
      start += b.count
    }
    return nanos
  }

  /// `count` events, one transaction (one durable commit) each.
  static func single(path: String, gen: Generator, count: Int) -> Latencies {
    let db = create(path)
    let stmt = db.prepare(insertSQL)
    defer { sqlite3_finalize(stmt) }
    var lat = Latencies()
    lat.nanos.reserveCapacity(count)
    for i in 0..<count {
      let b = gen.batch(i, 1)
      let t0 = System.now()
      let recordedAt = Timestamp(millisecondsSince1970: System.realtimeMillis()).rfc3339
      db.exec("BEGIN")
      insert(db, stmt, b, 0, recordedAt)
      db.exec("COMMIT")
      lat.nanos.append(Double(System.now() - t0))
    }
    return lat
  }

  /// `SELECT body FROM events ORDER BY seq` on a fresh connection, touching every body.
  static func scan(path: String) -> (rows: Int, nanos: UInt64) {
    let t0 = System.now()
    let db = SQLiteDB(path: path)
    let stmt = db.prepare("SELECT body FROM events ORDER BY seq")
    var rows = 0
    var sink = 0
    while true {
      let rc = sqlite3_step(stmt)
      if rc == SQLITE_DONE { break }
      guard rc == SQLITE_ROW else { System.fail("SQLite scan: \(db.errorMessage)") }
      if let p = sqlite3_column_text(stmt, 0) { sink &+= Int(p[0]) }
      sink &+= Int(sqlite3_column_bytes(stmt, 0))
      rows += 1
    }
    sqlite3_finalize(stmt)
    let nanos = System.now() - t0
    if sink == 42 { print("") }
    return (rows, nanos)
  }

  /// Database + WAL bytes after a full checkpoint (WAL truncated).
  static func bytesOnDisk(path: String) -> Int64 {
    let db = SQLiteDB(path: path)
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
    return System.fileSize(path) + System.fileSize(path + "-wal")
  }
}
