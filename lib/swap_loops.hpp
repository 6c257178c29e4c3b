// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Loops through term composition: swap lists that say each of two words is a spinner's
// substitute for the other ("accuracy => precision" and "precision => accuracy"), or a longer
// ring (a => b, b => c, c => a). Composition then may rebuild a term from either reading, so
// which word the writer meant is a guess the lists cannot make; despin-dictcheck reports each
// loop with the file:line of its swaps, and the build fails on the shipped lists.
//
// Only swap-list pairs count. An entry that changes one word ("title protection => title
// defence") also teaches a swap, but its other words fix the sense, so an entry and a list
// pair pointing opposite ways in different domains ("defence => protection" for medicine) are
// not a loop.
#pragma once

#include <string>
#include <vector>

#include "despin/dictionary.hpp"

namespace despin::detail {

// One loop: its swaps in order, each original the next one's spun word, the last's original
// the first's spun word. Words are compared by their keys (phrase_keys: lower case).
struct SwapLoop {
  std::vector<const WordSwap*> swaps;
};

// The loops among the single-word swaps of `swaps` (a phrase for a word cannot close one: its
// original is a word, never a phrase): one loop for each ring of words that reach each other,
// through the ring's first word in list order. Deterministic: loops come in the order of their
// first swap.
std::vector<SwapLoop> find_swap_loops(const std::vector<const WordSwap*>& swaps);

// "a => b (file:line), b => a (file:line)".
std::string describe(const SwapLoop& loop);

}  // namespace despin::detail
