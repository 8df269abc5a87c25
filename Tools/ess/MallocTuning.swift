import Glibc

/// glibc's `mallopt` (declared in <malloc.h>, which the Glibc module does
/// not import), looked up by name.
enum MallocTuning {
  static func keepFreedMemory() {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD: blocks up to 32 MiB come from the heap, reused once freed
    _ = mallopt(-1, 1 << 30)  // M_TRIM_THRESHOLD: keep up to 1 GiB of freed heap
    _ = mallopt(-2, 64 << 20)  // M_TOP_PAD: grow the heap 64 MiB at a time
  }
}
