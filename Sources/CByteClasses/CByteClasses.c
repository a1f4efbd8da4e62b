// The target is its header (`include/CByteClasses.h`); SwiftPM needs one source file.
#include "CByteClasses.h"
