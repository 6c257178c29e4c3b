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
  explicit SnapshotReader(std::string_view bytes, std::size_t base = 0) : in_(bytes), base_(base) {}

  std::uint8_t u8() { return take<std::uint8_t>(); }
  std::uint32_t u32() { return take<std::uint32_t>(); }
  std::uint64_t u64() { return take<std::uint64_t>(); }
  std::int32_t i32() { return take<std::int32_t>(); }
  double f64() { return take<double>(); }
  std::string_view str() {
    const std::uint64_t n = count(1);
    const std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A string that may reach the output (a replacement, a source, a term): it must be valid
  // UTF-8, as a dictionary file's text is, so that a rewrite's output always is.
  std::string_view text() {
    const std::size_t at = pos_;
    const std::string_view s = str();
    if (!valid_utf8(s)) throw SnapshotError(base_ + at, "a string is not valid UTF-8");
    return s;
  }
  template <class T>
  std::vector<T> array() {
    static_assert(std::is_arithmetic_v<T>);
    const std::uint64_t n = count(sizeof(T));
    std::vector<T> v(n);
    if (n != 0) std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  // A count of items of at least `item_bytes` each, checked against the bytes left.
  std::uint64_t count(std::size_t item_bytes) {
    const std::uint64_t n = u64();
    if (item_bytes != 0 && n > (in_.size() - pos_) / item_bytes) fail("a length runs past the end");
    return n;
  }
  bool at_end() const { return pos_ == in_.size(); }
  [[noreturn]] void fail(const std::string& what) const { throw SnapshotError(base_ + pos_, what); }
  // Fails with `what` unless `ok`: for the checks of what the values mean (an index in range).
  void require(bool ok, const char* what) const {
    if (!ok) fail(what);
  }

 private:
  template <class T>
  T take() {
    if (in_.size() - pos_ < sizeof(T)) fail("the snapshot ends early");
    T v;
    std::memcpy(&v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
  std::size_t base_;  // offset of `in_` in the whole snapshot, for messages
};

// A 64-bit hash of the snapshot's payload, 32 bytes a step (fast enough that checking it costs
// little of the load): catches a damaged file, not a forged one.
std::uint64_t snapshot_checksum(std::string_view bytes);

}  // namespace despin::detail
