// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "rule_filter.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "ascii_words.hpp"  // is_ascii_alnum
#include "rule_words.hpp"
#include "thread_memo.hpp"

namespace despin::detail {

namespace {
// Atoms shorter than this are not looked for (FilteredRE2 drops them from its AND-OR tree, so
// the filter gets weaker, never wrong). At 3, "the", "and" and "for" were atoms: in nearly every
// line, each costing the line's lookup of its rules (AllPotentials) while ruling out almost
// nothing. At 4 no shipped rule loses its filter (at 5, three do), a line holds less than half
// as many atoms and the 1 MiB rewrite is 6-11% faster.
constexpr int kMinAtomLength = 4;

// Whether a match of `pattern` may contain a line feed. Conservative: false only when the
// pattern has none of the constructs that can match one (. does not, without the s flag).
bool may_match_line_feed(std::string_view p) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    const char next = i + 1 < p.size() ? p[i + 1] : '\0';
    if (c < 0x20) return true;  // a control character, maybe the start of a range ([\t-\r])
    if (c == '[' && (next == '^' || next == ':')) return true;  // negated or POSIX class
    if (c == '(' && next == '?') {
      // Flags, as in (?s) or (?is:...): with s, . matches a line feed.
      for (std::size_t k = i + 2; k < p.size() && p[k] != ':' && p[k] != ')'; ++k)
        if (p[k] == 's') return true;
    }
    if (c == '\\') {
      // An escaped punctuation character is itself; \d \w \S and the assertions \b \B \A \z
      // never match a line feed. Anything else (\s \W \D \p \n \x \C \Q ...) may.
      const auto n = static_cast<unsigned char>(next);
      const bool plain = (n >= 0x21 && n <= 0x2F) || (n >= 0x3A && n <= 0x40) || (n >= 0x5B && n <= 0x60) ||
                         (n >= 0x7B && n <= 0x7E) || std::string_view("dwSbBAz").find(static_cast<char>(n)) != std::string_view::npos;
      if (!plain || n == 0) return true;
      ++i;
    }
  }
  return false;
}
}  // namespace

RuleFilter::RuleFilter() : id_(new_memo_owner()), filter_(kMinAtomLength) {}

RE2::Options RuleFilter::rule_options() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  return o;
}

int RuleFilter::add(const std::string& pattern, std::string* error) {
  const int index = static_cast<int>(slots_.size());
  const bool line_local = !may_match_line_feed(pattern);
  // A rule that may span lines runs over paragraphs, which FilteredRE2's atoms decide.
  std::vector<RuleClause> clauses = line_local ? rule_words(pattern) : std::vector<RuleClause>{};
  // Looked for first: the clause least likely to be in a line.
  const auto trigger = std::min_element(clauses.begin(), clauses.end(), [](const RuleClause& a, const RuleClause& b) {
    return clause_rank(a) < clause_rank(b);
  });
  // A rare clause, or two clauses of common words ("\bfor (model|precedent),": "for" and
  // "model" or "precedent") together, pick out fewer lines than FilteredRE2's atoms did, and
  // cheaper; a lone clause of common words ("the ") is left to FilteredRE2.
  if (trigger != clauses.end() && (is_rare_clause(*trigger) || clauses.size() >= 2)) {
    auto re = std::make_unique<RE2>(pattern, rule_options());
    if (!re->ok()) {
      *error = re->error();
      return -1;
    }
    Slot slot;
    slot.own = std::move(re);
    slot.trigger = static_cast<std::size_t>(trigger - clauses.begin());
    slot.clauses = std::move(clauses);
    // Its literal, where it says more than the words: that they are next to each other, or
    // punctuation ("PC organization" in a line that says "PC" and "organization" apart).
    slot.literal = rule_literal(pattern);
    if (std::all_of(slot.literal.begin(), slot.literal.end(), [](char c) { return is_ascii_alnum(c); })) slot.literal.clear();
    slots_.push_back(std::move(slot));
    return index;
  }
  int id = -1;
  if (filter_.Add(pattern, rule_options(), &id) != RE2::NoError) {
    // FilteredRE2 keeps only the code: compile once more for the message.
    *error = RE2(pattern, rule_options()).error();
    return -1;
  }
  line_local_.push_back(line_local);
  global_.push_back(index);
  Slot slot;
  slot.filtered = id;
  slots_.push_back(std::move(slot));
  return index;
}

