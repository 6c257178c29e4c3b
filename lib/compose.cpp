// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "compose.hpp"

#include "thread_memo.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cctype>

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
  if (w.size() > 4 && w.ends_with("sis")) w = w.substr(0, w.size() - 2) + "es";  // "analysis" -> "analyses"
  else if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) w = w.substr(0, w.size() - 1) + "ies";
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

void TermComposer::attest_swap(const std::string& spun, const std::string& original, bool clear) {
  std::vector<SwapTo>& to = swaps_[spun];
  auto it = std::find_if(to.begin(), to.end(), [&](const SwapTo& t) { return t.original == original; });
  if (it == to.end()) it = to.insert(to.end(), SwapTo{original});
  ++it->support;
  if (!clear) ++it->unclear;
  if (it->usable || (!clear && it->unclear < 2)) return;
  const auto usable = std::count_if(to.begin(), to.end(), [](const SwapTo& t) { return t.usable; });
  if (static_cast<std::size_t>(usable) >= kMaxSwapsPerWord) return;
  it->usable = true;
  ++swaps_count_;
}

void TermComposer::add_phrase_swap(const std::vector<std::string>& spun, const std::vector<std::string>& original) {
  const auto fresh = static_cast<std::int32_t>(phrase_swaps_.size());
  std::int32_t index = phrase_swap_trie_.insert(spun, fresh, /*replace=*/false);
  if (index == kNoValue) {
    index = fresh;
    phrase_swaps_.emplace_back();
    phrase_swap_spun_.push_back(spun);
  }
  std::vector<std::vector<std::string>>& to = phrase_swaps_[static_cast<std::size_t>(index)];
  if (std::find(to.begin(), to.end(), original) == to.end() && to.size() < kMaxSwapsPerWord) to.push_back(original);
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
  terms_.push_back(TermInfo{display, strings_.store(source)});
  std::vector<std::uint32_t>& ids = term_ids_scratch_;
  term_trie_.insert(keys, static_cast<std::int32_t>(terms_.size() - 1), true, &ids);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (!is_word_key(keys[k])) continue;
    if (ids[k] >= terms_with_word_.size()) terms_with_word_.resize(ids[k] + 1, 0);
    ++terms_with_word_[ids[k]];
  }
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
  // An entry that also changes a function word ("half a month" -> "a few weeks") rewords a
  // phrase rather than swapping its words one by one: it teaches no word swap. An article
  // that follows the next word's sound ("an incredible method" -> "a great way") is no change.
  const auto article = [](const std::string& k) { return k == "a" || k == "an"; };
  bool rewording = false;
  if (spun.size() == original.size())
    for (std::size_t k = 0; k < spun.size() && !rewording; ++k)
      rewording = spun[k] != original[k] && is_word_key(spun[k]) && is_word_key(original[k]) &&
                  (is_function_word(spun[k]) || is_function_word(original[k])) &&
                  !(article(spun[k]) && article(original[k]));
  if (!rewording)
    for (const auto& [s, o] : pairs) attest_swap(s, o, pairs.size() == 1);
  // A phrase for at most three words, not word for word: "wooded area" -> "forest".
  const auto words = [](const std::vector<std::string>& keys) {
    return static_cast<std::size_t>(std::count_if(keys.begin(), keys.end(), is_word_key));
  };
  if (!e.heading && spun.size() >= 2 && spun.size() <= kMaxTokens && words(spun) >= 2 && words(original) >= 1 &&
      original.size() <= 3 && pairs.empty() && spun != original)
    add_phrase_swap(spun, original);
}

void TermComposer::learn_lists(const Dictionary& dictionary) {
  for (const Term& t : dictionary.terms()) add_term(t.text, t.source);
  for (const WordSwap& w : dictionary.word_swaps()) {
    // A hyphenated word is several tokens ("man-made" is man, -, made): it is walked as a phrase.
    const std::vector<std::string> spun = phrase_keys(w.spun), original = phrase_keys(w.original);
    if (spun.size() == 1 && original.size() == 1) attest_swap(spun[0], original[0], true);
    else if (!spun.empty() && !original.empty()) add_phrase_swap(spun, original);
  }
}

