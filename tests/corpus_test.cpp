// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The project's own samples: each corpus/NAME.spun.txt restores to the reviewed golden output
// corpus/NAME.expected.txt, and its edits reproduce that output exactly.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "despin/despin.hpp"
#include "test_files.hpp"

using namespace despin;
namespace fs = std::filesystem;

TEST_CASE("corpus samples restore to their golden outputs", "[corpus]") {
  auto engine = Engine::create({Dictionary::builtin()});
  REQUIRE(engine.ok());
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(DESPIN_CORPUS_DIR)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 9 || name.substr(name.size() - 9) != ".spun.txt") continue;
    const std::string stem = name.substr(0, name.size() - 9);
    INFO(name);
    const std::string input = slurp(entry.path());
    const Result r = engine.value().rewrite(input);
    CHECK(apply_edits(input, r.edits) == r.text);
    CHECK(r.spin_score >= kSpinThreshold);
    const fs::path golden = entry.path().parent_path() / (stem + ".expected.txt");
    REQUIRE(fs::exists(golden));
    CHECK(r.text == slurp(golden));
    ++checked;
  }
  CHECK(checked >= 8);
}

// The originals were never spun: despin must leave them byte for byte and call them clean.
TEST_CASE("corpus originals are left untouched", "[corpus]") {
  auto engine = Engine::create({Dictionary::builtin()});
  REQUIRE(engine.ok());
  std::size_t checked = 0;
  // corpus/heldout/ too: genuine text nobody tuned the dictionaries on.
  for (const auto& entry : fs::recursive_directory_iterator(DESPIN_CORPUS_DIR)) {
    const std::string name = fs::relative(entry.path(), DESPIN_CORPUS_DIR).string();
    if (name.size() < 13 || name.substr(name.size() - 13) != ".original.txt") continue;
    INFO(name);
    const std::string input = slurp(entry.path());
    const Result r = engine.value().rewrite(input);
    for (const Edit& e : r.edits) UNSCOPED_INFO(e.original << " -> " << e.replacement << " (" << e.rule << ")");
    CHECK(r.edits.empty());
    CHECK(r.spin_score < kSpinThreshold);
    ++checked;
  }
  CHECK(checked >= 12);
}
