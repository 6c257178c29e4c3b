// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "tokenizer.hpp"

#include "ascii_masks.hpp"
#include "ascii_words.hpp"
#include "utf8.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
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

namespace {

// The tokens of one text as they are appended: the paragraph count and the line breaks seen in
// the white space since the last token carry across plain runs and ICU regions alike.
class TokenSink {
 public:
  TokenSink(std::vector<Token>& tokens, std::size_t base, const TokenLimits& limits = {})
      : tokens_(tokens), base_(base), max_length_(std::clamp<std::size_t>(limits.max_length, 1, Token::kMaxLength)),
        max_paragraph_(std::min(limits.max_paragraph, Token::kMaxParagraph)) {}

  // White space between tokens (ICU may cut it into several pieces: the count adds up the same,
  // since it never separates a CR from the LF after it).
  void space(std::string_view piece) {
    for (std::size_t i = 0; i < piece.size(); ++i)
      if (piece[i] == '\n' || (piece[i] == '\r' && (i + 1 == piece.size() || piece[i + 1] != '\n'))) ++newlines_;
  }
  void token(std::size_t begin, std::size_t end, bool is_word) {
    if (newlines_ >= 2 && paragraph_ < max_paragraph_) ++paragraph_;
    Token t;
    t.set_begin(base_ + begin);
    t.paragraph = paragraph_;
    t.is_word = is_word;
    t.line_break_before = newlines_ > 0;
    newlines_ = 0;
    // A run of over 16 MiB without a break (no word is one) goes on in tokens with no gap.
    for (; end - begin > max_length_; begin += max_length_, t.set_begin(t.begin() + max_length_)) {
      t.length = static_cast<std::uint32_t>(max_length_);
      tokens_.push_back(t);
      t.line_break_before = false;
    }
    t.length = static_cast<std::uint32_t>(end - begin);
    tokens_.push_back(t);
  }

  // Undoes the tokens from `mark` on (a run that turned out to need ICU).
  struct Mark {
    std::size_t tokens;
    std::uint32_t paragraph;
    int newlines;
  };
  Mark mark() const { return {tokens_.size(), paragraph_, newlines_}; }
  void rewind(const Mark& m) {
    tokens_.resize(m.tokens);
    paragraph_ = m.paragraph;
    newlines_ = m.newlines;
  }

 private:
  std::vector<Token>& tokens_;
  std::size_t base_;
  std::size_t max_length_;
  std::uint32_t max_paragraph_;
  std::uint32_t paragraph_ = 0;
  int newlines_ = 0;  // line breaks in the white space since the last token
};

// Segments text[from, to) with ICU. `ut` is reused from region to region (opened on first use).
void icu_region(std::string_view text, std::size_t from, std::size_t to, UText*& ut, TokenSink& sink) {
  const std::string_view region = text.substr(from, to - from);
  UErrorCode status = U_ZERO_ERROR;
  ut = utext_openUTF8(ut, region.data(), static_cast<int64_t>(region.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU utext_openUTF8: ") + u_errorName(status));
  icu::BreakIterator& bi = thread_word_iterator();
  bi.setText(ut, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status));
  for (int32_t start = bi.first(), end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    const std::string_view piece = region.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    if (is_space_span(piece)) {
      sink.space(piece);
      continue;
    }
    sink.token(from + static_cast<std::size_t>(start), from + static_cast<std::size_t>(end),
               bi.getRuleStatus() != UBRK_WORD_NONE);
  }
}

// Closes the UText of the ICU regions, if any ran, and detaches the iterator from it before the
// text goes away.
struct IcuRegions {
  UText* ut = nullptr;
  ~IcuRegions() {
    if (ut == nullptr) return;
    utext_close(ut);
    thread_word_iterator().setText(icu::UnicodeString());
  }
};

// Tokens of the run of text starting at `begin` (up to the next ASCII white space) when it is a
// plain ASCII run (is_plain_ascii_run, checked on the way); returns where the run ends, or
// npos when it is not plain (then some of its tokens may have been given to `sink`).
std::size_t plain_run(std::string_view text, std::size_t begin, TokenSink& sink, AsciiMasks& masks) {
  const std::size_t n = text.size();
  std::size_t i = begin;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_alnum(c)) {
      std::size_t j = i + 1;
      for (;;) {
        j = masks.alnum_end(j);
        if (j + 1 >= n || !is_word_joiner(static_cast<unsigned char>(text[j])) ||
            !is_ascii_alnum(static_cast<unsigned char>(text[j + 1])))
          break;
        const Join join = join_across(static_cast<unsigned char>(text[j - 1]), static_cast<unsigned char>(text[j]),
                                      static_cast<unsigned char>(text[j + 1]));
        if (join == Join::kIcu) return std::string_view::npos;
        if (join == Join::kNo) break;
        j += 2;  // "don't", "3.5": the joiner and the letter or digit after it
      }
      sink.token(i, j, true);
      i = j;
      continue;
    }
    if (is_ascii_space(c)) break;
    if (needs_icu(c)) return std::string_view::npos;
    sink.token(i, i + 1, false);
    ++i;
  }
  return i;
}

