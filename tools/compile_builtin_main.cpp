// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// despin-compile-builtin OUT: compiles the built-in dictionary into OUT, as `despin compile`
// would, and writes its FNV-1a (8 bytes, this machine's byte order) into OUT.fnv1a. Run by the
// build only: the CLI embeds both (tools/builtin_engine.cpp), so that it starts from the
// compiled engine instead of parsing and compiling the dictionary at every run, and a batch
// has the engine's fingerprint without hashing 18 MB at every start.
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>

#include "despin/despin.hpp"
#include "fnv1a.hpp"
#include "write_file.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: despin-compile-builtin OUT\n";
    return 2;
  }
  auto engine = despin::Engine::create({despin::Dictionary::builtin()});
  if (!engine) {
    std::cerr << "despin-compile-builtin: " << engine.error().what() << "\n";
    return 1;
  }
  const std::string bytes = engine.value().save();
  const std::uint64_t hash = despin::cli::fnv1a(bytes);
  std::string hash_bytes(sizeof hash, '\0');
  std::memcpy(hash_bytes.data(), &hash, sizeof hash);
  std::string error;
  if (!despin::cli::write_atomically(argv[1], bytes, error) ||
      !despin::cli::write_atomically(std::string(argv[1]) + ".fnv1a", hash_bytes, error)) {
    std::cerr << "despin-compile-builtin: " << error << "\n";
    return 1;
  }
  return 0;
}
