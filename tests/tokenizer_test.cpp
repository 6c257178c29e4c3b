// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "tokenizer.hpp"

#include "ascii_masks.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "embedded_dictionary.hpp"

using namespace despin::detail;

namespace {
std::vector<std::string> texts(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.emplace_back(s.substr(t.begin(), t.length));
  return out;
}
}  // namespace

TEST_CASE("tokens carry byte spans and skip white space", "[tokenizer]") {
  const std::string s = "Be that as it may,  it rained.";
  auto toks = tokenize(s);
  REQUIRE(toks.size() == 9);
  CHECK(texts(s) == std::vector<std::string>{"Be", "that", "as", "it", "may", ",", "it", "rained", "."});
  CHECK(toks[5].begin() == 17);
  CHECK_FALSE(toks[5].is_word);
  CHECK(toks[6].begin() == 20);
  CHECK(toks[6].is_word);
}

TEST_CASE("hyphens, apostrophes and non-ASCII letters segment as ICU does", "[tokenizer]") {
  CHECK(texts("non-old style") == std::vector<std::string>{"non", "-", "old", "style"});
  CHECK(texts("death\xE2\x80\x99s door") == std::vector<std::string>{"death\xE2\x80\x99s", "door"});
  CHECK(texts("São Paulo") == std::vector<std::string>{"São", "Paulo"});
}

TEST_CASE("blank lines start paragraphs, single line breaks are flagged", "[tokenizer]") {
  auto toks = tokenize("a b\nc\r\n\r\nd\n\n\ne");
  REQUIRE(toks.size() == 5);
  CHECK(toks[1].paragraph == 0);
  CHECK(toks[2].paragraph == 0);
  CHECK(toks[2].line_break_before);
  CHECK(toks[3].paragraph == 1);
  CHECK(toks[4].paragraph == 2);
}

TEST_CASE("a run longer than a token holds goes on in tokens with no gap, and paragraphs stop at the ceiling",
          "[tokenizer]") {
  // The paragraph ceiling (2^30 - 1) needs gigabytes of blank lines: the same code with small
  // limits. "straße" has a two-byte character, so that run goes through ICU.
  const std::string text = "xy\nabcdefghij\n\nz\n\nw\n\nv q\n\nstra\xC3\x9F" "estra\xC3\x9F" "e";
  TokenLimits small;
  small.max_length = 4;
  small.max_paragraph = 2;
  const std::vector<Token> toks = tokenize(text, small);
  std::vector<std::string> spans;
  for (const Token& t : toks) spans.push_back(text.substr(t.begin(), t.length));
  CHECK(spans == std::vector<std::string>{"xy", "abcd", "efgh", "ij", "z", "w", "v", "q", "stra", "\xC3\x9F" "es",
                                          "tra\xC3", "\x9F" "e"});
  REQUIRE(toks.size() == 12);
  // A cut run's pieces: words, with no gap; the line break is before the first only.
  CHECK(toks[1].line_break_before);
  CHECK_FALSE(toks[2].line_break_before);
  CHECK_FALSE(toks[3].line_break_before);
  for (std::size_t k : {1u, 2u, 3u, 8u, 9u, 10u, 11u}) CHECK(toks[k].is_word);
  CHECK(toks[2].begin() == toks[1].end());
  CHECK(toks[11].begin() == toks[10].end());
  CHECK(toks[11].end() == text.size());
  // Paragraphs 0, 1, 2, then no higher.
  std::vector<unsigned> paragraphs;
  for (const Token& t : toks) paragraphs.push_back(t.paragraph);
  CHECK(paragraphs == std::vector<unsigned>{0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2});
  // The real length limit: a 20 MiB run without a space.
  const std::string run(std::size_t{20} << 20, 'a');
  const std::vector<Token> cut = tokenize(run);
  REQUIRE(cut.size() == 2);
  CHECK(cut[0].begin() == 0);
  CHECK(cut[0].length == Token::kMaxLength);
  CHECK(cut[1].begin() == Token::kMaxLength);
  CHECK(cut[1].end() == run.size());
  // With the fields' own limits, nothing is cut and every blank line counts.
  const std::vector<Token> whole = tokenize(text);
  REQUIRE(whole.size() == 7);
  CHECK(whole[1].length == 10);
  CHECK(whole[6].paragraph == 4);
}