// Tokens of plain runs from `pos` on (a run there), with the white space between them, as long as
// the runs are plain and the white space is followed by ASCII. Returns where it stopped: the
// text's end, white space that an ICU region must start with (the byte after it is outside
// ASCII), or a run that is not plain (`icu_run` set; its tokens are taken back). Most texts are
// one call: the loop in tokenize() does the rest.
std::size_t plain_runs(std::string_view text, std::size_t pos, TokenSink& sink, AsciiMasks& masks, bool& icu_run) {
  const std::size_t n = text.size();
  icu_run = false;
  for (;;) {
    const TokenSink::Mark mark = sink.mark();
    const std::size_t end = plain_run(text, pos, sink, masks);
    if (end == std::string_view::npos) {
      sink.rewind(mark);
      icu_run = true;
      return pos;
    }
    if (end == n) return end;
    const std::size_t next = masks.space_end(end);  // text[end] is white space
    if (next < n && static_cast<unsigned char>(text[next]) >= 0x80) return end;
    sink.space(text.substr(end, next - end));
    if (next == n) return next;
    pos = next;
  }
}

// The BOM-stripped text's offset in the caller's text.
std::size_t bom_length(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; }

// A token's offset has 40 bits: a text of a terabyte or more is refused, as a string that long
// would be.
void check_size(std::string_view text) {
  if (text.size() > Token::kMaxOffset) throw std::length_error("despin: a text of 2^40 bytes or more cannot be tokenized");
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, const TokenLimits& limits) {
  check_size(text);
  std::vector<Token> tokens;
  // A byte order mark is not part of the first word (ICU would glue it to it, rule WB4).
  const std::size_t base = bom_length(text);
  text.remove_prefix(base);
  if (text.empty()) return tokens;
  // Room for a token every four bytes, which prose rarely passes (WikiText, with spaces around
  // its punctuation, has one every 4.6): growing past the reserve copies every token so far.
  // Capacity never written costs address space, not memory.
  tokens.reserve(text.size() / 4 + 1);
  TokenSink sink(tokens, base, limits);
  IcuRegions icu;
  const std::size_t n = text.size();
  AsciiMasks masks(text);
  auto space = [&](unsigned char c) { return is_ascii_space(c); };
  auto run_end = [&](std::size_t p) {
    while (p < n && !space(static_cast<unsigned char>(text[p]))) ++p;
    return p;
  };
  // ICU breaks before and after ASCII white space (it joins only CR LF and spaces, which are
  // white space either way) unless a combining or format character follows it (WB4): cut there,
  // the text is a sequence of runs, each segmented alone.
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t from = pos;  // where an ICU region would start
    if (space(static_cast<unsigned char>(text[pos]))) {
      pos = masks.space_end(pos);
      if (pos == n || static_cast<unsigned char>(text[pos]) < 0x80) {
        sink.space(text.substr(from, pos - from));
        continue;
      }
      // The run after this white space starts outside ASCII: ICU sees both together.
    }
    if (from == pos) {
      bool icu_run = false;
      pos = plain_runs(text, pos, sink, masks, icu_run);
      if (!icu_run) continue;
      from = pos;
    }
    std::size_t end = run_end(pos);
    // Runs that need ICU one after another go to it as one region (one setText).
    for (;;) {
      std::size_t next = end;
      while (next < n && space(static_cast<unsigned char>(text[next]))) ++next;
      if (next == n) break;
      const std::size_t next_end = run_end(next);
      if (is_plain_ascii_run(text.substr(next, next_end - next))) break;
      end = next_end;
    }
    icu_region(text, from, end, icu.ut, sink);
    pos = end;
  }
  return tokens;
}

