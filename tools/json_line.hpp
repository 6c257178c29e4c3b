// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// despin's JSON output lines (--json, --jsonl), written straight into a string. Building them
// as nlohmann::json documents cost about 30 allocations an edit (an object of seven members,
// each key and string its own allocation): three quarters of all the allocations of a
// one-paragraph document in --jsonl, for text written once and thrown away. The bytes are what
// nlohmann::ordered_json::dump(-1, ' ', false, error_handler_t::replace) gives for the same
// document (tests/json_line_test.cpp checks it on random and hostile input).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "despin/engine.hpp"

namespace despin::cli {

// `s` as a JSON string, quotes included, as nlohmann's dump escapes it (invalid UTF-8 becomes
// U+FFFD).
void append_json_string(std::string& out, std::string_view s);

// `doc` (an object) with the result's members set: "text", "spin_score", "spun", "words" and
// "edits" (and "sentences" when the result has sentence scores) replace the document's own
// members of those names where they stand, the others follow the document's members.
std::string result_line(const nlohmann::ordered_json& doc, const Result& result);

}  // namespace despin::cli
