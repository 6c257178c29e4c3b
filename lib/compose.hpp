// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Term composition: restores spun technical terms nobody listed one by one. Spinners swap each
// word of a term for a thesaurus synonym ("random forest" -> "irregular woodland"). The composer
// knows word-level swaps (learned from the dictionary's own entries: "irregular variable =>
// random variable" teaches irregular -> random) and a lexicon of known multi-word terms (the
// dictionary's originals and the term lists). A run of words is restored only when mapping
// its words back forms a known term and the run itself is not one.
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "despin/dictionary.hpp"
#include "document_words.hpp"
#include "phrase_trie.hpp"
#include "string_arena.hpp"
#include "string_hash.hpp"
#include "tokenizer.hpp"
#include "word_records.hpp"

namespace despin::detail {

// Words whose swaps are grammar, not vocabulary ("of", "the"): never learned as swaps.
bool is_function_word(std::string_view key);

// Singular candidates of a plural key: "networks" -> "network", "libraries" -> "library".
std::vector<std::string> singulars(std::string_view key);
// "optimisation" -> "optimization", "acknowledgement" -> "acknowledgment", "tumour" -> "tumor".
std::string american_spelling(std::string_view key);
// "neural network" -> "neural networks", "library" -> "libraries".
std::string pluralize_last_word(const std::string& phrase);
// A term's display with a document's hyphenation: the hyphen that is the term's key j (its
// j-th token) becomes a space where bit j of `drop` is set, and the space after key j a hyphen
// where bit j of `join` is ("real-world data", drop 0b10 -> "real world data").
std::string hyphenate_as_written(const std::string& display, std::uint32_t drop, std::uint32_t join);

// Calls swap(spun_key, original_key) for each differing word of two phrases that align word for
// word (same number of tokens): "irregular variable" / "random variable" gives (irregular, random).
// `spun` is any sequence of keys with size() and operator[] (a vector, or a view of a
// document's tokens that builds no strings).
template <class Spun, class Swap>
void for_each_aligned_swap(const Spun& spun, const std::vector<std::string>& original, Swap swap);

class TermComposer {
 public:
  // Learns word swaps and terms from a dictionary: each entry in order (with the phrase_keys
  // of its two sides, which the caller has split already; rules are skipped), then the
  // dictionary's term and swap lists.
  void learn_entry(const Entry& e, const std::vector<std::string>& spun, const std::vector<std::string>& original);
  void learn_lists(const Dictionary& dictionary);

  // A document's words as the composer sees them: for each distinct key, the ways it may
  // enter a term (itself and its American spelling, their singulars, and the words a spinner
  // may have swapped them for), as term-trie word ids in the order find() tries them. Built
  // once per document, so find() walks ids instead of spelling, singularising and hashing
  // each word again at every start position.
  struct Words {
    struct Step {
      std::uint32_t word;  // term-trie word id
      bool plural;         // a singular of the key (only the last word of a term may be one)
      bool swapped;        // what a spinner may have swapped the key for
      std::uint32_t root_child;  // the term-trie node `word` leads to from the root, or kNoNode
      double weight;             // for a swap: how likely (TrieWord::weight); 1 for the word as written
    };
    // A distinct key's id in one trie, as written and of its singulars (kNoWord pads).
    struct KeyIds {
      std::uint32_t word = kNoWord;
      std::array<std::uint32_t, 3> singulars{kNoWord, kNoWord, kNoWord};
    };
    // A spun phrase of the document standing for words of a term ("wooded area" -> "forest"):
    // it covers tokens up to `end` (exclusive); `plural` when its last word was a plural.
    struct PhraseSpan {
      std::uint32_t end;
      std::uint32_t swaps;  // index of its originals in TermComposer::phrase_swaps_
      bool plural;
    };
    const std::vector<std::uint32_t>* of_token;  // token -> distinct key (DocumentWords)
    // Distinct key k's steps: (*steps)[first[k], last[k]). They stay in the thread's pool of
    // readings (prepare()), which holds until the thread prepares another document: copying
    // them for each document was most of preparing a short one.
    const std::vector<Step>* steps = nullptr;
    std::vector<std::uint32_t> first, last;
    std::vector<bool> starts;  // by distinct key: some step leads from the trie's root (a term may start)
    // By distinct key, word signatures (word_bit()): of the words a term may continue with after
    // one of the key's readings, and of the key's own readings. A term may go on from a word to
    // the next only if the first's `follow_bits` and the second's `own_bits` share a bit, or a
    // spun phrase starts at either. A hyphen's `own_bits` are all set: the document may join
    // with one what a term writes apart. (A word followed by nothing in any term continues no
    // term even so: the walk goes past such a hyphen only to a word that follows the first.)
    std::vector<std::uint64_t> follow_bits, own_bits;
    std::vector<bool> function_word;  // by distinct key: is_function_word()
    // By distinct key, term-trie ids: whether a run as written is itself a known term.
    std::vector<KeyIds> written;
    // By token t: the phrase spans starting there are spans[span_first[t], span_first[t + 1]).
    std::vector<std::uint32_t> span_first;
    std::vector<PhraseSpan> spans;
  };
  Words prepare(const DocumentWords& words) const;

