// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <thread>

#include "despin/despin.hpp"

using namespace despin;

namespace {

const char* const kTestDictionary = R"(
on the off chance that => if
be that as it may , => however,
be that as it may => however
take a gander at => look at ; verb
kick the bucket => die ; verb
tip top => elite
spine chiller => thriller
pundits => critics
reality debut => world premiere
surveys => reviews ; ambiguous ; conf 0.6
discharge => release ; verb ; ambiguous
/dependent on (\d+) surveys/ => based on \1 reviews ; conf 0.8
surrender => give up ; verb
organization => company ; ambiguous
)";

Engine make_engine(Options options = {}) {
  auto dict = Dictionary::parse(kTestDictionary, "test.dict");
  REQUIRE(dict.ok());
  auto engine = Engine::create({dict.value()}, options);
  REQUIRE(engine.ok());
  return engine.value();
}

// Every edit's `original` is the input it replaces, edits are sorted and disjoint, and applying
// them gives the output.
void check_edits_reproduce(std::string_view input, const Result& r) {
  std::size_t last_end = 0;
  for (const Edit& e : r.edits) {
    CHECK(e.offset >= last_end);
    CHECK(input.substr(e.offset, e.length) == e.original);
    last_end = e.offset + e.length;
  }
  CHECK(apply_edits(input, r.edits) == r.text);
}

std::string rewrite(std::string_view s) {
  static const Engine engine = make_engine();
  Result r = engine.rewrite(s);
  check_edits_reproduce(s, r);
  return r.text;
}

}  // namespace

TEST_CASE("apply_edits sizes its output from the edits, and survives edits that overlap", "[engine]") {
  // Longer and shorter replacements: the output is exactly what they make.
  const std::vector<Edit> grow{Edit{0, 1, "a", "if it is so", "t", EditKind::kPhrase, 1.0},
                               Edit{2, 3, "bcd", "", "t", EditKind::kPhrase, 1.0}};
  CHECK(apply_edits("a bcd e", grow) == "if it is so  e");
  // Overlapping edits break the contract (sorted, disjoint): the output is unspecified, but the
  // size worked out from them (more removed than the input holds) must not be taken as is.
  const std::vector<Edit> overlapping{Edit{0, 3, "abc", "x", "t", EditKind::kPhrase, 1.0},
                                      Edit{0, 3, "abc", "y", "t", EditKind::kPhrase, 1.0}};
  CHECK_NOTHROW(apply_edits("abc", overlapping));
}

TEST_CASE("spinner idioms are restored", "[engine]") {
  CHECK(rewrite("He said on the off chance that it rains.") == "He said if it rains.");
  CHECK(rewrite("A spine chiller by pundits.") == "A thriller by critics.");
}

TEST_CASE("case shape is restored", "[engine]") {
  CHECK(rewrite("Be that as it may, it rained.") == "However, it rained.");
  CHECK(rewrite("On the off chance that it rains") == "If it rains");
  // Capitalised throughout, a phrase may be a title: it needs evidence (two restorations here).
  CHECK(rewrite("Pundits saw the spine chiller. THE REALITY DEBUT") == "Critics saw the thriller. THE WORLD PREMIERE");
  CHECK(rewrite("Pundits saw the spine chiller. The Reality Debut") == "Critics saw the thriller. The World Premiere");
  CHECK(rewrite("The song \"On The Off Chance That\" was a hit.") == "The song \"On The Off Chance That\" was a hit.");
}

TEST_CASE("verb phrases cover their inflections", "[engine]") {
  CHECK(rewrite("She took a gander at it.") == "She looked at it.");
  CHECK(rewrite("She is taking a gander at it.") == "She is looking at it.");
  CHECK(rewrite("She takes a gander at it.") == "She looks at it.");
  CHECK(rewrite("She has taken a gander at it.") == "She has looked at it.");
  CHECK(rewrite("He kicked the bucket in 1990.") == "He died in 1990.");
  CHECK(rewrite("He was kicking the bucket.") == "He was dying.");
}

TEST_CASE("the article before a restored phrase agrees with it", "[engine]") {
  CHECK(rewrite("They hired a tip top team.") == "They hired an elite team.");
  CHECK(rewrite("A tip top team.") == "An elite team.");
}

