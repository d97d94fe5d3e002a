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

/* libxml2 prints some messages itself ("encoding error", "input conversion failed") through its
   per-thread generic and structured error functions, whatever the parser options say. Gloss reads
   each outcome from the parser context and reports it itself, so these are silenced on the thread
   before every parse; conversion failures, which never reach the context's last error, are counted
   in `*encodingErrors` when it is not NULL. (The generic function is variadic, which Swift cannot
   write.) */
static void glossIgnoreGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static void glossStructuredError(void *context, xmlErrorPtr error) {
    if (context == NULL || error == NULL) return;
    if (error->domain == XML_FROM_I18N || error->code == XML_IO_ENCODER || error->code == XML_ERR_INVALID_ENCODING) {
        *(int *)context += 1;
    }
}

/* Silences libxml2 on this thread and counts its conversion failures in `*encodingErrors` (NULL:
   only silence). Call again with NULL before `encodingErrors` goes away. */
static inline void glossSilenceLibXML2(int *encodingErrors) {
    xmlSetGenericErrorFunc(NULL, glossIgnoreGenericError);
    xmlSetStructuredErrorFunc(encodingErrors, glossStructuredError);
}

#endif
