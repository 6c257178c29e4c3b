// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The most frequent words of everyday English (common_words.inc, generated from SUBTLEX-US; see
// NOTICE), for guards that ask whether a lone word is more likely genuine than spun.
#pragma once

#include <optional>
#include <string_view>

namespace despin::detail {

inline constexpr int kCommonWordCount = 5000;

// Whether `key` (a folded token key) is among the 5,000 most frequent English words.
bool is_common_word(std::string_view key);
// Its rank among them (0: the most frequent, kCommonWordCount - 1 the least), when it is one.
std::optional<int> common_word_rank(std::string_view key);

}  // namespace despin::detail
