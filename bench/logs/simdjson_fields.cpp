// Not part of the build: the brief simdjson measurement of bench/README.md ("Log
// reading: SIMD").  g++ -O2 -std=c++17 -o /tmp/sj bench/logs/simdjson_fields.cpp -lsimdjson
// (Debian libsimdjson-dev), then /tmp/sj LOG.jsonl.
// Brief measurement for issue 15: simdjson On-Demand over NFW JSON Lines,
// extracting the fields nfw-advisor's scanner keeps (event_type, sid, rev,
// signature, action, src/dest ip+port, proto, app_proto, flow_id, sni,
// timestamp, netflow pkts/bytes), summing sids so nothing is optimised away.
#include <simdjson.h>
#include <cstdio>
#include <chrono>
using namespace simdjson;
int main(int argc, char **argv) {
  padded_string json = padded_string::load(argv[1]);
  auto t0 = std::chrono::steady_clock::now();
  ondemand::parser parser;
  ondemand::document_stream docs = parser.iterate_many(json, 1 << 20);
  uint64_t n = 0, sids = 0, alerts = 0, bytes = 0;
  for (auto doc : docs) {
    ondemand::object top = doc.get_object();
    for (auto f : top) {
      std::string_view k = f.unescaped_key();
      if (k == "event") {
        ondemand::object ev = f.value().get_object();
        for (auto g : ev) {
          std::string_view kk = g.unescaped_key();
          if (kk == "alert") {
            alerts++;
            for (auto a : g.value().get_object()) {
              std::string_view ak = a.unescaped_key();
              if (ak == "signature_id" || ak == "rev" || ak == "severity") sids += uint64_t(a.value().get_uint64());
              else if (ak == "signature" || ak == "action" || ak == "category") bytes += std::string_view(a.value().get_string()).size();
            }
          } else if (kk == "netflow") {
            for (auto a : g.value().get_object()) {
              std::string_view ak = a.unescaped_key();
              if (ak == "pkts" || ak == "bytes") sids += uint64_t(a.value().get_uint64());
              else if (ak == "start" || ak == "end") bytes += std::string_view(a.value().get_string()).size();
            }
          } else if (kk == "tls") {
            for (auto a : g.value().get_object())
              if (a.unescaped_key().value() == "sni") bytes += std::string_view(a.value().get_string()).size();
          } else if (kk == "verdict") {
            for (auto a : g.value().get_object())
              if (a.unescaped_key().value() == "action") bytes += std::string_view(a.value().get_string()).size();
          } else if (kk == "src_port" || kk == "dest_port" || kk == "flow_id") {
            sids += uint64_t(g.value().get_uint64());
          } else if (kk == "event_type" || kk == "src_ip" || kk == "dest_ip" || kk == "proto" ||
                     kk == "app_proto" || kk == "timestamp" || kk == "direction") {
            bytes += std::string_view(g.value().get_string()).size();
          }
        }
      } else if (k == "firewall_name" || k == "availability_zone" || k == "event_timestamp") {
        bytes += std::string_view(f.value().get_string()).size();
      }
    }
    n++;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printf("records=%lu alerts=%lu sum=%lu bytes=%lu parse=%.3fs %.0f MB/s (%s)\n", n, alerts, sids, bytes, s,
         json.size() / s / 1e6, simdjson::get_active_implementation()->name().data());
}
