/*
 * fuzz_policy.c - fuzz target: the AWS rule-group / firewall-policy JSON
 * loader (policy_load_text, then policy_finish).
 *
 * The input is split at NUL bytes into several in-memory files, the first
 * named policy.json and the others group-N.json (or .rules when the part
 * does not start with JSON), so that the fuzzer can build policies that
 * reference their groups, themselves or missing groups.  Load errors are
 * expected; only crashes, leaks and sanitizer reports are bugs.
 */
#include <string.h>
#include <glib.h>

#include "policy/policy.h"
#include "fuzz.h"

#define FUZZ_MAX_FILES 8

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    Policy *policy = policy_new(size > 0 && (data[0] & 1) ? RULE_ORDER_STRICT : RULE_ORDER_ACTION);
    gsize start = 0;
    for (int n = 0; n < FUZZ_MAX_FILES && start <= size; n++) {
        const char *nul = size > start ? memchr(text + start, '\0', size - start) : NULL;
        gsize end = nul ? (gsize)(nul - text) : size;
        gboolean json = end > start && (text[start] == '{' || text[start] == '[');
        char *name = n == 0 ? g_strdup("policy.json")
                            : g_strdup_printf("group-%d.%s", n, json ? "json" : "rules");
        /* A copy of exactly the part's bytes, so ASan sees any over-read. */
        char *copy = g_memdup2(text + start, end - start);
        GError *error = NULL;
        if (!policy_load_text(policy, name, copy, end - start, &error))
            g_clear_error(&error);
        g_free(copy);
        g_free(name);
        if (!nul)
            break;
        start = end + 1;
    }
    GError *error = NULL;
    if (!policy_finish(policy, &error))
        g_clear_error(&error);
    policy_free(policy);
    return 0;
}
