// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Loops through term composition: swap lists whose words reach each other.
#include <catch2/catch.hpp>

#include "swap_loops.hpp"

using despin::WordSwap;
using despin::detail::describe;
using despin::detail::find_swap_loops;

namespace {

std::vector<const WordSwap*> pointers(const std::vector<WordSwap>& swaps) {
  std::vector<const WordSwap*> p;
  for (const WordSwap& s : swaps) p.push_back(&s);
  return p;
}

}  // namespace

TEST_CASE("two words swapped each way are a loop, named with both lines", "[swap_loops]") {
  const std::vector<WordSwap> swaps{{"woodland", "forest", "a.swaps:1"},
                                    {"precision", "accuracy", "a.swaps:2"},
                                    {"Accuracy", "precision", "b.swaps:7"}};
  const auto loops = find_swap_loops(pointers(swaps));
  REQUIRE(loops.size() == 1);
  CHECK(describe(loops[0]) == "precision => accuracy (a.swaps:2), Accuracy => precision (b.swaps:7)");
}

TEST_CASE("a ring of three is one loop, a chain none", "[swap_loops]") {
  const std::vector<WordSwap> ring{{"blunder", "error", "r:1"}, {"error", "mistake", "r:2"}, {"mistake", "blunder", "r:3"},
                                   {"slip", "error", "r:4"}};
  const auto loops = find_swap_loops(pointers(ring));
  REQUIRE(loops.size() == 1);
  CHECK(describe(loops[0]) == "blunder => error (r:1), error => mistake (r:2), mistake => blunder (r:3)");

  const std::vector<WordSwap> chain{{"blunder", "error", "c:1"}, {"error", "mistake", "c:2"}, {"slip", "mistake", "c:3"}};
  CHECK(find_swap_loops(pointers(chain)).empty());
}

TEST_CASE("a ring is reported once, through its shortest loop from the first swap", "[swap_loops]") {
  // a -> b -> a and b -> c -> a share the ring {a, b, c}: one report.
  const std::vector<WordSwap> swaps{{"a", "b", "s:1"}, {"b", "c", "s:2"}, {"c", "a", "s:3"}, {"b", "a", "s:4"}};
  const auto loops = find_swap_loops(pointers(swaps));
  REQUIRE(loops.size() == 1);
  CHECK(describe(loops[0]) == "a => b (s:1), b => a (s:4)");
}

TEST_CASE("a phrase for one word cannot close a loop", "[swap_loops]") {
  const std::vector<WordSwap> swaps{{"pores and skin", "skin", "p:1"}, {"skin", "hide", "p:2"},
                                    {"man-made", "artificial", "p:3"}, {"artificial", "man-made", "p:4"}};
  CHECK(find_swap_loops(pointers(swaps)).empty());
}

TEST_CASE("a long list without loops is checked without recursion", "[swap_loops]") {
  // A chain of 200,000 words: a recursive search would overflow the stack.
  std::vector<WordSwap> chain;
  for (int i = 0; i < 200000; ++i) chain.push_back({"w" + std::to_string(i), "w" + std::to_string(i + 1), "long:" + std::to_string(i)});
  CHECK(find_swap_loops(pointers(chain)).empty());
  chain.push_back({"w200000", "w0", "long:closing"});
  const auto loops = find_swap_loops(pointers(chain));
  REQUIRE(loops.size() == 1);
  CHECK(loops[0].swaps.size() == 200001);
}
