// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "despin/dictionary.hpp"

using despin::Dictionary;

TEST_CASE("entries, attributes and directives are parsed", "[dictionary]") {
  auto d = Dictionary::parse(
      "# a comment\n"
      "@domain film\n"
      "@confidence 0.8\n"
      "on the off chance that => if   # trailing comment\n"
      "\n"
      "take a gander at => look at ; verb ; conf 0.95 ; example \"She took a gander at it.\" => \"She looked at it.\"\n"
      "assault => attack ; ambiguous\n"
      "/dependent on (\\d+) surveys/ => based on \\1 reviews\n"
      "x = y => z\n",
      "test.dict");
  REQUIRE(d.ok());
  const auto& e = d.value().entries();
  REQUIRE(e.size() == 5);
  CHECK(e[0].spun == "on the off chance that");
  CHECK(e[0].original == "if");
  CHECK(e[0].domain == "film");
  CHECK(e[0].confidence == Approx(0.8));
  CHECK(e[0].source == "test.dict:4");
  CHECK(e[1].verb);
  CHECK(e[1].confidence == Approx(0.95));
  CHECK(e[2].ambiguous);
  CHECK(e[3].is_rule);
  CHECK(e[3].spun == "dependent on (\\d+) surveys");
  CHECK(e[3].original == "based on \\1 reviews");
  CHECK(e[4].spun == "x = y");
  CHECK(e[4].original == "z");
  REQUIRE(d.value().examples().size() == 1);
  CHECK(d.value().examples()[0].input == "She took a gander at it.");
  CHECK(d.value().examples()[0].output == "She looked at it.");
  CHECK(d.value().examples()[0].source == "test.dict:6");
}

TEST_CASE("x = y with a lone '=' is a phrase character", "[dictionary]") {
  auto d = Dictionary::parse("a = b => c\n", "t.dict");
  REQUIRE(d.ok());
  CHECK(d.value().entries().at(0).spun == "a = b");
}

TEST_CASE("the domain defaults to the file's stem", "[dictionary]") {
  auto d = Dictionary::parse("pundits => critics\n", "dir/film-music.dict");
  REQUIRE(d.ok());
  CHECK(d.value().entries().at(0).domain == "film-music");
}

TEST_CASE("CRLF line ends and a byte order mark are accepted", "[dictionary]") {
  auto d = Dictionary::parse("\xEF\xBB\xBFpundits => critics\r\nspine chiller => thriller\r\n", "t.dict");
  REQUIRE(d.ok());
  REQUIRE(d.value().entries().size() == 2);
  CHECK(d.value().entries()[0].spun == "pundits");
  CHECK(d.value().entries()[1].original == "thriller");
}

TEST_CASE("invalid UTF-8 rejects a dictionary, term list or swap list, located", "[dictionary]") {
  // Found by fuzz_dictionary: a term list with an invalid byte was accepted, and its compiled
  // engine (which checks strings as UTF-8) did not load back. A dictionary is UTF-8 text.
  auto terms = Dictionary::parse("random for\xff\xff" "est\nneural network\n", "t.terms");
  REQUIRE_FALSE(terms.ok());
  CHECK(terms.error().messages == std::vector<std::string>{
                                      "t.terms:1:11: invalid UTF-8 (a dictionary must be UTF-8 text)",
                                      "t.terms:1:12: invalid UTF-8 (a dictionary must be UTF-8 text)"});
  auto swaps = Dictionary::parse("woodland => forest\nirr\xc3" "egular => random\n", "s.swaps");
  REQUIRE_FALSE(swaps.ok());
  CHECK(swaps.error().what() == "s.swaps:2:4: invalid UTF-8 (a dictionary must be UTF-8 text)");
  auto dict = Dictionary::parse("caf\xc3\xa9 => coffee\nbad \xed\xa0\x80 surrogate => x\n", "d.dict");
  REQUIRE_FALSE(dict.ok());
  CHECK(dict.error().what().rfind("d.dict:2:5: invalid UTF-8", 0) == 0);
  // Valid UTF-8 of every length is accepted.
  CHECK(Dictionary::parse("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 => coffee\n", "ok.dict").ok());
  // Many invalid bytes: 20 located errors and a notice, as for syntax errors.
  auto binary = Dictionary::parse(std::string(100, '\xff'), "b.dict");
  REQUIRE_FALSE(binary.ok());
  CHECK(binary.error().messages.size() == 21);
  CHECK(binary.error().messages.back() == "b.dict: too many errors; stopped reporting");
}

TEST_CASE("a malformed file is rejected whole with every error located", "[dictionary]") {
  auto d = Dictionary::parse(
      "good => fine\n"
      "no arrow here\n"
      "x => \n"
      "y => z ; conf 1.5\n"
      "w => v ; verbose\n"
      "@domain\n"
      "/unclosed (/ => q\n"
      "=> nothing\n",
      "bad.dict");
  REQUIRE_FALSE(d.ok());
  const auto& m = d.error().messages;
  REQUIRE(m.size() == 7);
  CHECK(m[0] == "bad.dict:2:14: expected '=>'");
  CHECK(m[1] == "bad.dict:3:5: expected the original phrase after '=>'");
  CHECK(m[2] == "bad.dict:4:15: confidence must be in (0, 1]");
  CHECK(m[3].rfind("bad.dict:5:9: expected an attribute", 0) == 0);
  CHECK(m[4] == "bad.dict:6:8: expected a domain name");
  CHECK(m[5].rfind("bad.dict:7:2: invalid regular expression", 0) == 0);
  CHECK(m[6] == "bad.dict:8:1: expected 'SPUN => ORIGINAL', an '@' directive or a '#' comment");
}

