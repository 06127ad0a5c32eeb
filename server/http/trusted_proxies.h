// Who the client is when uia runs behind a reverse proxy (nginx, a provincial gateway): the TCP
// peer is then the proxy, and per-IP limits (SMS, sign-in throttling) and the audit log would see
// one address for everybody. Only peers in the configured list are believed about the original
// address, which they append to X-Forwarded-For; anyone else could forge that header.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace uia::http {

class TrustedProxies {
 public:
  // Entries are addresses or CIDR ranges, IPv4 or IPv6: "127.0.0.1", "10.0.0.0/8", "fd00::/8".
  // Returns false with `error` naming the first entry that is neither.
  bool add(std::string_view entry, std::string& error);
  bool empty() const { return ranges_.empty(); }
  bool contains(std::string_view address) const;
  // The client's address: the peer itself unless it is a trusted proxy; then the right-most
  // X-Forwarded-For address that is not a trusted proxy (proxies append on the right, so
  // everything left of that point was written by the client and is not believed).
  std::string client_of(const std::string& peer, std::string_view forwarded_for) const;

 private:
  struct Range {
    int family;               // AF_INET or AF_INET6
    unsigned char bytes[16];  // network address
    int prefix_bits;
  };
  std::vector<Range> ranges_;
};

}  // namespace uia::http
