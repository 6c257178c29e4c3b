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

namespace despin::detail {

inline constexpr std::uint32_t kNoWord = 0xFFFFFFFFu;
inline constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;
inline constexpr std::int32_t kNoValue = -1;

class PhraseTrie {
 public:
  PhraseTrie();

  // The id of a token key, or kNoWord when no phrase contains it.
  std::uint32_t word_id(std::string_view key) const;

  // Adds a phrase of token keys; a later insert of the same keys replaces the value.
  void insert(const std::vector<std::string>& keys, std::int32_t value);

  // The value stored for exactly these keys, or kNoValue.
  std::int32_t find(const std::vector<std::string>& keys) const;

  static constexpr std::uint32_t root() { return 0; }
  // The child of `node` along `word`, or kNoNode.
  std::uint32_t child(std::uint32_t node, std::uint32_t word) const;
  // The value stored at `node`, or kNoValue when no phrase ends there.
  std::int32_t value(std::uint32_t node) const { return values_[node]; }

  std::size_t phrase_count() const { return phrases_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> words_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node << 32 | word) -> child
  std::vector<std::int32_t> values_;
  std::size_t phrases_ = 0;
};

}  // namespace despin::detail
