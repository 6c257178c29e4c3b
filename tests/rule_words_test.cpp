// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include <re2/re2.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "line_atoms.hpp"
#include "rule_filter.hpp"
#include "rule_words.hpp"
#include "test_files.hpp"

#include <despin/dictionary.hpp>

using namespace despin::detail;

namespace {

using Clauses = std::vector<RuleClause>;

// The clauses sorted, each clause sorted: the order of both is the analysis's business.
Clauses sorted(Clauses clauses) {
  for (RuleClause& c : clauses) std::sort(c.begin(), c.end());
  std::sort(clauses.begin(), clauses.end());
  return clauses;
}

}  // namespace

// What a pattern requires, read from its text: runs of letters and digits outside anything
// optional, with a space where the pattern bounds them, and one clause for a choice.
TEST_CASE("rule words are the runs every match holds", "[rules]") {
  // The optional "(as )?" bounds nothing: "ceo" may end a longer run, as far as this reading
  // can tell.
  CHECK(sorted(rule_words("\\bdelegated (as )?(CEO|chief executive)\\b")) ==
        sorted({{" delegated "}, {"ceo ", "chief "}, {"ceo ", " executive "}}));
  CHECK(sorted(rule_words("(?-i)\\b(state|family)-possessed\\b")) ==
        sorted({{" family ", " state "}, {" possessed "}}));
  // Flags match nothing; a group with flags is its contents.
  CHECK(rule_words("(?-i)\\bImprint ((?-i:[A-Z])[a-z]+)\\b") == Clauses{{" imprint "}});
  CHECK(rule_words("(?-i:\\bTo be fair,)") == Clauses{{" to "}, {" be "}, {" fair "}});
  // A quantified letter ends the run before it, unbounded ("colo" of "color" and "colour"),
  // and a run of one or two letters not bounded on both sides says nothing.
  CHECK(rule_words("colou?r") == Clauses{{"colo"}});
  CHECK(rule_words("\\d+ years\\b") == Clauses{{" years "}});
  CHECK(rule_words("a (big )?dog") == Clauses{{"dog"}});
  CHECK(rule_words("a (big )+dog") == Clauses{{"dog"}});
  CHECK(rule_words("x{2}yz") == Clauses{});
  CHECK(rule_words("(?P<n>wood)land") == Clauses{{"wood"}, {"land"}});
  // Escaped punctuation bounds a run, as does a class of one such character; a wider class or
  // any other escape does not.
  CHECK(rule_words("U\\.S\\. army") == Clauses{{" s "}, {" army"}});
  CHECK(rule_words("\\bPC[ ]vision") == Clauses{{" pc "}, {" vision"}});
  CHECK(rule_words("in reality[,.;]") == Clauses{{" reality"}});
  CHECK(rule_words("\\x41bcd") == Clauses{{"bcd"}});
  // A letter outside ASCII bounds nothing either (the Kelvin sign matches "k").
  CHECK(rule_words("S\xC3\xA8vres") == Clauses{{"vres"}});
}

// The literal: what the words leave out (that they are next to each other, the punctuation).
TEST_CASE("a rule's literal is its longest run of characters every match holds", "[rules]") {
  CHECK(rule_literal(", however (he|she|they)\\b") == ", however ");
  CHECK(rule_literal("\\bfor (model|precedent),") == "for ");
  // \b matches no character; a group of one alternative is read in place, a class of one
  // character is that character.
  CHECK(rule_literal("\\b([A-Za-z]+) PC[ ]Vision\\b") == " pc vision");
  CHECK(rule_literal("(?-i:\\bAt that point,)") == "at that point,");
  CHECK(rule_literal("(?:in|at) the (?:end) of\\b") == " the end of");
  // Anything optional, repeated or chosen ends a run.
  CHECK(rule_literal("colou?r scheme") == "r scheme");
  CHECK(rule_literal("(?:big )+dogs") == "dogs");
  // Nothing is known of a top-level choice.
  CHECK(rule_literal("a b c|d").empty());
  CHECK(rule_literal("[a-z]+").empty());
  CHECK(rule_literal("\\Qa b\\E").empty());
}

