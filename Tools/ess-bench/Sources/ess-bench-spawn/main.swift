import BenchProc
import Glibc

// ess-bench-spawn STDOUT STDERR PROGRAM [ARG…]: runs PROGRAM with stdin from
// /dev/null, stdout and stderr to those files, waits for it, and prints
// `status=… nanos=… maxrss_kb=… floor_kb=…` on its own stdout.
//
// Why a process of its own: Linux counts in a child's peak RSS (ru_maxrss)
// the peak of the memory it was spawned from (exec records the old mm's
// high-water mark; posix_spawn's child shares its parent's). Spawned from
// ess-bench, whose peak is hundreds of MB, every command would seem that
// large. Spawned from this small program, the figure is the command's own,
// or this program's peak (`floor_kb`, a few MB) if that were larger.

func peakKB() -> Int { ProcStatus.kilobytes("VmHWM") }

func now() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
  let message = "usage: ess-bench-spawn STDOUT STDERR PROGRAM [ARG…]\n"
  _ = message.withCString { write(2, $0, strlen($0)) }
  exit(2)
}
var actions = posix_spawn_file_actions_t()
posix_spawn_file_actions_init(&actions)
posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
posix_spawn_file_actions_addopen(&actions, 1, arguments[1], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
posix_spawn_file_actions_addopen(&actions, 2, arguments[2], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
var cArgs: [UnsafeMutablePointer<CChar>?] = arguments.dropFirst(3).map { strdup($0) }
cArgs.append(nil)
let floor = peakKB()
var pid: pid_t = 0
let t0 = now()
let rc = posix_spawn(&pid, arguments[3], &actions, nil, cArgs, environ)
guard rc == 0 else {
  print("status=127 nanos=0 maxrss_kb=0 floor_kb=\(floor) error=\(rc)")
  exit(0)
}
var status: Int32 = 0
var usage = rusage()
while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
let nanos = now() - t0
let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
print("status=\(code) nanos=\(nanos) maxrss_kb=\(usage.ru_maxrss) floor_kb=\(floor)")
