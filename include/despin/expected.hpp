// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Expected<T>: a value or an Error. despin reports every failure at its API boundary as a value;
// the library never throws across the API and never prints.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace despin {

// A failure with one human-readable line per problem, each already prefixed with its location
// ("file:line:col: message") when it has one.
struct Error {
  std::vector<std::string> messages;

  explicit Error(std::string message) { messages.push_back(std::move(message)); }
  explicit Error(std::vector<std::string> all) : messages(std::move(all)) {}

  // All messages joined by newlines.
  std::string what() const;
};

template <class T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}           // NOLINT: implicit by design
  Expected(Error error) : state_(std::move(error)) {}       // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }

  // Precondition: !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace despin
