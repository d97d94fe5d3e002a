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

#include "../CLazyLoader/include/CLazyLoader.h"

/* libxml2 is opened on first use (see CLazyLoader.h), never linked, so Gloss calls it only
   through the wrappers below. When the library is missing, they return NULL or 0 (or do
   nothing), and the parsers report glossLazyLoadError(GLOSS_LAZY_LIBXML2). */
#define GLOSS_XML_FUNCTION(name) GLOSS_LAZY_FUNCTION(GLOSS_LAZY_LIBXML2, name)

static inline void gloss_xmlInitParser(void) {
    GLOSS_XML_FUNCTION(xmlInitParser)
    if (xmlInitParser_function) xmlInitParser_function();
}

static inline xmlParserCtxtPtr gloss_xmlNewParserCtxt(void) {
    GLOSS_XML_FUNCTION(xmlNewParserCtxt)
    return xmlNewParserCtxt_function ? xmlNewParserCtxt_function() : NULL;
}

static inline void gloss_xmlFreeParserCtxt(xmlParserCtxtPtr context) {
    GLOSS_XML_FUNCTION(xmlFreeParserCtxt)
    if (xmlFreeParserCtxt_function && context) xmlFreeParserCtxt_function(context);
}

static inline xmlDocPtr gloss_xmlCtxtReadMemory(xmlParserCtxtPtr context, const char *buffer, int size,
                                                const char *url, const char *encoding, int options) {
    GLOSS_XML_FUNCTION(xmlCtxtReadMemory)
    return xmlCtxtReadMemory_function ? xmlCtxtReadMemory_function(context, buffer, size, url, encoding, options) : NULL;
}

static inline htmlParserCtxtPtr gloss_htmlNewParserCtxt(void) {
    GLOSS_XML_FUNCTION(htmlNewParserCtxt)
    return htmlNewParserCtxt_function ? htmlNewParserCtxt_function() : NULL;
}

static inline void gloss_htmlFreeParserCtxt(htmlParserCtxtPtr context) {
    GLOSS_XML_FUNCTION(htmlFreeParserCtxt)
    if (htmlFreeParserCtxt_function && context) htmlFreeParserCtxt_function(context);
}

static inline htmlDocPtr gloss_htmlCtxtReadMemory(htmlParserCtxtPtr context, const char *buffer, int size,
                                                  const char *url, const char *encoding, int options) {
    GLOSS_XML_FUNCTION(htmlCtxtReadMemory)
    return htmlCtxtReadMemory_function ? htmlCtxtReadMemory_function(context, buffer, size, url, encoding, options) : NULL;
}

static inline void gloss_xmlFreeDoc(xmlDocPtr document) {
    GLOSS_XML_FUNCTION(xmlFreeDoc)
    if (xmlFreeDoc_function && document) xmlFreeDoc_function(document);
}

static inline xmlNodePtr gloss_xmlDocGetRootElement(const xmlDoc *document) {
    GLOSS_XML_FUNCTION(xmlDocGetRootElement)
    return xmlDocGetRootElement_function ? xmlDocGetRootElement_function(document) : NULL;
}

static inline void gloss_xmlUnlinkNode(xmlNodePtr node) {
    GLOSS_XML_FUNCTION(xmlUnlinkNode)
    if (xmlUnlinkNode_function) xmlUnlinkNode_function(node);
}

static inline void gloss_xmlFreeNode(xmlNodePtr node) {
    GLOSS_XML_FUNCTION(xmlFreeNode)
    if (xmlFreeNode_function) xmlFreeNode_function(node);
}

static inline xmlChar *gloss_xmlNodeGetBase(const xmlDoc *document, const xmlNode *node) {
    GLOSS_XML_FUNCTION(xmlNodeGetBase)
    return xmlNodeGetBase_function ? xmlNodeGetBase_function(document, node) : NULL;
}

static inline xmlEntityPtr gloss_xmlGetDocEntity(const xmlDoc *document, const xmlChar *name) {
    GLOSS_XML_FUNCTION(xmlGetDocEntity)
    return xmlGetDocEntity_function ? xmlGetDocEntity_function(document, name) : NULL;
}

static inline const htmlEntityDesc *gloss_htmlEntityLookup(const xmlChar *name) {
    GLOSS_XML_FUNCTION(htmlEntityLookup)
    return htmlEntityLookup_function ? htmlEntityLookup_function(name) : NULL;
}

static inline xmlChar *gloss_xmlBuildURI(const xmlChar *reference, const xmlChar *base) {
    GLOSS_XML_FUNCTION(xmlBuildURI)
    return xmlBuildURI_function ? xmlBuildURI_function(reference, base) : NULL;
}

static inline xmlCharEncodingHandlerPtr gloss_xmlFindCharEncodingHandler(const char *name) {
    GLOSS_XML_FUNCTION(xmlFindCharEncodingHandler)
    return xmlFindCharEncodingHandler_function ? xmlFindCharEncodingHandler_function(name) : NULL;
}

static inline int gloss_xmlCharEncCloseFunc(xmlCharEncodingHandler *handler) {
    GLOSS_XML_FUNCTION(xmlCharEncCloseFunc)
    return xmlCharEncCloseFunc_function ? xmlCharEncCloseFunc_function(handler) : -1;
}

/* `xmlFree` is a global function pointer, which Swift 6 rejects as not concurrency-safe. */
static inline void glossXMLFree(void *pointer) {
    static xmlFreeFunc *_Atomic cached_free = NULL;
    xmlFreeFunc *free_variable = atomic_load_explicit(&cached_free, memory_order_relaxed);
    if (free_variable == NULL) {
        free_variable = (xmlFreeFunc *)glossLazySymbol(GLOSS_LAZY_LIBXML2, "xmlFree");
        atomic_store_explicit(&cached_free, free_variable, memory_order_relaxed);
    }
    if (free_variable && *free_variable && pointer) (*free_variable)(pointer);
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
    GLOSS_XML_FUNCTION(xmlSetGenericErrorFunc)
    GLOSS_XML_FUNCTION(xmlSetStructuredErrorFunc)
    if (xmlSetGenericErrorFunc_function) xmlSetGenericErrorFunc_function(NULL, glossIgnoreGenericError);
    if (xmlSetStructuredErrorFunc_function) xmlSetStructuredErrorFunc_function(encodingErrors, glossStructuredError);
}

#endif