TEST_CASE("a line may hold a literal only where it is written, ignoring ASCII case", "[rules]") {
  CHECK(may_hold_literal("He used PC Vision daily", " pc vision"));
  CHECK_FALSE(may_hold_literal("A PC runs vision software", " pc vision"));
  CHECK(may_hold_literal("It rained, However they went", ", however "));
  CHECK_FALSE(may_hold_literal("It rained; however, they went", ", however "));
  // At either end of the line, and a literal of letters alone.
  CHECK(may_hold_literal(", however ", ", however "));
  CHECK(may_hold_literal("the END", "end"));
  CHECK_FALSE(may_hold_literal("the en", "end"));
  CHECK_FALSE(may_hold_literal("", ", x"));
  CHECK(may_hold_literal("anything", ""));
  // RE2 matches the long s to "s" and the Kelvin sign to "k": a line with either may hold it.
  CHECK(may_hold_literal("Thi\xC5\xBF one", "this one"));
  CHECK(may_hold_literal("wor\xE2\x84\xAA, too", "work, too"));
}

TEST_CASE("rule words know nothing where a branch requires nothing", "[rules]") {
  CHECK(rule_words("foo|\\d+").empty());
  CHECK(rule_words("(?:dear|) sir").size() == 1);  // " sir" only
  CHECK(rule_words("\\Qa.b\\E").empty());
  CHECK(rule_words("[a-z]+").empty());
  CHECK(rule_words("").empty());
}

TEST_CASE("rare clauses are uncommon whole words or long parts of words", "[rules]") {
  CHECK(is_rare_clause({" sovereign ", " melancholy "}));
  CHECK_FALSE(is_rare_clause({" sovereign ", " reality "}));
  CHECK_FALSE(is_rare_clause({" 1999 "}));
  CHECK(is_rare_clause({"possess "}));
  CHECK_FALSE(is_rare_clause({"ing "}));
  CHECK(is_rare_clause({"ossess"}));
  CHECK_FALSE(is_rare_clause({"osses"}));
  CHECK_FALSE(is_rare_clause({}));
}

// The reading is a necessary condition: every line a pattern matches satisfies its clauses,
// whatever the case and the letters outside ASCII that RE2 matches to ASCII ones.
TEST_CASE("every match satisfies its rule's words", "[rules]") {
  struct Case {
    const char* pattern;
    const char* line;
  };
  const Case cases[] = {
      {"\\bdelegated (as )?(CEO|chief executive)\\b", "He was DELEGATED as Chief Executive in May."},
      {"(?-i)\\b(state|family)-possessed\\b", "a family-possessed firm"},
      {"colou?r", "Colours and colors"},
      {"\\bpo(ss)+essed\\b", "possessed"},
      {"strong winds", "\xC5\xBFtrong winds"},  // the long s matches "s"
      {"work is", "wor\xE2\x84\xAA is done"},   // the Kelvin sign matches "k"
      {"\\bdon't\\b", "I don't know"},
      // RE2's \b is ASCII's: it holds beside any character outside ASCII, though the word's
      // key runs on where that character folds to ASCII letters.
      {"\\bstra\\b", "die Stra\xC3\x9F" "e"},          // "ß" folds to "ss"
      {"-possessed\\b", "a self-possessed\xC5\xBF one"},  // "ſ" to "s"
      {"\\bposs\\b", "po\xC5\xBFs\xC5\xBF"},             // "ſ" a letter and a bound in one word
      {"\\bof\\b", "\xEF\xAC\x81of"},                    // "ﬁ" to "fi"
      // More places for a run to end than are worth pairing: the word satisfies every piece.
      {"\\bs\\b", "\xC5\xBF\xC5\xBF\xC5\xBF\xC5\xBF\xC5\xBF\xC5\xBFs\xC5\xBF\xC5\xBF\xC5\xBF\xC5\xBF\xC5\xBF\xC5\xBF\xC5\xBF"},
      {"xx[-_]yyy(zzz|zzzz)", "xx_yyyzzzz"},
      {"(?i)mIxEd CaSe", "MIXED case"},
      {"Request of the British (?:Realm|Domain)\\b|Order of the British (?:Realm|Empire)\\b",
       "the Order of the British Empire"},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " / " << c.line);
    RE2::Options o;
    o.set_case_sensitive(false);
    const RE2 re(c.pattern, o);
    REQUIRE(re.ok());
    REQUIRE(RE2::PartialMatch(c.line, re));
    const Clauses clauses = rule_words(c.pattern);
    CHECK_FALSE(clauses.empty());
    CHECK(satisfies_clauses(clauses, c.line));
  }
}

