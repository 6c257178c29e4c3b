// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The rewrite pipeline: validate UTF-8 -> tokenize (ICU) -> rules (RE2) -> phrase matching
// (trie, leftmost-longest) -> decide ambiguous entries on evidence -> agreement -> render.
// Every stage works in byte offsets of the input, so edits can be reported exactly.
#include "despin/engine.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <deque>
#include <exception>
#include <tuple>
#include <unordered_map>

#include "agree.hpp"
#include "engine_impl.hpp"
#include "clean.hpp"
#include "common_words.hpp"
#include "edit_chain.hpp"
#include "compose.hpp"
#include "context.hpp"
#include "document_words.hpp"
#include "inflect.hpp"
#include "phrase_trie.hpp"
#include "rule_filter.hpp"
#include "sentences.hpp"
#include "tokenizer.hpp"
#include "utf8.hpp"
#include "word_records.hpp"

namespace despin {

std::string_view to_string(EditKind kind) {
  switch (kind) {
    case EditKind::kDecode: return "decode";
    case EditKind::kPhrase: return "phrase";
    case EditKind::kRule: return "rule";
    case EditKind::kAgree: return "agree";
    case EditKind::kCompose: return "compose";
    case EditKind::kClean: return "clean";
  }
  return "unknown";
}

std::string apply_edits(std::string_view input, const std::vector<Edit>& edits) {
  // The output's exact size first: a restored text is often longer than its input, and a
  // string grown past its reserve copies everything so far into new memory (for a long
  // document, every page of it a page fault).
  // (Edits that break the contract, overlapping or past the end, may remove more than the
  // input holds: then only the input's size.)
  std::size_t removed = 0, added = 0;
  for (const Edit& e : edits) removed += e.length, added += e.replacement.size();
  std::string out;
  out.reserve(removed <= input.size() ? input.size() - removed + added : input.size());
  std::size_t pos = 0;
  for (const Edit& e : edits) {
    out.append(input.substr(pos, e.offset - pos));
    out.append(e.replacement);
    pos = e.offset + e.length;
  }
  out.append(input.substr(pos));
  return out;
}

namespace {

using detail::Match;
using detail::Replacement;
using detail::Rule;

// Whether `needle` occurs in `haystack` as whole words, ignoring ASCII case: "disease
// identification" contains "identification" but not "cation".
bool contains_words(std::string_view haystack, std::string_view needle) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  };
  const std::string h = lower(haystack), n = lower(needle);
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; };
  for (std::size_t pos = h.find(n); pos != std::string::npos; pos = h.find(n, pos + 1)) {
    const bool left = pos == 0 || !word_char(h[pos - 1]);
    const bool right = pos + n.size() == h.size() || !word_char(h[pos + n.size()]);
    if (left && right) return true;
  }
  return false;
}

bool by_first(const Match& a, const Match& b) { return a.first < b.first; }

// A subject pronoun or a modal verb: the word after it is a verb.
bool opens_verb_phrase(std::string_view key) {
  static constexpr std::string_view kWords[] = {"i",     "we",     "they",   "he",  "she",  "you",
                                                "can",   "could",  "will",   "would", "shall", "should",
                                                "may",   "might",  "must"};
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords);
}

// Appends `more` to `matches`, both in token order, keeping the whole in token order: a merge
// of two sorted runs, linear where sorting a long document's matches was not.
void append_in_order(std::vector<Match>& matches, std::vector<Match>& more) {
  const auto before = static_cast<std::ptrdiff_t>(matches.size());
  matches.insert(matches.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  std::inplace_merge(matches.begin(), matches.begin() + before, matches.end(), by_first);
}

// A document whose unambiguous restorations reach this density (per 100 words, and at least
// kDocumentEvidenceMin of them) is treated as spun throughout: ambiguous entries apply in every
// paragraph, not only in paragraphs with their own evidence. Clean prose gives almost none: not
// one in 1,039 clean Wikipedia documents of 300 words, nor in the originals of the project's
// samples. A spinner's output gives few where the dictionary knows few of its swaps (3-4 in 300
// words), and the 5 and 1.5 this once asked for left such documents half restored. Three, so
// that one or two stray matches in a clean page do not unlock every ambiguous entry in it; one
// per 100 words, so that a long page with a spun paragraph is not taken for spun throughout.
constexpr double kDocumentEvidenceDensity = 1.0;
constexpr int kDocumentEvidenceMin = 3;
// Ambiguous restorations count half in the spin score: they were applied on evidence, not alone.
constexpr double kAmbiguousScoreWeight = 0.5;
// A lone word restored the way the same document restored it inside a longer phrase.
constexpr double kDocumentConfidence = 0.5;

// Adds a phrase; returns its replacement, or nullptr when the phrase restores nothing. A later
// entry for the same phrase replaces an earlier one, except that two ambiguous entries from
// different domains are both kept as readings.
// `keys` and `original_keys` are the phrase_keys of the spun phrase and of `original`.
// `source` is the entry's "file:line", stored in the engine's arena.
Replacement* add_phrase(detail::PhraseTrie& trie, std::vector<Replacement>& store, const std::vector<std::string>& keys,
                        const std::vector<std::string>& original_keys, const std::string& original, const Entry& e,
                        std::string_view source, int domain) {
  if (keys.empty() || keys == original_keys) return nullptr;
  const auto index = static_cast<std::int32_t>(store.size());
  const std::int32_t existing = trie.insert(keys, index);
  store.push_back(Replacement{original, source, e.confidence, e.ambiguous, {}, domain, e.heading});
  if (existing != detail::kNoValue) {
    const Replacement& old = store[static_cast<std::size_t>(existing)];
    if (old.heading != e.heading) {
      // A heading reading and a running-text reading of one word ("Gathering": Reception as
      // a heading, group in prose) both stay; the context picks.
      store.back().readings = old.readings;
      store.back().readings.push_back(existing);
    } else if (old.ambiguous && e.ambiguous && old.domain != domain) {
      std::vector<std::int32_t> readings;
      for (std::int32_t r : old.readings)
        if (store[static_cast<std::size_t>(r)].domain != domain) readings.push_back(r);
      readings.push_back(existing);
      store.back().readings = std::move(readings);
    }
  }
  return &store.back();
}

Replacement* add_phrase(detail::PhraseTrie& trie, std::vector<Replacement>& store, const std::string& spun,
                        const std::string& original, const Entry& e, std::string_view source, int domain) {
  return add_phrase(trie, store, detail::phrase_keys(spun), detail::phrase_keys(original), original, e, source, domain);
}

// "take a gander at" -> ("take", " a gander at").
std::pair<std::string, std::string> split_first_word(const std::string& s) {
  std::size_t sp = s.find(' ');
  if (sp == std::string::npos) return {s, ""};
  return {s.substr(0, sp), s.substr(sp)};
}

// True when tokens [first, last) hold at least two words and every one starts with a capital.
bool all_capitalised(std::string_view text, const std::vector<detail::Token>& tokens, std::size_t first,
                     std::size_t last) {
  int words = 0;
  for (std::size_t k = first; k < last; ++k) {
    if (!tokens[k].is_word) continue;
    const detail::Shape s = detail::shape_of(text.substr(tokens[k].begin(), tokens[k].length));
    if (s != detail::Shape::kTitle && s != detail::Shape::kUpper) return false;
    ++words;
  }
  return words >= 2;
}

}  // namespace


