// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The compiled engine (Engine::save / Engine::load): a loaded engine rewrites exactly as the
// engine that was saved, and a damaged, truncated or foreign snapshot is refused with a message
// naming the file and the byte, never loaded in part.
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "despin/despin.hpp"
#include "despin/version.hpp"
#include "snapshot_io.hpp"
#include "test_files.hpp"

using namespace despin;
namespace fs = std::filesystem;

namespace {

// The corpus samples, and lines that exercise each kind of entry: rules, verbs, possessives,
// ambiguous readings, headings and composed terms.
std::vector<std::string> inputs() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(DESPIN_CORPUS_DIR))
    if (entry.path().string().ends_with(".spun.txt")) out.push_back(slurp(entry.path()));
  out.push_back("On the off chance that you took a gander at it, be that as it may, it was a reality debut.");
  out.push_back("3. Generation\n\nThe irregular woodland and profound learning models beat the bolster vector machine.");
  out.push_back("My mom's vehicle was totaled by a tempest.\r\nEnergizing news: \xff bad byte.");
  return out;
}

void require_same_rewrites(const Engine& a, const Engine& b) {
  for (const std::string& input : inputs()) {
    const Result x = a.rewrite(input), y = b.rewrite(input);
    REQUIRE(x.text == y.text);
    REQUIRE(x.edits.size() == y.edits.size());
    for (std::size_t k = 0; k < x.edits.size(); ++k) {
      CHECK(x.edits[k].offset == y.edits[k].offset);
      CHECK(x.edits[k].replacement == y.edits[k].replacement);
      CHECK(x.edits[k].rule == y.edits[k].rule);
      CHECK(x.edits[k].kind == y.edits[k].kind);
      CHECK(x.edits[k].confidence == y.edits[k].confidence);
    }
    CHECK(x.spin_score == y.spin_score);
  }
}

const Engine& builtin_engine() {
  static const Engine engine = Engine::create({Dictionary::builtin()}).value();
  return engine;
}

}  // namespace

TEST_CASE("a loaded snapshot rewrites as the engine that was saved", "[snapshot]") {
  const std::string bytes = builtin_engine().save();
  REQUIRE(Engine::is_snapshot(bytes));
  auto loaded = Engine::load(bytes, "builtin.despin");
  REQUIRE(loaded.ok());
  CHECK(loaded.value().phrase_count() == builtin_engine().phrase_count());
  CHECK(loaded.value().rule_count() == builtin_engine().rule_count());
  require_same_rewrites(builtin_engine(), loaded.value());
  // Saving the loaded engine gives the same bytes: nothing was lost or reordered.
  CHECK(loaded.value().save() == bytes);
}

