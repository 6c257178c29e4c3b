// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "edit_chain.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace despin::detail {
namespace {

// Where each first edit sits in the input and in `mid`.
struct Span {
  std::size_t in_begin, in_end, mid_begin, mid_end;
};

// The queries come in increasing order (second edits are sorted and disjoint), so each kind
// keeps a cursor into the spans and moves it forward: a binary search per query was a tenth of
// chaining thousands of edits. A query below the one before (edits that break the contract)
// starts its cursor again from the first span, so the answer is right whatever the order.
class OffsetMap {
 public:
  explicit OffsetMap(const std::vector<Edit>& first) {
    spans_.reserve(first.size());
    std::size_t prev_in = 0, prev_mid = 0;  // ends of the previous edit in both texts
    for (const Edit& e : first) {
      const std::size_t mid_begin = prev_mid + (e.offset - prev_in);
      spans_.push_back(Span{e.offset, e.offset + e.length, mid_begin, mid_begin + e.replacement.size()});
      prev_in = e.offset + e.length;
      prev_mid = mid_begin + e.replacement.size();
    }
  }
  // A cursor: the number of spans known to lie before the last position asked (by the
  // query's own test), and that position.
  struct Cursor {
    std::size_t before = 0, last = 0;
  };
  // A mid position where an edit starts, mapped into the input: inside a first edit's output
  // it moves to that edit's start.
  std::size_t start_to_input(std::size_t p, Cursor& c) const {
    const std::size_t n = advance(c, p, [p](const Span& s) { return s.mid_begin <= p; });
    if (n == 0) return p;
    const Span& s = spans_[n - 1];
    return p < s.mid_end ? s.in_begin : s.in_end + (p - s.mid_end);
  }
  // A mid position where an edit ends: inside (or at the end of) a first edit's output it moves
  // to that edit's end.
  std::size_t end_to_input(std::size_t p, Cursor& c) const {
    const std::size_t n = advance(c, p, [p](const Span& s) { return s.mid_begin < p; });
    if (n == 0) return p;
    const Span& s = spans_[n - 1];
    return p <= s.mid_end ? s.in_end : s.in_end + (p - s.mid_end);
  }
  // An input position on an edit boundary (or in unchanged text), mapped into mid.
  std::size_t input_to_mid(std::size_t q, Cursor& c) const {
    const std::size_t n = advance(c, q, [q](const Span& s) { return s.in_begin <= q; });
    if (n == 0) return q;
    const Span& s = spans_[n - 1];
    return q < s.in_end ? s.mid_begin : s.mid_end + (q - s.in_end);
  }

 private:
  // The number of spans from the first for which `before` holds (it holds for a prefix of
  // them, longer for a larger position).
  template <class Before>
  std::size_t advance(Cursor& c, std::size_t position, Before before) const {
    if (position < c.last) c.before = 0;
    c.last = position;
    while (c.before < spans_.size() && before(spans_[c.before])) ++c.before;
    return c.before;
  }
  std::vector<Span> spans_;
};

}  // namespace

std::vector<Edit> chain_edits(std::string_view input, std::vector<Edit> first, std::string_view mid,
                              std::vector<Edit> second) {
  if (first.empty()) return second;
  const OffsetMap map(first);

  // Second edits over the input; neighbours that grew into each other are merged. The result
  // is built in `second`'s own array, compacted as it goes (an edit is written at or before
  // where it was read), and each edit is moved, its strings growing in place: a rewrite makes
  // thousands of edits per megabyte, and a second array of them (or copying each one's
  // strings) was a measurable share of the time and, for a long document, of its page faults.
  struct Pending {
    Edit edit;            // its replacement: up to the end of the last second edit in it
    std::size_t last_ce;  // mid position where that second edit ends
    std::size_t mid_end;  // mid position the input range covers up to
  };
  std::size_t written = 0;
  std::optional<Pending> pending;
  auto flush = [&] {
    if (!pending) return;
    Edit& e = pending->edit;
    e.replacement.append(mid.substr(pending->last_ce, pending->mid_end - pending->last_ce));
    e.original.assign(input.substr(e.offset, e.length));
    second[written++] = std::move(e);
    pending.reset();
  };
  OffsetMap::Cursor starts, ends, begins_in_mid, ends_in_mid;
  for (Edit& s : second) {
    const std::size_t cb = s.offset, ce = s.offset + s.length;
    const std::size_t ib = map.start_to_input(cb, starts);
    const std::size_t ie = std::max(ib, map.end_to_input(ce, ends));
    const std::size_t mb = map.input_to_mid(ib, begins_in_mid), me = std::max(ce, map.input_to_mid(ie, ends_in_mid));
    if (pending && ib < pending->edit.offset + pending->edit.length) {
      pending->edit.replacement.append(mid.substr(pending->last_ce, cb - pending->last_ce)).append(s.replacement);
      pending->last_ce = ce;
      pending->mid_end = std::max(pending->mid_end, me);
      pending->edit.length = std::max(pending->edit.offset + pending->edit.length, ie) - pending->edit.offset;
      continue;
    }
    flush();
    if (mb < cb) s.replacement.insert(0, mid.substr(mb, cb - mb));
    s.offset = ib;
    s.length = ie - ib;
    pending = Pending{std::move(s), ce, me};
  }
  flush();
  second.resize(written);  // (only moved-from edits go: merging made fewer)

  // First edits that no second edit swallowed, then everything in input order. (Engine::rewrite
  // reserves room for them in `second` from the start: growing the array here would move
  // every edit into new memory.)
  std::size_t m = 0;
  for (Edit& f : first) {
    while (m < written && second[m].offset + second[m].length <= f.offset && second[m].length > 0) ++m;
    const bool swallowed = m < written && second[m].offset <= f.offset &&
                           f.offset + f.length <= second[m].offset + second[m].length && second[m].length > 0;
    if (!swallowed) second.push_back(std::move(f));
  }
  // Both runs are in input order (second edits map to the input monotonically): a stable merge
  // puts them in order as a stable sort of the two would, merged edits first on ties.
  std::inplace_merge(second.begin(), second.begin() + static_cast<std::ptrdiff_t>(written), second.end(),
                     [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
  return second;
}

}  // namespace despin::detail
