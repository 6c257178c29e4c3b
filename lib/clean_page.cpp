// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Line-level cleanup of scraped pages: template sentences, the page title repeated as image
// captions, duplicate paragraphs, trailing spaces and runs of blank lines. Clean prose is the
// measure: a rule here must not fire on an ordinary article (WikiText repeats section headings
// across articles; none of that may go).
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "clean.hpp"

namespace despin::detail {
namespace {

struct Line {
  std::size_t begin, end;  // content, without the line break
  std::size_t next;        // start of the next line (after "\n" or "\r\n")
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t nl = text.find('\n', begin);
    const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (end > begin && text[end - 1] == '\r') --end;
    lines.push_back(Line{begin, end, next});
    begin = next;
  }
  return lines;
}

std::string_view trimmed(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Words: runs between spaces that hold a letter or digit ("= = = Sources = = =" has one),
// counted up to `limit` (the callers ask whether a line has more than a few; a paragraph of a
// long document need not be read to its end for that).
std::size_t word_count(std::string_view s, std::size_t limit) {
  std::size_t words = 0;
  bool counted = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      counted = false;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    const bool word_char = (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80;
    if (!counted && word_char) {
      if (++words == limit) return words;
      counted = true;
    }
  }
  return words;
}

// `rule` is the step's name, "clean:template": a literal (Edit::rule views it).
Edit remove(std::string_view text, std::size_t begin, std::size_t end, std::string_view rule) {
  return Edit{begin, end - begin, std::string(text.substr(begin, end - begin)), "", rule, EditKind::kClean, 1.0};
}

// A short line that is not a sentence: a title, a caption, a heading.
bool is_title_like(std::string_view line) {
  const std::string_view t = trimmed(line);
  if (t.empty() || word_count(t, 9) > 8) return false;
  const char last = t.back();
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ',';
}

}  // namespace

std::vector<Edit> clean_templates(std::string_view text) {
  // Boilerplate that spun-content sites put on their own line. Each pattern must match the
  // whole (trimmed) line, so a sentence that merely contains the words stays.
  // One alternation, so that a line costs one match: each of RE2's calls has a fixed cost
  // (most lines fail at their first byte), and four calls a line were most of the cleanup.
  static const RE2* pattern = [] {
    std::string alternation;
    for (const char* p : {
             R"(this (?:post|article|content|blog post) (?:has been|is|was) written in (?:a |an )?[\w -]{1,40} (?:style|tone)\.?)",
             R"(this (?:post|article|content) (?:may contain|contains) affiliate links\.?)",
             R"((?:click|tap) here to (?:read|learn|see|find out) more\.?)",
             R"((?:also read|read more|related posts?|related articles?|you may also like|share this(?: article| post)?|advertisement|sponsored content)\s*:?)"})
      alternation += std::string(alternation.empty() ? "" : "|") + "(?:" + p + ")";
    RE2::Options o;
    o.set_case_sensitive(false);
    return new RE2(alternation, o);
  }();
  std::vector<Edit> edits;
  for (const Line& line : split_lines(text)) {
    const std::string_view t = trimmed(text.substr(line.begin, line.end - line.begin));
    if (!t.empty() && RE2::FullMatch(re2::StringPiece(t.data(), t.size()), *pattern))
      edits.push_back(remove(text, line.begin, line.next, "clean:template"));
  }
  return edits;
}

std::vector<Edit> clean_repeated_lines(std::string_view text) {
  // A page template repeats the page title as image captions. A title-like line is collapsed
  // when it repeats the document's first line, the title. Other repeats stay: WikiText repeats
  // section headings across articles and table cells ("Family" on consecutive lines).
  const std::vector<Line> lines = split_lines(text);
  std::vector<Edit> edits;
  std::string_view title;
  for (const Line& line : lines) {
    const std::string_view t = trimmed(text.substr(line.begin, line.end - line.begin));
    if (t.empty()) continue;
    if (title.empty()) {
      if (!is_title_like(t)) break;  // the text starts with prose: no title to look for
      title = t;
      continue;
    }
    if (t == title) edits.push_back(remove(text, line.begin, line.next, "clean:repeated-line"));
  }
  return edits;
}

std::vector<Edit> clean_duplicate_paragraphs(std::string_view text) {
  // Paragraphs are blocks between blank lines; a block of at least 8 words that repeats an
  // earlier one exactly goes, with the blank lines before it.
  const std::vector<Line> lines = split_lines(text);
  std::vector<Edit> edits;
  std::unordered_set<std::string_view> seen;
  std::size_t k = 0;
  std::size_t previous_end = 0;  // end of the last kept block's content
  while (k < lines.size()) {
    const std::size_t gap_begin = lines[k].begin;
    while (k < lines.size() && trimmed(text.substr(lines[k].begin, lines[k].end - lines[k].begin)).empty()) ++k;
    if (k == lines.size()) break;
    const std::size_t first = k;
    while (k < lines.size() && !trimmed(text.substr(lines[k].begin, lines[k].end - lines[k].begin)).empty()) ++k;
    const std::string_view block = text.substr(lines[first].begin, lines[k - 1].end - lines[first].begin);
    if (word_count(block, 8) >= 8 && !seen.insert(block).second) {
      // The blank lines before the block go with it, so the paragraphs around it stay one
      // blank line apart; a copy that ends the text takes the line break before it too, from
      // the end of the last kept block. Copies removed since that block lie inside that range:
      // they become part of this one removal (edits must not overlap).
      const bool last = lines[k - 1].next == lines[k - 1].end;
      if (last)
        while (!edits.empty() && edits.back().offset >= previous_end) edits.pop_back();
      edits.push_back(remove(text, last ? previous_end : gap_begin, lines[k - 1].next, "clean:duplicate-paragraph"));
      continue;
    }
    previous_end = lines[k - 1].end;
  }
  return edits;
}

std::vector<Edit> clean_toc(std::string_view text) {
  // A table of contents: three or more consecutive short lines numbered "1." "2)" "3.1" ...
  static const RE2 entry(R"(\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S.{0,60})");
  const std::vector<Line> lines = split_lines(text);
  std::vector<Edit> edits;
  std::size_t k = 0;
  while (k < lines.size()) {
    std::size_t end = k;
    while (end < lines.size() &&
           RE2::FullMatch(re2::StringPiece(text.data() + lines[end].begin, lines[end].end - lines[end].begin), entry))
      ++end;
    if (end - k >= 3) {
      edits.push_back(remove(text, lines[k].begin, lines[end - 1].next, "clean:toc"));
      k = end;
    } else {
      k = end + 1;
    }
  }
  return edits;
}

std::vector<Edit> clean_layout(std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  std::vector<Edit> edits;
  std::size_t k = 0;
  while (k < lines.size()) {
    const Line& line = lines[k];
    const std::string_view content = text.substr(line.begin, line.end - line.begin);
    const bool blank = trimmed(content).empty();
    if (blank) {
      // A run of blank lines: the first stays (emptied of spaces), the rest go.
      std::size_t last = k;
      while (last + 1 < lines.size() && trimmed(text.substr(lines[last + 1].begin, lines[last + 1].end - lines[last + 1].begin)).empty() &&
             lines[last + 1].next > lines[last + 1].end)
        ++last;
      if (line.end > line.begin) edits.push_back(remove(text, line.begin, line.end, "clean:trailing-space"));
      if (last > k && line.next > line.end) edits.push_back(remove(text, line.next, lines[last].next, "clean:blank-lines"));
      k = last + 1;
      continue;
    }
    std::size_t end = line.end;
    while (end > line.begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    if (end < line.end) edits.push_back(remove(text, end, line.end, "clean:trailing-space"));
    ++k;
  }
  return edits;
}

}  // namespace despin::detail
