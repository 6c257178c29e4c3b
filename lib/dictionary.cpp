// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "despin/dictionary.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dictionary_parser.hpp"
#include "embedded_dictionary.hpp"
#include "utf8.hpp"

namespace despin {

std::string Error::what() const {
  std::string out;
  for (const auto& m : messages) {
    if (!out.empty()) out += '\n';
    out += m;
  }
  return out;
}

namespace {

std::string stem_of(std::string_view name) {
  std::filesystem::path p{std::string(name)};
  return p.stem().string();
}

// Every invalid UTF-8 sequence of a dictionary's text, located ("name:line:col: ..."), at most
// kMaxReportedErrors and a notice. A dictionary is UTF-8 text: an invalid byte in an original
// would reach the output as it is, and no spun text can contain one to match.
std::vector<std::string> invalid_utf8_errors(std::string_view text, std::string_view name) {
  std::vector<std::string> errors;
  std::size_t line = 1, line_start = 0, scanned = 0;
  for (const detail::ByteSpan& span : detail::invalid_utf8_spans(text)) {
    if (errors.size() == detail::kMaxReportedErrors) {
      errors.push_back(std::string(name) + ": too many errors; stopped reporting");
      break;
    }
    for (; scanned < span.begin; ++scanned)
      if (text[scanned] == '\n') ++line, line_start = scanned + 1;
    errors.push_back(std::string(name) + ":" + std::to_string(line) + ":" + std::to_string(span.begin - line_start + 1) +
                     ": invalid UTF-8 (a dictionary must be UTF-8 text)");
  }
  return errors;
}

}  // namespace

Expected<Dictionary> Dictionary::parse(std::string_view text, std::string_view name) {
  return parse(text, name, /*compile_rules=*/true);
}

Expected<Dictionary> Dictionary::parse(std::string_view text, std::string_view name, bool compile_rules) {
  if (std::vector<std::string> errors = invalid_utf8_errors(text, name); !errors.empty()) return Error(std::move(errors));
  detail::ParsedDictionary parsed = name.ends_with(".terms")   ? detail::parse_term_list(text, name)
                                    : name.ends_with(".swaps") ? detail::parse_swap_list(text, name)
                                                               : detail::parse_dictionary(text, name, stem_of(name), compile_rules);
  if (!parsed.errors.empty()) return Error(std::move(parsed.errors));
  Dictionary d;
  Data& data = *d.data_;
  data.entries = std::move(parsed.entries);
  data.examples = std::move(parsed.examples);
  data.terms = std::move(parsed.terms);
  data.word_swaps = std::move(parsed.word_swaps);
  return d;
}

Expected<Dictionary> Dictionary::load_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error(path + ": is a directory, not a dictionary file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Error(path + ": read error");
  const std::string text = buf.str();
  if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0x1f &&
      static_cast<unsigned char>(text[1]) == 0x8b)
    return Error(path + ": looks like a gzip file; dictionaries are plain UTF-8 text (gunzip it first)");
  return parse(text, path);
}

const Dictionary& Dictionary::builtin() {
  // Parsed once, on first use; the embedded files were checked by the build's tests.
  // Never destroyed: freeing its tens of thousands of strings one by one would only delay
  // the exit of every program that used it (it stays reachable, so no leak is reported).
  static const Dictionary* const dict = [] {
    auto* all = new Dictionary;
    Data& data = all->own();
    for (const auto& file : detail::embedded_dictionary_files()) {
      auto d = parse(file.text, file.name, /*compile_rules=*/false);
      if (!d) continue;
      // Each file's parse is used once: its strings are moved, not copied.
      Data& from = *d.value().data_;
      auto move_into = [](auto& to, auto& items) {
        to.insert(to.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
      };
      move_into(data.entries, from.entries);
      move_into(data.examples, from.examples);
      move_into(data.terms, from.terms);
      move_into(data.word_swaps, from.word_swaps);
    }
    return all;
  }();
  return *dict;
}

Dictionary::Dictionary() : data_(std::make_shared<Data>()) {}

Dictionary::Data& Dictionary::own() {
  if (data_.use_count() > 1) data_ = std::make_shared<Data>(*data_);
  return *data_;
}

void Dictionary::append(const Dictionary& other) {
  const std::shared_ptr<const Data> from = other.data_;  // kept alive if `other` is this one
  Data& to = own();
  to.entries.insert(to.entries.end(), from->entries.begin(), from->entries.end());
  to.examples.insert(to.examples.end(), from->examples.begin(), from->examples.end());
  to.terms.insert(to.terms.end(), from->terms.begin(), from->terms.end());
  to.word_swaps.insert(to.word_swaps.end(), from->word_swaps.begin(), from->word_swaps.end());
}

}  // namespace despin
