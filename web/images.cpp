#include "images.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <map>

#include "js_bridge.h"
#include "platform.h"

namespace uia::web::images {
namespace {
int g_next_slot = 1;
std::map<int, std::function<void(const Image&)>> g_pending;
}  // namespace

void load(const std::string& url, std::function<void(const Image&)> done) {
  int slot = g_next_slot++;
  g_pending[slot] = std::move(done);
  js::load_image(slot, url);
}

void release(Image& image) {
  if (image.texture) {
    GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(image.texture));
    glDeleteTextures(1, &tex);
  }
  image = Image{};
}

}  // namespace uia::web::images

extern "C" EMSCRIPTEN_KEEPALIVE void uia_on_image(int slot, int width, int height, const unsigned char* rgba) {
  using namespace uia::web::images;
  auto it = g_pending.find(slot);
  if (it == g_pending.end()) return;
  auto done = std::move(it->second);
  g_pending.erase(it);
  Image image;
  if (rgba && width > 0 && height > 0) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    image.texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex));
    image.width = width;
    image.height = height;
  }
  done(image);
  uia::web::wake();
}
