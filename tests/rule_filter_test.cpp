// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <sstream>
#include <utility>

#include "ascii_literals.hpp"
#include "atom_pieces.hpp"
#include "document_words.hpp"
#include "rule_filter.hpp"
#include "line_atoms.hpp"
#include "test_files.hpp"
#include "tokenizer.hpp"

#include <despin/dictionary.hpp>

using namespace despin::detail;

namespace {

// What the automaton is checked against: the literals as one case-insensitive RE2 set.
std::unique_ptr<RE2::Set> literal_set(const std::vector<std::string>& literals) {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_literal(true);
  auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (const std::string& l : literals) REQUIRE(set->Add(l, nullptr) >= 0);
  REQUIRE(set->Compile());
  return set;
}

}  // namespace

// The rule prefilter looks for pieces of its atoms in words with AsciiLiterals: it must find
// what a case-insensitive RE2 set of the same literals finds.
TEST_CASE("ASCII literal search finds what a case-insensitive RE2 set finds", "[rules]") {
  const std::vector<std::string> literals = {"the ", "he", "moved on from", "a-b", "k9", "abc", "bca", "c", "don't"};
  const std::unique_ptr<RE2::Set> set = literal_set(literals);
  const AsciiLiterals ascii(literals);

  const std::string alphabet = "theHEmovdnfrAB-K9bcC' s\xC3";
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int k = static_cast<int>(rng() % 30); k > 0; --k) text += alphabet[rng() % alphabet.size()];
    if (round % 7 == 0) text += "Moved On From";
    std::vector<int> expected, found;
    set->Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    ascii.find(text, found);
    INFO(text);
    CHECK(found == expected);
  }
}

TEST_CASE("ASCII literal search takes lower-case ASCII literals only", "[rules]") {
  CHECK_THROWS_AS(AsciiLiterals(std::vector<std::string>{"caf\xC3\xA9"}), std::invalid_argument);
  CHECK_THROWS_AS(AsciiLiterals(std::vector<std::string>{"The"}), std::invalid_argument);
  CHECK_THROWS_AS(AsciiLiterals(std::vector<std::string>{"a", ""}), std::invalid_argument);
  std::vector<int> found;
  AsciiLiterals(std::vector<std::string>{}).find("anything", found);
  CHECK(found.empty());
}

// The rule prefilter reads runs of ASCII letters and digits from words folded by ICU, which
// folds U+017F and U+212A to "s" and "k": this is the list of characters outside ASCII that RE2,
// ignoring case, matches to an ASCII character, taken from RE2 over every code point. Another
// one would be a letter of an atom's match that the words' runs do not have (atom_pieces.hpp).
TEST_CASE("only the long s and the Kelvin sign fold to ASCII in RE2", "[rules]") {
  std::string all;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (cp < 0x800) {
      all += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      all += static_cast<char>(0xE0 | (cp >> 12));
      all += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
      all += static_cast<char>(0xF0 | (cp >> 18));
      all += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      all += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    all += static_cast<char>(0x80 | (cp & 0x3F));
  }
  const RE2 ascii("(?i)([\\x01-\\x7f])");
  REQUIRE(ascii.ok());
  re2::StringPiece rest(all);
  std::string match;
  std::vector<std::string> folding;
  while (RE2::FindAndConsume(&rest, ascii, &match)) folding.push_back(match);
  CHECK(folding == std::vector<std::string>{"\xC5\xBF", "\xE2\x84\xAA"});
}

namespace {

// Requires that the prefilter reports every atom RE2 finds in `line`; returns how many atoms
// RE2 found and how many the prefilter reported.
std::pair<std::size_t, std::size_t> require_every_atom(const RE2::Set& set, const AtomPieces& pieces,
                                                       const std::string& line) {
  std::vector<int> expected;
  set.Match(line, &expected);
  std::sort(expected.begin(), expected.end());
  const std::vector<int> found = atoms_in_text(pieces, line);
  INFO(line);
  REQUIRE(std::includes(found.begin(), found.end(), expected.begin(), expected.end()));
  return {expected.size(), found.size()};
}

}  // namespace

