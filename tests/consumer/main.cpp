// Uses the installed library: restores one sentence with the built-in dictionary.
#include <despin/despin.hpp>
#include <iostream>

int main() {
  auto engine = despin::Engine::create({despin::Dictionary::builtin()});
  if (!engine) {
    std::cerr << engine.error().what() << "\n";
    return 1;
  }
  despin::Result r = engine.value().rewrite("Be that as it may, it worked.");
  std::cout << r.text << "\n";
  return r.text == "However, it worked." ? 0 : 1;
}
