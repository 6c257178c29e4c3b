// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The CLI's JSON lines are written without a JSON document (tools/json_line.hpp); they must be
// byte for byte what the document nlohmann builds would dump, on hostile text too.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_line.hpp"

using despin::Edit;
using despin::EditKind;
using despin::Result;
using Json = nlohmann::ordered_json;

namespace {

// The reference: the result's members set on the document, dumped as the CLI always dumped it.
std::string reference(Json doc, const Result& result) {
  doc["text"] = result.text;
  doc["spin_score"] = result.spin_score;
  doc["spun"] = result.spin_score >= despin::kSpinThreshold;
  doc["words"] = result.words;
  doc["withheld"] = result.withheld;
  auto& edits = doc["edits"] = Json::array();
  for (const Edit& e : result.edits)
    edits.push_back({{"offset", e.offset}, {"length", e.length}, {"original", e.original},
                     {"replacement", e.replacement}, {"rule", std::string(e.rule)}, {"kind", to_string(e.kind)},
                     {"confidence", e.confidence}});
  if (!result.sentences.empty()) {
    auto& sentences = doc["sentences"] = Json::array();
    for (const despin::SentenceScore& s : result.sentences)
      sentences.push_back({{"offset", s.offset}, {"length", s.length}, {"words", s.words}, {"spin_score", s.spin_score}});
  }
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Random bytes drawn from pieces that need escaping or decoding: quotes, backslashes, every
// control character, DEL, well-formed UTF-8 of each length, and malformed sequences (a lone
// continuation byte, a truncated sequence, an overlong form, a surrogate, past U+10FFFF).
std::string hostile(std::mt19937& rng) {
  static const std::vector<std::string> parts = {
      "a", "Z", " ", "\"", "\\", "/", "\x7f", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\x80", "\xC3",
      "\xE2\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF8", "\xEF\xBF\xBD", "word"};
  std::string s;
  for (int n = static_cast<int>(rng() % 12); n > 0; --n) {
    if (rng() % 4 == 0) s += static_cast<char>(rng() % 0x20);
    else s += parts[rng() % parts.size()];
  }
  return s;
}

}  // namespace

TEST_CASE("JSON lines match nlohmann's dump of the same document", "[cli]") {
  std::mt19937 rng(11);
  std::vector<double> numbers = {0.0, -0.0, 1.0, 0.95, 0.6, 10.277777777777779, 1e-7, 123456789012345678.0, 2.5e300,
                                 std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()};
  for (int i = 0; i < 200; ++i) {  // any bits at all, and scores as the engine makes them
    const std::uint64_t bits = (std::uint64_t{rng()} << 32) | rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    numbers.push_back(d);
    numbers.push_back(100.0 * (rng() % 5000) / (1 + rng() % 900));
  }
  for (int round = 0; round < 3000; ++round) {
    Result r;
    std::deque<std::string> rule_names;  // what the edits' rule names view (Edit::rule)
    r.text = hostile(rng);
    r.spin_score = numbers[rng() % numbers.size()];
    r.words = rng() % 1000;
    r.withheld = rng() % 5;
    for (int n = static_cast<int>(rng() % 4); n > 0; --n)
      r.edits.push_back(Edit{rng() % 100000, rng() % 50, hostile(rng), hostile(rng), rule_names.emplace_back(hostile(rng)),
                             static_cast<EditKind>(rng() % 3), numbers[rng() % numbers.size()]});
    if (rng() % 3 == 0)
      r.sentences.push_back(despin::SentenceScore{rng() % 1000, rng() % 100, rng() % 30, numbers[rng() % numbers.size()]});
    // The input document: other members before and after, some of them named as the result's.
    Json doc = Json::object();
    if (rng() % 2) doc["id"] = round;
    if (rng() % 3 == 0) doc["edits"] = "kept in place";
    doc["text"] = "input";
    if (rng() % 2) doc[hostile(rng)] = Json::array({1, "x", nullptr, hostile(rng)});
    if (rng() % 3 == 0) doc["sentences"] = Json::object({{"a", 1}});
    if (rng() % 4 == 0) doc["words"] = 7;
    if (rng() % 5 == 0) doc["withheld"] = "replaced by the result's";
    INFO("round " << round);
    REQUIRE(despin::cli::result_line(doc, r) == reference(doc, r));
  }
}

TEST_CASE("JSON strings escape as nlohmann escapes them", "[cli]") {
  auto escaped = [](std::string_view s) {
    std::string out;
    despin::cli::append_json_string(out, s);
    return out;
  };
  CHECK(escaped("plain") == "\"plain\"");
  CHECK(escaped("a\"b\\c\n\t\x01") == "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  CHECK(escaped("caf\xC3\xA9 \xE2\x80\x99") == "\"caf\xC3\xA9 \xE2\x80\x99\"");
  CHECK(escaped("bad \xC3 byte") == Json(std::string("bad \xC3 byte")).dump(-1, ' ', false, Json::error_handler_t::replace));
}
