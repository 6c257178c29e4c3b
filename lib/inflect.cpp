// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "inflect.hpp"

#include <string>
#include <unordered_map>

namespace despin::detail {
namespace {

struct Irregular {
  const char* base;
  const char* past;
  const char* participle;
};

const Irregular kIrregular[] = {
#include "irregular_verbs.inc"
};

const std::unordered_map<std::string_view, const Irregular*>& irregular_table() {
  static const auto table = [] {
    std::unordered_map<std::string_view, const Irregular*> t;
    for (const Irregular& v : kIrregular) t.emplace(v.base, &v);
    return t;
  }();
  return table;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

int vowel_groups(std::string_view w) {
  int groups = 0;
  bool in = false;
  for (char c : w) {
    bool v = is_vowel(c) || (c == 'y' && in);
    if (v && !in) ++groups;
    in = v;
  }
  return groups;
}

bool ends_consonant_vowel_consonant(std::string_view w) {
  if (w.size() < 3) return false;
  char a = w[w.size() - 3], b = w[w.size() - 2], c = w.back();
  return !is_vowel(a) && is_vowel(b) && !is_vowel(c) && c != 'w' && c != 'x' && c != 'y';
}

// One-syllable consonant-vowel-consonant verbs double the last letter: stop -> stopped.
bool doubles_final_consonant(std::string_view w) {
  return ends_consonant_vowel_consonant(w) && vowel_groups(w) == 1;
}

bool ends_with(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

}  // namespace

VerbForms inflect_verb(std::string_view base) {
  VerbForms f;
  f.base = std::string(base);
  const std::string w(base);
  const bool cons_y = w.size() >= 2 && w.back() == 'y' && !is_vowel(w[w.size() - 2]);

  // -s
  if (w == "be") f.third_person = "is";
  else if (w == "have") f.third_person = "has";
  else if (w == "do" || w == "go") f.third_person = w + "es";
  else if (cons_y) f.third_person = w.substr(0, w.size() - 1) + "ies";
  else if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh"))
    f.third_person = w + "es";
  else f.third_person = w + "s";

  // -ing
  if (ends_with(w, "ie")) f.present_participle = w.substr(0, w.size() - 2) + "ying";
  else if (w.size() > 2 && w.back() == 'e' && !ends_with(w, "ee") && !ends_with(w, "ye") && !ends_with(w, "oe") && w != "be")
    f.present_participle = w.substr(0, w.size() - 1) + "ing";
  else if (doubles_final_consonant(w)) f.present_participle = w + w.back() + "ing";
  else f.present_participle = w + "ing";

  // -ed
  auto it = irregular_table().find(w);
  if (it != irregular_table().end()) {
    f.past = it->second->past;
    f.past_participle = it->second->participle;
    // Irregular verbs ending stressed consonant-vowel-consonant double it too: begin -> beginning.
    if (ends_consonant_vowel_consonant(w))
      f.present_participle = w + w.back() + "ing";
    return f;
  }
  if (w.back() == 'e') f.past = w + "d";
  else if (cons_y) f.past = w.substr(0, w.size() - 1) + "ied";
  else if (doubles_final_consonant(w)) f.past = w + w.back() + "ed";
  else f.past = w + "ed";
  f.past_participle = f.past;
  return f;
}

}  // namespace despin::detail
