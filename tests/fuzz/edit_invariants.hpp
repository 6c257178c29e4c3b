// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// What every rewrite must satisfy, for the fuzz targets: edits sorted, disjoint, in range and
// naming the input bytes they replace; applying them gives the output; the output is valid
// UTF-8. Aborts (a libFuzzer finding) when one does not hold.
#pragma once

#include <cstdlib>
#include <string_view>
#include <vector>

#include "despin/despin.hpp"
#include "utf8.hpp"

namespace despin::fuzz {

// Whether the edits are sorted, disjoint and within `input`.
inline bool edits_in_order(std::string_view input, const std::vector<Edit>& edits) {
  std::size_t last_end = 0;
  for (const Edit& e : edits) {
    if (e.offset < last_end || e.offset > input.size() || e.length > input.size() - e.offset) return false;
    last_end = e.offset + e.length;
  }
  return true;
}

inline void check_edit_invariants(std::string_view input, const Result& r) {
  if (!edits_in_order(input, r.edits)) std::abort();
  for (const Edit& e : r.edits)
    if (input.substr(e.offset, e.length) != e.original) std::abort();
  if (apply_edits(input, r.edits) != r.text) std::abort();
  if (!detail::invalid_utf8_spans(r.text).empty()) std::abort();
}

}  // namespace despin::fuzz
