// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Term composition: word swaps learned from entries, accepted only when they form a known term.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "common_words.hpp"
#include "compose.hpp"
#include "document_words.hpp"
#include "tokenizer.hpp"
#include "despin/despin.hpp"
#include "thread_memo.hpp"

using namespace despin;

namespace {

Engine composing_engine() {
  // Swaps are learned from aligned entries; terms come from originals and the term list.
  auto dict = Dictionary::parse(
      "irregular variable => random variable\n"
      "woodland fire => forest fire\n"
      "neural organization => neural network\n"
      "information mining => data mining\n"
      "pundits => critics\n"
      "spine chiller => thriller\n",
      "compose.dict");
  REQUIRE(dict.ok());
  auto terms = Dictionary::parse("random forest\nsocial network\nlibrary science\n", "test.terms");
  REQUIRE(terms.ok());
  auto engine = Engine::create({dict.value(), terms.value()});
  REQUIRE(engine.ok());
  return engine.value();
}

// Two unambiguous restorations in the paragraph give the evidence composition needs.
constexpr const char* kEvidence = "Pundits liked the spine chiller. ";

// An engine of small dictionary files given as {name, text}; the name's extension says the
// kind (.dict, .terms, .swaps).
Engine engine_of(std::initializer_list<std::pair<const char*, const char*>> files) {
  std::vector<Dictionary> dictionaries;
  for (const auto& [name, text] : files) {
    auto d = Dictionary::parse(text, name);
    REQUIRE(d.ok());
    dictionaries.push_back(d.value());
  }
  auto engine = Engine::create(dictionaries);
  REQUIRE(engine.ok());
  return engine.value();
}

// For tests of the composer itself: one dictionary entry learned, and the term list given
// learned before finish().
void learn_entry(detail::TermComposer& composer, const char* spun, const char* original) {
  Entry e;
  e.spun = spun;
  e.original = original;
  e.source = "test.dict:1";
  composer.learn_entry(e, detail::phrase_keys(spun), detail::phrase_keys(original));
}
void finish_with_terms(detail::TermComposer& composer, const char* terms) {
  auto list = Dictionary::parse(terms, "test.terms");
  REQUIRE(list.ok());
  composer.learn_lists(list.value());
  composer.finish();
}
// The index of the token starting at `byte`.
std::size_t token_at(const std::vector<detail::Token>& tokens, std::size_t byte) {
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].begin() == byte) return i;
  FAIL("no token at " << byte);
  return tokens.size();
}

}  // namespace

TEST_CASE("a term nobody listed is composed from learned word swaps", "[compose]") {
  const Engine engine = composing_engine();
  Result r = engine.rewrite(std::string(kEvidence) + "We trained an irregular woodland.");
  CHECK(r.text == "Critics liked the thriller. We trained a random forest.");
  bool composed = false;
  for (const Edit& e : r.edits)
    if (e.kind == EditKind::kCompose) {
      composed = true;
      CHECK(e.original == "irregular woodland");
      CHECK(e.rule == "compose:test.terms:1");
    }
  CHECK(composed);
}

// Edit::rule is a view: of the engine's strings, or for a composed term of a name the rewrite
// made up. The Result keeps both alive, after the engine is gone and in a copy of the Result
// (under AddressSanitizer, a dangling view fails here).
TEST_CASE("edits' rule names outlive the engine and the Result's original", "[compose]") {
  std::optional<Result> copy;
  {
    std::optional<Result> r;
    {
      const Engine engine = composing_engine();
      r = engine.rewrite(std::string(kEvidence) + "We trained an irregular woodland.");
    }
    copy = *r;
  }
  std::vector<std::string> rules;
  for (const Edit& e : copy->edits) rules.emplace_back(e.rule);
  CHECK(rules == std::vector<std::string>{"compose.dict:5", "compose.dict:6", "agree:a-an", "compose:test.terms:1"});
}

TEST_CASE("composition keeps the plural and the case", "[compose]") {
  const Engine engine = composing_engine();
  CHECK(engine.rewrite(std::string(kEvidence) + "Irregular woodlands work.").text ==
        "Critics liked the thriller. Random forests work.");
  CHECK(engine.rewrite(std::string(kEvidence) + "Social organizations grow.").text ==
        "Critics liked the thriller. Social networks grow.");
}

