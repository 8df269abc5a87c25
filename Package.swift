// swift-tools-version:6.0
import PackageDescription

// The layers, every arrow one way (README, "Layout"):
//
//   Journal  ←  Domain  ←  Projections  ←  Service  ←  ess
//
// Journal: bytes, frames, durability, the hash chain, readers (knows no ESS).
// Domain: the event catalog, values, validation, the correction rules.
// Projections: pure folds of records into read models (no paths, no I/O).
// Service: the only code outside Journal that holds a path (ledger, imports, checkpoints, reports).
// ess: the command line (parses, calls one service function, prints, exit code).
//
// The benchmark (and its SQLite baseline) is a package of its own, Tools/ess-bench.
let package = Package(
  name: "ess",
  products: [
    .library(name: "Journal", targets: ["Journal"]),
    .library(name: "Domain", targets: ["Domain"]),
    .library(name: "Projections", targets: ["Projections"]),
    .library(name: "Service", targets: ["Service"]),
    .executable(name: "ess", targets: ["ess"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The HTML bilan's template engine (Service/Report): a small package, no dependencies of its own.
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // XLSX and ODS are ZIP files (Service/Spreadsheet only): a small package over the system zlib.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // The system liblz4 (frame API). Only Journal/Storage/LZ4Frame.swift imports it.
    .systemLibrary(
      name: "CLZ4",
      path: "Sources/CLZ4",
      pkgConfig: "liblz4",
      providers: [.apt(["liblz4-dev"])]
    ),
    .target(
      name: "Journal",
      dependencies: ["CLZ4", .product(name: "Crypto", package: "swift-crypto")],
      path: "Journal"
    ),
    .target(name: "Domain", dependencies: ["Journal"], path: "Sources/Domain"),
    .target(name: "Projections", dependencies: ["Domain", "Journal"], path: "Projections"),
    .target(
      name: "Service",
      dependencies: [
        "Projections", "Domain", "Journal", .product(name: "Mustache", package: "swift-mustache"),
        // SHA-1 for name-based UUIDs (v5) only.
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      path: "Sources/Service",
      exclude: ["Seed/genseed.py"],
      // The default template of the HTML bilan, compiled into the program (a copied binary needs no resource folder).
      resources: [.embedInCode("Report/bilan.html.mustache")]
    ),
    .executableTarget(
      name: "ess",
      dependencies: ["Service", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Tools/ess"
    ),
    // A child process for the crash, concurrency and disk-full tests.
    .executableTarget(name: "ess-stress", dependencies: ["Journal"], path: "Tools/ess-stress"),
    // What the test suites share: temporary journals, a seeded generator, running a built tool.
    .target(name: "TestSupport", dependencies: ["Domain", "Journal"], path: "Tests/Support"),
    .testTarget(name: "JournalTests", dependencies: ["Journal", "TestSupport", "ess-stress"], path: "Tests/JournalTests"),
    .testTarget(name: "DomainTests", dependencies: ["Domain", "Journal", "TestSupport"], path: "Tests/DomainTests"),
    .testTarget(
      name: "ProjectionsTests", dependencies: ["Projections", "Domain", "Journal", "TestSupport"], path: "Tests/ProjectionsTests"),
    .testTarget(
      name: "ServiceTests", dependencies: ["Service", "Projections", "Domain", "Journal", "TestSupport"], path: "Tests/ServiceTests",
      exclude: ["Golden"]),
    .testTarget(
      name: "PowerLossTests", dependencies: ["Service", "Domain", "Journal", "TestSupport"], path: "Tests/PowerLossTests"),
    .testTarget(name: "CLITests", dependencies: ["ess", "TestSupport"], path: "Tests/CLITests", exclude: ["BadInput", "Golden"]),
  ]
)
