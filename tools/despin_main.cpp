// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// despin [OPTIONS] [FILE...]: restore spun text, like any Unix filter.
// Exit codes: 0 done; 1 spin found (only with --check); 2 usage or input error (the other
// files are still processed).
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "batch.hpp"
#include "builtin_engine.hpp"
#include "cli_output.hpp"
#include "fnv1a.hpp"
#include "despin/despin.hpp"
#include "jsonl.hpp"
#include "read_file.hpp"
#include "write_file.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSpun = 1;
constexpr int kExitError = 2;

// The engine, kept until the process ends: freeing its tables one by one at exit took a sixth
// of the start-up time again with a large dictionary. A copy shares them; it is held by a
// static that is read, so it stays reachable (no leak to LeakSanitizer).
const despin::Engine& keep_until_exit(const despin::Engine& engine) {
  static const despin::Engine* const kept = new despin::Engine(engine);
  return *kept;
}

// Reads a whole file (or stdin for "-"); nullopt with a message naming it on failure.
std::optional<std::string> read_input(const std::string& name, std::string& error) {
  if (name == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    return buf.str();
  }
  std::optional<std::string> text = despin::cli::read_whole_file(name, error);
  if (!text && error == despin::cli::kIsDirectory) error = "is a directory (use 'despin batch' for directories)";
  if (!text) error = name + ": " + error;
  return text;
}

