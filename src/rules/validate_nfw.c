/*
 * validate_nfw.c - Network Firewall's own keywords, unknown to Suricata:
 * aws_domain_category (TLS SNI or HTTP host, in tls and http rules) and
 * aws_url_category (full URLs, in http rules), each taking one or more
 * category names separated by ','.  The names are AWS's list of managed
 * categories, as AWS's sample-suricata-generator data
 * (aws_network_firewall_best_practices.md, "Supported Categories
 * (complete list)", MIT-0) and the DG page "URL and Domain Category
 * Filtering" give them; a name not in the list is an error that names the
 * closest one.  AWS documents that neither keyword may share a rule with
 * geoip.  Only `--engine nfw` knows these keywords (KW_F_NFW_ONLY).
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/validate.h"

static const char *const aws_categories[] = {
    "Abortion",
    "Adult and Mature Content",
    "Artificial Intelligence and Machine Learning",
    "Arts and Culture",
    "Business and Economy",
    "Career and Job Search",
    "Child Abuse",
    "Command and Control",
    "Criminal and Illegal Activities",
    "Cryptocurrency",
    "Dating",
    "Education",
    "Email",
    "Entertainment",
    "Family and Parenting",
    "Fashion",
    "Financial Services",
    "Food and Dining",
    "For Kids",
    "Gambling",
    "Government and Legal",
    "Hacking",
    "Health",
    "Hobbies and Interest",
    "Home and Garden",
    "Lifestyle",
    "Malicious",
    "Malware",
    "Marijuana",
    "Military",
    "News",
    "Online Ads",
    "Parked Domains",
    "Pets",
    "Phishing",
    "Private IP Address",
    "Proxy Avoidance",
    "Real Estate",
    "Redirect",
    "Religion",
    "Search Engines and Portals",
    "Science",
    "Shopping",
    "Social Networking",
    "Spam",
    "Sports and Recreation",
    "Technology and Internet",
    "Translation",
    "Travel",
    "Vehicles",
    "Violence and Hate Speech",
};

const char *const *
nfw_categories(gsize *count)
{
    *count = G_N_ELEMENTS(aws_categories);
    return aws_categories;
}

/* Levenshtein distance, case-insensitive, for the "did you mean". */
static gsize
edit_distance(const char *a, const char *b)
{
    gsize la = strlen(a), lb = strlen(b);
    gsize *row = g_new(gsize, lb + 1);
    for (gsize j = 0; j <= lb; j++)
        row[j] = j;
    for (gsize i = 1; i <= la; i++) {
        gsize prev = row[0];
        row[0] = i;
        for (gsize j = 1; j <= lb; j++) {
            gsize cur = row[j];
            gsize cost = g_ascii_tolower(a[i - 1]) == g_ascii_tolower(b[j - 1]) ? 0 : 1;
            row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1), prev + cost);
            prev = cur;
        }
    }
    gsize d = row[lb];
    g_free(row);
    return d;
}

const char *
nfw_closest_category(const char *name)
{
    const char *best = aws_categories[0];
    gsize best_d = G_MAXSIZE;
    for (guint i = 0; i < G_N_ELEMENTS(aws_categories); i++) {
        gsize d = edit_distance(name, aws_categories[i]);
        if (d < best_d) {
            best_d = d;
            best = aws_categories[i];
        }
    }
    return best;
}

/* aws_domain_category / aws_url_category */
gboolean
validate_aws_category(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    gboolean url = strcmp(p->kw->canonical, "aws_url_category") == 0;
    AppProto a = s->alproto;
    gboolean http = a == ALPROTO_HTTP || a == ALPROTO_HTTP1 || a == ALPROTO_HTTP2;
    if (!(http || (!url && a == ALPROTO_TLS))) {
        *error = g_strdup_printf(url ? "aws_url_category works in http rules only"
                                     : "aws_domain_category works in tls and http rules only");
        return FALSE;
    }
    for (guint i = 0; i + 1 < p->rule->options->len; i++) {
        const RuleOption *o = g_ptr_array_index(p->rule->options, i);
        if (o->kw != NULL && strcmp(o->kw->canonical, "geoip") == 0) {
            *error = g_strdup("Network Firewall does not allow geoip and category filtering in "
                              "one rule: write two rules");
            return FALSE;
        }
    }
    char **names = g_strsplit(value, ",", -1);
    int at = 0;
    gboolean ok = TRUE;
    for (int i = 0; ok && names[i]; i++) {
        char *n = g_strstrip(g_strdup(names[i]));
        gboolean known = FALSE;
        for (guint k = 0; k < G_N_ELEMENTS(aws_categories); k++)
            known |= strcmp(aws_categories[k], n) == 0;
        if (!known) {
            *error = n[0] ? g_strdup_printf("unknown category '%s'; did you mean '%s'?", n,
                                            nfw_closest_category(n))
                          : g_strdup("empty category name");
            *error_offset = at;
            ok = FALSE;
        }
        at += (int)strlen(names[i]) + 1;
        g_free(n);
    }
    g_strfreev(names);
    if (!ok)
        return FALSE;
    SigMatch *sm = sig_match_new(s, SM_OTHER, p->kw->canonical);
    return sig_append(s, sm, SIG_LIST_MATCH, error);
}