TEST_CASE("a byte order mark is not glued to the first word", "[tokenizer]") {
  const std::string s = "\xEF\xBB\xBFHello world";
  auto toks = tokenize(s);
  REQUIRE(toks.size() == 2);
  CHECK(toks[0].begin() == 3);
  CHECK(s.substr(toks[0].begin(), toks[0].length) == "Hello");
}

TEST_CASE("invalid UTF-8 and NUL bytes do not break segmentation", "[tokenizer]") {
  const std::string s("ab\xFF" "cd e\0f", 9);
  auto toks = tokenize(s);
  REQUIRE_FALSE(toks.empty());
  CHECK(toks.back().end() == s.size());
  for (std::size_t i = 1; i < toks.size(); ++i) CHECK(toks[i].begin() >= toks[i - 1].end());
}

TEST_CASE("keys fold case and apostrophes", "[tokenizer]") {
  std::string k;
  fold_key("Death\xE2\x80\x99S", k);
  CHECK(k == "death's");
  fold_key("ÉCOLE", k);
  CHECK(k == "école");
  CHECK(phrase_keys("Be that, as") == std::vector<std::string>{"be", "that", ",", "as"});
}

TEST_CASE("case shapes", "[tokenizer]") {
  CHECK(shape_of("word") == Shape::kLower);
  CHECK(shape_of("Word") == Shape::kTitle);
  CHECK(shape_of("WORD") == Shape::kUpper);
  CHECK(shape_of("A") == Shape::kTitle);
  CHECK(shape_of("iPhone") == Shape::kMixed);
  CHECK(shape_of("42") == Shape::kNone);
  CHECK(capitalize_first("élan vital") == "Élan vital");
  CHECK(to_upper("straße") == "STRASSE");
}

// tokenize() segments plain ASCII runs itself and leaves the rest to ICU: it must give exactly
// ICU's tokens, flags included, on any text.
namespace {
void require_same_as_icu(std::string_view s) {
  const std::vector<Token> fast = tokenize(s), icu = tokenize_with_icu(s);
  INFO("text: " << std::string(s.substr(0, 200)));
  for (std::size_t i = 0; i < std::min(fast.size(), icu.size()); ++i) {
    INFO("token " << i << ": '" << std::string(s.substr(icu[i].begin(), icu[i].length)) << "' fast: '"
                  << std::string(s.substr(fast[i].begin(), fast[i].length)) << "'");
    REQUIRE(fast[i].begin() == icu[i].begin());
    REQUIRE(fast[i].end() == icu[i].end());
    REQUIRE(fast[i].paragraph == icu[i].paragraph);
    REQUIRE(fast[i].is_word == icu[i].is_word);
    REQUIRE(fast[i].line_break_before == icu[i].line_break_before);
  }
  REQUIRE(fast.size() == icu.size());
}
}  // namespace

TEST_CASE("tokenize gives ICU's tokens on the corpus and the dictionaries", "[tokenizer]") {
  for (const auto& e : std::filesystem::directory_iterator(DESPIN_CORPUS_DIR)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    require_same_as_icu(ss.str());
  }
  for (const auto& f : despin::detail::embedded_dictionary_files()) require_same_as_icu(f.text);
}

