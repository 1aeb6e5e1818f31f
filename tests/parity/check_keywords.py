#!/usr/bin/python3
"""Check src/rules/keywords_table.c against the installed Suricata 7.

    /usr/bin/python3 tests/parity/check_keywords.py [--verbose] [--json derived.json]

What it re-derives from Suricata (all by experiment, `suricata -T` on probe
rules, one whole-file run per probe set):
  names     `suricata --list-keywords=csv`: every keyword Suricata registers
            is in the table, and every non-alias entry is one of them.
  aliases   every table alias is accepted by Suricata (not "unknown rule
            keyword"); with --scan-aliases, every string of the suricata
            binary (and its suffixes) is tried as a keyword, so aliases the
            table lacks are found too (~5 s).
  flags     KW_F_NOOPT / KW_F_STICKY / KW_F_CONTENT_MOD / KW_F_TRANSFORM from
            the csv "features" column; KW_F_NOOPT also by probe ("K:1;"
            must fail); KW_F_OPTVALUE by probe (both "K;" and "K:value;"
            load).
  alproto   each keyword is used in `alert <proto> ...` for ~28 protocols;
            Suricata's "can't set rule app proto to X" names the protocol the
            keyword forces.  A keyword that loads under several app-layer
            protocols gets NULL (multi-protocol), as documented in the table.

Exit status 0 when the table agrees, 1 when it does not, 2 when suricata is
missing.
"""

import argparse
import json
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import suricata_run as sr  # noqa: E402
from keyword_samples import SAMPLES, PROBE_PROTOCOLS  # noqa: E402

TABLE = os.path.join(sr.SOURCE_ROOT, "src", "rules", "keywords_table.c")
# Entries may wrap over lines and write flags as "A | B" (clang-format).
# Columns: name, canonical, flags, alproto, nfw_note, validate, buffer, mirrors
# (a note or citation may be split into adjacent string literals).
STR_OR_NULL = r'(NULL|(?:"[^"]*"\s*)+)'
ENTRY_RE = re.compile(r'\{\s*"([^"]+)",\s*"([^"]+)",\s*([A-Z_|0-9 ]+?),\s*' + STR_OR_NULL + r',\s*'
                      + STR_OR_NULL + r',\s*(\w+),\s*' + STR_OR_NULL + r',\s*' + STR_OR_NULL + r'\s*\}')


def c_string(lit):
    """The value of one or more adjacent C string literals, None for NULL."""
    if lit.strip() == "NULL":
        return None
    return "".join(re.findall(r'"([^"]*)"', lit))
# rule protocols that are not app-layer protocols
PKT_PROTOS = {"tcp", "udp", "ip", "icmp", "pkthdr"}
# "alert http" means HTTP/1 or HTTP/2 (Suricata's http_any)
PROTO_ALIASES = {"http_any": "http"}


def parse_table(path=TABLE):
    entries = []
    with open(path) as fh:
        for m in ENTRY_RE.finditer(fh.read()):
            name, canon, flags, alproto, note, validate, buffer, mirrors = m.groups()
            entries.append({
                "name": name, "canonical": canon,
                "flags": set() if flags.strip() == "0" else {f.strip() for f in flags.split("|")},
                "alproto": c_string(alproto),
                "note": c_string(note),
                "validate": validate,
                "buffer": c_string(buffer),
                "mirrors": c_string(mirrors),
            })
    return entries


def suricata_keywords():
    out = subprocess.run([sr.suricata_path(), "--list-keywords=csv"], capture_output=True, text=True).stdout
    kws = {}
    for line in out.splitlines()[1:]:
        parts = line.split(";")
        if len(parts) >= 4:
            kws[parts[0]] = set(p.strip() for p in parts[3].split(":") if p.strip() and p != "none")
    return kws


def rule(proto, body, sid, name=None):
    if name in HEADER_PROTO and proto == "tcp":
        proto = HEADER_PROTO[name]
    return f'alert {proto} any any -> any any (msg:"p"; {body} sid:{sid};)'


