/*
 * findings.h - the face of src/findings: the one representation of what the
 * advisor reports (Finding, finding.h) and the catalogue of check ids that
 * every Finding names (checks.h).  Below policy: a Finding knows rules
 * (a location, a sid, the rule text) but not rule groups or policies; the
 * group is a name the producer sets.
 */
#ifndef NFW_FINDINGS_FINDINGS_H
#define NFW_FINDINGS_FINDINGS_H

#include "findings/finding.h"
#include "findings/checks.h"
#include "findings/suppress.h"

#endif
