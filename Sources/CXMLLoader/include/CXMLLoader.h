#ifndef CXML_LOADER_H
#define CXML_LOADER_H

/*
 * Opens libxml2 with dlopen on first use. Linking it would make every start of gloss load
 * libxml2 and, through it, ICU, zlib and liblzma, and relocate them all: about a millisecond
 * of a start-up whose first screen is measured against less (docs/PERFORMANCE.md), for a
 * library only feeds and web pages need. The typed wrappers are in CLibXML2's shim.h, which
 * has the libxml2 headers; this loader only finds addresses, so it needs no headers itself.
 */

/* The address of libxml2's exported `name` (a function or a variable), or NULL when the
   library or the name cannot be found; glossLibXML2LoadError() then says why. */
void *glossLibXML2Symbol(const char *name);

/* NULL once libxml2 is open; otherwise why it could not be opened. */
const char *glossLibXML2LoadError(void);

#endif
