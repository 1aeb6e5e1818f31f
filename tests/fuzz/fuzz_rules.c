/*
 * fuzz_rules.c - fuzz target: Suricata rule text (rules_text_parse) on
 * arbitrary bytes.  The parser promises never to fail: NUL bytes, invalid
 * UTF-8 and over-long lines become diagnostics, so any crash, leak or
 * sanitizer report is a bug.
 */
#include <glib.h>

#include "rules/rules.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    GPtrArray *rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
    GPtrArray *diags = g_ptr_array_new_with_free_func((GDestroyNotify)rules_text_diag_free);
    /* The text is not NUL-terminated on purpose: the parser must honour len. */
    rules_text_parse((const char *)data, size, "fuzz.rules", 1, rules, diags);
    (void)rules_text_sniff((const char *)data, size);
    g_ptr_array_unref(rules);
    g_ptr_array_unref(diags);
    return 0;
}
