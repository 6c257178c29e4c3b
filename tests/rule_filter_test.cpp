// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include <re2/re2.h>
#include <re2/set.h>

#include <catch2/catch.hpp>

#include <random>

#include "ascii_literals.hpp"

using namespace despin::detail;

// The rule prefilter looks for literals with AsciiLiterals on ASCII lines and with a
// case-insensitive RE2::Set elsewhere: on ASCII text both must find the same literals, or
// AsciiLiterals more (a literal outside ASCII it cannot rule out).
TEST_CASE("ASCII literal search finds what a case-insensitive RE2 set finds", "[rules]") {
  const std::vector<std::string> literals = {"the ", "he", "moved on from", "a-b", "k9", "abc", "bca", "c",
                                             "s\xC3\xA8vres", "\xE2\x84\xAA" "elvin", "don't"};
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_literal(true);
  RE2::Set set(o, RE2::UNANCHORED);
  for (const std::string& l : literals) REQUIRE(set.Add(l, nullptr) >= 0);
  REQUIRE(set.Compile());
  const AsciiLiterals ascii(literals);

  const std::string alphabet = "theHEmovdnfrAB-K9bcC' s";
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int k = static_cast<int>(rng() % 30); k > 0; --k) text += alphabet[rng() % alphabet.size()];
    if (round % 7 == 0) text += "Moved On From";
    std::vector<int> expected, found;
    set.Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    REQUIRE(ascii.find(text, found));
    INFO(text);
    // "sèvres" is in no ASCII text; the Kelvin sign folds to k, so "Kelvin" may be.
    std::vector<int> extra = {9};
    std::vector<int> with_extra;
    std::set_union(expected.begin(), expected.end(), extra.begin(), extra.end(), std::back_inserter(with_extra));
    CHECK(found == with_extra);
  }
  std::vector<int> found;
  CHECK_FALSE(ascii.find("caf\xC3\xA9", found));
}