Expected<Engine> Engine::create(const std::vector<Dictionary>& dictionaries, Options options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  // The phrase store holds one replacement per phrase form (five per verb entry): sized
  // exactly, it is allocated once instead of doubling, which with a large dictionary made the
  // peak memory half as large again as what stays.
  std::size_t forms = 0;
  for (const Dictionary& d : dictionaries)
    for (const Entry& e : d.entries()) forms += e.is_rule ? 0 : e.verb ? 5 : 1;
  impl->phrases.reserve(forms);
  try {
    // A noun entry covers its possessive ("mom" -> "mother" also turns "mom's" into "mother's"):
    // the forms are added after every listed entry, so that a listed possessive wins. A word
    // ending in a letter takes "'s" into its own token, so the keys are the entry's with "'s"
    // on the last one.
    struct Possessive {
      const Entry* entry;
      std::string_view source;
      std::vector<std::string> spun_keys, original_keys;
      int domain;
    };
    std::vector<Possessive> possessives;
    // The regex rules compile on a second thread while this one builds the phrase trie and the
    // composition tables: RE2 and its prefilter take about a third of building the default
    // engine, and nothing else reads the rules until the engine is built. Their sources and
    // domains are resolved here first (the string arena and the domain table are this thread's).
    struct RuleJob {
      const Entry* entry;
      std::string_view source;
      int domain;
    };
    std::vector<RuleJob> rule_jobs;
    for (const Dictionary& d : dictionaries)
      for (const Entry& e : d.entries()) {
        const int domain = impl->domain_id(e.domain);  // every entry's, so ids keep the entries' order
        if (e.is_rule) rule_jobs.push_back(RuleJob{&e, impl->strings.store(e.source), domain});
      }
    std::string rule_error;  // the first bad rule, as the engine's error
    auto compile_rules = [&impl, &rule_jobs, &rule_error] {
      impl->rules.reserve(rule_jobs.size());
      for (const RuleJob& j : rule_jobs) {
        Replacement r{j.entry->original, j.source, j.entry->confidence, j.entry->ambiguous, {}, j.domain};
        if (!impl->add_rule(j.entry->spun, std::move(r), rule_error)) {
          rule_error = j.entry->source + ": " + rule_error;
          return;
        }
      }
      impl->rule_filter.compile();
    };
    // Declared after what the thread uses, so that leaving early (an exception) waits for it
    // before those are gone: a std::async future's destructor joins.
    std::future<void> rules_done;
    if (!rule_jobs.empty()) rules_done = detail::run_beside(compile_rules);
    const auto ends_in_letter = [](const std::string& s) {
      return !s.empty() && std::isalpha(static_cast<unsigned char>(s.back())) && s.back() != 's' && s.back() != 'S';
    };
    for (const Dictionary& d : dictionaries) {
      for (const Entry& e : d.entries()) {
        if (e.is_rule) continue;  // on the rules' thread
        const int domain = impl->domain_id(e.domain);
        const std::string_view source = impl->strings.store(e.source);
        // The entry's keys serve the trie and the composer alike: split once.
        const std::vector<std::string> spun_keys = detail::phrase_keys(e.spun);
        const std::vector<std::string> original_keys = detail::phrase_keys(e.original);
        impl->composer.learn_entry(e, spun_keys, original_keys);
        if (!e.verb) {
          add_phrase(impl->trie, impl->phrases, spun_keys, original_keys, e.original, e, source, domain);
          if (!e.heading && ends_in_letter(e.spun) && ends_in_letter(e.original) && !spun_keys.empty() &&
              !original_keys.empty()) {
            possessives.push_back(Possessive{&e, source, spun_keys, original_keys, domain});
            possessives.back().spun_keys.back() += "'s";
            possessives.back().original_keys.back() += "'s";
          }
          continue;
        }
        auto [spun_verb, spun_rest] = split_first_word(e.spun);
        auto [orig_verb, orig_rest] = split_first_word(e.original);
        const detail::VerbForms s = detail::inflect_verb(spun_verb);
        const detail::VerbForms o = detail::inflect_verb(orig_verb);
        // Where two spun forms coincide the later one wins: past over participle, base last. A
        // past that is also the participle keeps the original's participle for use after an
        // auxiliary ("had surrendered" -> "had given up").
        add_phrase(impl->trie, impl->phrases, s.past_participle + spun_rest, o.past_participle + orig_rest, e, source, domain);
        Replacement* past = add_phrase(impl->trie, impl->phrases, s.past + spun_rest, o.past + orig_rest, e, source, domain);
        if (past != nullptr && s.past == s.past_participle && o.past != o.past_participle)
          past->participle = o.past_participle + orig_rest;
        add_phrase(impl->trie, impl->phrases, s.third_person + spun_rest, o.third_person + orig_rest, e, source, domain);
        add_phrase(impl->trie, impl->phrases, s.present_participle + spun_rest, o.present_participle + orig_rest, e, source, domain);
        add_phrase(impl->trie, impl->phrases, s.base + spun_rest, o.base + orig_rest, e, source, domain);
      }
      // The composer learns each dictionary's entries, then its term and swap lists, in order.
      impl->composer.learn_lists(d);
    }
    impl->phrases.reserve(impl->phrases.size() + possessives.size());
    for (const Possessive& p : possessives) {
      if (impl->trie.find(p.spun_keys) != detail::kNoValue) continue;
      add_phrase(impl->trie, impl->phrases, p.spun_keys, p.original_keys, p.entry->original + "'s", *p.entry, p.source, p.domain);
    }
    impl->composer.finish();
    detail::tokenize_with_icu("warm up ICU");  // fail here, as a value, if ICU's data is missing
    if (rules_done.valid()) rules_done.get();  // rethrows what the thread threw
    if (!rule_error.empty()) return Error(rule_error);
  } catch (const std::exception& ex) {
    return Error(std::string("cannot build the engine: ") + ex.what());
  }
  return Engine(std::move(impl));
}

