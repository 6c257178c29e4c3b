// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The compiled built-in engine the CLI embeds (tools/builtin_engine.hpp) is the built-in
// dictionary as it stands: the bytes Engine::create on it saves now, and it loads.
#include <catch2/catch.hpp>

#include "builtin_engine.hpp"
#include "despin/despin.hpp"
#include "fnv1a.hpp"

using namespace despin;

TEST_CASE("the embedded engine is the built-in dictionary compiled", "[builtin_engine]") {
  const std::string_view embedded = cli::builtin_engine_snapshot();
  REQUIRE(Engine::is_snapshot(embedded));
  auto created = Engine::create({Dictionary::builtin()});
  REQUIRE(created);
  // Byte for byte: a snapshot left over from an older dictionary or engine would differ.
  REQUIRE(created.value().save() == embedded);
  // The fingerprint a batch records is the hash of those bytes (worked out by the build).
  CHECK(cli::builtin_engine_fnv1a() == cli::fnv1a(embedded));
  auto loaded = Engine::load(embedded, "the built-in engine");
  REQUIRE(loaded);
  CHECK(loaded.value().phrase_count() == created.value().phrase_count());
  CHECK(loaded.value().rule_count() == created.value().rule_count());
  const std::string spun = "On the off chance that you took a gander at the reality debut, it was counterfeit consciousness.";
  CHECK(loaded.value().rewrite(spun).text == created.value().rewrite(spun).text);
  CHECK(loaded.value().rewrite(spun).text != spun);
}
