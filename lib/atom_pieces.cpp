// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "atom_pieces.hpp"

#include "common_words.hpp"  // is_common_word
#include "thread_memo.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <unicode/uniset.h>
#include <unicode/usetiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace despin::detail {
namespace {

bool is_run_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Whether the character outside ASCII `c` separates runs wherever a case-insensitive match may
// put it: no character or string it matches under case holds an ASCII character.
bool separates(UChar32 c) {
  icu::UnicodeSet closure(c, c);
  closure.closeOver(USET_CASE_INSENSITIVE);
  for (icu::UnicodeSetIterator it(closure); it.next();) {
    if (!it.isString()) {
      if (it.getCodepoint() < 0x80) return false;
      continue;
    }
    const icu::UnicodeString& s = it.getString();
    for (int32_t i = 0; i < s.length(); ++i)
      if (s.charAt(i) < 0x80) return false;
  }
  return true;
}

// The pieces of `atom` as anchored literals ("the quantity of " -> "the$", "^quantity$",
// "^of$"), or false when a character in it may match ASCII (or it is not UTF-8).
bool cut(std::string_view atom, std::vector<std::string>& out) {
  out.clear();
  std::string run;
  bool after_separator = false;
  auto end_run = [&](bool at_separator) {
    if (!run.empty()) out.push_back((after_separator ? "^" : "") + run + (at_separator ? "$" : ""));
    run.clear();
  };
  for (std::int32_t i = 0, n = static_cast<std::int32_t>(atom.size()); i < n;) {
    auto c = static_cast<unsigned char>(atom[static_cast<std::size_t>(i)]);
    if (c < 0x80) {
      ++i;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      if (is_run_byte(c)) {
        run += static_cast<char>(c);
        continue;
      }
    } else {
      UChar32 cp = 0;
      U8_NEXT(atom.data(), i, n, cp);
      if (cp < 0 || !separates(cp)) return false;
    }
    end_run(true);
    after_separator = true;
  }
  end_run(false);
  return true;
}

// How common the words satisfying a piece are, as far as can be told without a text: a whole
// word outside the commonest is rare, a short part of a word is everywhere.
bool is_common_piece(std::string_view piece) {
  const bool start = piece.starts_with('^'), end = piece.ends_with('$');
  const std::string_view text = piece.substr(start, piece.size() - start - end);
  if (start && end) return text.size() <= 2 || is_common_word(text);
  return text.size() <= (start || end ? 3 : 4);
}

}  // namespace

AtomPieces::AtomPieces(const std::vector<std::string>& atoms, const std::vector<bool>& reported) {
  id_ = new_memo_owner();
  std::unordered_map<std::string, std::uint32_t> piece_ids;
  std::vector<std::vector<std::uint32_t>> pieces_of_atom(atoms.size());
  std::vector<std::uint32_t> atoms_with_piece;  // by piece
  std::vector<std::string> cuts;
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    if (!cut(atoms[a], cuts) || cuts.empty()) {
      if (reported.empty() || reported[a]) always_.push_back(static_cast<int>(a));
      continue;
    }
    std::vector<std::uint32_t>& mine = pieces_of_atom[a];
    for (std::string& c : cuts) {
      const auto [at, added] = piece_ids.try_emplace(c, static_cast<std::uint32_t>(pieces_.size()));
      if (added) {
        pieces_.push_back(std::move(c));
        atoms_with_piece.push_back(0);
      }
      if (std::find(mine.begin(), mine.end(), at->second) == mine.end()) {
        mine.push_back(at->second);
        ++atoms_with_piece[at->second];
      }
    }
  }
  std::vector<std::vector<std::uint32_t>> triggered(pieces_.size());
  atom_pieces_first_.push_back(0);
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    const std::vector<std::uint32_t>& mine = pieces_of_atom[a];
    atom_pieces_.insert(atom_pieces_.end(), mine.begin(), mine.end());
    atom_pieces_first_.push_back(static_cast<std::uint32_t>(atom_pieces_.size()));
    if (mine.empty() || !(reported.empty() || reported[a])) continue;
    // The rarest piece in text, then the least shared, then the longest.
    const auto rank = [&](std::uint32_t p) {
      return std::tuple(is_common_piece(pieces_[p]), !(pieces_[p].starts_with('^') && pieces_[p].ends_with('$')),
                        atoms_with_piece[p], -static_cast<int>(pieces_[p].size()));
    };
    const std::uint32_t trigger =
        *std::min_element(mine.begin(), mine.end(), [&](std::uint32_t x, std::uint32_t y) { return rank(x) < rank(y); });
    triggered[trigger].push_back(static_cast<std::uint32_t>(a));
  }
  triggered_first_.push_back(0);
  for (const auto& list : triggered) {
    triggered_.insert(triggered_.end(), list.begin(), list.end());
    triggered_first_.push_back(static_cast<std::uint32_t>(triggered_.size()));
  }
  pieces_search_ = AsciiLiterals(pieces_);
}