std::vector<Token> tokenize_with_icu(std::string_view text) {
  check_size(text);
  std::vector<Token> tokens;
  const std::size_t base = bom_length(text);
  text.remove_prefix(base);
  if (text.empty()) return tokens;
  TokenSink sink(tokens, base);
  IcuRegions icu;
  icu_region(text, 0, text.size(), icu.ut, sink);
  return tokens;
}

void fold_key(std::string_view token, std::string& out) {
  out.clear();
  bool ascii = true;
  for (unsigned char c : token) ascii &= c < 0x80;
  if (ascii) {
    out.assign(token.data(), token.size());
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
  u.foldCase();
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(u'\''));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), icu::UnicodeString(u'\''));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x02BC)), icu::UnicodeString(u'\''));
  u.toUTF8String(out);
}

void fold_key_soft_bounds(std::string_view token, std::string_view key, std::vector<std::uint32_t>& out) {
  const std::size_t first = out.size();
  std::string rebuilt, piece;
  for (std::size_t i = 0; i < token.size();) {
    const std::size_t at = i;
    const int c = next_code_point(token, i);
    if (c >= 0 && c < 0x80) {
      rebuilt += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
      continue;
    }
    fold_key(token.substr(at, i - at), piece);  // case folding maps each character on its own
    if (std::any_of(piece.begin(), piece.end(), [](char b) { return is_ascii_alnum(b); })) {
      out.push_back(static_cast<std::uint32_t>(rebuilt.size()));
      out.push_back(static_cast<std::uint32_t>(rebuilt.size() + piece.size()));
    }
    rebuilt += piece;
  }
  if (rebuilt == key) return;
  // Folded together, the characters gave another key than one by one (not known to happen):
  // then a run may end anywhere, which only costs the rule prefilter some precision.
  out.resize(first);
  for (std::size_t k = 0; k <= key.size(); ++k) out.push_back(static_cast<std::uint32_t>(k));
}

std::vector<std::string> phrase_keys(std::string_view phrase) {
  const std::vector<Token> tokens = tokenize(phrase);
  std::vector<std::string> keys(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i)
    fold_key(phrase.substr(tokens[i].begin(), tokens[i].length), keys[i]);
  return keys;
}

Shape shape_of(std::string_view token) {
  int upper = 0, lower = 0;
  bool first_upper = false, first = true;
  std::size_t i = 0;
  while (i < token.size()) {
    const auto byte = static_cast<unsigned char>(token[i]);
    bool up;
    if (byte < 0x80) {  // ASCII, asked of nearly every token: what ICU would say, without ICU
      ++i;
      const bool letter = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
      if (!letter) continue;
      up = byte <= 'Z';
    } else {
      const UChar32 c = next_code_point(token, i);
      if (c < 0 || !u_isalpha(c)) continue;
      up = u_isupper(c) || u_istitle(c);
    }
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
