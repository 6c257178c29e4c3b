// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The reversal dictionary compiled into a trie over token keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "string_hash.hpp"

namespace despin::detail {

class SnapshotReader;
class SnapshotWriter;

inline constexpr std::uint32_t kNoWord = 0xFFFFFFFFu;
inline constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;
inline constexpr std::int32_t kNoValue = -1;

class PhraseTrie {
 public:
  PhraseTrie();

  // The id of a token key, or kNoWord when no phrase contains it.
  std::uint32_t word_id(std::string_view key) const;

  // Adds a phrase of token keys; a later insert of the same keys replaces the value, unless
  // `replace` is false. Returns the value the keys had before (kNoValue if none): one walk
  // where find() then insert() took two.
  // `word_ids`, when given, receives the id of each key.
  std::int32_t insert(const std::vector<std::string>& keys, std::int32_t value, bool replace = true,
                      std::vector<std::uint32_t>* word_ids = nullptr);

  // The value stored for exactly these keys, or kNoValue.
  std::int32_t find(const std::vector<std::string>& keys) const;

  static constexpr std::uint32_t root() { return 0; }
  // The child of `node` along `word`, or kNoNode.
  std::uint32_t child(std::uint32_t node, std::uint32_t word) const;
  // The value stored at `node`, or kNoValue when no phrase ends there.
  std::int32_t value(std::uint32_t node) const { return values_[node]; }

  std::size_t phrase_count() const { return phrases_; }

  // By node: whether it has a child along `word`. One pass over the edges, for a caller that
  // asks about one word at many nodes (the composer, about "-").
  std::vector<bool> nodes_with_child(std::uint32_t word) const;

  // Calls f(node, word) for every edge: node has a child along word. In no particular order.
  template <class F>
  void for_each_edge(F f) const {
    for (const std::uint64_t key : edges_.keys_)
      if (key != EdgeMap::kEmpty) f(static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(key));
  }

  // The trie as compiled-engine bytes (snapshot_io.hpp), and back. load() replaces this trie and
  // checks every word id, node and value (each below `value_bound`, or kNoValue), so that a
  // damaged snapshot fails there instead of leading a lookup astray.
  void save(SnapshotWriter& w) const;
  void load(SnapshotReader& r, std::int32_t value_bound);
  std::size_t word_count() const { return words_.size(); }
  std::size_t node_count() const { return values_.size(); }

  // Calls f(key) for every token key some phrase contains.
  template <class F>
  void for_each_word(F f) const {
    for (const auto& [key, id] : words_) f(key);
  }

 private:
  // (node << 32 | word) -> child, open addressing with linear probing: the lookup at the heart
  // of matching, done for nearly every token, without the node allocations of unordered_map.
  class EdgeMap {
   public:
    std::uint32_t find(std::uint64_t key) const;
    // Inserts if absent; returns the value stored and whether it was added.
    std::pair<std::uint32_t, bool> emplace(std::uint64_t key, std::uint32_t value);

   private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    std::size_t slot(std::uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
    // Four bits per slot of the table, one set for every key present: most lookups (a word that
    // continues no phrase) are answered by this bitmap, 8 times smaller than the table, which
    // with a large dictionary stays in the CPU's cache when the table does not.
    std::size_t bit(std::uint64_t key) const { return (key * 0xC2B2AE3D27D4EB4Full) >> (shift_ - 2); }
    void grow();
    friend class PhraseTrie;  // save() and load() copy the table as it is
    std::vector<std::uint64_t> keys_ = std::vector<std::uint64_t>(16, kEmpty);
    std::vector<std::uint32_t> values_ = std::vector<std::uint32_t>(16, 0);
    std::vector<std::uint64_t> present_ = std::vector<std::uint64_t>(1, 0);  // capacity x 4 bits
    unsigned shift_ = 60;  // 64 - log2(capacity)
    std::size_t size_ = 0;
  };
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> words_;
  EdgeMap edges_;
  // The root's children by word id (kNoNode: none), also in edges_: nearly every token starts a
  // lookup at the root, and with a large dictionary most words start some phrase, so the first
  // step of every lookup would miss a table of megabytes; this array stays in cache.
  std::vector<std::uint32_t> root_children_;
  std::vector<std::int32_t> values_;
  std::size_t phrases_ = 0;
};

// Inline: the lookups at the heart of matching and composition, called from other files.
inline std::uint32_t PhraseTrie::EdgeMap::find(std::uint64_t key) const {
  if (key == kEmpty) return kNoNode;
  const std::size_t b = bit(key);
  if ((present_[b >> 6] >> (b & 63) & 1u) == 0) return kNoNode;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = slot(key);; i = (i + 1) & mask) {
    if (keys_[i] == key) return values_[i];
    if (keys_[i] == kEmpty) return kNoNode;
  }
}

inline std::uint32_t PhraseTrie::child(std::uint32_t node, std::uint32_t word) const {
  if (node == root()) return word < root_children_.size() ? root_children_[word] : kNoNode;
  return edges_.find(static_cast<std::uint64_t>(node) << 32 | word);
}

}  // namespace despin::detail
