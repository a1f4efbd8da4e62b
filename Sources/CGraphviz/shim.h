#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

// The one include. SwiftPM adds -I/usr/include/graphviz from pkg-config
// (libgvc); the graphviz/ prefix also resolves with the default search path.
#include <graphviz/gvc.h>
#include <stdlib.h>

// Graphviz 2.4x declares name/value parameters as non-const `char *` although
// it copies them; Swift only bridges String to `const char *`. These wrappers
// cast the const away in one place so the Swift side never strdup()s (and
// leaks). Newer Graphviz const-qualifies them; the wrappers keep source stable.

/// Parses DOT text held in memory; NULL when nothing could be parsed.
static inline Agraph_t *cgv_memread(const char *text) {
    return agmemread((char *)text);
}

/// An empty directed graph. `Agdirected` is a mutable C global, which Swift 6
/// strict concurrency refuses to touch; reading it here keeps Swift clean.
static inline Agraph_t *cgv_open_digraph(const char *name) {
    return agopen((char *)name, Agdirected, NULL);
}

static inline Agnode_t *cgv_node(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}

static inline Agedge_t *cgv_edge(Agraph_t *g, Agnode_t *t, Agnode_t *h) {
    return agedge(g, t, h, NULL, 1);
}

static inline Agsym_t *cgv_attr_default(Agraph_t *g, int kind, const char *name, const char *def) {
    return agattr(g, kind, (char *)name, (char *)def);
}

static inline int cgv_set(void *obj, const char *name, const char *value) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/// `agget` takes a non-const name; NULL when the attribute is not declared.
static inline const char *cgv_get(void *obj, const char *name) {
    return agget(obj, (char *)name);
}

/// Names of the installed plugins of one kind ("layout", "device", ...).
/// `gvPluginList`'s last parameter is unused in 2.4x. The caller frees each
/// string and then the array (see `cgv_free_plugin_list`).
static inline char **cgv_plugin_list(GVC_t *gvc, const char *kind, int *count) {
    return gvPluginList(gvc, kind, count, NULL);
}

static inline void cgv_free_plugin_list(char **list, int count) {
    if (!list) return;
    for (int i = 0; i < count; i++) free(list[i]);
    free(list);
}

/// `gvRenderData`'s length is `unsigned int *` in 2.4x and `size_t *` in newer
/// releases; widening here keeps the Swift call identical for both.
static inline int cgv_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
    unsigned int len = 0;
    int rc = gvRenderData(gvc, g, format, result, &len);
    *length = (size_t)len;
    return rc;
}

#endif
