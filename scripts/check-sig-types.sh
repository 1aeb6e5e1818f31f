#!/bin/bash
# The full signature-type check (issue 12): nfw-advisor's signature_type of
# every rule against Suricata 7's --engine-analysis "type", over ET Open, the
# project's own corpus and N generated header/option combinations.
#   bash scripts/check-sig-types.sh [ET_OPEN_DIR] [N]
# ET_OPEN_DIR defaults to ../shared/corpus/rules/et-open-suricata-5.0 (not
# part of the project: ET Open is only copied into fixtures/ as a sample).
# Needs suricata and a build in build/.  Prints the agreement per input;
# exit 1 on any disagreement.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
et="${1:-$here/../shared/corpus/rules/et-open-suricata-5.0}"
n="${2:-20000}"
status=0
run() {
    echo "== $*"
    /usr/bin/python3 "$here/tests/rules/sig_type_parity.py" "$@" || status=1
}
if [ -d "$et" ]; then run "$et"; else echo "ET Open not found at $et: skipped"; fi
run "$here/fixtures/parity"
run --generated "$n" --seed 7
exit $status
