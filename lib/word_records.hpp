// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Per-thread numbers for the words a thread meets, shared by its per-word memos (the phrase
// trie's ids, the rule prefilter's pieces, the composer's readings). Each memo used to hash a
// document's distinct words into its own table of strings: three lookups a word and document,
// most of a one-paragraph document's word work. Now fold_words() hashes each distinct word once,
// into this table, and the memos are arrays by record number.
//
// The table holds at most about kMemoWords words (thread_memo.hpp): a document that would take
// it past that starts it again, under a new epoch, and every memo filled under an older epoch
// (or for another owner) is dropped before use.
#pragma once

#include <cstdint>
#include <vector>

#include "document_words.hpp"

namespace despin::detail {

// Sets words.record, words.record_epoch and words.record_count from this thread's table.
void number_words(DocumentWords& words);

// A thread's memo of T by word record, for one owner (new_memo_owner) at a time.
template <class T>
class RecordMemo {
 public:
  // Readies the memo for `owner` and the document's records; true when it was emptied (the
  // caller then empties what it keeps beside it).
  bool ready(std::uint64_t owner, const DocumentWords& words) {
    const bool reset = owner != owner_ || words.record_epoch != epoch_;
    if (reset) {
      owner_ = owner;
      epoch_ = words.record_epoch;
      values_.clear();
      known_.clear();
    }
    if (known_.size() < words.record_count) {
      values_.resize(words.record_count);
      known_.resize(words.record_count, false);
    }
    return reset;
  }
  bool has(std::uint32_t record) const { return known_[record]; }
  const T& get(std::uint32_t record) const { return values_[record]; }
  void set(std::uint32_t record, T value) {
    values_[record] = std::move(value);
    known_[record] = true;
  }

 private:
  std::uint64_t owner_ = 0, epoch_ = 0;
  std::vector<T> values_;
  std::vector<bool> known_;
};

}  // namespace despin::detail
