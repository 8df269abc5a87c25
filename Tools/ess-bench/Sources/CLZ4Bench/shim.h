#ifndef ESS_BENCH_CLZ4_SHIM_H
#define ESS_BENCH_CLZ4_SHIM_H
#include <lz4frame.h>
#endif
