// A child process for the journal's crash, concurrency and disk-full tests.
// Not a user tool: it prints one line per durable commit so the parent test
// knows exactly what was acknowledged before it killed this process.
//
//   ess-stress loop DIR BATCH TAG        append batches forever, print "ok <lastSeq>" after each
//   ess-stress append DIR COUNT TAG      append COUNT single events, print "ok <seq>" after each
//   ess-stress fsize DIR LIMIT COUNT     set RLIMIT_FSIZE to LIMIT bytes, append one batch of COUNT
import Glibc
import Journal

/// Unbuffered: a line is out before the next commit starts.
func say(_ s: String) {
  let bytes = Array((s + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}
let args = CommandLine.arguments

func event(_ tag: String, _ n: Int) -> NewEvent {
  NewEvent(
    type: "books.donation-counted", occurredOn: "2022-12-31", author: "stress-\(tag)",
    source: "ess-stress", data: ["books": .number(JSONNumber(Int64(n % 1000 + 1))), "site": .string("site \(tag) \(n)")])
}

func fail(_ error: JournalError) -> Never {
  say("error \(error.code.rawValue) \(error.message)")
  exit(error.code == .diskFull ? 3 : 1)
}

guard args.count >= 5 else {
  say("usage: ess-stress loop|append|fsize DIR N TAG")
  exit(2)
}
let dir = args[2]
do {
  var options = WriterOptions()
  options.lockTimeout = 120
  if let s = getenv("ESS_STRESS_SEGMENT_BYTES"), let v = Int(String(cString: s)) { options.segmentBytes = v }
  switch args[1] {
  case "loop":
    let writer = try Writer(at: dir, options: options)
    let batch = Int(args[3]) ?? 1
    var n = 0
    while true {
      let done = try writer.append((0..<batch).map { event(args[4], n + $0) })
      n += batch
      say("ok \(done.last!.seq) \(done.last!.hash)")
    }
  case "append":
    let writer = try Writer(at: dir, options: options)
    for n in 0..<(Int(args[3]) ?? 0) {
      let done = try writer.append([event(args[4], n)])
      say("ok \(done[0].seq)")
    }
  case "fsize":
    var limit = rlimit(rlim_cur: rlim_t(Int(args[3]) ?? 0), rlim_max: rlim_t(Int(args[3]) ?? 0))
    guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0 else {
      say("error setrlimit")
      exit(2)
    }
    let writer = try Writer(at: dir, options: options)
    let done = try writer.append((0..<(Int(args[4]) ?? 1)).map { event("fsize", $0) })
    say("ok \(done.last!.seq)")
  default:
    say("unknown mode \(args[1])")
    exit(2)
  }
} catch {
  fail(error)  // every call above throws JournalError only
}
