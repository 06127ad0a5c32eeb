// The browser as Dear ImGui's platform: display size and pixel ratio, pointer and keyboard
// input, document scrolling. JavaScript (glue.js) calls the uia_on_* exports; the frame loop
// drains the queued events into ImGuiIO with at most one transition per key/button per frame,
// so a click or key press that starts and ends between two frames is never lost (Dear ImGui
// 1.86 samples state; the input queue arrived only in 1.87).
#pragma once

struct ImGuiIO;

namespace uia::web {

struct Display {
  float width = 1.0f;   // CSS pixels (Dear ImGui works in CSS pixels)
  float height = 1.0f;
  float dpr = 1.0f;     // devicePixelRatio: framebuffer pixels per CSS pixel
  int fb_width = 1;     // canvas backing store
  int fb_height = 1;
};

const Display& display();
// True once after devicePixelRatio changed (browser zoom, moved to another screen).
bool take_pixel_ratio_changed();

void init_input(ImGuiIO& io);
// Feeds queued events to io; returns true if any event was applied.
bool apply_queued_input(ImGuiIO& io);

// The document's scroll offset (CSS px) as the browser reports it.
float document_scroll();

// Frame pacing: a frame is drawn when input arrived, when something asked for frames (network
// answers, animations), and a few times a second while a text field shows its caret.
void wake(int frames = 1);
// Draw a frame no later than `seconds` from now (timers: countdowns, captcha expiry).
void wake_after(double seconds);
bool should_draw_frame(double now_seconds, bool text_active);

}  // namespace uia::web
