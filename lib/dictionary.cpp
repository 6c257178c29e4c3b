// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "despin/dictionary.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dictionary_parser.hpp"
#include "embedded_dictionary.hpp"

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

}  // namespace

Expected<Dictionary> Dictionary::parse(std::string_view text, std::string_view name) {
  detail::ParsedDictionary parsed = name.ends_with(".terms")   ? detail::parse_term_list(text, name)
                                    : name.ends_with(".swaps") ? detail::parse_swap_list(text, name)
                                                               : detail::parse_dictionary(text, name, stem_of(name));
  if (!parsed.errors.empty()) return Error(std::move(parsed.errors));
  Dictionary d;
  d.entries_ = std::move(parsed.entries);
  d.examples_ = std::move(parsed.examples);
  d.terms_ = std::move(parsed.terms);
  d.word_swaps_ = std::move(parsed.word_swaps);
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
  static const Dictionary dict = [] {
    Dictionary all;
    for (const auto& file : detail::embedded_dictionary_files()) {
      auto d = parse(file.text, file.name);
      if (d) all.append(d.value());
    }
    return all;
  }();
  return dict;
}

void Dictionary::append(const Dictionary& other) {
  entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
  examples_.insert(examples_.end(), other.examples_.begin(), other.examples_.end());
  terms_.insert(terms_.end(), other.terms_.begin(), other.terms_.end());
  word_swaps_.insert(word_swaps_.end(), other.word_swaps_.begin(), other.word_swaps_.end());
}

}  // namespace despin
