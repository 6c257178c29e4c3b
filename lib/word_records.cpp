// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "word_records.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "thread_memo.hpp"

namespace despin::detail {

namespace {

// The thread's words by the hash fold_words() gave them, open addressing with linear probing:
// the hash is not computed again, and a lookup reads one slot and the record it names, where
// std::unordered_map hashed the key again and chased a node.
class RecordTable {
 public:
  std::uint64_t epoch = 0;
  std::size_t size() const { return keys_.size(); }
  void clear() {
    slots_.assign(slots_.size(), 0);
    keys_.clear();
    hashes_.clear();
  }
  // The record of `key` (whose hash is `h`), added if new.
  std::uint32_t find_or_add(std::uint64_t h, const std::string& key) {
    if (2 * (keys_.size() + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint32_t s = slots_[i];
      if (s == 0) {
        slots_[i] = static_cast<std::uint32_t>(keys_.size() + 1);
        keys_.push_back(key);
        hashes_.push_back(h);
        return static_cast<std::uint32_t>(keys_.size() - 1);
      }
      if (hashes_[s - 1] == h && keys_[s - 1] == key) return s - 1;
    }
  }

 private:
  void grow() {
    slots_.assign(slots_.empty() ? 4096 : slots_.size() * 2, 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t r = 0; r < hashes_.size(); ++r) {
      std::size_t i = hashes_[r] & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = static_cast<std::uint32_t>(r + 1);
    }
  }
  std::vector<std::uint32_t> slots_;   // record + 1; 0 empty
  std::vector<std::string> keys_;      // by record
  std::vector<std::uint64_t> hashes_;  // by record
};

}  // namespace

void number_words(DocumentWords& words) {
  thread_local RecordTable table;
  // Started again before the document, never during it: its numbers must hold until it is done.
  if (table.epoch == 0 || table.size() + words.distinct() > kMemoWords) {
    table.epoch = new_memo_owner();  // unique, like an owner id
    table.clear();
  }
  words.record.resize(words.distinct());
  for (std::uint32_t d = 0; d < words.distinct(); ++d) words.record[d] = table.find_or_add(words.hashes[d], words.key(d));
  words.record_epoch = table.epoch;
  words.record_count = table.size();
}

}  // namespace despin::detail
