// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The phrase trie: every phrase inserted is found again after the edge table and its presence
// bitmap have grown many times, phrases never inserted are not, and insert reports the value
// the keys had.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "phrase_trie.hpp"
#include "snapshot_io.hpp"

using despin::detail::kNoValue;
using despin::detail::PhraseTrie;

namespace {

std::vector<std::string> random_phrase(std::mt19937& rng) {
  std::uniform_int_distribution<int> words(1, 4), letter(0, 25), length(1, 6);
  std::vector<std::string> keys(static_cast<std::size_t>(words(rng)));
  for (std::string& k : keys) {
    k.resize(static_cast<std::size_t>(length(rng)));
    for (char& c : k) c = static_cast<char>('a' + letter(rng));
  }
  return keys;
}

}  // namespace

TEST_CASE("the trie finds every phrase after growing, and no other", "[trie]") {
  std::mt19937 rng(20261125);
  PhraseTrie trie;
  std::set<std::vector<std::string>> inserted;
  std::vector<std::vector<std::string>> order;
  while (inserted.size() < 50000) {
    auto keys = random_phrase(rng);
    if (inserted.insert(keys).second) order.push_back(keys);
  }
  for (std::size_t i = 0; i < order.size(); ++i) REQUIRE(trie.insert(order[i], static_cast<std::int32_t>(i)) == kNoValue);
  CHECK(trie.phrase_count() == order.size());
  for (std::size_t i = 0; i < order.size(); ++i) REQUIRE(trie.find(order[i]) == static_cast<std::int32_t>(i));
  int absent = 0;
  for (int n = 0; n < 20000; ++n) {
    auto keys = random_phrase(rng);
    if (inserted.count(keys)) continue;
    ++absent;
    REQUIRE(trie.find(keys) == kNoValue);
  }
  CHECK(absent > 10000);
}

TEST_CASE("insert returns the previous value and replaces it only when asked", "[trie]") {
  PhraseTrie trie;
  const std::vector<std::string> keys{"wooded", "area"};
  CHECK(trie.insert(keys, 1) == kNoValue);
  CHECK(trie.insert(keys, 2, /*replace=*/false) == 1);
  CHECK(trie.find(keys) == 1);
  CHECK(trie.insert(keys, 3) == 1);
  CHECK(trie.find(keys) == 3);
  CHECK(trie.phrase_count() == 1);
  std::vector<std::uint32_t> ids;
  trie.insert({"wooded", "land"}, 4, true, &ids);
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == trie.word_id("wooded"));
  CHECK(ids[1] == trie.word_id("land"));
  CHECK(trie.find({"wooded"}) == kNoValue);  // a prefix of phrases is no phrase
}

// The root's children are kept apart from the edge table (an array by word id); a loaded trie
// rebuilds that array from the edges, so lookups from the root must agree before and after.
TEST_CASE("a saved and loaded trie finds the same phrases from its root", "[trie]") {
  std::mt19937 rng(26);
  PhraseTrie trie;
  std::set<std::vector<std::string>> inserted;
  while (inserted.size() < 5000) {
    auto keys = random_phrase(rng);
    if (inserted.insert(keys).second) trie.insert(keys, static_cast<std::int32_t>(inserted.size() - 1));
  }
  despin::detail::SnapshotWriter w;
  trie.save(w);
  despin::detail::SnapshotReader r(w.bytes());
  PhraseTrie loaded;
  loaded.load(r, static_cast<std::int32_t>(inserted.size()));
  REQUIRE(loaded.word_count() == trie.word_count());
  std::size_t starting = 0;
  trie.for_each_word([&](const std::string& key) {
    const std::uint32_t id = trie.word_id(key);
    REQUIRE(loaded.word_id(key) == id);
    CHECK(loaded.child(PhraseTrie::root(), id) == trie.child(PhraseTrie::root(), id));
    starting += trie.child(PhraseTrie::root(), id) != despin::detail::kNoNode;
  });
  CHECK(starting > 0);
  CHECK(starting < trie.word_count());  // some words only ever follow another
  for (const auto& keys : inserted) REQUIRE(loaded.find(keys) == trie.find(keys));
  CHECK(loaded.child(PhraseTrie::root(), despin::detail::kNoWord) == despin::detail::kNoNode);
}
