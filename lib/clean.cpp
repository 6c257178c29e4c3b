// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "clean.hpp"

#include "despin/edit.hpp"
#include "edit_chain.hpp"
#include "utf8.hpp"

#include <algorithm>

namespace despin::detail {

Cleaned clean(std::string_view input, const CleanOptions& options) {
  // No copy of the input until a step changes it: a long document's copy is a page fault a
  // page, and most text needs no cleaning.
  Cleaned out;
  // Each step edits the previous step's output; chain_edits keeps the edits over the input.
  auto run = [&](bool enabled, std::vector<Edit> (*step)(std::string_view)) {
    if (!enabled) return;
    const std::string_view text = out.of(input);
    std::vector<Edit> edits = step(text);
    if (edits.empty()) return;
    // Edits that are out of order, overlap or run past the text would corrupt it and the
    // offsets reported: such a step (a bug; fuzz_clean checks each step for it) changes nothing.
    std::size_t last_end = 0;
    for (const Edit& e : edits) {
      if (e.offset < last_end || e.offset > text.size() || e.length > text.size() - e.offset) return;
      last_end = e.offset + e.length;
    }
    std::string next = apply_edits(text, edits);
    // Invalid UTF-8 is the rewrite's to report: no step may turn it into a character by
    // removing what stood between its bytes ("\xE2\x82" ZWSP "\xAC" must not become "€").
    const std::vector<ByteSpan> invalid = invalid_utf8_spans(text);
    if (!invalid.empty() && invalid_utf8_spans(next).size() != invalid.size()) {
      std::erase_if(edits, [&](const Edit& e) {
        return std::any_of(invalid.begin(), invalid.end(), [&](const ByteSpan& s) {
          return e.offset <= s.end && s.begin <= e.offset + e.length;  // touches or overlaps
        });
      });
      next = apply_edits(text, edits);
      if (edits.empty() || invalid_utf8_spans(next).size() != invalid.size()) return;
    }
    out.edits = out.edits.empty() ? std::move(edits) : chain_edits(input, std::move(out.edits), text, std::move(edits));
    out.text = std::move(next);
  };
  // Characters first: entities and mojibake before spaces, since "&nbsp;" and "Â " decode to
  // a non-breaking space that the space step then makes plain.
  run(options.entities, clean_entities);
  run(options.mojibake, clean_mojibake);
  run(options.spaces, clean_spaces);
  run(options.nfc, clean_nfc);
  // Then the page: lines compare equal only once their characters are clean.
  run(options.templates, clean_templates);
  run(options.repeated_lines, clean_repeated_lines);
  run(options.duplicates, clean_duplicate_paragraphs);
  run(options.drop_toc, clean_toc);
  run(options.quotes == CleanOptions::Quotes::kAscii, quotes_to_ascii);
  run(options.quotes == CleanOptions::Quotes::kTypographic, quotes_to_typographic);
  run(options.layout, clean_layout);
  return out;
}

}  // namespace despin::detail