TEST_CASE("composition needs evidence and a known term", "[compose]") {
  const Engine engine = composing_engine();
  // No evidence: clean text keeps its words.
  CHECK(engine.rewrite("We trained an irregular woodland.").text == "We trained an irregular woodland.");
  // Evidence, but "irregular organization" maps to no known term.
  CHECK(engine.rewrite(std::string(kEvidence) + "An irregular organization.").text ==
        "Critics liked the thriller. An irregular organization.");
}

TEST_CASE("an entry that also changes a function word teaches no word swap", "[compose]") {
  // "half a month" -> "a few weeks" rewords the phrase ("a" -> "few"): however often such
  // entries say it, month is no spinner's swap for weeks. "a large market" -> "a big market"
  // twice over, with "large" -> "big" each time, teaches large -> big; so do entries whose only
  // other change is the article that follows the next word's sound.
  const Engine engine = engine_of({{"a.dict",
                                    "pundits => critics\nspine chiller => thriller\n"
                                    "half a month prior => a few weeks ago\n"
                                    "half a month back => a few weeks ago\n"
                                    "half a month => a few weeks ; ambiguous\n"
                                    "an enormous cat market => a huge dog market\n"
                                    "an enormous fish oven => a huge meat oven\n"},
                                   {"a.terms", "recent weeks\nhuge ship\n"}});
  CHECK(engine.rewrite(std::string(kEvidence) + "The recent month was calm.").text ==
        "Critics liked the thriller. The recent month was calm.");
  CHECK(engine.rewrite(std::string(kEvidence) + "The enormous ship sailed.").text ==
        "Critics liked the thriller. The huge ship sailed.");
}

TEST_CASE("term lists are parsed and checked", "[compose][dictionary]") {
  auto ok = Dictionary::parse("# comment\nrandom forest\n\n  Fourier transform  # trailing\n", "x.terms");
  REQUIRE(ok.ok());
  REQUIRE(ok.value().terms().size() == 2);
  CHECK(ok.value().terms()[1].text == "Fourier transform");
  CHECK(ok.value().terms()[1].source == "x.terms:4");
  auto bad = Dictionary::parse("random forest\nforest\nRandom  forest\na => b\n", "x.terms");
  REQUIRE_FALSE(bad.ok());
  REQUIRE(bad.error().messages.size() == 3);
  CHECK(bad.error().messages[0] == "x.terms:2:1: a term needs at least two words");
  CHECK(bad.error().messages[1] == "x.terms:3:1: 'Random  forest' is already listed on line 1");
  CHECK(bad.error().messages[2] == "x.terms:4:3: a term list holds one term a line, without '=>' or ';'");
}

TEST_CASE("a lone word takes the reading the document gave it in a phrase", "[compose]") {
  auto dict = Dictionary::parse(
      "neural organization => neural network\n"
      "organization => company ; ambiguous\n"
      "highlight extraction => feature extraction\n"
      "film industry numbers => box office numbers\n"
      "pundits => critics\n"
      "spine chiller => thriller\n",
      "doc.dict");
  REQUIRE(dict.ok());
  auto engine = Engine::create({dict.value()});
  REQUIRE(engine.ok());
  const std::string evidence = "Pundits liked the spine chiller. ";
  // A dictionary reading is kept: the general entry says company.
  Result r = engine.value().rewrite(evidence + "A neural organization learns. The organization has highlights.");
  CHECK(r.text == "Critics liked the thriller. A neural network learns. The company has highlights.");
  r = engine.value().rewrite(evidence + "We used highlight extraction. Highlights matter.");
  CHECK(r.text == "Critics liked the thriller. We used feature extraction. Features matter.");
  // An idiom that changes several words teaches nothing: "film" stays "film".
  r = engine.value().rewrite(evidence + "The film industry numbers were good. The film was long.");
  CHECK(r.text == "Critics liked the thriller. The box office numbers were good. The film was long.");
  // Without evidence nothing lone changes.
  CHECK(engine.value().rewrite("The organization grew.").text == "The organization grew.");
}

