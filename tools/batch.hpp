// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// `despin batch SRC OUT`: a directory tree of *.txt files, or a .jsonl file, restored into OUT
// with resume, an error log, progress and a summary (README "Batch processing").
#pragma once

#include <string>

#include "despin/engine.hpp"

namespace despin::cli {

struct BatchOptions {
  std::string source;       // a directory or a .jsonl file
  std::string output;       // a directory (created if missing)
  unsigned jobs = 1;
  bool progress = false;    // print progress on stderr
  std::string fingerprint;  // identifies the engine (version + dictionaries): a change redoes all
};

// Runs the batch. Returns 0 when every document was restored, 1 when some could not be read or
// parsed (see OUT/errors.jsonl), 2 when the batch could not run at all (message on stderr).
int run_batch(const Engine& engine, const BatchOptions& options);

}  // namespace despin::cli
