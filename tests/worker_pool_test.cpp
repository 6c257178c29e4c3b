// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The CLI's worker pool: every item of a batch is done exactly once, batch after batch on the
// same threads, and a batch started before the caller does other work is finished by wait().
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "worker_pool.hpp"

using despin::cli::WorkerPool;

TEST_CASE("a worker pool does every item once, in every batch", "[worker_pool]") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    WorkerPool pool(jobs);
    for (std::size_t count : {0u, 1u, 7u, 1000u}) {
      std::vector<std::atomic<int>> calls(count);
      pool.run(count, [&](std::size_t i) { calls[i].fetch_add(1); });
      for (std::size_t i = 0; i < count; ++i) REQUIRE(calls[i].load() == 1);
    }
  }
}

TEST_CASE("a worker pool keeps its threads from batch to batch", "[worker_pool]") {
  WorkerPool pool(3);
  // Counted by a thread-local flag, not by thread id: the id of a joined thread may be reused
  // by the next one, so ids would not tell threads started per batch from kept ones.
  std::atomic<int> threads{0};
  for (int batch = 0; batch < 50; ++batch)
    pool.run(64, [&](std::size_t) {
      thread_local bool counted = false;
      if (!counted) counted = true, threads.fetch_add(1);
      std::this_thread::yield();
    });
  // The caller and at most two threads of the pool's own, however many batches ran.
  CHECK(threads.load() <= 3);
  CHECK(threads.load() >= 1);
}

TEST_CASE("a started batch runs while the caller works, and wait() finishes it", "[worker_pool]") {
  WorkerPool pool(2);
  std::vector<int> out(500, 0);
  pool.start(out.size(), [&](std::size_t i) { out[i] = static_cast<int>(i) * 2; });
  long caller_work = 0;
  for (int i = 0; i < 100000; ++i) caller_work += i % 7;
  pool.wait();
  for (std::size_t i = 0; i < out.size(); ++i) REQUIRE(out[i] == static_cast<int>(i) * 2);
  CHECK(caller_work > 0);
  // A batch of nothing, and wait() without a batch, return at once.
  pool.run(0, [](std::size_t) { FAIL("called"); });
  pool.wait();
}
