// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "agree.hpp"

#include <catch2/catch.hpp>

using namespace despin::detail;

TEST_CASE("the replacement takes the spun words' case shape", "[agree]") {
  CHECK(match_case("however", {Shape::kTitle, Shape::kLower, Shape::kLower}) == "However");
  CHECK(match_case("however", {Shape::kLower}) == "however");
  CHECK(match_case("world premiere", {Shape::kUpper, Shape::kUpper}) == "WORLD PREMIERE");
  CHECK(match_case("world premiere", {Shape::kTitle, Shape::kTitle}) == "World Premiere");
  CHECK(match_case("Internet", {Shape::kLower}) == "Internet");
  CHECK(match_case("critics", {Shape::kNone, Shape::kTitle}) == "Critics");
  // A capital inside the phrase: word by word when the counts agree, else the first word only.
  CHECK(match_case("ready or not", {Shape::kTitle, Shape::kLower, Shape::kTitle}) == "Ready or Not");
  CHECK(match_case("led by", {Shape::kLower, Shape::kTitle}) == "led By");
  CHECK(match_case("thriller", {Shape::kTitle, Shape::kLower, Shape::kTitle}) == "Thriller");
  CHECK(match_case("instruction set computer", {Shape::kTitle, Shape::kLower, Shape::kUpper}) ==
        "Instruction set computer");
}

TEST_CASE("a or an by the sound of the next word", "[agree]") {
  bool known = false;
  CHECK(takes_an("elite group", &known));
  CHECK(known);
  CHECK_FALSE(takes_an("group", &known));
  CHECK_FALSE(takes_an("university", &known));
  CHECK(takes_an("hour", &known));
  CHECK(takes_an("Oscar", &known));
  CHECK_FALSE(takes_an("one-off", &known));
  takes_an("1990s", &known);
  CHECK_FALSE(known);
}

TEST_CASE("apostrophes follow the spun text's style", "[agree]") {
  std::string r = "the academy's best";
  despin::detail::match_apostrophes(r, "the foundation\xE2\x80\x99s best");
  CHECK(r == "the academy\xE2\x80\x99s best");
  r = "let's";
  despin::detail::match_apostrophes(r, "how about we");
  CHECK(r == "let's");
  r = "it's";
  despin::detail::match_apostrophes(r, "it's");
  CHECK(r == "it's");
}

TEST_CASE("an acronym leading lower-case words does not capitalise the replacement", "[agree]") {
  using despin::detail::Shape;
  CHECK(despin::detail::match_case("computer-aided diagnosis", {Shape::kUpper, Shape::kLower, Shape::kLower}) ==
        "computer-aided diagnosis");
  CHECK(despin::detail::match_case("computer-aided diagnosis", {Shape::kTitle, Shape::kLower}) == "Computer-aided diagnosis");
}

TEST_CASE("title case for restored words inside titles", "[agree]") {
  CHECK(despin::detail::title_case("at least") == "At Least");
  CHECK(despin::detail::title_case("ready or not") == "Ready or Not");
  CHECK(despin::detail::title_case("the end of the road") == "The End of the Road");
}
