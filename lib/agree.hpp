// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Agreement: make a replacement fit where it lands (case shape, the article before it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tokenizer.hpp"

namespace despin::detail {

// Gives `replacement` the case shape of the spun words it replaces: sentence-initial "Be that
// as it may" -> "However", "REALITY DEBUT" -> "WORLD PREMIERE", "Reality Debut" -> "World
// Premiere". Lower-case spun text keeps the replacement as the dictionary wrote it.
std::string match_case(std::string_view replacement, const std::vector<Shape>& spun_word_shapes);

// "at least" -> "At Least": every word capitalised but short function words after the first
// ("Ready or Not", "Let's Make This a Moment").
std::string title_case(std::string_view phrase);

// Writes the replacement's apostrophes as the spun text wrote them: a curly ’ in the input
// ("the foundation’s best") makes the restored "the academy's best" curly too.
void match_apostrophes(std::string& replacement, std::string_view spun);

// Whether the indefinite article before `phrase` is "an" (by its first word's sound:
// "an elite", "a university", "an hour"). Returns false for "a", and for phrases that start
// with no letter, whose article we leave alone.
bool takes_an(std::string_view phrase, bool* known);

}  // namespace despin::detail
