// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "compose.hpp"

#include <algorithm>
#include <cctype>

namespace despin::detail {
namespace {

}  // namespace

bool is_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",   "an",  "the", "of",  "in",   "on",    "at",    "to",    "for",  "with", "by",  "from", "and",
      "or",  "as",  "is",  "are", "was",  "were",  "be",    "been",  "it",   "its",  "this", "that", "these",
      "those", "his", "her", "their", "our", "your", "my", "not", "no", "into", "onto", "than", "then", "so"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool is_word_key(std::string_view k) {
  return std::any_of(k.begin(), k.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; });
}

namespace {

std::string join(const std::vector<std::string_view>& parts) {
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

struct Choice {
  std::string_view key;
  bool plural;  // the spun word was plural and this key is singular: pluralize the result
};

}  // namespace

// Singular candidates of a plural key: "networks" -> "network", "libraries" -> "library",
// "processes" -> "process".
std::vector<std::string> singulars(std::string_view w) {
  std::vector<std::string> out;
  if (w.size() < 4 || w.back() != 's' || w.ends_with("ss")) return out;
  if (w.ends_with("ies")) out.push_back(std::string(w.substr(0, w.size() - 3)) + "y");
  if (w.ends_with("es")) out.emplace_back(w.substr(0, w.size() - 2));
  out.emplace_back(w.substr(0, w.size() - 1));
  return out;
}

// "network" -> "networks", "library" -> "libraries", "process" -> "processes".
std::string pluralize_last_word(const std::string& term) {
  const std::size_t sp = term.find_last_of(" -");
  const std::string head = sp == std::string::npos ? "" : term.substr(0, sp + 1);
  std::string w = sp == std::string::npos ? term : term.substr(sp + 1);
  const auto vowel = [](char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; };
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) w = w.substr(0, w.size() - 1) + "ies";
  else if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") || w.ends_with("sh")) w += "es";
  else w += "s";
  return head + w;
}

void TermComposer::add_swap(const std::string& spun, const std::string& original) {
  std::vector<std::string>& to = swaps_[spun];
  if (std::find(to.begin(), to.end(), original) == to.end() && to.size() < 8) {
    to.push_back(original);
    ++swaps_count_;
  }
}

void TermComposer::add_term(const std::string& display, const std::string& source) {
  std::vector<std::string> keys = phrase_keys(display);
  if (std::count_if(keys.begin(), keys.end(), [](const std::string& k) { return is_word_key(k); }) < 2) return;
  std::vector<std::string_view> views(keys.begin(), keys.end());
  terms_.insert_or_assign(join(views), TermInfo{display, source});
}

void TermComposer::learn(const Dictionary& dictionary) {
  for (const Entry& e : dictionary.entries()) {
    if (e.is_rule) continue;
    const std::vector<std::string> spun = phrase_keys(e.spun);
    const std::vector<std::string> original = phrase_keys(e.original);
    add_term(e.original, e.source);
    // Aligned word for word: each differing pair is a swap the spinner makes. An entry that
    // changes one word is clear evidence; one that changes several may be an idiom ("fourteen
    // days" -> "two weeks" does not mean days -> weeks), so its pairs must recur in another entry.
    std::vector<std::pair<std::string, std::string>> pairs;
    for_each_aligned_swap(spun, original, [&](const std::string& s, const std::string& o) { pairs.emplace_back(s, o); });
    for (const auto& [s, o] : pairs) {
      if (pairs.size() == 1 || ++multi_word_pairs_[s + '\n' + o] == 2) add_swap(s, o);
    }
  }
  for (const Term& t : dictionary.terms()) add_term(t.text, t.source);
}

std::optional<TermComposer::Found> TermComposer::find(std::string_view text, const std::vector<Token>& tokens,
                                                      std::size_t first, const std::vector<bool>& blocked) const {
  if (first >= tokens.size() || !tokens[first].is_word || blocked[first]) return std::nullopt;
  std::vector<std::string> keys;
  std::size_t limit = first;
  for (; limit < tokens.size() && limit - first < kMaxTokens; ++limit) {
    if (blocked[limit] || (limit > first && tokens[limit].paragraph != tokens[first].paragraph)) break;
    keys.emplace_back();
    fold_key(text.substr(tokens[limit].begin, tokens[limit].end - tokens[limit].begin), keys.back());
  }
  if (keys.size() < 2) return std::nullopt;
  // Most runs hold no swappable word at all: reject them before building anything.
  const bool swappable = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
    if (swaps_.count(k)) return true;
    for (const std::string& s : singulars(k))
      if (swaps_.count(s)) return true;
    return false;
  });
  if (!swappable) return std::nullopt;

  std::vector<std::vector<Choice>> choices;
  std::vector<std::string> singular_store;
  for (std::size_t end = keys.size(); end >= 2; --end) {
    if (!tokens[first + end - 1].is_word) continue;
    const std::size_t words = static_cast<std::size_t>(std::count_if(
        tokens.begin() + static_cast<std::ptrdiff_t>(first), tokens.begin() + static_cast<std::ptrdiff_t>(first + end),
        [](const Token& t) { return t.is_word; }));
    if (words < 2) continue;

    // Alternatives per position: the word itself, then what it may have been.
    choices.assign(end, {});
    bool any_swap = false;
    for (std::size_t k = 0; k < end; ++k) {
      choices[k].push_back(Choice{keys[k], false});
      if (auto it = swaps_.find(keys[k]); it != swaps_.end()) {
        for (const std::string& o : it->second) choices[k].push_back(Choice{o, false});
        any_swap = true;
      }
    }
    singular_store = singulars(keys[end - 1]);
    for (const std::string& s : singular_store) {
      choices[end - 1].push_back(Choice{s, true});
      if (auto it = swaps_.find(s); it != swaps_.end()) {
        for (const std::string& o : it->second) choices[end - 1].push_back(Choice{o, true});
        any_swap = true;
      }
    }
    if (!any_swap) continue;

    // A run that is itself a known term (in any number) is genuine: leave it.
    std::vector<std::string_view> parts(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(end));
    bool genuine = terms_.count(join(parts)) > 0;
    for (const std::string& s : singular_store) {
      parts.back() = s;
      genuine = genuine || terms_.count(join(parts)) > 0;
    }
    if (genuine) continue;

    // Try every combination (odometer order), bounded: long runs of swappable words are rare.
    std::vector<std::size_t> pick(end, 0);
    for (int budget = 512; budget > 0; --budget) {
      std::size_t k = end;
      while (k > 0) {
        --k;
        if (++pick[k] < choices[k].size()) break;
        pick[k] = 0;
        if (k == 0) { k = end + 1; break; }
      }
      if (k == end + 1) break;  // wrapped around: all tried
      bool changed = false;
      for (std::size_t p = 0; p < end; ++p) {
        parts[p] = choices[p][pick[p]].key;
        changed = changed || pick[p] != 0;
      }
      if (!changed) continue;
      if (auto it = terms_.find(join(parts)); it != terms_.end()) {
        const bool plural = choices[end - 1][pick[end - 1]].plural;
        return Found{first + end, plural ? pluralize_last_word(it->second.display) : it->second.display,
                     it->second.source};
      }
    }
  }
  return std::nullopt;
}

}  // namespace despin::detail
