/*
 * validate_common.c - number parsing shared by the keyword validators.
 */
#include "rules/parser_state.h"

#include <errno.h>
#include <string.h>

gboolean
parse_uint(const char *s, guint64 max, guint64 *out)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (!g_ascii_isdigit(*s))
        return FALSE;
    char *end = NULL;
    errno = 0;
    guint64 v = g_ascii_strtoull(s, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end != '\0' || errno == ERANGE || v > max)
        return FALSE;
    *out = v;
    return TRUE;
}
