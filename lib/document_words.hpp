// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// A document's token keys, folded once, and each distinct key numbered: the stages after
// tokenizing look a word up once per distinct key (a few thousand in a long document) rather
// than once per token (hundreds of thousands), and keep per-word results in plain arrays.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer.hpp"

namespace despin::detail {

struct DocumentWords {
  std::vector<std::string> keys;        // by token: fold_key of its text
  std::vector<std::uint32_t> of_token;  // by token: its distinct key's number
  std::vector<std::uint32_t> first;     // by distinct key: the first token with that key

  std::size_t distinct() const { return first.size(); }
  const std::string& key(std::uint32_t word) const { return keys[first[word]]; }
};

DocumentWords fold_words(std::string_view text, const std::vector<Token>& tokens);

}  // namespace despin::detail
