#include "http/bulk_writer.h"

#include "http/entity.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>

#include <pistache/peer.h>

namespace uia::http {
namespace {

// The status line and headers as Pistache would write them, with our own Content-Length.
std::string head_of(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, std::size_t length) {
  std::ostringstream head;
  head << "HTTP/1.1 " << static_cast<int>(status) << ' ' << Pistache::Http::codeString(status) << "\r\n";
  for (const auto& header : response.headers().list()) {
    head << header->name() << ": ";
    header->write(head);
    head << "\r\n";
  }
  head << "Content-Length: " << length << "\r\n\r\n";
  return head.str();
}

bool wants_close(Pistache::Http::ResponseWriter& response) {
  const auto connection = response.headers().tryGet<Pistache::Http::Header::Connection>();
  return !connection || connection->control() != Pistache::Http::ConnectionControl::KeepAlive;
}

}  // namespace

void send_body(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, std::string_view body,
               std::chrono::seconds stall_limit) {
  if (is_head_only(response)) {  // a HEAD: the head alone, however large the body (entity.h)
    send_entity(response, status, body);
    return;
  }
  const auto peer = response.getPeer();
  const int socket = peer && body.size() > kBulkBytes ? ::fcntl(peer->fd(), F_DUPFD_CLOEXEC, 0) : -1;
  if (socket < 0) {
    response.send(status, body.data(), body.size());
    return;
  }
  std::string bytes = head_of(response, status, body.size());
  bytes.append(body);
  // Answered as far as Pistache is concerned: the keep-alive timeout applies from now on, not
  // the header timeout (which would write a 408 into the middle of the body).
  peer->setIdle(true);
  BulkWriter::instance().write(socket, std::move(bytes), wants_close(response), stall_limit);
}

BulkWriter& BulkWriter::instance() {
  static BulkWriter writer;
  return writer;
}

BulkWriter::BulkWriter() : wake_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)), thread_([this] { run(); }) {}

BulkWriter::~BulkWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wake_, &one, sizeof one);
  thread_.join();
  ::close(wake_);
}

void BulkWriter::write(int socket, std::string bytes, bool close_after, std::chrono::seconds stall_limit) {
  {
    std::lock_guard lock(mutex_);
    incoming_.push_back(Job{socket, std::move(bytes), 0, close_after, stall_limit, std::chrono::steady_clock::now()});
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wake_, &one, sizeof one);
}

void BulkWriter::run() {
  std::vector<Job> jobs;
  std::vector<pollfd> polled;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
      for (auto& job : incoming_) jobs.push_back(std::move(job));
      incoming_.clear();
    }
    polled.assign(1, pollfd{wake_, POLLIN, 0});
    for (const auto& job : jobs) polled.push_back(pollfd{job.socket, POLLOUT, 0});
    ::poll(polled.data(), polled.size(), 500);
    if (polled[0].revents & POLLIN) {
      std::uint64_t count;
      [[maybe_unused]] const auto n = ::read(wake_, &count, sizeof count);
    }
    const auto now = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      Job& job = jobs[i];
      bool failed = false;
      if (polled[i + 1].revents & (POLLOUT | POLLERR | POLLHUP)) {
        while (job.sent < job.bytes.size()) {
          const ssize_t n = ::send(job.socket, job.bytes.data() + job.sent, job.bytes.size() - job.sent,
                                   MSG_NOSIGNAL | MSG_DONTWAIT);
          if (n > 0) {
            job.sent += static_cast<std::size_t>(n);
            job.progress = now;
          } else {
            failed = n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
            break;
          }
        }
      }
      const bool done = job.sent == job.bytes.size();
      const bool stalled = now - job.progress > job.stall_limit;
      if (!done && !failed && !stalled) continue;
      // A stalled client is cut off for good; a finished answer closes only when asked to.
      if (stalled || failed) ::shutdown(job.socket, SHUT_RDWR);
      else if (job.close_after) ::shutdown(job.socket, SHUT_WR);
      ::close(job.socket);
      job.socket = -1;
    }
    std::erase_if(jobs, [](const Job& job) { return job.socket < 0; });
  }
  for (const auto& job : jobs) ::close(job.socket);
}

}  // namespace uia::http
