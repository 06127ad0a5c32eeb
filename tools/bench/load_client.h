// A closed-loop HTTP/1.1 load generator: N connections with keep-alive, each sending its next
// request as soon as the previous answer is in; latencies recorded per request. Also a plain
// keep-alive connection for the set-up a benchmark does before the clock starts.
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

// One HTTP response (Content-Length framed; status 0 when the connection failed).
struct Response {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  // A header's value (name case-insensitive); "" when absent.
  std::string header(const std::string& name) const;
};

// `make_request(connection, sequence)` returns the raw HTTP request to send next;
// `on_response(connection, response)`, when given, sees each answer before the next request
// (e.g. to take the rotated refresh token out of it).
LoadResult run_load(int port, int connections, std::chrono::milliseconds duration,
                    const std::function<std::string(int connection, long long sequence)>& make_request,
                    const std::function<void(int connection, const Response&)>& on_response = {});

// A keep-alive connection to 127.0.0.1:port for set-up requests.
class Connection {
 public:
  explicit Connection(int port);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Response send(const std::string& request);

 private:
  int port_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace uia::bench
