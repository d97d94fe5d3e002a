#include "CCurlLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

typedef int (*global_init_fn)(long flags);
typedef ccurl_handle *(*easy_init_fn)(void);
typedef void (*easy_cleanup_fn)(ccurl_handle *);
typedef int (*easy_perform_fn)(ccurl_handle *);
/* curl_easy_setopt and curl_easy_getinfo are variadic in libcurl. */
typedef int (*easy_setopt_fn)(ccurl_handle *, int, ...);
typedef int (*easy_getinfo_fn)(ccurl_handle *, int, ...);
typedef const char *(*easy_strerror_fn)(int);
typedef ccurl_slist *(*slist_append_fn)(ccurl_slist *, const char *);
typedef void (*slist_free_all_fn)(ccurl_slist *);

static struct {
    global_init_fn global_init;
    easy_init_fn easy_init;
    easy_cleanup_fn easy_cleanup;
    easy_perform_fn easy_perform;
    easy_setopt_fn easy_setopt;
    easy_getinfo_fn easy_getinfo;
    easy_strerror_fn easy_strerror;
    slist_append_fn slist_append;
    slist_free_all_fn slist_free_all;
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error = NULL;
static char load_error_text[512];

static void fail(const char *what, const char *detail) {
    snprintf(load_error_text, sizeof load_error_text, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
    load_error = load_error_text;
}

static void *symbol(void *library, const char *name) {
    void *address = dlsym(library, name);
    if (address == NULL && load_error == NULL) fail("libcurl lacks a function", name);
    return address;
}

enum { CURL_GLOBAL_DEFAULT_FLAGS = 3 };

static void load(void) {
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    void *library = NULL;
    const char *first_error = NULL;
    char first_error_copy[256] = "";
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && first_error == NULL) {
            first_error = dlerror();
            if (first_error != NULL) snprintf(first_error_copy, sizeof first_error_copy, "%s", first_error);
        }
    }
    if (library == NULL) {
        fail("cannot open libcurl.so.4", first_error_copy[0] ? first_error_copy : NULL);
        return;
    }
    curl.global_init = (global_init_fn)symbol(library, "curl_global_init");
    curl.easy_init = (easy_init_fn)symbol(library, "curl_easy_init");
    curl.easy_cleanup = (easy_cleanup_fn)symbol(library, "curl_easy_cleanup");
    curl.easy_perform = (easy_perform_fn)symbol(library, "curl_easy_perform");
    curl.easy_setopt = (easy_setopt_fn)symbol(library, "curl_easy_setopt");
    curl.easy_getinfo = (easy_getinfo_fn)symbol(library, "curl_easy_getinfo");
    curl.easy_strerror = (easy_strerror_fn)symbol(library, "curl_easy_strerror");
    curl.slist_append = (slist_append_fn)symbol(library, "curl_slist_append");
    curl.slist_free_all = (slist_free_all_fn)symbol(library, "curl_slist_free_all");
    if (load_error != NULL) return;
    /* curl_global_init is not thread-safe in older releases; pthread_once runs it exactly once. */
    int code = curl.global_init(CURL_GLOBAL_DEFAULT_FLAGS);
    if (code != CCURLE_OK) fail("curl_global_init failed", curl.easy_strerror(code));
}

int ccurl_load(void) {
    pthread_once(&load_once, load);
    return load_error == NULL ? 0 : -1;
}

const char *ccurl_load_error(void) {
    pthread_once(&load_once, load);
    return load_error;
}

ccurl_handle *ccurl_easy_init(void) { return curl.easy_init(); }

void ccurl_easy_cleanup(ccurl_handle *handle) { curl.easy_cleanup(handle); }

int ccurl_easy_perform(ccurl_handle *handle) { return curl.easy_perform(handle); }

int ccurl_setopt_long(ccurl_handle *handle, int option, long value) {
    return curl.easy_setopt(handle, option, value);
}

int ccurl_setopt_pointer(ccurl_handle *handle, int option, void *value) {
    return curl.easy_setopt(handle, option, value);
}

int ccurl_setopt_string(ccurl_handle *handle, int option, const char *value) {
    return curl.easy_setopt(handle, option, value);
}

int ccurl_setopt_callback(ccurl_handle *handle, int option, ccurl_data_callback callback) {
    return curl.easy_setopt(handle, option, callback);
}

int ccurl_getinfo_long(ccurl_handle *handle, int info, long *value) {
    return curl.easy_getinfo(handle, info, value);
}

const char *ccurl_easy_strerror(int code) { return curl.easy_strerror(code); }

ccurl_slist *ccurl_slist_append(ccurl_slist *list, const char *text) { return curl.slist_append(list, text); }

void ccurl_slist_free_all(ccurl_slist *list) { curl.slist_free_all(list); }
