// The accessibility mirror (API-CONTRACT.md, "Web client: accessibility mirror"): every frame
// the widgets record what they are and where they are; at the end of the frame the list goes to
// glue.js as JSON, only when it changed, and glue.js keeps <div id="uia-a11y"> in step: one
// absolutely positioned, pointer-events:none element per widget with standard ARIA roles.
#pragma once
#include <string>
#include <string_view>

#include "imgui.h"

namespace uia::web::a11y {

enum class Role { Heading, Textbox, Button, Link, Checkbox, Radio, Tab, Combobox, Option, Alert, Status, Image, ListItem };

struct Node {
  Role role = Role::Button;
  std::string label;     // aria-label: the visible label of the widget
  ImVec2 min, max;       // screen rectangle (CSS px) as Dear ImGui drew it
  std::string text;      // text content (alerts, headings, textbox value)
  bool has_value = false;  // textbox: expose `text` as the value (text content + data-value; never for passwords)
  bool checked = false;    // checkbox, radio (aria-checked); tab, option (aria-selected)
  bool focused = false;    // the text field that holds keyboard focus (data-focused="true")
  bool disabled = false;
  bool invalid = false;    // textbox whose check failed (aria-invalid)
  bool required = false;
  bool expanded = false;   // combobox popup open
  bool password = false;
  int keyboard = 0;        // textbox: 0 text, 1 password, 2 digits (for the IME input)
  int level = 1;           // heading level
  std::string field;       // REST field name the widget edits or the alert is about
  // aria-description: a state the canvas shows beside the name (a send-code button's
  // "59秒后重发"), read after the name without changing it (WCAG 2.5.3 label in name).
  std::string description;
};

void begin_frame();
// The root window's scroll offset used for this frame (screen + offset = document position).
void set_scroll_offset(float y);
void add(Node node);
// Builds the mirror of this frame; returns true if it differs from the previous frame's.
bool end_frame();
// Sends the mirror to the page if it differs from what the page shows.
void publish();

// Rectangle of the last Dear ImGui item.
inline void set_last_item_rect(Node& n) {
  n.min = ImGui::GetItemRectMin();
  n.max = ImGui::GetItemRectMax();
}

// The text field with keyboard focus this frame (for placing the IME input), if any.
const Node* focused_textbox();

}  // namespace uia::web::a11y
