// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "jsonl.hpp"

#include <nlohmann/json.hpp>
#include <vector>

#include "cli_output.hpp"
#include "json_line.hpp"
#include "worker_pool.hpp"

namespace despin::cli {
namespace {

// Lines are read and written in chunks: enough to keep every thread busy, small enough that
// memory (two chunks) does not grow with the input.
constexpr std::size_t kChunkLines = 512;
constexpr std::size_t kChunkBytes = 32u << 20;

JsonlRecord failed(std::string_view line, std::string why) {
  JsonlRecord r;
  nlohmann::ordered_json doc;
  doc["despin_error"] = why;
  doc["input"] = line;
  r.output = dump_line(doc);
  r.error = std::move(why);
  return r;
}

}  // namespace

JsonlRecord restore_jsonl_line(const Engine& engine, std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return JsonlRecord{std::string(line), {}, {}, false};
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(line, nullptr, false);
  if (doc.is_discarded()) return failed(line, "not valid JSON");
  if (!doc.is_object()) return failed(line, "not a JSON object");
  auto it = doc.find("text");
  if (it == doc.end() || !it->is_string()) return failed(line, "no string field \"text\"");
  JsonlRecord r;
  r.result = engine.rewrite(it->get_ref<const std::string&>());
  r.output = result_line(doc, r.result);
  r.restored = true;
  return r;
}

std::size_t run_jsonl_stream(const Engine& engine, std::istream& in, std::ostream& out, std::ostream& err,
                             std::string_view label, unsigned jobs,
                             const std::function<void(const JsonlRecord&)>& each) {
  struct Chunk {
    std::vector<std::string> lines;
    std::vector<JsonlRecord> records;
  };
  const auto read = [&](Chunk& chunk) {
    chunk.lines.clear();
    std::size_t bytes = 0;
    for (std::string line; chunk.lines.size() < kChunkLines && bytes < kChunkBytes && std::getline(in, line);) {
      bytes += line.size();
      chunk.lines.push_back(std::move(line));
    }
  };
  std::size_t bad = 0, line_no = 0;
  const auto write = [&](const Chunk& chunk) {
    for (const JsonlRecord& r : chunk.records) {
      ++line_no;
      if (!r.error.empty()) {
        err << label << ":" << line_no << ": " << r.error << "\n";
        ++bad;
      }
      out << r.output << '\n';
      if (each) each(r);
    }
  };
  // Two chunks in turn: while the pool restores one, this thread writes out the one before and
  // reads the one after, then joins the pool.
  WorkerPool pool(jobs);
  Chunk chunks[2];
  std::size_t current = 0;
  bool written = true;  // whether chunks[1 - current] has nothing left to write
  for (read(chunks[current]); !chunks[current].lines.empty(); current = 1 - current) {
    Chunk& chunk = chunks[current];
    Chunk& other = chunks[1 - current];
    chunk.records.assign(chunk.lines.size(), {});
    pool.start(chunk.lines.size(),
               [&engine, &chunk](std::size_t i) { chunk.records[i] = restore_jsonl_line(engine, chunk.lines[i]); });
    if (!written) write(other);
    read(other);
    pool.wait();
    written = false;
  }
  if (!written) write(chunks[1 - current]);
  return bad;
}

}  // namespace despin::cli
