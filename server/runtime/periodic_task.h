// A background thread that runs one function every `interval` until destroyed (the periodic
// re-check of unverified enterprises). The destructor wakes and joins the thread at once, so a
// server or test shuts down without waiting out an interval. An exception from the function is
// logged and the next round still runs.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace uia::runtime {

class PeriodicTask {
 public:
  PeriodicTask(std::string name, std::chrono::seconds interval, std::function<void()> work);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

 private:
  void run();

  std::string name_;
  std::chrono::seconds interval_;
  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after everything it reads is set
};

}  // namespace uia::runtime
