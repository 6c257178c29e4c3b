// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "snapshot_io.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "utf8.hpp"

namespace despin::detail {

bool valid_utf8(std::string_view s) {
  // Eight bytes at a time while they are ASCII (nearly every string a dictionary holds).
  std::size_t i = 0;
  std::uint64_t eight;
  while (i + 8 <= s.size() && (std::memcpy(&eight, s.data() + i, 8), (eight & 0x8080808080808080ull) == 0)) i += 8;
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return invalid_utf8_spans(s.substr(i)).empty();
  return true;
}

// Four lanes of eight bytes, each step h = (h ^ word) * odd constant: a bijection of h for a
// given word, so changing any one word always changes the result (and two words cancel only
// by chance); four independent lanes keep the multiplier busy. The tail goes byte by byte.
constexpr std::uint64_t kPrime = 0x100000001B3ull;
constexpr std::uint64_t kOdd = 0x9E3779B97F4A7C15ull;

SnapshotChecksum::SnapshotChecksum(std::uint64_t total_size)
    : lanes_{0xCBF29CE484222325ull ^ total_size, 1, 2, 3} {}

void SnapshotChecksum::block(const char* p) {
  for (int lane = 0; lane < 4; ++lane) {
    std::uint64_t word;
    std::memcpy(&word, p + 8 * lane, 8);
    lanes_[lane] = (lanes_[lane] ^ word) * kPrime;
  }
}

void SnapshotChecksum::update(std::string_view bytes) {
  if (carried_ != 0) {
    const std::size_t take = std::min(bytes.size(), sizeof carry_ - carried_);
    std::memcpy(carry_ + carried_, bytes.data(), take);
    carried_ += take;
    bytes.remove_prefix(take);
    if (carried_ < sizeof carry_) return;
    block(carry_);
    carried_ = 0;
  }
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) block(bytes.data() + i);
  std::memcpy(carry_, bytes.data() + i, bytes.size() - i);
  carried_ = bytes.size() - i;
}

std::uint64_t SnapshotChecksum::value() const {
  std::uint64_t out = lanes_[0];
  for (int lane = 1; lane < 4; ++lane) out = (out ^ (lanes_[lane] >> 29) ^ lanes_[lane]) * kOdd;
  for (std::size_t i = 0; i < carried_; ++i) out = (out ^ static_cast<unsigned char>(carry_[i])) * kPrime;
  return out ^ (out >> 31);
}

std::uint64_t snapshot_checksum(std::string_view bytes) {
  SnapshotChecksum sum(bytes.size());
  sum.update(bytes);
  return sum.value();
}

SnapshotReader::SnapshotReader(int fd, std::uint64_t size, std::size_t base)
    : begin_(nullptr), cur_(nullptr), end_(nullptr), size_(size), base_(base), fd_(fd), buffer_(1 << 20) {}

void SnapshotReader::read_more(char* out, std::size_t n) {
  const auto have = static_cast<std::size_t>(end_ - cur_);
  if (fd_ < 0 || n > size_ - consumed()) fail("the snapshot ends early");
  if (have != 0) std::memcpy(out, cur_, have);
  out += have;
  n -= have;
  window_start_ = consumed() + have;
  begin_ = cur_ = end_ = buffer_.data();
  // Reads `count` bytes of the file into `to`.
  auto read_file = [&](char* to, std::size_t count) {
    while (count > 0) {
      const ssize_t got = ::read(fd_, to, count);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) fail(std::string("cannot read: ") + std::strerror(errno));
      if (got == 0) fail("the file ends early");
      to += got;
      count -= static_cast<std::size_t>(got);
    }
  };
  if (n >= buffer_.size()) {  // a large array: straight into place
    read_file(out, n);
    window_start_ += n;
    return;
  }
  const std::size_t fill = static_cast<std::size_t>(std::min<std::uint64_t>(buffer_.size(), size_ - window_start_));
  read_file(buffer_.data(), fill);
  end_ = buffer_.data() + fill;
  std::memcpy(out, cur_, n);
  cur_ += n;
}

}  // namespace despin::detail
