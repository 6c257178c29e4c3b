// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "common_words.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

namespace despin::detail {
namespace {

struct CommonWord {
  std::string_view word;
  int rank;
};
constexpr CommonWord kCommonWords[] = {
#include "common_words.inc"
};

const CommonWord* find_common(std::string_view key) {
  const auto it = std::lower_bound(std::begin(kCommonWords), std::end(kCommonWords), key,
                                   [](const CommonWord& c, std::string_view k) { return c.word < k; });
  return it != std::end(kCommonWords) && it->word == key ? it : nullptr;
}

}  // namespace

bool is_common_word(std::string_view key) { return find_common(key) != nullptr; }

std::optional<int> common_word_rank(std::string_view key) {
  const CommonWord* c = find_common(key);
  return c == nullptr ? std::nullopt : std::optional<int>(c->rank);
}

}  // namespace despin::detail
