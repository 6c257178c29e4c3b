// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// What the per-thread word memos (the phrase trie's ids, the composer's readings, the rule
// prefilter's pieces) share: a memo is kept by each thread for one owner at a time, named by
// an id no other owner ever had (an address could be reused by an engine built later), and
// is indexed by the thread's word records (word_records.hpp), which hold a bounded number of
// words.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace despin::detail {

// Words a thread's word records hold before they start again (and the memos with them): a few
// megabytes.
inline constexpr std::size_t kMemoWords = 1 << 16;

// A new owner id, never 0 (a memo not yet used for anything).
inline std::uint64_t new_memo_owner() {
  static std::atomic<std::uint64_t> made{0};
  return ++made;
}

}  // namespace despin::detail
