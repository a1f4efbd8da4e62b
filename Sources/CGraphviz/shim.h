#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

// The one include. SwiftPM adds -I/usr/include/graphviz from pkg-config
// (libgvc); the graphviz/ prefix also resolves with the default search path.
#include <graphviz/gvc.h>
#include <graphviz/graphviz_version.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// Only what Sources/Graphviz/GraphvizRenderer.swift needs that Swift cannot
// call directly. Everything else (gvContext, gvLayout, agclose, ...) is
// called from Swift as declared by gvc.h.

// Deterministic layouts. cgraph numbers a named object by the address of its
// interned name, and `dot` takes clusters in that order: with malloc, the
// order (and so the picture) changed from run to run in a process whose
// other threads had allocated and freed memory before. Each graph therefore
// allocates from a region of its own whose addresses only grow (one large
// reservation, committed page by page as it is touched), so names are
// numbered in the order they first appear in the DOT text. Nothing is freed
// before the graph is closed, which unmaps the whole region at once. Should
// the reservation fail, allocation falls back to calloc (correct, but the
// order is then malloc's again).
typedef struct {
    char *base;       /* the reserved region, or NULL when falling back to calloc */
    size_t used;
    size_t reserved;
} cgv_region_t;

static void *cgv_region_open(Agdisc_t *disc) {
    (void)disc;
    cgv_region_t *r = (cgv_region_t *)calloc(1, sizeof(cgv_region_t));
    if (!r) return NULL;
    /* Address space only: pages are committed when first written. */
    for (size_t size = (size_t)1 << 36; size >= ((size_t)1 << 30); size >>= 2) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED) {
            r->base = (char *)p;
            r->reserved = size;
            break;
        }
    }
    return r;
}

/* Whether `ptr` was handed out from the region (as opposed to by calloc). */
static int cgv_region_holds(cgv_region_t *r, void *ptr) {
    return r->base && (char *)ptr >= r->base && (char *)ptr < r->base + r->reserved;
}

static void *cgv_region_alloc(void *state, size_t request) {
    cgv_region_t *r = (cgv_region_t *)state;
    size_t size = (request + 15) & ~(size_t)15;
    if (size == 0) size = 16;
    if (r->base && r->used <= r->reserved && size <= r->reserved - r->used) {
        void *p = r->base + r->used;   /* never handed out before: zero */
        r->used += size;
        return p;
    }
    return calloc(1, size);           /* no region, or past its end: freed one by one */
}

static void *cgv_region_resize(void *state, void *ptr, size_t old, size_t request) {
    cgv_region_t *r = (cgv_region_t *)state;
    if (ptr && !cgv_region_holds(r, ptr)) {
        char *p = (char *)realloc(ptr, request ? request : 1);
        if (p && request > old) memset(p + old, 0, request - old);
        return p;
    }
    void *p = cgv_region_alloc(state, request);
    if (p && ptr) memcpy(p, ptr, old < request ? old : request);
    return p;
}

static void cgv_region_free(void *state, void *ptr) {
    cgv_region_t *r = (cgv_region_t *)state;
    /* The region is released whole by cgv_region_close; calloc'd blocks now. */
    if (ptr && !cgv_region_holds(r, ptr)) free(ptr);
}

static void cgv_region_close(void *state) {
    cgv_region_t *r = (cgv_region_t *)state;
    if (!r) return;
    if (r->base) munmap(r->base, r->reserved);
    free(r);
}

static Agmemdisc_t cgv_region_disc = {
    cgv_region_open, cgv_region_alloc, cgv_region_resize, cgv_region_free, cgv_region_close,
};

/// DOT text in memory, handed to cgraph's lexer one line at a time (as
/// `agmemread` does).
typedef struct {
    const char *text;
    size_t length;
    size_t position;
} cgv_text_reader_t;

static int cgv_text_read(void *chan, char *buffer, int size) {
    cgv_text_reader_t *reader = (cgv_text_reader_t *)chan;
    if (size <= 0 || reader->position >= reader->length) return 0;
    int n = 0;
    while (n < size && reader->position < reader->length) {
        char c = reader->text[reader->position++];
        buffer[n++] = c;
        if (c == '\n') break;
    }
    return n;
}

/// Parses DOT text held in memory; NULL when nothing could be parsed. The
/// graph allocates from its own growing region (see above).
static inline Agraph_t *cgv_memread(const char *text) {
    static Agiodisc_t io;
    static Agdisc_t disc;
    io.afread = cgv_text_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    disc.mem = &cgv_region_disc;
    disc.id = &AgIdDisc;
    disc.io = &io;
    cgv_text_reader_t reader = {text, strlen(text), 0};
    agreadline(1);  /* the lexer keeps its line count between parses */
    return agread(&reader, &disc);
}

/// Names of the installed plugins of one kind ("layout", "device", ...).
/// `gvPluginList`'s last parameter is unused in 2.4x. The caller frees the
/// list with `cgv_free_plugin_list`.
static inline char **cgv_plugin_list(GVC_t *gvc, const char *kind, int *count) {
    return gvPluginList(gvc, kind, count, NULL);
}

static inline void cgv_free_plugin_list(char **list, int count) {
    if (!list) return;
    for (int i = 0; i < count; i++) free(list[i]);
    free(list);
}

// `gvRenderData`'s length is `unsigned int *` up to 2.4x and `size_t *` from
// Graphviz 13 (whose graphviz_version.h defines GRAPHVIZ_VERSION_MAJOR; 2.4x
// defines only the PACKAGE_VERSION string). The type is picked here so that
// the one call below matches the installed header exactly.
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
typedef size_t cgv_render_length_t;
#else
typedef unsigned int cgv_render_length_t;
#endif

/// Renders a laid-out graph into memory; the length is widened to `size_t`
/// so the Swift call is the same for every Graphviz version.
static inline int cgv_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
    cgv_render_length_t len = 0;
    int rc = gvRenderData(gvc, g, format, result, &len);
    *length = (size_t)len;
    return rc;
}

#endif
