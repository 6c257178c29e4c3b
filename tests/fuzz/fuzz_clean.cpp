// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The cleanup stage alone, every option combination picked by the input's first byte.
// Invariants: each step's edits, and the stage's, are sorted, disjoint and within the text;
// the stage's are of kind clean and reproduce the output; valid UTF-8 stays valid; invalid
// bytes are never touched (the rewrite reports them).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clean.hpp"
#include "edit_invariants.hpp"
#include "utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t bits = data[0];
  despin::CleanOptions o;
  o.drop_toc = bits & 1;
  o.quotes = bits & 2 ? despin::CleanOptions::Quotes::kAscii
             : bits & 4 ? despin::CleanOptions::Quotes::kTypographic
                        : despin::CleanOptions::Quotes::kKeep;
  o.layout = !(bits & 8);
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  // Each step on its own: sorted, disjoint edits within the text (clean() skips a step that
  // breaks this, which would hide the bug from the checks below).
  namespace d = despin::detail;
  for (auto step : {d::clean_entities, d::clean_mojibake, d::clean_spaces, d::clean_nfc, d::clean_templates,
                    d::clean_repeated_lines, d::clean_duplicate_paragraphs, d::clean_toc, d::clean_layout,
                    d::quotes_to_ascii, d::quotes_to_typographic})
    if (!despin::fuzz::edits_in_order(input, step(input))) std::abort();
  const despin::detail::Cleaned c = despin::detail::clean(input, o);
  if (!despin::fuzz::edits_in_order(input, c.edits)) std::abort();
  for (const despin::Edit& e : c.edits)
    if (e.kind != despin::EditKind::kClean || input.substr(e.offset, e.length) != e.original) std::abort();
  const std::string_view cleaned = c.of(input);
  if (despin::apply_edits(input, c.edits) != cleaned) std::abort();
  if (c.edits.empty() && !c.text.empty()) std::abort();  // no copy of an unchanged input
  const bool valid = despin::detail::invalid_utf8_spans(input).empty();
  if (valid && !despin::detail::invalid_utf8_spans(cleaned).empty()) std::abort();
  if (despin::detail::invalid_utf8_spans(input).size() != despin::detail::invalid_utf8_spans(cleaned).size()) std::abort();
  return 0;
}
