// glibc's heap settings (mallopt), which the Glibc module leaves out; part of the C library.
#include <malloc.h>
