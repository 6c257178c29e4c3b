// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Two rounds of edits as one: cleanup edits the input into an intermediate text, the rewrite
// edits that text, and users get edits over their own input.
#pragma once

#include <string_view>
#include <vector>

#include "despin/edit.hpp"

namespace despin::detail {

// `first` edits `input` into `mid` (= apply_edits(input, first)); `second` edits `mid`. Returns
// edits over `input` with apply_edits(input, result) == apply_edits(mid, second). A second edit
// that touches text a first edit produced grows to cover that first edit's input, which it then
// replaces (its replacement keeps the part of the first edit's output it did not touch).
// Both lists are taken: their edits are moved into the result, not copied.
std::vector<Edit> chain_edits(std::string_view input, std::vector<Edit> first, std::string_view mid,
                              std::vector<Edit> second);

}  // namespace despin::detail
