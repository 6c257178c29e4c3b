// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Throughput of despin's stages and of the baselines a corpus engineer would otherwise use, on
// the same input and the same dictionary, in one run: a plain copy (the floor), ICU word
// segmentation alone, despin's tokenizer, the whole rewrite with and without cleanup, a
// hash-of-phrases longest-match rewrite written the simple way, and one big RE2 alternation.
// benchmarks/run.sh prints them as one table with each method's ratio to ICU segmentation.
//
// Input: DESPIN_BENCH_INPUT (a file) or the project's corpus, repeated to each size.
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "despin/despin.hpp"
#include "tokenizer.hpp"

namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The base text, repeated (whole lines) to `size` bytes.
std::string input_of_size(std::size_t size) {
  static const std::string base = [] {
    if (const char* path = std::getenv("DESPIN_BENCH_INPUT")) return read_all(path);
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(DESPIN_CORPUS_DIR))
      if (e.path().string().ends_with(".txt")) all += read_all(e.path()) + "\n\n";
    return all;
  }();
  std::string out;
  out.reserve(size + base.size());
  while (out.size() < size) out += base;
  out.resize(size);
  return out;
}

const despin::Engine& engine(bool clean) {
  // The synthetic input repeats its base text, which the duplicate-paragraph and repeated-title
  // steps would delete after the first copy: they are off here so every byte is rewritten.
  static const despin::Engine with = [] {
    despin::Options o;
    o.clean.duplicates = false;
    o.clean.repeated_lines = false;
    return despin::Engine::create({despin::Dictionary::builtin()}, o).value();
  }();
  static const despin::Engine without = [] {
    despin::Options o;
    o.clean = despin::CleanOptions::none();
    return despin::Engine::create({despin::Dictionary::builtin()}, o).value();
  }();
  return clean ? with : without;
}

// The dictionary's plain phrase entries, lower case: what the baselines get.
const std::unordered_map<std::string, std::string>& phrase_table() {
  static const auto table = [] {
    std::unordered_map<std::string, std::string> t;
    for (const despin::Entry& e : despin::Dictionary::builtin().entries()) {
      if (e.is_rule) continue;
      std::string k = e.spun;
      std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
      t[k] = e.original;
    }
    return t;
  }();
  return table;
}

void set_bytes(benchmark::State& state, std::size_t size) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(size));
}

void BM_Copy(benchmark::State& state) {
  const std::string text = input_of_size(static_cast<std::size_t>(state.range(0)));
  std::string out;
  for (auto _ : state) {
    out.assign(text);
    benchmark::DoNotOptimize(out.data());
  }
  set_bytes(state, text.size());
}

void BM_IcuSegmentation(benchmark::State& state) {
  const std::string text = input_of_size(static_cast<std::size_t>(state.range(0)));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  for (auto _ : state) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    bi->setText(ut, status);
    std::size_t words = 0;
    for (int32_t p = bi->first(); p != icu::BreakIterator::DONE; p = bi->next()) words += bi->getRuleStatus() != 0;
    benchmark::DoNotOptimize(words);
    utext_close(ut);
  }
  set_bytes(state, text.size());
}

