#include "runtime/periodic_task.h"

#include <exception>
#include <iostream>

namespace uia::runtime {

PeriodicTask::PeriodicTask(std::string name, std::chrono::seconds interval, std::function<void()> work)
    : name_(std::move(name)), interval_(interval), work_(std::move(work)), thread_([this] { run(); }) {}

PeriodicTask::~PeriodicTask() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PeriodicTask::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      work_();
    } catch (const std::exception& e) {
      std::cerr << "uia: " << name_ << ": " << e.what() << '\n';
    }
    lock.lock();
  }
}

}  // namespace uia::runtime
