// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Strings that live as long as an engine, stored end to end in large blocks and handed out as
// string_views. Every replacement and term carries the "file:line" it came from: as
// std::strings, a 100,000-entry dictionary's sources were 100,000 allocations, most of the time
// of loading a compiled engine.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace despin::detail {

class StringArena {
 public:
  StringArena() = default;
  // Blocks of `block` bytes (a longer string gets one of its own): small for a rewrite's few
  // strings, large for an engine's many.
  explicit StringArena(std::size_t block) : block_(block) {}
  // Views into the arena must never outlive it or point into a copy: not copyable. Moving
  // keeps the blocks, so the views stay valid.
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;
  StringArena(StringArena&&) noexcept = default;
  StringArena& operator=(StringArena&&) noexcept = default;

  // Room for `n` bytes, as long as the arena lives.
  char* allocate(std::size_t n) {
    if (n > left_) {
      const std::size_t size = n > block_ ? n : block_;
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      next_ = blocks_.back().get();
      left_ = size;
    }
    char* p = next_;
    next_ += n;
    left_ -= n;
    return p;
  }
  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    char* p = allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

 private:
  static constexpr std::size_t kBlock = 64 << 10;
  std::size_t block_ = kBlock;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace despin::detail
