import Glibc

/// The processors online, for sizing parallel passes.
enum ProcessorCount {
  static let value: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
