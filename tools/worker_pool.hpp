// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Runs a function over a batch of items on N threads, each writing its result to its own slot,
// so results stay in input order: the shape of both `despin --jsonl` (lines in, lines out, in
// order) and `despin batch`.
//
// The threads live as long as the pool: a thread's memos (the engine's per-thread word records,
// its ICU break iterator) are built once, not once a batch, and a caller can read its next
// batch while the pool works on this one (start(), then wait()).
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace despin::cli {

class WorkerPool {
 public:
  // `jobs` threads work on a batch, the caller's included: jobs - 1 are started here.
  explicit WorkerPool(unsigned jobs);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts fn(i) for every i in [0, count) on the pool's threads; the caller joins in at wait().
  // fn must stay callable, and its slots untouched, until wait() returns.
  void start(std::size_t count, std::function<void(std::size_t)> fn);
  // Does what is left of the started batch on this thread too; returns when every call is done.
  void wait();
  void run(std::size_t count, std::function<void(std::size_t)> fn) {
    start(count, std::move(fn));
    wait();
  }

 private:
  // One batch, shared by the threads working on it: a thread that wakes late takes nothing
  // from an old batch (its counter is past the end) and never a later batch's items.
  struct Batch {
    std::function<void(std::size_t)> fn;
    std::size_t count = 0;
    std::atomic<std::size_t> next{0}, done{0};
  };
  void work(Batch& batch);
  void thread_main();

  std::mutex mutex_;
  std::condition_variable started_, finished_;
  std::shared_ptr<Batch> batch_;  // the latest started
  std::uint64_t generation_ = 0;  // how many batches were started
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// Calls fn(i) for every i in [0, count) on up to `jobs` threads (the caller's included).
inline void parallel_for(std::size_t count, unsigned jobs, std::function<void(std::size_t)> fn) {
  WorkerPool pool(static_cast<unsigned>(std::min<std::size_t>(jobs, count)));
  pool.run(count, std::move(fn));
}

}  // namespace despin::cli
