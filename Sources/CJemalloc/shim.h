/* Linking jemalloc is all it takes: it replaces malloc and free for the whole process. Nothing
   here is called from Swift. */
#include <stdlib.h>
