// swift-tools-version:6.0
import PackageDescription

// The benchmark: the journal against SQLite, raw disk writes, the bulk-append floor and the lz4 command,
// side by side, and the costs of the ess command line at growing history sizes.
// A package of its own, so that building ess never needs SQLite:
//   swift run -c release --package-path Tools/ess-bench ess-bench --events 300000
// (or `Tools/ess-dev bench`, which installs what is missing and builds the release ess first).
let package = Package(
  name: "ess-bench",
  dependencies: [
    .package(name: "ess", path: "../.."),
    // The bulk-append floor hashes with the journal's SHA-256: the same package, the same versions as ../../Package.swift.
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    // The system libsqlite3, the baseline's.
    .systemLibrary(
      name: "CSQLite",
      path: "Sources/CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // The system liblz4 (frame API), the bulk-append floor's compression: the library the journal links.
    .systemLibrary(
      name: "CLZ4Bench",
      path: "Sources/CLZ4Bench",
      pkgConfig: "liblz4",
      providers: [.apt(["liblz4-dev"])]
    ),
    // Runs one command and reports its wall time and peak RSS: a small process, so that the peak is the command's
    // (a child's ru_maxrss counts the peak of the process it was spawned from; see its main.swift).
    .executableTarget(name: "ess-bench-spawn", dependencies: ["BenchProc"], path: "Sources/ess-bench-spawn"),
    // What both read of /proc/self/status.
    .target(name: "BenchProc", path: "Sources/BenchProc"),
    .executableTarget(
      name: "ess-bench",
      dependencies: [
        .product(name: "Journal", package: "ess"), .product(name: "Service", package: "ess"), "CSQLite", "CLZ4Bench",
        .product(name: "Crypto", package: "swift-crypto"), "ess-bench-spawn", "BenchProc",
      ],
      path: "Sources/ess-bench"
    ),
  ]
)
