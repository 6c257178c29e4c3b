// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "worker_pool.hpp"

#include <algorithm>

namespace despin::cli {

WorkerPool::WorkerPool(unsigned jobs) {
  const unsigned extra = std::max(jobs, 1u) - 1;
  threads_.reserve(extra);
  for (unsigned t = 0; t < extra; ++t) threads_.emplace_back([this] { thread_main(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  started_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void WorkerPool::start(std::size_t count, std::function<void(std::size_t)> fn) {
  auto batch = std::make_shared<Batch>();
  batch->fn = std::move(fn);
  batch->count = count;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch_ = std::move(batch);
    ++generation_;
  }
  started_.notify_all();
}

void WorkerPool::wait() {
  std::shared_ptr<Batch> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch = batch_;
  }
  if (!batch) return;
  work(*batch);
  std::unique_lock<std::mutex> lock(mutex_);
  finished_.wait(lock, [&] { return batch->done.load() == batch->count; });
  if (batch_ == batch) batch_.reset();  // its fn may hold references that die after this
}

void WorkerPool::work(Batch& batch) {
  for (std::size_t i; (i = batch.next.fetch_add(1)) < batch.count;) {
    batch.fn(i);
    if (batch.done.fetch_add(1) + 1 == batch.count) {
      // Under the lock, so that wait() cannot check `done` and then sleep through this.
      std::lock_guard<std::mutex> lock(mutex_);
      finished_.notify_all();
    }
  }
}

void WorkerPool::thread_main() {
  std::uint64_t seen = 0;
  for (;;) {
    std::shared_ptr<Batch> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      started_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      batch = batch_;
    }
    if (batch) work(*batch);
  }
}

}  // namespace despin::cli
