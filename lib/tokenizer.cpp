// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "tokenizer.hpp"

#include "utf8.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace despin::detail {
namespace {

// One BreakIterator of each kind per thread: ICU iterators are not thread-safe, and creating
// one costs far more than a rewrite of a short text.
template <icu::BreakIterator* (*Create)(const icu::Locale&, UErrorCode&)>
icu::BreakIterator& thread_iterator(const char* what) {
  thread_local std::unique_ptr<icu::BreakIterator> it = [what] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(Create(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !bi) throw std::runtime_error(std::string("ICU ") + what + ": " + u_errorName(status));
    return bi;
  }();
  return *it;
}

icu::BreakIterator& thread_word_iterator() {
  return thread_iterator<&icu::BreakIterator::createWordInstance>("word iterator");
}

bool is_space_span(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const UChar32 c = next_code_point(s, i);
    if (c < 0 || !(u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B)) return false;
  }
  return true;
}

}  // namespace

icu::BreakIterator& thread_sentence_iterator() {
  return thread_iterator<&icu::BreakIterator::createSentenceInstance>("sentence iterator");
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  // A byte order mark is not part of the first word (ICU would glue it to it, rule WB4).
  const std::size_t base = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  text.remove_prefix(base);
  if (text.empty()) return tokens;
  tokens.reserve(text.size() / 5 + 1);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU utext_openUTF8: ") + u_errorName(status));
  icu::BreakIterator& bi = thread_word_iterator();
  bi.setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status));
  }

  std::uint32_t paragraph = 0;
  int newlines = 0;  // line breaks in the white space since the last token
  for (int32_t start = bi.first(), end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    std::string_view piece = text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    if (is_space_span(piece)) {
      for (std::size_t i = 0; i < piece.size(); ++i)
        if (piece[i] == '\n' || (piece[i] == '\r' && (i + 1 == piece.size() || piece[i + 1] != '\n'))) ++newlines;
      continue;
    }
    if (newlines >= 2) ++paragraph;
    Token t;
    t.begin = base + static_cast<std::size_t>(start);
    t.end = base + static_cast<std::size_t>(end);
    t.paragraph = paragraph;
    t.is_word = bi.getRuleStatus() != UBRK_WORD_NONE;
    t.line_break_before = newlines > 0;
    newlines = 0;
    tokens.push_back(t);
  }
  utext_close(ut);
  // The iterator keeps a pointer to the UText: detach it before the text goes away.
  bi.setText(icu::UnicodeString());
  return tokens;
}

void fold_key(std::string_view token, std::string& out) {
  out.clear();
  bool ascii = true;
  for (unsigned char c : token) ascii &= c < 0x80;
  if (ascii) {
    for (unsigned char c : token) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
  u.foldCase();
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(u'\''));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), icu::UnicodeString(u'\''));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x02BC)), icu::UnicodeString(u'\''));
  u.toUTF8String(out);
}

std::vector<std::string> phrase_keys(std::string_view phrase) {
  std::vector<std::string> keys;
  for (const Token& t : tokenize(phrase)) {
    keys.emplace_back();
    fold_key(phrase.substr(t.begin, t.end - t.begin), keys.back());
  }
  return keys;
}

Shape shape_of(std::string_view token) {
  int upper = 0, lower = 0;
  bool first_upper = false, first = true;
  std::size_t i = 0;
  while (i < token.size()) {
    const UChar32 c = next_code_point(token, i);
    if (c < 0 || !u_isalpha(c)) continue;
    bool up = u_isupper(c) || u_istitle(c);
    if (first) first_upper = up;
    first = false;
    (up ? upper : lower)++;
  }
  if (upper == 0 && lower == 0) return Shape::kNone;
  if (upper == 0) return Shape::kLower;
  if (lower == 0) return upper == 1 ? Shape::kTitle : Shape::kUpper;
  if (first_upper && upper == 1) return Shape::kTitle;
  return Shape::kMixed;
}

std::string capitalize_first(std::string_view s) {
  if (s.empty()) return {};
  unsigned char c0 = static_cast<unsigned char>(s[0]);
  if (c0 < 0x80) {
    std::string out(s);
    if (c0 >= 'a' && c0 <= 'z') out[0] = static_cast<char>(c0 - 32);
    return out;
  }
  std::size_t i = 0;
  const UChar32 c = next_code_point(s, i);
  if (c < 0) return std::string(s);
  icu::UnicodeString head(static_cast<UChar32>(u_totitle(c)));
  std::string out;
  head.toUTF8String(out);
  out.append(s.substr(i));
  return out;
}

std::string to_upper(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace despin::detail
