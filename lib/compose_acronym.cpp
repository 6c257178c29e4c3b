// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Term composition guided by an acronym: a paper introduces a term with its acronym, "Principal
// Component Analysis (PCA)", and a spinner swaps the words but not the letters ("Partial
// Component Analysis (PCA)"). The acronym says which term the words were.
#include <algorithm>
#include <cctype>

#include "compose.hpp"

namespace despin::detail {
namespace {

constexpr std::size_t kMinLetters = 2, kMaxLetters = 8;

// The acronym's letters in lower case ("PCA" -> "pca", "DERs" -> "der" with `plural`), or ""
// when the token is no acronym: letters only, two of them capitals.
std::string acronym_letters(std::string_view token, bool& plural) {
  plural = false;
  if (token.size() > 2 && token.back() == 's' && std::isupper(static_cast<unsigned char>(token[token.size() - 2]))) {
    plural = true;
    token.remove_suffix(1);
  }
  if (token.size() < kMinLetters || token.size() > kMaxLetters) return {};
  std::string letters;
  int capitals = 0;
  for (char c : token) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalpha(u)) return {};
    capitals += std::isupper(u) != 0;
    letters += static_cast<char>(std::tolower(u));
  }
  return capitals >= 2 ? letters : std::string();
}

bool content_key(const std::string& key) { return is_word_key(key) && !is_function_word(key); }

}  // namespace

const TermComposer::AcronymIndex& TermComposer::acronym_index() const {
  AcronymState& state = *acronyms_;
  std::call_once(state.once, [&] {
    // Initials from the display split at spaces and hyphens, without the tokenizer: tens of
    // thousands of terms are read once, and only the few a lookup finds are tokenized.
    AcronymIndex& index = state.index;
    std::string word, content_initials, all_initials;
    for (std::size_t t = 0; t < terms_.size(); ++t) {
      content_initials.clear();
      all_initials.clear();
      bool ascii = true;
      const std::string& display = terms_[t].display;
      for (std::size_t at = 0; at <= display.size() && ascii;) {
        const std::size_t end = std::min(display.find_first_of(" -", at), display.size());
        word.assign(display, at, end - at);
        at = end + 1;
        if (word.empty()) continue;
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        ascii = std::isalnum(static_cast<unsigned char>(word[0])) != 0;
        all_initials += word[0];
        if (!is_function_word(word)) content_initials += word[0];
      }
      if (!ascii || content_initials.size() < kMinLetters || content_initials.size() > kMaxLetters) continue;
      index.terms[content_initials].push_back(static_cast<std::uint32_t>(t));
      if (all_initials != content_initials && all_initials.size() <= kMaxLetters)
        index.terms[all_initials].push_back(static_cast<std::uint32_t>(t));
    }
  });
  return state.index;
}

std::optional<TermComposer::AcronymFound> TermComposer::find_by_acronym(std::string_view text,
                                                                        const std::vector<Token>& tokens,
                                                                        const DocumentWords& words,
                                                                        const Words& readings,
                                                                        std::size_t open) const {
  if (open == 0 || open + 2 >= tokens.size() || terms_.empty()) return std::nullopt;
  auto token_text = [&](std::size_t i) { return text.substr(tokens[i].begin(), tokens[i].length); };
  if (token_text(open) != "(" || token_text(open + 2) != ")" || !tokens[open + 1].is_word) return std::nullopt;
  bool plural_acronym = false;
  const std::string letters = acronym_letters(token_text(open + 1), plural_acronym);
  if (letters.empty()) return std::nullopt;
  const AcronymIndex& index = acronym_index();
  const auto hit = index.terms.find(letters);
  if (hit == index.terms.end()) return std::nullopt;

  // How a written word stands to a term's word, from the readings prepare() made of it: as
  // written (or its singular, or its American spelling), a swap the composer knows, or neither.
  enum class Fit { kWritten, kSwapped, kFree };
  auto fit = [&](std::size_t token, const std::string& original, bool& plural) {
    const std::uint32_t original_id = term_trie_.word_id(original);
    const std::uint32_t d = words.of_token[token];
    Fit best = Fit::kFree;
    for (std::uint32_t s = readings.first[d]; s < readings.last[d] && best != Fit::kWritten; ++s) {
      const Words::Step& step = (*readings.steps)[s];
      if (step.word != original_id || (step.swapped && best == Fit::kSwapped)) continue;
      best = step.swapped ? Fit::kSwapped : Fit::kWritten;
      plural = step.plural;
    }
    return best;
  };

  struct Candidate {
    std::uint32_t term;
    std::size_t first;
    int free;
    bool plural;
  };
  std::vector<Candidate> fits;
  for (const std::uint32_t t : hit->second) {
    std::vector<std::string> content = phrase_keys(terms_[t].display);
    std::erase_if(content, [](const std::string& k) { return !content_key(k); });
    if (content.size() < kMinLetters) continue;
    // The run: back from "(" over words and hyphens, as many content words as the term has.
    std::vector<std::size_t> run;  // content-word tokens, last first
    std::size_t first = open;
    for (std::size_t i = open; i-- > 0 && run.size() < content.size();) {
      if (!tokens[i].is_word) {
        if (token_text(i) != "-" || tokens[i].line_break_before) break;
        continue;
      }
      if (tokens[i + 1].line_break_before) break;  // a line ends between the run and the rest
      first = i;
      if (content_key(words.key_of_token(i))) run.push_back(i);
    }
    if (run.size() != content.size()) continue;
    std::reverse(run.begin(), run.end());
    int changed = 0, free = 0;
    bool plural = false;
    for (std::size_t k = 0; k < run.size(); ++k) {
      bool singular = false;
      const Fit f = fit(run[k], content[k], singular);
      changed += f != Fit::kWritten;
      free += f == Fit::kFree;
      // The last word's number: from the form that fit, or for a free word from its ending.
      if (k + 1 == run.size()) plural = f == Fit::kFree ? !singulars(words.key_of_token(run[k])).empty() : singular;
    }
    // The words as written are this term: the writer's, and no other term is read into them.
    if (changed == 0) return std::nullopt;
    if (free > (content.size() >= 3 ? 1 : 0)) continue;
    fits.push_back(Candidate{t, first, free, plural || plural_acronym});
  }
  if (fits.empty()) return std::nullopt;
  std::stable_sort(fits.begin(), fits.end(), [](const Candidate& a, const Candidate& b) { return a.free < b.free; });
  // Two terms that fit as well: the acronym does not decide (a term listed with and without a
  // hyphen is one reading).
  auto reading = [&](std::uint32_t t) {
    std::string r = terms_[t].display;
    std::replace(r.begin(), r.end(), '-', ' ');
    std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return r;
  };
  for (std::size_t k = 1; k < fits.size() && fits[k].free == fits[0].free; ++k)
    if (reading(fits[k].term) != reading(fits[0].term)) return std::nullopt;
  const Candidate& best = fits[0];
  const TermInfo& term = terms_[best.term];
  return AcronymFound{best.first, best.plural ? pluralize_last_word(term.display) : term.display, term.source};
}

}  // namespace despin::detail
