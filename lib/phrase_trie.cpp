// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "phrase_trie.hpp"

namespace despin::detail {

PhraseTrie::PhraseTrie() : values_(1, kNoValue) {}

std::uint32_t PhraseTrie::word_id(std::string_view key) const {
  auto it = words_.find(key);
  return it == words_.end() ? kNoWord : it->second;
}

std::uint32_t PhraseTrie::child(std::uint32_t node, std::uint32_t word) const {
  auto it = edges_.find(static_cast<std::uint64_t>(node) << 32 | word);
  return it == edges_.end() ? kNoNode : it->second;
}

std::int32_t PhraseTrie::find(const std::vector<std::string>& keys) const {
  std::uint32_t node = root();
  for (const std::string& key : keys) {
    const std::uint32_t id = word_id(key);
    if (id == kNoWord || (node = child(node, id)) == kNoNode) return kNoValue;
  }
  return keys.empty() ? kNoValue : values_[node];
}

void PhraseTrie::insert(const std::vector<std::string>& keys, std::int32_t value) {
  if (keys.empty()) return;
  std::uint32_t node = root();
  for (const std::string& key : keys) {
    auto [wit, _] = words_.emplace(key, static_cast<std::uint32_t>(words_.size()));
    const std::uint64_t edge = static_cast<std::uint64_t>(node) << 32 | wit->second;
    auto [eit, added] = edges_.emplace(edge, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(kNoValue);
    node = eit->second;
  }
  if (values_[node] == kNoValue) ++phrases_;
  values_[node] = value;
}

}  // namespace despin::detail
