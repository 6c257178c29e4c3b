// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "phrase_trie.hpp"

namespace despin::detail {

PhraseTrie::PhraseTrie() : values_(1, kNoValue) {}

std::uint32_t PhraseTrie::word_id(std::string_view key) const {
  auto it = words_.find(key);
  return it == words_.end() ? kNoWord : it->second;
}

std::uint32_t PhraseTrie::EdgeMap::find(std::uint64_t key) const {
  if (key == kEmpty) return kNoNode;
  const std::size_t b = bit(key);
  if ((present_[b >> 6] >> (b & 63) & 1u) == 0) return kNoNode;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = slot(key);; i = (i + 1) & mask) {
    if (keys_[i] == key) return values_[i];
    if (keys_[i] == kEmpty) return kNoNode;
  }
}

std::pair<std::uint32_t, bool> PhraseTrie::EdgeMap::emplace(std::uint64_t key, std::uint32_t value) {
  if (2 * (size_ + 1) > keys_.size()) grow();
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = slot(key);; i = (i + 1) & mask) {
    if (keys_[i] == key) return {values_[i], false};
    if (keys_[i] == kEmpty) {
      keys_[i] = key;
      values_[i] = value;
      const std::size_t b = bit(key);
      present_[b >> 6] |= std::uint64_t{1} << (b & 63);
      ++size_;
      return {value, true};
    }
  }
}

void PhraseTrie::EdgeMap::grow() {
  std::vector<std::uint64_t> old_keys = std::move(keys_);
  std::vector<std::uint32_t> old_values = std::move(values_);
  keys_.assign(old_keys.size() * 2, kEmpty);
  values_.assign(old_keys.size() * 2, 0);
  present_.assign(old_keys.size() * 2 * 4 / 64, 0);
  --shift_;
  size_ = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i)
    if (old_keys[i] != kEmpty) emplace(old_keys[i], old_values[i]);
}

std::uint32_t PhraseTrie::child(std::uint32_t node, std::uint32_t word) const {
  return edges_.find(static_cast<std::uint64_t>(node) << 32 | word);
}

std::int32_t PhraseTrie::find(const std::vector<std::string>& keys) const {
  std::uint32_t node = root();
  for (const std::string& key : keys) {
    const std::uint32_t id = word_id(key);
    if (id == kNoWord || (node = child(node, id)) == kNoNode) return kNoValue;
  }
  return keys.empty() ? kNoValue : values_[node];
}

std::int32_t PhraseTrie::insert(const std::vector<std::string>& keys, std::int32_t value, bool replace,
                                std::vector<std::uint32_t>* word_ids) {
  if (keys.empty()) return kNoValue;
  if (word_ids != nullptr) word_ids->clear();
  std::uint32_t node = root();
  for (const std::string& key : keys) {
    // Look up before inserting: emplace would build a node (and copy the key) every time.
    auto wit = words_.find(std::string_view(key));
    if (wit == words_.end()) wit = words_.emplace(key, static_cast<std::uint32_t>(words_.size())).first;
    if (word_ids != nullptr) word_ids->push_back(wit->second);
    const std::uint64_t edge = static_cast<std::uint64_t>(node) << 32 | wit->second;
    auto [child, added] = edges_.emplace(edge, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(kNoValue);
    node = child;
  }
  const std::int32_t before = values_[node];
  if (before == kNoValue) ++phrases_;
  if (before == kNoValue || replace) values_[node] = value;
  return before;
}

}  // namespace despin::detail
