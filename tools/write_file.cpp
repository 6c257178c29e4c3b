// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "write_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace despin::cli {

namespace fs = std::filesystem;

bool write_atomically(const fs::path& target, std::string_view data, std::string& error) {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  const fs::path tmp = target.string() + kTempSuffix;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      error = "cannot write " + tmp.string() + ": " + std::strerror(errno);
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    error = "cannot rename " + tmp.string() + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

}  // namespace despin::cli
