// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// rule_words() on arbitrary patterns, against RE2 itself. The input is a pattern, a line feed
// and a text. Invariant: whenever the pattern compiles and matches somewhere in the text (one
// line: its line feeds become spaces), the text holds an atom of every clause rule_words()
// gives, as the rule prefilter decides it (AtomPieces over the text's words), and the
// pattern's literal (rule_literal, may_hold_literal). A clause or a literal the text lacks
// would keep a rule from a line it matches: a missed restoration, silently.
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "../line_atoms.hpp"
#include "rule_words.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace despin::detail;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = input.find('\n');
  if (cut == std::string_view::npos || cut > 512) return 0;
  const std::string pattern(input.substr(0, cut));
  std::string text(input.substr(cut + 1));
  std::replace(text.begin(), text.end(), '\n', ' ');
  const std::vector<RuleClause> clauses = rule_words(pattern);  // must not crash on any bytes
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  const RE2 re(pattern, o);
  const std::string literal = rule_literal(pattern);  // must not crash either
  if (!re.ok() || !RE2::PartialMatch(text, re)) return 0;
  if (!clauses.empty() && !satisfies_clauses(clauses, text)) std::abort();
  if (!may_hold_literal(text, literal)) std::abort();
  return 0;
}