const TermComposer::KnownWord* TermComposer::known_word(std::string_view key) const {
  auto it = known_words_.find(key);
  return it == known_words_.end() ? nullptr : &it->second;
}

void TermComposer::prune_phrase_swaps() {
  auto composable = [&](const std::vector<std::string>& original) {
    return !original.empty() && std::all_of(original.begin(), original.end(), [&](const std::string& w) {
      return term_trie_.word_id(w) != kNoWord;
    });
  };
  PhraseTrie trie;
  std::vector<std::vector<std::vector<std::string>>> swaps;
  std::vector<std::vector<std::string>> spun;
  for (std::size_t p = 0; p < phrase_swaps_.size(); ++p) {
    std::vector<std::vector<std::string>>& originals = phrase_swaps_[p];
    std::erase_if(originals, [&](const std::vector<std::string>& o) { return !composable(o); });
    if (originals.empty()) continue;
    trie.insert(phrase_swap_spun_[p], static_cast<std::int32_t>(swaps.size()));
    swaps.push_back(std::move(originals));
    spun.push_back(std::move(phrase_swap_spun_[p]));
  }
  phrase_swap_trie_ = std::move(trie);
  phrase_swaps_ = std::move(swaps);
  phrase_swap_spun_ = std::move(spun);
}

void TermComposer::finish() {
  prune_phrase_swaps();
  id_ = new_memo_owner();
  acronyms_ = std::make_shared<AcronymState>();
  known_words_.clear();
  auto trie_word = [&](std::string_view w) {
    const std::uint32_t id = term_trie_.word_id(w);
    return TrieWord{id, id == kNoWord ? kNoNode : term_trie_.child(PhraseTrie::root(), id)};
  };
  auto know = [&](const std::string& w) -> KnownWord& {
    auto [it, added] = known_words_.try_emplace(w);
    if (added) {
      it->second.term = trie_word(w);
      it->second.phrase_word = phrase_swap_trie_.word_id(w);
    }
    return it->second;
  };
  for (const auto& [spun, originals] : swaps_) {
    KnownWord& k = know(spun);
    for (const SwapTo& o : originals) {
      if (!o.usable) continue;
      TrieWord t = trie_word(o.original);
      if (t.id == kNoWord) continue;
      const std::uint32_t terms_with = t.id < terms_with_word_.size() ? terms_with_word_[t.id] : 0;
      t.weight = o.support * std::log2(2.0 + terms_with);
      k.swapped_from.push_back(t);
    }
  }
  term_trie_.for_each_word([&](const std::string& w) { know(w); });
  index_term_trie();
  phrase_swap_trie_.for_each_word([&](const std::string& w) { know(w); });
  swap_first_.assign(1, 0);
  original_first_.assign(1, 0);
  swap_ids_.clear();
  for (const auto& originals : phrase_swaps_) {
    for (const std::vector<std::string>& original : originals) {
      for (const std::string& w : original) swap_ids_.push_back(term_trie_.word_id(w));
      original_first_.push_back(static_cast<std::uint32_t>(swap_ids_.size()));
    }
    swap_first_.push_back(static_cast<std::uint32_t>(original_first_.size() - 1));
  }
}

bool TermComposer::is_term(const Words& words, std::size_t first, std::size_t len, std::uint32_t last) const {
  std::uint32_t node = PhraseTrie::root();
  for (std::size_t k = 0; k < len; ++k) {
    const std::uint32_t id = k + 1 == len ? last : words.written[(*words.of_token)[first + k]].word;
    if (id == kNoWord || (node = term_trie_.child(node, id)) == kNoNode) return false;
  }
  return term_trie_.value(node) != kNoValue;
}

bool TermComposer::written_term(const Words& words, std::size_t first, std::size_t len) const {
  const Words::KeyIds& last = words.written[(*words.of_token)[first + len - 1]];
  if (is_term(words, first, len, last.word)) return true;
  for (std::uint32_t singular : last.singulars)
    if (singular != kNoWord && is_term(words, first, len, singular)) return true;
  return false;
}