TEST_CASE("matching is leftmost-longest", "[engine]") {
  // "be that as it may ," (with the comma) is longer than "be that as it may".
  auto engine = make_engine();
  Result r = engine.rewrite("Be that as it may, no.");
  REQUIRE(r.edits.size() == 1);
  CHECK(r.edits[0].original == "Be that as it may,");
  CHECK(r.edits[0].rule == "test.dict:3");
  CHECK(r.text == "However, no.");
}

TEST_CASE("phrases match across one line break but not across paragraphs", "[engine]") {
  CHECK(rewrite("a spine\nchiller") == "a thriller");
  CHECK(rewrite("a spine\n\nchiller") == "a spine\n\nchiller");
}

TEST_CASE("matches respect token boundaries", "[engine]") {
  CHECK(rewrite("spine chillers and backbone") == "spine chillers and backbone");
  CHECK(rewrite("punditsx") == "punditsx");
}

TEST_CASE("ambiguous entries need evidence of spin in the paragraph", "[engine]") {
  CHECK(rewrite("The surveys were discharged.") == "The surveys were discharged.");
  CHECK(rewrite("The pundits wrote surveys of the spine chiller, which was discharged.") ==
        "The critics wrote reviews of the thriller, which was released.");
  // Evidence in one paragraph does not license another.
  CHECK(rewrite("Pundits liked the spine chiller.\n\nThe surveys were discharged.") ==
        "Critics liked the thriller.\n\nThe surveys were discharged.");
}

TEST_CASE("a document with three restorations, one per 100 words, is spun throughout", "[engine]") {
  // Three unambiguous restorations in the first paragraph license the second, which has none.
  CHECK(rewrite("Pundits liked the spine chiller. Pundits said so.\n\nThe surveys were discharged.") ==
        "Critics liked the thriller. Critics said so.\n\nThe reviews were released.");
  // Three in a document of more than 300 words are fewer than one per 100: only the
  // paragraph with them is licensed.
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "The band played on and on. ";
  filler.pop_back();
  const std::string spun = "Pundits liked the spine chiller. Pundits said so.\n\n" + filler + "\n\nThe surveys were discharged.";
  CHECK(rewrite(spun) == "Critics liked the thriller. Critics said so.\n\n" + filler + "\n\nThe surveys were discharged.");
}

TEST_CASE("ambiguous_min_evidence 0 takes the text as spun throughout", "[engine]") {
  Options options;
  options.ambiguous_min_evidence = 0;
  const Engine engine = make_engine(options);
  const std::string input = "The surveys were discharged.";
  const Result r = engine.rewrite(input);
  CHECK(r.text == "The reviews were released.");
  check_edits_reproduce(input, r);
  // Both restorations are reported, as ambiguous ones (half weight in the spin score).
  REQUIRE(r.edits.size() == 2);
  CHECK(r.spin_score > 0);
  CHECK(r.withheld == 0);
  // Without the option both wait for evidence, and the result says so.
  const Result waiting = make_engine().rewrite(input);
  CHECK(waiting.text == input);
  CHECK(waiting.withheld == 2);
  // Every place an ambiguous entry waits at counts once.
  CHECK(make_engine().rewrite("The surveys were discharged by the organization.").withheld == 3);
}

TEST_CASE("a past participle is restored as one after have or be", "[engine]") {
  CHECK(rewrite("They surrendered.") == "They gave up.");
  CHECK(rewrite("They had surrendered.") == "They had given up.");
  CHECK(rewrite("They had not yet surrendered.") == "They had not yet given up.");
  CHECK(rewrite("They've surrendered.") == "They've given up.");
  CHECK(rewrite("The city was quickly surrendered.") == "The city was quickly given up.");
  CHECK(rewrite("Having surrendered, they left.") == "Having given up, they left.");
  CHECK(rewrite("Soldiers surrendered their arms.") == "Soldiers gave up their arms.");
}

