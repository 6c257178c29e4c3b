// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// One line at a time: each line is an entry, a rule, a directive, a comment or blank. Parsing
// line by line lets us report every bad line (not just the first) with its column, and keeps
// the grammar small. Expectation points (`>`) turn "this cannot be right" into a message that
// names what was expected at that column.
#include "dictionary_parser.hpp"

#include <re2/re2.h>

#include <boost/spirit/home/x3.hpp>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <deque>
#include <unordered_map>

namespace despin::detail {
namespace {

namespace x3 = boost::spirit::x3;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// What one line said. Filled by the grammar's semantic actions.
struct LineAst {
  bool has_entry = false;
  bool is_rule = false;
  std::string spun, original;
  bool verb = false, ambiguous = false, heading = false;
  bool has_conf = false;
  double conf = 0;
  std::size_t conf_col = 0;
  std::vector<std::pair<std::string, std::string>> examples;
  // Directives.
  std::string domain;
  bool has_default_conf = false;
  double default_conf = 0;
};

std::string location(std::string_view name, std::size_t line, std::size_t col) {
  return std::string(name) + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
}

// Parses one line into `ast`. Returns an empty string on success, else "col: message" parts.
bool parse_line(std::string_view line, LineAst& ast, std::size_t& err_col, std::string& err) {
  using x3::char_;
  using x3::lexeme;
  using x3::lit;
  const char* const begin = line.data();
  const char* first = begin;
  const char* const last = begin + line.size();

  std::string example_input;
  auto set_spun = [&](auto& ctx) { ast.spun = std::string(trim(x3::_attr(ctx))); ast.has_entry = true; };
  auto set_rule = [&](auto& ctx) { ast.spun = x3::_attr(ctx); ast.is_rule = true; ast.has_entry = true; };
  auto set_original = [&](auto& ctx) { ast.original = std::string(trim(x3::_attr(ctx))); };
  auto set_verb = [&](auto&) { ast.verb = true; };
  auto set_ambiguous = [&](auto&) { ast.ambiguous = true; };
  auto set_heading = [&](auto&) { ast.heading = true; };
  auto set_conf = [&](auto& ctx) {
    ast.has_conf = true;
    ast.conf = x3::_attr(ctx);
    // The number starts after "conf" and blanks; _where() would give its end.
    const std::size_t at = line.find_first_not_of(" \t", line.rfind("conf", static_cast<std::size_t>(x3::_where(ctx).begin() - begin)) + 4);
    ast.conf_col = at + 1;
  };
  auto set_example_in = [&](auto& ctx) { example_input = x3::_attr(ctx); };
  auto set_example_out = [&](auto& ctx) { ast.examples.emplace_back(example_input, x3::_attr(ctx)); };
  auto set_domain = [&](auto& ctx) { ast.domain = x3::_attr(ctx); };
  auto set_default_conf = [&](auto& ctx) { ast.has_default_conf = true; ast.default_conf = x3::_attr(ctx); };

  // A word ending: "verb" must not match the start of "verbose".
  auto const keyword = [](const char* k) { return lexeme[lit(k) >> !(x3::alnum | '_')]; };

  auto const phrase_text = x3::rule<struct phrase_text_, std::string>{"a phrase"} =
      lexeme[+((~char_("=;#\"") ) | (char_('=') >> !lit('>')))];
  auto const regex_text = x3::rule<struct regex_text_, std::string>{"a /regular expression/"} =
      lexeme[('/' >> +((char_('\\') >> char_) | ~char_('/'))) > '/'];
  auto const quoted = x3::rule<struct quoted_, std::string>{"a \"quoted string\""} =
      lexeme['"' > *(('\\' > char_) | ~char_('"')) > '"'];
  auto const name = x3::rule<struct name_, std::string>{"a name"} =
      lexeme[+(x3::alnum | char_("_-"))];

  // Everything after an expectation point is a named rule, so that a failure says what was expected.
  auto const original = x3::rule<struct original_>{"the original phrase after '=>'"} = phrase_text[set_original];
  auto const number = [](const char* what, auto action) {
    return x3::rule<struct number_>{what} = x3::double_[action];
  };
  auto const example_in = x3::rule<struct example_in_>{"a \"quoted\" example input"} = quoted[set_example_in];
  auto const example_out = x3::rule<struct example_out_>{"a \"quoted\" expected output"} = quoted[set_example_out];
  auto const arrow = x3::rule<struct arrow_>{"'=>'"} = lit("=>");
  auto const attribute =
      x3::rule<struct attribute_>{"an attribute (verb, ambiguous, heading, conf N, example \"IN\" => \"OUT\")"} =
      keyword("verb")[set_verb] | keyword("ambiguous")[set_ambiguous] | keyword("heading")[set_heading] |
      (keyword("conf") > number("a confidence number", set_conf)) |
      (keyword("example") > example_in > arrow > example_out);
  auto const entry = (regex_text[set_rule] | phrase_text[set_spun]) > arrow > original > *(lit(';') > attribute);
  auto const domain_name = x3::rule<struct domain_name_>{"a domain name"} = name[set_domain];
  auto const directive_body = x3::rule<struct directive_body_>{"'domain NAME' or 'confidence N'"} =
      (keyword("domain") > domain_name) | (keyword("confidence") > number("a confidence number", set_default_conf));
  auto const directive = lit('@') > directive_body;
  auto const comment = lit('#') >> *char_;
  auto const end = x3::rule<struct end_>{"end of line or '#' comment"} = -comment >> x3::eoi;
  auto const grammar = -(directive | entry) > end;

  try {
    if (x3::phrase_parse(first, last, grammar, x3::blank)) return true;
    err_col = static_cast<std::size_t>(first - begin) + 1;
    err = "cannot parse this line";
  } catch (const x3::expectation_failure<const char*>& e) {
    err_col = static_cast<std::size_t>(e.where() - begin) + 1;
    const std::size_t first_text = line.find_first_not_of(" \t");
    if (e.where() == begin + (first_text == std::string_view::npos ? line.size() : first_text))
      err = "expected 'SPUN => ORIGINAL', an '@' directive or a '#' comment";
    else
      err = "expected " + e.which();
  }
  return false;
}

bool has_word_character(std::string_view s) {
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

// The form two phrases are compared in for duplicates: ASCII case folded, white space collapsed,
// curly apostrophes straight. (Matching itself folds case with ICU; this only guards the file.)
std::string comparison_key(std::string_view phrase) {
  std::string key;
  key.reserve(phrase.size());
  bool space = false;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(phrase[i]);
    if (c == ' ' || c == '\t') { space = !key.empty(); continue; }
    if (space) key += ' ', space = false;
    if (c == 0xE2 && phrase.substr(i, 3) == "\xE2\x80\x99") { key += '\''; i += 2; continue; }
    key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);  // std::tolower in the "C" locale
  }
  return key;
}

// Walks a file line by line (CR LF line ends, a byte order mark on the first line) and collects
// located errors, at most kMaxReportedErrors of them.
class LineReader {
 public:
  LineReader(std::string_view text, std::string_view name, std::vector<std::string>& errors)
      : text_(text), name_(name), errors_(errors) {}
  bool next(std::string_view& line) {
    if (text_.empty()) return false;
    ++line_no_;
    const std::size_t nl = text_.find('\n');
    line = text_.substr(0, nl);
    text_.remove_prefix(nl == std::string_view::npos ? text_.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    return true;
  }
  std::size_t line_no() const { return line_no_; }
  std::string source() const { return std::string(name_) + ":" + std::to_string(line_no_); }
  void report(std::size_t col, const std::string& msg) {
    if (errors_.size() < kMaxReportedErrors) errors_.push_back(location(name_, line_no_, col) + msg);
    else if (errors_.size() == kMaxReportedErrors) errors_.push_back(std::string(name_) + ": too many errors; stopped reporting");
  }

 private:
  std::string_view text_;
  std::string_view name_;
  std::vector<std::string>& errors_;
  std::size_t line_no_ = 0;
};

}  // namespace

ParsedDictionary parse_dictionary(std::string_view text, std::string_view name,
                                  std::string_view default_domain, bool compile_rules) {
  ParsedDictionary out;
  std::string domain(default_domain);
  double default_conf = 0.9;
  LineReader lines(text, name, out.errors);
  auto report = [&](std::size_t col, const std::string& msg) { lines.report(col, msg); };

  // Spun phrase -> index of the entry that defined it, to catch contradictions in one file.
  std::unordered_map<std::string, std::size_t> seen;
  // At most one entry a line: reserved once, a large file's entries are not copied (and held
  // twice) each time the vector would grow.
  const auto lines_in_text = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  out.entries.reserve(lines_in_text);
  seen.reserve(lines_in_text);

  for (std::string_view line; lines.next(line);) {

    LineAst ast;
    std::size_t col = 0;
    std::string err;
    if (!parse_line(line, ast, col, err)) {
      report(col, err);
      continue;
    }
    if (!ast.domain.empty()) domain = ast.domain;
    // Written as "inside the range", not "outside it": the number parser reads "nan" and "inf",
    // and NaN compares false with everything, so "conf nan" would pass an outside-the-range test.
    auto confidence_ok = [](double c) { return c > 0 && c <= 1; };
    if (ast.has_default_conf) {
      if (!confidence_ok(ast.default_conf)) report(1, "confidence must be in (0, 1]");
      else default_conf = ast.default_conf;
    }
    if (!ast.has_entry) continue;

    const std::string source = lines.source();
    if (ast.has_conf && !confidence_ok(ast.conf)) {
      report(ast.conf_col, "confidence must be in (0, 1]");
      continue;
    }
    if (ast.is_rule) {
      if (ast.verb) { report(1, "'verb' does not apply to a /rule/"); continue; }
      if (compile_rules) {
        RE2 re(ast.spun, RE2::Quiet);
        if (!re.ok()) { report(2, "invalid regular expression: " + re.error()); continue; }
      }
    } else {
      if (!has_word_character(ast.spun)) { report(1, "the spun phrase has no word in it"); continue; }
      if (ast.verb && (ast.spun.find_first_of(" \t") == 0 || ast.original.empty())) {
        report(1, "'verb' needs a verb as the first word of both sides");
        continue;
      }
    }
    const std::string key = ast.is_rule ? "/" + ast.spun : comparison_key(ast.spun);
    if (!ast.is_rule && key == comparison_key(ast.original)) {
      report(1, "the original is the same as the spun phrase");
      continue;
    }
    if (auto it = seen.find(key); it != seen.end()) {
      const Entry& first = out.entries[it->second];
      const std::string first_line = first.source.substr(first.source.rfind(':') + 1);
      if (comparison_key(first.original) == comparison_key(ast.original))
        report(1, "'" + ast.spun + "' is already defined on line " + first_line);
      else if (!(first.ambiguous && ast.ambiguous))
        report(1, "'" + ast.spun + "' contradicts line " + first_line + " ('" + first.original +
                      "'); mark both ambiguous or keep one");
      // Two ambiguous readings of one phrase are legitimate (the later one is used).
    }
    Entry e;
    e.spun = std::move(ast.spun);
    e.original = std::move(ast.original);
    e.domain = domain;
    e.source = source;
    e.confidence = ast.has_conf ? ast.conf : default_conf;
    e.ambiguous = ast.ambiguous;
    e.verb = ast.verb;
    e.heading = ast.heading;
    e.is_rule = ast.is_rule;
    seen[key] = out.entries.size();
    out.entries.push_back(std::move(e));
    for (auto& [in, expect] : ast.examples) out.examples.push_back(Example{in, expect, source});
  }
  return out;
}

namespace {

// Whether `phrase` is its own comparison_key (lower case, single spaces, no typographic
// apostrophe): true of nearly every line of a term list, which then needs no key built.
bool is_comparison_key(std::string_view phrase) {
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    const auto c = static_cast<unsigned char>(phrase[i]);
    if ((c >= 'A' && c <= 'Z') || c == '\t' || c == 0xE2) return false;
    if (c == ' ' && (i == 0 || i + 1 == phrase.size() || phrase[i + 1] == ' ')) return false;
  }
  return true;
}

}  // namespace

