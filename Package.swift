// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ess",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Journal", targets: ["Journal"]),
    .library(name: "Projections", targets: ["Projections"]),
    .executable(name: "ess", targets: ["ess"]),
    .executable(name: "ess-bench", targets: ["ess-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // The system liblz4 (frame API). Only Journal/Storage/LZ4Frame.swift imports it.
    .systemLibrary(
      name: "CLZ4",
      path: "Sources/CLZ4",
      pkgConfig: "liblz4",
      providers: [.apt(["liblz4-dev"]), .brew(["lz4"])]
    ),
    // The system libsqlite3, used only by the benchmark's baseline.
    .systemLibrary(
      name: "CSQLite",
      path: "Sources/CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    .target(
      name: "Journal",
      dependencies: ["CLZ4", .product(name: "Crypto", package: "swift-crypto")],
      path: "Journal",
      exclude: ["FORMAT.md"]
    ),
    .target(name: "Projections", dependencies: ["Journal", "Catalog"], path: "Projections"),
    // The event catalog and the bundled seed history.
    .target(name: "Catalog", dependencies: ["Journal"], path: "Sources/Catalog", exclude: ["Seed/genseed.py"]),
    .executableTarget(
      name: "ess",
      dependencies: ["Journal", "Projections", "Catalog", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Tools/ess"
    ),
    .executableTarget(name: "ess-bench", dependencies: ["Journal", "Projections", "CLZ4", "CSQLite"], path: "Tools/ess-bench"),
    // A child process for the crash, concurrency and disk-full tests.
    .executableTarget(name: "ess-stress", dependencies: ["Journal"], path: "Tools/ess-stress"),
    .testTarget(name: "JournalTests", dependencies: ["Journal", "ess-stress"], path: "Tests/JournalTests"),
    .testTarget(name: "CatalogTests", dependencies: ["Catalog", "Journal"], path: "Tests/CatalogTests"),
    .testTarget(name: "CLITests", dependencies: ["ess"], path: "Tests/CLITests", exclude: ["BadInput", "Golden"]),
    .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "Catalog", "Journal"], path: "Tests/ProjectionsTests"),
  ]
)
