// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// despin-dictcheck FILE...: checks a set of dictionary files as one dictionary. Each file must
// parse (the parser already rejects problems inside one file); across files, a spun phrase
// restored to two different originals is a contradiction unless both entries are ambiguous.
// Swap lists may not loop (swap_loops.hpp: "accuracy => precision" with "precision =>
// accuracy"). Repeats with the same original are counted as warnings. Exit 0 when consistent,
// 1 on contradictions or loops, 2 on unreadable or malformed files. The build runs it on the
// shipped files.
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "despin/dictionary.hpp"
#include "read_file.hpp"
#include "swap_loops.hpp"
#include "tokenizer.hpp"

namespace {

std::string key_of(const std::string& phrase) {
  std::string key;
  for (const std::string& k : despin::detail::phrase_keys(phrase)) {
    if (!key.empty()) key += ' ';
    key += k;
  }
  return key;
}

struct Seen {
  const despin::Entry* entry;
  std::string original_key;
};

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::vector<despin::Dictionary> dictionaries;
  int status = 0;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "-v" || arg == "--verbose") { verbose = true; continue; }
    if (arg == "-h" || arg == "--help") {
      std::puts("usage: despin-dictcheck [-v] FILE...\n"
                "Checks dictionary files as one dictionary: parse errors, and spun phrases restored to\n"
                "different originals in different files (allowed only when both entries are ambiguous).\n"
                "-v lists repeated entries too. Exit: 0 consistent, 1 contradictions or swap loops, 2 unreadable or malformed.");
      return 0;
    }
    if (despin::cli::is_compiled_engine_file(arg)) {
      std::fprintf(stderr, "%s: a compiled engine (despin compile), not a dictionary\n", arg.c_str());
      status = 2;
      continue;
    }
    auto d = despin::Dictionary::load_file(arg);
    if (!d) {
      for (const std::string& m : d.error().messages) std::fprintf(stderr, "%s\n", m.c_str());
      status = 2;
      continue;
    }
    dictionaries.push_back(std::move(d).value());
  }
  if (argc < 2) {
    std::fputs("usage: despin-dictcheck [-v] FILE...\n", stderr);
    return 2;
  }

  std::unordered_map<std::string, Seen> seen;
  std::size_t entries = 0, contradictions = 0, repeats = 0;
  for (const despin::Dictionary& d : dictionaries) {
    for (const despin::Entry& e : d.entries()) {
      ++entries;
      const std::string key = e.is_rule ? "/" + e.spun + "/" : key_of(e.spun);
      const std::string original_key = e.is_rule ? e.original : key_of(e.original);
      auto [it, inserted] = seen.try_emplace(key, Seen{&e, original_key});
      if (inserted) continue;
      const despin::Entry& first = *it->second.entry;
      if (it->second.original_key == original_key) {
        ++repeats;
        if (verbose) std::fprintf(stderr, "%s: warning: '%s' repeats %s\n", e.source.c_str(), e.spun.c_str(), first.source.c_str());
      } else if (!(first.ambiguous && e.ambiguous)) {
        ++contradictions;
        std::fprintf(stderr, "%s: '%s' => '%s' contradicts %s ('%s'); mark both ambiguous or keep one\n",
                     e.source.c_str(), e.spun.c_str(), e.original.c_str(), first.source.c_str(), first.original.c_str());
      }
      it->second = Seen{&e, original_key};
    }
  }
  std::vector<const despin::WordSwap*> swaps;
  for (const despin::Dictionary& d : dictionaries)
    for (const despin::WordSwap& w : d.word_swaps()) swaps.push_back(&w);
  const std::vector<despin::detail::SwapLoop> loops = despin::detail::find_swap_loops(swaps);
  for (const despin::detail::SwapLoop& loop : loops)
    std::fprintf(stderr, "%s: swaps loop through term composition: %s; keep one direction\n",
                 loop.swaps.front()->source.c_str(), despin::detail::describe(loop).c_str());
  std::fprintf(stderr, "despin-dictcheck: %zu files, %zu entries, %zu swaps, %zu contradictions, %zu loops, %zu repeats\n",
               dictionaries.size(), entries, swaps.size(), contradictions, loops.size(), repeats);
  if (status != 0) return status;
  return contradictions > 0 || !loops.empty() ? 1 : 0;
}
