/*
 * keywords.c - lookup in the keyword registry (keywords_table.c).
 *
 * The table is small and read-only; a hash index is built once (GOnce) so
 * that lookups in the per-option hot path of a 35,000-rule set stay O(1).
 */
#include "rules/keywords.h"

static gpointer
keyword_index_build(gpointer unused)
{
    gsize count = 0;
    const KeywordInfo *table = keyword_table(&count);
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < count; i++)
        if (!g_hash_table_contains(index, table[i].name))
            g_hash_table_insert(index, (gpointer)table[i].name, (gpointer)&table[i]);
    return index;
}

const KeywordInfo *
keyword_lookup(const char *name)
{
    static GOnce once = G_ONCE_INIT;
    GHashTable *index = g_once(&once, keyword_index_build, NULL);
    return g_hash_table_lookup(index, name);
}