void RuleFilter::compile() {
  if (slots_.empty()) return;
  compiled_ = true;
  std::vector<std::string> atoms;
  if (filter_.NumRegexps() > 0) {
    filter_.Compile(&atoms);
    std::vector<int> unfiltered;
    filter_.AllPotentials({}, &unfiltered);
    unfiltered_.assign(global_.size(), false);
    for (int r : unfiltered) unfiltered_[static_cast<std::size_t>(r)] = true;
  }
  atom_count_ = atoms.size();
  for (const std::string& a : atoms) atoms_in_lines_ &= a.find('\n') == std::string::npos;
  spans_lines_ = std::find(line_local_.begin(), line_local_.end(), false) != line_local_.end();
  // The word rules' atoms follow filter_'s, each once.
  std::vector<std::string> all = atoms;
  std::unordered_map<std::string, std::uint32_t> word_atom;
  auto atom_id = [&](const std::string& a) {
    const auto [at, added] = word_atom.try_emplace(a, static_cast<std::uint32_t>(word_atom.size()));
    if (added) {
      all.push_back(a);
      triggers_.emplace_back();
    }
    return at->second;
  };
  for (std::size_t r = 0; r < slots_.size(); ++r) {
    Slot& slot = slots_[r];
    if (slot.filtered >= 0) continue;
    // The trigger clause holds whenever the rule is looked at: the others are checked, the
    // likeliest to be missing first (all_of stops at the first missing).
    for (const std::string& a : slot.clauses[slot.trigger]) triggers_[atom_id(a)].push_back(static_cast<std::uint32_t>(r));
    std::vector<const RuleClause*> others;
    for (std::size_t c = 0; c < slot.clauses.size(); ++c)
      if (c != slot.trigger) others.push_back(&slot.clauses[c]);
    std::stable_sort(others.begin(), others.end(),
                     [](const RuleClause* a, const RuleClause* b) { return clause_rank(*a) < clause_rank(*b); });
    for (const RuleClause* clause : others) {
      std::vector<std::uint32_t>& ids = slot.clause_atoms.emplace_back();
      for (const std::string& a : *clause) ids.push_back(atom_id(a));
    }
    slot.clauses.clear();
    slot.clauses.shrink_to_fit();
  }
  if (all.empty()) {
    no_atoms_ = true;
    return;
  }
  // Lines are searched for filter_'s atoms and the word rules' triggers; the atoms only of the
  // other clauses (the commonest words: "he", "that" in "(he|she|...) at that point") are
  // asked about in the lines where a trigger is. Reported in every line they were most of
  // the atoms found, each costing its marks.
  std::vector<bool> reported(all.size(), true);
  for (std::size_t w = 0; w < triggers_.size(); ++w) reported[atom_count_ + w] = !triggers_[w].empty();
  pieces_ = AtomPieces(all, reported);
  atom_strings_ = std::move(atoms);
}

const RE2::Set* RuleFilter::atom_set() const {
  std::call_once(atoms_built_, [this] {
    // The atoms are lower case; matching them case-insensitively finds every case the rules
    // (case-insensitive, or case-sensitive and then a subset) can match.
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_literal(true);
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (const std::string& a : atom_strings_)
      if (set->Add(a, nullptr) < 0) return;
    if (set->Compile()) atoms_ = std::move(set);
  });
  return atoms_.get();
}

namespace {
// The tokens of the line text[from, to), from `cursor` on (tokens hold no line feed): sets
// [first, last) and moves the cursor past them.
void line_tokens(const std::vector<Token>& tokens, std::size_t from, std::size_t to, std::size_t& cursor,
                 std::size_t& first, std::size_t& last) {
  while (cursor < tokens.size() && tokens[cursor].begin() < from) ++cursor;
  first = cursor;
  while (cursor < tokens.size() && tokens[cursor].begin() < to) ++cursor;
  last = cursor;
}
}  // namespace