TermComposer::KeyReading TermComposer::read_key(const std::string& key, std::vector<Words::Step>& steps) const {
  KeyReading r;
  r.first = static_cast<std::uint32_t>(steps.size());
  auto add = [&](const TrieWord& t, bool plural, bool swapped) {
    if (t.id != kNoWord) steps.push_back(Words::Step{t.id, plural, swapped, t.root_child, swapped ? t.weight : 1.0});
  };
  // The word as written and in American spelling (the term lists' spelling: a British
  // "acknowledgement" or "optimisation" must find its swaps and terms too); a spelling
  // change alone is not a restoration.
  const std::string american = american_spelling(key);
  for (const std::string* form : {&key, &american}) {
    if (form->empty() || (form == &american && american == key)) continue;
    const std::vector<std::string> form_singulars = singulars(*form);
    if (const KnownWord* known = known_word(*form)) {
      add(known->term, false, false);
      for (const TrieWord& o : known->swapped_from) add(o, false, true);
      if (form == &key) r.written.word = known->term.id, r.phrase.word = known->phrase_word;
    }
    for (std::size_t k = 0; k < form_singulars.size(); ++k) {
      const KnownWord* known = known_word(form_singulars[k]);
      if (known == nullptr) continue;
      add(known->term, true, false);
      for (const TrieWord& o : known->swapped_from) add(o, true, true);
      if (form == &key && k < 3) r.written.singulars[k] = known->term.id, r.phrase.singulars[k] = known->phrase_word;
    }
  }
  r.last = static_cast<std::uint32_t>(steps.size());
  if (hyphen_ != kNoWord && r.written.word == hyphen_) r.own_bits = ~std::uint64_t{0};
  for (std::size_t k = r.first; k < r.last; ++k) {
    const Words::Step& step = steps[k];
    r.starts = r.starts || step.root_child != kNoNode;
    r.own_bits |= word_bit(step.word);
    // What continues() walks from a reading: the words after it in a term, and those after a
    // hyphen the document may leave out (any word, when another hyphen may come).
    const std::uint32_t node = step.root_child;
    if (node == kNoNode || step.plural) continue;
    r.follow_bits |= next_word_bits_[node];
    if (hyphen_ == kNoWord || !hyphen_nodes_[node]) continue;
    if (const std::uint32_t past = term_trie_.child(node, hyphen_); past != kNoNode)
      r.follow_bits |= hyphen_nodes_[past] ? ~std::uint64_t{0} : next_word_bits_[past];
  }
  // Or a spun phrase (for a few words of a term) may begin with the word or its singular.
  auto begins_phrase = [&](std::uint32_t id) {
    return id != kNoWord && phrase_swap_trie_.child(PhraseTrie::root(), id) != kNoNode;
  };
  r.begins_phrase = begins_phrase(r.phrase.word);
  for (std::uint32_t id : r.phrase.singulars) r.begins_phrase = r.begins_phrase || begins_phrase(id);
  r.starts = r.starts || r.begins_phrase;
  r.function_word = is_function_word(key);
  return r;
}