std::size_t Engine::phrase_count() const { return impl_->trie.phrase_count(); }
std::size_t Engine::rule_count() const { return impl_->rules.size(); }

Result Engine::rewrite(std::string_view text) const {
  Result result;
  detail::Cleaned cleaned;
  if (impl_->options.clean.any()) cleaned = detail::clean(text, impl_->options.clean);
  if (cleaned.edits.empty()) {
    result = impl_->rewrite(text, impl_);
  } else {
    // Cleanup first, then the rewrite of the cleaned text; the edits of both are reported over
    // the caller's input.
    result = impl_->rewrite(cleaned.text, impl_, cleaned.edits.size());
    result.edits = detail::chain_edits(text, std::move(cleaned.edits), cleaned.text, std::move(result.edits));
  }
  if (impl_->options.sentence_scores) result.sentences = detail::score_sentences(text, result.edits);
  return result;
}

std::vector<Match> Engine::Impl::match_rules(std::string_view text, const std::vector<detail::Token>& tokens,
                                             const detail::DocumentWords& words,
                                             const std::vector<detail::ByteSpan>& invalid,
                                             std::deque<detail::Replacement>& outputs) const {
  std::vector<Match> out;
  if (rules.empty() || tokens.empty()) return out;
  // Rules must start and end on token boundaries: map byte offsets to token indexes.
  auto token_starting_at = [&](std::size_t byte) -> std::ptrdiff_t {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), byte,
                               [](const detail::Token& t, std::size_t b) { return t.begin() < b; });
    return it != tokens.end() && it->begin() == byte ? it - tokens.begin() : -1;
  };
  auto token_ending_at = [&](std::size_t byte) -> std::ptrdiff_t {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), byte,
                               [](const detail::Token& t, std::size_t b) { return t.end() < b; });
    return it != tokens.end() && it->end() == byte ? it - tokens.begin() : -1;
  };
  auto overlaps_invalid = [&](std::size_t b, std::size_t e) {
    auto it = std::lower_bound(invalid.begin(), invalid.end(), b,
                               [](const detail::ByteSpan& s, std::size_t x) { return s.end <= x; });
    return it != invalid.end() && it->begin < e;
  };
  const re2::StringPiece input(text.data(), text.size());
  // In rule order: it decides overlaps.
  for (const detail::RuleFilter::Candidate& candidate : rule_filter.candidates(text, tokens, words)) {
    const Rule& rule = rules[static_cast<std::size_t>(candidate.rule)];
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(rule.re->NumberOfCapturingGroups()) + 1);
    for (const auto& [from, to] : candidate.ranges) {
      std::size_t pos = from;
      while (pos < to &&
             rule.re->Match(input, pos, to, RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
        const std::size_t b = static_cast<std::size_t>(groups[0].data() - text.data());
        const std::size_t e = b + groups[0].size();
        const std::ptrdiff_t first = token_starting_at(b);
        const std::ptrdiff_t last = e > b ? token_ending_at(e) : -1;
        if (first < 0 || last < 0 || overlaps_invalid(b, e)) {
          pos = b + 1;
          continue;
        }
        outputs.push_back(rule.replacement);
        outputs.back().text.clear();
        rule.re->Rewrite(&outputs.back().text, rule.replacement.text, groups.data(), static_cast<int>(groups.size()));
        out.push_back(Match{static_cast<std::size_t>(first), static_cast<std::size_t>(last) + 1, &outputs.back(),
                            EditKind::kRule});
        pos = e;
      }
    }
  }
  // Earlier rules win over later ones that overlap them.
  std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.first < b.first; });
  std::vector<Match> kept;
  for (Match& m : out)
    if (kept.empty() || m.first >= kept.back().last) kept.push_back(std::move(m));
  return kept;
}

