// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// English verb inflection, so that a verb phrase written once in its base form in a dictionary
// covers "takes", "took", "taken" and "taking" too.
#pragma once

#include <string>
#include <string_view>

namespace despin::detail {

struct VerbForms {
  std::string base, third_person, past, past_participle, present_participle;
};

// Forms of a base-form verb: irregular ones from lib/irregular_verbs.inc, the rest by the
// regular spelling rules (stop -> stopped, try -> tried, make -> making).
VerbForms inflect_verb(std::string_view base);

}  // namespace despin::detail