void AtomPieces::search(std::string_view key, std::span<const std::pair<std::uint32_t, std::uint32_t>> bounds,
                        std::string& anchored, std::vector<int>& out) const {
  // Past a dozen places a run may end (a word of ſ's, say), the pairs of them would cost more
  // than the rules the prefilter spares: then the key satisfies every piece.
  constexpr std::size_t kMostEnds = 12;
  const std::size_t before = out.size();
  std::array<std::uint32_t, kMostEnds> ends;
  for (std::size_t i = 0; i < key.size();) {
    if (!is_run_byte(static_cast<unsigned char>(key[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < key.size() && is_run_byte(static_cast<unsigned char>(key[j]))) ++j;
    // The places the run may end as RE2 sees it: its ends, and the bounds inside it.
    std::size_t n = 0;
    ends[n++] = static_cast<std::uint32_t>(i);
    for (const auto& [word, at] : bounds) {
      if (at <= i || at >= j) continue;
      if (n + 1 == kMostEnds) {  // no room left for the run's end
        out.resize(before);
        for (std::size_t p = 0; p < pieces_.size(); ++p) out.push_back(static_cast<int>(p));
        return;
      }
      ends[n++] = at;
    }
    ends[n++] = static_cast<std::uint32_t>(j);
    // Every stretch between two of the places is a run RE2 may see.
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b) {
        anchored.assign(1, '^');
        anchored.append(key.data() + ends[a], ends[b] - ends[a]);
        anchored += '$';
        pieces_search_.find(anchored, out);
      }
    i = j;
  }
  // A key with several runs ("don't") or stretches may satisfy a piece twice: once is enough.
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(before), out.end()), out.end());
}

AtomPieces::Scratch& AtomPieces::scratch() const {
  thread_local Scratch s;
  // Room for a document of up to 2^31 lines before the marks are cleared.
  if (s.owner != id_ || s.line > 0x7FFFFFFFu || s.paragraph > 0x7FFFFFFFu) {
    s.owner = id_;
    s.line = 0;
    s.piece_line.assign(pieces_.size(), 0);
    s.key_line.clear();
    s.paragraph = 0;
    s.atom_paragraph.assign(atom_pieces_first_.empty() ? 0 : atom_pieces_first_.size() - 1, 0);
  }
  return s;
}

void AtomPieces::of_keys(const DocumentWords& words, Scratch& s, KeyPieces& out) const {
  if (s.known.ready(id_, words)) s.known_pieces.clear();
  if (s.key_line.size() < words.distinct()) s.key_line.resize(words.distinct(), 0);
  out.first.clear();
  out.pieces.clear();
  out.first.reserve(words.distinct() + 1);
  out.first.push_back(0);
  std::vector<int> found;
  std::string anchored;
  auto soft = words.soft_bounds.begin();  // sorted by key, as k goes
  for (std::uint32_t k = 0; k < words.distinct(); ++k) {
    if (soft != words.soft_bounds.end() && soft->first == k) {
      // Its runs may end inside, where this document's text has a character folded to ASCII
      // letters: searched for this document alone (another spelling has the same key).
      const auto begin = soft;
      while (soft != words.soft_bounds.end() && soft->first == k) ++soft;
      found.clear();
      search(words.key(k), std::span(begin, soft), anchored, found);
      out.pieces.insert(out.pieces.end(), found.begin(), found.end());
      out.first.push_back(static_cast<std::uint32_t>(out.pieces.size()));
      continue;
    }
    const std::uint32_t record = words.record[k];
    if (!s.known.has(record)) {
      found.clear();
      search(words.key(k), {}, anchored, found);
      const auto first = static_cast<std::uint32_t>(s.known_pieces.size());
      s.known_pieces.insert(s.known_pieces.end(), found.begin(), found.end());
      s.known.set(record, std::pair(first, static_cast<std::uint32_t>(s.known_pieces.size())));
    }
    const auto [first, last] = s.known.get(record);
    out.pieces.insert(out.pieces.end(), s.known_pieces.begin() + first, s.known_pieces.begin() + last);
    out.first.push_back(static_cast<std::uint32_t>(out.pieces.size()));
  }
}

void AtomPieces::atoms_in_line(const KeyPieces& of_key, const std::uint32_t* keys, std::size_t count,
                               Scratch& s, std::vector<int>& found) const {
  const std::uint32_t line = ++s.line;  // 0 is "never": lines count from 1
  s.seen.clear();
  for (std::size_t t = 0; t < count; ++t) {
    // A word met before in the line ("the", most of all) adds nothing.
    const std::uint32_t k = keys[t];
    if (s.key_line[k] == line) continue;
    s.key_line[k] = line;
    for (std::uint32_t i = of_key.first[k]; i < of_key.first[k + 1]; ++i)
      if (const std::uint32_t p = of_key.pieces[i]; s.piece_line[p] != line) {
        s.piece_line[p] = line;
        s.seen.push_back(p);
      }
  }
  for (const std::uint32_t p : s.seen)
    for (std::uint32_t j = triggered_first_[p]; j < triggered_first_[p + 1]; ++j) {
      const std::uint32_t a = triggered_[j];
      bool all = true;
      for (std::uint32_t k = atom_pieces_first_[a]; k < atom_pieces_first_[a + 1] && all; ++k)
        all = s.piece_line[atom_pieces_[k]] == line;
      if (all) found.push_back(static_cast<int>(a));
    }
  found.insert(found.end(), always_.begin(), always_.end());
}

}  // namespace despin::detail
