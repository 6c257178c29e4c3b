// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "json_line.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <initializer_list>

#include "despin/edit.hpp"  // to_string(EditKind)

namespace despin::cli {
namespace {

using Json = nlohmann::ordered_json;

// The length of the well-formed UTF-8 sequence at s[i] (Unicode's table 3-7: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned b0 = byte(0);
  const auto continuation = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    const unsigned b = byte(k);
    return i + k < s.size() && b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return continuation(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return continuation(1, lo, hi) && continuation(2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return continuation(1, lo, hi) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

template <class Unsigned>
void append_unsigned(std::string& out, Unsigned n) {
  std::array<char, 24> buffer;
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), n).ptr;
  out.append(buffer.data(), end);
}

// As nlohmann's dump writes a number ("0.95", "1.0", "10.277777777777779", null when not
// finite), with the Grisu2 formatting it calls itself (a dump of its own would allocate).
void append_double(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  std::array<char, 64> buffer;
  const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), d);
  out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void append_key(std::string& out, std::string_view key, bool& first) {
  if (!first) out += ',';
  first = false;
  append_json_string(out, key);
  out += ':';
}

void append_edits(std::string& out, const Result& result) {
  out += '[';
  bool first_edit = true;
  for (const Edit& e : result.edits) {
    if (!first_edit) out += ',';
    first_edit = false;
    bool first = true;
    out += '{';
    append_key(out, "offset", first);
    append_unsigned(out, e.offset);
    append_key(out, "length", first);
    append_unsigned(out, e.length);
    append_key(out, "original", first);
    append_json_string(out, e.original);
    append_key(out, "replacement", first);
    append_json_string(out, e.replacement);
    append_key(out, "rule", first);
    append_json_string(out, e.rule);
    append_key(out, "kind", first);
    append_json_string(out, to_string(e.kind));
    append_key(out, "confidence", first);
    append_double(out, e.confidence);
    out += '}';
  }
  out += ']';
}

void append_sentences(std::string& out, const Result& result) {
  out += '[';
  bool first_sentence = true;
  for (const SentenceScore& st : result.sentences) {
    if (!first_sentence) out += ',';
    first_sentence = false;
    bool first = true;
    out += '{';
    append_key(out, "offset", first);
    append_unsigned(out, st.offset);
    append_key(out, "length", first);
    append_unsigned(out, st.length);
    append_key(out, "words", first);
    append_unsigned(out, st.words);
    append_key(out, "spin_score", first);
    append_double(out, st.spin_score);
    out += '}';
  }
  out += ']';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  const std::size_t start = out.size();
  out += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(s, i);
      if (n == 0) {
        // Invalid UTF-8: nlohmann's replacement rules decide how many bytes each U+FFFD stands
        // for. Rare (decode edits): its dump writes the whole string.
        out.resize(start);
        out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    out.append(s.data() + plain, i - plain);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
    plain = ++i;
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

std::string result_line(const Json& doc, const Result& result) {
  enum Member { kText, kSpinScore, kSpun, kWords, kWithheld, kEdits, kSentences, kMembers };
  static constexpr std::array<std::string_view, kMembers> kNames = {"text",     "spin_score", "spun",     "words",
                                                                      "withheld", "edits",      "sentences"};
  const int members = result.sentences.empty() ? kSentences : kMembers;  // sentences only when scored
  std::string out;
  out.reserve(result.text.size() * 2 + 160 * result.edits.size() + 64);
  auto append_member = [&](int m) {
    switch (m) {
      case kText: append_json_string(out, result.text); break;
      case kSpinScore: append_double(out, result.spin_score); break;
      case kSpun: out += result.spin_score >= kSpinThreshold ? "true" : "false"; break;
      case kWords: append_unsigned(out, result.words); break;
      case kWithheld: append_unsigned(out, result.withheld); break;
      case kEdits: append_edits(out, result); break;
      default: append_sentences(out, result);
    }
  };
  std::array<bool, kMembers> written{};
  bool first = true;
  out += '{';
  for (const auto& [key, value] : doc.items()) {
    int m = 0;
    while (m < members && kNames[static_cast<std::size_t>(m)] != key) ++m;
    append_key(out, key, first);
    if (m < members) {
      append_member(m);
      written[static_cast<std::size_t>(m)] = true;
    } else {
      out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
  }
  for (int m = 0; m < members; ++m) {
    if (written[static_cast<std::size_t>(m)]) continue;
    append_key(out, kNames[static_cast<std::size_t>(m)], first);
    append_member(m);
  }
  out += '}';
  return out;
}

}  // namespace despin::cli
