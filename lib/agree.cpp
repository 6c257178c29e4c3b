// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "agree.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace despin::detail {

namespace {

// The phrase with each space-separated word replaced by f(word, its index).
template <class F>
std::string map_words(std::string_view phrase, F f) {
  std::string out;
  std::size_t i = 0, index = 0;
  while (i <= phrase.size()) {
    std::size_t sp = phrase.find(' ', i);
    if (sp == std::string_view::npos) sp = phrase.size();
    if (index > 0) out += ' ';
    out += f(phrase.substr(i, sp - i), index++);
    i = sp + 1;
  }
  return out;
}

}  // namespace

std::string match_case(std::string_view replacement, const std::vector<Shape>& shapes) {
  // The shapes of the words with letters. Called once per edit: the copy is made only when some
  // word has none (a number), which is rare.
  std::vector<Shape> filtered;
  const bool all_letters = std::find(shapes.begin(), shapes.end(), Shape::kNone) == shapes.end();
  if (!all_letters) std::copy_if(shapes.begin(), shapes.end(), std::back_inserter(filtered), [](Shape s) { return s != Shape::kNone; });
  const std::vector<Shape>& letters = all_letters ? shapes : filtered;
  if (letters.empty()) return std::string(replacement);
  const bool all_upper = std::all_of(letters.begin(), letters.end(), [](Shape s) { return s == Shape::kUpper; });
  if (all_upper) return to_upper(replacement);
  const bool all_title = letters.size() >= 2 &&
                         std::all_of(letters.begin(), letters.end(), [](Shape s) { return s == Shape::kTitle; });
  // A heading or a name in Title Case: capitalise every word of the replacement.
  if (all_title) return map_words(replacement, [](std::string_view w, std::size_t) { return capitalize_first(w); });
  // "Prepared or Not" -> "Ready or Not": a capitalised word inside the phrase is a title's or a
  // name's, so when the replacement has as many words as the spun phrase each word takes its own
  // capital. An upper-case word inside is an acronym ("PC" for "computer"): it says nothing.
  const bool capital_inside =
      std::any_of(letters.begin() + 1, letters.end(), [](Shape s) { return s == Shape::kTitle; });
  if (capital_inside && static_cast<std::size_t>(std::count(replacement.begin(), replacement.end(), ' ')) + 1 ==
                            letters.size()) {
    return map_words(replacement, [&](std::string_view w, std::size_t k) {
      return letters[k] == Shape::kTitle ? capitalize_first(w) : std::string(w);
    });
  }
  // "Be that as it may" -> "However". An acronym leading lower-case words ("PC supported
  // analysis") says nothing about the sentence: the replacement keeps its own case.
  if (letters.front() == Shape::kTitle || (letters.front() == Shape::kUpper && letters.size() == 1))
    return capitalize_first(replacement);
  return std::string(replacement);
}

bool takes_an(std::string_view phrase, bool* known) {
  std::string word;
  for (char c : phrase) {
    if (c == ' ' || c == '-') break;
    word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  *known = !word.empty() && word[0] >= 'a' && word[0] <= 'z';
  if (!*known) return false;
  auto starts = [&](std::string_view p) { return word.rfind(p, 0) == 0; };
  // Vowel letters that sound like a consonant, and silent h's.
  static constexpr std::array<std::string_view, 12> kConsonantSound = {
      "uni", "use", "usu", "uti", "ure", "uro", "eu", "one", "once", "ubiq", "uga", "uk"};
  static constexpr std::array<std::string_view, 5> kSilentH = {"hour", "honest", "honor", "honour", "heir"};
  for (auto p : kSilentH)
    if (starts(p)) return true;
  const char c = word[0];
  if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
    for (auto p : kConsonantSound)
      if (starts(p)) return false;
    return true;
  }
  return false;
}

void match_apostrophes(std::string& replacement, std::string_view spun) {
  constexpr std::string_view kCurly = "\xE2\x80\x99";  // U+2019
  if (spun.find(kCurly) == std::string_view::npos || spun.find('\'') != std::string_view::npos) return;
  for (std::size_t pos = replacement.find('\''); pos != std::string::npos; pos = replacement.find('\'', pos + 3))
    replacement.replace(pos, 1, kCurly);
}

std::string title_case(std::string_view phrase) {
  static constexpr std::string_view kSmall[] = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on",
                                                "at", "to", "for", "by", "as"};
  return map_words(phrase, [](std::string_view word, std::size_t k) {
    const bool small = k > 0 && std::find(std::begin(kSmall), std::end(kSmall), word) != std::end(kSmall);
    return small ? std::string(word) : capitalize_first(word);
  });
}

}  // namespace despin::detail
