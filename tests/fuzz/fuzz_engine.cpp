// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The whole engine (default dictionary, cleanup on) on arbitrary bytes. Invariants: edits are
// sorted, disjoint, each names the input bytes it replaces, and applying them gives the output;
// the output is valid UTF-8; with no dictionary and no cleanup the output differs from the
// input only by the reported U+FFFD replacements.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "despin/despin.hpp"
#include "edit_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const despin::Engine full = despin::Engine::create({despin::Dictionary::builtin()}).value();
  static const despin::Engine bare = [] {
    despin::Options o;
    o.clean = despin::CleanOptions::none();
    return despin::Engine::create({}, o).value();
  }();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  despin::fuzz::check_edit_invariants(input, full.rewrite(input));
  const despin::Result r = bare.rewrite(input);
  despin::fuzz::check_edit_invariants(input, r);
  for (const despin::Edit& e : r.edits)
    if (e.kind != despin::EditKind::kDecode) std::abort();
  return 0;
}