bool Engine::Impl::add_rule(const std::string& pattern, Replacement replacement, std::string& error) {
  std::string why;
  const int id = rule_filter.add(pattern, &why);
  if (id < 0) {
    error = "invalid regular expression: " + why;
    return false;
  }
  const RE2& re = rule_filter.rule(static_cast<std::size_t>(id));
  if (!re.CheckRewriteString(replacement.text, &why)) {
    error = "invalid replacement: " + why;
    return false;
  }
  rules.push_back(Rule{&re, std::move(replacement)});
  return true;
}

const Replacement* Engine::Impl::reading(std::int32_t v, const std::vector<int>* domain_evidence) const {
  const Replacement* best = &phrases[static_cast<std::size_t>(v)];
  if (best->readings.empty() || domain_evidence == nullptr) return best;
  int best_evidence = (*domain_evidence)[static_cast<std::size_t>(best->domain)];
  for (std::int32_t r : best->readings) {
    const Replacement& other = phrases[static_cast<std::size_t>(r)];
    if (other.heading) continue;  // chosen by the line, not by the domain
    const int evidence = (*domain_evidence)[static_cast<std::size_t>(other.domain)];
    if (evidence > best_evidence) best = &other, best_evidence = evidence;
  }
  return best;
}

Engine::Impl::PhraseCandidates Engine::Impl::phrase_candidates(const std::vector<detail::Token>& tokens,
                                                               ByToken ids, ByToken starts,
                                                               const std::vector<bool>& blocked) const {
  PhraseCandidates out;
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (starts[i] == detail::kNoNode) continue;  // most words start no phrase
    const std::size_t before = out.items.size();
    std::uint32_t node = detail::PhraseTrie::root();
    for (std::size_t j = i; j < n; ++j) {
      if (blocked[j] || ids[j] == detail::kNoWord) break;
      if (j > i && tokens[j].paragraph != tokens[i].paragraph) break;
      node = j == i ? starts[i] : trie.child(node, ids[j]);
      if (node == detail::kNoNode) break;
      if (const std::int32_t v = trie.value(node); v != detail::kNoValue)
        out.items.push_back({static_cast<std::uint32_t>(j + 1), v});
    }
    if (out.items.size() != before) {
      out.starts.push_back(static_cast<std::uint32_t>(i));
      out.first.push_back(static_cast<std::uint32_t>(out.items.size()));
    }
  }
  return out;
}

std::vector<Match> Engine::Impl::match_phrases(std::string_view text, const std::vector<detail::Token>& tokens,
                                               ByToken ids, const PhraseCandidates& candidates,
                                               const std::vector<bool>& blocked, DocumentNames& names,
                                               const std::vector<bool>* ambiguous_ok,
                                               const std::vector<int>* domain_evidence,
                                               std::size_t* withheld) const {
  // At most a match a candidate start: room for them all at once, where growing the array
  // copied every match so far (for a long document, into new pages each time). Capacity never
  // written costs address space, not memory.
  std::vector<Match> out;
  out.reserve(candidates.starts.size());
  const std::size_t n = tokens.size();
  // The words the document itself writes as names: an ambiguous entry ("hale" -> "healthy")
  // does not take "Hale was born" at a sentence's start either.
  auto written_as_name = [&](std::uint32_t id) {
    if (!names.found) {
      names.found = true;
      names.by_id.assign(trie.word_count(), false);
      // Only the first words of candidates are asked about (below, at a candidate's start):
      // the tokens of other words are passed by one look, not read.
      std::vector<bool> asked(trie.word_count(), false);
      for (const std::uint32_t start : candidates.starts) asked[ids[start]] = true;
      for (std::size_t t = 0; t < n; ++t) {
        if (!tokens[t].is_word || ids[t] == detail::kNoWord || !asked[ids[t]] || names.by_id[ids[t]]) continue;
        const std::string_view token = text.substr(tokens[t].begin(), tokens[t].length);
        // Most words are plain lower-case ASCII, which shape_of() would call kLower: skip it.
        if (std::none_of(token.begin(), token.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c & 0x80); })) continue;
        const detail::Shape shape = detail::shape_of(token);
        if ((shape == detail::Shape::kTitle || shape == detail::Shape::kUpper || shape == detail::Shape::kMixed) &&
            !detail::starts_sentence(text, tokens, t) && !detail::after_opening_quote(text, tokens, t))
          names.by_id[ids[t]] = true;
      }
    }
    return names.by_id[id];
  };
  // The first blocked token at or after the token looked at (n: none), so that a candidate
  // crossing one is passed over; found going forward, as the tokens looked at are.
  std::size_t next_blocked = 0;
  // Only the tokens some candidate starts at (most words start no phrase), left to right; a
  // match's tokens are passed over.
  std::size_t i = 0;
  for (std::size_t s = 0; s < candidates.starts.size(); ++s) {
    if (candidates.starts[s] < i) continue;
    i = candidates.starts[s];
    next_blocked = std::max(next_blocked, i);
    while (next_blocked < n && !blocked[next_blocked]) ++next_blocked;
    std::int32_t best = detail::kNoValue;
    std::size_t best_end = 0;
    bool waits = false;  // an entry matched here that needs evidence the paragraph lacks
    // An ambiguous word capitalised inside a sentence is most likely part of a name ("World
    // Health Organization", "United Nations"), not a spinner's swap; a quoted title is the
    // exception, since spinners rewrite titles too. At a sentence's start it is a name when the
    // document writes it so elsewhere inside a sentence.
    int name_like = -1;  // unknown until an ambiguous candidate asks
    auto looks_like_name = [&] {
      if (name_like < 0) {
        const detail::Shape shape = detail::shape_of(text.substr(tokens[i].begin(), tokens[i].length));
        const bool capitalised =
            shape == detail::Shape::kTitle || shape == detail::Shape::kUpper || shape == detail::Shape::kMixed;
        name_like = capitalised && !detail::after_opening_quote(text, tokens, i) &&
                    (!detail::starts_sentence(text, tokens, i) || written_as_name(ids[i]));
      }
      return name_like == 1;
    };
    for (std::uint32_t c = candidates.first[s]; c < candidates.first[s + 1]; ++c) {
      const std::size_t j = candidates.items[c].end - 1;
      if (j >= next_blocked) break;
      const std::int32_t v = candidates.items[c].value;
      const Replacement* chosen = &phrases[static_cast<std::size_t>(v)];
      // Heading and running-text readings: the line decides which applies.
      const bool heading_readings = chosen->heading || std::any_of(chosen->readings.begin(), chosen->readings.end(),
          [&](std::int32_t k) { return phrases[static_cast<std::size_t>(k)].heading; });
      if (heading_readings) {
        const bool heading_line = detail::is_heading(text, tokens, i, j + 1);
        const Replacement* fit = chosen->heading == heading_line ? chosen : nullptr;
        for (std::int32_t k : chosen->readings)
          if (fit == nullptr && phrases[static_cast<std::size_t>(k)].heading == heading_line) fit = &phrases[static_cast<std::size_t>(k)];
        if (fit == nullptr) continue;
        chosen = fit;
      }
      const Replacement& r = *chosen;
      // A quoted phrase with every word capitalised ("At Long Last") is a title: even an
      // unambiguous phrase then needs evidence, since the title may be genuine. Unquoted
      // capitalised names ("Incomparable Court") are restored as usual.
      const bool needs_evidence =
          r.ambiguous || (all_capitalised(text, tokens, i, j + 1) && detail::in_quoted_title(text, tokens, i));
      if (needs_evidence && (ambiguous_ok == nullptr || !(*ambiguous_ok)[tokens[i].paragraph])) {
        waits = true;
        continue;
      }
      if (r.ambiguous && !r.heading && looks_like_name()) continue;
      best = static_cast<std::int32_t>(&r - phrases.data());
      best_end = j + 1;
    }
    if (best == detail::kNoValue) {
      if (waits && withheld != nullptr) ++*withheld;
      continue;
    }
    const Replacement* picked = &phrases[static_cast<std::size_t>(best)];
    out.push_back(Match{i, best_end, picked->heading ? picked : reading(best, domain_evidence), EditKind::kPhrase});
    i = best_end;
  }
  return out;
}

