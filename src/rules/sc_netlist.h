/*
 * sc_netlist.h - Suricata 7.0.10's address and port list scanners
 * (sc_netlist.c).  Private to src/rules.
 */
#ifndef NFW_RULES_SC_NETLIST_H
#define NFW_RULES_SC_NETLIST_H

#include <glib.h>

/* What Suricata inserts for a header field, as a bracketed list for
 * netexpr ("[80,!81]"); NULL with *error when the scan itself fails
 * (unbalanced brackets, a '!' inside a port range, nesting over 64). */
char *sc_netlist_normalize(const char *text, gboolean ports, char **error);

#endif
