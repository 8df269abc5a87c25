/// The `lz4` command-line tool as the yardstick: how fast it decompresses the
/// journal's segments (`lz4 -dcm … | wc -l`; `-m` lets it take several files,
/// and it skips the journal's skippable header/trailer frames), and how small
/// `lz4 -1` makes the same JSON Lines.
enum LZ4CLIBench {
  static func available() -> Bool {
    System.run(["/bin/sh", "-c", "command -v lz4 >/dev/null 2>&1"]).status == 0
  }

  static func fileList(_ files: [String]) -> String {
    files.map(System.quote).joined(separator: " ")
  }

  /// Times the whole pipeline `lz4 -dcm FILES | wc -l` run through /bin/sh.
  static func decompressLines(_ files: [String]) -> (lines: Int, nanos: UInt64) {
    let command = "lz4 -dcm \(fileList(files)) | wc -l"
    let t0 = System.now()
    let out = System.shell(command)
    let nanos = System.now() - t0
    return (Int(out.filter { $0.isNumber }) ?? -1, nanos)
  }

  /// Bytes the segments decompress to (the journal's JSON Lines).
  static func contentBytes(_ files: [String]) -> Int64 {
    Int64(System.shell("lz4 -dcm \(fileList(files)) | wc -c").filter { $0.isNumber }) ?? -1
  }

  /// `lz4 -1` size of the JSON Lines the segments hold (extracted with `lz4 -dcm`).
  static func level1SizeOfContent(_ files: [String]) -> Int64 {
    Int64(System.shell("lz4 -dcm \(fileList(files)) | lz4 -1 -c | wc -c").filter { $0.isNumber }) ?? -1
  }

  /// `lz4 -1 -c FILE | wc -c`.
  static func level1Size(of file: String) -> Int64 {
    Int64(System.shell("lz4 -1 -c \(System.quote(file)) | wc -c").filter { $0.isNumber }) ?? -1
  }
}
