// The CJK font: one TTF subset (uia-font.ttf, generated at build time by tools/make_font.py)
// rasterised at the display's pixel ratio so text stays crisp on high-DPI screens.
#pragma once

struct ImFont;

namespace uia::web::fonts {

// Takes ownership of the TTF bytes (malloc'ed). Call after ImGui_ImplOpenGL3_Init.
bool init(unsigned char* ttf, int size, float pixel_ratio);
// Re-rasterises the atlas for a new devicePixelRatio.
void rebuild(float pixel_ratio);

ImFont* body();     // 16 CSS px, every glyph of the subset
ImFont* heading();  // 22 CSS px, only the characters of page titles (keeps the atlas small)

}  // namespace uia::web::fonts
