// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "sentences.hpp"

#include "tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace despin::detail {
namespace {

std::size_t words_in(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

std::vector<SentenceScore> score_sentences(std::string_view input, const std::vector<Edit>& edits) {
  std::vector<SentenceScore> out;
  if (input.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, input.data(), static_cast<int64_t>(input.size()), &status);
  if (U_FAILURE(status)) return out;
  icu::BreakIterator& bi = thread_sentence_iterator();
  bi.setText(ut, status);
  std::size_t e = 0;
  for (int32_t start = bi.first(), end = bi.next(); U_SUCCESS(status) && end != icu::BreakIterator::DONE;
       start = end, end = bi.next()) {
    SentenceScore s;
    s.offset = static_cast<std::size_t>(start);
    s.length = static_cast<std::size_t>(end - start);
    s.words = words_in(input.substr(s.offset, s.length));
    double weight = 0;
    while (e < edits.size() && edits[e].offset < s.offset + s.length) {
      if (is_restoration(edits[e].kind)) weight += edits[e].confidence;
      ++e;
    }
    s.spin_score = s.words == 0 ? 0.0 : 100.0 * weight / static_cast<double>(s.words);
    out.push_back(s);
  }
  utext_close(ut);
  return out;
}

}  // namespace despin::detail
