// A closed-loop HTTP/1.1 load generator: N connections with keep-alive, each sending its next
// request as soon as the previous answer is in; latencies recorded per request.
#pragma once
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace uia::bench {

struct LoadResult {
  long long requests = 0;
  long long failures = 0;  // non-2xx or connection errors
  double seconds = 0;
  std::vector<double> latencies_ms;
  double rate() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
  double percentile(double p) const;
};

// `make_request(connection, sequence)` returns the raw HTTP request to send next.
LoadResult run_load(int port, int connections, std::chrono::milliseconds duration,
                    const std::function<std::string(int connection, long long sequence)>& make_request);

}  // namespace uia::bench
