// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "word_records.hpp"

#include <string>
#include <unordered_map>

#include "string_hash.hpp"
#include "thread_memo.hpp"

namespace despin::detail {

void number_words(DocumentWords& words) {
  struct Table {
    std::uint64_t epoch = 0;
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> ids;
  };
  thread_local Table table;
  // Started again before the document, never during it: its numbers must hold until it is done.
  if (table.epoch == 0 || table.ids.size() + words.distinct() > kMemoWords) {
    table.epoch = new_memo_owner();  // unique, like an owner id
    table.ids.clear();
  }
  words.record.resize(words.distinct());
  for (std::uint32_t d = 0; d < words.distinct(); ++d) {
    const std::string& key = words.key(d);
    auto it = table.ids.find(key);
    if (it == table.ids.end()) it = table.ids.emplace(key, static_cast<std::uint32_t>(table.ids.size())).first;
    words.record[d] = it->second;
  }
  words.record_epoch = table.epoch;
  words.record_count = table.ids.size();
}

}  // namespace despin::detail