TermComposer::Words TermComposer::prepare(const DocumentWords& doc) const {
  // Each thread remembers what it read of the words it met (until its word records start
  // again): a corpus's documents share most of their words, and reading one asks the word
  // tables about it, its American spelling and its singulars.
  thread_local Memo memo;
  if (memo.readings.ready(id_, doc)) memo.steps.clear();
  Words w;
  w.of_token = &doc.of_token;
  w.steps = &memo.steps;
  w.first.reserve(doc.distinct());
  w.last.reserve(doc.distinct());
  w.starts.reserve(doc.distinct());
  w.follow_bits.reserve(doc.distinct());
  w.own_bits.reserve(doc.distinct());
  w.function_word.reserve(doc.distinct());
  w.written.reserve(doc.distinct());
  // By distinct key: its phrase-swap-trie ids, and whether a spun phrase may start with it (for
  // the spans below: most tokens start none, and are passed by one look at this).
  std::vector<Words::KeyIds> phrase_ids(doc.distinct());
  std::vector<char> begins_phrase(doc.distinct());
  for (std::uint32_t d = 0; d < doc.distinct(); ++d) {
    const std::uint32_t record = doc.record[d];
    if (!memo.readings.has(record)) memo.readings.set(record, read_key(doc.key(d), memo.steps));
    const KeyReading& r = memo.readings.get(record);
    w.first.push_back(r.first);
    w.last.push_back(r.last);
    w.starts.push_back(r.starts);
    w.follow_bits.push_back(r.follow_bits);
    w.own_bits.push_back(r.own_bits);
    w.function_word.push_back(r.function_word);
    w.written.push_back(r.written);
    phrase_ids[d] = r.phrase;
    begins_phrase[d] = r.begins_phrase;
  }
  // The spun phrases at each token, found once per document ("wooded area" -> "forest"; the
  // last word may be a plural: "wooded areas" -> "forests"). find() keeps those that end
  // within its run.
  const std::size_t n = doc.of_token.size();
  w.span_first.reserve(n + 1);
  for (std::size_t t = 0; t < n; ++t) {
    w.span_first.push_back(static_cast<std::uint32_t>(w.spans.size()));
    if (!begins_phrase[doc.of_token[t]]) continue;
    std::uint32_t node = PhraseTrie::root();
    for (std::size_t j = t; j < n && j - t < kMaxTokens; ++j) {
      const Words::KeyIds& ids = phrase_ids[doc.of_token[j]];
      for (std::uint32_t sid : ids.singulars) {
        const std::uint32_t snode = sid == kNoWord ? kNoNode : phrase_swap_trie_.child(node, sid);
        if (snode != kNoNode && phrase_swap_trie_.value(snode) != kNoValue)
          w.spans.push_back(Words::PhraseSpan{static_cast<std::uint32_t>(j + 1),
                                              static_cast<std::uint32_t>(phrase_swap_trie_.value(snode)), true});
      }
      if (ids.word == kNoWord || (node = phrase_swap_trie_.child(node, ids.word)) == kNoNode) break;
      if (phrase_swap_trie_.value(node) != kNoValue)
        w.spans.push_back(Words::PhraseSpan{static_cast<std::uint32_t>(j + 1),
                                            static_cast<std::uint32_t>(phrase_swap_trie_.value(node)), false});
    }
  }
  w.span_first.push_back(static_cast<std::uint32_t>(w.spans.size()));
  return w;
}

void TermComposer::index_term_trie() {
  hyphen_ = term_trie_.word_id("-");
  hyphen_nodes_ = hyphen_ == kNoWord ? std::vector<bool>{} : term_trie_.nodes_with_child(hyphen_);
  next_word_bits_.assign(term_trie_.node_count(), 0);
  term_trie_.for_each_edge([&](std::uint32_t node, std::uint32_t word) {
    if (node < next_word_bits_.size()) next_word_bits_[node] |= word_bit(word);
  });
}

namespace {

// Whether token i (a hyphen) joins the words on either side of it, with no space: "open-mark".
bool joins_words(const std::vector<Token>& tokens, std::size_t i) {
  return i > 0 && i + 1 < tokens.size() && tokens[i - 1].is_word && tokens[i + 1].is_word &&
         tokens[i - 1].end() == tokens[i].begin() && tokens[i].end() == tokens[i + 1].begin();
}

}  // namespace

std::string hyphenate_as_written(const std::string& display, std::uint32_t drop, std::uint32_t join) {
  const std::vector<Token> keys = tokenize(display);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t j = 0; j < keys.size() && j < 32; ++j) {
    if (drop >> j & 1u) {
      out.append(display, copied, keys[j].begin() - copied).push_back(' ');
      copied = keys[j].end();
    }
    if (join >> j & 1u && j + 1 < keys.size()) {
      out.append(display, copied, keys[j].end() - copied).push_back('-');
      copied = keys[j + 1].begin();
    }
  }
  return out.append(display, copied);
}

