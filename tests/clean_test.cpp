// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The cleanup stage against its case table (tests/data/clean_cases.jsonl: mojibake, entities,
// spaces, NFC, page debris, and text that looks odd but is right and must stay byte for byte),
// and through the engine: cleanup edits are reported over the input, and switching cleanup off
// gives the input back.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <nlohmann/json.hpp>

#include "clean.hpp"
#include "utf8.hpp"
#include "despin/despin.hpp"

using namespace despin;

TEST_CASE("cleanup case table", "[clean]") {
  std::ifstream in(DESPIN_TEST_DATA_DIR "/clean_cases.jsonl");
  REQUIRE(in);
  std::size_t cases = 0, negatives = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto c = nlohmann::json::parse(line);
    const std::string input = c.at("input"), expected = c.at("expected");
    INFO(c.at("name").get<std::string>() << ": " << c.at("why").get<std::string>());
    const detail::Cleaned out = detail::clean(input, CleanOptions{});
    CHECK(out.of(input) == expected);
    CHECK(apply_edits(input, out.edits) == out.of(input));
    // An unchanged input is not copied.
    if (out.edits.empty()) CHECK(out.text.empty());
    std::size_t last_end = 0;  // edits are sorted and disjoint (apply_edits alone would not tell)
    for (const Edit& e : out.edits) {
      CHECK(e.offset >= last_end);
      last_end = e.offset + e.length;
      CHECK(e.kind == EditKind::kClean);
      CHECK(e.rule.rfind("clean:", 0) == 0);
    }
    if (input == expected) {
      CHECK(out.edits.empty());
      ++negatives;
    }
    ++cases;
  }
  CHECK(cases >= 50);
  CHECK(negatives >= 20);
}

TEST_CASE("cleanup edits and rewrite edits are reported together over the input", "[clean]") {
  auto dict = Dictionary::parse("reality debut => world premiere\npundits => critics\n", "t.dict");
  REQUIRE(dict.ok());
  auto engine = Engine::create({dict.value()});
  REQUIRE(engine.ok());
  // An NBSP inside the spun phrase, mojibake and an entity around it.
  const std::string input = "Pundits\xE2\x80\x99 reality\xC2\xA0" "debut &amp; more \xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s  \n";
  const Result r = engine.value().rewrite(input);
  CHECK(r.text == "Critics\xE2\x80\x99 world premiere & more \xE2\x80\x99s\n");
  CHECK(apply_edits(input, r.edits) == r.text);
  std::size_t last_end = 0;
  for (const Edit& e : r.edits) {
    CHECK(e.offset >= last_end);
    CHECK(input.substr(e.offset, e.length) == e.original);
    last_end = e.offset + e.length;
  }
}

TEST_CASE("with cleanup and dictionaries off, output is the input", "[clean]") {
  Options options;
  options.clean = CleanOptions::none();
  auto engine = Engine::create({}, options);
  REQUIRE(engine.ok());
  for (const std::string input : {std::string("a\xC2\xA0" "b &amp; c\n\n\n\nd  \n"), std::string("\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2"),
                                  std::string("Title\nText.\nTitle\n")}) {
    const Result r = engine.value().rewrite(input);
    CHECK(r.text == input);
    CHECK(r.edits.empty());
  }
}

TEST_CASE("property: no cleanup and no dictionary change nothing but invalid bytes", "[clean]") {
  Options off;
  off.clean = CleanOptions::none();
  auto bare = Engine::create({}, off);
  auto cleaning = Engine::create({});
  REQUIRE(bare.ok());
  REQUIRE(cleaning.ok());
  std::mt19937 rng(7);
  // Pieces that stress each step: odd spaces, entities, mojibake, combining marks, CR LF,
  // blank-line runs, invalid and truncated UTF-8, NUL.
  const std::vector<std::string> pieces = {
      "a", " ", "\n", "\r\n", "\n\n\n", "\xC2\xA0", "&amp;", "&#8217;", "&", ";", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2",
      "\xC3\x83\xC2\xA9", "e\xCC\x81", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xFF", "\xC3", "\xE2\x82", std::string(1, '\0'),
      "Title", "word ", "\t", "S\xC3\xA3o", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"};
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    for (std::size_t k = 0, n = rng() % 12; k < n; ++k) input += pieces[rng() % pieces.size()];
    INFO("round " << round);
    const Result r = bare.value().rewrite(input);
    CHECK(apply_edits(input, r.edits) == r.text);
    for (const Edit& e : r.edits) CHECK(e.kind == EditKind::kDecode);
    if (r.invalid_utf8 == 0) CHECK(r.text == input);
    // With cleanup on, the edits still reproduce the output exactly.
    const Result c = cleaning.value().rewrite(input);
    CHECK(apply_edits(input, c.edits) == c.text);
  }
}

TEST_CASE("optional steps: quotes as ASCII or typographic, a table of contents dropped", "[clean]") {
  CleanOptions ascii;
  ascii.quotes = CleanOptions::Quotes::kAscii;
  const std::string curly = "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s\xE2\x80\xA6";
  CHECK(detail::clean(curly, ascii).of(curly) == "\"Hi\" -- it's...");
  CleanOptions typographic;
  typographic.quotes = CleanOptions::Quotes::kTypographic;
  const std::string straight = "\"Hi,\" she said. It's (a \"test\").";
  CHECK(detail::clean(straight, typographic).of(straight) ==
        "\xE2\x80\x9CHi,\xE2\x80\x9D she said. It\xE2\x80\x99s (a \xE2\x80\x9Ctest\xE2\x80\x9D).");
  // By default quotes stay as written.
  const std::string kept = "\"Hi\" \xE2\x80\x94 it\xE2\x80\x99s";
  CHECK(detail::clean(kept, CleanOptions{}).of(kept) == kept);
  CleanOptions drop;
  drop.drop_toc = true;
  const std::string page = "Title\n\n  1. Plot\n  2. Cast\n  3. Production\n\nThe film is long.\n";
  CHECK(detail::clean(page, drop).of(page) == "Title\n\nThe film is long.\n");
  CHECK(detail::clean(page, CleanOptions{}).of(page) == page);
  // Two numbered lines are a list, not a table of contents.
  const std::string list = "1. Mix.\n2. Bake.\n";
  CHECK(detail::clean(list, drop).of(list) == list);
}

TEST_CASE("ascii_end finds the first byte outside ASCII at any offset", "[clean]") {
  using despin::detail::ascii_end;
  // A byte outside ASCII at every position of texts of every length up to three words of eight,
  // from every start: the eight-byte steps and the byte steps after them must agree.
  for (std::size_t size = 0; size <= 24; ++size) {
    for (std::size_t at = 0; at <= size; ++at) {
      std::string text(size, 'a');
      if (at < size) text[at] = static_cast<char>(0x80 + at);
      for (std::size_t from = 0; from <= size; ++from) {
        INFO("size " << size << ", byte at " << at << ", from " << from);
        REQUIRE(ascii_end(text, from) == (at >= from ? at : size));
      }
    }
  }
  CHECK(ascii_end("plain \xC3\xA9t\xC3\xA9", 0) == 6);
  CHECK(ascii_end("", 0) == 0);
}
