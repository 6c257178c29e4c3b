// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The engine's compiled state, shared by the rewrite (engine.cpp) and the compiled-engine
// snapshot (engine_snapshot.cpp).
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <cstdint>
#include <deque>
#include <future>
#include <string>
#include <system_error>
#include <string_view>
#include <vector>

#include "compose.hpp"
#include "despin/engine.hpp"
#include "document_words.hpp"
#include "made_names.hpp"
#include "phrase_trie.hpp"
#include "rule_filter.hpp"
#include "string_arena.hpp"
#include "thread_memo.hpp"
#include "tokenizer.hpp"
#include "utf8.hpp"

namespace despin {
namespace detail {

struct Replacement {
  std::string text;
  std::string_view source;  // "file:line": in Engine::Impl::strings, or the rewrite's own store
  double confidence;
  bool ambiguous;
  // For a spun past tense that is also its past participle ("surrendered") whose original has two
  // forms ("gave up" / "given up"): the participle, used after "have" or "be".
  std::string participle = {};
  int domain = -1;  // index into Engine::Impl::domains
  bool heading = false;  // only as a whole heading line ("3. Generation" -> "3. Production")
  // Other readings of the same ambiguous phrase from other domains ("coordinate" is "direct" in
  // film and "match" in sports): indexes into the phrase store. The document's domain decides.
  std::vector<std::int32_t> readings = {};
};

// Composed terms were never listed: they get a modest confidence, and like ambiguous entries
// they apply only where there is evidence of spin.
constexpr double kComposeConfidence = 0.6;

struct Rule {
  const RE2* re;  // owned by Engine::Impl::rule_filter
  Replacement replacement;
};

// A candidate restoration over tokens [first, last).
// 32 bytes: spun text has a match every few tokens. A rule's match points to a Replacement made
// for it, whose text is what the rule rewrote that stretch to (before case matching).
struct Match {
  std::size_t first, last;
  const Replacement* replacement;
  EditKind kind;
};

// The match of `matches` (sorted, disjoint: as match_phrases and match_rules give them)
// covering a token, or -1, by binary search: for the few questions of a rare pass.
inline std::int32_t match_covering(const std::vector<Match>& matches, std::size_t token) {
  auto it = std::upper_bound(matches.begin(), matches.end(), token,
                             [](std::size_t t, const Match& m) { return t < m.first; });
  if (it == matches.begin() || std::prev(it)->last <= token) return -1;
  return static_cast<std::int32_t>(it - matches.begin() - 1);
}

// The same, asked token after token in increasing order (a copy may run ahead and be dropped):
// no array of owners by token, which for a long document was megabytes of page faults.
class MatchCursor {
 public:
  explicit MatchCursor(const std::vector<Match>& matches) : matches_(&matches) {}
  // The index of the match covering `token`, or -1; `token` is never below the last one asked.
  std::int32_t at(std::size_t token) {
    while (next_ < matches_->size() && (*matches_)[next_].last <= token) ++next_;
    return next_ < matches_->size() && (*matches_)[next_].first <= token ? static_cast<std::int32_t>(next_) : -1;
  }

 private:
  const std::vector<Match>* matches_;
  std::size_t next_ = 0;  // the first match not ending before the last token asked
};

// By token of a text of `tokens` tokens: whether a match of `matches` that `counts` accepts
// covers it.
template <class Counts>
std::vector<bool> covered_tokens(const std::vector<Match>& matches, std::size_t tokens, Counts counts) {
  std::vector<bool> covered(tokens, false);
  for (const Match& m : matches)
    if (counts(m))
      for (std::size_t i = m.first; i < m.last; ++i) covered[i] = true;
  return covered;
}
inline std::vector<bool> covered_tokens(const std::vector<Match>& matches, std::size_t tokens) {
  return covered_tokens(matches, tokens, [](const Match&) { return true; });
}

// Runs `work` on a second thread, joined by the returned future's get() (or its destructor),
// or here, returning no future, when no thread can be started. Engine::create and
// Engine::load compile the regex rules this way while they build or read everything else.
template <class F>
std::future<void> run_beside(F work) {
  try {
    return std::async(std::launch::async, work);
  } catch (const std::system_error&) {
    work();
    return {};
  }
}

}  // namespace detail

struct Engine::Impl {
  // Names this engine's entries in the threads' per-word memos (thread_memo.hpp): an engine is
  // complete before its first rewrite and never changes after.
  const std::uint64_t memo_id = detail::new_memo_owner();
  Options options;
  detail::PhraseTrie trie;
  std::vector<detail::Replacement> phrases;
  std::vector<detail::Rule> rules;
  // The rules' compiled patterns, and which of them can match a text at all: the (usually few)
  // candidates run instead of every rule over the whole text.
  detail::RuleFilter rule_filter;
  detail::TermComposer composer;
  std::vector<std::string> domains;  // dictionary domains, by index
  detail::StringArena strings;       // the replacements' sources

