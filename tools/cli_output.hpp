// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The despin CLI's output formats: JSON, diff and statistics of one rewritten document.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "despin/engine.hpp"

namespace despin::cli {

// Serialises one JSON Lines record; invalid UTF-8 in strings shows as U+FFFD.
std::string dump_line(const nlohmann::ordered_json& doc);

// One JSON object on one line: name, text, spin score, words and every edit.
std::string to_json_line(std::string_view name, const Result& result);

// The changed lines of `input`, as "-old" / "+new" pairs under "@@ line N @@" headers, preceded
// by "--- name" / "+++ name (despun)".
void write_diff(std::ostream& out, std::string_view name, std::string_view input, const Result& result);

// One line per restoration (a listed phrase, a rule or a composed term; not cleanup, article
// agreement or decoding), in text order, as a compiler reports a warning, so that an editor or
// a screening script can jump to it: "name:LINE:COLUMN: 'spun' -> 'original' (kind, confidence,
// source)". LINE and COLUMN count from 1; COLUMN counts bytes. Line breaks inside a phrase
// show as spaces.
void write_list(std::ostream& out, std::string_view name, std::string_view input, const Result& result);

// Counts of edits by kind, words and the spin score.
void write_stats(std::ostream& out, std::string_view name, const Result& result);

}  // namespace despin::cli