ParsedDictionary parse_term_list(std::string_view text, std::string_view name) {
  ParsedDictionary out;
  // Keys are views of `text` where a line is its own key, else of the keys built for it.
  std::unordered_map<std::string_view, std::size_t> seen;
  std::deque<std::string> built_keys;
  LineReader lines(text, name, out.errors);
  auto report = [&](std::size_t col, const std::string& msg) { lines.report(col, msg); };
  for (std::string_view line; lines.next(line);) {
    line = line.substr(0, line.find('#'));
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;
    line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    if (const std::size_t bad = line.find_first_of(";"); bad != std::string_view::npos || line.find("=>") != std::string_view::npos) {
      report(first + 1 + (bad != std::string_view::npos ? bad : line.find("=>")), "a term list holds one term a line, without '=>' or ';'");
      continue;
    }
    if (line.find_first_of(" \t-") == std::string_view::npos || !has_word_character(line)) {
      report(first + 1, "a term needs at least two words");
      continue;
    }
    const std::string_view key = is_comparison_key(line) ? line : built_keys.emplace_back(comparison_key(line));
    if (auto [it, added] = seen.emplace(key, lines.line_no()); !added) {
      report(first + 1, "'" + std::string(line) + "' is already listed on line " + std::to_string(it->second));
      continue;
    }
    out.terms.push_back(Term{std::string(line), lines.source()});
  }
  return out;
}

