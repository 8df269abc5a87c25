import ArgumentParser
import Glibc

/// `--key FILE`, else `ESS_LOG_KEY`: the log's private key file (PROOFS.md §10.1).
struct LogKeyOption: ParsableArguments {
  @Option(name: .long, help: "The log's private key file (default: $ESS_LOG_KEY); mode 0600, outside the journal's folder.")
  var key: String?

  var path: String? {
    if let key { return key }
    guard let env = getenv("ESS_LOG_KEY").map({ String(cString: $0) }), !env.isEmpty else { return nil }
    return env
  }
}

/// `--vkey V` or `--policy P`: whose signatures count, for the offline checks.
struct TrustOptions: ParsableArguments {
  @Option(help: "The log's verifier key: 'name+keyid+base64', or a file holding it.") var vkey: String?
  @Option(help: "A tlog-policy file: the log keys, the witnesses and the quorum their cosignatures must meet.") var policy: String?

  func validate() throws {
    guard (vkey == nil) != (policy == nil) else { throw ValidationError("Give exactly one of --vkey V and --policy FILE.") }
  }
}

/// Writes bytes to standard output as they are.
enum StandardOutput {
  static func write(_ bytes: [UInt8]) {
    var done = 0
    while done < bytes.count {
      let n = bytes[done...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
      if n <= 0 { return }
      done += n
    }
  }
}