// The prefilter decides from a line's words which atoms it may hold: it must report every atom
// RE2 finds in the line (a rule it left out would miss a match), whatever the case, the
// separators, the letters outside ASCII that fold to ASCII ones (the Kelvin sign, the long s,
// ß to "ss") and typographic apostrophes, which are separators in an atom.
TEST_CASE("atom pieces report every atom a line holds", "[rules]") {
  const std::vector<std::string> literals = {"the ", "moved on from", "ing", "kelvin", "don't", "isn\xE2\x80\x99t",
                                             "a-b", " of ", "stra\xC3\x9F" "e", "% ", "k9 ", "the quantity of ",
                                             "ss", "'s", "9 \xE2\x80\x93 ", "caf\xC3\xA9 "};
  const std::unique_ptr<RE2::Set> set = literal_set(literals);
  const AtomPieces pieces(literals);
  const std::vector<std::string> parts = {"the", "The", " ", "  ", "moved", "reMoved", "on", "On", "from", "fromage",
                                          "sing", "ING", "\xE2\x84\xAA" "elvin", "kel", "vin", "don", "'", "\xE2\x80\x99",
                                          "t", "isn", "a", "-", "b", "of", "OF", "stra", "\xC3\x9F", "e", "%", "k9",
                                          "K9", "quantity", "s", "S", "\xC5\xBF", "9", "\xE2\x80\x93", "caf",
                                          "\xC3\xA9", "\xC3\x89", ",", ".", "\n"};
  std::mt19937 rng(5);
  for (int round = 0; round < 20000; ++round) {
    std::string line;
    for (int n = static_cast<int>(rng() % 14); n > 0; --n) line += parts[rng() % parts.size()];
    if (line.find('\n') != std::string::npos) continue;  // atoms are looked for line by line
    require_every_atom(*set, pieces, line);
  }
}

// It is a filter, not a pass: an atom whose words are not in the line as the atom has them is
// not reported.
TEST_CASE("atom pieces leave out atoms whose words are not there", "[rules]") {
  const AtomPieces pieces(std::vector<std::string>{"moved on from", "the quantity of ", "ing"});
  CHECK(atoms_in_text(pieces, "He removed it on the way from Rome.") == std::vector<int>{0});
  CHECK(atoms_in_text(pieces, "He removed it online, from Rome.").empty());
  CHECK(atoms_in_text(pieces, "The quantity theory of money.") == std::vector<int>{1});
  CHECK(atoms_in_text(pieces, "A quantity of them.").empty());  // "the" is a whole word there
  CHECK(atoms_in_text(pieces, "Singers.") == std::vector<int>{2});
  CHECK(atoms_in_text(pieces, "Sings in Ingolstadt").size() == 1);
}

// The same on real atoms and real text: the shipped rules' atoms, over every line of the
// project's samples (spun, original and restored).
// (RuleFilter gives FilteredRE2 only the rules its words do not place, rule_words.hpp: the
// atoms of all the rules are the larger test.)
TEST_CASE("atom pieces report every atom of the shipped rules in the corpus", "[rules]") {
  re2::FilteredRE2 filter(4);
  RE2::Options o;
  o.set_case_sensitive(false);
  int id = 0;
  for (const despin::Entry& e : despin::Dictionary::builtin().entries())
    if (e.is_rule) REQUIRE(filter.Add(e.spun, o, &id) == RE2::NoError);
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  REQUIRE(atoms.size() > 1000);
  const std::unique_ptr<RE2::Set> set = literal_set(atoms);
  const AtomPieces pieces(atoms);
  std::size_t lines = 0, reported = 0, held = 0;
  for (const auto& file : std::filesystem::recursive_directory_iterator(DESPIN_CORPUS_DIR)) {
    if (!file.path().string().ends_with(".txt")) continue;
    std::istringstream text(slurp(file.path()));
    for (std::string line; std::getline(text, line);) {
      const auto [in_line, reported_in_line] = require_every_atom(*set, pieces, line);
      ++lines, held += in_line, reported += reported_in_line;
    }
  }
  CHECK(lines > 300);
  // A filter that reported everything would pass the check above: it must stay close to exact.
  CHECK(reported < 2 * held);
}