bool TermComposer::continues(const Words& words, const std::vector<Token>& tokens, std::size_t first) const {
  const std::vector<std::uint32_t>& of_token = *words.of_token;
  if (first + 1 >= of_token.size()) return false;  // a term has two words at least
  const std::uint32_t d0 = of_token[first], d1 = of_token[first + 1];
  // A hyphen token second (the document may join what the term writes apart): the walk decides.
  if (hyphen_ != kNoWord && words.written[d1].word == hyphen_) return true;
  const std::vector<Words::Step>& steps = *words.steps;
  // Some spun phrase at token `at` stands for words of a term that follow `node`. A spun phrase
  // is at a good share of the tokens of spun text, and most stand for words no term continues
  // with there: letting each through made a tenth of the walks.
  auto phrase_follows = [&](std::size_t at, std::uint32_t node) {
    for (std::uint32_t p = words.span_first[at]; p < words.span_first[at + 1]; ++p)
      for (std::uint32_t o = swap_first_[words.spans[p].swaps]; o < swap_first_[words.spans[p].swaps + 1]; ++o) {
        if (original_first_[o] == original_first_[o + 1]) return true;  // stands for nothing: the walk decides
        const std::uint32_t id = swap_ids_[original_first_[o]];
        if (id != kNoWord && term_trie_.child(node, id) != kNoNode) return true;
      }
    return false;
  };
  if (phrase_follows(first, PhraseTrie::root())) return true;
  // Some reading of the second word, or a spun phrase there, follows `node` in a term.
  auto followed = [&](std::uint32_t node) {
    for (std::uint32_t t = words.first[d1]; t < words.last[d1]; ++t)
      if (term_trie_.child(node, steps[t].word) != kNoNode) return true;
    return phrase_follows(first + 1, node);
  };
  // A term's hyphen the document leaves out ("real world" for "real-world"): find() walks past
  // it between two words, neither a function word, and then needs the second word to follow
  // the hyphen (or, rarely, another hyphen). Many terms have a hyphen after their first word,
  // and most words that begin one are not followed by the next word of any: letting every
  // such word through made two thirds of the walks, all for nothing.
  const bool may_drop_hyphen = hyphen_ != kNoWord && tokens[first].is_word && tokens[first + 1].is_word &&
                               !words.function_word[d0] && !words.function_word[d1];
  for (std::uint32_t s = words.first[d0]; s < words.last[d0]; ++s) {
    const std::uint32_t node = steps[s].root_child;
    if (node == kNoNode || steps[s].plural) continue;  // a plural reading ends the term
    if (may_drop_hyphen && hyphen_nodes_[node]) {
      const std::uint32_t past = term_trie_.child(node, hyphen_);
      if (past != kNoNode && (hyphen_nodes_[past] || followed(past))) return true;
    }
    if (followed(node)) return true;
  }
  return false;
}

