// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "rule_words.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "common_words.hpp"  // is_common_word, common_word_rank

namespace despin::detail {
namespace {

bool is_run_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// One element of a concatenation. A literal ASCII character is itself; a boundary is \b; an
// opaque element is anything else that matches text (a class, an escape, a quantified part)
// and neither adds a run nor bounds one; a group is read again, with its neighbours' bounds.
struct Element {
  enum Kind { kLiteral, kBoundary, kOpaque, kGroup } kind;
  char c = 0;
  std::string_view group;  // kGroup: its pattern, without the parentheses and their (?...)
  static Element literal(char c) { return Element{kLiteral, c, {}}; }
  static Element boundary() { return Element{kBoundary, 0, {}}; }
  static Element opaque() { return Element{kOpaque, 0, {}}; }
};

// Whether a literal or a \b keeps a run of letters and digits from going on past it.
bool bounds(const Element* e) {
  return e != nullptr && (e->kind == Element::kBoundary || (e->kind == Element::kLiteral && !is_run_char(e->c)));
}

// Past the class that starts at p[i] ("["): its "]" may come first ("[]a]", "[^]a]") and POSIX
// classes ("[[:alpha:]]") hold a "]" of their own. npos when it does not end.
std::size_t past_class(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') ++j;
    else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      const std::size_t end = p.find(":]", j + 2);
      if (end == std::string_view::npos) return std::string_view::npos;
      j = end + 1;
    }
    ++j;
  }
  return j < p.size() ? j + 1 : std::string_view::npos;
}

// The index of the ")" closing the group that opens at p[i], or npos.
std::size_t group_end(std::string_view p, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < p.size();) {
    const char c = p[j];
    if (c == '\\') {
      j += 2;
    } else if (c == '[') {
      j = past_class(p, j);
      if (j == std::string_view::npos) return j;
    } else {
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) return j;
      ++j;
    }
  }
  return std::string_view::npos;
}

// The pattern's top-level alternatives ("a|b(c|d)" -> "a", "b(c|d)"); nullopt if it does not parse.
std::optional<std::vector<std::string_view>> alternatives(std::string_view p) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t j = 0; j < p.size();) {
    const char c = p[j];
    if (c == '\\') {
      j += 2;
    } else if (c == '[') {
      if ((j = past_class(p, j)) == std::string_view::npos) return std::nullopt;
    } else if (c == '(') {
      if ((j = group_end(p, j)) == std::string_view::npos) return std::nullopt;
      ++j;
    } else {
      if (c == '|') {
        out.push_back(p.substr(start, j - start));
        start = j + 1;
      }
      ++j;
    }
  }
  out.push_back(p.substr(start));
  return out;
}

// The elements of one alternative; nullopt if it holds what this reading refuses (\Q...\E).
std::optional<std::vector<Element>> elements(std::string_view p) {
  std::vector<Element> out;
  auto quantify = [&](std::size_t& j) {
    // A quantified element may be missing or repeated: it adds nothing, bounds nothing.
    if (j < p.size() && (p[j] == '?' || p[j] == '+')) ++j;  // lazy or possessive form
    if (!out.empty()) out.back() = Element::opaque();
  };
  for (std::size_t j = 0; j < p.size();) {
    const char c = p[j];
    if (c == '\\') {
      if (j + 1 >= p.size()) return std::nullopt;
      const char e = p[j + 1];
      if (e == 'Q') return std::nullopt;
      j += 2;
      if (e == 'b') {
        out.push_back(Element::boundary());
        continue;
      }
      if ((e == 'p' || e == 'P' || e == 'x') && j < p.size() && p[j] == '{') {
        const std::size_t end = p.find('}', j);
        if (end == std::string_view::npos) return std::nullopt;
        j = end + 1;
      } else if (e == 'p' || e == 'P') {
        ++j;
      } else if (e == 'x') {
        j += 2;
      } else if (is_ascii_digit(e)) {
        while (j < p.size() && is_ascii_digit(p[j])) ++j;
      }
      // An escaped punctuation mark is itself; any other escape (\d, \s, \pL, \x41, \n ...) is opaque.
      const bool punctuation = static_cast<unsigned char>(e) < 0x80 && !is_run_char(e) && e != '_';
      out.push_back(punctuation ? Element::literal(e) : Element::opaque());
    } else if (c == '[') {
      const std::size_t end = past_class(p, j);
      if (end == std::string_view::npos) return std::nullopt;
      // A class of one plain character ("[ ]") is that character.
      const char only = p[j + 1];
      const bool single = end == j + 3 && static_cast<unsigned char>(only) < 0x80 && only != '^' && only != '\\' &&
                          only != '[' && only != ']';
      out.push_back(single ? Element::literal(only) : Element::opaque());
      j = end;
    } else if (c == '(') {
      const std::size_t end = group_end(p, j);
      if (end == std::string_view::npos) return std::nullopt;
      std::string_view inner = p.substr(j + 1, end - j - 1);
      j = end + 1;
      if (inner.starts_with('?')) {
        // (?i) sets flags and matches nothing; (?i:x), (?:x), (?P<name>x) and (?<name>x) are x.
        std::size_t k = 1;
        if (k < inner.size() && (inner[k] == 'P' || inner[k] == '<')) {
          const std::size_t close = inner.find('>');
          if (close == std::string_view::npos) return std::nullopt;
          inner.remove_prefix(close + 1);
        } else {
          while (k < inner.size() && (std::isalpha(static_cast<unsigned char>(inner[k])) || inner[k] == '-')) ++k;
          if (k == inner.size()) continue;  // flags only
          if (inner[k] != ':') return std::nullopt;
          inner.remove_prefix(k + 1);
        }
      }
      out.push_back(Element{Element::kGroup, 0, inner});
    } else if (c == '?' || c == '*' || c == '+') {
      ++j;
      quantify(j);
    } else if (c == '{') {
      // A repetition "{n}", "{n,}" or "{n,m}"; any other "{" is opaque, as a literal would be
      // safe but is rare enough not to matter.
      std::size_t k = j + 1;
      while (k < p.size() && (is_ascii_digit(p[k]) || p[k] == ',')) ++k;
      if (k < p.size() && p[k] == '}' && k > j + 1 && is_ascii_digit(p[j + 1])) {
        j = k + 1;
        quantify(j);
      } else {
        ++j;
        out.push_back(Element::opaque());
      }
    } else if (c == '.' || c == '^' || c == '$' || static_cast<unsigned char>(c) >= 0x80) {
      ++j;
      out.push_back(Element::opaque());  // a byte of a character outside ASCII, too
    } else {
      ++j;
      out.push_back(Element::literal(c));
    }
  }
  return out;
}

