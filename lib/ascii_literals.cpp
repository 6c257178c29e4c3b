// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "ascii_literals.hpp"

#include <algorithm>
#include <stdexcept>

#include <re2/re2.h>
#include <unicode/uniset.h>
#include <unicode/usetiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace despin::detail {

namespace {

// Whether each character of `literal` outside ASCII matches, ignoring case as RE2 does, some
// ASCII character: RE2 itself is asked, so no case-folding table is assumed here.
bool folds_to_ascii(const std::string& literal) {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_literal(true);
  o.set_log_errors(false);
  for (std::size_t i = 0; i < literal.size();) {
    const auto lead = static_cast<unsigned char>(literal[i]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80) {
      const RE2 re(literal.substr(i, len), o);
      bool any = false;
      for (int c = 1; c < 0x80 && !any; ++c) any = RE2::FullMatch(std::string(1, static_cast<char>(c)), re);
      if (!any) return false;
    }
    i += len;
  }
  return true;
}

// A literal longer than this many spellings (one a way of writing each of its characters
// outside ASCII in another case) is left to RE2: a name or two is a handful, and the product
// grows fast.
constexpr std::size_t kMaxSpellings = 64;

// The ways of writing `literal` that match it ignoring case, for the automaton: ASCII letters
// fold by byte class, so only the characters outside ASCII are spelled out, each in every
// form of ICU's closure under case (full folding: a superset of RE2's simple folding, so the
// automaton finds at least what RE2 finds). Empty when there are too many, or the literal is
// not UTF-8.
std::vector<std::string> spellings(const std::string& literal) {
  if (std::all_of(literal.begin(), literal.end(), [](unsigned char c) { return c < 0x80; })) return {literal};
  std::vector<std::string> out = {""};
  for (std::int32_t i = 0, n = static_cast<std::int32_t>(literal.size()); i < n;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(literal.data(), i, n, c);
    if (c < 0) return {};
    std::vector<std::string> forms;
    if (c < 0x80) {
      forms.push_back(literal.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    } else {
      icu::UnicodeSet closure(c, c);
      closure.closeOver(USET_CASE_INSENSITIVE);
      for (icu::UnicodeSetIterator it(closure); it.next();) {
        std::string form;
        if (it.isString()) it.getString().toUTF8String(form);
        else icu::UnicodeString(it.getCodepoint()).toUTF8String(form);
        forms.push_back(std::move(form));
      }
    }
    if (out.size() * forms.size() > kMaxSpellings) return {};
    std::vector<std::string> longer;
    for (const std::string& head : out)
      for (const std::string& form : forms) longer.push_back(head + form);
    out = std::move(longer);
  }
  return out;
}

}  // namespace

AsciiLiterals::AsciiLiterals(const std::vector<std::string>& literals) {
  std::vector<std::vector<std::string>> spelled(literals.size());  // empty: left to RE2
  for (std::size_t i = 0; i < literals.size(); ++i)
    if (!literals[i].empty()) spelled[i] = spellings(literals[i]);
  // Classes: one per byte that occurs in a spelling, the upper-case letter with its lower
  // case; bytes outside ASCII in none of them are kOutside. ASCII bytes first: they always fit
  // (at most 129 classes); a literal whose bytes outside ASCII no longer fit below kOutside
  // is left to RE2.
  for (std::size_t c = 0x80; c < 256; ++c) class_of_[c] = kOutside;
  for (const auto& forms : spelled)
    for (const std::string& f : forms)
      for (unsigned char c : f)
        if (c < 0x80 && class_of_[c] == 0) class_of_[c] = static_cast<std::uint8_t>(classes_++);
  auto classify_outside_ascii = [&](const std::vector<std::string>& forms) {
    for (const std::string& f : forms)
      for (unsigned char c : f)
        if (c >= 0x80 && class_of_[c] == kOutside) {
          if (classes_ + 1 >= kOutside) return false;
          class_of_[c] = static_cast<std::uint8_t>(classes_++);
        }
    return true;
  };
  for (auto& forms : spelled)
    if (!classify_outside_ascii(forms)) forms.clear();
  for (int c = 'A'; c <= 'Z'; ++c) class_of_[static_cast<std::size_t>(c)] = class_of_[static_cast<std::size_t>(c + 32)];

  // The trie of the literals (state 0 the root) is built in next_ itself, a row of classes_
  // entries a state holding child state numbers (0: none); the breadth-first pass below then
  // turns each row, in order, into the complete automaton's transitions as find() walks them.
  std::size_t spelled_bytes = 0;
  for (const auto& forms : spelled)
    for (const std::string& f : forms) spelled_bytes += f.size();
  next_.reserve((spelled_bytes + 1) * classes_);  // at most a state a byte: no reallocation
  next_.assign(classes_, 0);
  std::vector<std::vector<int>> outputs(1);
  for (std::size_t i = 0; i < literals.size(); ++i) {
    const std::string& l = literals[i];
    if (l.empty()) {
      always_.push_back(static_cast<int>(i));
      continue;
    }
    if (spelled[i].empty()) {
      // Too many spellings, or not UTF-8: RE2 must look for it in text outside ASCII. ASCII
      // text holds it only if every character outside ASCII folds to one inside (as the
      // Kelvin sign to k): then it is reported present, else never.
      answers_all_ = false;
      if (folds_to_ascii(l)) always_.push_back(static_cast<int>(i));
      continue;
    }
    for (const std::string& form : spelled[i]) {
      std::uint32_t s = 0;
      for (unsigned char c : form) {
        const std::size_t at = s * classes_ + class_of_[c];
        if (next_[at] == 0) {
          next_[at] = static_cast<std::uint32_t>(outputs.size());
          outputs.emplace_back();
          next_.resize(next_.size() + classes_, 0);
        }
        s = next_[at];
      }
      outputs[s].push_back(static_cast<int>(i));
    }
  }
  const std::size_t states = outputs.size();
  if (states * classes_ >= kHasOutput) throw std::length_error("AsciiLiterals: too many states");

  // Failure links breadth first. A transition becomes the target's row offset (state x
  // classes), with kHasOutput set when a literal ends in the target or in a state it falls
  // back to, so a byte costs find() one load and no multiply. A state's fallback has a lower
  // depth, so its row is final when the state's own row is rewritten.
  std::vector<std::uint32_t> fail(states, 0);
  std::vector<bool> ends(states, false);
  std::vector<std::uint32_t> queue;
  queue.reserve(states);
  queue.push_back(0);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t s = queue[head];
    const std::vector<int>& inherited = outputs[fail[s]];
    if (s != 0) outputs[s].insert(outputs[s].end(), inherited.begin(), inherited.end());
    std::uint32_t* const row = next_.data() + s * classes_;
    const std::uint32_t* const fallback = next_.data() + fail[s] * classes_;
    for (std::size_t c = 0; c < classes_; ++c) {
      const std::uint32_t child = row[c];
      if (c != 0 && child != 0) {
        fail[child] = s == 0 ? 0 : (fallback[c] & ~kHasOutput) / static_cast<std::uint32_t>(classes_);
        ends[child] = !outputs[child].empty() || ends[fail[child]];
        row[c] = static_cast<std::uint32_t>(child * classes_) | (ends[child] ? kHasOutput : 0);
        queue.push_back(child);
      } else {
        // Class 0 (bytes in no literal) and the root's missing children go to the root.
        row[c] = c == 0 || s == 0 ? 0 : fallback[c];
      }
    }
  }
  out_begin_.reserve(states + 1);
  for (const std::vector<int>& o : outputs) {
    out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
    out_.insert(out_.end(), o.begin(), o.end());
  }
  out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
}