TEST_CASE("ambiguous words capitalised inside a sentence are taken for names", "[engine]") {
  // Evidence (two unambiguous restorations) licenses ambiguous entries in each paragraph.
  CHECK(rewrite("Pundits saw the spine chiller. The organization grew.") ==
        "Critics saw the thriller. The company grew.");
  CHECK(rewrite("Pundits saw the spine chiller. Organization grew.") ==
        "Critics saw the thriller. Company grew.");
  CHECK(rewrite("Pundits saw the spine chiller at the World Health Organization.") ==
        "Critics saw the thriller at the World Health Organization.");
  CHECK(rewrite("Pundits saw the spine chiller \"Surveys\".") == "Critics saw the thriller \"Reviews\".");
  // At a sentence's start, a word the document writes capitalised inside a sentence elsewhere
  // is that name too; a lower-case one is still restored.
  CHECK(rewrite("Pundits saw the spine chiller with Jo Organization. Organization grew.") ==
        "Critics saw the thriller with Jo Organization. Organization grew.");
  CHECK(rewrite("Pundits saw the spine chiller with Jo Organization. The organization grew.") ==
        "Critics saw the thriller with Jo Organization. The company grew.");
}

TEST_CASE("regular-expression rules with captures", "[engine]") {
  auto engine = make_engine();
  Result r = engine.rewrite("It was dependent on 85 surveys.");
  CHECK(r.text == "It was based on 85 reviews.");
  REQUIRE(r.edits.size() == 1);
  CHECK(r.edits[0].kind == EditKind::kRule);
  CHECK(r.edits[0].rule == "test.dict:13");
  CHECK(r.edits[0].confidence == Approx(0.8));
  CHECK(rewrite("xdependent on 85 surveys") == "xdependent on 85 surveys");
}

TEST_CASE("rules run line by line only where no match can span lines", "[engine]") {
  // The first rule cannot match a line feed (it runs only on lines holding its words); the
  // second and fifth can (\s), so they match across a line break but, like phrases, not
  // across a blank line; the third has no literal to look for, the fourth is case-sensitive.
  auto parsed = Dictionary::parse("/quick (\\w+) fox/ => slow \\1 dog\n/lazy\\s+dog/ => idle hound\n"
                                  "/(\\d)x(\\d)/ => \\1 by \\2\n/(?-i)Big Apple/ => New York\n"
                                  "/sluggish\\s+(\\d+)/ => slow \\1\n",
                                  "r.dict");
  REQUIRE(parsed.ok());
  auto engine = Engine::create({parsed.value()});
  REQUIRE(engine.ok());
  const std::string in = "A quick red fox.\nThe lazy\ndog and QUICK brown fox\n\nsat 2x4 in the big apple, Big Apple";
  const Result r = engine.value().rewrite(in);
  check_edits_reproduce(in, r);
  CHECK(r.text == "A slow red dog.\nThe idle hound and slow brown dog\n\nsat 2 by 4 in the big apple, New York");
  // "sluggish" is on one line and "42" (no atom) on the next: the rule runs over the paragraph.
  CHECK(engine.value().rewrite("It was sluggish\n42 times.\n").text == "It was slow 42 times.\n");
  CHECK(engine.value().rewrite("The lazy\n\ndog slept. So sluggish\n\n42 times.\n").text ==
        "The lazy\n\ndog slept. So sluggish\n\n42 times.\n");
}

// The rules' prefilter reads text outside ASCII itself: a rule whose literal has letters with
// two cases (Sofía), a caseless character (’, £) or an ASCII letter that RE2 also matches with a
// character outside ASCII (the long s, the Kelvin sign) must still run on every line it can match.
TEST_CASE("rules with literals outside ASCII match in any case", "[engine]") {
  auto parsed = Dictionary::parse("/monarch sof\xC3\xAD" "a/ => Queen Sof\xC3\xAD" "a\n"
                                  "/alzheimer\xE2\x80\x99s illness/ => Alzheimer\xE2\x80\x99s disease\n"
                                  "/esteemed at \xC2\xA3/ => valued at \xC2\xA3\n/kelvin scale/ => Kelvin scale\n"
                                  "/spun text/ => original text\n",
                                  "u.dict");
  REQUIRE(parsed.ok());
  despin::Options options;
  options.clean = despin::CleanOptions::none();  // NFC would fold the Kelvin sign before the rules
  auto engine = Engine::create({parsed.value()}, options);
  REQUIRE(engine.ok());
  const std::string in =
      "MONARCH SOF\xC3\x8D" "A spoke.\nHe had ALZHEIMER\xE2\x80\x99S illness.\nIt was esteemed at \xC2\xA3" "5m.\n"
      "A \xE2\x84\xAA" "elvin scale.\nSome \xC5\xBFpun text, caf\xC3\xA9.";
  const Result r = engine.value().rewrite(in);
  check_edits_reproduce(in, r);
  // An upper-case spun phrase comes back upper case (agreement), accented letter included.
  CHECK(r.text == "QUEEN SOF\xC3\x8D" "A spoke.\nHe had Alzheimer\xE2\x80\x99s disease.\nIt was valued at \xC2\xA3" "5m.\n"
                  "A Kelvin scale.\nSome original text, caf\xC3\xA9.");
  CHECK(r.edits.size() == 5);
}