// A spinner swaps a word the same way throughout a document, so the document's own multi-word
// restorations tell what a lone word was: after "highlight extraction" -> "feature extraction",
// a lone "highlights" no entry knows was "features". Only words no entry matched are filled
// (a dictionary reading is not overridden: "meat blade" -> "meat cleaver" must not turn every
// "blade" into "cleaver"). Applies where ambiguous entries may (evidence of spin).
void Engine::Impl::apply_document_consistency(std::string_view text, const std::vector<detail::Token>& tokens,
                                              const detail::DocumentWords& words,
                                              const std::vector<bool>& ambiguous_ok, std::vector<Match>& matches,
                                              std::deque<Replacement>& store, detail::MadeNames& sources) const {
  struct Learned {
    std::string original;
    const Replacement* teacher;
  };
  std::unordered_map<std::string, Learned> learned;
  // The same phrase is restored many times in a long document: its keys are split once.
  std::unordered_map<const Replacement*, std::vector<std::string>> original_keys;
  for (const Match& m : matches) {
    // Only listed, unambiguous phrases teach: they are the evidence we trust.
    if (m.last - m.first < 2 || m.kind != EditKind::kPhrase || m.replacement->ambiguous) continue;
    // The match's keys, read in place: a long document restores thousands of phrases.
    struct TokenKeys {
      const detail::DocumentWords& words;
      std::size_t first, last;
      std::size_t size() const { return last - first; }
      const std::string& operator[](std::size_t k) const { return words.key_of_token(first + k); }
    } spun_keys{words, m.first, m.last};
    auto [known, added] = original_keys.try_emplace(m.replacement);
    if (added) known->second = detail::phrase_keys(m.replacement->text);
    // Only a phrase that differs in one word teaches: "film industry numbers" -> "box office
    // numbers" is an idiom, not "film" -> "box".
    int swaps = 0;
    const std::string* spun = nullptr;  // the keys of the last swap: in `words` and `known`
    const std::string* original = nullptr;
    detail::for_each_aligned_swap(spun_keys, known->second,
                                  [&](const std::string& s, const std::string& o) {
                                    ++swaps;
                                    spun = &s;
                                    original = &o;
                                  });
    // A spun word of everyday English ("work" of "misfortune work" -> "loss function",
    // "covered" of "covered layer" -> "hidden layer") is as likely genuine where it stands
    // alone: only the phrase tells. A rarer one ("highlight" of "highlight extraction" ->
    // "feature extraction") is the spinner's, throughout the document. (Asked of word
    // frequency, not of the term lexicon: that every new term list made more words "term
    // words" and so switched this off for them was a fragility.)
    if (swaps != 1 || detail::is_common_word(*spun)) continue;
    // Two different teachers ("misfortune work" -> "loss function", "work misfortunes" -> "job
    // losses") mean the word is no single swap: a lone one is left alone.
    auto [it, fresh] = learned.try_emplace(*spun, Learned{*original, m.replacement});
    if (!fresh && it->second.original != *original) it->second.teacher = nullptr;
  }
  std::erase_if(learned, [](const auto& kv) { return kv.second.teacher == nullptr; });
  if (learned.empty()) return;

  const std::vector<bool> covered = detail::covered_tokens(matches, tokens.size());
  // What each distinct word was learned as (itself or its singular), looked up once per word.
  struct Lookup {
    bool done = false;
    bool plural = false;
    const Learned* learned = nullptr;
  };
  std::vector<Lookup> lookups(words.distinct());
  auto lookup = [&](std::uint32_t word) -> const Lookup& {
    Lookup& l = lookups[word];
    if (l.done) return l;
    l.done = true;
    const std::string& key = words.key(word);
    auto it = learned.find(key);
    for (const std::string& singular : it == learned.end() ? detail::singulars(key) : std::vector<std::string>{}) {
      if (it = learned.find(singular); it != learned.end()) {
        l.plural = true;
        break;
      }
    }
    if (it != learned.end()) l.learned = &it->second;
    return l;
  };
  auto consistent = [&](std::size_t i) -> const Replacement* {
    const detail::Token& t = tokens[i];
    if (!t.is_word || !ambiguous_ok[t.paragraph]) return nullptr;
    const Lookup& l = lookup(words.of_token[i]);
    if (l.learned == nullptr) return nullptr;
    const bool plural = l.plural;
    const Learned& found = *l.learned;
    const detail::Shape shape = detail::shape_of(text.substr(t.begin(), t.length));
    if (shape != detail::Shape::kLower && !detail::starts_sentence(text, tokens, i)) return nullptr;  // a name
    store.push_back(Replacement{plural ? detail::pluralize_last_word(found.original) : found.original,
                                sources.store("document:", found.teacher->source),
                                kDocumentConfidence, true});
    return &store.back();
  };
  // A lone word no entry knows is restored as the document restored it elsewhere.
  const std::size_t before = matches.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (covered[i]) continue;
    if (const Replacement* r = consistent(i); r != nullptr) matches.push_back(Match{i, i + 1, r, EditKind::kPhrase});
  }
  // Both runs are in token order already: a merge, not a sort of the whole document's matches.
  std::inplace_merge(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(before), matches.end(), by_first);
}

