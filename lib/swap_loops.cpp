// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "swap_loops.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include "tokenizer.hpp"

namespace despin::detail {
namespace {

constexpr std::uint32_t kUnseen = UINT32_MAX;

// A swap's side as one key, or "" for a phrase (several tokens).
std::string word_key(const std::string& side) {
  std::vector<std::string> keys = phrase_keys(side);
  return keys.size() == 1 ? std::move(keys[0]) : std::string();
}

}  // namespace

std::vector<SwapLoop> find_swap_loops(const std::vector<const WordSwap*>& swaps) {
  // Words as numbers, edges in list order; a repeated pair is one edge (its first line).
  std::unordered_map<std::string, std::uint32_t> number;
  auto id = [&](const std::string& key) { return number.try_emplace(key, static_cast<std::uint32_t>(number.size())).first->second; };
  struct Edge {
    std::uint32_t from, to;
    const WordSwap* swap;
  };
  std::vector<Edge> edges;
  for (const WordSwap* s : swaps) {
    const std::string from = word_key(s->spun), to = word_key(s->original);
    if (from.empty() || to.empty() || from == to) continue;
    edges.push_back(Edge{id(from), id(to), s});
  }
  const std::size_t n = number.size();
  std::vector<std::vector<std::uint32_t>> out(n);  // edge indices by source word
  for (std::size_t e = 0; e < edges.size(); ++e) out[edges[e].from].push_back(static_cast<std::uint32_t>(e));

  // Tarjan's strongly connected components, iteratively (a list of 100,000 swaps would
  // overflow the stack recursively): a ring of words that reach each other holds a loop.
  std::vector<std::uint32_t> index(n, kUnseen), low(n, 0), component(n, kUnseen);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  std::uint32_t next_index = 0, components = 0;
  struct Frame {
    std::uint32_t word;
    std::size_t next_edge;
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnseen) continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      Frame& f = frames.back();
      if (f.next_edge < out[f.word].size()) {
        const std::uint32_t w = edges[out[f.word][f.next_edge++]].to;
        if (index[w] == kUnseen) {
          index[w] = low[w] = next_index++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.push_back(Frame{w, 0});
        } else if (on_stack[w]) {
          low[f.word] = std::min(low[f.word], index[w]);
        }
        continue;
      }
      const std::uint32_t v = f.word;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().word] = std::min(low[frames.back().word], low[v]);
      if (low[v] == index[v]) {
        std::uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component[w] = components;
        } while (w != v);
        ++components;
      }
    }
  }

  // For each ring of two or more words, the shortest loop through the word of its first swap
  // (in list order): a breadth-first search inside the ring back to that word.
  std::vector<std::uint32_t> size(components, 0);
  for (std::uint32_t c : component) ++size[c];
  std::vector<bool> reported(components, false);
  std::vector<SwapLoop> loops;
  std::vector<std::uint32_t> via(n, kUnseen);  // the edge that reached a word
  for (const Edge& first : edges) {
    const std::uint32_t c = component[first.from];
    if (size[c] < 2 || reported[c] || component[first.to] != c) continue;
    reported[c] = true;
    std::fill(via.begin(), via.end(), kUnseen);
    std::vector<std::uint32_t> queue{first.to};
    const auto first_edge = static_cast<std::uint32_t>(&first - edges.data());
    via[first.to] = first_edge;
    for (std::size_t q = 0; q < queue.size() && via[first.from] == kUnseen; ++q)
      for (std::uint32_t e : out[queue[q]]) {
        const std::uint32_t w = edges[e].to;
        if (component[w] != c || via[w] != kUnseen) continue;
        via[w] = e;
        queue.push_back(w);
      }
    SwapLoop loop;
    for (std::uint32_t w = first.from; ; ) {
      const Edge& e = edges[via[w]];
      loop.swaps.push_back(e.swap);
      if (via[w] == first_edge) break;
      w = e.from;
    }
    std::reverse(loop.swaps.begin(), loop.swaps.end());
    loops.push_back(std::move(loop));
  }
  return loops;
}

std::string describe(const SwapLoop& loop) {
  std::string s;
  for (const WordSwap* w : loop.swaps) {
    if (!s.empty()) s += ", ";
    s += w->spun + " => " + w->original + " (" + w->source + ")";
  }
  return s;
}

}  // namespace despin::detail