TEST_CASE("edits report offsets, rule and kind", "[engine]") {
  auto engine = make_engine();
  const std::string input = "Pundits: a spine chiller.";
  Result r = engine.rewrite(input);
  REQUIRE(r.edits.size() == 2);
  CHECK(r.edits[0].offset == 0);
  CHECK(r.edits[0].length == 7);
  CHECK(r.edits[0].replacement == "Critics");
  CHECK(r.edits[0].kind == EditKind::kPhrase);
  CHECK(r.edits[0].rule == "test.dict:9");
  CHECK(r.edits[1].offset == 11);
  CHECK(r.edits[1].original == "spine chiller");
  CHECK(r.words == 4);
  CHECK(r.spin_score > kSpinThreshold);
}

TEST_CASE("clean text passes through unchanged and scores zero", "[engine]") {
  const std::string clean = "The film premiered at the festival and received mixed reviews from critics.";
  auto engine = make_engine();
  Result r = engine.rewrite(clean);
  CHECK(r.text == clean);
  CHECK(r.edits.empty());
  CHECK(r.spin_score == 0.0);
}

TEST_CASE("edge inputs: empty, CRLF, BOM, NUL, invalid UTF-8", "[engine]") {
  CHECK(rewrite("") == "");
  CHECK(rewrite("Be that as it may\r\npundits\r\n") == "However\r\ncritics\r\n");
  CHECK(rewrite("\xEF\xBB\xBF" "Be that as it may") == "\xEF\xBB\xBF" "However");
  const std::string nul("pundits\0pundits", 15);
  CHECK(rewrite(nul) == std::string("critics\0critics", 15));

  auto engine = make_engine();
  const std::string bad = "pundits \xFF\xFE and \xE2\x80 spine chiller";
  Result r = engine.rewrite(bad);
  CHECK(r.invalid_utf8 == 3);
  CHECK(r.text == "critics \xEF\xBF\xBD\xEF\xBF\xBD and \xEF\xBF\xBD thriller");
  check_edits_reproduce(bad, r);
}

TEST_CASE("a long single line is handled", "[engine]") {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "the pundits liked it ";
  big.back() = '.';  // no trailing space for cleanup to trim
  auto engine = make_engine();
  Result r = engine.rewrite(big);
  CHECK(r.edits.size() == 20000);
  CHECK(r.text.size() == big.size());
}

TEST_CASE("options switch agreement off", "[engine]") {
  Options o;
  o.restore_case = false;
  o.fix_articles = false;
  auto engine = make_engine(o);
  CHECK(engine.rewrite("Be that as it may").text == "however");
  CHECK(engine.rewrite("a tip top team").text == "a elite team");
}

TEST_CASE("rewrite is safe to call from many threads", "[engine]") {
  auto engine = make_engine();
  const std::string input = "Be that as it may, the pundits took a gander at a tip top spine chiller.";
  const std::string expected = engine.rewrite(input).text;
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < outputs.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) outputs[t] = engine.rewrite(input).text;
    });
  for (auto& th : threads) th.join();
  for (const auto& out : outputs) CHECK(out == expected);
}

TEST_CASE("a bad rule is an error value naming its line", "[engine]") {
  Dictionary d;
  auto parsed = Dictionary::parse("/(a)/ => \\2\n", "r.dict");
  REQUIRE(parsed.ok());
  auto engine = Engine::create({parsed.value()});
  REQUIRE_FALSE(engine.ok());
  CHECK(engine.error().what().rfind("r.dict:1: invalid replacement", 0) == 0);
}