# content a hash/fingerprint buffer accepts (others get "abc")
BUFFER_CONTENT = {
    "ja3.hash": '"e7eca2baf4458d095b7f45da28c16c34"', "ja3_hash": '"e7eca2baf4458d095b7f45da28c16c34"',
    "ja3s.hash": '"e7eca2baf4458d095b7f45da28c16c34"', "ja4.hash": '"t13d1516h2_8daaf6152771_b186095e22b6"',
    "ja4_hash": '"t13d1516h2_8daaf6152771_b186095e22b6"',
    "ssh.hassh": '"e7eca2baf4458d095b7f45da28c16c34"', "ssh.hassh.server": '"e7eca2baf4458d095b7f45da28c16c34"',
    "ssh-hassh": '"e7eca2baf4458d095b7f45da28c16c34"', "ssh-hassh-server": '"e7eca2baf4458d095b7f45da28c16c34"',
    "tls.cert_fingerprint": '"00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33"',
    "tls_cert_fingerprint": '"00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33"',
    "tls.cert_serial": '"00:11"', "tls_cert_serial": '"00:11"',
    "quic.cyu.hash": '"e7eca2baf4458d095b7f45da28c16c34"', "to_uppercase": '"ABC"',
}
# packet-header buffers need their packet protocol in the header
HEADER_PROTO = {"icmpv4.hdr": "icmp", "icmpv6.hdr": "icmp", "tcp.hdr": "tcp", "udp.hdr": "udp",
                "ipv4.hdr": "ip", "ipv6.hdr": "ip", "icmpv6.mtu": "icmp", "tcp.mss": "tcp",
                "ip_proto": "ip", "itype": "icmp", "icode": "icmp", "icmp_id": "icmp", "icmp_seq": "icmp"}


def usage(name, flags):
    """The option text of a typical valid use of keyword `name`."""
    v = SAMPLES.get(name)
    kv = f"{name}:{v};" if v else f"{name};"
    content = f"content:{BUFFER_CONTENT.get(name, chr(34) + 'abc' + chr(34))};"
    if "KW_F_TRANSFORM" in flags:
        return f"http.uri; {kv} content:{BUFFER_CONTENT.get(name, chr(34) + 'abc' + chr(34))};"
    if name in ("bsize", "dataset", "datarep"):
        return f"http.uri; {content} {kv}"
    if name == "base64_data":
        return f"base64_decode; {kv} {content}"
    if name in ("http.header.raw", "http_raw_header"):
        if "KW_F_CONTENT_MOD" in flags:
            return 'flow:to_server; content:"abc"; ' + kv
        return "flow:to_server; " + kv + " " + content
    if name == "prefilter":
        return f"{content} {kv}"
    if "KW_F_CONTENT_MOD" in flags:
        return f'content:"abc"; {kv}'
    if "KW_F_STICKY" in flags:
        return f"{kv} {content}"
    if name in ("depth", "distance", "within", "offset", "fast_pattern", "replace", "nocase",
                "rawbytes", "startswith", "endswith"):
        return f'content:"abc"; {kv}'
    return kv


def probe(names, flags_of):
    """Run all probes in one suricata -T; return {name: facts}."""
    texts, keys = [], []

    def add(key, text):
        keys.append(key)
        texts.append(text)

    for n in names:
        fl = flags_of.get(n, set())
        for p in PROBE_PROTOCOLS:
            add((n, "proto", p), rule(p, usage(n, fl), len(texts) + 1, n))
        pre = 'content:"abc"; ' if ("KW_F_CONTENT_MOD" in fl) else ""
        add((n, "bare", None), rule("tcp", f"{pre}{n};", len(texts) + 1))
        add((n, "value1", None), rule("tcp", f"{pre}{n}:1;", len(texts) + 1))
        if SAMPLES.get(n):
            add((n, "value", None), rule("tcp", f"{pre}{n}:{SAMPLES[n]};", len(texts) + 1))
        add((n, "nocontent", None), rule("tcp", f"{n}{':' + SAMPLES[n] if SAMPLES.get(n) else ''};", len(texts) + 1))
    errors, _ = sr.check_whole(texts)
    facts = {n: {"protos_ok": [], "forced": set(), "errors": {}} for n in names}
    for i, (n, kind, p) in enumerate(keys):
        e = errors.get(i)
        f = facts[n]
        if kind == "proto":
            if e is None:
                f["protos_ok"].append(p)
            else:
                for msg in e:
                    m = re.search(r"can't set rule app proto to (\S+): already set to", msg)
                    if m:
                        f["forced"].add(PROTO_ALIASES.get(m.group(1), m.group(1)))
                    if "setup buffer" in msg and "didn't add matches" in msg:
                        f["is_buffer"] = True
                f["errors"][p] = e
        else:
            f[kind] = e is None
            if e is not None:
                f["errors"][kind] = e
                if any("setup buffer" in m and "didn't add matches" in m for m in e):
                    f["is_buffer"] = True
    return facts


