// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Runs a function over a batch of items on N threads and keeps the results in input order:
// the shape of both `despin --jsonl` (lines in, lines out, in order) and `despin batch`.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace despin::cli {

// Calls fn(i) for every i in [0, count) on up to `jobs` threads (the caller's included); fn must
// write its result to its own slot. Returns when all calls are done.
template <class Fn>
void parallel_for(std::size_t count, unsigned jobs, Fn fn) {
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) fn(i);
  };
  std::vector<std::thread> threads;
  const unsigned extra = static_cast<unsigned>(std::min<std::size_t>(jobs, count)) - 1;
  threads.reserve(extra);
  for (unsigned t = 0; t < extra; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
}

}  // namespace despin::cli
