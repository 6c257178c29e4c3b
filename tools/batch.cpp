// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Crash safety: every output is written to "NAME.despin-tmp" and renamed into place, and only
// then recorded in OUT/.despin-manifest (one JSON line per finished document: its path and a hash
// of its input and of the engine). A run killed at any moment leaves finished files complete and
// a manifest that lists a subset of them; the next run deletes stray temporary files, skips what
// the manifest lists with an unchanged hash, and redoes the rest.
#include "batch.hpp"
#include "fnv1a.hpp"
#include "read_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "jsonl.hpp"
#include "worker_pool.hpp"
#include "write_file.hpp"

namespace fs = std::filesystem;

namespace despin::cli {
namespace {

constexpr const char* kManifest = ".despin-manifest";

std::string hex(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}


// An append-only JSON Lines log shared by the workers (the manifest, the error log). Each record
// goes out in one write(2) on an O_APPEND descriptor, so records never interleave.
class AppendLog {
 public:
  explicit AppendLog(const fs::path& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) {}
  ~AppendLog() {
    if (fd_ >= 0) ::close(fd_);
  }
  AppendLog(const AppendLog&) = delete;
  AppendLog& operator=(const AppendLog&) = delete;
  bool ok() const { return fd_ >= 0; }
  void append(const nlohmann::ordered_json& record) {
    const std::string line = record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    std::lock_guard<std::mutex> lock(mutex_);
    std::size_t done = 0;
    while (done < line.size()) {
      const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
  }

 private:
  int fd_;
  std::mutex mutex_;
};

// What the manifest says is done: relative path -> hash.
std::unordered_map<std::string, std::string> load_manifest(const fs::path& path) {
  std::unordered_map<std::string, std::string> done;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    auto rec = nlohmann::json::parse(line, nullptr, false);  // a torn last line is skipped
    if (rec.is_object() && rec.contains("path") && rec.contains("hash") && rec["path"].is_string() &&
        rec["hash"].is_string())
      done[rec["path"].get<std::string>()] = rec["hash"].get<std::string>();
  }
  return done;
}

// Temporary files a killed run left behind.
void remove_stray_temporaries(const fs::path& out) {
  std::error_code ec;
  std::vector<fs::path> stray;
  for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->path().string().ends_with(kTempSuffix)) stray.push_back(it->path());
  for (const fs::path& p : stray) fs::remove(p, ec);
}

struct Stats {
  std::atomic<std::size_t> documents{0}, skipped{0}, failed{0}, warned{0};
  // Ambiguous readings held back for lack of evidence (Result::withheld), and the documents
  // with any: where a user may look for spin that showed no unambiguous trace.
  std::atomic<std::size_t> withheld{0}, documents_withholding{0};
  std::atomic<std::uint64_t> bytes_in{0}, bytes_out{0};
  std::mutex mutex;  // guards the maps below
  std::map<std::string, std::size_t> edits_by_kind;
  std::map<std::string, std::size_t> score_histogram;
  std::uint64_t total_bytes = 0;  // of the whole input, for the progress line

  void add(const Result& r, std::size_t in, std::size_t out) {
    bytes_in += in;
    bytes_out += out;
    count(r);
  }
  // A restored document's edits and score, without its bytes (a JSON Lines record's bytes are
  // counted for the whole file).
  void count(const Result& r) {
    ++documents;
    withheld += r.withheld;
    documents_withholding += r.withheld > 0;
    std::lock_guard<std::mutex> lock(mutex);
    for (const Edit& e : r.edits) ++edits_by_kind[std::string(to_string(e.kind))];
    ++score_histogram[bucket(r.spin_score)];
  }
  static std::string bucket(double s) {
    if (s < 0.5) return "0-0.5";
    if (s < 1) return "0.5-1";
    if (s < 2) return "1-2";
    if (s < 5) return "2-5";
    if (s < 10) return "5-10";
    return "10+";
  }
};

// Prints "N/M documents, X MB, Y MB/s, ETA" on stderr every half second until stopped.
class Progress {
 public:
  Progress(const Stats& stats, std::size_t total_docs, bool enabled)
      : stats_(stats), total_docs_(total_docs), start_(std::chrono::steady_clock::now()) {
    if (enabled) thread_ = std::thread([this] { loop(); });
  }
  ~Progress() { stop(); }
  void stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
    print();
    std::cerr << "\n";
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; })) print();
  }
  void print() const {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const std::size_t done = stats_.documents + stats_.skipped + stats_.failed;
    const double mb = static_cast<double>(stats_.bytes_in) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0;
    const double total_mb = static_cast<double>(stats_.total_bytes) / 1e6;
    char line[160];
    if (rate > 0 && total_mb > mb)
      std::snprintf(line, sizeof line, "\rdespin batch: %zu/%zu documents, %.1f MB, %.1f MB/s, ETA %.0f s   ", done,
                    total_docs_, mb, rate, (total_mb - mb) / rate);
    else
      std::snprintf(line, sizeof line, "\rdespin batch: %zu/%zu documents, %.1f MB, %.1f MB/s   ", done, total_docs_, mb,
                    rate);
    std::cerr << line << std::flush;
  }
  const Stats& stats_;
  std::size_t total_docs_;
  std::chrono::steady_clock::time_point start_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

