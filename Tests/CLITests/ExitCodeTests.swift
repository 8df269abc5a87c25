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
    let r = try Tools.run(ess, arguments, environment: ["ESS_AUTHOR": nil, "ESS_JOURNAL": "/nonexistent/ess-journal"])
    let message = r.stderr
    #expect(r.status == expected, "\(arguments): \(message)")
    #expect(words.isEmpty || message.contains(words), "\(arguments): \(message)")
  }
}