TEST_CASE("a swap list takes a word or a short phrase for one word, and reports the rest", "[dictionary]") {
  auto ok = Dictionary::parse("woodland => forest\npores and skin => skin\nman-made => artificial\n", "ok.swaps");
  REQUIRE(ok.ok());
  REQUIRE(ok.value().word_swaps().size() == 3);
  CHECK(ok.value().word_swaps()[1].spun == "pores and skin");
  CHECK(ok.value().word_swaps()[1].original == "skin");
  auto bad = Dictionary::parse(
      "woodland forest\n"
      "woodland => random forest\n"
      "one two three four five six => x\n"
      "double  space => x\n"
      "forest => Forest\n",
      "bad.swaps");
  REQUIRE_FALSE(bad.ok());
  const auto& m = bad.error().messages;
  REQUIRE(m.size() == 5);
  CHECK(m[0] == "bad.swaps:1:1: expected 'SPUN => ORIGINAL'");
  CHECK(m[1] == "bad.swaps:2:12: a swap list pairs a word or a phrase of up to 5 words with one word: 'SPUN => ORIGINAL'");
  CHECK(m[2] == "bad.swaps:3:1: a swap list pairs a word or a phrase of up to 5 words with one word: 'SPUN => ORIGINAL'");
  CHECK(m[3] == "bad.swaps:4:1: a swap list pairs a word or a phrase of up to 5 words with one word: 'SPUN => ORIGINAL'");
  CHECK(m[4] == "bad.swaps:5:1: the original is the same as the spun word");
}

// fuzz_dictionary finding: the number parser reads "nan" and "inf", and NaN passed a range
// check written as "outside (0, 1]", so a NaN confidence reached the engine and the spin score.
TEST_CASE("a confidence that is NaN, infinite or out of range is rejected", "[dictionary][nan]") {
  for (const char* conf : {"NaN", "nan", "-nan", "inf", "-inf", "infinity", "0", "-0", "1.0000001"}) {
    INFO(conf);
    const auto entry = despin::Dictionary::parse(std::string("a => b ; conf ") + conf + "\n", "c.dict");
    REQUIRE_FALSE(entry.ok());
    CHECK(entry.error().messages.at(0) == "c.dict:1:15: confidence must be in (0, 1]");
    const auto directive = despin::Dictionary::parse(std::string("@confidence ") + conf + "\na => b\n", "d.dict");
    REQUIRE_FALSE(directive.ok());
    CHECK(directive.error().messages.at(0) == "d.dict:1:1: confidence must be in (0, 1]");
  }
  const auto fine = despin::Dictionary::parse("@confidence 1\na => b ; conf 1e-3\n", "e.dict");
  REQUIRE(fine.ok());
  CHECK(fine.value().entries().at(0).confidence == 0.001);
}

TEST_CASE("error reports are capped", "[dictionary]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "broken line\n";
  auto d = Dictionary::parse(text, "many.dict");
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().messages.size() == 21);
  CHECK(d.error().messages.back() == "many.dict: too many errors; stopped reporting");
}

TEST_CASE("an unterminated example quote is an error, not a crash", "[dictionary]") {
  auto d = Dictionary::parse("a => b ; example \"open => \"x\"\n", "q.dict");
  CHECK_FALSE(d.ok());
}

TEST_CASE("load_file names the file it cannot read", "[dictionary]") {
  auto d = Dictionary::load_file("/nonexistent/x.dict");
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().what().rfind("/nonexistent/x.dict: cannot open", 0) == 0);
  auto dir = Dictionary::load_file("/");
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.error().what() == "/: is a directory, not a dictionary file");
}

TEST_CASE("append keeps order so later dictionaries override", "[dictionary]") {
  auto a = Dictionary::parse("x => a\n", "a.dict");
  auto b = Dictionary::parse("x => b\n", "b.dict");
  REQUIRE((a.ok() && b.ok()));
  Dictionary all = a.value();
  all.append(b.value());
  REQUIRE(all.entries().size() == 2);
  CHECK(all.entries()[1].original == "b");
}

TEST_CASE("an entry that restores nothing is rejected", "[dictionary]") {
  auto d = Dictionary::parse("pundits => critics\nSolid  => solid\n", "t.dict");
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().messages.at(0) == "t.dict:2:1: the original is the same as the spun phrase");
}

TEST_CASE("contradicting and repeated entries in one file are located", "[dictionary]") {
  auto d = Dictionary::parse(
      "pundits => critics\n"
      "spine chiller => thriller\n"
      "Pundits => experts\n"
      "spine  chiller => thriller\n",
      "t.dict");
  REQUIRE_FALSE(d.ok());
  REQUIRE(d.error().messages.size() == 2);
  CHECK(d.error().messages[0] == "t.dict:3:1: 'Pundits' contradicts line 1 ('critics'); mark both ambiguous or keep one");
  CHECK(d.error().messages[1] == "t.dict:4:1: 'spine  chiller' is already defined on line 2");
}

TEST_CASE("two ambiguous readings of one phrase are allowed, the later wins", "[dictionary]") {
  auto d = Dictionary::parse("assault => attack ; ambiguous\nassault => rape ; ambiguous\n", "t.dict");
  REQUIRE(d.ok());
  CHECK(d.value().entries().size() == 2);
}
