import Foundation
import Journal

/// An HTTP(S) GET, through the `curl` program.
///
/// On Linux, Foundation's URL client is itself libcurl. Linking it, with its
/// TLS, Kerberos and LDAP libraries, would add about 6 ms to the start of
/// every `ess` command, whichever it is. That is a third of the time `ess show`
/// may take. Only `ess mirror` of a URL fetches anything, so it runs `curl`
/// instead (Debian: `apt-get install curl`). curl follows redirects, honours
/// the usual proxy variables, and checks certificates.
///
/// ```swift
/// let checkpoint = try HTTPGet.fetch("https://strasbourg.eu/ess/checkpoint")
/// ```
enum HTTPGet {
  /// The longest a fetch may take, in seconds.
  static let timeout = 60

  /// The body of a `200` answer to a GET of `url` (`http://` or `https://`).
  ///
  /// - Throws: ``JournalError``: `.notFound` for a 404; `.ioFailure` for any other
  ///   answer, or when curl cannot connect or is not installed; `.invalidInput`
  ///   for a URL of another scheme.
  static func fetch(_ url: String) throws(JournalError) -> [UInt8] {
    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
      throw JournalError(.invalidInput, "'\(url)' is not an http:// or https:// URL.")
    }
    guard let curl = ExecutableSearch.find(["curl"]) else {
      throw JournalError(
        .ioFailure,
        "Mirroring a URL needs curl, which is not installed: install it (Debian: apt-get install curl), or mirror a folder.",
        at: .init(file: url))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: curl)
    // The body on standard output; curl's error, then the status code, on standard error.
    process.arguments = [
      "--silent", "--show-error", "--location", "--proto", "=http,https", "--max-time", String(timeout), "--output", "-",
      "--write-out", "%{stderr}\nHTTP %{http_code}", url,
    ]
    let body = Pipe()
    let errors = Pipe()
    process.standardOutput = body
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw JournalError(.ioFailure, "Cannot run \(curl) to fetch \(url): \(error).", at: .init(file: url))
    }
    // The body first: curl writes little to standard error, which its pipe holds meanwhile.
    let data = body.fileHandleForReading.readDataToEndOfFile()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = said.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let status = lines.last.flatMap { $0.hasPrefix("HTTP ") ? Int($0.dropFirst(5)) : nil } ?? 0
    let complaint = lines.dropLast().joined(separator: " ")
    guard process.terminationStatus == 0, status == 200 else {
      if status == 404 { throw JournalError(.notFound, "Fetching \(url) answered HTTP 404.", at: .init(file: url)) }
      if status != 0 {
        throw JournalError(.ioFailure, "Fetching \(url) answered HTTP \(status).", at: .init(file: url))
      }
      throw JournalError(
        .ioFailure, "Cannot fetch \(url): \(complaint.isEmpty ? "curl exited \(process.terminationStatus)" : complaint).",
        at: .init(file: url))
    }
    return Array(data)
  }
}