TEST_CASE("a lone word of everyday English keeps its reading whatever the term lists say", "[compose]") {
  // "covered" and "work" are everyday words: a lone one is as likely genuine, so the phrase's
  // reading stays in the phrase. "highlight" is rarer: the document's reading spreads, and a
  // term list that happens to hold it ("career highlight") does not change that.
  const Engine engine = engine_of({
      {"doc.dict", "pundits => critics\nspine chiller => thriller\n"
                   "covered layer => hidden layer\nmisfortune work => loss function\n"
                   "highlight extraction => feature extraction\n"},
      {"general.terms", "career highlight\nhighlight reel\nwork permit\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "A covered layer helps. The roof was covered.").text ==
        "Critics liked the thriller. A hidden layer helps. The roof was covered.");
  CHECK(engine.rewrite(evidence + "The misfortune work is smooth. Our work is done.").text ==
        "Critics liked the thriller. The loss function is smooth. Our work is done.");
  CHECK(engine.rewrite(evidence + "We used highlight extraction. Highlights matter.").text ==
        "Critics liked the thriller. We used feature extraction. Features matter.");
  CHECK(detail::is_common_word("work"));
  CHECK(detail::is_common_word("covered"));
  CHECK_FALSE(detail::is_common_word("highlight"));
  CHECK_FALSE(detail::is_common_word("Work"));  // keys are folded: the list is lower case
}

TEST_CASE("British spelling finds American terms and swaps", "[compose]") {
  CHECK(detail::american_spelling("optimisation") == "optimization");
  CHECK(detail::american_spelling("acknowledgement") == "acknowledgment");
  CHECK(detail::american_spelling("tumour") == "tumor");
  CHECK(detail::american_spelling("haemoglobin") == "hemoglobin");
  CHECK(detail::american_spelling("network") == "network");
  auto dict = Dictionary::parse("image acknowledgment => image recognition\npundits => critics\nspine chiller => thriller\n", "b.dict");
  auto terms = Dictionary::parse("face recognition\n", "b.terms");
  REQUIRE(dict.ok());
  REQUIRE(terms.ok());
  auto engine = Engine::create({dict.value(), terms.value()});
  REQUIRE(engine.ok());
  CHECK(engine.value().rewrite("Pundits saw the spine chiller. Face acknowledgement works.").text ==
        "Critics saw the thriller. Face recognition works.");
}

TEST_CASE("a capitalised word may stay in a composed term but is never swapped", "[compose]") {
  auto dict = Dictionary::parse("separation distance => distance\npundits => critics\nspine chiller => thriller\n"
                                "water separation => water distance\nworld history => earth history\n", "n.dict");
  auto terms = Dictionary::parse("Euclidean distance\nearth science\n", "n.terms");
  REQUIRE(dict.ok());
  REQUIRE(terms.ok());
  auto engine = Engine::create({dict.value(), terms.value()});
  REQUIRE(engine.ok());
  CHECK(engine.value().rewrite("Pundits saw the spine chiller. We use the Euclidean separation here.").text ==
        "Critics saw the thriller. We use the Euclidean distance here.");
  CHECK(engine.value().rewrite("Pundits saw the spine chiller. The World science fair.").text ==
        "Critics saw the thriller. The World science fair.");
}

TEST_CASE("a spun phrase may stand for one word of a term", "[compose]") {
  // "wooded area" is the spinner's phrase for "forest"; "distinguishing proof" for
  // "identification" is listed and unambiguous, and the composed term keeps that reading.
  const Engine engine = engine_of({
      {"phrase.dict", "irregular variable => random variable\n"
       "wooded area => forest ; ambiguous\n"
       "distinguishing proof => identification\n"
       "illness control => disease control\n"
       "pundits => critics\n"
       "spine chiller => thriller\n"},
      {"test.terms", "random forest\ndisease identification\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "We trained an irregular wooded area.").text ==
        "Critics liked the thriller. We trained a random forest.");
  CHECK(engine.rewrite(evidence + "Irregular wooded areas work.").text ==
        "Critics liked the thriller. Random forests work.");
  Result r = engine.rewrite(evidence + "We study illness distinguishing proof.");
  CHECK(r.text == "Critics liked the thriller. We study disease identification.");
  REQUIRE(r.edits.size() == 3);
  CHECK(r.edits[2].kind == EditKind::kCompose);
  CHECK(r.edits[2].original == "illness distinguishing proof");
  // Without a term to form, the listed phrase alone is restored.
  CHECK(engine.rewrite(evidence + "We study distinguishing proof.").text ==
        "Critics liked the thriller. We study identification.");
}

TEST_CASE("a swapped last word that is itself a term word yields to a shorter term", "[compose]") {
  // "system" is a word of known terms: "profound learning system" is a spun "deep learning"
  // followed by a genuine "system", not a spun "deep learning network".
  const Engine engine = engine_of({
      {"weak.dict", "profound variable => deep variable\n"
       "neural system => neural network\n"
       "pundits => critics\n"
       "spine chiller => thriller\n"},
      {"test.terms", "deep learning\ndeep learning network\nsystem theory\nconvolutional neural network\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "We built a profound learning system.").text ==
        "Critics liked the thriller. We built a deep learning system.");
  // With no shorter rival the weak reading stands.
  Result r = engine.rewrite(evidence + "A convolutional neural system learns.");
  CHECK(r.text == "Critics liked the thriller. A convolutional neural network learns.");
  CHECK(r.edits.back().kind == EditKind::kCompose);
}

TEST_CASE("words that as written begin a longer known term are left alone", "[compose]") {
  const Engine engine = engine_of({
      {"written.dict", "programming language => software language\n"  // teaches the swap programming -> software
       "PC programming => computer software\n"
       "pundits => critics\n"
       "spine chiller => thriller\n"},
      {"test.terms", "application software\napplication programming interface\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "Call the application programming interface.").text ==
        "Critics liked the thriller. Call the application programming interface.");
  CHECK(engine.rewrite(evidence + "Call the application programming interfaces.").text ==
        "Critics liked the thriller. Call the application programming interfaces.");
  // Without the longer term following, the swap applies.
  CHECK(engine.rewrite(evidence + "Buy the application programming now.").text ==
        "Critics liked the thriller. Buy the application software now.");
}

TEST_CASE("two terms equally reachable are a guess: nothing is composed", "[compose]") {
  const Engine engine = engine_of({
      {"tie.dict", "pundits => critics\n"
       "spine chiller => thriller\n"},
      {"tie.swaps", "cleansing => purification\ncleansing => filtration\nventure => project\n"},
      {"tie.terms", "water purification\nwater filtration\nwater project\nclean water project\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "She worked on water cleansing.").text ==
        "Critics liked the thriller. She worked on water cleansing.");
  // One reachable term: composed.
  CHECK(engine.rewrite(evidence + "She worked on water ventures.").text ==
        "Critics liked the thriller. She worked on water projects.");
}

TEST_CASE("between two terms, the clearly likelier swaps win", "[compose]") {
  // sickness -> disease: a swap-list line and two aligned entries (3); sickness -> condition:
  // one line (1). ailment -> disease and ailment -> complaint: one line each, and "disease"
  // and "complaint" are each in two terms: a tie.
  const Engine engine = engine_of({
      {"support.dict", "pundits => critics\n"
       "spine chiller => thriller\n"
       "sickness control => disease control\n"
       "sickness burden => disease burden\n"},
      {"support.swaps", "sickness => disease\nsickness => condition\nailment => disease\nailment => complaint\n"},
      {"support.terms", "skin disease\nskin condition\nheart disease\nheart complaint\nbowel complaint\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "Patients with skin sickness were seen.").text ==
        "Critics liked the thriller. Patients with skin disease were seen.");
  CHECK(engine.rewrite(evidence + "Patients with heart ailment were seen.").text ==
        "Critics liked the thriller. Patients with heart ailment were seen.");
}

TEST_CASE("a term reached as listed and through its singular is one reading, not a tie", "[compose]") {
  const Engine engine = engine_of({
      {"plural.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"plural.swaps", "intermittent => recurrent\n"},
      {"plural.terms", "recurrent neural network\nrecurrent neural networks\n"}});
  CHECK(engine.rewrite(std::string(kEvidence) + "We used intermittent neural networks.").text ==
        "Critics liked the thriller. We used recurrent neural networks.");
}

TEST_CASE("a composed plural of a word in -sis takes -ses", "[compose]") {
  CHECK(detail::pluralize_last_word("spectral analysis") == "spectral analyses");
  CHECK(detail::pluralize_last_word("neural network") == "neural networks");
  CHECK(detail::pluralize_last_word("digital library") == "digital libraries");
}

TEST_CASE("hyphenated words in swap lists are walked as phrases", "[compose]") {
  const Engine engine = engine_of({
      {"hyphen.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"hyphen.swaps", "man-made => artificial\nfar-flung => remote\nsplit => multi-class\n"},
      {"hyphen.terms", "artificial intelligence\nremote sensing\nmulti-class problem\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "They use man-made intelligence and far-flung sensing.").text ==
        "Critics liked the thriller. They use artificial intelligence and remote sensing.");
  CHECK(engine.rewrite(evidence + "A split problem.").text == "Critics liked the thriller. A multi-class problem.");
}

TEST_CASE("a composition never starts inside a multi-word name", "[compose]") {
  const Engine engine = engine_of({
      {"name.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"name.swaps", "producing => generation\n"},
      {"name.terms", "block generation\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "It was written by Ann Lee, with Bill Block producing.").text ==
        "Critics liked the thriller. It was written by Ann Lee, with Bill Block producing.");
  CHECK(engine.rewrite(evidence + "The chain needs block producing.").text ==
        "Critics liked the thriller. The chain needs block generation.");
}

TEST_CASE("a Title Case run is a name unless two of its words rebuild a term", "[compose]") {
  const Engine engine = composing_engine();
  const std::string evidence = kEvidence;
  // A spun heading or a capitalised term: both words are swaps of one known term's words.
  CHECK(engine.rewrite(evidence + "We trained an Irregular Woodland.").text ==
        "Critics liked the thriller. We trained a Random Forest.");
  // One swapped word in a capitalised run is a name's word, as before.
  CHECK(engine.rewrite(evidence + "We walked in Irregular Forest.").text ==
        "Critics liked the thriller. We walked in Irregular Forest.");
  // A lower-case word in the run: the capital is a name's, not a heading's.
  CHECK(engine.rewrite(evidence + "We met Irregular woodland.").text ==
        "Critics liked the thriller. We met Irregular woodland.");
}

TEST_CASE("a term is found across a hyphen the spinner lost or made, in the writer's hyphenation", "[compose]") {
  const Engine engine = engine_of({
      {"hyphens.dict", "pundits => critics\nspine chiller => thriller\nwhole planet => world ; ambiguous\n"},
      {"hyphens.swaps", "genuine => real\nmark => label\ncontraption => device\npay => income\nplanet => world\n"},
      {"hyphens.terms", "real-world data\nopen label trial\non-device learning\nlow-income countries\n"
                        "low income countries\n"}});
  const std::string evidence = kEvidence;
  // The term's hyphen, lost: found, and written without it, as the document writes the words.
  CHECK(engine.rewrite(evidence + "We used genuine world data.").text ==
        "Critics liked the thriller. We used real world data.");
  // The same with the word after the lost hyphen swapped, or both words: what follows the
  // hyphen in the term is looked for among the second word's readings too.
  CHECK(engine.rewrite(evidence + "We used real planet data.").text ==
        "Critics liked the thriller. We used real world data.");
  CHECK(engine.rewrite(evidence + "We used genuine planet data.").text ==
        "Critics liked the thriller. We used real world data.");
  // Or a spun phrase standing for it.
  CHECK(engine.rewrite(evidence + "We used genuine whole planet data.").text ==
        "Critics liked the thriller. We used real world data.");
  // A hyphen the term does not have: found, and kept where the document has it.
  CHECK(engine.rewrite(evidence + "An open-mark trial ran.").text ==
        "Critics liked the thriller. An open-label trial ran.");
  // The same term listed with and without the hyphen is one reading, not a tie.
  CHECK(engine.rewrite(evidence + "Aid to low pay countries.").text ==
        "Critics liked the thriller. Aid to low income countries.");
  // A hyphen alone is no restoration.
  CHECK(engine.rewrite(evidence + "We used real world data.").text ==
        "Critics liked the thriller. We used real world data.");
  // Nor is a function word joined across a missing hyphen: "on-device" is not "on" + "device".
  CHECK(engine.rewrite(evidence + "They focused on contraption learning.").text ==
        "Critics liked the thriller. They focused on contraption learning.");
}

TEST_CASE("hyphenate_as_written rewrites only the marked places", "[compose]") {
  CHECK(detail::hyphenate_as_written("real-world data", 0b10, 0) == "real world data");
  CHECK(detail::hyphenate_as_written("open label trial", 0, 0b1) == "open-label trial");
  CHECK(detail::hyphenate_as_written("state-of-the-art model", 0b1010, 0) == "state of the-art model");
  CHECK(detail::hyphenate_as_written("a b", 0, 0b10) == "a b");  // no word after the last key
}

// The composer and the rule prefilter remember, per thread, what they worked out about each
// word (compose.hpp, atom_pieces.hpp). Engines used in turn on one thread must each still see
// only their own knowledge: one knows irregular -> random, the other arbitrary -> random; one
// has a rule on "the quantity of", the other on "at long last" (each on a line of its own, so
// that the prefilter must find the atoms in the right line).
TEST_CASE("engines used in turn on one thread keep to their own knowledge", "[compose]") {
  const char* evidence = "pundits => critics\nspine chiller => thriller\nwoodland fire => forest fire\n";
  const Engine a = engine_of({{"a.dict", evidence},
                              {"a2.dict",
                               "irregular variable => random variable\n"
                               "/\\bthe quantity of (\\w+)/ => the number of \\1\n"},
                              {"a.terms", "random forest\n"}});
  const Engine b = engine_of({{"b.dict", evidence},
                              {"b2.dict",
                               "arbitrary variable => random variable\n"
                               "/\\bat long last (\\w+)/ => finally \\1\n"},
                              {"b.terms", "random forest\n"}});
  const std::string text = std::string(kEvidence) +
                           "We trained an irregular woodland and an arbitrary woodland.\n"
                           "The quantity of trees grew.\nAt long last trees won.";
  const std::string from_a = "Critics liked the thriller. We trained a random forest and an arbitrary woodland.\n"
                             "The number of trees grew.\nAt long last trees won.";
  const std::string from_b = "Critics liked the thriller. We trained an irregular woodland and a random forest.\n"
                             "The quantity of trees grew.\nFinally trees won.";
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    CHECK(a.rewrite(text).text == from_a);
    CHECK(b.rewrite(text).text == from_b);
  }
}

// The threads' word records start again when a document would take them past their bound
// (word_records.hpp): the memos filled before must not be read under the new numbers, where
// the same number now stands for another word.
TEST_CASE("the per-word memos survive the word records starting again", "[compose]") {
  const Engine e = engine_of({{"e.dict",
                               "pundits => critics\nspine chiller => thriller\nwoodland fire => forest fire\n"
                               "/\\bthe quantity of (\\w+)/ => the number of \\1\n"},
                              {"e.terms", "random forest\n"},
                              {"e.swaps", "irregular => random\nwoodland => forest\n"}});
  const std::string text = std::string(kEvidence) + "We trained an irregular woodland.\nThe quantity of trees grew.";
  const std::string expected = "Critics liked the thriller. We trained a random forest.\nThe number of trees grew.";
  REQUIRE(e.rewrite(text).text == expected);
  // More distinct words than the records hold: the next document numbers its words afresh.
  std::string many;
  for (std::size_t i = 0; i < despin::detail::kMemoWords + 1000; ++i) many += "w" + std::to_string(i) + " ";
  CHECK(e.rewrite(many).words == despin::detail::kMemoWords + 1000);
  // Numbered afresh again; then the text's words take numbers that stood for others before.
  CHECK(e.rewrite("Some other words.").edits.empty());
  CHECK(e.rewrite(text).text == expected);
  CHECK(e.rewrite(text).text == expected);
}

TEST_CASE("a swap list's phrase for one word rebuilds a term, and only a term", "[compose]") {
  const Engine engine = engine_of({
      {"phrase.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"phrase.swaps", "pores and skin => skin\nthe board => management\nmalignancy => cancer\n"},
      {"phrase.terms", "skin cancer\nproject management\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "We treat pores and skin malignancy here.").text ==
        "Critics liked the thriller. We treat skin cancer here.");
  CHECK(engine.rewrite(evidence + "Good project the board helps.").text ==
        "Critics liked the thriller. Good project management helps.");
  // Outside a known term the phrase is the writer's.
  CHECK(engine.rewrite(evidence + "They cleaned the pores and skin before the board met.").text ==
        "Critics liked the thriller. They cleaned the pores and skin before the board met.");
}

TEST_CASE("an acronym says which term a spun run was", "[compose][acronym]") {
  const Engine engine = engine_of({
      {"acronym.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"acronym.swaps", "partial => principal\ncapacity => function\nmastering => learning\nrepetitive => recurrent\nsign => signal\n"},
      {"acronym.terms", "principal component analysis\nintrinsic mode function\nmachine learning\n"
                        "gated recurrent unit\ndeep belief network\ndeep boltzmann network\nsignal to noise ratio\n"}});
  const std::string evidence = kEvidence;
  // Title Case is a name's to composition; the acronym vouches for the term.
  CHECK(engine.rewrite(evidence + "We ran Partial Component Analysis (PCA) first.").text ==
        "Critics liked the thriller. We ran Principal Component Analysis (PCA) first.");
  Result r = engine.rewrite(evidence + "We ran Machine Mastering (ML) first.");
  CHECK(r.text == "Critics liked the thriller. We ran Machine Learning (ML) first.");
  REQUIRE(!r.edits.empty());
  CHECK(r.edits.back().rule == "acronym:acronym.terms:3");
  CHECK(r.edits.back().kind == EditKind::kCompose);
  // In a term of three words one word may be neither written nor a known swap: its letter is
  // the acronym's. A plural run gives a plural term.
  CHECK(engine.rewrite(evidence + "The inherent mode capacities (IMF) were summed.").text ==
        "Critics liked the thriller. The intrinsic mode functions (IMF) were summed.");
  CHECK(engine.rewrite(evidence + "We stacked gated repetitive organizations (GRU) here.").text ==
        "Critics liked the thriller. We stacked gated recurrent units (GRU) here.");
  // Function words are not letters of the acronym.
  CHECK(engine.rewrite(evidence + "The sign to noise proportion (SNR) rose.").text ==
        "Critics liked the thriller. The signal to noise ratio (SNR) rose.");
}

TEST_CASE("an acronym changes nothing the writer may have meant", "[compose][acronym]") {
  const Engine engine = engine_of({
      {"acronym.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"acronym.swaps", "partial => principal\ncommunication => belief\n"},
      {"acronym.terms", "principal component analysis\npartial component analysis\ndeep belief network\n"
                        "dynamic bayesian network\nrandom forest\n"}});
  const std::string evidence = kEvidence;
  // The words as written are a known term with those initials.
  CHECK(engine.rewrite(evidence + "We ran Partial Component Analysis (PCA) first.").text ==
        "Critics liked the thriller. We ran Partial Component Analysis (PCA) first.");
  // Two of three words neither written nor swapped: not a spun term of this one.
  CHECK(engine.rewrite(evidence + "A Dense Bias Network (DBN) won.").text ==
        "Critics liked the thriller. A Dense Bias Network (DBN) won.");
  // A two-word term allows no free word.
  CHECK(engine.rewrite(evidence + "A rough forest (RF) grew.").text == "Critics liked the thriller. A rough forest (RF) grew.");
  // No evidence of spin: no composition at all.
  CHECK(engine.rewrite("We used deep communication network (DBN) models.").text ==
        "We used deep communication network (DBN) models.");
  CHECK(engine.rewrite(evidence + "We used deep communication network (DBN) models.").text ==
        "Critics liked the thriller. We used deep belief network (DBN) models.");
}

TEST_CASE("two terms that fit an acronym as well leave the run alone", "[compose][acronym]") {
  const Engine engine = engine_of({
      {"acronym.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"acronym.swaps", "sign => signal\nsign => sound\n"},
      {"acronym.terms", "signal processing\nsound processing\n"}});
  CHECK(engine.rewrite(std::string(kEvidence) + "Fast sign processing (SP) helps.").text ==
        "Critics liked the thriller. Fast sign processing (SP) helps.");
}

TEST_CASE("a composed term may cover a rule's restoration that it keeps", "[compose]") {
  const std::string evidence = kEvidence;
  const Engine keeps = engine_of({
      {"rule.dict", "pundits => critics\nspine chiller => thriller\n/\\bskin malignancy\\b/ => skin cancer\n"},
      {"rule.swaps", "pores and skin => skin\nmalignancy => cancer\n"},
      {"rule.terms", "skin cancer\n"}});
  // The rule alone restores "skin malignancy"; the term covers the paraphrased "pores and skin".
  CHECK(keeps.rewrite(evidence + "We studied pores and skin malignancy daily.").text ==
        "Critics liked the thriller. We studied skin cancer daily.");
  // A term that would change the rule's reading does not replace it.
  const Engine rival = engine_of({
      {"rule.dict", "pundits => critics\nspine chiller => thriller\n/\\bskin malignancy\\b/ => skin cancer\n"},
      {"rule.swaps", "pores and skin => skin\nmalignancy => disease\n"},
      {"rule.terms", "skin disease\n"}});
  CHECK(rival.rewrite(evidence + "We studied pores and skin malignancy daily.").text ==
        "Critics liked the thriller. We studied pores and skin cancer daily.");
}

TEST_CASE("no term is composed from the verb after a subject pronoun or a modal", "[compose]") {
  const Engine engine = engine_of({
      {"verb.dict", "pundits => critics\nspine chiller => thriller\n"},
      {"verb.swaps", "examine => scan\nmethodology => strategy\n"},
      {"verb.terms", "scan strategy\n"}});
  const std::string evidence = kEvidence;
  CHECK(engine.rewrite(evidence + "In this study, we examine methodology in detail.").text ==
        "Critics liked the thriller. In this study, we examine methodology in detail.");
  CHECK(engine.rewrite(evidence + "Readers should examine methodology first.").text ==
        "Critics liked the thriller. Readers should examine methodology first.");
  // The same words as a noun phrase are still a spun term.
  CHECK(engine.rewrite(evidence + "The new examine methodology helps.").text ==
        "Critics liked the thriller. The new scan strategy helps.");
}

// A spun phrase for words of no known term can compose nothing: finish() drops it, so that
// prepare() finds no span of it in a document (a large dictionary's "on the off chance that"
// -> "if" was met at every "on"), while one for a term's word stays.
TEST_CASE("phrase swaps for words of no term are dropped and those for a term's words kept", "[compose]") {
  detail::TermComposer composer;
  learn_entry(composer, "irregular variable", "random variable");  // a swap, and a term
  learn_entry(composer, "wooded area", "forest");  // stands for a word of "random forest"
  learn_entry(composer, "on the off chance that", "if");  // "if" is a word of no term
  finish_with_terms(composer, "random forest\n");
  const std::string text = "on the off chance that an irregular wooded area grows";
  const std::vector<detail::Token> tokens = detail::tokenize(text);
  const detail::DocumentWords words = detail::fold_words(text, tokens);
  const detail::TermComposer::Words readings = composer.prepare(words);
  REQUIRE(readings.spans.size() == 1);
  const std::size_t wooded = token_at(tokens, text.find("wooded"));
  CHECK(readings.span_first[wooded] == 0);
  CHECK(readings.span_first[wooded + 1] == 1);
  CHECK(readings.spans[0].end == wooded + 2);
  const auto found = composer.find(readings, tokens, wooded - 1);
  REQUIRE(found);
  CHECK(found->text == "random forest");
  CHECK(found->last == wooded + 2);
}

// may_start() is asked at every token before anything else: it must let through every start
// that find() can restore (a hyphen after the word included), and it stops a word followed by
// a word of no term without a lookup.
TEST_CASE("may_start lets every composable start through and stops a word of no term after", "[compose]") {
  detail::TermComposer composer;
  learn_entry(composer, "irregular variable", "random variable");
  learn_entry(composer, "woodland fire", "forest fire");
  // A hyphenated term, so that "-" is a term word and a hyphen may join a term's words.
  finish_with_terms(composer, "random forest\nreal-time system\n");
  const std::string text = "an irregular woodland, an irregular mood, an irregular-woodland";
  const std::vector<detail::Token> tokens = detail::tokenize(text);
  const detail::DocumentWords words = detail::fold_words(text, tokens);
  const detail::TermComposer::Words readings = composer.prepare(words);
  const std::size_t spun = token_at(tokens, text.find("irregular woodland"));
  const std::size_t moody = token_at(tokens, text.find("irregular mood"));
  const std::size_t hyphened = token_at(tokens, text.find("irregular-woodland"));
  CHECK(composer.may_start(readings, tokens, spun));
  REQUIRE(composer.find(readings, tokens, spun));
  CHECK(composer.find(readings, tokens, spun)->text == "random forest");
  CHECK_FALSE(composer.may_start(readings, tokens, moody));  // "mood" is a word of no term
  CHECK_FALSE(composer.may_start(readings, tokens, 0));      // "an" begins no term
  CHECK(composer.may_start(readings, tokens, hyphened));     // a hyphen next: the walk decides
  REQUIRE(composer.find(readings, tokens, hyphened));
  CHECK(composer.find(readings, tokens, hyphened)->text == "random-forest");
  // Every token: where may_start() says no, find() finds nothing.
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (!composer.may_start(readings, tokens, i)) CHECK_FALSE(composer.find(readings, tokens, i));
}
