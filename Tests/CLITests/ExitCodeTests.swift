import Foundation
import TestSupport
import Testing

/// CLI.md's exit codes for usage errors, a missing journal, and help.
@Suite("Exit codes")
struct ExitCodeTests {
  @Test(arguments: [
    (["append", "books.donation-counted", "books=3"], Int32(2), "--author"),  // no author anywhere
    (["bilan", "1800"], Int32(2), "1900"),
    (["bilan", "2022", "--as-known-on", "2023-13-01"], Int32(2), "--as-known-on"),
    (["no-such-command"], Int32(2), "no-such-command"),
    (["bilan", "2022", "--journal", "/nonexistent/ess-journal"], Int32(2), "ess init"),
    (["--help"], Int32(0), ""),
  ])
  func exitCode(_ arguments: [String], _ expected: Int32, _ words: String) throws {
    let ess = try #require(Tools.built("ess"))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: ess)
    p.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["ESS_AUTHOR"] = nil
    environment["ESS_JOURNAL"] = "/nonexistent/ess-journal"
    p.environment = environment
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == expected, "\(arguments): \(message)")
    #expect(words.isEmpty || message.contains(words), "\(arguments): \(message)")
  }
}