bool is_inside(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

}  // namespace

int run_batch(const Engine& engine, const BatchOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::error_code ec;
  const fs::path src(options.source), out(options.output);
  const fs::file_status src_status = fs::status(src, ec);
  if (!fs::exists(src_status)) {
    std::cerr << "despin batch: " << src.string() << ": no such file or directory\n";
    return 2;
  }
  const bool jsonl = fs::is_regular_file(src_status) && src.extension() == ".jsonl";
  if (!fs::is_directory(src_status) && !jsonl) {
    std::cerr << "despin batch: " << src.string() << ": SRC must be a directory or a .jsonl file\n";
    return 2;
  }
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    std::cerr << "despin batch: " << out.string() << ": OUT exists and is not a directory\n";
    return 2;
  }
  // Checked before anything is created: nothing may be written inside SRC.
  const fs::path src_real = fs::weakly_canonical(src, ec), out_real = fs::weakly_canonical(out, ec);
  if (fs::is_directory(src_status) && is_inside(out_real, src_real)) {
    std::cerr << "despin batch: OUT (" << out.string() << ") is inside SRC (" << src.string()
              << "): its outputs would become inputs; choose another OUT\n";
    return 2;
  }
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << "despin batch: cannot create " << out.string() << ": " << ec.message() << "\n";
    return 2;
  }

  remove_stray_temporaries(out);
  const auto done = load_manifest(out / kManifest);
  // errors.jsonl reports this run: what failed before and fails again is reported again.
  fs::remove(out / "errors.jsonl", ec);
  AppendLog manifest(out / kManifest), errors(out / "errors.jsonl");
  if (!manifest.ok() || !errors.ok()) {
    std::cerr << "despin batch: cannot write in " << out.string() << ": " << std::strerror(errno) << "\n";
    return 2;
  }
  const std::string engine_hash = hex(fnv1a(options.fingerprint));
  auto record_error = [&](const std::string& path, const std::string& why, bool warning = false) {
    nlohmann::ordered_json e;
    e["path"] = path;
    e[warning ? "warning" : "error"] = why;
    errors.append(e);
  };

  Stats stats;
  if (jsonl) {
    // A JSON Lines file is one unit: streamed in order into OUT/NAME.jsonl (through a temporary
    // file), then recorded. Memory stays bounded by a chunk of lines, whatever the file's size.
    const std::string rel = src.filename().string();
    std::ifstream in(src, std::ios::binary);
    std::uint64_t hash_value = fnv1a(engine_hash);
    std::vector<char> block(1u << 20);
    while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
      hash_value = fnv1a(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())), hash_value);
      stats.total_bytes += static_cast<std::uint64_t>(in.gcount());
    }
    if (in.bad() || !in.eof()) {
      record_error(rel, "read error");
      std::cerr << "despin batch: " << rel << ": read error\n";
      return 1;
    }
    const std::string hash = hex(hash_value);
    if (auto it = done.find(rel); it != done.end() && it->second == hash && fs::exists(out / rel)) {
      std::cerr << "despin batch: " << rel << " is up to date\n";
      return 0;
    }
    in.clear();
    in.seekg(0);
    const fs::path target = out / rel, tmp = target.string() + kTempSuffix;
    std::ofstream result(tmp, std::ios::binary | std::ios::trunc);
    std::ostringstream messages;
    Progress progress(stats, 1, options.progress);
    // Each record is a document of the summary: restored ones count their edits and score, bad
    // ones count as failed.
    const std::size_t bad = run_jsonl_stream(engine, in, result, messages, rel, options.jobs, [&](const JsonlRecord& r) {
      if (r.restored) stats.count(r.result);
    });
    stats.bytes_in = stats.total_bytes;
    progress.stop();
    result.flush();
    if (!result || in.bad()) {
      std::cerr << "despin batch: cannot write " << tmp.string() << ": " << std::strerror(errno) << "\n";
      fs::remove(tmp, ec);
      return 2;
    }
    stats.bytes_out = static_cast<std::uint64_t>(result.tellp());
    result.close();
    fs::rename(tmp, target, ec);
    if (ec) {
      std::cerr << "despin batch: cannot rename " << tmp.string() << ": " << ec.message() << "\n";
      return 2;
    }
    std::istringstream lines(messages.str());
    for (std::string m; std::getline(lines, m);) record_error(rel, m);
    // A file with bad lines is not finished: a rerun redoes it and reports them again (with exit
    // status 1) instead of calling it up to date.
    if (bad == 0) manifest.append(nlohmann::ordered_json{{"path", rel}, {"hash", hash}});
    stats.failed = bad;
  } else {
    // Every regular *.txt below SRC, in a stable order. Directory symlinks are not followed
    // (no loops); a symlinked file is read through its link, a dangling one is an error.
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(src, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->path().extension() != ".txt") continue;
      std::error_code sec;
      if (it->is_symlink(sec) && !fs::exists(it->path(), sec)) {
        record_error(it->path().lexically_relative(src).string(), "dangling symbolic link");
        ++stats.failed;
        continue;
      }
      if (it->is_regular_file(sec)) files.push_back(it->path());
    }
    if (ec) std::cerr << "despin batch: while listing " << src.string() << ": " << ec.message() << "\n";
    std::sort(files.begin(), files.end());
    if (files.empty()) std::cerr << "despin batch: no *.txt files under " << src.string() << "\n";
    for (const fs::path& f : files) stats.total_bytes += fs::file_size(f, ec);

    Progress progress(stats, files.size(), options.progress);
    parallel_for(files.size(), options.jobs, [&](std::size_t i) {
      // Lexically: the listing's paths all start with `src` as written, and fs::relative would
      // resolve every component of both (a readlink each) for every file.
      const std::string rel = files[i].lexically_relative(src).string();
      std::string error;
      std::optional<std::string> text = despin::cli::read_whole_file(files[i].string(), error);
      if (!text) {
        record_error(rel, error);
        ++stats.failed;
        return;
      }
      const std::string hash = hex(fnv1a(*text, fnv1a(engine_hash)));
      if (auto it = done.find(rel); it != done.end() && it->second == hash && fs::exists(out / rel)) {
        ++stats.skipped;
        stats.bytes_in += text->size();
        return;
      }
      const Result r = engine.rewrite(*text);
      if (r.invalid_utf8 > 0)
        record_error(rel, std::to_string(r.invalid_utf8) + " invalid UTF-8 sequence(s) replaced by U+FFFD", true),
            ++stats.warned;
      if (!write_atomically(out / rel, r.text, error)) {
        record_error(rel, error);
        ++stats.failed;
        return;
      }
      manifest.append(nlohmann::ordered_json{{"path", rel}, {"hash", hash}});
      stats.add(r, text->size(), r.text.size());
    });
    progress.stop();
  }

  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  nlohmann::ordered_json summary;
  summary["source"] = src.string();
  summary["documents"] = stats.documents.load();
  summary["skipped_up_to_date"] = stats.skipped.load();
  summary["failed"] = stats.failed.load();
  summary["warnings"] = stats.warned.load();
  summary["bytes_in"] = stats.bytes_in.load();
  summary["bytes_out"] = stats.bytes_out.load();
  summary["edits_by_kind"] = stats.edits_by_kind;
  summary["spin_score_histogram"] = stats.score_histogram;
  summary["withheld"] = stats.withheld.load();
  summary["documents_with_withheld"] = stats.documents_withholding.load();
  summary["jobs"] = options.jobs;
  summary["wall_seconds"] = secs;
  summary["mb_per_second"] = secs > 0 ? static_cast<double>(stats.bytes_in) / 1e6 / secs : 0.0;
  std::string error;
  if (!write_atomically(out / "summary.json", summary.dump(2) + "\n", error)) std::cerr << "despin batch: " << error << "\n";
  std::fprintf(stderr, "despin batch: %zu restored, %zu up to date, %zu failed, %zu warnings, %.1f MB in %.2f s (%.1f MB/s)%s\n",
               stats.documents.load(), stats.skipped.load(), stats.failed.load(), stats.warned.load(),
               static_cast<double>(stats.bytes_in) / 1e6, secs, summary["mb_per_second"].get<double>(),
               stats.failed > 0 ? "; see errors.jsonl" : "");
  return stats.failed > 0 ? 1 : 0;
}

}  // namespace despin::cli