std::optional<TermComposer::Found> TermComposer::find(const Words& words, const std::vector<Token>& tokens,
                                                      std::size_t first) const {
  // A word that leads nowhere from the root starts no term (the walk below would find nothing).
  if (!may_start(words, tokens, first) || !continues(words, tokens, first)) return std::nullopt;
  std::size_t limit = first;
  while (limit < tokens.size() && limit - first < kMaxTokens &&
         tokens[limit].paragraph == tokens[first].paragraph)
    ++limit;
  if (limit - first < 2) return std::nullopt;
  const std::size_t size = limit - first;  // the run's tokens: positions 0 .. size-1 below
  auto distinct = [&](std::size_t k) { return (*words.of_token)[first + k]; };

  // Walk the term trie with, at each position, the word itself or what it may have been; the
  // last word may also be a plural whose singular (or its original) continues the term.
  // A path also records where the document's hyphenation differs from the term's (see the
  // hyphen steps below): bit j of `drop` is a hyphen of the term, its key j, that the document
  // does not have; bit j of `join` a hyphen the document has after the term's key j.
  struct Path {
    std::uint32_t swapped = 0;  // bit k: the word at position k was swapped
    double weight = 1.0;        // how likely its swaps are (Step::weight, multiplied)
    std::uint32_t depth = 0;    // term keys consumed
    std::uint32_t drop = 0, join = 0;
  };
  struct Best {
    std::size_t len = 0;
    std::int32_t term = kNoValue;
    bool plural = false;
    Path path;
    double rival = 0;   // the best weight of another term as long, with as many swaps
    bool tied = false;  // another term of the same length is reachable too
  } best, weak;
  // A run whose last word was swapped although that word is itself a word of known terms
  // ("profound learning system" -> "deep learning network": "system" is a term word too) is a
  // weak reading: it is taken only when no run ending in a surely spun or kept word is found
  // ("deep learning system"). "neural organization" -> "neural network" has no rival.
  // Two readings that restore the same words are one: "recurrent neural networks" as listed,
  // and "recurrent neural network" reached through the singular of "networks" and put back
  // in the plural; "energy-efficient" and "energy efficient", both listed.
  auto same_text = [&](std::int32_t a, bool a_plural, std::int32_t b, bool b_plural) {
    const std::string& x = terms_[static_cast<std::size_t>(a)].display;
    const std::string& y = terms_[static_cast<std::size_t>(b)].display;
    // A hyphen and a space are the same here; the document's hyphenation is written anyway.
    auto same = [](std::string_view p, std::string_view q) {
      return std::equal(p.begin(), p.end(), q.begin(), q.end(),
                        [](char c, char d) { return c == d || ((c == '-' || c == ' ') && (d == '-' || d == ' ')); });
    };
    if (a_plural == b_plural) return same(x, y);
    return same(a_plural ? pluralize_last_word(x) : x, b_plural ? pluralize_last_word(y) : y);
  };
  auto offer = [&](std::size_t len, std::int32_t v, bool plural, const Path& path) {
    const bool tail_swapped = path.swapped >> (len - 1) & 1u;
    Best& slot = tail_swapped && words.written[distinct(len - 1)].word != kNoWord ? weak : best;
    if (len > slot.len) {
      slot = Best{len, v, plural, path};
    } else if (len == slot.len && v != slot.term && !same_text(v, plural, slot.term, slot.plural)) {
      // Two terms of one length: the one needing fewer swaps is the likelier; between equals,
      // the one whose swaps the dictionary attests at least twice as often; otherwise a tie.
      const int swaps = std::popcount(path.swapped), slot_swaps = std::popcount(slot.path.swapped);
      if (swaps < slot_swaps) {
        slot = Best{len, v, plural, path};
      } else if (swaps == slot_swaps) {
        const double rival = std::max(slot.rival, std::min(path.weight, slot.path.weight));
        if (path.weight > slot.path.weight) slot = Best{len, v, plural, path};
        slot.rival = rival;
        slot.tied = slot.path.weight < kClearWeight * slot.rival;
      }
    }
  };
  auto word_count = [&](std::size_t len) {
    std::size_t count = 0;
    for (std::size_t k = 0; k < len; ++k) count += tokens[first + k].is_word;
    return count;
  };
  auto walk = [&](auto& self, std::size_t k, std::uint32_t node, const Path& path) -> void {
    if (k == size) return;
    // Tokens k..end-1 stand for the original words: follow them all through the term trie.
    auto step_phrase = [&](std::uint32_t original, std::size_t end, bool plural) {
      std::uint32_t child = node;
      for (std::uint32_t i = original_first_[original]; i < original_first_[original + 1]; ++i)
        if (const std::uint32_t id = swap_ids_[i]; id == kNoWord || (child = term_trie_.child(child, id)) == kNoNode)
          return;
      Path next = path;
      for (std::size_t b = k; b < end; ++b) next.swapped |= 1u << b;
      next.depth += original_first_[original + 1] - original_first_[original];
      if (!plural) self(self, end, child, next);
      const std::int32_t v = term_trie_.value(child);
      if (v == kNoValue || !tokens[first + end - 1].is_word || word_count(end) < 2) return;
      if (is_term(words, first, end, words.written[distinct(end - 1)].word)) return;
      offer(end, v, plural, next);
    };
    // A spun phrase standing for one to three words of the term (only those ending in the run).
    for (std::uint32_t p = words.span_first[first + k]; p < words.span_first[first + k + 1]; ++p) {
      const Words::PhraseSpan& span = words.spans[p];
      if (span.end > limit) continue;
      for (std::uint32_t o = swap_first_[span.swaps]; o < swap_first_[span.swaps + 1]; ++o)
        step_phrase(o, span.end - first, span.plural);
    }
    // A spinner swaps the parts of a hyphenated word one by one ("real-world data" ->
    // "genuine world data"), and its output splits words at hyphens of their own ("open label"
    // -> "open-mark"): the term is found across the difference and written with the
    // document's hyphenation, which is the writer's. Neither difference is a restoration by
    // itself (offer() needs a swapped word), nor does it join a function word ("on-device").
    if (k > 0 && hyphen_ != kNoWord && path.depth < 32 && !words.function_word[distinct(k - 1)]) {
      const std::uint32_t through_hyphen = hyphen_nodes_[node] ? term_trie_.child(node, hyphen_) : kNoNode;
      if (through_hyphen != kNoNode && tokens[first + k - 1].is_word && tokens[first + k].is_word &&
          !words.function_word[distinct(k)]) {
        Path next = path;
        next.drop |= 1u << next.depth++;
        self(self, k, through_hyphen, next);
      }
      if (through_hyphen == kNoNode && k + 1 < size && path.depth > 0 && words.written[distinct(k)].word == hyphen_ &&
          joins_words(tokens, first + k) && !words.function_word[distinct(k + 1)]) {
        Path next = path;
        next.join |= 1u << (next.depth - 1);
        self(self, k + 1, node, next);
      }
    }
    // The word as written and in American spelling, their singulars, and what a spinner may
    // have swapped them for: listed once per distinct word by prepare(), in this order.
    const std::uint32_t d = distinct(k);
    for (std::uint32_t s = words.first[d]; s < words.last[d]; ++s) {
      const Words::Step& step = (*words.steps)[s];
      // Every walk starts at the root: the first step's child was found once per word.
      const std::uint32_t child = k == 0 ? step.root_child : term_trie_.child(node, step.word);
      if (child == kNoNode) continue;
      Path next = path;
      if (step.swapped) next.swapped |= 1u << k;
      next.weight *= step.weight;
      ++next.depth;
      if (!step.plural) self(self, k + 1, child, next);
      const std::int32_t v = term_trie_.value(child);
      if (v == kNoValue || next.swapped == 0 || !tokens[first + k].is_word || word_count(k + 1) < 2) continue;
      // A run that is itself a known term is genuine: leave it.
      if (written_term(words, first, k + 1)) continue;
      offer(k + 1, v, step.plural, next);
    }
  };
  walk(walk, 0, PhraseTrie::root(), Path{});
  if (best.term == kNoValue) best = weak;
  // "water cleansing" could be "water purification" or "water filtration": a guess between two
  // terms is as likely wrong as right, and a wrong edit is worse than none.
  if (best.term == kNoValue || best.tied) return std::nullopt;
  // The words as written already begin a known term at least as long ("application programming
  // interface"): they are genuine, whatever a swap could make of their first words
  // ("application software").
  std::uint32_t node = PhraseTrie::root();
  for (std::size_t k = 0; k < size; ++k) {
    if (k + 1 >= best.len && written_term(words, first, k + 1)) return std::nullopt;
    const std::uint32_t id = words.written[distinct(k)].word;
    if (id == kNoWord || (node = term_trie_.child(node, id)) == kNoNode) break;
  }
  const TermInfo& t = terms_[static_cast<std::size_t>(best.term)];
  std::string text = best.path.drop | best.path.join ? hyphenate_as_written(t.display, best.path.drop, best.path.join)
                                                     : t.display;
  return Found{first + best.len, best.plural ? pluralize_last_word(text) : std::move(text), t.source,
               best.path.swapped};
}

}  // namespace despin::detail