// Everything that decides the output: despin's version and every dictionary entry. A batch
// redoes documents restored under a different fingerprint.
std::string engine_fingerprint(const std::vector<despin::Dictionary>& dictionaries) {
  std::string f = std::string("despin ") + despin::kVersion + "\n";
  for (const despin::Dictionary& d : dictionaries) {
    for (const despin::Entry& e : d.entries())
      f += e.spun + "=>" + e.original + ";" + e.domain + ";" + std::to_string(e.confidence) + (e.ambiguous ? "a" : "") +
           (e.verb ? "v" : "") + (e.is_rule ? "r" : "") + (e.heading ? "h" : "") + "\n";
    for (const despin::Term& t : d.terms()) f += "t:" + t.text + "\n";
    for (const despin::WordSwap& w : d.word_swaps()) f += "s:" + w.spun + "=>" + w.original + "\n";
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{
      "despin: restore text garbled by article spinners.\n"
      "Reads FILEs (standard input when none, or '-') and writes the restored text to standard output.\n"
      "Exit status: 0 done; 1 spin found (with --check); 2 usage or input error."};
  app.name("despin");
  std::vector<std::string> files;
  std::vector<std::string> dict_files;
  std::string engine_file;
  std::string output_path;
  bool json = false, diff = false, list = false, stats = false, check = false, no_default = false, version = false;
  app.add_option("FILE", files, "Input files ('-' for standard input)");
  app.add_option("-o,--output", output_path, "Write the output to this file instead of standard output");
  app.add_flag("--json", json, "Print one JSON object per document (JSON Lines): text, spin score, edits");
  app.add_flag("--diff", diff, "Print the changed lines (-old / +new) instead of the text");
  app.add_flag("--list", list,
               "Print one line per restoration, FILE:LINE:COLUMN: 'spun' -> 'original' (kind, confidence, "
               "source), instead of the text: for screening");
  app.add_flag("--stats", stats, "Print edit counts and the spin score per document on standard error");
  app.add_flag("--check", check,
               "Print nothing but the stats; exit 1 when any document's spin score reaches " +
                   std::to_string(despin::kSpinThreshold).substr(0, 3));
  app.add_option("--dict", dict_files, "Add a dictionary file (repeatable; a phrase in a later file overrides the same phrase in earlier ones)")
      ->allow_extra_args(false);
  app.add_flag("--no-default-dict", no_default, "Do not load the built-in dictionary");
  app.add_option("--engine", engine_file,
                 "Load a compiled engine ('despin compile') instead of the dictionaries: starts faster")
      ->excludes("--dict")
      ->excludes("--no-default-dict");
  app.add_flag("-V,--version", version, "Print the version and exit");
  bool no_clean = false;
  std::vector<std::string> no_clean_steps;
  app.add_flag("--no-clean", no_clean, "Do not clean page debris before restoring (see README, Cleanup)");
  app.add_option("--no-clean-step", no_clean_steps,
                 "Switch one cleanup step off (repeatable): spaces, entities, mojibake, nfc, templates, "
                 "repeated-lines, duplicates, layout")
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"spaces", "entities", "mojibake", "nfc", "templates", "repeated-lines", "duplicates",
                             "layout"}));
  bool sentences = false;
  app.add_flag("--sentences", sentences,
               "Score every sentence too: --json lists them (offset, length, words, spin_score), --stats counts "
               "the spun ones");
  bool assume_spun = false;
  app.add_flag("--assume-spun", assume_spun,
               "The input is known to be spun: apply ambiguous entries and term composition everywhere, without "
               "waiting for evidence (for a short passage or a paraphraser's output; on genuine text it changes "
               "more than 1 word in 100)");
  bool drop_toc = false;
  std::string quotes = "keep";
  app.add_flag("--drop-toc", drop_toc, "Remove a table of contents instead of restoring its headings");
  app.add_option("--quotes", quotes, "Quotes, dashes and ellipses: keep (default), ascii or typographic")
      ->check(CLI::IsMember({"keep", "ascii", "typographic"}));
  bool jsonl = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_flag("--jsonl", jsonl,
               "Stream JSON Lines: each input line {\"text\": ...} comes out with text restored and spin_score, "
               "spun, words, withheld and edits added (and sentences with --sentences), other fields kept, one line out per "
               "line in");
  app.add_option("-j,--jobs", jobs, "Worker threads for --jsonl and batch (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));

  despin::cli::BatchOptions batch;
  CLI::App* batch_cmd = app.add_subcommand(
      "batch",
      "Restore a directory tree of *.txt files (mirrored into OUT) or a .jsonl file (into OUT/NAME.jsonl). "
      "Resumable: rerunning skips finished documents. Writes OUT/errors.jsonl and OUT/summary.json. "
      "Exit status: 0 all restored, 1 some documents failed, 2 the batch could not run.");
  batch_cmd->add_option("SRC", batch.source, "A directory or a .jsonl file")->required();
  batch_cmd->add_option("OUT", batch.output, "Output directory (created if missing)")->required();
  batch_cmd->add_option("-j,--jobs", jobs, "Worker threads (default: the number of cores)")->check(CLI::Range(1u, 1024u));
  batch_cmd->add_flag("--progress", batch.progress, "Show progress on standard error even when it is not a terminal");
  batch_cmd->add_option("--dict", dict_files, "Add a dictionary file (repeatable)")->allow_extra_args(false);
  batch_cmd->add_flag("--no-default-dict", no_default, "Do not load the built-in dictionary");
  batch_cmd->add_flag("--no-clean", no_clean, "Do not clean page debris before restoring");
  batch_cmd->add_option("--engine", engine_file, "Load a compiled engine ('despin compile') instead of the dictionaries")
      ->excludes("--dict")
      ->excludes("--no-default-dict");
  // The cleanup options (--no-clean-step, --drop-toc, --quotes, --sentences) are the main
  // command's: they may come after "batch" too.
  batch_cmd->fallthrough();
  batch_cmd->footer("The cleanup options of despin (--no-clean-step, --drop-toc, --quotes) and --assume-spun apply too.");

  std::string compile_output;
  CLI::App* compile_cmd = app.add_subcommand(
      "compile",
      "Compile the dictionaries (the built-in one and --dict files) into OUT, a file that '--engine OUT' "
      "loads several times faster than parsing them. Readable only by this version of despin.");
  compile_cmd->add_option("OUT", compile_output, "The compiled engine to write")->required();
  compile_cmd->add_option("--dict", dict_files, "Add a dictionary file (repeatable)")->allow_extra_args(false);
  compile_cmd->add_flag("--no-default-dict", no_default, "Do not load the built-in dictionary");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitError;
  }
  if (version) {
    std::cout << "despin " << despin::kVersion << "\n";
    return kExitOk;
  }
  if (json + diff + list + jsonl > 1) {
    std::cerr << "despin: --json, --diff, --list and --jsonl cannot be combined\n";
    return kExitError;
  }
  // Options that would be ignored are refused: a user who asked for them expects them to act.
  if (jsonl && (stats || check)) {
    std::cerr << "despin: --stats and --check do not apply to --jsonl (each output line has spin_score and spun)\n";
    return kExitError;
  }
  if (assume_spun && check) {
    std::cerr << "despin: --check asks whether the input is spun; --assume-spun takes it as spun\n";
    return kExitError;
  }
  if (batch_cmd->parsed() && (json || diff || list || jsonl || stats || check || !output_path.empty() || !files.empty())) {
    std::cerr << "despin batch: FILE, -o, --json, --diff, --list, --jsonl, --stats and --check do not apply to a batch "
                 "(it writes OUT/ and OUT/summary.json)\n";
    return kExitError;
  }

  despin::Options options;
  options.clean.drop_toc = drop_toc;
  options.sentence_scores = sentences;
  if (assume_spun) options.ambiguous_min_evidence = 0;
  options.clean.quotes = quotes == "ascii"         ? despin::CleanOptions::Quotes::kAscii
                         : quotes == "typographic" ? despin::CleanOptions::Quotes::kTypographic
                                                   : despin::CleanOptions::Quotes::kKeep;
  if (no_clean) options.clean = despin::CleanOptions::none();
  for (const std::string& step : no_clean_steps) {
    despin::CleanOptions& c = options.clean;
    bool* flag = step == "spaces" ? &c.spaces : step == "entities" ? &c.entities : step == "mojibake" ? &c.mojibake
                 : step == "nfc" ? &c.nfc : step == "templates" ? &c.templates : step == "repeated-lines" ? &c.repeated_lines
                 : step == "duplicates" ? &c.duplicates : &c.layout;
    *flag = false;
  }
  // The engine: loaded compiled, or built from the dictionaries (parsed whole before any input
  // is read, so a bad dictionary stops the run before it starts).
  std::vector<despin::Dictionary> dictionaries;
  std::uint64_t engine_hash = 0;  // of the compiled engine's bytes, for a batch's fingerprint
  bool builtin_engine = false;    // loaded from builtin_engine_snapshot()
  std::optional<despin::Expected<despin::Engine>> engine;
  if (!engine_file.empty()) {
    engine = despin::Engine::load_file(engine_file, options);
    if (*engine && batch_cmd->parsed()) {
      std::string error;
      const std::optional<std::uint64_t> hash = despin::cli::hash_file(engine_file, error);
      if (!hash) {
        std::cerr << "despin: " << engine_file << ": " << error << "\n";
        return kExitError;
      }
      engine_hash = *hash;
    }
  } else if (!no_default && dict_files.empty()) {
    // The built-in dictionary alone: its compiled engine, embedded at build time. Should it ever
    // fail to load (a build that went wrong), the dictionary is compiled below as with --dict.
    engine = despin::Engine::load(despin::cli::builtin_engine_snapshot(), "the built-in engine", options);
    builtin_engine = static_cast<bool>(*engine);
    if (!builtin_engine)
      std::cerr << "despin: warning: " << engine->error().what() << "; compiling the built-in dictionary instead\n";
  }
  if (engine_file.empty() && !builtin_engine) {
    if (!no_default) dictionaries.push_back(despin::Dictionary::builtin());
    for (const std::string& path : dict_files) {
      if (despin::cli::is_compiled_engine_file(path)) {
        std::cerr << "despin: " << path << " is a compiled engine, not a dictionary: load it with --engine " << path
                  << "\n";
        return kExitError;
      }
      auto d = despin::Dictionary::load_file(path);
      if (!d) {
        std::cerr << d.error().what() << "\ndespin: dictionary " << path << " rejected; nothing was processed\n";
        return kExitError;
      }
      dictionaries.push_back(std::move(d).value());
    }
    engine = despin::Engine::create(dictionaries, options);
  }
  if (!*engine) {
    std::cerr << "despin: " << engine->error().what() << "\n";
    return kExitError;
  }
  const despin::Engine& engine_kept = keep_until_exit(engine->value());

  if (compile_cmd->parsed()) {
    std::string error;
    const std::string bytes = engine_kept.save();
    if (!despin::cli::write_atomically(compile_output, bytes, error)) {
      std::cerr << "despin compile: " << error << "\n";
      return kExitError;
    }
    std::cerr << "despin compile: " << engine_kept.phrase_count() << " phrases, " << engine_kept.rule_count()
              << " rules into " << compile_output << " (" << bytes.size() << " bytes)\n";
    return kExitOk;
  }

  if (batch_cmd->parsed()) {
    batch.jobs = jobs;
    batch.progress = batch.progress || ::isatty(2);
    if (builtin_engine) engine_hash = despin::cli::builtin_engine_fnv1a();
    batch.fingerprint = engine_file.empty() && !builtin_engine
                            ? engine_fingerprint(dictionaries)
                            : std::string("despin ") + despin::kVersion + "\nengine " + std::to_string(engine_hash) + "\n";
    const despin::CleanOptions& c = options.clean;
    for (bool step : {c.spaces, c.entities, c.mojibake, c.nfc, c.templates, c.repeated_lines, c.duplicates, c.layout,
                      c.drop_toc})
      batch.fingerprint += step ? '1' : '0';
    batch.fingerprint += std::to_string(static_cast<int>(c.quotes));
    if (assume_spun) batch.fingerprint += " assume-spun";  // a resumed batch keeps one mode
    return despin::cli::run_batch(engine_kept, batch);
  }

  std::ofstream file_out;
  if (!output_path.empty()) {
    file_out.open(output_path, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      std::cerr << "despin: " << output_path << ": " << std::strerror(errno) << "\n";
      return kExitError;
    }
  }
  std::ostream& out = output_path.empty() ? std::cout : file_out;

  if (files.empty()) files.push_back("-");
  int status = kExitOk;
  if (jsonl) {
    // A mapper for distributed engines: JSON Lines in, JSON Lines out, in order.
    for (const std::string& name : files) {
      std::ifstream file_in;
      if (name != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(name, ec)) {
          std::cerr << "despin: " << name << ": is a directory (use 'despin batch' for directories)\n";
          status = kExitError;
          continue;
        }
        file_in.open(name, std::ios::binary);
        if (!file_in) {
          std::cerr << "despin: " << name << ": " << std::strerror(errno) << "\n";
          status = kExitError;
          continue;
        }
      }
      std::istream& in = name == "-" ? std::cin : file_in;
      if (despin::cli::run_jsonl_stream(engine_kept, in, out, std::cerr, name == "-" ? "<stdin>" : name, jobs) > 0)
        status = kExitError;
    }
    out.flush();
    if (!out) {
      std::cerr << "despin: write error" << (output_path.empty() ? "" : " on " + output_path) << "\n";
      return kExitError;
    }
    return status;
  }
  bool any_spun = false;
  for (const std::string& name : files) {
    std::string error;
    std::optional<std::string> text = read_input(name, error);
    if (!text) {
      std::cerr << "despin: " << error << "\n";
      status = kExitError;
      continue;
    }
    const std::string label = name == "-" ? "<stdin>" : name;
    const despin::Result result = engine_kept.rewrite(*text);
    if (result.invalid_utf8 > 0)
      std::cerr << "despin: " << label << ": warning: " << result.invalid_utf8
                << " invalid UTF-8 sequence(s) replaced by U+FFFD (see --json for offsets)\n";
    any_spun |= result.spin_score >= despin::kSpinThreshold;
    if (stats || check) despin::cli::write_stats(std::cerr, label, result);
    if (check) continue;
    if (json) out << despin::cli::to_json_line(label, result) << "\n";
    else if (diff) despin::cli::write_diff(out, label, *text, result);
    else if (list) despin::cli::write_list(out, label, *text, result);
    else out << result.text;
  }
  out.flush();
  if (!out) {
    std::cerr << "despin: write error" << (output_path.empty() ? "" : " on " + output_path) << "\n";
    return kExitError;
  }
  if (status != kExitOk) return status;
  return check && any_spun ? kExitSpun : kExitOk;
}
