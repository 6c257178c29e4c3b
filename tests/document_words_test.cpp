// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// fold_words() numbers a document's distinct keys by hashing short ASCII words eight bytes at a
// time and everything else a byte at a time: whichever way a token is read, its key must be
// fold_key's, equal keys must share one number and one hash, and different keys must not.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "document_words.hpp"
#include "tokenizer.hpp"

using namespace despin::detail;

namespace {

// What fold_words() must give: fold_key of each token, numbered in order of first appearance.
void require_numbered_as_folded(const std::string& text) {
  const std::vector<Token> tokens = tokenize(text);
  const DocumentWords words = fold_words(text, tokens);
  INFO("text: " << text);
  REQUIRE(words.of_token.size() == tokens.size());
  REQUIRE(words.hashes.size() == words.distinct());
  std::map<std::string, std::uint32_t> numbers;
  std::string key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    fold_key(std::string_view(text).substr(tokens[i].begin(), tokens[i].length), key);
    const auto [at, added] = numbers.try_emplace(key, static_cast<std::uint32_t>(numbers.size()));
    INFO("token " << i << ": " << key);
    REQUIRE(words.of_token[i] == at->second);
    REQUIRE(words.key(words.of_token[i]) == key);
  }
  REQUIRE(words.distinct() == numbers.size());
}

}  // namespace

TEST_CASE("fold_words numbers the keys fold_key gives", "[document_words]") {
  // Mixed case, every length around the 8- and 16-byte steps, words outside ASCII whose keys
  // are ASCII ("ſ" folds to "s", the Kelvin sign to "k") or not ("É"), and words at the very
  // end of the text, where fewer than 16 bytes can be read.
  require_numbered_as_folded("The the THE tHe a A I i");
  require_numbered_as_folded("abcdefg abcdefgh ABCDEFGHI abcdefghijklmno ABCDEFGHIJKLMNOP abcdefghijklmnopq abcdefghijklmnop");
  require_numbered_as_folded("s \xC5\xBF S \xE2\x84\xAA k K \xC3\x89t\xC3\xA9 \xC3\xA9t\xC3\xA9 ete");
  require_numbered_as_folded("Internationalization internationalization INTERNATIONALIZATIONS x");
  const std::vector<std::string> pieces = {"a", "A", "b", "Z", "z", "0", "9", "@", "[", "`", "{", "\xC5\xBF",
                                           "\xE2\x84\xAA", "\xC3\xA9", "\xC3\x89", "'"};
  std::mt19937 rng(20261127);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(rng() % 12);
    for (int w = 0; w < count; ++w) {
      const int length = 1 + static_cast<int>(rng() % 20);
      for (int c = 0; c < length; ++c) text += pieces[rng() % pieces.size()];
      text += rng() % 4 == 0 ? ", " : " ";
    }
    if (rng() % 2 == 0) text.pop_back();  // a word at the very end
    require_numbered_as_folded(text);
  }
}

TEST_CASE("a key hashes the same whichever way its tokens are read", "[document_words]") {
  // "s" as ASCII and as the long s, "weiss" and a longer key, each alone in a document.
  const auto hash_of_only_key = [](const std::string& text) {
    const DocumentWords words = fold_words(text, tokenize(text));
    REQUIRE(words.distinct() == 1);
    return words.hashes[0];
  };
  CHECK(hash_of_only_key("s") == hash_of_only_key("\xC5\xBF"));
  CHECK(hash_of_only_key("Kelvin") == hash_of_only_key("\xE2\x84\xAA" "elvin"));
  CHECK(hash_of_only_key("ABCDEFGHIJKLMNOPQRS") == hash_of_only_key("abcdefghijklmnopqrs"));
  CHECK(hash_of_only_key("\xC5\xBF" "abcdefghijklmnopq") == hash_of_only_key("sabcdefghijklmnopq"));
  CHECK(hash_of_only_key("ab") != hash_of_only_key("ba"));
}
