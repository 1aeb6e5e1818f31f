#!/usr/bin/python3
"""Rules matching what bench/gen_logs.py writes (its noisy sids, the 300-sid
tail, the logged pass rule, an allow-list catch-all), plus 20 rules that
never fire: the rule set bench/analyze/run.sh analyzes the logs against."""
print('alert http $HOME_NET any -> $EXTERNAL_NET any (msg:"ET POLICY curl User-Agent Outbound"; flow:to_server; http.user_agent; content:"curl/"; sid:2100498; rev:3;)')
print('alert http $HOME_NET any -> $EXTERNAL_NET any (msg:"ET POLICY Python-urllib/ Suspicious User Agent"; flow:to_server; http.user_agent; content:"Python-urllib/"; sid:2013028; rev:7;)')
print('drop tcp $HOME_NET any -> $EXTERNAL_NET 23 (msg:"Block telnet"; flow:to_server; sid:1000010; rev:1;)')
print('pass tls $HOME_NET any -> $EXTERNAL_NET any (msg:"Allow and log internal API"; tls.sni; content:"api.example.com"; alert; flow:to_server; sid:5000001; rev:1;)')
print('drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not matching any TLS allowlisted FQDNs"; ssl_state:client_hello; flow:to_server, established; sid:4; rev:1;)')
for i in range(300):
    action = "alert" if i % 3 else "drop"
    print('%s tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"Custom rule %d"; flow:to_server; content:"x%d"; sid:%d; rev:1;)' % (action, i, i, 3000000 + i))
for i in range(20):
    print('alert tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"Never fires %d"; flow:to_server; content:"never%d"; sid:%d; rev:1;)' % (i, i, 3100000 + i))
