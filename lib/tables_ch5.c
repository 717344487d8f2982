#include "tables_common.h"
