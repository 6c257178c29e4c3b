// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The rule names a rewrite makes up ("compose:terms/x.terms:12", "document:en/y.dict:3") for
// the restorations no dictionary line made alone. An edit's name is a view (Edit::rule): these
// live in a holder that the Result keeps (Result::storage) together with the engine, whose
// strings the other edits' names view.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "string_arena.hpp"

namespace despin::detail {

class MadeNames {
 public:
  // `engine`: what keeps the engine's strings alive (its shared state).
  explicit MadeNames(std::shared_ptr<const void> engine) : engine_(std::move(engine)) {}

  // `prefix` + `source`, stored until the Result and its copies are gone. Most rewrites make no
  // name: the holder is made on the first.
  std::string_view store(std::string_view prefix, std::string_view source) {
    if (!holder_) holder_ = std::make_shared<Holder>(engine_);
    char* p = holder_->arena.allocate(prefix.size() + source.size());
    std::copy(prefix.begin(), prefix.end(), p);
    std::copy(source.begin(), source.end(), p + prefix.size());
    return {p, prefix.size() + source.size()};
  }

  // For Result::storage: the holder, which keeps the engine too, or the engine alone.
  std::shared_ptr<const void> storage() const {
    return holder_ ? std::shared_ptr<const void>(holder_) : engine_;
  }

 private:
  struct Holder {
    explicit Holder(std::shared_ptr<const void> e) : engine(std::move(e)) {}
    std::shared_ptr<const void> engine;
    StringArena arena{1024};
  };
  std::shared_ptr<const void> engine_;
  std::shared_ptr<Holder> holder_;
};

}  // namespace despin::detail