// The same on the shipped rules and every line of the project's samples that one of them
// matches: a rule found by its words must run wherever it matches.
TEST_CASE("every match of a shipped rule satisfies its words", "[rules]") {
  std::vector<std::string> lines;
  for (const auto& file : std::filesystem::recursive_directory_iterator(DESPIN_CORPUS_DIR)) {
    if (!file.path().string().ends_with(".txt")) continue;
    std::istringstream text(slurp(file.path()));
    for (std::string line; std::getline(text, line);) lines.push_back(line);
  }
  RE2::Options o;
  o.set_case_sensitive(false);
  std::size_t rules = 0, with_words = 0, matched = 0;
  for (const despin::Entry& e : despin::Dictionary::builtin().entries()) {
    if (!e.is_rule) continue;
    ++rules;
    const Clauses clauses = rule_words(e.spun);
    if (clauses.empty()) continue;
    ++with_words;
    const RE2 re(e.spun, o);
    REQUIRE(re.ok());
    for (const std::string& line : lines) {
      if (!RE2::PartialMatch(line, re)) continue;
      ++matched;
      INFO(e.source << ": " << e.spun << " / " << line);
      CHECK(satisfies_clauses(clauses, line));
    }
  }
  CHECK(with_words > rules / 2);
  CHECK(matched > 30);
}

// RuleFilter keeps the rules with a rare clause (or two clauses) out of FilteredRE2 and finds
// their lines by their words: each clause must be in the line.
TEST_CASE("word rules run over the lines holding a word of each clause", "[rules]") {
  RuleFilter filter;
  std::string error;
  const int word = filter.add("\\b(?:Sovereign|Monarch) (Canute|Ethelred)\\b", &error);
  const int filtered = filter.add("(\\w+) the (\\w+)", &error);  // " the " alone: too common
  REQUIRE(word == 0);
  REQUIRE(filtered == 1);
  filter.compile();
  CHECK(filter.word_rule_count() == 1);
  CHECK(filter.rule(0).pattern() == "\\b(?:Sovereign|Monarch) (Canute|Ethelred)\\b");
  CHECK(filter.rule(1).pattern() == "(\\w+) the (\\w+)");
  const std::string text = "Monarch Canute.\nA monarch.\nThe red fox and Ethelred, sovereign\nCanute alone";
  const std::vector<RuleFilter::Candidate> found = candidates_of(filter, text);
  using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
  auto at = [&](std::string_view s) { return text.find(s); };
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == word);
  // Not "A monarch." (no Canute or Ethelred) nor "Canute alone" (no sovereign or monarch); the
  // third line holds both, though not as the rule wants them: RE2 decides there.
  CHECK(found[0].ranges == Ranges{{0, at("\nA monarch")}, {at("The red"), at("\nCanute alone")}});
  CHECK(found[1].rule == filtered);
  CHECK(found[1].ranges == Ranges{{at("The red"), at("\nCanute alone")}});
  // A rule whose literal says more than its words: a line holding the words apart is no
  // candidate.
  RuleFilter apart;
  REQUIRE(apart.add("\\b([A-Za-z]+) PC[ ]vision\\b", &error) == 0);
  apart.compile();
  REQUIRE(apart.word_rule_count() == 1);
  const std::string lines = "A PC and its vision.\nUse the pc vision tools.";
  const std::vector<RuleFilter::Candidate> near = candidates_of(apart, lines);
  REQUIRE(near.size() == 1);
  CHECK(near[0].ranges == Ranges{{lines.find("Use"), lines.size()}});
  // An invalid word rule is refused with RE2's message, as any rule.
  CHECK(filter.add("\\b(?:Sovereign|Monarch (Canute\\b", &error) == -1);
  CHECK_FALSE(error.empty());
}
