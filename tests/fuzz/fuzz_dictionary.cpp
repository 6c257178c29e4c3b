// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The dictionary parsers on arbitrary bytes, as .dict, .terms and .swaps. Invariants: a file is
// accepted whole or rejected whole; rejection lists at most 21 located messages naming the
// file; an accepted dictionary's entries all carry a source line and a confidence in (0, 1],
// an engine can be built from it, and that engine's compiled form (Engine::save) loads back
// into one that rewrites the same.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "despin/despin.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"fuzz.dict", "fuzz.terms", "fuzz.swaps"}) {
    auto d = despin::Dictionary::parse(text, name);
    if (!d) {
      const auto& messages = d.error().messages;
      if (messages.empty() || messages.size() > 21) std::abort();
      for (const auto& m : messages)
        if (m.rfind(name, 0) != 0) std::abort();
      continue;
    }
    for (const despin::Entry& e : d.value().entries()) {
      if (e.source.rfind(name, 0) != 0 || !(e.confidence > 0 && e.confidence <= 1)) std::abort();
    }
    auto engine = despin::Engine::create({d.value()});
    if (!engine) continue;
    // The compiled engine of any accepted dictionary loads back and rewrites the same.
    constexpr std::string_view kSample = "Be that as it may, the pundits agree.";
    auto loaded = despin::Engine::load(engine.value().save(), "fuzz.despin");
    if (!loaded || loaded.value().rewrite(kSample).text != engine.value().rewrite(kSample).text) std::abort();
  }
  return 0;
}
