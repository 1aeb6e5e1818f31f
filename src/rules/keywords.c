/*
 * keywords.c - lookup in the keyword registry (keywords_table.c).
 *
 * The table is small and read-only; a hash index is built once (GOnce) so
 * that lookups in the per-option hot path of a 35,000-rule set stay O(1).
 * Names are matched case-insensitively, as Suricata does.
 */
#include "rules/keywords.h"

#include <string.h>

static gpointer
keyword_index_build(gpointer unused)
{
    gsize count = 0;
    const KeywordInfo *table = keyword_table(&count);
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize i = 0; i < count; i++) {
        char *key = g_ascii_strdown(table[i].name, -1);
        if (!g_hash_table_contains(index, key))
            g_hash_table_insert(index, key, (gpointer)&table[i]);
        else
            g_free(key);
    }
    return index;
}

const KeywordInfo *
keyword_lookup(const char *name)
{
    static GOnce once = G_ONCE_INIT;
    GHashTable *index = g_once(&once, keyword_index_build, NULL);
    /* Suricata matches keyword names case-insensitively (SigTableGet). */
    char lower[64];
    gsize n = strlen(name);
    if (n >= sizeof lower)
        return NULL;
    for (gsize i = 0; i <= n; i++)
        lower[i] = g_ascii_tolower(name[i]);
    return g_hash_table_lookup(index, lower);
}
