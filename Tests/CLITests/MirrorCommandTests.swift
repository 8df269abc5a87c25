import Foundation
import TestSupport
import Testing

/// `ess publish` served by a stock static web server (Python's http.server, on 127.0.0.1 only), and `ess mirror` of
/// its URL: same events, same roots, verify passes on the mirror, the demo's receipt re-runs on it; a tampered tile on
/// the server is refused and the mirror left as it was.
@Suite("Publish and mirror over HTTP", .serialized)
struct MirrorCommandTests {
  /// `python3 -m http.server` on an ephemeral loopback port, serving `folder`; stopped by `stop()`.
  final class StaticServer {
    let process = Process()
    let port: Int

    init(serving folder: String) throws {
      let python = try #require(
        Tools.which("python3")
          ?? ProcessInfo.processInfo.environment["PATH"].flatMap { path in
            path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
          })
      process.executableURL = URL(fileURLWithPath: python)
      process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder]
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      try process.run()
      // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
      var text = ""
      let handle = out.fileHandleForReading
      while !text.contains(") ..."), text.count < 4096 {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        text += String(decoding: chunk, as: UTF8.self)
      }
      port = try #require(text.firstMatch(of: /port (\d+)/).flatMap { Int($0.1) }, "http.server said: \(text)")
    }

    /// SIGKILL: the server may have inherited an ignored SIGTERM from whoever runs the tests. Once only.
    func stop() {
      guard process.isRunning else { return }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  @Test func aMirrorOfAPublishedDemoOverHTTP() throws {
    let ess = try #require(Tools.built("ess"))
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ess-mirror-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let demo = work + "/demo"
    let site = work + "/site"
    let mirror = work + "/mirror"
    let made = try Tools.run(ess, ["demo", demo])
    #expect(made.status == 0)
    let publisherVkey = try #require(made.stdout.firstMatch(of: /--vkey (\S+)/).map { String($0.1) })
    let published = try Tools.run(ess, ["publish", site, "--journal", demo, "--bilan", demo + "-bilan-2022.txt"])
    #expect(published.status == 0 && published.stdout.hasPrefix("Published the tree of 1358 events"), "\(published.stderr)")

    let server = try StaticServer(serving: site)
    defer { server.stop() }
    let url = "http://127.0.0.1:\(server.port)/"
    let first = try Tools.run(ess, ["mirror", url, mirror, "--vkey", demo + "/checkpoints/log.vkey"])
    #expect(first.status == 0 && first.stdout.contains("events 1…1358 appended"), "\(first.stderr)")
    #expect(try Tools.run(ess, ["verify", "--journal", mirror]).status == 0)
    #expect(try Tools.run(ess, ["export", "--journal", mirror]).stdout == (try Tools.run(ess, ["export", "--journal", demo]).stdout))
    let rerun = try Tools.run(
      ess,
      [
        "verify-receipt", site + "/bilans/demo-bilan-2022.txt.receipt", site + "/bilans/demo-bilan-2022.txt", "--vkey", publisherVkey,
        "--journal", mirror, "--rerun",
      ])
    #expect(rerun.status == 0, "\(rerun.stderr)")

    // The source grows; a tile tampered on the server is refused, the mirror kept; once repaired, the mirror follows.
    #expect(
      try Tools.run(
        ess, ["append", "books.donation-counted", "books=12", "--occurred-on", "2023-01-02", "--author", "t", "--journal", demo]
      )
      .status == 0)
    #expect(try Tools.run(ess, ["checkpoint", "--journal", demo, "--key", demo + "-demo-log.key"]).status == 0)
    #expect(try Tools.run(ess, ["publish", site, "--journal", demo]).status == 0)
    let tile = site + "/tile/0/005.p/79"
    let good = try Data(contentsOf: URL(fileURLWithPath: tile))
    var bad = good
    bad[100] ^= 1
    try bad.write(to: URL(fileURLWithPath: tile))
    let before = try FolderSnapshot.files(of: mirror, excluding: ["LOCK", "merkle.tiles"])
    let refused = try Tools.run(ess, ["mirror", url, mirror])
    #expect(
      refused.status == 1 && refused.stderr.hasPrefix("ess: The source's tile/0/005.p/79 is not the hashes of its entries"),
      "\(refused.stderr)")
    #expect(try FolderSnapshot.files(of: mirror, excluding: ["LOCK", "merkle.tiles"]) == before)
    try good.write(to: URL(fileURLWithPath: tile))
    let second = try Tools.run(ess, ["mirror", url, mirror])
    #expect(second.status == 0 && second.stdout.contains("events 1359…1359 appended"), "\(second.stderr)")

    // A URL where nothing is published, and a server that is gone: one sentence each, the mirror kept.
    let kept = try FolderSnapshot.files(of: mirror, excluding: ["LOCK", "merkle.tiles"])
    let nothing = try Tools.run(ess, ["mirror", url + "nothing-here/", mirror])
    #expect(nothing.status != 0 && nothing.stderr.contains("nothing-here/checkpoint answered HTTP 404"), "\(nothing.stderr)")
    server.stop()
    let gone = try Tools.run(ess, ["mirror", url, mirror])
    #expect(
      gone.status != 0 && gone.stderr.contains("Cannot fetch \(url)checkpoint: curl: (7)") && gone.stderr.split(separator: "\n").count == 1,
      "\(gone.stderr)")
    #expect(try FolderSnapshot.files(of: mirror, excluding: ["LOCK", "merkle.tiles"]) == kept)
  }
}
