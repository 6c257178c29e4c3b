// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "document_words.hpp"

#include "ascii_words.hpp"  // is_ascii_alnum
#include "word_records.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

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

// A key of up to 16 ASCII bytes (most words), as two words of its bytes, NUL-padded, and its
// length: hashed with two multiplies and compared with two, where a byte at a time cost a
// multiply each (a chain of them) and a branch each, mispredicted at every word's end.
struct ShortKey {
  std::uint64_t lo = 0, hi = 0;
  std::uint32_t size = kNotShort;
  static constexpr std::uint32_t kNotShort = 0xFFFFFFFFu;
  bool operator==(const ShortKey&) const = default;
};
constexpr std::size_t kShortKey = 16;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// The ASCII bytes of `x` lower-cased, eight at a time: bit 7 of a byte plus 0x3F is set when it
// is 'A' or above, plus 0x25 when above 'Z' (no byte below 0x80 carries into the next).
std::uint64_t ascii_lower8(std::uint64_t x) {
  const std::uint64_t from_a = x + 0x3F3F3F3F3F3F3F3Full, past_z = x + 0x2525252525252525ull;
  return x | ((from_a & ~past_z & kHighBits) >> 2);
}

std::uint64_t short_key_hash(const ShortKey& k) {
  std::uint64_t h = (k.lo ^ 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
  h ^= (k.hi + k.size) * 0x94D049BB133111EBull;
  h ^= h >> 31;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

// `token` lower-cased as a ShortKey, when it is ASCII and short enough (size kNotShort when
// not). `readable` bytes from the token's start may be read (16 at most are): with 16, two
// loads, without, a byte at a time.
ShortKey short_key(std::string_view token, std::size_t readable) {
  ShortKey k;
  const std::size_t n = token.size();
  if constexpr (std::endian::native != std::endian::little) return k;  // the masks below are little-endian's
  if (n == 0 || n > kShortKey) return k;
  if (readable >= kShortKey) {
    std::memcpy(&k.lo, token.data(), 8);
    std::memcpy(&k.hi, token.data() + 8, 8);
    k.lo &= n >= 8 ? ~0ull : ~0ull >> (64 - 8 * n);
    k.hi = n <= 8 ? 0 : k.hi & (n >= 16 ? ~0ull : ~0ull >> (128 - 8 * n));
  } else {
    for (std::size_t i = 0; i < n; ++i)
      (i < 8 ? k.lo : k.hi) |= std::uint64_t{static_cast<unsigned char>(token[i])} << (8 * (i & 7));
  }
  if (((k.lo | k.hi) & kHighBits) != 0) return ShortKey{};
  k.lo = ascii_lower8(k.lo);
  k.hi = ascii_lower8(k.hi);
  k.size = static_cast<std::uint32_t>(n);
  return k;
}

std::size_t count_alnum(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return is_ascii_alnum(c); }));
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
  // Room for about `keys` distinct keys before the first growth.
  explicit KeyIndex(std::size_t keys) {
    slots_.assign(std::bit_ceil(std::max<std::size_t>(2 * keys + 2, 64)), 0);
    hashes_.reserve(keys);
  }

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
    slots_.assign(old.size() * 2, 0);
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
  // A short document's keys are mostly distinct, a long one's mostly repeated: room for the
  // first few hundred spares a short document's growing copies (most of a corpus's documents).
  const std::size_t expected_keys = std::min<std::size_t>(n, 512);
  KeyIndex index(expected_keys);
  std::vector<ShortKey> short_keys;  // by distinct key
  short_keys.reserve(expected_keys);
  w.keys.reserve(expected_keys);
  std::string folded;
  std::vector<std::uint32_t> soft;
  // A key's hash depends on the key alone, whichever way it was reached (a folded "ſ" is
  // "s"): short ASCII keys by short_key_hash, the others by FNV-1a.
  auto add = [&](std::uint32_t d, const ShortKey& k) {
    if (d == short_keys.size()) short_keys.push_back(k);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view token = text.substr(tokens[i].begin(), tokens[i].length);
    std::uint64_t h;
    std::uint32_t d;
    if (const ShortKey k = short_key(token, text.size() - tokens[i].begin()); k.size != ShortKey::kNotShort) {
      d = index.find_or_add(short_key_hash(k), [&](std::uint32_t j) { return short_keys[j] == k; });
      if (d == w.keys.size()) {  // the key is the short key's bytes: fold_key would lower-case them again
        char bytes[kShortKey];
        std::memcpy(bytes, &k.lo, 8);
        std::memcpy(bytes + 8, &k.hi, 8);
        w.keys.emplace_back(bytes, k.size);
      }
      add(d, k);
    } else if (ascii_lower_hash(token, h)) {  // a long ASCII word
      d = index.find_or_add(h, [&](std::uint32_t j) { return equals_lowered(w.keys[j], token); });
      if (d == w.keys.size()) fold_key(token, w.keys.emplace_back());
      add(d, ShortKey{});
    } else {
      fold_key(token, folded);
      const ShortKey folded_short = short_key(folded, folded.size());
      const bool is_short = folded_short.size != ShortKey::kNotShort;
      d = index.find_or_add(is_short ? short_key_hash(folded_short) : hash_key(folded),
                            [&](std::uint32_t j) { return w.keys[j] == folded; });
      if (d == w.keys.size()) w.keys.push_back(folded);
      add(d, folded_short);
      // ASCII folds to as many ASCII letters and digits: more in the key come from characters
      // outside ASCII, beside which RE2 sees a run end.
      if (count_alnum(folded) > count_alnum(token)) {
        soft.clear();
        fold_key_soft_bounds(token, folded, soft);
        for (const std::uint32_t at : soft) w.soft_bounds.emplace_back(d, at);
      }
    }
    w.of_token[i] = d;
  }
  std::sort(w.soft_bounds.begin(), w.soft_bounds.end());
  w.soft_bounds.erase(std::unique(w.soft_bounds.begin(), w.soft_bounds.end()), w.soft_bounds.end());
  w.hashes = index.take_hashes();
  number_words(w);
  return w;
}

}  // namespace despin::detail
