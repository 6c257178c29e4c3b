// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Chaining two rounds of edits: applying the chained edits to the input must give what the two
// rounds give, on hand-picked edges and on random edit sets.
#include <catch2/catch.hpp>

#include <random>

#include "despin/edit.hpp"
#include "edit_chain.hpp"

using despin::Edit;
using despin::apply_edits;
using despin::detail::chain_edits;

namespace {

Edit edit(std::string_view text, std::size_t offset, std::size_t length, std::string replacement) {
  return Edit{offset, length, std::string(text.substr(offset, length)), std::move(replacement), "t",
              despin::EditKind::kPhrase, 1.0};
}

void check_chain(std::string_view input, const std::vector<Edit>& first, const std::vector<Edit>& second) {
  const std::string mid = apply_edits(input, first);
  const std::vector<Edit> chained = chain_edits(input, first, mid, second);
  std::size_t last_end = 0;
  for (const Edit& e : chained) {
    REQUIRE(e.offset >= last_end);
    CHECK(input.substr(e.offset, e.length) == e.original);
    last_end = e.offset + e.length;
  }
  CHECK(apply_edits(input, chained) == apply_edits(mid, second));
}

}  // namespace

TEST_CASE("chained edits: disjoint rounds keep both", "[edit_chain]") {
  const std::string in = "a\xC2\xA0world premiere x";
  // Cleanup turns the NBSP into a space; the rewrite then replaces "world premiere" elsewhere.
  std::vector<Edit> first{edit(in, 1, 2, " ")};
  const std::string mid = apply_edits(in, first);
  REQUIRE(mid == "a world premiere x");
  std::vector<Edit> second{edit(mid, 2, 14, "reality debut")};
  const auto chained = chain_edits(in, first, mid, second);
  REQUIRE(chained.size() == 2);
  CHECK(chained[0].offset == 1);
  CHECK(chained[1].offset == 3);
  CHECK(chained[1].original == "world premiere");
  check_chain(in, first, second);
}

TEST_CASE("chained edits: a rewrite over cleaned text swallows the cleanup inside it", "[edit_chain]") {
  const std::string in = "the reality\xC2\xA0" "debut.";
  std::vector<Edit> first{edit(in, 11, 2, " ")};
  const std::string mid = apply_edits(in, first);
  std::vector<Edit> second{edit(mid, 4, 13, "world premiere")};
  const auto chained = chain_edits(in, first, mid, second);
  REQUIRE(chained.size() == 1);
  CHECK(chained[0].original == "reality\xC2\xA0" "debut");
  CHECK(chained[0].replacement == "world premiere");
  check_chain(in, first, second);
}

TEST_CASE("chained edits: partial overlaps and neighbours sharing a cleanup edit", "[edit_chain]") {
  const std::string in = "abcdefghij";
  std::vector<Edit> first{edit(in, 2, 3, "XYZW")};  // "ab" "XYZW" "fghij"
  const std::string mid = apply_edits(in, first);
  check_chain(in, first, {edit(mid, 3, 2, "12")});                        // inside the cleanup output
  check_chain(in, first, {edit(mid, 1, 2, "1"), edit(mid, 4, 3, "2")});   // two edits around it
  check_chain(in, first, {edit(mid, 0, 1, "1"), edit(mid, 7, 2, "2")});   // far from it
}

TEST_CASE("chained edits: random rounds always compose", "[edit_chain]") {
  std::mt19937 rng(20261125);
  auto random_edits = [&](const std::string& text) {
    std::vector<Edit> edits;
    std::size_t pos = 0;
    while (true) {
      pos += rng() % 6;
      if (pos >= text.size()) break;
      const std::size_t len = std::min<std::size_t>(rng() % 4, text.size() - pos);
      if (len == 0) { ++pos; continue; }
      edits.push_back(edit(text, pos, len, std::string(rng() % 4, static_cast<char>('A' + rng() % 26))));
      pos += len;
    }
    return edits;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string in;
    for (std::size_t k = 0, n = rng() % 30; k < n; ++k) in += static_cast<char>('a' + rng() % 26);
    const std::vector<Edit> first = random_edits(in);
    const std::string mid = apply_edits(in, first);
    const std::vector<Edit> second = random_edits(mid);
    INFO("round " << round << ": " << in);
    check_chain(in, first, second);
  }
}
