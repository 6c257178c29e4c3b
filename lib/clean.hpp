// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The cleanup stage: scraped-page debris removed before the rewrite, every change an edit with
// its reason ("clean:STEP"). Character-level steps live in clean_text.cpp, line-level ones in
// clean_page.cpp; this header is what the engine calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "despin/edit.hpp"
#include "despin/engine.hpp"

namespace despin::detail {

struct Cleaned {
  // The cleaned text when some step changed something. When none did (most text), it stays
  // empty rather than a copy of the input: use of().
  std::string text;
  std::vector<Edit> edits;  // over the input, kind kClean
  // The cleaned text of `input` (the one clean() was given).
  std::string_view of(std::string_view input) const { return edits.empty() ? input : std::string_view(text); }
};

// Runs the enabled steps in order: characters (spaces, invisible characters, entities,
// mojibake, NFC), then page debris (template sentences, repeated title lines, duplicate
// paragraphs), then layout (trailing spaces, runs of blank lines).
Cleaned clean(std::string_view input, const CleanOptions& options);

// The steps, each over the output of the previous one; each returns edits over its input.
std::vector<Edit> clean_spaces(std::string_view text);     // odd spaces, invisible characters
std::vector<Edit> clean_entities(std::string_view text);   // &amp; &#8217; ...
std::vector<Edit> clean_mojibake(std::string_view text);   // UTF-8 read as Windows-1252
std::vector<Edit> clean_nfc(std::string_view text);        // Unicode NFC
std::vector<Edit> clean_templates(std::string_view text);  // spun-content site boilerplate lines
std::vector<Edit> clean_repeated_lines(std::string_view text);  // the page title repeated as captions
std::vector<Edit> clean_duplicate_paragraphs(std::string_view text);
std::vector<Edit> clean_layout(std::string_view text);     // trailing spaces, blank-line runs
std::vector<Edit> clean_toc(std::string_view text);        // a table of contents dropped
std::vector<Edit> quotes_to_ascii(std::string_view text);  // ‘’“” – — … to ' " - -- ...
std::vector<Edit> quotes_to_typographic(std::string_view text);  // ' " to ‘’“” by position

}  // namespace despin::detail
