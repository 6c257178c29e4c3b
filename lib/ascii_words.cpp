// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "ascii_words.hpp"

namespace despin::detail {

bool is_plain_ascii_run(std::string_view run) {
  for (std::size_t i = 0; i < run.size(); ++i) {
    const auto c = static_cast<unsigned char>(run[i]);
    if (needs_icu(c)) return false;
    if (is_word_joiner(c) && i > 0 && i + 1 < run.size() && is_ascii_alnum(static_cast<unsigned char>(run[i - 1])) &&
        is_ascii_alnum(static_cast<unsigned char>(run[i + 1])) &&
        join_across(static_cast<unsigned char>(run[i - 1]), c, static_cast<unsigned char>(run[i + 1])) == Join::kIcu)
      return false;
  }
  return true;
}

}  // namespace despin::detail
