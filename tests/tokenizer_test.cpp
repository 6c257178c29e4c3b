// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "tokenizer.hpp"

#include <catch2/catch.hpp>

using namespace despin::detail;

namespace {
std::vector<std::string> texts(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.emplace_back(s.substr(t.begin, t.end - t.begin));
  return out;
}
}  // namespace

TEST_CASE("tokens carry byte spans and skip white space", "[tokenizer]") {
  const std::string s = "Be that as it may,  it rained.";
  auto toks = tokenize(s);
  REQUIRE(toks.size() == 9);
  CHECK(texts(s) == std::vector<std::string>{"Be", "that", "as", "it", "may", ",", "it", "rained", "."});
  CHECK(toks[5].begin == 17);
  CHECK_FALSE(toks[5].is_word);
  CHECK(toks[6].begin == 20);
  CHECK(toks[6].is_word);
}

TEST_CASE("hyphens, apostrophes and non-ASCII letters segment as ICU does", "[tokenizer]") {
  CHECK(texts("non-old style") == std::vector<std::string>{"non", "-", "old", "style"});
  CHECK(texts("death\xE2\x80\x99s door") == std::vector<std::string>{"death\xE2\x80\x99s", "door"});
  CHECK(texts("São Paulo") == std::vector<std::string>{"São", "Paulo"});
}

TEST_CASE("blank lines start paragraphs; single line breaks are flagged", "[tokenizer]") {
  auto toks = tokenize("a b\nc\r\n\r\nd\n\n\ne");
  REQUIRE(toks.size() == 5);
  CHECK(toks[1].paragraph == 0);
  CHECK(toks[2].paragraph == 0);
  CHECK(toks[2].line_break_before);
  CHECK(toks[3].paragraph == 1);
  CHECK(toks[4].paragraph == 2);
}

TEST_CASE("a byte order mark is not glued to the first word", "[tokenizer]") {
  const std::string s = "\xEF\xBB\xBFHello world";
  auto toks = tokenize(s);
  REQUIRE(toks.size() == 2);
  CHECK(toks[0].begin == 3);
  CHECK(s.substr(toks[0].begin, toks[0].end - toks[0].begin) == "Hello");
}

TEST_CASE("invalid UTF-8 and NUL bytes do not break segmentation", "[tokenizer]") {
  const std::string s("ab\xFF" "cd e\0f", 9);
  auto toks = tokenize(s);
  REQUIRE_FALSE(toks.empty());
  CHECK(toks.back().end == s.size());
  for (std::size_t i = 1; i < toks.size(); ++i) CHECK(toks[i].begin >= toks[i - 1].end);
}

TEST_CASE("keys fold case and apostrophes", "[tokenizer]") {
  std::string k;
  fold_key("Death\xE2\x80\x99S", k);
  CHECK(k == "death's");
  fold_key("ÉCOLE", k);
  CHECK(k == "école");
  CHECK(phrase_keys("Be that, as") == std::vector<std::string>{"be", "that", ",", "as"});
}

TEST_CASE("case shapes", "[tokenizer]") {
  CHECK(shape_of("word") == Shape::kLower);
  CHECK(shape_of("Word") == Shape::kTitle);
  CHECK(shape_of("WORD") == Shape::kUpper);
  CHECK(shape_of("A") == Shape::kTitle);
  CHECK(shape_of("iPhone") == Shape::kMixed);
  CHECK(shape_of("42") == Shape::kNone);
  CHECK(capitalize_first("élan vital") == "Élan vital");
  CHECK(to_upper("straße") == "STRASSE");
}