TEST_CASE("load_file reads a snapshot file as load reads its bytes", "[snapshot]") {
  // The shipped engine's file is several megabytes: it streams through the reader's buffer,
  // with refills and arrays larger than the buffer read straight into place.
  const std::string bytes = builtin_engine().save();
  const fs::path dir = fs::temp_directory_path() / ("despin-snapshot-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "builtin.despin";
  std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  auto loaded = Engine::load_file(file.string());
  REQUIRE(loaded.ok());
  require_same_rewrites(builtin_engine(), loaded.value());
  CHECK(loaded.value().save() == bytes);

  auto refused = [&](const fs::path& path, const std::string& expected) {
    auto e = Engine::load_file(path.string());
    REQUIRE_FALSE(e.ok());
    INFO(e.error().what());
    CHECK(e.error().what().rfind(path.string() + ": ", 0) == 0);
    CHECK(e.error().what().find(expected) != std::string::npos);
  };
  refused(dir / "missing.despin", "No such file or directory");
  refused(dir, "not a regular file");
  const fs::path cut = dir / "cut.despin";
  std::ofstream(cut, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  refused(cut, "truncated");
  std::string flipped = bytes;
  flipped[flipped.size() - 5] ^= 0x01;
  const fs::path damaged = dir / "damaged.despin";
  std::ofstream(damaged, std::ios::binary).write(flipped.data(), static_cast<std::streamsize>(flipped.size()));
  refused(damaged, "checksum mismatch");
  const fs::path text = dir / "words.dict";
  std::ofstream(text) << "reality debut => world premiere\n";
  refused(text, "not a compiled despin engine");
  fs::remove_all(dir);
}

TEST_CASE("a snapshot of a user dictionary keeps its overrides, rules and terms", "[snapshot]") {
  auto user = Dictionary::parse(
      "reality debut => world premiere ; conf 0.95\n"
      "take a gander at => look at ; verb\n"
      "/\\bon the off chance that\\b/ => if\n"
      "@domain film\n"
      "coordinate => direct ; ambiguous\n",
      "user.dict");
  REQUIRE(user.ok());
  auto terms = Dictionary::parse("quantum annealing schedule\n", "user.terms");
  REQUIRE(terms.ok());
  auto engine = Engine::create({Dictionary::builtin(), user.value(), terms.value()});
  REQUIRE(engine.ok());
  Options options;
  options.clean = CleanOptions::none();
  auto loaded = Engine::load(engine.value().save(), "user.despin", options);
  REQUIRE(loaded.ok());
  // The Options are the loader's, not the saved engine's.
  const std::string spaced = "a\xc2\xa0reality debut";
  CHECK(loaded.value().rewrite(spaced).text == "a\xc2\xa0world premiere");
  CHECK(engine.value().rewrite(spaced).text == "a world premiere");
  auto same = Engine::load(engine.value().save(), "user.despin");
  REQUIRE(same.ok());
  require_same_rewrites(engine.value(), same.value());
}

TEST_CASE("an empty engine saves and loads", "[snapshot]") {
  auto empty = Engine::create({});
  REQUIRE(empty.ok());
  auto loaded = Engine::load(empty.value().save(), "empty.despin");
  REQUIRE(loaded.ok());
  CHECK(loaded.value().phrase_count() == 0);
  CHECK(loaded.value().rewrite("Be that as it may, nothing changes.").text == "Be that as it may, nothing changes.");
}

TEST_CASE("damaged snapshots are refused with the file and the byte named", "[snapshot]") {
  const std::string bytes = builtin_engine().save();
  auto refused = [](const std::string& b, const std::string& expected) {
    auto e = Engine::load(b, "x.despin");
    REQUIRE_FALSE(e.ok());
    INFO(e.error().what());
    CHECK(e.error().what().rfind("x.despin: ", 0) == 0);
    CHECK(e.error().what().find(expected) != std::string::npos);
  };
  refused("", "not a compiled despin engine");
  refused("reality debut => world premiere\n", "not a compiled despin engine");
  refused(bytes.substr(0, 30), "byte ");
  refused(bytes.substr(0, bytes.size() / 2), "truncated");
  refused(bytes + "x", "trailing bytes");
  std::string flipped = bytes;
  flipped[flipped.size() / 3] ^= 0x20;
  refused(flipped, "checksum mismatch");
  // Another despin version's snapshot: the version string differs in its first character.
  std::string foreign = bytes;
  const std::size_t version_at = foreign.find(kVersion);
  REQUIRE(version_at != std::string::npos);
  foreign[version_at] = foreign[version_at] == '9' ? '8' : '9';
  refused(foreign, "compile it again");
}

TEST_CASE("a snapshot whose replacement is not valid UTF-8 is refused (fuzz_snapshot finding)", "[snapshot]") {
  // A forged replacement text with an invalid byte loaded and went into the output as it was:
  // the output of a rewrite must always be valid UTF-8, as a dictionary file's text is checked.
  auto dict = Dictionary::parse("reality debut => world premiere\n", "one.dict");
  REQUIRE(dict.ok());
  std::string bytes = Engine::create({dict.value()}).value().save();
  const std::size_t payload = bytes.find(kVersion) + std::string_view(kVersion).size() + 16;
  const std::size_t at = bytes.find("world premiere", payload);
  REQUIRE(at != std::string::npos);
  bytes[at + 5] = '\xff';
  const std::uint64_t sum = detail::snapshot_checksum(std::string_view(bytes).substr(payload));
  std::memcpy(bytes.data() + payload - 8, &sum, 8);
  auto e = Engine::load(bytes, "forged.despin");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().what().find("forged.despin: byte ") == 0);
  CHECK(e.error().what().find("not valid UTF-8") != std::string::npos);
}

TEST_CASE("a snapshot altered at any byte, checksum redone, is refused or still safe", "[snapshot]") {
  // A small engine with every kind of table, so that each of its bytes can be altered: the
  // checksum is recomputed, as a forger would, so only the structural checks stand between
  // the bytes and the lookups. Each altered snapshot must be refused with a message, or load
  // into an engine that rewrites without fault (the sanitizer build checks the "without fault").
  auto dict = Dictionary::parse(
      "reality debut => world premiere\n"
      "take a gander at => look at ; verb\n"
      "/\\bon the off chance that\\b/ => if\n"
      "irregular variable => random variable\n"
      "wooded area => forest\n"
      "@domain film\n"
      "coordinate => direct ; ambiguous\n",
      "small.dict");
  auto sports = Dictionary::parse("@domain sports\ncoordinate => match ; ambiguous\n", "sports.dict");
  auto terms = Dictionary::parse("random forest\nrandom walk\n", "small.terms");
  REQUIRE(dict.ok());
  REQUIRE(sports.ok());
  REQUIRE(terms.ok());
  const std::string bytes = Engine::create({dict.value(), sports.value(), terms.value()}).value().save();
  const std::size_t payload = bytes.find(kVersion) + std::string_view(kVersion).size() + 16;
  REQUIRE(payload < bytes.size());
  const std::string text = "On the off chance that the irregular wooded area took a gander at a reality debut, coordinate.";
  std::size_t refused = 0;
  for (std::size_t at = payload; at < bytes.size(); ++at) {
    for (unsigned char change : {0x01, 0x80, 0xFF}) {
      std::string forged = bytes;
      forged[at] = static_cast<char>(forged[at] ^ change);
      const std::uint64_t sum = detail::snapshot_checksum(std::string_view(forged).substr(payload));
      std::memcpy(forged.data() + payload - 8, &sum, 8);
      auto e = Engine::load(forged, "forged.despin");
      if (!e.ok()) {
        ++refused;
        CHECK(e.error().what().rfind("forged.despin: ", 0) == 0);
        continue;
      }
      const Result r = e.value().rewrite(text);
      CHECK(apply_edits(text, r.edits) == r.text);
    }
  }
  // Most alterations land in a length, an index or a count and are caught; the rest change a
  // string or a weight, which no check can tell from a real one.
  CHECK(refused > (bytes.size() - payload));
}