std::vector<RuleFilter::Candidate> RuleFilter::candidates(std::string_view text, const std::vector<Token>& tokens,
                                                          const DocumentWords& words) const {
  std::vector<Candidate> out;
  if (!compiled_) return out;
  using Range = std::pair<std::size_t, std::size_t>;
  const Range whole{0, text.size()};
  // filter_'s rules `local` (its indexes) and every word rule, over the whole text (where the
  // atoms are not read line by line).
  auto everywhere = [&](const std::vector<int>& local) {
    std::vector<int> rules;
    for (int r : local) rules.push_back(global_[static_cast<std::size_t>(r)]);
    for (std::size_t r = 0; r < slots_.size(); ++r)
      if (slots_[r].filtered < 0) rules.push_back(static_cast<int>(r));
    std::sort(rules.begin(), rules.end());
    for (int r : rules) out.push_back(Candidate{r, {whole}});
  };
  std::vector<int> rules;
  if (no_atoms_) {
    // Nothing to look for: every rule is unfiltered and runs over the whole text.
    if (filter_.NumRegexps() > 0) filter_.AllPotentials({}, &rules);
    everywhere(rules);
    return out;
  }
  if (!atoms_in_lines_) {
    // An atom spans lines: the words of one line cannot tell. The atoms of the whole text at
    // once, every candidate over all of it.
    std::vector<int> all_atoms;
    const RE2::Set* atoms = atom_set();
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (atoms == nullptr || (!atoms->Match(re2::StringPiece(text.data(), text.size()), &all_atoms, &info) &&
                             info.kind != RE2::Set::kNoError)) {
      // The set could not be built or run (out of memory): every rule over the whole text.
      std::vector<int> local(global_.size());
      std::iota(local.begin(), local.end(), 0);
      everywhere(local);
      return out;
    }
    filter_.AllPotentials(all_atoms, &rules);
    everywhere(rules);
    return out;
  }
  // Atoms line by line: each line's atoms say which line-local rules may match in it, and
  // the atoms of a paragraph's lines which of the other rules may match in it (phrases, too,
  // match across a line break but not across a blank line); all of them together say which
  // rules may match the text. A word rule is a candidate in a line holding an atom of each of
  // its clauses.
  AtomPieces::Scratch& scratch = pieces_.scratch();
  // What a document is worked out with, kept by each thread from document to document (a
  // short document spent more on allocating these than on reading its lines): marks by rule,
  // numbered on by line as the scratch's are, and the buffers below.
  struct Buffers {
    std::uint64_t owner = 0;
    std::uint32_t line = 0;
    std::vector<std::uint32_t> rule_line;
    std::vector<bool> seen;  // by filter_ atom: in all_atoms already (cleared for each document)
    AtomPieces::KeyPieces of_key;
    std::vector<std::pair<int, Range>> lines_of;
    std::vector<int> all_atoms, found, line_atoms, word_rules_found, paragraph_atoms, spanning;
  };
  thread_local Buffers kept;
  if (kept.owner != id_ || kept.line > 0x7FFFFFFFu) {
    kept.owner = id_;
    kept.line = 0;
    kept.rule_line.assign(slots_.size(), 0);
    kept.seen.assign(atom_count_, false);
  }
  pieces_.of_keys(words, scratch, kept.of_key);
  const AtomPieces::KeyPieces& of_key = kept.of_key;
  // Whether the line atoms_in_line() last read holds an atom of each of a word rule's clauses
  // besides its trigger.
  auto other_clauses_hold = [&](const Slot& slot) {
    return std::all_of(slot.clause_atoms.begin(), slot.clause_atoms.end(), [&](const auto& clause) {
      return std::any_of(clause.begin(), clause.end(),
                         [&](std::uint32_t w) { return pieces_.holds(static_cast<std::uint32_t>(atom_count_ + w), scratch); });
    });
  };
  const int filtered = static_cast<int>(atom_count_);  // atoms below are filter_'s, the others words'
  // (rule, range) pairs in text order; one list rather than a list a rule, which a short
  // document would spend more on allocating than on its words.
  std::vector<std::pair<int, Range>>& lines_of = kept.lines_of;
  std::vector<bool>& seen = kept.seen;
  std::vector<int>& all_atoms = kept.all_atoms;
  std::vector<int>& found = kept.found;
  std::vector<int>& line_atoms = kept.line_atoms;
  std::vector<int>& word_rules_found = kept.word_rules_found;  // may repeat
  // The paragraph being read: its range, its atoms and how many of its lines held any (with
  // one, that line's rules are the paragraph's; with more, its atoms are looked up together).
  std::size_t paragraph = 0, paragraph_from = 0, paragraph_to = 0, lines_with_atoms = 0;
  std::uint32_t paragraph_mark = 0;  // the paragraph's number in scratch.atom_paragraph
  std::vector<int>& paragraph_atoms = kept.paragraph_atoms;
  std::vector<int>& spanning = kept.spanning;
  for (int a : all_atoms) seen[static_cast<std::size_t>(a)] = false;  // the document before's
  for (auto* v : {&all_atoms, &found, &line_atoms, &word_rules_found, &paragraph_atoms, &spanning}) v->clear();
  lines_of.clear();
  auto end_paragraph = [&] {
    if (!spans_lines_) return;
    if (lines_with_atoms > 1) {
      filter_.AllPotentials(paragraph_atoms, &rules);
      spanning.clear();
      for (int r : rules)
        if (!line_local_[static_cast<std::size_t>(r)] && !unfiltered_[static_cast<std::size_t>(r)])
          spanning.push_back(global_[static_cast<std::size_t>(r)]);
    }
    if (lines_with_atoms > 0)
      for (int r : spanning) lines_of.emplace_back(r, Range{paragraph_from, paragraph_to});
    paragraph_atoms.clear();
    spanning.clear();
    lines_with_atoms = 0;
  };
  std::size_t cursor = 0;
  for (std::size_t from = 0; from < text.size();) {
    std::size_t to = text.find('\n', from);
    if (to == std::string_view::npos) to = text.size();
    std::size_t first = 0, last = 0;
    line_tokens(tokens, from, to, cursor, first, last);
    if (spans_lines_ && first < last) {
      if (tokens[first].paragraph != paragraph || paragraph_to == 0) {
        end_paragraph();
        paragraph = tokens[first].paragraph;
        paragraph_mark = ++scratch.paragraph;
        paragraph_from = from;
      }
      paragraph_to = to;
    }
    if (to - from >= kMinAtomLength && first < last) {
      found.clear();
      pieces_.atoms_in_line(of_key, words.of_token.data() + first, last - first, scratch, found);
      const std::uint32_t line = ++kept.line;
      line_atoms.clear();
      std::size_t words_found = 0;
      for (int a : found) {
        if (a >= filtered) {
          ++words_found;
          continue;
        }
        line_atoms.push_back(a);
        const auto k = static_cast<std::size_t>(a);
        if (!seen[k]) seen[k] = true, all_atoms.push_back(a);
        if (spans_lines_ && scratch.atom_paragraph[k] != paragraph_mark)
          scratch.atom_paragraph[k] = paragraph_mark, paragraph_atoms.push_back(a);
      }
      if (!line_atoms.empty()) {
        filter_.AllPotentials(line_atoms, &rules);
        for (int r : rules) {
          const auto k = static_cast<std::size_t>(r);
          if (unfiltered_[k]) continue;
          if (line_local_[k]) lines_of.emplace_back(global_[k], Range{from, to});
          else if (lines_with_atoms == 0) spanning.push_back(global_[k]);  // the paragraph's, if no other line adds atoms
        }
        ++lines_with_atoms;
      }
      if (words_found > 0) {
        for (int a : found) {
          if (a < filtered) continue;
          for (std::uint32_t r : triggers_[static_cast<std::size_t>(a - filtered)]) {
            if (kept.rule_line[r] == line) continue;
            kept.rule_line[r] = line;
            if (other_clauses_hold(slots_[r]) && may_hold_literal(text.substr(from, to - from), slots_[r].literal)) {
              lines_of.emplace_back(static_cast<int>(r), Range{from, to});
              word_rules_found.push_back(static_cast<int>(r));
            }
          }
        }
      }
    }
    from = to + 1;
  }
  end_paragraph();
  if (filter_.NumRegexps() > 0) filter_.AllPotentials(all_atoms, &rules);
  else rules.clear();
  std::vector<int>& candidates = word_rules_found;
  for (int r : rules) candidates.push_back(global_[static_cast<std::size_t>(r)]);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // By rule, each rule's lines (or paragraphs) still in text order.
  std::stable_sort(lines_of.begin(), lines_of.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  auto lines = lines_of.begin();
  for (int r : candidates) {
    const Slot& slot = slots_[static_cast<std::size_t>(r)];
    if (slot.filtered >= 0 && unfiltered_[static_cast<std::size_t>(slot.filtered)]) {
      out.push_back(Candidate{r, {whole}});
      continue;
    }
    while (lines != lines_of.end() && lines->first < r) ++lines;
    const auto end = std::find_if(lines, lines_of.end(), [r](const auto& l) { return l.first != r; });
    if (lines == end) continue;
    Candidate c{r, {}};
    c.ranges.reserve(static_cast<std::size_t>(end - lines));
    for (; lines != end; ++lines) c.ranges.push_back(lines->second);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace despin::detail
