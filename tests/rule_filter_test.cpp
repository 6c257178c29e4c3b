// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include <re2/re2.h>
#include <re2/set.h>

#include <catch2/catch.hpp>

#include <memory>
#include <random>

#include "ascii_literals.hpp"

using namespace despin::detail;

namespace {

// What the automaton is checked against: the literals as one case-insensitive RE2 set.
std::unique_ptr<RE2::Set> literal_set(const std::vector<std::string>& literals) {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_literal(true);
  auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (const std::string& l : literals) REQUIRE(set->Add(l, nullptr) >= 0);
  REQUIRE(set->Compile());
  return set;
}

}  // namespace

// The rule prefilter looks for literals with AsciiLiterals (and with a case-insensitive RE2::Set
// only when a literal has too many spellings): on ASCII text both must find the same literals,
// including one spelled with the Kelvin sign (it folds to k) and one with a letter that has
// two cases outside ASCII (no ASCII text holds "sèvres").
TEST_CASE("ASCII literal search finds what a case-insensitive RE2 set finds", "[rules]") {
  const std::vector<std::string> literals = {"the ", "he", "moved on from", "a-b", "k9", "abc", "bca", "c",
                                             "s\xC3\xA8vres", "\xE2\x84\xAA" "elvin", "don't"};
  const std::unique_ptr<RE2::Set> set = literal_set(literals);
  const AsciiLiterals ascii(literals);

  const std::string alphabet = "theHEmovdnfrAB-K9bcC' sKELVIN";
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int k = static_cast<int>(rng() % 30); k > 0; --k) text += alphabet[rng() % alphabet.size()];
    if (round % 7 == 0) text += "Moved On From";
    if (round % 11 == 0) text += "KELVIN";
    std::vector<int> expected, found;
    set->Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    REQUIRE(ascii.find(text, found));
    INFO(text);
    CHECK(found == expected);
  }
}

// AsciiLiterals reads text outside ASCII itself, treating only U+017F and U+212A as ASCII
// letters: this is the list of characters outside ASCII that RE2, ignoring case, matches to an
// ASCII character, taken from RE2 over every code point.
TEST_CASE("only the long s and the Kelvin sign fold to ASCII in RE2", "[rules]") {
  std::string all;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (cp < 0x800) {
      all += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      all += static_cast<char>(0xE0 | (cp >> 12));
      all += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
      all += static_cast<char>(0xF0 | (cp >> 18));
      all += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      all += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    all += static_cast<char>(0x80 | (cp & 0x3F));
  }
  const RE2 ascii("(?i)([\\x01-\\x7f])");
  REQUIRE(ascii.ok());
  re2::StringPiece rest(all);
  std::string match;
  std::vector<std::string> folding;
  while (RE2::FindAndConsume(&rest, ascii, &match)) folding.push_back(match);
  CHECK(folding == std::vector<std::string>{"\xC5\xBF", "\xE2\x84\xAA"});
}

// Text outside ASCII is answered too, exactly as the RE2 set answers: literals with caseless
// characters (’ – £) and with cased ones (sèvres, sofía) that Unicode folding must match.
TEST_CASE("ASCII literal search matches the RE2 set on text outside ASCII", "[rules]") {
  const std::vector<std::string> literals = {"the ", "kiss", "sk", "moved on from", "a-b", "k9", "cafe", "s",
                                             "\xE2\x80\x99s", "9 \xE2\x80\x93 ", "\xC2\xA3" "9",
                                             "s\xC3\xA8vres", "sof\xC3\xAD" "a"};
  const std::unique_ptr<RE2::Set> set = literal_set(literals);
  const AsciiLiterals ascii(literals);
  REQUIRE(ascii.answers_all());
  // Letters, the two folding characters, others outside ASCII (two, three and four bytes,
  // one of them ending in the byte of the long s), and an invalid lone byte.
  const std::vector<std::string> pieces = {"t", "h", "e", " ", "K", "i", "S", "s", "k", "9", "a", "-", "b",
                                           "c", "f", "\xC5\xBF", "\xE2\x84\xAA", "\xC3\xA9", "\xC3\xBF",
                                           "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xBF", "moved On from",
                                           "\xE2\x80\x93", "\xC2\xA3", "\xE2\x80", "\x99", "S\xC3\x88VRES",
                                           "s\xC3\xA8vres", "SOF", "\xC3\x8D", "\xC3\xAD", "a", "\xC3\xAD" "A"};
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int n = static_cast<int>(rng() % 16); n > 0; --n) text += pieces[rng() % pieces.size()];
    std::vector<int> expected, found;
    set->Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    INFO(text);
    REQUIRE(ascii.find(text, found));
    CHECK(found == expected);
  }
  std::vector<int> found;
  REQUIRE(ascii.find("\xC5\xBFK\xE2\x84\xAA caf\xC3\xA9", found));
  // "ſKK café" reads as "skk caf" and then a letter in no literal: "sk" and "s", not "cafe".
  CHECK(found == std::vector<int>{2, 7});
}

// The automaton may find more than RE2 (ICU's full folding spells ß also as "ss"), never less;
// a literal with too many spellings is left to RE2, and then only ASCII text is answered.
TEST_CASE("literal spellings: a superset of RE2, and a limit", "[rules]") {
  const std::vector<std::string> literals = {"stra\xC3\x9F" "e", "\xC3\xA9t\xC3\xA9"};
  const std::unique_ptr<RE2::Set> set = literal_set(literals);
  const AsciiLiterals ascii(literals);
  REQUIRE(ascii.answers_all());
  for (const char* text : {"STRA\xE1\xBA\x9E" "E", "strasse", "\xC3\x89T\xC3\x89", "\xC3\xA9T\xC3\x89 stra\xC3\x9F" "e"}) {
    std::vector<int> expected, found;
    set->Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    INFO(text);
    REQUIRE(ascii.find(text, found));
    CHECK(std::includes(found.begin(), found.end(), expected.begin(), expected.end()));
    CHECK(!found.empty());
  }

  // Seven letters with two cases each: 128 spellings, over the limit.
  const AsciiLiterals many(std::vector<std::string>{"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "abc"});
  CHECK_FALSE(many.answers_all());
  std::vector<int> found;
  CHECK_FALSE(many.find("abc \xC3\x89", found));
  CHECK(found.empty());
  REQUIRE(many.find("ABC", found));
  CHECK(found == std::vector<int>{1});
}