Result Engine::Impl::rewrite(std::string_view text, std::shared_ptr<const void> engine, std::size_t room) const {
  Result result;
  // The names of made-up restorations ("compose:...", "document:..."), kept by the Result.
  detail::MadeNames made_names(std::move(engine));
  const std::vector<detail::ByteSpan> invalid = detail::invalid_utf8_spans(text);
  const std::vector<detail::Token> tokens = detail::tokenize(text);
  const std::size_t n = tokens.size();

  // Keys folded once, each distinct key looked up in the trie once.
  const detail::DocumentWords words = detail::fold_words(text, tokens);
  // (Remembered by each thread by word record: most of a document's words were in the ones
  // before it.)
  thread_local detail::RecordMemo<std::pair<std::uint32_t, std::uint32_t>> trie_memo;  // id, root child
  trie_memo.ready(memo_id, words);
  std::vector<std::uint32_t> trie_ids(words.distinct()), trie_starts(words.distinct());
  for (std::uint32_t d = 0; d < words.distinct(); ++d) {
    const std::uint32_t record = words.record[d];
    if (!trie_memo.has(record)) {
      const std::uint32_t id = trie.word_id(words.key(d));
      trie_memo.set(record, {id, id == detail::kNoWord ? detail::kNoNode : trie.child(detail::PhraseTrie::root(), id)});
    }
    std::tie(trie_ids[d], trie_starts[d]) = trie_memo.get(record);
  }
  const ByToken ids{words.of_token.data(), trie_ids.data()}, starts{words.of_token.data(), trie_starts.data()};
  for (const detail::Token& t : tokens) result.words += t.is_word;
  const std::size_t paragraphs = n == 0 ? 0 : tokens.back().paragraph + 1;

  // Rules first: they are the more specific knowledge, and phrases may not cut through them
  // (a composed term may cover one that it keeps, below).
  std::deque<Replacement> rule_outputs;  // what each rule match rewrites its text to
  std::vector<Match> rule_matches = match_rules(text, tokens, words, invalid, rule_outputs);
  std::vector<bool> blocked = detail::covered_tokens(rule_matches, n);
  // The trie is walked once, around the rules that stay whatever the evidence (the unambiguous
  // ones): both passes below decide among the phrases found.
  const PhraseCandidates candidates = phrase_candidates(
      tokens, ids, starts, detail::covered_tokens(rule_matches, n, [](const Match& m) { return !m.replacement->ambiguous; }));

  // Evidence: unambiguous restorations per paragraph decide where ambiguous entries may apply.
  std::vector<int> evidence(paragraphs, 0);
  int total_evidence = 0;
  auto count_evidence = [&](const std::vector<Match>& ms) {
    for (const Match& m : ms)
      if (!m.replacement->ambiguous) {
        ++evidence[tokens[m.first].paragraph];
        ++total_evidence;
      }
  };
  count_evidence(rule_matches);
  std::size_t withheld_first = 0, withheld_final = 0;
  DocumentNames names;
  const std::vector<Match> unambiguous =
      match_phrases(text, tokens, ids, candidates, blocked, names, nullptr, nullptr, &withheld_first);
  count_evidence(unambiguous);
  const bool document_spun = total_evidence >= kDocumentEvidenceMin &&
                             100.0 * total_evidence / std::max<std::size_t>(result.words, 1) >= kDocumentEvidenceDensity;
  std::vector<bool> ambiguous_ok(paragraphs);
  for (std::size_t p = 0; p < paragraphs; ++p)
    ambiguous_ok[p] = document_spun || evidence[p] >= options.ambiguous_min_evidence;
  const std::size_t rules_before = rule_matches.size();
  std::erase_if(rule_matches, [&](const Match& m) {
    return m.replacement->ambiguous && !ambiguous_ok[tokens[m.first].paragraph];
  });
  // Where no paragraph shows spin (most clean text), the final matching would repeat the
  // first pass exactly: ambiguous entries, composition and document consistency all need
  // evidence, and the tokens blocked by rules are unchanged.
  const bool any_evidence = std::find(ambiguous_ok.begin(), ambiguous_ok.end(), true) != ambiguous_ok.end();
  const bool reuse_first_pass = !any_evidence && rule_matches.size() == rules_before;
  blocked = detail::covered_tokens(rule_matches, n);

  // Which domains the document's unambiguous restorations come from: it picks among the
  // readings of an ambiguous phrase that means different things in different domains.
  std::vector<int> domain_evidence(domains.size(), 0);
  for (const std::vector<Match>* ms : {static_cast<const std::vector<Match>*>(&rule_matches), &unambiguous})
    for (const Match& m : *ms)
      if (!m.replacement->ambiguous && m.replacement->domain >= 0)
        ++domain_evidence[static_cast<std::size_t>(m.replacement->domain)];
  std::vector<Match> matches =
      reuse_first_pass ? unambiguous
                       : match_phrases(text, tokens, ids, candidates, blocked, names, &ambiguous_ok, &domain_evidence,
                                       &withheld_final);
  result.withheld = reuse_first_pass ? withheld_first : withheld_final;

  // Term composition, where spin is evident. Listed phrases come first; a composed term may
  // replace phrase matches only when it covers them and is longer than each ("convolutional
  // neural organization" beats the lone "organization" -> "company"), and an unambiguous one
  // only when the term keeps its reading ("illness distinguishing proof" -> "disease
  // identification" keeps "distinguishing proof" -> "identification").
  std::deque<Replacement> composed;
  if (!composer.empty() && any_evidence) {
    // A rule's tokens are open to a composed term that keeps the rule's reading, as a phrase
    // match's are ("pores and skin malignancy" -> "skin cancer" keeps the rule's "skin cancer"):
    // the covering checks below decide, not the composer.
    // The phrase and rule matches covering each token, found as the loop below moves on.
    detail::MatchCursor owners(matches), rule_owners(rule_matches);
    std::vector<bool> dropped(matches.size(), false), rules_dropped(rule_matches.size(), false);
    std::vector<Match> composed_matches;
    const detail::TermComposer::Words composable = composer.prepare(words);
    // By distinct key (asked at nearly every token, answered once a word).
    std::vector<bool> verb_opener(words.distinct());
    for (std::uint32_t d = 0; d < words.distinct(); ++d) verb_opener[d] = opens_verb_phrase(words.key(d));
    for (std::size_t i = 0; i < n; ++i) {
      if (!composer.may_start(composable, tokens, i) || !ambiguous_ok[tokens[i].paragraph]) continue;
      // Known terms are noun phrases; a word right after a subject pronoun or a modal is a
      // verb ("we examine methodology" is no spun "scan strategy").
      if (i > 0 && verb_opener[words.of_token[i - 1]]) continue;
      const std::int32_t owner = owners.at(i), rule_owner = rule_owners.at(i);
      if (owner >= 0 && matches[static_cast<std::size_t>(owner)].first != i) continue;  // inside a match
      if (rule_owner >= 0 && rule_matches[static_cast<std::size_t>(rule_owner)].first != i) continue;
      auto found = composer.find(composable, tokens, i);
      if (!found) continue;
      // A capitalised word inside a sentence belongs to a name ("American psychological ..."):
      // it may stay in a composed term ("Euclidean separation" -> "Euclidean distance") but is
      // never swapped itself.
      // The last word of a multi-word name ("Bill Block producing") is no term word at all.
      auto capitalised = [&](std::size_t k) {
        const detail::Shape shape = detail::shape_of(text.substr(tokens[k].begin(), tokens[k].length));
        return tokens[k].is_word && shape != detail::Shape::kLower && shape != detail::Shape::kNone &&
               !detail::starts_sentence(text, tokens, k);
      };
      // Except a heading-style term: a run in Title Case throughout of which two or more words
      // rebuild a known term ("Profound Neural Organization"). A name keeps its words; that two
      // of them are spinner swaps of one known term's words is what spun headings look like.
      const bool title_run = std::popcount(found->swapped) >= 2 && all_capitalised(text, tokens, i, found->last);
      bool name = false;
      for (std::size_t k = i; k < found->last && !name && !title_run; ++k) {
        if (found->swapped >> (k - i) & 1u) name = capitalised(k);
        else name = k == i && k > 0 && capitalised(k) && capitalised(k - 1);
      }
      if (name) continue;
      // Each match the term covers lies inside it, is shorter, and keeps its reading in the term
      // (an ambiguous phrase need not: it applied on evidence alone).
      auto covers = [&](const Match& m, std::string_view reading, bool may_change) {
        return m.first >= i && m.last <= found->last && m.last - m.first < found->last - i &&
               (may_change || contains_words(found->text, reading));
      };
      bool longer = true;
      detail::MatchCursor ahead = owners, rules_ahead = rule_owners;  // over the run, then dropped
      for (std::size_t k = i; k < found->last && longer; ++k) {
        if (const std::int32_t o = ahead.at(k); o >= 0) {
          const Match& m = matches[static_cast<std::size_t>(o)];
          longer = covers(m, m.replacement->text, m.replacement->ambiguous);
        }
        if (const std::int32_t o = rules_ahead.at(k); longer && o >= 0) {
          const Match& m = rule_matches[static_cast<std::size_t>(o)];
          longer = covers(m, m.replacement->text, false);
        }
      }
      if (!longer) continue;
      for (std::size_t k = i; k < found->last; ++k) {
        if (const std::int32_t o = owners.at(k); o >= 0) dropped[static_cast<std::size_t>(o)] = true;
        if (const std::int32_t o = rule_owners.at(k); o >= 0) rules_dropped[static_cast<std::size_t>(o)] = true;
      }
      composed.push_back(Replacement{std::move(found->text),
                                     made_names.store("compose:", found->source),
                                     detail::kComposeConfidence, true});
      composed_matches.push_back(Match{i, found->last, &composed.back(), EditKind::kCompose});
      i = found->last - 1;
    }
    std::size_t k = 0;
    std::erase_if(matches, [&](const Match&) { return dropped[k++]; });
    k = 0;
    std::erase_if(rule_matches, [&](const Match&) { return rules_dropped[k++]; });
    append_in_order(matches, composed_matches);
    // Then terms introduced with their acronym: "Partial Component Analysis (PCA)".
    std::vector<bool> replaced(matches.size(), false);
    std::vector<Match> acronym_matches =
        terms_by_acronym(text, tokens, words, composable, blocked, ambiguous_ok, matches, replaced, composed, made_names);
    k = 0;
    std::erase_if(matches, [&](const Match&) { return replaced[k++]; });
    append_in_order(matches, acronym_matches);
  }
  append_in_order(matches, rule_matches);
  apply_document_consistency(text, tokens, words, ambiguous_ok, matches, composed, made_names);

  const std::vector<bool> covered = detail::covered_tokens(matches, n);

  std::vector<Edit>& edits = result.edits;
  edits.reserve(matches.size() + invalid.size() + matches.size() / 8 + room);  // an article fix is rare
  std::vector<detail::Shape> shapes;
  double score = 0;
  for (const Match& m : matches) {
    const std::size_t b = tokens[m.first].begin(), e = tokens[m.last - 1].end();
    shapes.clear();
    for (std::size_t i = m.first; i < m.last; ++i)
      if (tokens[i].is_word) shapes.push_back(detail::shape_of(text.substr(tokens[i].begin(), tokens[i].length)));
    const std::string& base = m.kind == EditKind::kRule                                         ? m.replacement->text
                              : !m.replacement->participle.empty() && detail::after_auxiliary(text, tokens, m.first)
                                  ? m.replacement->participle
                                  : m.replacement->text;
    std::string replacement = options.restore_case ? detail::match_case(base, shapes) : base;
    // Inside a quoted title whose next word is capitalised ("At any rate I Still Have You"),
    // the restored words take title case too ("At Least I Still Have You").
    if (options.restore_case && !shapes.empty() && shapes.front() == detail::Shape::kTitle && m.last < n &&
        tokens[m.last].is_word && !tokens[m.last].line_break_before &&
        detail::shape_of(text.substr(tokens[m.last].begin(), tokens[m.last].length)) ==
            detail::Shape::kTitle &&
        detail::in_quoted_title(text, tokens, m.first))
      replacement = detail::title_case(replacement);
    detail::match_apostrophes(replacement, text.substr(b, e - b));
    score += m.replacement->confidence * (m.replacement->ambiguous ? kAmbiguousScoreWeight : 1.0);

    // "a tip top group" -> "an elite group": fix the article before the restored words.
    if (options.fix_articles && m.first > 0 && !covered[m.first - 1] && !tokens[m.first].line_break_before) {
      const detail::Token& art = tokens[m.first - 1];
      std::string_view art_text = text.substr(art.begin(), art.length);
      const std::string& key = words.key_of_token(m.first - 1);
      bool known = false;
      const bool an = detail::takes_an(replacement, &known);
      if (known && (key == "a" || key == "an") && (key == "an") != an) {
        std::string fixed = an ? "an" : "a";
        const detail::Shape s = detail::shape_of(art_text);
        if (s == detail::Shape::kUpper && art_text.size() > 1) fixed = detail::to_upper(fixed);
        else if (s == detail::Shape::kTitle || s == detail::Shape::kUpper) fixed = detail::capitalize_first(fixed);
        edits.push_back(Edit{art.begin(), art.length, std::string(art_text), std::move(fixed), "agree:a-an",
                             EditKind::kAgree, m.replacement->confidence});
      }
    }
    edits.push_back(Edit{b, e - b, std::string(text.substr(b, e - b)), std::move(replacement), m.replacement->source,
                         m.kind, m.replacement->confidence});
  }
  for (const detail::ByteSpan& s : invalid)
    edits.push_back(Edit{s.begin, s.end - s.begin, std::string(text.substr(s.begin, s.end - s.begin)),
                         std::string(detail::kReplacementCharacter), "decode:invalid-utf8", EditKind::kDecode, 1.0});
  result.invalid_utf8 = invalid.size();
  // The matches' edits came in text order (an article fix just before its match), and so did
  // the invalid spans: merge the two runs.
  std::inplace_merge(edits.begin(), edits.end() - static_cast<std::ptrdiff_t>(invalid.size()), edits.end(),
                     [](const Edit& a, const Edit& b) { return a.offset < b.offset; });

  result.text = apply_edits(text, edits);
  result.spin_score = result.words == 0 ? 0.0 : 100.0 * score / static_cast<double>(result.words);
  result.storage = made_names.storage();
  return result;
}

}  // namespace despin
