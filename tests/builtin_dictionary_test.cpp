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
    CHECK(dict.value().entries().size() + dict.value().terms().size() > 0);
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
