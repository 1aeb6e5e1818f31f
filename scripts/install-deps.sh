#!/usr/bin/env bash
# Install everything nfw-advisor needs to build and test on Debian 12 (bookworm).
#   build:  meson, ninja, a C compiler, GLib 2.74, cJSON 1.7, PCRE2 10.42, zlib,
#           ISA-L (libisal-dev: gzip inflate ~3x zlib; optional, zlib without it),
#           libyaml (libyaml-dev: CloudFormation templates in YAML)
#   tests:  Suricata 7 from bookworm-backports (the parity oracle), jq, valgrind,
#           python3-scapy (traffic generator for oracle scenarios)
# Idempotent; must run as root (or with sudo available).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

SRC=/etc/apt/sources.list.d/debian.sources
BP=/etc/apt/sources.list.d/debian-backports.sources
if [ ! -f "$BP" ] && [ ! -f /etc/apt/sources.list.d/debian-backports.list ]; then
  if [ -f "$SRC" ]; then
    # deb822: same URIs/components/key as the main archive stanza, suite replaced.
    awk 'BEGIN{RS=""; ORS="\n\n"} !/debian-security/' "$SRC" \
      | sed -E 's/^Suites:.*/Suites: bookworm-backports/' | $SUDO tee "$BP" >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    grep -E '^deb .* bookworm( |$)' /etc/apt/sources.list | grep -v security \
      | sed -E 's/ bookworm( |$)/ bookworm-backports\1/' \
      | $SUDO tee /etc/apt/sources.list.d/debian-backports.list >/dev/null
  fi
fi

export DEBIAN_FRONTEND=noninteractive
need=""
for p in meson ninja-build gcc pkg-config libglib2.0-dev libcjson-dev libpcre2-dev \
         zlib1g-dev libisal-dev libyaml-dev clang-format jq valgrind python3-scapy python3-jsonschema; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ] || ! command -v suricata >/dev/null 2>&1; then
  $SUDO apt-get update -qq
fi
if [ -n "$need" ]; then
  $SUDO apt-get install -y -qq --no-install-recommends $need
fi
if ! command -v suricata >/dev/null 2>&1; then
  $SUDO apt-get install -y -qq -t bookworm-backports suricata
fi
# HTML report (issue 7): headless Chromium for tests/browser (skipped without it),
# python3-jsonschema for the dashboard body schema test (explicit checks without it).
for p in chromium python3-jsonschema; do
  dpkg -s "$p" >/dev/null 2>&1 || $SUDO apt-get install -y -qq --no-install-recommends "$p" \
    || echo "install-deps: $p not installed; the tests that need it are skipped" >&2
done