bool analyze(std::string_view p, bool left_bound, bool right_bound, int depth, std::vector<RuleClause>& out);

// The clauses of a choice of alternatives: a match satisfies every clause of the alternative it
// took, so each way of picking one clause from every alternative, joined, is a clause of the
// choice ("Order of the British Realm|Request of the British Empire": "british", "order" or
// "request", ...). Up to 16 such clauses; beyond, one: each alternative's likeliest-to-be-
// missing clause, joined. Nothing when some alternative requires nothing.
bool choose(const std::vector<std::string_view>& alts, bool left_bound, bool right_bound, int depth,
            std::vector<RuleClause>& out) {
  std::vector<std::vector<RuleClause>> each;
  std::size_t product = 1;
  for (std::string_view alt : alts) {
    std::vector<RuleClause> clauses;
    if (!analyze(alt, left_bound, right_bound, depth + 1, clauses)) return false;
    if (clauses.empty()) return true;
    product = std::min<std::size_t>(product * clauses.size(), 17);
    each.push_back(std::move(clauses));
  }
  if (product > 16)
    for (std::vector<RuleClause>& clauses : each)
      clauses = {*std::min_element(clauses.begin(), clauses.end(),
                                   [](const RuleClause& a, const RuleClause& b) { return clause_rank(a) < clause_rank(b); })};
  std::vector<RuleClause> joined{RuleClause{}};
  for (const std::vector<RuleClause>& clauses : each) {
    std::vector<RuleClause> next;
    for (const RuleClause& so_far : joined)
      for (const RuleClause& clause : clauses) {
        RuleClause j = so_far;
        for (const std::string& atom : clause)
          if (std::find(j.begin(), j.end(), atom) == j.end()) j.push_back(atom);
        next.push_back(std::move(j));
      }
    joined = std::move(next);
  }
  out.insert(out.end(), joined.begin(), joined.end());
  return true;
}

bool analyze(std::string_view p, bool left_bound, bool right_bound, int depth, std::vector<RuleClause>& out) {
  if (depth > 64) return false;
  const auto alts = alternatives(p);
  if (!alts) return false;
  if (alts->size() > 1) return choose(*alts, left_bound, right_bound, depth, out);
  const auto items = elements(p);
  if (!items) return false;
  const std::size_t n = items->size();
  auto at = [&](std::size_t k) { return &(*items)[k]; };
  auto bound_before = [&](std::size_t k) { return k == 0 ? left_bound : bounds(at(k - 1)); };
  auto bound_after = [&](std::size_t k) { return k + 1 == n ? right_bound : bounds(at(k + 1)); };
  for (std::size_t k = 0; k < n;) {
    const Element& e = *at(k);
    if (e.kind == Element::kLiteral && is_run_char(e.c)) {
      std::string run;
      const std::size_t first = k;
      for (; k < n && at(k)->kind == Element::kLiteral && is_run_char(at(k)->c); ++k) {
        const char ch = at(k)->c;
        run += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
      }
      const bool before = bound_before(first), after = bound_after(k - 1);
      // A short part of a word says nothing: it is in nearly every line.
      if (before && after ? !run.empty() : run.size() >= 3)
        out.push_back(RuleClause{(before ? " " : "") + run + (after ? " " : "")});
      continue;
    }
    if (e.kind == Element::kGroup) {
      const auto group_alts = alternatives(e.group);
      if (!group_alts) return false;
      const bool before = bound_before(k), after = bound_after(k);
      if (group_alts->size() > 1) {
        if (!choose(*group_alts, before, after, depth, out)) return false;
      } else if (!analyze(e.group, before, after, depth + 1, out)) {
        return false;
      }
    }
    ++k;
  }
  return true;
}

