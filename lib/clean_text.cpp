// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Character-level cleanup: odd spaces and invisible characters, HTML entities, mojibake, NFC.
// Every step leaves invalid UTF-8 alone (the rewrite reports it as decode edits) and prefers
// leaving text as it is over a doubtful fix.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "clean.hpp"
#include "utf8.hpp"

namespace despin::detail {
namespace {

// `rule` is the step's name, "clean:mojibake": a literal (Edit::rule views it).
Edit clean_edit(std::string_view text, std::size_t begin, std::size_t end, std::string replacement,
                std::string_view rule) {
  return Edit{begin, end - begin, std::string(text.substr(begin, end - begin)), std::move(replacement), rule,
              EditKind::kClean, 1.0};
}

std::string utf8_of(UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, c, error);
  return error ? std::string() : std::string(buf, static_cast<std::size_t>(n));
}

// Windows-1252's bytes 0x80-0x9F as Unicode (0 where cp1252 leaves the byte undefined; the C1
// control of the same value is taken then, as browsers' "windows-1252" decoding does).
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// The Windows-1252 byte a code point came from, or -1 when it is not in cp1252's upper half.
int cp1252_byte(UChar32 c) {
  if (c >= 0xA0 && c <= 0xFF) return c;
  for (int b = 0; b < 32; ++b)
    if (kCp1252High[static_cast<std::size_t>(b)] == c) return 0x80 + b;
  return -1;
}

struct Entity {
  std::string_view name;
  char32_t code;
};
constexpr Entity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},     {"ndash", 0x2013},  {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122}, {"eacute", 0xE9},   {"egrave", 0xE8},  {"agrave", 0xE0},  {"ccedil", 0xE7},
    {"uuml", 0xFC},    {"ouml", 0xF6},     {"auml", 0xE4},    {"ntilde", 0xF1},  {"deg", 0xB0},
    {"euro", 0x20AC},  {"pound", 0xA3},    {"times", 0xD7},   {"middot", 0xB7},  {"bull", 0x2022},
    {"laquo", 0xAB},   {"raquo", 0xBB},    {"iacute", 0xED},  {"oacute", 0xF3},  {"aacute", 0xE1},
    {"uacute", 0xFA},  {"szlig", 0xDF},    {"Eacute", 0xC9},  {"shy", 0xAD},     {"zwnj", 0x200C},
};

bool plausible_leads(std::string_view utf8) {
  for (unsigned char b : utf8) {
    if (b < 0xC0) continue;  // ASCII or a continuation byte
    const bool ok = (b >= 0xC2 && b <= 0xC5) || b == 0xCE || b == 0xCF || b == 0xD0 || b == 0xD1 || b == 0xD7 ||
                    b == 0xD8 || b == 0xD9 || (b >= 0xE2 && b <= 0xE9) || b == 0xEF || b == 0xF0;
    if (!ok) return false;
  }
  return true;
}

bool valid_scalar(long c) { return c > 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

// Calls fn(begin, end, code_point) for every non-ASCII character (negative for invalid bytes).
template <class Fn>
void for_each_non_ascii(std::string_view text, Fn fn) {
  for (std::size_t i = ascii_end(text, 0); i < text.size(); i = ascii_end(text, i)) {
    const std::size_t begin = i;
    const int c = next_code_point(text, i);
    fn(begin, i, c);
  }
}

}  // namespace

std::vector<Edit> clean_spaces(std::string_view text) {
  std::vector<Edit> edits;
  for_each_non_ascii(text, [&](std::size_t begin, std::size_t end, int c) {
    if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
      edits.push_back(clean_edit(text, begin, end, " ", "clean:space"));
    else if (c == 0x200B || c == 0x2060 || c == 0xAD || (c == 0xFEFF && begin != 0))
      edits.push_back(clean_edit(text, begin, end, "", "clean:invisible"));
  });
  return edits;
}

std::vector<Edit> clean_entities(std::string_view text) {
  std::vector<Edit> edits;
  for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    const std::size_t semi = text.find(';', amp + 1);
    if (semi == std::string_view::npos || semi - amp > 12 || semi == amp + 1) continue;
    const std::string_view body = text.substr(amp + 1, semi - amp - 1);
    long code = -1;
    if (body[0] == '#') {
      const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      const std::string_view digits = body.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 7) continue;
      code = 0;
      for (char d : digits) {
        const int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                      : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
        if (v < 0) { code = -1; break; }
        code = code * (hex ? 16 : 10) + v;
      }
    } else {
      for (const Entity& e : kEntities)
        if (e.name == body) code = static_cast<long>(e.code);
    }
    if (!valid_scalar(code)) continue;
    // A non-breaking space becomes a plain one, as the space step does for the character.
    const std::string out = code == 0xA0 ? " " : code == 0xAD ? "" : utf8_of(static_cast<UChar32>(code));
    edits.push_back(clean_edit(text, amp, semi + 1, out, "clean:entity"));
    amp = semi;
  }
  return edits;
}