void AsciiLiterals::emit(std::uint32_t row, std::vector<int>& found) const {
  const std::size_t state = row / classes_;
  found.insert(found.end(), out_.begin() + out_begin_[state], out_.begin() + out_begin_[state + 1]);
}

bool AsciiLiterals::find(std::string_view text, std::vector<int>& found) const {
  const std::size_t before = found.size();
  if (next_.empty()) {
    if (!answers_all_)
      for (unsigned char c : text)
        if (c >= 0x80) return false;
  } else {
    // The tables as local pointers: stores into `found` could alias the members as far as
    // the compiler knows, and reloading them cost as much as the rest of a byte's work.
    const std::uint32_t* const next = next_.data();
    const std::uint8_t* const class_of = class_of_.data();
    const char* const bytes = text.data();
    const std::size_t size = text.size();
    std::uint32_t row = 0;  // the current state's row in next_
    for (std::size_t i = 0; i < size; ++i) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      std::uint8_t k = class_of[c];
      if (c >= 0x80) {
        if (!answers_all_) {
          found.resize(before);
          return false;
        }
        // The two characters that fold to an ASCII letter read as that letter; the bytes of
        // any other are in no literal or match as they are.
        const std::string_view rest(bytes + i, size - i);
        if (rest.starts_with("\xC5\xBF")) {  // U+017F LATIN SMALL LETTER LONG S
          k = class_of[static_cast<unsigned char>('s')];
          i += 1;
        } else if (rest.starts_with("\xE2\x84\xAA")) {  // U+212A KELVIN SIGN
          k = class_of[static_cast<unsigned char>('k')];
          i += 2;
        } else if (k == kOutside) {
          k = 0;
        }
      }
      const std::uint32_t t = next[row + k];
      row = t & ~kHasOutput;
      if (t & kHasOutput) [[unlikely]] emit(row, found);
    }
  }
  found.insert(found.end(), always_.begin(), always_.end());
  std::sort(found.begin() + static_cast<std::ptrdiff_t>(before), found.end());
  found.erase(std::unique(found.begin() + static_cast<std::ptrdiff_t>(before), found.end()), found.end());
  return true;
}

}  // namespace despin::detail