TEST_CASE("an ambiguous phrase read differently by two domains takes the document's domain", "[engine]") {
  auto film = Dictionary::parse("@domain film\nspine chiller => thriller\nreality debut => world premiere\n"
                                "coordinate => direct ; verb ; ambiguous\n", "film.dict");
  auto sports = Dictionary::parse("@domain sports\nfinal coordinate => final match\nhalf time => half-time\n"
                                  "scored an objective => scored a goal\ncoordinate => match ; ambiguous\n", "sports.dict");
  REQUIRE(film.ok());
  REQUIRE(sports.ok());
  auto engine = Engine::create({film.value(), sports.value()});
  REQUIRE(engine.ok());
  // Film evidence: "coordinated" is "directed" although sports.dict came later.
  CHECK(engine.value().rewrite("The spine chiller had a reality debut. Costa coordinated it.").text ==
        "The thriller had a world premiere. Costa directed it.");
  // Sports evidence: "coordinate" is "match".
  CHECK(engine.value().rewrite("He scored an objective in the final coordinate. The coordinate ended.").text ==
        "He scored a goal in the final match. The match ended.");
}

TEST_CASE("heading entries apply only to a whole heading line or contents entry", "[engine]") {
  auto dict = Dictionary::parse(
      "Generation => Production ; heading ; ambiguous\n"
      "gathering => group ; ambiguous\n"
      "Gathering => Reception ; heading ; ambiguous\n"
      "pundits => critics\nspine chiller => thriller\nreality debut => world premiere\n",
      "h.dict");
  REQUIRE(dict.ok());
  auto engine = Engine::create({dict.value()});
  REQUIRE(engine.ok());
  const std::string spun = "Pundits saw the spine chiller and its reality debut.\n";
  CHECK(engine.value().rewrite(spun + "3. Generation\n4. Gathering\nGathering:\n").text ==
        "Critics saw the thriller and its world premiere.\n3. Production\n4. Reception\nReception:\n");
  // In running text the heading reading does not apply; the prose reading does.
  CHECK(engine.value().rewrite(spun + "A new generation came to the gathering.\n").text ==
        "Critics saw the thriller and its world premiere.\nA new generation came to the group.\n");
  // WikiText headings are genuine.
  CHECK(engine.value().rewrite(spun + "= = Generation = =\n").text ==
        "Critics saw the thriller and its world premiere.\n= = Generation = =\n");
}

TEST_CASE("sentence scores locate the spun sentences", "[engine]") {
  auto dict = Dictionary::parse("be that as it may => however\npundits => critics\n", "s.dict");
  REQUIRE(dict.ok());
  Options options;
  options.sentence_scores = true;
  auto engine = Engine::create({dict.value()}, options);
  REQUIRE(engine.ok());
  const std::string input = "A clean sentence here. Be that as it may, the pundits agree. Another clean one.";
  const Result r = engine.value().rewrite(input);
  REQUIRE(r.sentences.size() == 3);
  CHECK(input.substr(r.sentences[1].offset, r.sentences[1].length) == "Be that as it may, the pundits agree. ");
  CHECK(r.sentences[0].spin_score == 0.0);
  CHECK(r.sentences[1].spin_score > kSpinThreshold);
  CHECK(r.sentences[2].spin_score == 0.0);
  CHECK(r.sentences[1].words == 8);
  // Off by default: no cost, no field.
  auto plain = Engine::create({dict.value()});
  REQUIRE(plain.ok());
  CHECK(plain.value().rewrite(input).sentences.empty());
}

TEST_CASE("a noun entry covers its possessive", "[engine]") {
  auto dict = Dictionary::parse("mom => mother ; ambiguous\nspine chiller => thriller\nreality debut => world premiere\n",
                                "possessive.dict");
  REQUIRE(dict.ok());
  auto engine = Engine::create({dict.value()});
  REQUIRE(engine.ok());
  CHECK(engine.value().rewrite("The spine chiller's reality debut was in May.").text ==
        "The thriller's world premiere was in May.");
  CHECK(engine.value().rewrite("The spine chiller\xE2\x80\x99s reality debut and her mom\xE2\x80\x99s praise.").text ==
        "The thriller\xE2\x80\x99s world premiere and her mother\xE2\x80\x99s praise.");
  // No evidence: the ambiguous entry's possessive stays ambiguous.
  CHECK(engine.value().rewrite("Her mom's car.").text == "Her mom's car.");
}