// An atom's run of letters and digits, and whether a space anchors it before and after (a whole
// word when both do).
struct AtomRun {
  bool before, after;
  std::string_view run;
};
AtomRun atom_run(const std::string& atom) {
  const bool before = atom.starts_with(' '), after = atom.ends_with(' ');
  return {before, after, std::string_view(atom).substr(before, atom.size() - before - after)};
}

// Appends the literal runs of the concatenation `p` to `runs` (the one being built last), a
// group of one alternative read in place; false when it does not parse.
bool literal_runs(std::string_view p, int depth, std::vector<std::string>& runs) {
  if (depth > 64) return false;
  const auto items = elements(p);
  if (!items) return false;
  for (const Element& e : *items) {
    if (e.kind == Element::kBoundary) continue;  // matches no character: the ones around it are adjacent
    if (e.kind == Element::kLiteral) {
      runs.back() += e.c >= 'A' && e.c <= 'Z' ? static_cast<char>(e.c + 32) : e.c;
      continue;
    }
    if (e.kind == Element::kGroup) {
      const auto alts = alternatives(e.group);
      if (!alts) return false;
      if (alts->size() == 1) {
        if (!literal_runs(e.group, depth + 1, runs)) return false;
        continue;
      }
    }
    if (!runs.back().empty()) runs.emplace_back();  // a class, an escape, a choice: the run ends
  }
  return true;
}

}  // namespace

std::string rule_literal(std::string_view pattern) {
  const auto alts = alternatives(pattern);
  if (!alts || alts->size() != 1) return {};
  std::vector<std::string> runs(1);
  if (!literal_runs(pattern, 0, runs)) return {};
  return *std::max_element(runs.begin(), runs.end(),
                           [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
}

bool may_hold_literal(std::string_view line, std::string_view literal) {
  if (literal.empty()) return true;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  // Look for the literal's first character that is neither a letter nor a digit (the same in
  // either case, and rarer than most letters) with memchr, then compare around it.
  std::size_t anchor = 0;
  while (anchor + 1 < literal.size() && is_run_char(literal[anchor])) ++anchor;
  const bool cased = is_run_char(literal[anchor]);  // all letters and digits: compare from the start
  if (cased) anchor = 0;
  for (std::size_t p = anchor; p + (literal.size() - anchor) <= line.size();) {
    std::size_t at = p;
    if (!cased) {
      const void* hit = std::memchr(line.data() + p, literal[anchor], line.size() - (literal.size() - anchor) - p + 1);
      if (hit == nullptr) break;
      at = static_cast<std::size_t>(static_cast<const char*>(hit) - line.data());
    }
    const std::string_view here = line.substr(at - anchor, literal.size());
    if (std::equal(here.begin(), here.end(), literal.begin(), [&](char a, char b) { return lower(a) == b; })) return true;
    p = at + 1;
  }
  return line.find("\xC5\xBF") != std::string_view::npos || line.find("\xE2\x84\xAA") != std::string_view::npos;
}

std::tuple<bool, int, std::size_t, long> clause_rank(const RuleClause& clause) {
  std::size_t shortest = std::string::npos;
  // How frequent the clause's commonest atom is: a common word's rank, beyond them a rarer
  // whole word, and before them a part of a word (it is in many words).
  int commonest = kCommonWordCount;
  for (const std::string& atom : clause) {
    shortest = std::min(shortest, atom.size());
    const auto [before, after, run] = atom_run(atom);
    const int rank = !(before && after) ? 0 : common_word_rank(run).value_or(kCommonWordCount);
    commonest = std::min(commonest, rank);
  }
  return {!is_rare_clause(clause), -commonest, clause.size(), -static_cast<long>(shortest)};
}

std::vector<RuleClause> rule_words(std::string_view pattern) {
  std::vector<RuleClause> out;
  if (!analyze(pattern, false, false, 0, out)) out.clear();
  return out;
}

bool is_rare_clause(const RuleClause& clause) {
  if (clause.empty()) return false;
  for (const std::string& atom : clause) {
    const auto [before, after, run] = atom_run(atom);
    const bool rare = before && after ? run.size() >= 3 && !is_common_word(run) &&
                                            !std::all_of(run.begin(), run.end(), is_ascii_digit)
                                      : run.size() >= (before || after ? 5u : 6u);
    if (!rare) return false;
  }
  return true;
}

}  // namespace despin::detail
