#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

// The one include. SwiftPM adds -I/usr/include/graphviz from pkg-config
// (libgvc); the graphviz/ prefix also resolves with the default search path.
#include <graphviz/gvc.h>
#include <graphviz/graphviz_version.h>
#include <stdlib.h>

// Only what Sources/Graphviz/GraphvizRenderer.swift needs that Swift cannot
// call directly. Everything else (gvContext, gvLayout, agclose, ...) is
// called from Swift as declared by gvc.h.

/// Parses DOT text held in memory; NULL when nothing could be parsed.
/// Graphviz 2.4x declares the text `char *` although it only reads it; Swift
/// bridges String only to `const char *`, so the cast lives here.
static inline Agraph_t *cgv_memread(const char *text) {
    return agmemread((char *)text);
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
