// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Per-sentence spin scores: where in a document the spinning is, for readers who screen
// sentence by sentence (a paper's tortured phrases, a copied paragraph in an essay).
#pragma once

#include <string_view>
#include <vector>

#include "despin/edit.hpp"
#include "despin/engine.hpp"

namespace despin::detail {

// Splits `input` into sentences (ICU sentence rules) and scores each from the restoring edits
// (phrase, rule, compose) that start inside it: 100 × Σ confidence / words of the sentence.
std::vector<SentenceScore> score_sentences(std::string_view input, const std::vector<Edit>& edits);

}  // namespace despin::detail
