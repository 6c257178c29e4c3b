// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Throughput of the core loop: building the engine, and rewriting spun and clean text.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "despin/despin.hpp"

namespace {

// All corpus files with the given suffix, concatenated with blank lines between them.
std::string corpus_text(const std::string& suffix) {
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(DESPIN_CORPUS_DIR)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    all += ss.str();
    all += "\n\n";
  }
  return all;
}

const despin::Engine& default_engine() {
  static const despin::Engine engine = despin::Engine::create({despin::Dictionary::builtin()}).value();
  return engine;
}

void BM_EngineCreate(benchmark::State& state) {
  const despin::Dictionary& dict = despin::Dictionary::builtin();
  for (auto _ : state) benchmark::DoNotOptimize(despin::Engine::create({dict}));
}
BENCHMARK(BM_EngineCreate)->Unit(benchmark::kMillisecond);

void rewrite(benchmark::State& state, const std::string& suffix) {
  const std::string text = corpus_text(suffix);
  const despin::Engine& engine = default_engine();
  for (auto _ : state) benchmark::DoNotOptimize(engine.rewrite(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK_CAPTURE(rewrite, spun, std::string(".spun.txt"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(rewrite, clean, std::string(".original.txt"))->Unit(benchmark::kMicrosecond);

}  // namespace
