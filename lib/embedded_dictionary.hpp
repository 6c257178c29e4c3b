// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The default dictionary files, embedded at build time by cmake/embed_dictionaries.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace despin::detail {

struct EmbeddedFile {
  std::string_view name;  // e.g. "en/idioms.dict"
  std::string_view text;
};

const std::vector<EmbeddedFile>& embedded_dictionary_files();

}  // namespace despin::detail
