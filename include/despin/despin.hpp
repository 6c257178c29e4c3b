// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// despin: restore text garbled by article spinners.
//
//   auto engine = despin::Engine::create({despin::Dictionary::builtin()});
//   if (!engine) { /* engine.error().what() */ }
//   despin::Result r = engine.value().rewrite(text);
//   // r.text, r.edits, r.spin_score
#pragma once

#include "despin/dictionary.hpp"
#include "despin/edit.hpp"
#include "despin/engine.hpp"
#include "despin/expected.hpp"
#include "despin/version.hpp"