void BM_Tokenize(benchmark::State& state) {
  const std::string text = input_of_size(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(despin::detail::tokenize(text));
  set_bytes(state, text.size());
}

void BM_Rewrite(benchmark::State& state) {
  const std::string text = input_of_size(static_cast<std::size_t>(state.range(0)));
  const despin::Engine& e = engine(true);
  for (auto _ : state) benchmark::DoNotOptimize(e.rewrite(text));
  set_bytes(state, text.size());
}

void BM_RewriteNoCleanup(benchmark::State& state) {
  const std::string text = input_of_size(static_cast<std::size_t>(state.range(0)));
  const despin::Engine& e = engine(false);
  for (auto _ : state) benchmark::DoNotOptimize(e.rewrite(text));
  set_bytes(state, text.size());
}

// Baseline: split on spaces, lower-case, try the longest phrase first at each word.
void BM_HashLongestMatch(benchmark::State& state) {
  const std::string text = input_of_size(static_cast<std::size_t>(state.range(0)));
  const auto& table = phrase_table();
  constexpr std::size_t kMaxWords = 6;
  for (auto _ : state) {
    std::vector<std::string> words;
    std::string w;
    for (char c : text) {
      if (c == ' ' || c == '\n') {
        if (!w.empty()) words.push_back(w), w.clear();
      } else {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    if (!w.empty()) words.push_back(w);
    std::string out;
    for (std::size_t i = 0; i < words.size();) {
      std::size_t taken = 0;
      for (std::size_t n = std::min(kMaxWords, words.size() - i); n > 0 && taken == 0; --n) {
        std::string key = words[i];
        for (std::size_t k = 1; k < n; ++k) key += ' ' + words[i + k];
        if (auto it = table.find(key); it != table.end()) out += it->second + ' ', taken = n;
      }
      if (taken == 0) out += words[i] + ' ', taken = 1;
      i += taken;
    }
    benchmark::DoNotOptimize(out.data());
  }
  set_bytes(state, text.size());
}

// Baseline: every phrase in one case-insensitive RE2 alternation, each match looked up.
void BM_Re2Alternation(benchmark::State& state) {
  const std::string text = input_of_size(static_cast<std::size_t>(state.range(0)));
  static const auto re = [] {
    std::vector<std::string> phrases;
    for (const auto& [k, v] : phrase_table()) phrases.push_back(RE2::QuoteMeta(k));
    std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string pattern = "\\b(";
    for (std::size_t i = 0; i < phrases.size(); ++i) pattern += (i ? "|" : "") + phrases[i];
    pattern += ")\\b";
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_max_mem(1 << 30);
    return std::make_unique<RE2>(pattern, o);
  }();
  const auto& table = phrase_table();
  for (auto _ : state) {
    std::string out;
    re2::StringPiece in(text), match;
    const char* last = text.data();
    while (RE2::FindAndConsume(&in, *re, &match)) {
      out.append(last, static_cast<std::size_t>(match.data() - last));
      std::string k(match.data(), match.size());
      std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
      auto it = table.find(k);
      out += it != table.end() ? it->second : k;
      last = match.data() + match.size();
    }
    out.append(last, static_cast<std::size_t>(text.data() + text.size() - last));
    benchmark::DoNotOptimize(out.data());
  }
  set_bytes(state, text.size());
}

// `extra` generated ambiguous entries. The first kInTextEntries are word pairs and triples of
// the input itself, so that the same stretch of text is restored whatever the size; the rest
// are pairs of its words that never occur together in it: their first word is in the text, so
// lookups walk into the trie as they do with a large dictionary, of which a document meets only
// a small part. (Taking every entry from the input, as this generator once did, measured how
// the cost grows with the number of restorations: at 100k nearly every word pair of the input
// was rewritten.) Each original is one made-up word: an original of two words ("generated 7")
// aligned with a two-word spun phrase taught term composition a swap per entry (every word of
// the input "was" a number), which measured the composer's walk over junk swaps, not matching.
constexpr std::size_t kInTextEntries = 100;

std::string generated_dictionary(std::size_t extra) {
  const std::string text = input_of_size(1 << 20);
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!w.empty()) words.push_back(w), w.clear();
  }
  std::set<std::string> bigrams;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) bigrams.insert(words[i] + ' ' + words[i + 1]);
  std::string dict;
  std::set<std::string> seen;
  auto add = [&](const std::string& spun) {
    if (seen.insert(spun).second) dict += spun + " => restored" + std::to_string(seen.size()) + " ; ambiguous\n";
  };
  const std::size_t in_text = std::min(extra, kInTextEntries);
  for (std::size_t i = 0; i + 3 < words.size() && seen.size() < in_text; ++i) {
    const std::size_t n = 2 + i % 2;
    std::string spun = words[i];
    for (std::size_t k = 1; k < n; ++k) spun += ' ' + words[i + k];
    add(spun);
  }
  const std::set<std::string> distinct(words.begin(), words.end());
  const std::vector<std::string> vocabulary(distinct.begin(), distinct.end());
  for (std::size_t i = 0; seen.size() < extra && i < vocabulary.size() * vocabulary.size(); ++i) {
    const std::string pair =
        vocabulary[i % vocabulary.size()] + ' ' + vocabulary[(i * 7919 + i / vocabulary.size()) % vocabulary.size()];
    if (!bigrams.contains(pair)) add(pair);
  }
  return dict;
}

// The shipped dictionary plus `extra` generated entries.
const despin::Engine& engine_with_extra(std::size_t extra) {
  static std::map<std::size_t, despin::Engine> engines;
  if (auto it = engines.find(extra); it != engines.end()) return it->second;
  std::vector<despin::Dictionary> dicts{despin::Dictionary::builtin()};
  dicts.push_back(despin::Dictionary::parse(generated_dictionary(extra), "generated.dict").value());
  despin::Options o;  // as BM_Rewrite: the repeated input must not be deduplicated away
  o.clean.duplicates = false;
  o.clean.repeated_lines = false;
  return engines.emplace(extra, despin::Engine::create(dicts, o).value()).first->second;
}

