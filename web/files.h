// Choosing a file from the device (documents for a registration under review): the browser's
// own file chooser, one choice at a time. The chosen file stays in the page (glue.js); the app
// learns what it is and uploads it with net::upload_picked_file.
#pragma once
#include <functional>
#include <string>

namespace uia::web::files {

struct Picked {
  std::string name;
  std::string type;     // MIME type as the browser reports it ("image/jpeg"; "" when unknown)
  long long size = -1;  // bytes; -1 = nothing chosen (cancelled)
};

// Opens the chooser; `done` runs once with the choice. A second pick while one is open replaces
// the first callback (only the latest chooser can answer).
void pick(const char* accept, std::function<void(const Picked&)> done);

}  // namespace uia::web::files