TEST_CASE("tokenize gives ICU's tokens on random text", "[tokenizer]") {
  // Every ASCII character, and the non-ASCII ones that interact with ICU's rules: a curly
  // apostrophe (MidNumLet), a combining accent and a soft hyphen (Extend, Format: WB4), a
  // zero-width joiner, an emoji, NBSP and an em space (WSegSpace), Thai and Han (dictionary
  // segmentation), a lone continuation byte (invalid UTF-8) and a BOM.
  std::vector<std::string> alphabet;
  for (int c = 0; c < 0x80; ++c) alphabet.emplace_back(1, static_cast<char>(c));
  for (const char* s : {"a", "b", "Z", "7", " ", " ", "\n", ".", ",", "'", "-", "\xE2\x80\x99", "\xCC\x81",
                        "\xC2\xAD", "\xE2\x80\x8D", "\xF0\x9F\x98\x80", "\xC2\xA0", "\xE2\x80\x83", "\xE0\xB8\x81",
                        "\xE4\xB8\xAD", "\x80", "\xEF\xBB\xBF", "\xC3\xA9", "\xE2\x80\x9C"})
    alphabet.emplace_back(s);
  // The joins tokenize() makes itself, and the ones it leaves to ICU.
  require_same_as_icu("don't stop, it's 3.5 or 1,000; e.g. a,b a;b x:y 3a.b 1'000 a.1 1.a 2;3 4:5 a'b'c 'quoted'");
  std::mt19937 rng(20261125);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 24);
    // Mostly letters and spaces, like text, with the rest mixed in.
    for (int k = 0; k < len; ++k)
      s += rng() % 3 == 0 ? alphabet[rng() % alphabet.size()] : alphabet[0x80 + rng() % 13];
    require_same_as_icu(s);
  }
}

TEST_CASE("tokenize gives ICU's tokens on random text longer than a block of masks", "[tokenizer]") {
  // Words and gaps that run across the 64-byte blocks AsciiMasks reads, joiners at a block's
  // edge, and ICU regions in between.
  const std::vector<std::string> pieces = {"word", "Words", "a", "1,000", "3.5", "don't", "e.g.", " ", "  ", "\n",
                                           "\n\n", "\r\n", "\t", ",", ".", "'", "-", "@", "_", "x:y",
                                           "\xC3\xA9t\xC3\xA9", "\xCC\x81", "\xE2\x80\x99", "supercalifragilistic"};
  std::mt19937 rng(20261127);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int count = 20 + static_cast<int>(rng() % 80);
    for (int k = 0; k < count; ++k) s += pieces[rng() % pieces.size()];
    require_same_as_icu(s);
  }
}

TEST_CASE("block masks mark ASCII letters, digits and white space", "[tokenizer]") {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  // Every byte value at every position of a block, and blocks cut short.
  for (std::size_t shift = 0; shift < 64; ++shift) {
    const std::string block = all.substr(shift) + all.substr(0, shift);
    for (std::size_t from = 0; from + 64 <= block.size(); from += 64) {
      for (std::size_t size : {std::size_t{64}, std::size_t{63}, std::size_t{17}, std::size_t{1}, std::size_t{0}}) {
        const ByteMasks fast = masks_of_block(block.data() + from, size);
        const ByteMasks bytewise = masks_of_block_bytewise(block.data() + from, size);
        REQUIRE(fast.alnum == bytewise.alnum);
        REQUIRE(fast.space == bytewise.space);
      }
    }
  }
  const ByteMasks m = masks_of_block_bytewise("ab 9\t\xC3\xA9Z_", 9);
  CHECK(m.alnum == 0b010001011u);  // a b 9 Z, not the bytes of é or _
  CHECK(m.space == 0b000010100u);
  // Runs found across blocks, up to the text's end.
  const std::string text = std::string(70, 'a') + "  \n" + std::string(100, ' ') + "b";
  AsciiMasks masks(text);
  CHECK(masks.alnum_end(0) == 70);
  CHECK(masks.alnum_end(70) == 70);
  CHECK(masks.space_end(70) == 173);
  CHECK(masks.alnum_end(173) == 174);
  CHECK(masks.space_end(174) == 174);
  CHECK(masks.alnum_end(3) == 70);  // back to an earlier block
}