// Rewrite time against dictionary size: 1k, 10k and 100k entries beyond the shipped ones.
void BM_RewriteByDictionarySize(benchmark::State& state) {
  const std::string text = input_of_size(1 << 20);
  const despin::Engine& e = engine_with_extra(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(e.rewrite(text));
  set_bytes(state, text.size());
  state.counters["extra_entries"] = static_cast<double>(state.range(0));
}

void BM_EngineCreate(benchmark::State& state) {
  const despin::Dictionary& dict = despin::Dictionary::builtin();
  for (auto _ : state) benchmark::DoNotOptimize(despin::Engine::create({dict}));
}

// Loading a large dictionary: parsing `extra` generated entries (as from a file) and building
// the engine from them and the shipped dictionary (parsed once, as the library does).
void BM_DictionaryLoad(benchmark::State& state) {
  const std::string text = generated_dictionary(static_cast<std::size_t>(state.range(0)));
  const despin::Dictionary& builtin = despin::Dictionary::builtin();
  for (auto _ : state) {
    auto extra = despin::Dictionary::parse(text, "generated.dict");
    benchmark::DoNotOptimize(despin::Engine::create({builtin, extra.value()}));
  }
  state.counters["extra_entries"] = static_cast<double>(state.range(0));
}

// Loading a compiled engine (`despin compile`): the shipped dictionary plus `extra` generated
// entries, saved once; each iteration reads the bytes back into an engine, rules recompiled.
void BM_SnapshotLoad(benchmark::State& state) {
  const std::size_t extra = static_cast<std::size_t>(state.range(0));
  const std::string bytes = extra == 0 ? despin::Engine::create({despin::Dictionary::builtin()}).value().save()
                                       : engine_with_extra(extra).save();
  for (auto _ : state) benchmark::DoNotOptimize(despin::Engine::load(bytes, "bench.despin"));
  state.counters["extra_entries"] = static_cast<double>(state.range(0));
  state.counters["snapshot_MB"] = static_cast<double>(bytes.size()) / 1e6;
}

// The same for a compiled engine of the `extra` generated entries alone (`despin compile
// --no-default-dict --dict big.dict`): what a large dictionary itself costs to load.
void BM_SnapshotLoadAlone(benchmark::State& state) {
  const std::size_t extra = static_cast<std::size_t>(state.range(0));
  auto dict = despin::Dictionary::parse(generated_dictionary(extra), "generated.dict");
  const std::string bytes = despin::Engine::create({dict.value()}).value().save();
  for (auto _ : state) benchmark::DoNotOptimize(despin::Engine::load(bytes, "bench.despin"));
  state.counters["extra_entries"] = static_cast<double>(extra);
  state.counters["snapshot_MB"] = static_cast<double>(bytes.size()) / 1e6;
}

#define DESPIN_SIZES ->Arg(1 << 10)->Arg(64 << 10)->Arg(1 << 20)->Arg(8 << 20)->Unit(benchmark::kMillisecond)
// Up to 64 MiB, where time must stay linear in the input (issue #6), for despin's own stages and
// the floors; the baselines stop at 8 MiB (the RE2 alternation would take half a minute a run).
#define DESPIN_SIZES_TO_64M DESPIN_SIZES->Arg(64 << 20)
// Rules written to be catastrophic for a backtracking engine, over 1 MiB of one line that
// almost matches ("aaa...ab"): RE2 runs them in linear time (issue #7: under a second).
void BM_CatastrophicRules(benchmark::State& state) {
  auto dict = despin::Dictionary::parse("/(a+)+$/ => x\n/(a|aa)*c/ => y\n/(\\w+\\s?)*$/ => z\n", "evil.dict");
  if (!dict) {
    state.SkipWithError("the rules did not parse");
    return;
  }
  despin::Options o;
  o.clean = despin::CleanOptions::none();
  auto e = despin::Engine::create({dict.value()}, o);
  if (!e) {
    state.SkipWithError("the engine was not built");
    return;
  }
  const std::string text = std::string(1 << 20, 'a') + "b";
  for (auto _ : state) benchmark::DoNotOptimize(e.value().rewrite(text));
  set_bytes(state, text.size());
}

BENCHMARK(BM_Copy) DESPIN_SIZES_TO_64M;
BENCHMARK(BM_CatastrophicRules)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IcuSegmentation) DESPIN_SIZES_TO_64M;
BENCHMARK(BM_Tokenize) DESPIN_SIZES_TO_64M;
BENCHMARK(BM_Rewrite) DESPIN_SIZES_TO_64M;
BENCHMARK(BM_RewriteNoCleanup) DESPIN_SIZES_TO_64M;
BENCHMARK(BM_HashLongestMatch) DESPIN_SIZES;
BENCHMARK(BM_Re2Alternation) DESPIN_SIZES;
BENCHMARK(BM_RewriteByDictionarySize)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EngineCreate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DictionaryLoad)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SnapshotLoad)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SnapshotLoadAlone)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  std::cerr << "despin_benchmarks: this is a Debug build; figures would mislead. Configure with "
               "-DCMAKE_BUILD_TYPE=Release.\n";
  return 1;
#endif
  benchmark::AddCustomContext("despin_version", despin::kVersion);
  benchmark::AddCustomContext("build_flags", DESPIN_BENCH_FLAGS);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
