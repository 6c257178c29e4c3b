// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The JSON Lines reader on arbitrary lines. Invariants: one line in gives one line out (no line
// break in it); a blank line stays blank; anything else comes out as valid JSON: the restored
// record, or {"despin_error", "input"} with the reason.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "despin/despin.hpp"
#include "jsonl.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const despin::Engine engine = despin::Engine::create({despin::Dictionary::builtin()}).value();
  std::string_view line(reinterpret_cast<const char*>(data), size);
  line = line.substr(0, line.find('\n'));  // the reader gets one line at a time
  const despin::cli::JsonlRecord r = despin::cli::restore_jsonl_line(engine, line);
  if (r.output.find('\n') != std::string::npos) std::abort();
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return 0;
  const auto doc = nlohmann::json::parse(r.output, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) std::abort();
  if (r.restored != doc.contains("edits") || r.restored == doc.contains("despin_error")) std::abort();
  return 0;
}
