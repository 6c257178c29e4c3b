// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// A compiled engine as bytes (Engine::save) and back (Engine::load): the phrase trie, the
// replacements, the rules' patterns and the composer's tables, so that a large dictionary is
// parsed and compiled once (`despin compile`) instead of at every start. The rules' patterns
// are compiled again on load: RE2 has no serialised form.
//
// Layout: kMagic, format version (u32), despin version (string), payload size (u64), payload
// checksum (u64), payload. A snapshot is read only by the despin version that wrote it: the
// tables' meaning changes between versions, and recompiling is cheap next to a wrong rewrite.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <exception>
#include <optional>

#include "despin/engine.hpp"
#include "despin/version.hpp"
#include "engine_impl.hpp"
#include "snapshot_io.hpp"

namespace despin {

namespace {

constexpr std::string_view kMagic = "despin compiled engine\n";
constexpr std::uint32_t kFormat = 1;

void save_replacement(detail::SnapshotWriter& w, const detail::Replacement& r) {
  w.str(r.text);
  w.str(r.source);
  w.f64(r.confidence);
  w.u8(static_cast<std::uint8_t>(r.ambiguous | r.heading << 1));
  w.str(r.participle);
  w.i32(r.domain);
  w.array(r.readings);
}

// Reads a replacement into `out` (in place: a large dictionary has one an entry).
void load_replacement(detail::SnapshotReader& r, detail::StringArena& strings, std::size_t domains,
                      std::size_t phrases, detail::Replacement& out) {
  out.text = r.text();
  out.source = r.text(strings);
  out.confidence = r.f64();
  const std::uint8_t flags = r.u8();
  out.ambiguous = flags & 1;
  out.heading = flags & 2;
  out.participle = r.text();
  out.domain = r.i32();
  out.readings = r.array<std::int32_t>();
  r.require(std::isfinite(out.confidence) && out.confidence > 0 && out.confidence <= 1 && flags < 4,
            "a replacement's confidence or flags are out of range");
  // Every listed replacement has a domain (-1 is only for what a rewrite makes up itself).
  r.require(out.domain >= 0 && out.domain < static_cast<std::int64_t>(domains), "a replacement's domain is unknown");
  for (std::int32_t reading : out.readings)
    r.require(reading >= 0 && static_cast<std::size_t>(reading) < phrases, "a replacement's reading is unknown");
}

}  // namespace

std::string Engine::save() const {
  const Impl& impl = *impl_;
  detail::SnapshotWriter w;
  w.u64(impl.domains.size());
  for (const std::string& d : impl.domains) w.str(d);
  w.u64(impl.phrases.size());
  for (const detail::Replacement& r : impl.phrases) save_replacement(w, r);
  impl.trie.save(w);
  w.u64(impl.rules.size());
  for (const detail::Rule& rule : impl.rules) {
    w.str(rule.re->pattern());
    save_replacement(w, rule.replacement);
  }
  impl.composer.save(w);

  detail::SnapshotWriter head;
  head.bytes().append(kMagic);
  head.u32(kFormat);
  head.str(kVersion);
  head.u64(w.bytes().size());
  head.u64(detail::snapshot_checksum(w.bytes()));
  return std::move(head.bytes()) + w.bytes();
}

bool Engine::is_snapshot(std::string_view bytes) { return bytes.starts_with(kMagic); }

namespace {

// What the header says about the payload that follows it.
struct Header {
  std::uint64_t size = 0;      // of the payload
  std::uint64_t checksum = 0;  // of the payload
  std::size_t payload_at = 0;  // the payload's first byte in the file
};

// Reads the header after kMagic; nullopt and `error` set when it is another version's.
std::optional<Header> read_header(detail::SnapshotReader& r, std::string& error) {
  const std::uint32_t format = r.u32();
  const std::string version = r.str();
  if (format != kFormat || version != kVersion) {
    // The version as written, if it reads as one (a damaged header may hold anything).
    const bool readable = !version.empty() && version.size() <= 32 &&
                          std::all_of(version.begin(), version.end(), [](char c) { return c > ' ' && c < 0x7F; });
    error = "compiled by " + (readable ? "despin " + version : std::string("an unknown despin")) + " (format " +
            std::to_string(format) + "); this is despin " + std::string(kVersion) + ": compile it again";
    return std::nullopt;
  }
  Header h;
  h.size = r.u64();
  h.checksum = r.u64();
  h.payload_at = kMagic.size() + sizeof format + 8 + version.size() + sizeof h.size + sizeof h.checksum;
  return h;
}

std::string size_mismatch(std::uint64_t have, std::uint64_t want) {
  return "the payload is " + std::to_string(have) + " bytes, not " + std::to_string(want) +
         ": the file is truncated or has trailing bytes";
}

// The payload, once its size and checksum are known to be right.
void read_payload(detail::SnapshotReader& r, Engine::Impl& impl) {
  impl.domains.resize(r.count(8));
  for (std::string& d : impl.domains) d = r.text();
  const std::uint64_t phrases = r.count(8 * 4);
  r.require(phrases < static_cast<std::uint64_t>(detail::kNoValue) >> 1, "too many phrases");
  impl.phrases.resize(phrases);
  for (detail::Replacement& p : impl.phrases) load_replacement(r, impl.strings, impl.domains.size(), phrases, p);
  impl.trie.load(r, static_cast<std::int32_t>(phrases));
  // The rules are read here and compiled on a second thread while the composition tables load
  // (RE2 and its prefilter are most of loading the default engine; see Engine::create).
  struct StoredRule {
    std::string pattern;
    detail::Replacement replacement;
    std::size_t at;  // its offset, for a message
  };
  std::vector<StoredRule> stored(r.count(8 * 5));
  for (StoredRule& s : stored) {
    s.at = r.offset();
    s.pattern = r.str();
    load_replacement(r, impl.strings, impl.domains.size(), 0, s.replacement);
  }
  std::string rule_error;
  std::size_t rule_error_at = 0;
  auto compile_rules = [&impl, &stored, &rule_error, &rule_error_at] {
    impl.rules.reserve(stored.size());
    for (StoredRule& s : stored)
      if (!impl.add_rule(s.pattern, std::move(s.replacement), rule_error)) {
        rule_error_at = s.at;
        return;
      }
    impl.rule_filter.compile();
  };
  std::future<void> rules_done;  // after what the thread uses: leaving early joins it first
  if (!stored.empty()) rules_done = detail::run_beside(compile_rules);
  impl.composer.load(r);
  r.require(r.at_end(), "bytes left over after the engine");
  detail::tokenize_with_icu("warm up ICU");  // fail here, as a value, if ICU's data is missing
  if (rules_done.valid()) rules_done.get();
  if (!rule_error.empty()) throw detail::SnapshotError(rule_error_at, rule_error);
}

}  // namespace

Expected<Engine> Engine::load(std::string_view bytes, std::string_view name, Options options) {
  const std::string where(name);
  if (!is_snapshot(bytes)) return Error(where + ": not a compiled despin engine (see `despin compile`)");
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  try {
    detail::SnapshotReader head(bytes.substr(kMagic.size()), kMagic.size());
    std::string error;
    const std::optional<Header> h = read_header(head, error);
    if (!h) return Error(where + ": " + error);
    const std::string_view payload = bytes.substr(h->payload_at);
    if (payload.size() != h->size) head.fail(size_mismatch(payload.size(), h->size));
    if (detail::snapshot_checksum(payload) != h->checksum) head.fail("checksum mismatch: the file is damaged");
    detail::SnapshotReader r(payload, h->payload_at);
    read_payload(r, *impl);
  } catch (const detail::SnapshotError& e) {
    return Error(where + ": " + e.what());
  } catch (const std::exception& e) {
    return Error(where + ": cannot load the compiled engine: " + e.what());
  }
  return Engine(std::move(impl));
}

Expected<Engine> Engine::load_file(const std::string& path, Options options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error(path + ": " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Error(path + ": " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return Error(path + ": not a regular file");
  const auto file_size = static_cast<std::uint64_t>(st.st_size);
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  try {
    // First pass: the header, and the payload's checksum as it streams by (a damaged file is
    // refused as damaged, before its tables are read); second pass: the tables, read in place.
    std::string magic(std::min<std::uint64_t>(kMagic.size(), file_size), '\0');
    detail::SnapshotReader head(fd, file_size, 0);
    for (char& c : magic) c = static_cast<char>(head.u8());
    if (!is_snapshot(magic)) return Error(path + ": not a compiled despin engine (see `despin compile`)");
    std::string error;
    const std::optional<Header> h = read_header(head, error);
    if (!h) return Error(path + ": " + error);
    if (file_size - h->payload_at != h->size) head.fail(size_mismatch(file_size - h->payload_at, h->size));
    detail::SnapshotChecksum sum(h->size);
    std::vector<char> chunk(1 << 20);
    for (std::uint64_t at = h->payload_at; at < file_size;) {
      const ssize_t got = ::pread(fd, chunk.data(), static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), file_size - at)),
                                  static_cast<off_t>(at));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return Error(path + ": byte " + std::to_string(at) + ": cannot read: " +
                                 (got < 0 ? std::strerror(errno) : "the file ends early"));
      sum.update(std::string_view(chunk.data(), static_cast<std::size_t>(got)));
      at += static_cast<std::uint64_t>(got);
    }
    if (sum.value() != h->checksum) head.fail("checksum mismatch: the file is damaged");
    if (::lseek(fd, static_cast<off_t>(h->payload_at), SEEK_SET) < 0) return Error(path + ": " + std::strerror(errno));
    detail::SnapshotReader r(fd, h->size, h->payload_at);
    read_payload(r, *impl);
  } catch (const detail::SnapshotError& e) {
    return Error(path + ": " + e.what());
  } catch (const std::exception& e) {
    return Error(path + ": cannot load the compiled engine: " + e.what());
  }
  return Engine(std::move(impl));
}

}  // namespace despin