  struct Found {
    std::size_t last;    // one past the last token of the spun run
    std::string text;    // the restored term, plural if the run was
    std::string_view source;  // where the term comes from ("file:line"), as long as the composer
    std::uint32_t swapped = 0;  // bit k: the word at first + k was swapped (not kept as written)
  };
  // Whether find() may find a term starting at token `first`: false for most tokens, told by
  // a few loads (a caller asks it at every token, before checks of its own that cost more).
  bool may_start(const Words& words, const std::vector<Token>& tokens, std::size_t first) const {
    if (first + 1 >= tokens.size() || !tokens[first].is_word) return false;
    const std::uint32_t d0 = (*words.of_token)[first], d1 = (*words.of_token)[first + 1];
    // Some reading of the second word may follow one of the first (signatures: a shared bit
    // may be chance; a hyphen shares them all), or a spun phrase starts at either.
    return words.starts[d0] && ((words.follow_bits[d0] & words.own_bits[d1]) != 0 ||
                                words.span_first[first] != words.span_first[first + 2]);
  }
  // The longest composed restoration of a run starting at token `first`, within its paragraph,
  // if any. Whether it may replace other restorations it overlaps is the caller's to decide.
  std::optional<Found> find(const Words& words, const std::vector<Token>& tokens, std::size_t first) const;

  // A term introduced with its acronym, "Partial Component Analysis (PCA)": `open` is the
  // index of a "(" token followed by an acronym and ")". The words before it, as many as the
  // acronym has letters (function words aside, "signal to noise ratio (SNR)"), are rebuilt into
  // the one known term with those initials whose words they are as written, as swaps, or, for
  // a term of three words or more, with one word neither: the acronym vouches for its letter.
  // At least one word must change, and nothing is found when the words as written already
  // form a term with those initials or two terms fit as well. (compose_acronym.cpp)
  struct AcronymFound {
    std::size_t first;  // the run's first token; it ends at `open`
    std::string text;   // the term, plural if the run or the acronym was
    std::string_view source;
  };
  // `readings` is prepare(words).
  std::optional<AcronymFound> find_by_acronym(std::string_view text, const std::vector<Token>& tokens,
                                              const DocumentWords& words, const Words& readings,
                                              std::size_t open) const;

  // Called once all entries and lists are learned, before prepare(): resolves the phrase
  // swaps' original words to term-trie ids.
  void finish();

  // The finished composer as compiled-engine bytes (snapshot_io.hpp), and back: what prepare()
  // and find() use, not what learning needs, so a loaded composer learns nothing more.
  // load() checks every id against the tries it indexes. (compose_snapshot.cpp)
  void save(SnapshotWriter& w) const;
  void load(SnapshotReader& r);

  bool empty() const { return swaps_count_ == 0 || terms_.empty(); }
  std::size_t word_swap_count() const { return swaps_count_; }
  std::size_t term_count() const { return terms_.size(); }

