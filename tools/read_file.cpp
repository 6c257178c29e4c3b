// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "despin/engine.hpp"
#include "fnv1a.hpp"

namespace despin::cli {

namespace {

bool same_version(const struct stat& a, const struct stat& b) {
  return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

}  // namespace

std::optional<std::string> read_whole_file(const std::string& path, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat before {};
  if (::fstat(fd, &before) != 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(before.st_mode)) {
    error = kIsDirectory;
    return std::nullopt;
  }
  std::string text;
  // Regular files report their size; pipes and character devices report 0 and are read to EOF.
  if (S_ISREG(before.st_mode) && before.st_size > 0) text.reserve(static_cast<std::size_t>(before.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buf, sizeof buf);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      error = std::string("read error: ") + std::strerror(errno);
      return std::nullopt;
    }
    text.append(buf, static_cast<std::size_t>(got));
  }
  if (S_ISREG(before.st_mode)) {
    struct stat after {};
    if (::fstat(fd, &after) != 0 || !same_version(before, after) ||
        text.size() != static_cast<std::size_t>(before.st_size)) {
      error = "changed while being read (" + std::to_string(text.size()) + " bytes read, " +
              std::to_string(static_cast<long long>(after.st_size)) + " bytes now); not processed, run again";
      return std::nullopt;
    }
  }
  return text;
}

std::optional<std::uint64_t> hash_file(const std::string& path, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::uint64_t h = kFnv1aStart;
  std::vector<char> buf(1 << 16);
  for (;;) {
    const ssize_t got = ::read(fd, buf.data(), buf.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      error = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (got == 0) break;
    h = fnv1a(std::string_view(buf.data(), static_cast<std::size_t>(got)), h);
  }
  ::close(fd);
  return h;
}

bool is_compiled_engine_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char head[64];
  ssize_t got;
  do got = ::read(fd, head, sizeof head);
  while (got < 0 && errno == EINTR);
  ::close(fd);
  return got > 0 && despin::Engine::is_snapshot(std::string_view(head, static_cast<std::size_t>(got)));
}

}  // namespace despin::cli
