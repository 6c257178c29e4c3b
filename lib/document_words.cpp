// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "document_words.hpp"

#include "word_records.hpp"

namespace despin::detail {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;  // FNV-1a: keys are short words
constexpr std::uint64_t kFnvPrime = 0x100000001b3ull;

std::uint64_t hash_key(std::string_view key) {
  std::uint64_t h = kFnvOffset;
  for (unsigned char c : key) h = (h ^ c) * kFnvPrime;
  return h;
}

// A plain ASCII token's key is the token lower-cased (fold_key): it is hashed and compared as
// it stands, without building the key, which is built only for a word not seen before.
bool ascii_lower_hash(std::string_view token, std::uint64_t& hash) {
  std::uint64_t h = kFnvOffset;
  for (unsigned char c : token) {
    if (c >= 0x80) return false;
    h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * kFnvPrime;
  }
  hash = h;
  return true;
}

bool equals_lowered(std::string_view key, std::string_view ascii_token) {
  if (key.size() != ascii_token.size()) return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(ascii_token[i]);
    if (static_cast<unsigned char>(key[i]) != (c >= 'A' && c <= 'Z' ? c + 32u : c)) return false;
  }
  return true;
}

// Distinct keys by hash, open addressing with linear probing: one probe per token, usually,
// where std::unordered_map hashed with a slower function and chased a node pointer.
class KeyIndex {
 public:
  // The number of the key with hash `h` that `same` accepts, or the next free number (which
  // the caller then adds to `w`).
  template <class Same>
  std::uint32_t find_or_add(std::uint64_t h, Same same) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint32_t s = slots_[i];
      if (s == 0) {
        slots_[i] = static_cast<std::uint32_t>(size_ + 1);
        hashes_.push_back(h);
        return static_cast<std::uint32_t>(size_++);
      }
      if (hashes_[s - 1] == h && same(s - 1)) return s - 1;
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

 public:
  // The hashes by distinct number, for DocumentWords::hashes (the index is done with).
  std::vector<std::uint64_t> take_hashes() { return std::move(hashes_); }
};

}  // namespace

DocumentWords fold_words(std::string_view text, const std::vector<Token>& tokens) {
  DocumentWords w;
  const std::size_t n = tokens.size();
  w.of_token.resize(n);
  KeyIndex index;
  std::string folded;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view token = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    std::uint64_t h;
    std::uint32_t d;
    if (ascii_lower_hash(token, h)) {
      d = index.find_or_add(h, [&](std::uint32_t k) { return equals_lowered(w.keys[k], token); });
      if (d == w.keys.size()) fold_key(token, w.keys.emplace_back());
    } else {
      fold_key(token, folded);
      d = index.find_or_add(hash_key(folded), [&](std::uint32_t k) { return w.keys[k] == folded; });
      if (d == w.keys.size()) w.keys.push_back(folded);
    }
    w.of_token[i] = d;
  }
  w.hashes = index.take_hashes();
  number_words(w);
  return w;
}

}  // namespace despin::detail
