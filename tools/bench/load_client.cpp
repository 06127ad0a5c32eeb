#include "load_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <mutex>
#include <thread>

namespace uia::bench {
namespace {

int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Reads one Content-Length framed response into `out`; out.status is 0 on error.
void read_response(int fd, std::string& buffer, Response& out) {
  out.status = 0;
  for (;;) {
    const std::size_t head_end = buffer.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      const std::string head = lowercase(buffer.substr(0, head_end + 2));
      std::size_t length = 0;
      const std::size_t pos = head.find("\r\ncontent-length:");
      if (pos != std::string::npos) length = std::stoul(head.substr(pos + 17));
      if (buffer.size() >= head_end + 4 + length) {
        out.status = std::atoi(buffer.c_str() + 9);
        out.head.assign(buffer, 0, head_end + 2);
        out.body.assign(buffer, head_end + 4, length);
        buffer.erase(0, head_end + 4 + length);
        return;
      }
    }
    char chunk[16384];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::string Response::header(const std::string& name) const {
  const std::string lower = lowercase(head);
  const std::size_t pos = lower.find("\r\n" + lowercase(name) + ":");
  if (pos == std::string::npos) return "";
  std::size_t start = pos + 3 + name.size();
  while (start < head.size() && head[start] == ' ') ++start;
  return head.substr(start, head.find("\r\n", start) - start);
}

Connection::Connection(int port) : port_(port) {}
Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

Response Connection::send(const std::string& request) {
  Response out;
  for (int attempt = 0; attempt < 2; ++attempt) {  // once more on a fresh connection if the old one was closed
    if (fd_ < 0) fd_ = connect_loopback(port_), buffer_.clear();
    if (fd_ < 0) return out;
    if (::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
      read_response(fd_, buffer_, out);
      if (out.status != 0) return out;
    }
    ::close(fd_);
    fd_ = -1;
  }
  return out;
}

double LoadResult::percentile(double p) const {
  if (latencies_ms.empty()) return 0;
  std::vector<double> sorted = latencies_ms;
  const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1));
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(index), sorted.end());
  return sorted[index];
}

LoadResult run_load(int port, int connections, std::chrono::milliseconds duration,
                    const std::function<std::string(int, long long)>& make_request,
                    const std::function<void(int, const Response&)>& on_response) {
  LoadResult total;
  std::mutex merge;
  std::atomic<bool> stop{false};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back([&, c] {
      LoadResult mine;
      int fd = connect_loopback(port);
      std::string buffer;
      Response response;
      for (long long sequence = 0; !stop.load(std::memory_order_relaxed) && fd >= 0; ++sequence) {
        const std::string request = make_request(c, sequence);
        const auto t0 = std::chrono::steady_clock::now();
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) break;
        read_response(fd, buffer, response);
        const auto t1 = std::chrono::steady_clock::now();
        const int status = response.status;
        ++mine.requests;
        if (status < 200 || status >= 300) ++mine.failures;
        if (status == 0) break;
        mine.latencies_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        if (on_response) on_response(c, response);
      }
      if (fd >= 0) ::close(fd);
      std::lock_guard lock(merge);
      total.requests += mine.requests;
      total.failures += mine.failures;
      total.latencies_ms.insert(total.latencies_ms.end(), mine.latencies_ms.begin(), mine.latencies_ms.end());
    });
  }
  std::this_thread::sleep_for(duration);
  stop = true;
  for (auto& t : threads) t.join();
  total.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return total;
}

}  // namespace uia::bench
