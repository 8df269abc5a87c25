// swift-tools-version:6.0
import PackageDescription

// The benchmark: the journal against SQLite, raw disk writes and the lz4 command, side by side.
// A package of its own, so that building ess never needs SQLite:
//   swift run -c release --package-path Tools/ess-bench ess-bench --events 300000
// (or `Tools/ess-dev bench`, which installs what is missing first).
let package = Package(
  name: "ess-bench",
  dependencies: [.package(name: "ess", path: "../..")],
  targets: [
    // The system libsqlite3, the baseline's.
    .systemLibrary(
      name: "CSQLite",
      path: "Sources/CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .executableTarget(
      name: "ess-bench",
      dependencies: [.product(name: "Journal", package: "ess"), .product(name: "Service", package: "ess"), "CSQLite"],
      path: "Sources/ess-bench"
    ),
  ]
)