ParsedDictionary parse_swap_list(std::string_view text, std::string_view name) {
  ParsedDictionary out;
  LineReader lines(text, name, out.errors);
  auto report = [&](std::size_t col, const std::string& msg) { lines.report(col, msg); };
  auto single_word = [](std::string_view w) {
    return !w.empty() && w.find_first_of(" \t;#") == std::string_view::npos && has_word_character(w);
  };
  // Spinners also put a phrase for one word ("skin" -> "pores and skin", "management" ->
  // "the board"): the spun side may be a few words, each separated by one space.
  auto short_phrase = [&](std::string_view w) {
    std::size_t words = 0;
    for (std::size_t at = 0; at <= w.size(); ++words) {
      const std::size_t space = std::min(w.find(' ', at), w.size());
      if (!single_word(w.substr(at, space - at))) return false;
      at = space + 1;
    }
    return words <= kMaxSwapPhraseWords;
  };
  for (std::string_view line; lines.next(line);) {
    line = line.substr(0, line.find('#'));
    if (trim(line).empty()) continue;
    const std::size_t arrow = line.find("=>");
    if (arrow == std::string_view::npos) {
      report(line.find_first_not_of(" \t") + 1, "expected 'SPUN => ORIGINAL'");
      continue;
    }
    const std::string_view spun = trim(line.substr(0, arrow)), original = trim(line.substr(arrow + 2));
    if (!short_phrase(spun) || !single_word(original)) {
      report(short_phrase(spun) ? arrow + 3 : 1,
             "a swap list pairs a word or a phrase of up to " + std::to_string(kMaxSwapPhraseWords) +
                 " words with one word: 'SPUN => ORIGINAL'");
      continue;
    }
    if (comparison_key(spun) == comparison_key(original)) {
      report(1, "the original is the same as the spun word");
      continue;
    }
    out.word_swaps.push_back(WordSwap{std::string(spun), std::string(original), lines.source()});
  }
  return out;
}

}  // namespace despin::detail