# keywords whose app-layer protocol comes from their value ("http.x" events)
VALUE_DEPENDENT = {"app-layer-event", "app-layer-protocol", "frame"}
# keywords probed inside another buffer (transforms, bsize ...): their own
# app-layer protocol cannot be told apart from the buffer's; they force none
PROBED_IN_BUFFER = {"bsize", "dataset", "datarep", "base64_data", "prefilter"}


def derive_alproto(name, flags, f):
    app_ok = set(p for p in f["protos_ok"] if p not in PKT_PROTOS)
    if name in VALUE_DEPENDENT:
        return None, "depends on the value"
    if name in PROBED_IN_BUFFER or "KW_F_TRANSFORM" in flags:
        return None, "applies to the current buffer"
    if not f["protos_ok"]:
        return "?", "never loads"
    if app_ok == {"http", "http1"}:
        return "http1", "loads only in http/http1 rules"
    if app_ok == {"http", "http1", "http2"}:
        return "http", "loads in http1 and http2 rules (http_any)"
    if len(app_ok) == 1:
        return next(iter(app_ok)), "loads only in " + next(iter(app_ok)) + " rules"
    if len(f["forced"]) == 1:
        return next(iter(f["forced"])), "forced"
    if len(app_ok) == len([p for p in PROBE_PROTOCOLS if p not in PKT_PROTOS]):
        return None, "any"
    return None, "multi:" + ",".join(sorted(app_ok))


