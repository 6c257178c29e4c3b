// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Engine::load on arbitrary payloads behind a valid header: the input is the payload of a
// compiled engine, and the target writes the header (magic, version, size and checksum) for
// it, so every input reaches the structural checks a forged file would. Invariants: the load
// fails with a message naming the file, or gives an engine whose rewrites keep the edit
// invariants (sorted, in range, naming the input bytes, reproducing the output, valid UTF-8).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "despin/despin.hpp"
#include "despin/version.hpp"
#include "edit_invariants.hpp"
#include "snapshot_io.hpp"

namespace {

// The header of a real compiled engine, whose size and checksum fields each input overwrites.
std::string header() {
  const std::string bytes = despin::Engine::create({}).value().save();
  const std::size_t payload = bytes.find(despin::kVersion) + std::string_view(despin::kVersion).size() + 16;
  return bytes.substr(0, payload);
}


}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string kHeader = header();
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  std::string bytes = kHeader + std::string(payload);
  const std::uint64_t length = payload.size(), sum = despin::detail::snapshot_checksum(payload);
  std::memcpy(bytes.data() + kHeader.size() - 16, &length, 8);
  std::memcpy(bytes.data() + kHeader.size() - 8, &sum, 8);
  auto engine = despin::Engine::load(bytes, "fuzz.despin");
  if (!engine) {
    if (engine.error().what().rfind("fuzz.despin: ", 0) != 0) std::abort();
    return 0;
  }
  for (std::string_view text : {"On the off chance that the irregular woodland took a gander at it, coordinate.",
                                "3. Generation\n\nMy mom's reality debut \xff was totaled."}) {
    despin::fuzz::check_edit_invariants(text, engine.value().rewrite(text));
  }
  return 0;
}