// Where each rule runs: a rule that cannot match a line feed over the lines holding its atoms,
// one that can over the paragraphs whose lines hold them together (never the whole text: a
// few such rules scanning every byte cost as much as all the others).
TEST_CASE("rule candidates are lines, or paragraphs for rules that can span lines", "[rules]") {
  RuleFilter filter;
  std::string error;
  const int local = filter.add("quick (\\w+) fox", &error);
  const int spanning = filter.add("lazy\\s+hound", &error);
  REQUIRE(local == 0);
  REQUIRE(spanning == 1);
  filter.compile();
  const std::string text = "A quick red fox.\nThe lazy\nhound and a quick fox\n\nNo lazy cat.\n\nA hound.\n\nLazy\nold hounds";
  const std::vector<RuleFilter::Candidate> found = candidates_of(filter, text);
  using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
  auto at = [&](std::string_view s) { return text.find(s); };
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == local);
  CHECK(found[0].ranges == Ranges{{0, at("\nThe")}, {at("hound and"), at("\n\nNo")}});
  CHECK(found[1].rule == spanning);
  // The first paragraph holds "lazy" and "hound" on different lines; "No lazy cat." and "A
  // hound." are paragraphs apart; the last paragraph holds "Lazy" and "hounds" (the atom
  // "hound" starts a word there).
  CHECK(found[1].ranges == Ranges{{0, at("\n\nNo")}, {at("Lazy"), text.size()}});
}

// candidates() keeps its buffers and marks in the thread from document to document: what one
// document found must neither hide nor add candidates in the next.
TEST_CASE("rule candidates of a document do not depend on the documents before it", "[rules]") {
  RuleFilter filter;
  std::string error;
  REQUIRE(filter.add("quick (\\w+) fox", &error) == 0);
  REQUIRE(filter.add("lazy\\s+hound", &error) == 1);
  REQUIRE(filter.add("\\bpossessed by (\\w+)", &error) == 2);
  filter.compile();
  const std::vector<std::string> documents = {
      "A quick red fox.\nThe lazy\nhound.", "Nothing here.", "The lazy hound, possessed by rage.",
      "A quick red fox.\nThe lazy\nhound.", "quick fox", "possessed by none\n\nlazy\n\nhound", ""};
  using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
  auto summary = [](const std::vector<RuleFilter::Candidate>& found) {
    std::vector<std::pair<int, Ranges>> out;
    for (const RuleFilter::Candidate& c : found) out.emplace_back(c.rule, c.ranges);
    return out;
  };
  // Each document alone (the filter's first document in a fresh filter), then all in a row.
  std::vector<std::vector<std::pair<int, Ranges>>> alone;
  for (const std::string& d : documents) {
    RuleFilter fresh;
    REQUIRE(fresh.add("quick (\\w+) fox", &error) == 0);
    REQUIRE(fresh.add("lazy\\s+hound", &error) == 1);
    REQUIRE(fresh.add("\\bpossessed by (\\w+)", &error) == 2);
    fresh.compile();
    alone.push_back(summary(candidates_of(fresh, d)));
  }
  for (int round = 0; round < 2; ++round)
    for (std::size_t k = 0; k < documents.size(); ++k) {
      INFO(documents[k]);
      CHECK(summary(candidates_of(filter, documents[k])) == alone[k]);
    }
  CHECK(alone[0].size() == 2);
  CHECK(alone[1].empty());
  CHECK(alone[2].size() == 2);
}
