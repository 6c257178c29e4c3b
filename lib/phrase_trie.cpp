// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "phrase_trie.hpp"

#include <bit>

#include "snapshot_io.hpp"

namespace despin::detail {

PhraseTrie::PhraseTrie() : values_(1, kNoValue) {}

std::uint32_t PhraseTrie::word_id(std::string_view key) const {
  auto it = words_.find(key);
  return it == words_.end() ? kNoWord : it->second;
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

std::vector<bool> PhraseTrie::nodes_with_child(std::uint32_t word) const {
  std::vector<bool> out(values_.size(), false);
  if (word < root_children_.size() && root_children_[word] != kNoNode) out[root()] = true;
  for (const std::uint64_t key : edges_.keys_)
    if (key != EdgeMap::kEmpty && static_cast<std::uint32_t>(key) == word && (key >> 32) < out.size()) out[key >> 32] = true;
  return out;
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
    if (wit == words_.end()) {
      wit = words_.emplace(key, static_cast<std::uint32_t>(words_.size())).first;
      root_children_.push_back(kNoNode);
    }
    if (word_ids != nullptr) word_ids->push_back(wit->second);
    const std::uint64_t edge = static_cast<std::uint64_t>(node) << 32 | wit->second;
    auto [child, added] = edges_.emplace(edge, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(kNoValue);
    if (node == root()) root_children_[wit->second] = child;
    node = child;
  }
  const std::int32_t before = values_[node];
  if (before == kNoValue) ++phrases_;
  if (before == kNoValue || replace) values_[node] = value;
  return before;
}

void PhraseTrie::save(SnapshotWriter& w) const {
  std::vector<std::string_view> by_id(words_.size());
  for (const auto& [key, id] : words_) by_id[id] = key;
  w.u64(by_id.size());
  for (std::string_view key : by_id) w.str(key);
  w.u32(edges_.shift_);
  w.u64(edges_.size_);
  w.array(edges_.keys_);
  w.array(edges_.values_);
  w.array(values_);
  w.u64(phrases_);
}

void PhraseTrie::load(SnapshotReader& r, std::int32_t value_bound) {
  words_.clear();
  const std::uint64_t words = r.count(8);
  r.require(words < kNoWord, "too many words in a trie");
  words_.reserve(words);
  for (std::uint32_t id = 0; id < words; ++id)
    r.require(words_.emplace(r.str(), id).second, "a trie word appears twice");
  EdgeMap& e = edges_;
  e.shift_ = r.u32();
  e.size_ = r.u64();
  e.keys_ = r.array<std::uint64_t>();
  e.values_ = r.array<std::uint32_t>();
  values_ = r.array<std::int32_t>();
  phrases_ = r.u64();
  const std::size_t capacity = e.keys_.size();
  r.require(capacity >= 16 && std::has_single_bit(capacity) && e.values_.size() == capacity &&
                e.shift_ == 64 - static_cast<unsigned>(std::countr_zero(capacity)) && 2 * e.size_ <= capacity,
            "a trie's edge table is malformed");
  // A root and no value on it (an empty phrase matches nothing).
  r.require(!values_.empty() && values_.size() < kNoNode && values_[0] == kNoValue, "a trie's root is malformed");
  // Every edge joins existing nodes along an existing word, each child node is reached once, and
  // the presence bitmap is rebuilt from the keys rather than trusted.
  e.present_.assign(capacity * 4 / 64, 0);
  root_children_.assign(words, kNoNode);
  std::size_t used = 0;
  for (std::size_t i = 0; i < capacity; ++i) {
    const std::uint64_t key = e.keys_[i];
    if (key == EdgeMap::kEmpty) continue;
    ++used;
    r.require((key >> 32) < values_.size() && (key & 0xFFFFFFFFu) < words && e.values_[i] < values_.size() &&
                  e.values_[i] != 0,
              "a trie edge points outside the trie");
    const std::size_t b = e.bit(key);
    e.present_[b >> 6] |= std::uint64_t{1} << (b & 63);
    if ((key >> 32) == root()) root_children_[key & 0xFFFFFFFFu] = e.values_[i];
  }
  r.require(used == e.size_, "a trie's edge count is wrong");
  std::size_t stored = 0;
  for (std::int32_t v : values_) {
    r.require(v == kNoValue || (v >= 0 && v < value_bound), "a trie value is out of range");
    stored += v != kNoValue;
  }
  r.require(stored == phrases_, "a trie's phrase count is wrong");
}

}  // namespace despin::detail
