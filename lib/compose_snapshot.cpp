// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// TermComposer's finished tables in a compiled engine (snapshot_io.hpp).
#include <algorithm>
#include <cmath>

#include "compose.hpp"
#include "snapshot_io.hpp"
#include "thread_memo.hpp"

namespace despin::detail {

void TermComposer::save(SnapshotWriter& w) const {
  w.u64(terms_.size());
  for (const TermInfo& t : terms_) w.str(t.display), w.str(t.source);
  term_trie_.save(w);
  w.array(swap_first_);
  w.array(original_first_);
  w.array(swap_ids_);
  phrase_swap_trie_.save(w);
  auto trie_word = [&](const TrieWord& t) { w.u32(t.id), w.u32(t.root_child), w.f64(t.weight); };
  // In key order, not the hash table's: the same engine always gives the same bytes.
  std::vector<const decltype(known_words_)::value_type*> known_words;
  known_words.reserve(known_words_.size());
  for (const auto& entry : known_words_) known_words.push_back(&entry);
  std::sort(known_words.begin(), known_words.end(), [](auto* a, auto* b) { return a->first < b->first; });
  w.u64(known_words.size());
  for (const auto* entry : known_words) {
    const auto& [key, known] = *entry;
    w.str(key);
    trie_word(known.term);
    w.u64(known.swapped_from.size());
    for (const TrieWord& t : known.swapped_from) trie_word(t);
    w.u32(known.phrase_word);
  }
  w.u64(swaps_count_);
}

void TermComposer::load(SnapshotReader& r) {
  *this = TermComposer();
  const std::uint64_t terms = r.count(16);
  r.require(terms < static_cast<std::uint64_t>(kNoValue) >> 1, "too many terms");
  terms_.reserve(terms);
  for (std::uint64_t k = 0; k < terms; ++k) {
    std::string display = r.text();
    terms_.push_back(TermInfo{std::move(display), r.text(strings_)});
  }
  term_trie_.load(r, static_cast<std::int32_t>(terms));
  const auto term_word_ok = [&](std::uint32_t id) { return id == kNoWord || id < term_trie_.word_count(); };
  swap_first_ = r.array<std::uint32_t>();
  original_first_ = r.array<std::uint32_t>();
  swap_ids_ = r.array<std::uint32_t>();
  // Each offset table starts at 0, never decreases and ends at the size of what it indexes.
  const auto offsets_ok = [](const std::vector<std::uint32_t>& first, std::size_t end) {
    return !first.empty() && first.front() == 0 && first.back() == end && std::is_sorted(first.begin(), first.end());
  };
  r.require(offsets_ok(swap_first_, original_first_.size() - 1) && offsets_ok(original_first_, swap_ids_.size()),
            "the phrase swaps' tables are malformed");
  for (std::uint32_t id : swap_ids_) r.require(term_word_ok(id), "a phrase swap names an unknown term word");
  const std::size_t swaps = swap_first_.size() - 1;
  r.require(swaps < static_cast<std::uint64_t>(kNoValue) >> 1, "too many phrase swaps");
  phrase_swap_trie_.load(r, static_cast<std::int32_t>(swaps));
  auto trie_word = [&] {
    TrieWord t{r.u32(), r.u32(), r.f64()};
    r.require(term_word_ok(t.id) && (t.root_child == kNoNode || t.root_child < term_trie_.node_count()) &&
                  std::isfinite(t.weight),
              "a known word names an unknown term word or node");
    return t;
  };
  const std::uint64_t known = r.count(8);
  known_words_.reserve(known);
  for (std::uint64_t k = 0; k < known; ++k) {
    std::string key = r.str();
    KnownWord word;
    word.term = trie_word();
    word.swapped_from.resize(r.count(16));
    for (TrieWord& t : word.swapped_from) t = trie_word();
    word.phrase_word = r.u32();
    r.require(word.phrase_word == kNoWord || word.phrase_word < phrase_swap_trie_.word_count(),
              "a known word names an unknown phrase word");
    r.require(known_words_.emplace(std::move(key), std::move(word)).second, "a known word appears twice");
  }
  swaps_count_ = r.u64();
  index_term_trie();
  id_ = new_memo_owner();
  acronyms_ = std::make_shared<AcronymState>();
}

}  // namespace despin::detail
