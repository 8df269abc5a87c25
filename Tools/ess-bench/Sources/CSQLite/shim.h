#ifndef ESS_CSQLITE_SHIM_H
#define ESS_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
