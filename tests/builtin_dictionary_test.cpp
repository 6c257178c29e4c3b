// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The default dictionary: every embedded file parses, and every inline example holds.
#include <catch2/catch.hpp>

#include "despin/despin.hpp"
#include "embedded_dictionary.hpp"

using namespace despin;

TEST_CASE("every embedded dictionary file parses and its examples hold", "[builtin]") {
  const auto& files = detail::embedded_dictionary_files();
  REQUIRE(files.size() >= 1);
  std::size_t examples = 0;
  for (const auto& file : files) {
    INFO(file.name);
    auto dict = Dictionary::parse(file.text, file.name);
    if (!dict) FAIL(dict.error().what());
    CHECK(dict.value().entries().size() + dict.value().terms().size() + dict.value().word_swaps().size() > 0);
    auto engine = Engine::create({dict.value()});
    if (!engine) FAIL(engine.error().what());
    for (const Example& ex : dict.value().examples()) {
      INFO(ex.source);
      CHECK(engine.value().rewrite(ex.input).text == ex.output);
      ++examples;
    }
  }
  CHECK(examples > 0);
}

TEST_CASE("the builtin dictionary holds every embedded file", "[builtin]") {
  std::size_t total = 0;
  for (const auto& file : detail::embedded_dictionary_files()) {
    auto dict = Dictionary::parse(file.text, file.name);
    REQUIRE(dict.ok());
    total += dict.value().entries().size();
  }
  CHECK(Dictionary::builtin().entries().size() == total);
}

// The default engine, built once for the test cases that rewrite with it.
static const Engine& builtin_engine() {
  static const Engine engine = Engine::create({Dictionary::builtin()}).value();
  return engine;
}

TEST_CASE("the default dictionary's ambiguous rules apply where the paragraph is spun", "[builtin]") {
  const Engine& engine = builtin_engine();
  const std::string spun =
      "Be that as it may, on the off chance that they came equipped with kitchen blades, she would "
      "have endured abuse on account of her father.";
  CHECK(engine.rewrite(spun).text ==
        "However, if they came armed with kitchen knives, she would have endured abuse at the hands of her "
        "father.");
  // Without the spun company the same words are left alone.
  const std::string plain = "The mower came equipped with two blades. Sales fell on account of the weather.";
  CHECK(engine.rewrite(plain).text == plain);
}

// Composition rebuilds known terms from swapped words; a genuine word of a spun page must not be
// taken for a swap. "shipping => transportation" was listed and turned a product page's genuine
// "shipping costs" into "transportation costs".
TEST_CASE("genuine shipping and freight words survive in a spun product page", "[builtin]") {
  const std::string spun =
      "On the off chance that you purchase today, shipping costs and freight charges are waived. Be that as it "
      "may, the organization declared new costs.";
  CHECK(builtin_engine().rewrite(spun).text ==
        "If you purchase today, shipping costs and freight charges are waived. However, the company announced new "
        "costs.");
}
