// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "common_words.hpp"

#include <algorithm>
#include <iterator>

namespace despin::detail {
namespace {

constexpr std::string_view kCommonWords[] = {
#include "common_words.inc"
};

}  // namespace

bool is_common_word(std::string_view key) {
  return std::binary_search(std::begin(kCommonWords), std::end(kCommonWords), key);
}

}  // namespace despin::detail
