// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The rewrite's pass for terms introduced with their acronym (TermComposer::find_by_acronym).
#include <string>

#include "engine_impl.hpp"

namespace despin {

std::vector<detail::Match> Engine::Impl::terms_by_acronym(
    std::string_view text, const std::vector<detail::Token>& tokens, const detail::DocumentWords& words,
    const detail::TermComposer::Words& readings, const std::vector<bool>& blocked, const std::vector<bool>& ambiguous_ok, const std::vector<detail::Match>& matches,
    std::vector<bool>& replaced, std::deque<detail::Replacement>& store, detail::MadeNames& sources) const {
  std::vector<detail::Match> found_matches;
  const std::size_t n = tokens.size();
  for (std::size_t open = 1; open + 2 < n; ++open) {
    if (tokens[open].is_word || text[tokens[open].begin()] != '(' || !ambiguous_ok[tokens[open].paragraph]) continue;
    auto found = composer.find_by_acronym(text, tokens, words, readings, open);
    if (!found) continue;
    bool free = true;
    for (std::size_t i = found->first; i < open && free; ++i) {
      if (blocked[i]) free = false;
      else if (const std::int32_t owner = detail::match_covering(matches, i); owner >= 0) {
        const detail::Match& m = matches[static_cast<std::size_t>(owner)];
        free = m.kind == EditKind::kPhrase && m.first >= found->first && m.last <= open;
      }
    }
    if (!free) continue;
    for (std::size_t i = found->first; i < open; ++i)
      if (const std::int32_t owner = detail::match_covering(matches, i); owner >= 0)
        replaced[static_cast<std::size_t>(owner)] = true;
    store.push_back(detail::Replacement{std::move(found->text),
                                        sources.store("acronym:", found->source),
                                        detail::kComposeConfidence, true});
    found_matches.push_back(detail::Match{found->first, open, &store.back(), EditKind::kCompose});
  }
  return found_matches;
}

}  // namespace despin
