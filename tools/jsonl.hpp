// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// JSON Lines records: {"id": ..., "text": ...} in, the same record with "text" restored and
// "spin_score", "spun", "words" and "edits" added out; every other field is passed through in
// its place. Used by `despin --jsonl` (a streaming mapper) and `despin batch` on .jsonl input.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "despin/engine.hpp"

namespace despin::cli {

struct JsonlRecord {
  std::string output;       // the line to write (without its line break)
  std::string error;        // why the record could not be restored; empty when it was
  Result result;            // the rewrite, when it happened
  bool restored = false;
};

// Restores one line. A blank line stays blank. A line that is not a JSON object, or has no
// string "text", gives an error and, as output, {"despin_error": WHY, "input": LINE} so that
// the output keeps one line per input line and loses nothing.
JsonlRecord restore_jsonl_line(const Engine& engine, std::string_view line);

// Streams JSON Lines from `in` to `out`, in order, `jobs` threads, memory bounded by a chunk of
// lines. Errors are reported on `err` as "LABEL:LINE: WHY". `each`, when given, sees every record
// in input order (batch counts edits and scores with it). Returns the number of bad lines.
std::size_t run_jsonl_stream(const Engine& engine, std::istream& in, std::ostream& out, std::ostream& err,
                             std::string_view label, unsigned jobs,
                             const std::function<void(const JsonlRecord&)>& each = nullptr);

}  // namespace despin::cli
