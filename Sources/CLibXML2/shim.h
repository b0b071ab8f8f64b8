// libxml2 for permille. Debian's libxml2 is built with ICU, and its headers would pull ICU
// headers that clash with the Swift toolchain's; permille needs none of the ICU parts.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
