#include "platform.h"

#include <emscripten.h>

#include <algorithm>
#include <bitset>
#include <cfloat>
#include <deque>
#include <string>

#include "imgui.h"

namespace uia::web {
namespace {

struct InputEvent {
  enum class Type { MousePos, MouseButton, Key, Text, Focus } type = Type::MousePos;
  float x = 0, y = 0;
  int code = 0;     // mouse button or DOM keyCode
  bool down = false;
  int mods = 0;     // 1 ctrl, 2 shift, 4 alt, 8 super
  std::string text;
};

InputEvent make_event(InputEvent::Type type, float x = 0, float y = 0, int code = 0, bool down = false,
                      int mods = 0) {
  InputEvent e;
  e.type = type;
  e.x = x;
  e.y = y;
  e.code = code;
  e.down = down;
  e.mods = mods;
  return e;
}

Display g_display;
bool g_dpr_changed = false;
std::deque<InputEvent> g_queue;
float g_document_scroll = 0.0f;
int g_wake_frames = 8;
int g_mods = 0;  // modifier keys as last reported by the browser
double g_last_frame = 0.0;
double g_now = 0.0;
double g_wake_at = 0.0;  // 0 = no timer

// DOM keyCodes double as Dear ImGui's "native" key indices (io.KeysDown[512]).
enum DomKey {
  kBackspace = 8, kTab = 9, kEnter = 13, kEscape = 27, kSpace = 32, kPageUp = 33, kPageDown = 34,
  kEnd = 35, kHome = 36, kLeft = 37, kUp = 38, kRight = 39, kDown = 40, kInsert = 45,
  kDelete = 46, kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90,
};

void apply_mods(ImGuiIO& io, int mods) {
  io.KeyCtrl = (mods & 1) != 0;
  io.KeyShift = (mods & 2) != 0;
  io.KeyAlt = (mods & 4) != 0;
  io.KeySuper = false;  // Cmd is reported as Ctrl: web shortcuts are Ctrl+C/V on every platform
}

}  // namespace

const Display& display() { return g_display; }

bool take_pixel_ratio_changed() {
  bool changed = g_dpr_changed;
  g_dpr_changed = false;
  return changed;
}

float document_scroll() { return g_document_scroll; }

void wake(int frames) { g_wake_frames = std::max(g_wake_frames, frames); }

void wake_after(double seconds) {
  double at = g_now + std::max(0.0, seconds);
  if (g_wake_at == 0.0 || at < g_wake_at) g_wake_at = at;
}

bool should_draw_frame(double now, bool text_active) {
  g_now = now;
  bool timer = g_wake_at != 0.0 && now >= g_wake_at;
  bool draw = g_wake_frames > 0 || !g_queue.empty() || timer ||
              (text_active && now - g_last_frame >= 0.25);  // caret blink
  if (timer) g_wake_at = 0.0;
  if (draw) {
    g_last_frame = now;
    if (g_wake_frames > 0) --g_wake_frames;
  }
  return draw;
}

void init_input(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = kTab;
  io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
  io.KeyMap[ImGuiKey_RightArrow] = kRight;
  io.KeyMap[ImGuiKey_UpArrow] = kUp;
  io.KeyMap[ImGuiKey_DownArrow] = kDown;
  io.KeyMap[ImGuiKey_PageUp] = kPageUp;
  io.KeyMap[ImGuiKey_PageDown] = kPageDown;
  io.KeyMap[ImGuiKey_Home] = kHome;
  io.KeyMap[ImGuiKey_End] = kEnd;
  io.KeyMap[ImGuiKey_Insert] = kInsert;
  io.KeyMap[ImGuiKey_Delete] = kDelete;
  io.KeyMap[ImGuiKey_Backspace] = kBackspace;
  io.KeyMap[ImGuiKey_Space] = kSpace;
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  io.KeyMap[ImGuiKey_Escape] = kEscape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = kEnter;
  io.KeyMap[ImGuiKey_A] = kA;
  io.KeyMap[ImGuiKey_C] = kC;
  io.KeyMap[ImGuiKey_V] = kV;
  io.KeyMap[ImGuiKey_X] = kX;
  io.KeyMap[ImGuiKey_Y] = kY;
  io.KeyMap[ImGuiKey_Z] = kZ;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

bool apply_queued_input(ImGuiIO& io) {
  // One transition per button/key per frame, and text never in the same frame as a key or
  // button change, so that "click field, type" and "Ctrl+A, Backspace, type" keep their order.
  bool mouse_changed[5] = {};
  std::bitset<512> key_changed;
  bool any_key_or_button = false;
  bool text_added = false;
  bool applied = false;
  apply_mods(io, g_mods);  // undoes the text-frame exception below
  while (!g_queue.empty()) {
    const InputEvent& e = g_queue.front();
    switch (e.type) {
      case InputEvent::Type::MousePos: {
        bool button_changed = false;
        for (bool c : mouse_changed) button_changed |= c;
        if (button_changed) return applied;
        io.MousePos = ImVec2(e.x, e.y);
        break;
      }
      case InputEvent::Type::MouseButton:
        if (e.code < 0 || e.code >= 5) break;
        if (mouse_changed[e.code] || text_added) return applied;
        io.MouseDown[e.code] = e.down;
        mouse_changed[e.code] = true;
        any_key_or_button = true;
        break;
      case InputEvent::Type::Key:
        if (e.code <= 0 || e.code >= 512) break;
        if (key_changed[e.code] || text_added) return applied;
        io.KeysDown[e.code] = e.down;
        g_mods = e.mods;
        apply_mods(io, g_mods);
        key_changed[e.code] = true;
        any_key_or_button = true;
        break;
      case InputEvent::Type::Text:
        if (any_key_or_button) return applied;
        io.AddInputCharactersUTF8(e.text.c_str());
        // Dear ImGui drops characters while Ctrl is held (shortcuts); text from the browser is
        // never a shortcut (e.g. the result of Ctrl+V), so Ctrl is released for this one frame.
        if (io.KeyCtrl && !io.KeyAlt) io.KeyCtrl = false;
        text_added = true;
        break;
      case InputEvent::Type::Focus:  // window lost focus: release everything
        if (any_key_or_button || text_added) return applied;
        for (bool& k : io.KeysDown) k = false;
        for (bool& b : io.MouseDown) b = false;
        g_mods = 0;
        apply_mods(io, 0);
        any_key_or_button = true;
        break;
    }
    g_queue.pop_front();
    applied = true;
  }
  return applied;
}

}  // namespace uia::web

// ---- Exports called by glue.js ------------------------------------------------------------
using uia::web::g_queue;
using uia::web::InputEvent;

extern "C" {

EMSCRIPTEN_KEEPALIVE void uia_on_resize(float css_width, float css_height, float dpr, int fb_width,
                                        int fb_height) {
  auto& d = uia::web::g_display;
  if (dpr <= 0.0f) dpr = 1.0f;
  if (dpr != d.dpr) uia::web::g_dpr_changed = true;
  d.width = std::max(css_width, 1.0f);
  d.height = std::max(css_height, 1.0f);
  d.dpr = dpr;
  d.fb_width = std::max(fb_width, 1);
  d.fb_height = std::max(fb_height, 1);
  uia::web::wake();
}

EMSCRIPTEN_KEEPALIVE void uia_on_pointer_move(float x, float y) {
  if (!g_queue.empty() && g_queue.back().type == InputEvent::Type::MousePos) {
    g_queue.back().x = x;  // coalesce moves
    g_queue.back().y = y;
  } else {
    g_queue.push_back(uia::web::make_event(InputEvent::Type::MousePos, x, y));
  }
  uia::web::wake();
}

EMSCRIPTEN_KEEPALIVE void uia_on_pointer_leave() { uia_on_pointer_move(-FLT_MAX, -FLT_MAX); }

EMSCRIPTEN_KEEPALIVE void uia_on_pointer_button(int button, int down, float x, float y) {
  uia_on_pointer_move(x, y);
  g_queue.push_back(uia::web::make_event(InputEvent::Type::MouseButton, x, y, button, down != 0));
  uia::web::wake();
}

EMSCRIPTEN_KEEPALIVE void uia_on_key(int key_code, int down, int mods) {
  g_queue.push_back(uia::web::make_event(InputEvent::Type::Key, 0, 0, key_code, down != 0, mods));
  uia::web::wake();
}

EMSCRIPTEN_KEEPALIVE void uia_on_text(const char* utf8) {
  if (!utf8 || !*utf8) return;
  if (!g_queue.empty() && g_queue.back().type == InputEvent::Type::Text) {
    g_queue.back().text += utf8;
  } else {
    InputEvent e = uia::web::make_event(InputEvent::Type::Text);
    e.text = utf8;
    g_queue.push_back(std::move(e));
  }
  uia::web::wake();
}

EMSCRIPTEN_KEEPALIVE void uia_on_blur() {
  g_queue.push_back(uia::web::make_event(InputEvent::Type::Focus));
  uia::web::wake();
}

// The location's #fragment changed (a QR login link opened in this tab): the app reads it next frame.
EMSCRIPTEN_KEEPALIVE void uia_on_hashchange() { uia::web::wake(); }

EMSCRIPTEN_KEEPALIVE void uia_on_scroll(float y) {
  uia::web::g_document_scroll = std::max(0.0f, y);
  uia::web::wake();
}

EMSCRIPTEN_KEEPALIVE void uia_wake() { uia::web::wake(); }

}  // extern "C"
