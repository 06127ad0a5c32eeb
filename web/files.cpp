#include "files.h"

#include <emscripten.h>

#include "js_bridge.h"
#include "platform.h"

namespace uia::web::files {
namespace {
std::function<void(const Picked&)> g_waiting;
}

void pick(const char* accept, std::function<void(const Picked&)> done) {
  g_waiting = std::move(done);
  js::pick_file(accept);
}

}  // namespace uia::web::files

extern "C" EMSCRIPTEN_KEEPALIVE void uia_on_file(const char* name, const char* type, double size) {
  using namespace uia::web::files;
  if (!g_waiting) return;
  auto done = std::move(g_waiting);
  g_waiting = nullptr;
  done(Picked{name ? name : "", type ? type : "", static_cast<long long>(size)});
  uia::web::wake();
}