 private:
  static constexpr std::size_t kMaxTokens = 8;  // "k - nearest neighbor classifier" is 5 tokens
  static constexpr std::size_t kMaxSwapsPerWord = 64;
  // Between two readings needing as many swaps, one wins when its weight (the product of its
  // swaps' TrieWord::weight) is at least this many times the other's; closer, neither is guessed.
  static constexpr double kClearWeight = 2.0;
  // Counts one attestation of spun -> original: from a swap list or an entry changing only that
  // word (`clear`), or from an entry changing several words, which makes the swap usable only
  // when a second such entry shows it ("fourteen days" -> "two weeks" is no days -> weeks).
  void attest_swap(const std::string& spun, const std::string& original, bool clear);
  void add_term(const std::string& display, const std::string& source);
  void add_term(const std::string& display, const std::string& source, const std::vector<std::string>& keys);
  // Whether some reading of the word at token `first` (or a spun phrase there) is followed in
  // a known term by some reading of the next token or a spun phrase there (directly, or past a
  // hyphen of the term that the document leaves out), or a hyphen token next leaves it open:
  // when not, find() has nothing to walk. Most words of a document stop there; the check
  // costs a few lookups, where setting up the walk cost more than the walk.
  bool continues(const Words& words, const std::vector<Token>& tokens, std::size_t first) const;
  // Whether the tokens [first, first + len), the last one read as term-trie word `last`, are
  // a known term.
  bool is_term(const Words& words, std::size_t first, std::size_t len, std::uint32_t last) const;
  // What prepare() works out about one distinct key: its steps (appended to `steps`: [first,
  // last)), whether a term may start with it, and its ids as written.
  struct KeyReading {
    std::uint32_t first = 0, last = 0;
    bool starts = false;
    std::uint64_t follow_bits = 0, own_bits = 0;  // as Words::follow_bits and own_bits
    bool begins_phrase = false;  // a spun phrase (phrase-swap trie) may start with it or its singular
    bool function_word = false;
    Words::KeyIds written, phrase;  // in the term trie, and in the phrase-swap trie
  };
  KeyReading read_key(const std::string& key, std::vector<Words::Step>& steps) const;
  // The readings a thread has made, by word record (word_records.hpp), for the composer whose
  // id_ it was readied with; their steps in one pool.
  struct Memo {
    RecordMemo<KeyReading> readings;
    std::vector<Words::Step> steps;
  };
  // Distinct for every finished or loaded composer (new_memo_owner): a thread's Memo is for
  // one of them.
  std::uint64_t id_ = 0;
  // Whether the tokens [first, first + len) as written, or with the last word singular, are a
  // known term.
  bool written_term(const Words& words, std::size_t first, std::size_t len) const;

