// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// A document's token keys, folded once, and each distinct key numbered: the stages after
// tokenizing look a word up once per distinct key (a few thousand in a long document) rather
// than once per token (hundreds of thousands), and keep per-word results in plain arrays.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizer.hpp"

namespace despin::detail {

struct DocumentWords {
  std::vector<std::uint32_t> of_token;  // by token: its distinct key's number
  std::vector<std::string> keys;        // by distinct key: fold_key of its tokens' text
  // By distinct key: its hash, for number_words (of the key alone, however it was spelled: a
  // short ASCII key's short-key hash, FNV-1a of any other).
  std::vector<std::uint64_t> hashes;
  // By distinct key: its number in this thread's word records (word_records.hpp), valid under
  // record_epoch, and below record_count.
  std::vector<std::uint32_t> record;
  std::uint64_t record_epoch = 0;
  std::size_t record_count = 0;
  // Where a key's run of ASCII letters and digits may end as RE2 sees its text, though the key
  // runs on: beside a character outside ASCII that folds to ASCII letters ("ß" to "ss", "ſ" to
  // "s"). RE2's \b is ASCII's, so "stra\b" matches "straße", whose key "strasse" is one run.
  // Pairs (distinct key, byte offset in its key), sorted, each once; empty in most documents.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> soft_bounds;

  std::size_t distinct() const { return keys.size(); }
  const std::string& key(std::uint32_t word) const { return keys[word]; }
  const std::string& key_of_token(std::size_t token) const { return keys[of_token[token]]; }
};

// Folds and numbers the tokens' keys, and numbers the distinct keys in this thread's word
// records (number_words).
DocumentWords fold_words(std::string_view text, const std::vector<Token>& tokens);

}  // namespace despin::detail
