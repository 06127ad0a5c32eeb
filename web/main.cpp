// UIA web client entry point: a WebGL2 context on #canvas, Dear ImGui with the OpenGL3
// renderer and our own browser platform layer (platform.cpp + glue.js), and a frame loop on
// requestAnimationFrame that only draws when something changed.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "a11y.h"
#include "app.h"
#include "fonts.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // PlatformImePos: the caret, to place the IME window
#include "js_bridge.h"
#include "platform.h"

namespace uia::web {
namespace {

App* g_app = nullptr;
double g_last_time = 0;
bool g_first_frame = true;
std::string g_clipboard;

struct TextInputState {
  bool active = false;
  float x = 0, y = 0, w = 0, h = 0, caret = 0;
  int kind = 0;
  bool operator==(const TextInputState&) const = default;
} g_text_input;

ImGuiMouseCursor g_cursor = ImGuiMouseCursor_COUNT;

void sync_text_input() {
  TextInputState t;
  const a11y::Node* f = a11y::focused_textbox();
  if (ImGui::GetIO().WantTextInput && f) {
    t.active = true;
    t.x = f->min.x;
    t.y = f->min.y;
    t.w = f->max.x - f->min.x;
    t.h = f->max.y - f->min.y;
    t.caret = std::clamp(GImGui->PlatformImePos.x, t.x, t.x + t.w);
    t.kind = f->keyboard;
  }
  if (!(t == g_text_input)) {
    g_text_input = t;
    js::set_text_input(t.active, t.x, t.y, t.w, t.h, t.caret, t.kind);
  }
}

void sync_cursor() {
  ImGuiMouseCursor c = ImGui::GetMouseCursor();
  if (c == g_cursor) return;
  g_cursor = c;
  js::set_cursor(c == ImGuiMouseCursor_TextInput ? "text"
                 : c == ImGuiMouseCursor_Hand   ? "pointer"
                 : c == ImGuiMouseCursor_None   ? "none"
                                                : "default");
}

void frame() {
  ImGuiIO& io = ImGui::GetIO();
  const double now = emscripten_get_now() / 1000.0;
  if (!should_draw_frame(now, io.WantTextInput)) return;

  const Display& d = display();
  if (take_pixel_ratio_changed()) fonts::rebuild(d.dpr);
  io.DeltaTime = static_cast<float>(std::clamp(now - g_last_time, 1.0 / 240.0, 0.25));
  g_last_time = now;
  const bool had_input = apply_queued_input(io);
  io.DisplaySize = ImVec2(d.width, d.height);
  io.DisplayFramebufferScale = ImVec2(d.fb_width / d.width, d.fb_height / d.height);

  ImGui_ImplOpenGL3_NewFrame();
  // Settle before drawing: an edit shows its consequences (a field's message, a section that
  // appears) one Dear ImGui frame later, so after input, and while the mirror still changes,
  // run another frame (cheap) instead of presenting an intermediate one (costly, especially on
  // software GL). Input always gets a second pass: a password edit changes no mirror text.
  const Date today = js::today();
  for (int pass = 0;; ++pass) {
    if (pass > 0) io.DeltaTime = 1e-4f;
    ImGui::NewFrame();
    a11y::begin_frame();
    g_app->frame(today, now);
    const bool changed = a11y::end_frame();
    const bool settled = !changed && !(had_input && pass == 0);
    if (pass == 3 || settled) break;
    ImGui::EndFrame();
  }
  a11y::publish();
  ImGui::Render();

  glViewport(0, 0, d.fb_width, d.fb_height);
  glClearColor(242 / 255.0f, 244 / 255.0f, 247 / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  sync_text_input();
  sync_cursor();
  if (g_first_frame) {
    g_first_frame = false;
    wake(4);  // settle layout (fonts, content height) before going idle
    js::ready();
  }
}

}  // namespace
}  // namespace uia::web

int main() {
  using namespace uia::web;
  js::install();  // listeners + first resize (reports the canvas size and pixel ratio)

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.BackendPlatformName = "uia_web";
  io.ConfigInputTextCursorBlink = true;
  // Copy goes to the system clipboard; paste arrives as text through the IME input's paste.
  io.SetClipboardTextFn = [](void*, const char* text) {
    g_clipboard = text ? text : "";
    js::set_clipboard(g_clipboard);
  };
  io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
  io.ImeSetInputScreenPosFn = nullptr;
  init_input(io);
  ui::apply_style();

  // The atlas first, GL second: in a fresh browser the GPU side is still starting up (the page
  // shell set that going in a worker), and making a context before it is ready blocks this
  // thread for most of a second: time better spent rasterising glyphs.
  int font_size = 0;
  unsigned char* font = js::take_font(&font_size);
  take_pixel_ratio_changed();  // rasterised at the current ratio already
  if (!fonts::rasterise(font, font_size, display().dpr))
    std::printf("uia: no CJK font received; Chinese text will not render\n");

  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.depth = false;
  attrs.stencil = false;
  attrs.antialias = false;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (gl <= 0) {
    js::fail("您的浏览器不支持 WebGL2，无法显示本页面。请使用最新版浏览器，或在浏览器设置中开启硬件加速。");
    return 0;
  }
  emscripten_webgl_make_context_current(gl);

  ImGui_ImplOpenGL3_Init("#version 300 es");
  fonts::upload(display().dpr);

  g_app = new App();
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
