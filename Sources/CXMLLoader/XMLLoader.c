#include "CXMLLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static void *library = NULL;
static char load_error_text[512];

static void load(void) {
    static const char *const names[] = {"libxml2.so.2", "libxml2.so"};
    char first_error[256] = "";
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && first_error[0] == '\0') {
            const char *error = dlerror();
            if (error != NULL) snprintf(first_error, sizeof first_error, "%s", error);
        }
    }
    if (library == NULL) {
        snprintf(load_error_text, sizeof load_error_text, "cannot open libxml2.so.2%s%s",
                 first_error[0] ? ": " : "", first_error);
    }
}

const char *glossLibXML2LoadError(void) {
    pthread_once(&load_once, load);
    return library == NULL ? load_error_text : NULL;
}

void *glossLibXML2Symbol(const char *name) {
    pthread_once(&load_once, load);
    if (library == NULL) return NULL;
    return dlsym(library, name);
}
