#ifndef GLOSS_LIBXML2_SHIM_H
#define GLOSS_LIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, whose headers clash with the copy of ICU inside Swift's
   Foundation. Only the tail of xmlCharEncodingHandler depends on it, and Gloss never reads that
   struct, so the ICU declarations are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#include <libxml/uri.h>

/* `xmlFree` is a global function pointer, which Swift 6 rejects as not concurrency-safe. */
static inline void glossXMLFree(void *pointer) {
    xmlFree(pointer);
}

#endif
