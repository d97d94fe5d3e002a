#ifndef CCURL_LOADER_H
#define CCURL_LOADER_H

/*
 * A thin door to libcurl that opens the library with dlopen on first use, so programs that
 * never download anything do not pay for loading libcurl and its dependencies at start-up.
 * The curl headers are not included: the few constants below are copied from libcurl's ABI,
 * which keeps option and error numbers stable across releases. The functions are not
 * variadic, so Swift can call them.
 */

#include <stddef.h>

typedef struct ccurl_handle ccurl_handle;
typedef struct ccurl_slist ccurl_slist;

/* Same shape as libcurl's write and header callbacks. */
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

enum {
    CCURLOPT_WRITEDATA = 10001,
    CCURLOPT_URL = 10002,
    CCURLOPT_HTTPHEADER = 10023,
    CCURLOPT_HEADERDATA = 10029,
    CCURLOPT_ACCEPT_ENCODING = 10102,
    CCURLOPT_PROTOCOLS_STR = 10318,
    CCURLOPT_REDIR_PROTOCOLS_STR = 10319,
    CCURLOPT_WRITEFUNCTION = 20011,
    CCURLOPT_HEADERFUNCTION = 20079,
    CCURLOPT_FOLLOWLOCATION = 52,
    CCURLOPT_NOSIGNAL = 99,
    CCURLOPT_TIMEOUT_MS = 155,
    CCURLOPT_CONNECTTIMEOUT_MS = 156,
    /* Before 7.85 the allowed protocols were a bitmask of CCURLPROTO_* values. */
    CCURLOPT_PROTOCOLS = 181,
    CCURLOPT_REDIR_PROTOCOLS = 182,
    CCURLPROTO_HTTP = 1,
    CCURLPROTO_HTTPS = 2,
};

enum {
    CCURLINFO_RESPONSE_CODE = 0x200002,
};

enum {
    CCURLE_OK = 0,
    CCURLE_WRITE_ERROR = 23,
    CCURLE_OPERATION_TIMEDOUT = 28,
    CCURLE_UNKNOWN_OPTION = 48,
};

/* Loads libcurl and runs curl_global_init, once per process. Returns 0 on success; otherwise
 * ccurl_load_error() says why. Safe to call from several threads. */
int ccurl_load(void);
/* Why loading failed, or NULL when it did not. */
const char *ccurl_load_error(void);

/* Each of these needs a successful ccurl_load() first. */
ccurl_handle *ccurl_easy_init(void);
void ccurl_easy_cleanup(ccurl_handle *handle);
int ccurl_easy_perform(ccurl_handle *handle);
int ccurl_setopt_long(ccurl_handle *handle, int option, long value);
int ccurl_setopt_pointer(ccurl_handle *handle, int option, void *value);
int ccurl_setopt_string(ccurl_handle *handle, int option, const char *value);
int ccurl_setopt_callback(ccurl_handle *handle, int option, ccurl_data_callback callback);
int ccurl_getinfo_long(ccurl_handle *handle, int info, long *value);
const char *ccurl_easy_strerror(int code);
/* Returns the new list head, or NULL when out of memory (the old list is then unchanged). */
ccurl_slist *ccurl_slist_append(ccurl_slist *list, const char *text);
void ccurl_slist_free_all(ccurl_slist *list);

#endif
