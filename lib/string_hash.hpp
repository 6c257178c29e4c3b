// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The hash of std::string keys that lets an unordered_map be searched with a string_view (with
// std::equal_to<>), so a lookup of a token's key builds no string.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace despin::detail {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace despin::detail
