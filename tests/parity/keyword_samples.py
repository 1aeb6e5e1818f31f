"""A valid sample value for every Suricata 7.0 keyword that takes one.

Used by check_keywords.py to probe each keyword with and without a value and
under several protocols.  Keywords missing here are probed without a value.
"""

SAMPLES = {
    "sid": "1", "priority": "1", "rev": "1", "gid": "1", "classtype": "trojan-activity",
    "msg": '"m"', "reference": "url,example.com", "metadata": "key value",
    "app-layer-protocol": "http", "tcp.ack": "1", "tcp.seq": "1", "tcp.window": "1",
    "ack": "1", "seq": "1", "window": "1", "flags": "S",
    "ipopts": "rr", "tcp.flags": "S", "fragbits": "M", "fragoffset": "0", "ttl": "1",
    "tos": "8", "itype": "8", "icode": "0", "icmp_id": "1", "icmp_seq": "1",
    "dsize": "10", "flow": "established", "threshold": "type limit, track by_src, count 1, seconds 60",
    "tag": "session,10,packets", "content": '"abc"', "uricontent": '"abc"', "pcre": '"/abc/"',
    "depth": "10", "distance": "0", "within": "10", "offset": "0", "replace": '"abc"',
    "fast_pattern": "only", "byte_test": "1,>,1,0", "byte_jump": "1,0", "byte_math": "bytes 1, offset 0, oper +, rvalue 1, result r",
    "geoip": "dst,RU", "ip_proto": "6", "isdataat": "1", "id": "1", "rpc": "100000,*,*",
    "flowvar": "fv,\"abc\"", "flowint": "fi,=,1", "pktvar": "pv,\"abc\"", "flowbits": "set,fb",
    "hostbits": "set,hb,src", "xbits": "set,xb,track ip_src", "ipv4-csum": "valid", "tcpv4-csum": "valid",
    "tcpv6-csum": "valid", "udpv4-csum": "valid", "udpv6-csum": "valid", "icmpv4-csum": "valid",
    "icmpv6-csum": "valid", "stream_size": "server,>,1", "detection_filter": "track by_src, count 1, seconds 60",
    "dataset": "isset,ds,type string,load ds.lst", "datarep": "ds,>,1", "decode-event": "ipv4.pkt_too_small",
    "nfq_set_mark": "1/1", "bsize": "10", "frame": "tls.pdu", "flow.age": "1", "requires": "version >= 7",
    "tls.version": "1.2", "tls.subject": '"CN=x"', "tls.issuerdn": '"CN=x"', "tls_subject": '"CN=x"',
    "tls_cert_notbefore": ">2015", "tls_cert_notafter": ">2015", "tls.fingerprint": '"00:11:22:33:44:55:66:77:88:99:00:11:22:33:44:55:66:77:88:99"',
    "tls.cert_chain_len": "1", "urilen": "10", "nfs_procedure": "1", "nfs.version": "3",
    "ssh.protoversion": "2.0", "ssh.softwareversion": "OpenSSH", "ssl_version": "tls1.2", "ssl_state": "client_hello",
    "byte_extract": "1,0,be", "app-layer-event": "http.uri_delim_non_compliant",
    "http2.frametype": "GOAWAY", "http2.errorcode": "NO_ERROR", "http2.priority": "1", "http2.window": "1",
    "http2.size_update": "1", "http2.settings": "SETTINGS_ENABLE_PUSH", "dcerpc.iface": "4b324fc8-1670-01d3-1278-5a47bf6ee188",
    "dcerpc.opnum": "1", "asn1": "bitstring_overflow", "engine-event": "ipv4.pkt_too_small", "stream-event": "3whs_ack_in_wrong_dir",
    "config": "logging disable, type tx, scope tx", "filename": '"a.exe"', "fileext": '"exe"', "filestore": "",
    "filemagic": '"PE32"', "filemd5": "md5.lst", "filesha1": "sha1.lst", "filesha256": "sha256.lst",
    "filesize": ">10", "l3_proto": "ipv4", "lua": "x.lua", "iprep": "src,BadHosts,>,30", "dns.opcode": "0",
    "modbus": "function 1", "cip_service": "1", "enip_command": "99", "dnp3_func": "1", "dnp3_ind": "device_restart",
    "dnp3_obj": "1,1", "base64_decode": "bytes 10", "krb5_err_code": "1", "krb5_msg_type": "1",
    "krb5.ticket_encryption": "rc4-hmac", "rfb.secresult": "ok", "rfb.sectype": "1", "template2": "1",
    "icmpv6.mtu": "1", "tcp.mss": "1", "ftpdata_command": "stor", "target": "src_ip", "dhcp.leasetime": "1",
    "dhcp.rebinding_time": "1", "dhcp.renewal_time": "1", "snmp.version": "2", "snmp.pdu_type": "1",
    "mqtt.type": "CONNECT", "mqtt.flags": "retain", "mqtt.qos": "0", "mqtt.protocol_version": "5",
    "mqtt.reason_code": "0", "mqtt.connect.flags": "username", "mqtt.connack.session_present": "true",
    "pcrexform": '"(abc)"', "xor": '"0d0ac8ff"', "ike.exchtype": "1", "ike.chosen_sa_attribute": "alg_enc=7",
    "ike.key_exchange_payload_length": "1", "ike.nonce_payload_length": "1", "template": "1,10",
    "luajit": "x.lua", "dce_iface": "4b324fc8-1670-01d3-1278-5a47bf6ee188", "dce_opnum": "1",
    "dnp3.func": "1", "dnp3.ind": "device_restart", "dnp3.obj": "1,1", "nfs_version": "3",
    "mqtt.connack.return_code": "0", "tls_fingerprint": '"00:11"', "tls_issuerdn": '"CN=x"',
    "ssh_protoversion": "2.0", "ssh_softwareversion": "OpenSSH",
}

# Protocols used to learn which app-layer protocol a keyword forces: a rule
# `alert <proto> ...` using the keyword either loads or fails with "can't set
# rule app proto to X: already set to <proto>".
PROBE_PROTOCOLS = ["tcp", "http", "http2", "tls", "dns", "smtp", "ftp", "smb", "nfs", "ssh",
                   "krb5", "dcerpc", "snmp", "mqtt", "quic", "sip", "rfb", "ike", "dhcp",
                   "ftp-data", "tftp", "ntp", "rdp", "http1", "pgsql", "telnet", "imap", "bittorrent-dht"]
