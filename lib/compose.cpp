// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "compose.hpp"

#include <algorithm>
#include <cctype>
#include <span>

namespace despin::detail {

bool is_function_word(std::string_view w) {
  // Sorted, for a binary search: asked for every word of every entry and term.
  static constexpr std::string_view kWords[] = {
      "a",    "an",   "and",  "are",   "as",   "at",    "be",   "been",  "by",    "for",  "from",
      "her",  "his",  "in",   "into",  "is",   "it",    "its",  "my",    "no",    "not",  "of",
      "on",   "onto", "or",   "our",   "so",   "than",  "that", "the",   "their", "then", "these",
      "this", "those", "to",  "was",   "were", "with",  "your"};
  static_assert(std::is_sorted(std::begin(kWords), std::end(kWords)));
  return w.size() <= 5 && std::binary_search(std::begin(kWords), std::end(kWords), w);
}

bool is_word_key(std::string_view k) {
  return std::any_of(k.begin(), k.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; });
}

// Singular candidates of a plural key: "networks" -> "network", "libraries" -> "library",
// "processes" -> "process".
std::vector<std::string> singulars(std::string_view w) {
  std::vector<std::string> out;
  if (w.size() < 4 || w.back() != 's' || w.ends_with("ss")) return out;
  if (w.ends_with("ies")) out.push_back(std::string(w.substr(0, w.size() - 3)) + "y");
  if (w.ends_with("es")) out.emplace_back(w.substr(0, w.size() - 2));
  out.emplace_back(w.substr(0, w.size() - 1));
  return out;
}

// "network" -> "networks", "library" -> "libraries", "process" -> "processes".
std::string pluralize_last_word(const std::string& term) {
  const std::size_t sp = term.find_last_of(" -");
  const std::string head = sp == std::string::npos ? "" : term.substr(0, sp + 1);
  std::string w = sp == std::string::npos ? term : term.substr(sp + 1);
  const auto vowel = [](char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; };
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) w = w.substr(0, w.size() - 1) + "ies";
  else if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") || w.ends_with("sh")) w += "es";
  else w += "s";
  return head + w;
}

std::string american_spelling(std::string_view w) {
  struct Rule {
    std::string_view british, american;
  };
  // Suffix rules, longest first. A wrong guess costs nothing: the result is only looked up
  // among known terms and swaps.
  static constexpr Rule kRules[] = {
      {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"iser", "izer"},
      {"yses", "yzes"},         {"ysed", "yzed"},       {"ysing", "yzing"}, {"yse", "yze"},   {"ements", "ments"},
      {"ement", "ment"},        {"ours", "ors"},        {"our", "or"},      {"tres", "ters"}, {"tre", "ter"},
      {"ogues", "ogs"},         {"ogue", "og"},
  };
  std::string out(w);
  for (const Rule& r : kRules) {
    if (w.size() > r.british.size() + 2 && w.ends_with(r.british)) {
      out = std::string(w.substr(0, w.size() - r.british.size())) + std::string(r.american);
      break;
    }
  }
  // "haemoglobin", "oesophagus", "anaesthesia": the digraph becomes a plain e.
  for (std::string_view digraph : {"ae", "oe"}) {
    const std::size_t p = out.find(digraph);
    if (p != std::string::npos && p > 0 && out.size() > 5) out.erase(p, 1);
  }
  return out;
}

void TermComposer::add_swap(const std::string& spun, const std::string& original) {
  std::vector<std::string>& to = swaps_[spun];
  if (std::find(to.begin(), to.end(), original) == to.end() && to.size() < kMaxSwapsPerWord) {
    to.push_back(original);
    ++swaps_count_;
  }
}

void TermComposer::add_term(const std::string& display, const std::string& source) {
  add_term(display, source, phrase_keys(display));
}

void TermComposer::add_term(const std::string& display, const std::string& source,
                            const std::vector<std::string>& keys) {
  // Only terms of two or more content words: "result in" or "the beginning" are grammar, and
  // composing into them turns ordinary phrases ("lead in", "the first") into wrong ones.
  if (std::count_if(keys.begin(), keys.end(),
                    [](const std::string& k) { return is_word_key(k) && !is_function_word(k); }) < 2)
    return;
  terms_.push_back(TermInfo{display, source});
  term_trie_.insert(keys, static_cast<std::int32_t>(terms_.size() - 1));
}

void TermComposer::learn_entry(const Entry& e, const std::vector<std::string>& spun,
                               const std::vector<std::string>& original) {
  if (e.is_rule) return;
  add_term(e.original, e.source, original);
  // Aligned word for word: each differing pair is a swap the spinner makes. An entry that
  // changes one word is clear evidence; one that changes several may be an idiom ("fourteen
  // days" -> "two weeks" does not mean days -> weeks), so its pairs must recur in another entry.
  std::vector<std::pair<std::string, std::string>> pairs;
  for_each_aligned_swap(spun, original, [&](const std::string& s, const std::string& o) { pairs.emplace_back(s, o); });
  for (const auto& [s, o] : pairs) {
    if (pairs.size() == 1 || ++multi_word_pairs_[s + '\n' + o] == 2) add_swap(s, o);
  }
}

