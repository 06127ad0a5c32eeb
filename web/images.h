// Images decoded by the browser (captcha PNGs arrive as data: URLs) uploaded as GL textures.
#pragma once
#include <functional>
#include <string>

#include "imgui.h"

namespace uia::web::images {

struct Image {
  ImTextureID texture = nullptr;  // nullptr when decoding failed
  int width = 0, height = 0;
};

void load(const std::string& url, std::function<void(const Image&)> done);
void release(Image& image);

}  // namespace uia::web::images