  int domain_id(const std::string& name) {
    auto it = std::find(domains.begin(), domains.end(), name);
    if (it != domains.end()) return static_cast<int>(it - domains.begin());
    domains.push_back(name);
    return static_cast<int>(domains.size() - 1);
  }
  // Compiles a rule into rule_filter and adds it to rules; false, with `error` set ("invalid
  // regular expression: ..." or "invalid replacement: ..."), when RE2 refuses it. Call
  // rule_filter.compile() after the last.
  bool add_rule(const std::string& pattern, detail::Replacement replacement, std::string& error);
  // The reading of phrase `v` whose domain has the most evidence in the document.
  const detail::Replacement* reading(std::int32_t v, const std::vector<int>* domain_evidence) const;

  // `engine` keeps this Impl alive: the Result holds it (Result::storage), as its edits' rule
  // names view the Impl's strings.
  // `room` is how many more edits the result's list should have room for: the cleanup's,
  // which chain_edits adds to it.
  Result rewrite(std::string_view text, std::shared_ptr<const void> engine, std::size_t room = 0) const;
  // Rule matches in rule order; each one's Replacement (the rewritten text) is made in `outputs`.
  std::vector<detail::Match> match_rules(std::string_view text, const std::vector<detail::Token>& tokens,
                                         const detail::DocumentWords& words,
                                         const std::vector<detail::ByteSpan>& invalid,
                                         std::deque<detail::Replacement>& outputs) const;
  // Terms introduced with their acronym in paragraphs with evidence of spin ("Partial Component
  // Analysis (PCA)" -> "Principal Component Analysis"; TermComposer::find_by_acronym): new
  // matches in token order, made up in `store`. A run may replace phrase matches lying inside
  // it (marked in `replaced`), never a rule's tokens (`blocked`) or a composed term.
  // (engine_acronyms.cpp)
  std::vector<detail::Match> terms_by_acronym(std::string_view text, const std::vector<detail::Token>& tokens,
                                              const detail::DocumentWords& words,
                                              const detail::TermComposer::Words& readings,
                                              const std::vector<bool>& blocked,
                                              const std::vector<bool>& ambiguous_ok,
                                              const std::vector<detail::Match>& matches, std::vector<bool>& replaced,
                                              std::deque<detail::Replacement>& store,
                                              detail::MadeNames& sources) const;
  void apply_document_consistency(std::string_view text, const std::vector<detail::Token>& tokens,
                                  const detail::DocumentWords& words,
                                  const std::vector<bool>& ambiguous_ok, std::vector<detail::Match>& matches,
                                  std::deque<detail::Replacement>& store, detail::MadeNames& sources) const;
  // A value kept by distinct key (DocumentWords), read by token: the tokens' trie ids and root
  // nodes without an array of each (two arrays of 4 bytes a token, written and read once).
  struct ByToken {
    const std::uint32_t* of_token;  // DocumentWords::of_token
    const std::uint32_t* by_key;
    std::uint32_t operator[](std::size_t token) const { return by_key[of_token[token]]; }
  };
  // The phrases of the trie that each token starts, found by one walk of the trie a token and
  // decided by match_phrases() twice (before and after the evidence is counted): the walks
  // were the larger part of each pass. starts[s] is the s-th token some phrase starts at (in
  // order), and its phrases, ending at token `end` (exclusive, in increasing order) with trie
  // value `value`, are items[first[s], first[s + 1]). (By start, not by token: an array as
  // long as the document, for the few tokens that start a phrase, was pages of faults.)
  struct PhraseCandidates {
    struct Item {
      std::uint32_t end;
      std::int32_t value;
    };
    std::vector<std::uint32_t> starts;
    std::vector<std::uint32_t> first{0};  // starts.size() + 1 entries
    std::vector<Item> items;
  };
  // `ids` are the tokens' trie word ids, `starts` the trie nodes their words lead to from the
  // root (kNoNode: no phrase starts with the word). No phrase crosses a `blocked` token.
  PhraseCandidates phrase_candidates(const std::vector<detail::Token>& tokens, ByToken ids, ByToken starts,
                                     const std::vector<bool>& blocked) const;
  // The trie words a document writes capitalised inside a sentence ("Margaret Hale", "In
  // 1953, Hale joined"): names, wherever they stand. Found by match_phrases() on first need,
  // since most documents never ask, and kept for the document's second pass.
  struct DocumentNames {
    std::vector<bool> by_id;
    bool found = false;
  };
  // Longest matches left to right among `candidates`, none crossing a `blocked` token (which
  // must include the tokens blocked when the candidates were found).
  std::vector<detail::Match> match_phrases(std::string_view text, const std::vector<detail::Token>& tokens,
                                   ByToken ids, const PhraseCandidates& candidates,
                                   const std::vector<bool>& blocked, DocumentNames& names,
                                   const std::vector<bool>* ambiguous_ok,
                                   const std::vector<int>* domain_evidence = nullptr,
                                   std::size_t* withheld = nullptr) const;
};

}  // namespace despin
