// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "cli_output.hpp"

#include "json_line.hpp"

#include <cstdio>
#include <map>

namespace despin::cli {

std::string dump_line(const nlohmann::ordered_json& doc) {
  // Invalid input bytes (decode edits) cannot be JSON strings; they show as U+FFFD while
  // offset and length still locate them exactly.
  return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string to_json_line(std::string_view name, const Result& result) {
  nlohmann::ordered_json doc;
  doc["name"] = name;
  return result_line(doc, result);
}

void write_diff(std::ostream& out, std::string_view name, std::string_view input, const Result& result) {
  if (result.edits.empty()) return;
  out << "--- " << name << "\n+++ " << name << " (despun)\n";
  std::size_t i = 0;
  const auto& edits = result.edits;
  while (i < edits.size()) {
    // The input line holding this edit, extended over further edits that touch the same line.
    const std::size_t nl = edits[i].offset == 0 ? std::string_view::npos : input.rfind('\n', edits[i].offset - 1);
    const std::size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    std::size_t line_end = input.find('\n', edits[i].offset + edits[i].length);
    std::size_t j = i + 1;
    while (j < edits.size() && (line_end == std::string_view::npos || edits[j].offset <= line_end)) {
      line_end = input.find('\n', std::max(line_end, edits[j].offset + edits[j].length));
      ++j;
    }
    if (line_end == std::string_view::npos) line_end = input.size();
    std::size_t line_no = 1;
    for (std::size_t k = 0; k < line_begin; ++k) line_no += input[k] == '\n';
    std::string after;
    std::size_t pos = line_begin;
    for (std::size_t k = i; k < j; ++k) {
      after.append(input.substr(pos, edits[k].offset - pos));
      after.append(edits[k].replacement);
      pos = edits[k].offset + edits[k].length;
    }
    after.append(input.substr(pos, line_end - pos));
    out << "@@ line " << line_no << " @@\n-" << input.substr(line_begin, line_end - line_begin) << "\n+" << after << "\n";
    i = j;
  }
}

void write_list(std::ostream& out, std::string_view name, std::string_view input, const Result& result) {
  std::size_t line = 1, line_begin = 0, scanned = 0;  // the edits come in text order
  auto one_line = [](std::string s) {
    for (char& c : s)
      if (c == '\n' || c == '\r') c = ' ';
    return s;
  };
  for (const Edit& e : result.edits) {
    if (!is_restoration(e.kind)) continue;
    for (; scanned < e.offset && scanned < input.size(); ++scanned)
      if (input[scanned] == '\n') ++line, line_begin = scanned + 1;
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", e.confidence);
    out << name << ':' << line << ':' << (e.offset - line_begin + 1) << ": '" << one_line(e.original) << "' -> '"
        << one_line(e.replacement) << "' (" << to_string(e.kind) << ", " << confidence << ", " << e.rule << ")\n";
  }
}

void write_stats(std::ostream& out, std::string_view name, const Result& result) {
  std::map<std::string_view, std::size_t> by_kind;
  for (const Edit& e : result.edits) ++by_kind[to_string(e.kind)];
  char score[32];
  std::snprintf(score, sizeof score, "%.2f", result.spin_score);
  out << name << ": " << result.words << " words, " << result.edits.size() << " edits";
  for (const auto& [kind, count] : by_kind) out << ", " << count << " " << kind;
  out << ", spin score " << score << (result.spin_score >= kSpinThreshold ? " (spun)" : " (clean)");
  // What the evidence rule held back (README, --assume-spun).
  if (result.withheld > 0)
    out << ", " << result.withheld << " ambiguous " << (result.withheld == 1 ? "reading" : "readings")
        << " withheld (no evidence of spin)";
  if (!result.sentences.empty()) {
    std::size_t spun = 0;
    for (const SentenceScore& s : result.sentences) spun += s.spin_score >= kSpinThreshold;
    out << ", " << spun << "/" << result.sentences.size() << " sentences spun";
  }
  out << "\n";
}

}  // namespace despin::cli