  struct TermInfo {
    std::string display;
    std::string_view source;  // in strings_
  };
  StringArena strings_;
  struct SwapTo {
    std::string original;
    std::uint32_t support = 0;   // swap-list lines and aligned entries showing the swap
    std::uint32_t unclear = 0;   // of those, entries that changed several words
    bool usable = false;         // composition may use it (at most kMaxSwapsPerWord a word)
  };
  std::unordered_map<std::string, std::vector<SwapTo>> swaps_;  // spun word key -> what it may stand for
  // Spun phrases that stand for one to three words of a term, from the dictionary's entries:
  // "wooded area" -> "forest", "distinguishing proof" -> "identification", "specially appointed"
  // -> "ad hoc". A spinner's thesaurus offers phrases for single words, so a term's word may come
  // back as several.
  PhraseTrie phrase_swap_trie_;                                  // spun keys -> index in phrase_swaps_
  std::vector<std::vector<std::vector<std::string>>> phrase_swaps_;  // originals, each as keys
  std::vector<std::vector<std::string>> phrase_swap_spun_;           // by phrase swap: its spun keys
  // Drops the originals with a word of no known term (nothing can be composed of them: a large
  // dictionary's "on the off chance that" -> "if", or a made-up word), and the phrase swaps
  // left with none, rebuilding the phrase-swap trie of the others: the dead ones made the
  // trie (and the compiled engine) larger, and had prepare() find their spans in every document.
  void prune_phrase_swaps();
  // The same as term-trie ids (finish()), flat (a large dictionary has a phrase swap an entry,
  // and three vectors each made loading a compiled engine mostly allocation): phrase swap p's
  // originals are o in [swap_first_[p], swap_first_[p + 1]), original o's ids are
  // swap_ids_[original_first_[o], original_first_[o + 1]).
  std::vector<std::uint32_t> swap_first_{0}, original_first_{0}, swap_ids_;
  // What finish() resolved about a word key, so that prepare() hashes each form of a document's
  // word once: its term-trie id, the term-trie ids of what a spinner may have swapped it for
  // (in learning order, words of no term left out), and its phrase-swap-trie id.
  struct TrieWord {
    std::uint32_t id;
    std::uint32_t root_child;  // the term-trie node `id` leads to from the root, or kNoNode
    // For a swap: how likely it is the spinner's, as the dictionary tells it: how often the
    // swap is attested (SwapTo::support) times log2(2 + the number of known terms holding the
    // original word): a word of many terms ("system", "network", "recognition") is a likelier
    // word of the next one than a word of few.
    double weight = 1.0;
  };
  struct KnownWord {
    TrieWord term{kNoWord, kNoNode};
    std::vector<TrieWord> swapped_from;
    std::uint32_t phrase_word = kNoWord;
  };
  std::unordered_map<std::string, KnownWord, StringHash, std::equal_to<>> known_words_;
  const KnownWord* known_word(std::string_view key) const;
  void add_phrase_swap(const std::vector<std::string>& spun, const std::vector<std::string>& original);
  PhraseTrie term_trie_;                                             // term keys -> index in terms_
  std::vector<TermInfo> terms_;
  std::vector<std::uint32_t> terms_with_word_;  // by term-trie word id: how many terms hold it
  std::vector<std::uint32_t> term_ids_scratch_;  // add_term's word ids, kept to reuse the buffer
  std::size_t swaps_count_ = 0;
  // Sets hyphen_, hyphen_nodes_ and next_word_bits_ from the term trie (finish(), load()).
  void index_term_trie();
  std::uint32_t hyphen_ = kNoWord;  // the term-trie id of "-"
  std::vector<bool> hyphen_nodes_;   // by term-trie node: whether a hyphen continues it
  // A word id's bit in a signature: a set of words as 64 bits, one a word (shared by many),
  // which tells in one AND that two sets have no word in common.
  static std::uint64_t word_bit(std::uint32_t word) {
    return std::uint64_t{1} << ((word * 0x9E3779B97F4A7C15ull) >> 58);
  }
  // By term-trie node: the signature of the words leading out of it. continues() asks, for
  // nearly every token, whether any reading of the next word follows a reading of this one;
  // most are answered by two signatures, prepared once a distinct word, where each trie
  // lookup was a likely cache miss.
  std::vector<std::uint64_t> next_word_bits_;

  // Terms by the initials of their content words (and of all their words, where a function
  // word's letter is in the acronym: "IoT"), built on the first acronym a document shows, so
  // that loading a compiled engine does not pay for it.
  struct AcronymIndex {
    std::unordered_map<std::string, std::vector<std::uint32_t>> terms;  // initials -> term numbers
  };
  const AcronymIndex& acronym_index() const;
  struct AcronymState {
    std::once_flag once;
    AcronymIndex index;
  };
  std::shared_ptr<AcronymState> acronyms_ = std::make_shared<AcronymState>();
};

bool is_word_key(std::string_view key);

template <class Spun, class Swap>
void for_each_aligned_swap(const Spun& spun, const std::vector<std::string>& original, Swap swap) {
  if (spun.size() != original.size()) return;
  for (std::size_t k = 0; k < spun.size(); ++k) {
    if (spun[k] == original[k] || !is_word_key(spun[k]) || !is_word_key(original[k])) continue;
    if (is_function_word(spun[k]) || is_function_word(original[k])) continue;
    swap(spun[k], original[k]);
  }
}

}  // namespace despin::detail