std::vector<Edit> clean_mojibake(std::string_view text) {
  std::vector<Edit> edits;
  std::size_t i = 0;
  while ((i = ascii_end(text, i)) < text.size()) {  // most of any text is ASCII: no run starts there
    // A maximal run of characters from Windows-1252's upper half...
    std::string bytes;
    const std::size_t begin = i;
    std::size_t end = i;
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
      std::size_t next = end;
      const int c = next_code_point(text, next);
      const int b = c < 0 ? -1 : cp1252_byte(c);
      if (b < 0) break;
      bytes += static_cast<char>(b);
      end = next;
    }
    if (end == begin) {
      // Not the start of a run: step over one code point (or one ASCII byte).
      if (static_cast<unsigned char>(text[i]) < 0x80) ++i;
      else next_code_point(text, i);
      continue;
    }
    i = end;
    // ...is mojibake when its bytes are valid UTF-8 with a multi-byte character in them, and
    // every character they encode is of a kind text is actually written in. Genuine text
    // can re-encode to valid UTF-8 by chance ("CAFÉ”" gives IPA "ɔ"): scripts and blocks that
    // mojibake comes from are Latin-1 and Latin Extended-A, Greek, Cyrillic, Hebrew, Arabic,
    // general punctuation and symbols, CJK and emoji; the rest is taken for genuine text.
    if (bytes.size() < 2 || !invalid_utf8_spans(bytes).empty() || !plausible_leads(bytes)) continue;
    edits.push_back(clean_edit(text, begin, end, bytes, "clean:mojibake"));
  }
  return edits;
}

std::vector<Edit> clean_nfc(std::string_view text) {
  std::vector<Edit> edits;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return edits;
  // Line by line: ASCII lines and lines with invalid UTF-8 (left to the decode step) are skipped.
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    const bool ascii = ascii_end(line, 0) == line.size();
    if (!ascii && invalid_utf8_spans(line).empty()) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
      if (!nfc->isNormalized(u, status) && U_SUCCESS(status)) {
        std::string normalized;
        nfc->normalize(u, status).toUTF8String(normalized);
        if (U_SUCCESS(status)) {
          // One edit over the part that differs, on code point boundaries.
          std::size_t p = 0;
          while (p < line.size() && p < normalized.size() && line[p] == normalized[p]) ++p;
          while (p > 0 && (static_cast<unsigned char>(line[p]) & 0xC0) == 0x80) --p;
          std::size_t s = 0;
          while (s < line.size() - p && s < normalized.size() - p &&
                 line[line.size() - 1 - s] == normalized[normalized.size() - 1 - s])
            ++s;
          while (s > 0 && (static_cast<unsigned char>(line[line.size() - s]) & 0xC0) == 0x80) --s;
          edits.push_back(clean_edit(text, begin + p, begin + line.size() - s,
                                     normalized.substr(p, normalized.size() - s - p), "clean:nfc"));
        }
      }
      status = U_ZERO_ERROR;
    }
    begin = end + 1;
  }
  return edits;
}

std::vector<Edit> quotes_to_ascii(std::string_view text) {
  std::vector<Edit> edits;
  for_each_non_ascii(text, [&](std::size_t begin, std::size_t end, int c) {
    const char* ascii = c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x2032 ? "'"
                        : c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2033 ? "\""
                        : c == 0x2013 || c == 0x2012 || c == 0x2212             ? "-"
                        : c == 0x2014 || c == 0x2015                            ? "--"
                        : c == 0x2026                                           ? "..."
                                                                                : nullptr;
    if (ascii != nullptr) edits.push_back(clean_edit(text, begin, end, ascii, "clean:quotes"));
  });
  return edits;
}

std::vector<Edit> quotes_to_typographic(std::string_view text) {
  // A straight quote opens after white space, an opening bracket or another opening quote, or
  // at the start; otherwise it closes (and an apostrophe inside a word is a closing single quote).
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\'' && c != '"') continue;
    const char before = i == 0 ? ' ' : text[i - 1];
    const bool opens = before == ' ' || before == '\n' || before == '\t' || before == '(' || before == '[' ||
                       before == '\r' || (i >= 3 && text.substr(i - 3, 3) == "\xE2\x80\x9C");
    const char* curly = c == '"' ? (opens ? "\xE2\x80\x9C" : "\xE2\x80\x9D") : (opens ? "\xE2\x80\x98" : "\xE2\x80\x99");
    edits.push_back(clean_edit(text, i, i + 1, curly, "clean:quotes"));
  }
  return edits;
}

}  // namespace despin::detail
