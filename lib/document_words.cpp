// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "document_words.hpp"

#include <unordered_map>

namespace despin::detail {

DocumentWords fold_words(std::string_view text, const std::vector<Token>& tokens) {
  DocumentWords w;
  const std::size_t n = tokens.size();
  w.keys.resize(n);  // never resized again: the index below points into these strings
  w.of_token.resize(n);
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(n / 8 + 16);
  for (std::size_t i = 0; i < n; ++i) {
    fold_key(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), w.keys[i]);
    auto [it, added] = index.try_emplace(w.keys[i], static_cast<std::uint32_t>(w.first.size()));
    if (added) w.first.push_back(static_cast<std::uint32_t>(i));
    w.of_token[i] = it->second;
  }
  return w;
}

}  // namespace despin::detail
