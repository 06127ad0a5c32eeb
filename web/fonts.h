// The CJK font: one TTF subset (uia-font.ttf, generated at build time by tools/make_font.py)
// rasterised at the display's pixel ratio so text stays crisp on high-DPI screens.
#pragma once

struct ImFont;

namespace uia::web::fonts {

// Takes ownership of the TTF bytes (malloc'ed) and rasterises the atlas on the CPU. Needs no GL
// context: it runs while the browser is still starting its GPU side (that overlap is most of a
// fresh browser's first-frame time). False when there is no font (Latin only then).
bool rasterise(unsigned char* ttf, int size, float pixel_ratio);
// With the GL context current, after ImGui_ImplOpenGL3_Init: the atlas becomes a texture.
void upload(float pixel_ratio);
// Re-rasterises the atlas for a new devicePixelRatio.
void rebuild(float pixel_ratio);

ImFont* body();     // 16 CSS px, every glyph of the subset
ImFont* heading();  // 22 CSS px, only the characters of page titles (keeps the atlas small)
// Whether the heading font has every character of `utf8` (a platform name set in a province's
// config may use characters no built-in title has: the banner then draws it in the body font).
bool heading_draws(const char* utf8);

}  // namespace uia::web::fonts