void TermComposer::learn_lists(const Dictionary& dictionary) {
  for (const Term& t : dictionary.terms()) add_term(t.text, t.source);
  for (const WordSwap& w : dictionary.word_swaps()) add_swap(w.spun, w.original);
}

bool TermComposer::is_term(std::span<const std::string> keys, std::size_t len, std::string_view last) const {
  std::uint32_t node = PhraseTrie::root();
  for (std::size_t k = 0; k < len; ++k) {
    const std::uint32_t id = term_trie_.word_id(k + 1 == len ? last : std::string_view(keys[k]));
    if (id == kNoWord || (node = term_trie_.child(node, id)) == kNoNode) return false;
  }
  return term_trie_.value(node) != kNoValue;
}

TermComposer::Words TermComposer::prepare(const DocumentWords& doc) const {
  Words w;
  w.of_token = &doc.of_token;
  w.first.reserve(doc.distinct() + 1);
  w.first.push_back(0);
  auto add = [&](std::string_view word, bool plural, bool swapped) {
    const std::uint32_t id = term_trie_.word_id(word);
    if (id != kNoWord) w.steps.push_back(Words::Step{id, plural, swapped});
  };
  for (std::uint32_t d = 0; d < doc.distinct(); ++d) {
    const std::string& key = doc.key(d);
    // The word as written and in American spelling (the term lists' spelling: a British
    // "acknowledgement" or "optimisation" must find its swaps and terms too); a spelling
    // change alone is not a restoration.
    const std::string american = american_spelling(key);
    for (const std::string* form : {&key, &american}) {
      if (form->empty() || (form == &american && american == key)) continue;
      add(*form, false, false);
      if (auto s = swaps_.find(*form); s != swaps_.end())
        for (const std::string& o : s->second) add(o, false, true);
      for (const std::string& singular : singulars(*form)) {
        add(singular, true, false);
        if (auto s = swaps_.find(singular); s != swaps_.end())
          for (const std::string& o : s->second) add(o, true, true);
      }
    }
    bool starts = false;
    for (std::size_t k = w.first.back(); k < w.steps.size() && !starts; ++k)
      starts = term_trie_.child(PhraseTrie::root(), w.steps[k].word) != kNoNode;
    w.starts.push_back(starts);
    w.first.push_back(static_cast<std::uint32_t>(w.steps.size()));
  }
  return w;
}

std::optional<TermComposer::Found> TermComposer::find(const Words& words, const std::vector<Token>& tokens,
                                                      const std::vector<std::string>& all_keys, std::size_t first,
                                                      const std::vector<bool>& blocked) const {
  if (first >= tokens.size() || !tokens[first].is_word || blocked[first]) return std::nullopt;
  // A word that leads nowhere from the root starts no term (the walk below would find nothing).
  const std::uint32_t d0 = (*words.of_token)[first];
  if (!words.starts[d0]) return std::nullopt;
  std::size_t limit = first;
  while (limit < tokens.size() && limit - first < kMaxTokens && !blocked[limit] &&
         tokens[limit].paragraph == tokens[first].paragraph)
    ++limit;
  if (limit - first < 2) return std::nullopt;
  const std::span<const std::string> keys(all_keys.data() + first, limit - first);

  // Walk the term trie with, at each position, the word itself or what it may have been; the
  // last word may also be a plural whose singular (or its original) continues the term.
  struct Best {
    std::size_t len = 0;
    std::int32_t term = kNoValue;
    bool plural = false;
    std::uint32_t swapped = 0;
  } best;
  auto word_count = [&](std::size_t len) {
    std::size_t words = 0;
    for (std::size_t k = 0; k < len; ++k) words += tokens[first + k].is_word;
    return words;
  };
  // `swapped` has bit k set when the path swapped the word at position k.
  auto walk = [&](auto& self, std::size_t k, std::uint32_t node, std::uint32_t swapped_mask) -> void {
    if (k == keys.size()) return;
    const std::string& key = keys[k];
    const std::uint32_t d = (*words.of_token)[first + k];
    for (std::uint32_t s = words.first[d]; s < words.first[d + 1]; ++s) {
      const Words::Step& step = words.steps[s];
      const std::uint32_t child = term_trie_.child(node, step.word);
      if (child == kNoNode) continue;
      const std::uint32_t mask = swapped_mask | (step.swapped ? 1u << k : 0u);
      const bool now_changed = mask != 0;
      if (!step.plural) self(self, k + 1, child, mask);
      const std::int32_t v = term_trie_.value(child);
      if (v == kNoValue || !now_changed || k + 1 <= best.len || !tokens[first + k].is_word || word_count(k + 1) < 2)
        continue;
      // A run that is itself a known term is genuine: leave it.
      if (is_term(keys, k + 1, key)) continue;
      bool genuine = false;
      for (const std::string& singular : singulars(key)) genuine = genuine || is_term(keys, k + 1, singular);
      if (genuine) continue;
      best = Best{k + 1, v, step.plural, mask};
    }
  };
  walk(walk, 0, PhraseTrie::root(), 0u);
  if (best.term == kNoValue) return std::nullopt;
  const TermInfo& t = terms_[static_cast<std::size_t>(best.term)];
  return Found{first + best.len, best.plural ? pluralize_last_word(t.display) : t.display, t.source, best.swapped};
}

}  // namespace despin::detail
