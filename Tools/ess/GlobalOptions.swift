/// Options users put before the command, as with `git -C` or `kubectl --context`.
enum GlobalOptions {
  /// `ess --journal DIR bilan 2022` means `ess bilan 2022 --journal DIR`: a
  /// `--journal` given before the command is moved right after the command's name.
  static func movingJournalAfterCommand(_ arguments: [String]) -> [String] {
    var leading: [String] = []
    var rest = arguments[...]
    while let first = rest.first {
      if first == "--journal", rest.count >= 2 {
        leading += rest.prefix(2)
        rest = rest.dropFirst(2)
      } else if first.hasPrefix("--journal=") {
        leading.append(first)
        rest = rest.dropFirst()
      } else {
        break
      }
    }
    guard !leading.isEmpty, let command = rest.first, !command.hasPrefix("-") else { return arguments }
    return [command] + leading + rest.dropFirst()
  }
}
