// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "document_words.hpp"

namespace despin::detail {
namespace {

std::uint64_t hash_key(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a: keys are short words
  for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

// Distinct keys by hash, open addressing with linear probing: one probe per token, usually,
// where std::unordered_map hashed with a slower function and chased a node pointer.
class KeyIndex {
 public:
  // The number of `key` (the next free number if it is new, then added with it).
  std::uint32_t find_or_add(std::string_view key, const DocumentWords& w) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::uint64_t h = hash_key(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint32_t s = slots_[i];
      if (s == 0) {
        slots_[i] = static_cast<std::uint32_t>(size_ + 1);
        hashes_.push_back(h);
        return static_cast<std::uint32_t>(size_++);
      }
      if (hashes_[s - 1] == h && w.key(s - 1) == key) return s - 1;
    }
  }

 private:
  void grow() {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t s : old) {
      if (s == 0) continue;
      std::size_t i = hashes_[s - 1] & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<std::uint32_t> slots_;  // distinct number + 1; 0 empty
  std::vector<std::uint64_t> hashes_;  // by distinct number
  std::size_t size_ = 0;
};

}  // namespace

DocumentWords fold_words(std::string_view text, const std::vector<Token>& tokens) {
  DocumentWords w;
  const std::size_t n = tokens.size();
  w.keys.resize(n);
  w.of_token.resize(n);
  KeyIndex index;
  for (std::size_t i = 0; i < n; ++i) {
    fold_key(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), w.keys[i]);
    const std::uint32_t d = index.find_or_add(w.keys[i], w);
    if (d == w.first.size()) w.first.push_back(static_cast<std::uint32_t>(i));
    w.of_token[i] = d;
  }
  return w;
}

}  // namespace despin::detail
