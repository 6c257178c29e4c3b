// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace despin {

// Why a span of the input was changed.
enum class EditKind {
  kDecode,  // invalid UTF-8 replaced by U+FFFD
  kPhrase,  // a dictionary phrase restored to its original wording
  kRule,    // a regular-expression rule from a dictionary
  kAgree,   // grammar agreement after another edit (a/an)
  kCompose, // a technical term restored word by word (term composition, docs/spin-score.md)
  kClean,   // page debris cleaned before the rewrite; the rule says which step ("clean:mojibake")
};

// Whether an edit restores a spinner's wording (a phrase, a rule or a composed term), as
// opposed to the cleanup, agreement and decoding around it.
constexpr bool is_restoration(EditKind k) { return k == EditKind::kPhrase || k == EditKind::kRule || k == EditKind::kCompose; }

// "decode", "phrase", "rule", "agree", "compose", "clean".
std::string_view to_string(EditKind kind);

// A rule's name as an edit holds it (Edit::rule): a view of strings that live elsewhere. It is
// never made from a temporary std::string, which would leave it dangling: that does not compile.
struct RuleName : std::string_view {
  constexpr RuleName() = default;
  constexpr RuleName(std::string_view name) : std::string_view(name) {}
  constexpr RuleName(const char* name) : std::string_view(name) {}
  RuleName(const std::string& name) : std::string_view(name) {}
  RuleName(std::string&&) = delete;
};

// One change. Edits of a result are sorted by offset and never overlap: replacing every
// [offset, offset + length) of the input by `replacement` gives the output exactly.
struct Edit {
  std::size_t offset = 0;   // byte offset in the input
  std::size_t length = 0;   // bytes of the input replaced
  std::string original;     // those input bytes (may be invalid UTF-8 for kDecode)
  std::string replacement;  // what stands in the output instead
  // The dictionary line that fired, "file:line", or a built-in name. A view, not a copy: the
  // engine's own strings (or the Result's, for names a rewrite made up: "compose:file:line"),
  // which the Result that holds the edit keeps alive (Result::storage), and the engine too.
  // Copy it into a std::string to keep an edit longer than both. (As a string, each edit's
  // name was an allocation: a tenth of rewriting spun text with a large dictionary.)
  RuleName rule;
  EditKind kind = EditKind::kPhrase;
  double confidence = 1.0;  // in (0, 1]
};

// Applies sorted, non-overlapping edits to `input`. Used by tests and by anyone who keeps the
// edit list instead of the output.
std::string apply_edits(std::string_view input, const std::vector<Edit>& edits);

}  // namespace despin
