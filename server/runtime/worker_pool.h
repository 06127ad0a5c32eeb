// Blocking work (database calls, Argon2id hashing, calls to outside services) runs here, never
// on Pistache's reactor threads: a blocked reactor stalls every connection it owns.
// The queue is bounded so overload turns into quick 503s instead of unbounded latency.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace uia::runtime {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t max_queued);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping: the caller answers 503.
  bool submit(std::function<void()> task);
  // Waits until every queued and running task has finished (used while draining on SIGTERM).
  void wait_idle();
  std::size_t threads() const { return workers_.size(); }

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t max_queued_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace uia::runtime
