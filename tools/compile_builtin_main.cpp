// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// despin-compile-builtin OUT: compiles the built-in dictionary into OUT, as `despin compile`
// would. Run by the build only: the CLI embeds OUT (tools/builtin_engine.cpp), so that it starts
// from the compiled engine instead of parsing and compiling the dictionary at every run.
#include <iostream>

#include "despin/despin.hpp"
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
  std::string error;
  if (!despin::cli::write_atomically(argv[1], engine.value().save(), error)) {
    std::cerr << "despin-compile-builtin: " << error << "\n";
    return 1;
  }
  return 0;
}
