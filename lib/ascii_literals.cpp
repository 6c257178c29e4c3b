// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "ascii_literals.hpp"

#include <algorithm>
#include <stdexcept>

namespace despin::detail {

AsciiLiterals::AsciiLiterals(const std::vector<std::string>& literals) {
  // Classes: one per byte that occurs in a literal, the upper-case letter with its lower case.
  for (const std::string& l : literals) {
    if (l.empty()) throw std::invalid_argument("AsciiLiterals: an empty literal");
    for (unsigned char c : l) {
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) throw std::invalid_argument("AsciiLiterals: not lower-case ASCII: " + l);
      if (class_of_[c] == 0) class_of_[c] = static_cast<std::uint8_t>(classes_++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) class_of_[static_cast<std::size_t>(c)] = class_of_[static_cast<std::size_t>(c + 32)];

  // The trie of the literals (state 0 the root) is built in next_ itself, a row of classes_
  // entries a state holding child state numbers (0: none); the breadth-first pass below then
  // turns each row, in order, into the complete automaton's transitions as find() walks them.
  std::size_t bytes = 0;
  for (const std::string& l : literals) bytes += l.size();
  next_.reserve((bytes + 1) * classes_);  // at most a state a byte: no reallocation
  next_.assign(classes_, 0);
  std::vector<std::vector<int>> outputs(1);
  for (std::size_t i = 0; i < literals.size(); ++i) {
    std::uint32_t s = 0;
    for (unsigned char c : literals[i]) {
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

void AsciiLiterals::find(std::string_view text, std::vector<int>& found) const {
  if (next_.empty()) return;
  const std::size_t before = found.size();
  // The tables as local pointers: stores into `found` could alias the members as far as the
  // compiler knows, and reloading them cost as much as the rest of a byte's work.
  const std::uint32_t* const next = next_.data();
  const std::uint8_t* const class_of = class_of_.data();
  std::uint32_t row = 0;  // the current state's row in next_
  for (const char byte : text) {
    const std::uint32_t t = next[row + class_of[static_cast<unsigned char>(byte)]];
    row = t & ~kHasOutput;
    if (t & kHasOutput) [[unlikely]] emit(row, found);
  }
  std::sort(found.begin() + static_cast<std::ptrdiff_t>(before), found.end());
  found.erase(std::unique(found.begin() + static_cast<std::ptrdiff_t>(before), found.end()), found.end());
}

}  // namespace despin::detail
