// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The byte encoding of a compiled engine (Engine::save / Engine::load): little-endian integers,
// doubles as their bits, strings and arrays with their length first. The reader trusts nothing:
// every length is checked against the bytes left before anything is allocated, and a damaged
// snapshot stops with SnapshotError naming the byte offset, never with a crash.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "string_arena.hpp"

namespace despin::detail {

class SnapshotError : public std::runtime_error {
 public:
  SnapshotError(std::size_t offset, const std::string& what)
      : std::runtime_error("byte " + std::to_string(offset) + ": " + what) {}
};

class SnapshotWriter {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i32(std::int32_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  // An array of plain values (integers, doubles), copied as it is in memory.
  template <class T>
  void array(const std::vector<T>& v) {
    static_assert(std::is_arithmetic_v<T>);
    u64(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }
  std::string& bytes() { return out_; }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

// Whether `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s);

class SnapshotReader {
 public:
  // Over bytes in memory; `base` is their offset in the whole snapshot, for messages.
  explicit SnapshotReader(std::string_view bytes, std::size_t base = 0)
      : begin_(bytes.data()), cur_(bytes.data()), end_(bytes.data() + bytes.size()), size_(bytes.size()), base_(base) {}
  // Over the next `size` bytes of an open file, read through a buffer as they are needed, so
  // that a large engine is never held in memory twice while it loads.
  SnapshotReader(int fd, std::uint64_t size, std::size_t base);

  std::uint8_t u8() { return take<std::uint8_t>(); }
  std::uint32_t u32() { return take<std::uint32_t>(); }
  std::uint64_t u64() { return take<std::uint64_t>(); }
  std::int32_t i32() { return take<std::int32_t>(); }
  double f64() { return take<double>(); }
  std::string str() {
    std::string s(count(1), '\0');
    read(s.data(), s.size());
    return s;
  }
  // A string that may reach the output (a replacement, a source, a term): it must be valid
  // UTF-8, as a dictionary file's text is, so that a rewrite's output always is.
  std::string text() {
    const std::uint64_t at = consumed();
    std::string s = str();
    if (!valid_utf8(s)) throw SnapshotError(base_ + at, "a string is not valid UTF-8");
    return s;
  }
  // The same, stored in `arena` instead of a string of its own.
  std::string_view text(StringArena& arena) {
    const std::uint64_t at = consumed();
    const std::size_t n = count(1);
    char* p = arena.allocate(n);
    read(p, n);
    const std::string_view s(p, n);
    if (!valid_utf8(s)) throw SnapshotError(base_ + at, "a string is not valid UTF-8");
    return s;
  }
  template <class T>
  std::vector<T> array() {
    static_assert(std::is_arithmetic_v<T>);
    std::vector<T> v(count(sizeof(T)));
    read(v.data(), v.size() * sizeof(T));
    return v;
  }
  // A count of items of at least `item_bytes` each, checked against the bytes left.
  std::uint64_t count(std::size_t item_bytes) {
    const std::uint64_t n = u64();
    if (item_bytes != 0 && n > (size_ - consumed()) / item_bytes) fail("a length runs past the end");
    return n;
  }
  bool at_end() const { return consumed() == size_; }
  // Where the next byte is in the whole snapshot, for a message about something read earlier.
  std::size_t offset() const { return base_ + consumed(); }
  [[noreturn]] void fail(const std::string& what) const { throw SnapshotError(base_ + consumed(), what); }
  // Fails with `what` unless `ok`: for the checks of what the values mean (an index in range).
  void require(bool ok, const char* what) const {
    if (!ok) fail(what);
  }

 private:
  template <class T>
  T take() {
    T v;
    read(&v, sizeof(T));
    return v;
  }
  void read(void* out, std::size_t n) {
    if (n <= static_cast<std::size_t>(end_ - cur_)) {
      if (n != 0) std::memcpy(out, cur_, n);
      cur_ += n;
      return;
    }
    read_more(static_cast<char*>(out), n);
  }
  // The bytes past the window: from the file (refilling the buffer), or the end of the input.
  void read_more(char* out, std::size_t n);
  std::uint64_t consumed() const { return window_start_ + static_cast<std::uint64_t>(cur_ - begin_); }

  const char* begin_;  // the bytes at hand: all of them in memory, the buffer's for a file
  const char* cur_;
  const char* end_;
  std::uint64_t window_start_ = 0;  // the offset of begin_ among this reader's bytes
  std::uint64_t size_;              // this reader's bytes
  std::size_t base_;                // the offset of this reader's first byte in the snapshot
  int fd_ = -1;
  std::vector<char> buffer_;
};

// A 64-bit hash of the snapshot's payload, 32 bytes a step (fast enough that checking it costs
// little of the load): catches a damaged file, not a forged one. Fed in pieces of any size,
// it gives what snapshot_checksum() gives for all of them at once.
class SnapshotChecksum {
 public:
  explicit SnapshotChecksum(std::uint64_t total_size);
  void update(std::string_view bytes);
  std::uint64_t value() const;

 private:
  void block(const char* p);
  std::uint64_t lanes_[4];
  char carry_[32];
  std::size_t carried_ = 0;
};
std::uint64_t snapshot_checksum(std::string_view bytes);

}  // namespace despin::detail
