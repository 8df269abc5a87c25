/// A progress bar on standard error.
enum Progress {
  static func show(_ done: Int, _ total: Int) {
    let pct = total == 0 ? 100 : done * 100 / total
    let bar = String(repeating: "█", count: pct / 4) + String(repeating: "░", count: 25 - pct / 4)
    StandardError.write("\rChecking \(bar) \(pct)%")
  }
  static func clear() { StandardError.write("\r" + String(repeating: " ", count: 45) + "\r") }
}
