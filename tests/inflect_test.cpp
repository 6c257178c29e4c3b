// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "inflect.hpp"

#include <catch2/catch.hpp>

using despin::detail::inflect_verb;

TEST_CASE("regular verbs follow the spelling rules", "[inflect]") {
  auto look = inflect_verb("look");
  CHECK(look.third_person == "looks");
  CHECK(look.past == "looked");
  CHECK(look.past_participle == "looked");
  CHECK(look.present_participle == "looking");
  CHECK(inflect_verb("stop").past == "stopped");
  CHECK(inflect_verb("stop").present_participle == "stopping");
  CHECK(inflect_verb("visit").past == "visited");
  CHECK(inflect_verb("try").third_person == "tries");
  CHECK(inflect_verb("try").past == "tried");
  CHECK(inflect_verb("play").past == "played");
  CHECK(inflect_verb("make").present_participle == "making");
  CHECK(inflect_verb("see").present_participle == "seeing");
  CHECK(inflect_verb("die").present_participle == "dying");
  CHECK(inflect_verb("release").past == "released");
  CHECK(inflect_verb("watch").third_person == "watches");
}

TEST_CASE("irregular verbs come from the table", "[inflect]") {
  auto take = inflect_verb("take");
  CHECK(take.past == "took");
  CHECK(take.past_participle == "taken");
  CHECK(take.present_participle == "taking");
  CHECK(inflect_verb("begin").present_participle == "beginning");
  CHECK(inflect_verb("admit").past == "admitted");
  CHECK(inflect_verb("be").third_person == "is");
  CHECK(inflect_verb("have").third_person == "has");
  CHECK(inflect_verb("go").third_person == "goes");
  CHECK(inflect_verb("put").past == "put");
}
