// Large answers (the web client's wasm and fonts, any body above kBulkBytes) are written by a
// thread of their own, as fast as each client reads, never by Pistache's reactors.
//
// Why: Pistache 0.0.5's Transport::asyncWriteImpl does not wait for EPOLLOUT when send()
// answers EAGAIN: its outer loop retries at once, copying the whole pending buffer each time
// (RawBuffer by value, then detach()), until the client has read enough. One client that
// reads a big answer slowly, or never, kept a reactor thread spinning, and every other
// connection of that reactor (half of all clients with two reactors) got no answer for as long
// (SlowClients.ClientsThatNeverReadHoldUpNobody: nobody was answered for 20 s).
//
// The connection's socket is duplicated, so Pistache closing its descriptor meanwhile (a
// timeout, the client going away) never lets a later connection reuse the number under us.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <pistache/http.h>

namespace uia::http {

constexpr std::size_t kBulkBytes = 64 * 1024;

// Sends `status`, the headers set on `response` and `body`; a body of at most kBulkBytes
// through Pistache as usual, a larger one through the bulk writer's thread. A client that takes
// no byte for `stall_limit` is disconnected.
void send_body(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, std::string_view body,
               std::chrono::seconds stall_limit = std::chrono::seconds(60));

class BulkWriter {
 public:
  static BulkWriter& instance();
  ~BulkWriter();

  // Writes `bytes` to `socket` (a descriptor the writer now owns and closes), shutting the
  // sending side afterwards when `close_after`.
  void write(int socket, std::string bytes, bool close_after, std::chrono::seconds stall_limit);

 private:
  BulkWriter();
  struct Job {
    int socket;
    std::string bytes;
    std::size_t sent = 0;
    bool close_after;
    std::chrono::seconds stall_limit;
    std::chrono::steady_clock::time_point progress;
  };
  void run();

  std::mutex mutex_;
  std::vector<Job> incoming_;
  bool stopping_ = false;
  int wake_ = -1;  // eventfd: new jobs or stop
  std::thread thread_;
};

}  // namespace uia::http
