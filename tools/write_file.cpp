// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "write_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace despin::cli {

namespace fs = std::filesystem;

bool write_atomically(const fs::path& target, std::string_view data, std::string& error) {
  std::error_code ec;
  const fs::path tmp = target.string() + kTempSuffix;
  {
    // The directory is created only when the file cannot be opened: a batch writes thousands of
    // files into directories that already exist, and each check is a system call.
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    // Opened again whether this call created the directory or not: another thread writing into
    // the same new directory may have created it in between.
    if (!out.is_open()) {
      fs::create_directories(target.parent_path(), ec);
      if (ec) errno = ec.value();  // why the file cannot be written
      else out.open(tmp, std::ios::binary | std::ios::trunc);
    }
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