def scan_aliases(listed):
    """Strings of the suricata binary (and their suffixes) that Suricata
    accepts as keyword names but does not list: its aliases."""
    out = subprocess.run(["strings", "-n", "3", sr.suricata_path()], capture_output=True, text=True).stdout
    toks = set(re.findall(r"[a-z0-9_.-]{3,40}", out))
    cands = set()
    for t in toks:
        for i in range(len(t) - 2):
            s = t[i:]
            if s[0].isalpha() and s not in listed:
                cands.add(s)
    cands = sorted(cands)
    texts = [rule("ip", f"{c};", i + 1) for i, c in enumerate(cands)]
    errors, _ = sr.check_whole(texts)
    found = {}
    for i, c in enumerate(cands):
        e = errors.get(i)
        if e is None or not any("unknown rule keyword" in m for m in e):
            found[c] = e
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scan-aliases", action="store_true", help="also search the binary for aliases the table lacks")
    ap.add_argument("--json", help="write the derived facts here")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not sr.suricata_path():
        print("suricata not found", file=sys.stderr)
        return 2

    table = parse_table()
    by_name = {e["name"]: e for e in table}
    listed = suricata_keywords()
    problems = []

    for n in listed:
        if n not in by_name:
            problems.append(f"{n}: registered by Suricata, missing from the table")
    # Network Firewall's own keywords (KW_F_NFW_ONLY) are the other way
    # round: Suricata 7.0.10 must not know them (checked by probe below).
    nfw_only = {e["name"] for e in table if "KW_F_NFW_ONLY" in e["flags"]}
    for e in table:
        if not e["mirrors"]:
            problems.append(f"{e['name']}: no citation of the Suricata function it mirrors")
        if e["name"] in nfw_only:
            continue
        if e["name"] == e["canonical"] and e["name"] not in listed and e["name"] not in ("template",):
            problems.append(f"{e['name']}: in the table as a main name, not listed by Suricata")
        if e["canonical"] not in by_name:
            problems.append(f"{e['name']}: canonical {e['canonical']} is not in the table")

    # csv features -> flags
    for n, feats in listed.items():
        e = by_name.get(n)
        if not e:
            continue
        want = {"KW_F_NOOPT": "No option" in feats,
                "KW_F_CONTENT_MOD": "content modifier" in feats, "KW_F_TRANSFORM": "transform" in feats}
        for flag, on in want.items():
            if flag == "KW_F_CONTENT_MOD" and not on:
                continue  # depth, nocase ... modify content but are not flagged so by Suricata
            if on != (flag in e["flags"]):
                problems.append(f"{n}: {flag} should be {'set' if on else 'clear'} (csv features: {','.join(sorted(feats)) or 'none'})")

    # aliases: every table alias must be a keyword Suricata accepts, and share
    # flags/alproto with its main entry
    for e in table:
        if e["name"] != e["canonical"]:
            main_e = by_name.get(e["canonical"])
            if main_e and (main_e["flags"] != e["flags"] or main_e["alproto"] != e["alproto"]):
                problems.append(f"{e['name']}: flags/alproto differ from its main entry {e['canonical']}")

    names = [e["name"] for e in table]
    facts = probe(names, {e["name"]: e["flags"] for e in table})
    for e in table:
        n, f = e["name"], facts[e["name"]]
        unknown = any("unknown rule keyword" in m for ms in f["errors"].values() for m in ms)
        if n in nfw_only:
            if not unknown:
                problems.append(f"{n}: KW_F_NFW_ONLY, but Suricata 7.0.10 knows it")
            continue
        if unknown:
            problems.append(f"{n}: Suricata says unknown rule keyword (fake alias?)")
            continue
        alp, why = derive_alproto(n, e["flags"], f)
        f["alproto"], f["alproto_why"] = alp, why
        if alp != "?" and alp != e["alproto"]:
            problems.append(f"{n}: alproto should be {json.dumps(alp)} ({why}), table has {json.dumps(e['alproto'])}")
        sticky = bool(f.get("is_buffer")) or "sticky buffer" in listed.get(e["canonical"], set())
        if sticky != ("KW_F_STICKY" in e["flags"]):
            problems.append(f"{n}: KW_F_STICKY should be {'set' if sticky else 'clear'} "
                            f"(csv or 'setup buffer' probe)")
        noopt_probe = not f.get("value1", True) and any(
            re.search(r"(no|not take|doesn't take|does not take|takes no) (option|argument|value)|unexpected option|doesn't support",
                      m, re.I) for m in f["errors"].get("value1", []))
        if "KW_F_NOOPT" in e["flags"] and f.get("value1"):
            problems.append(f"{n}: KW_F_NOOPT but '{n}:1;' loads")
        if "KW_F_NOOPT" not in e["flags"] and noopt_probe:
            problems.append(f"{n}: '{n}:1' fails as 'no option' but KW_F_NOOPT is clear: {f['errors']['value1']}")
        optvalue = f.get("bare") and (f.get("value") or f.get("value1")) and "KW_F_NOOPT" not in e["flags"]
        if n == "filestore":
            # The probe's values ("1", "x") are not filestore options; the real
            # form filestore:request,file loads, so the value is optional.
            optvalue = True
        if bool(optvalue) != ("KW_F_OPTVALUE" in e["flags"]):
            problems.append(f"{n}: KW_F_OPTVALUE should be {'set' if optvalue else 'clear'} "
                            f"(bare {'loads' if f.get('bare') else 'fails'}, with value "
                            f"{'loads' if (f.get('value') or f.get('value1')) else 'fails'})")
        if args.verbose:
            print(n, json.dumps({k: (sorted(v) if isinstance(v, set) else v) for k, v in f.items() if k != "errors"}))

    if args.scan_aliases:
        found = scan_aliases(set(listed))
        for a, e in sorted(found.items()):
            if a not in by_name and a != "template":  # registered, unlisted developer example
                problems.append(f"{a}: accepted by Suricata as a keyword (alias?), missing from the table: {e}")

    if args.json:
        with open(args.json, "w") as fh:
            json.dump({n: {k: (sorted(v) if isinstance(v, set) else v) for k, v in f.items()} for n, f in facts.items()},
                      fh, indent=1, sort_keys=True)
    for p in problems:
        print(p)
    print(f"{len(table)} table entries, {len(listed)} keywords listed by Suricata {sr.suricata_version()}, "
          f"{len(problems)} mismatches", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
