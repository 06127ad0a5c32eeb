#include "a11y.h"

#include <cmath>
#include <unordered_map>
#include <vector>

#include "js_bridge.h"
#include "json.h"

namespace uia::web::a11y {
namespace {

std::vector<Node> g_nodes;
std::string g_last_json;    // last frame's mirror
std::string g_pushed_json;  // what the page shows
Node g_focused;
bool g_has_focused = false;
float g_scroll = 0.0f;

const char* role_name(Role r) {
  switch (r) {
    case Role::Heading: return "heading";
    case Role::Textbox: return "textbox";
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Checkbox: return "checkbox";
    case Role::Radio: return "radio";
    case Role::Tab: return "tab";
    case Role::Combobox: return "combobox";
    case Role::Option: return "option";
    case Role::Alert: return "alert";
    case Role::Status: return "status";
    case Role::Image: return "img";
    case Role::ListItem: return "listitem";
  }
  return "generic";
}

void append_number(std::string& out, float v) { out += std::to_string(static_cast<long>(std::lround(v))); }

}  // namespace

void begin_frame() {
  g_nodes.clear();
  g_has_focused = false;
}

void set_scroll_offset(float y) { g_scroll = y; }

void add(Node node) {
  if (node.role == Role::Textbox && node.focused) {
    g_focused = node;
    g_has_focused = true;
  }
  g_nodes.push_back(std::move(node));
}

const Node* focused_textbox() { return g_has_focused ? &g_focused : nullptr; }

bool end_frame() {
  // Positions are document coordinates: the canvas is fixed and the document scrolls, so a
  // widget's place in the document is its screen position plus the scroll offset.
  const float scroll = g_scroll;
  std::unordered_map<std::string, int> seen;
  std::string json = "[";
  for (const Node& n : g_nodes) {
    // A stable key lets glue.js update elements in place (screen readers keep their place and
    // alerts are announced once, when they appear).
    std::string key = std::string(role_name(n.role)) + ":" + (n.label.empty() ? n.text : n.label);
    int dup = seen[key]++;
    if (dup) key += "#" + std::to_string(dup);

    if (json.size() > 1) json += ',';
    json += "{\"k\":";
    append_json_string(json, key);
    json += ",\"r\":\"";
    json += role_name(n.role);
    json += "\",\"l\":";
    append_json_string(json, n.label);
    json += ",\"x\":";
    append_number(json, n.min.x);
    json += ",\"y\":";
    append_number(json, n.min.y + scroll);
    json += ",\"w\":";
    append_number(json, std::max(1.0f, n.max.x - n.min.x));
    json += ",\"h\":";
    append_number(json, std::max(1.0f, n.max.y - n.min.y));
    if (!n.text.empty() && !n.password) {
      json += ",\"t\":";
      append_json_string(json, n.text);
    }
    if (n.has_value && !n.password) json += ",\"v\":1";
    if (n.role == Role::Checkbox || n.role == Role::Radio) json += n.checked ? ",\"c\":1" : ",\"c\":0";
    if (n.role == Role::Tab || n.role == Role::Option) json += n.checked ? ",\"s\":1" : ",\"s\":0";
    if (n.role == Role::Combobox) json += n.expanded ? ",\"e\":1" : ",\"e\":0";
    if (n.role == Role::Heading) json += ",\"lv\":" + std::to_string(n.level);
    if (n.focused) json += ",\"f\":1";
    if (n.disabled) json += ",\"d\":1";
    if (n.invalid) json += ",\"i\":1";
    if (n.required) json += ",\"q\":1";
    if (n.password) json += ",\"p\":1";
    if (n.keyboard) json += ",\"kb\":" + std::to_string(n.keyboard);
    if (!n.field.empty()) {
      json += ",\"fd\":";
      append_json_string(json, n.field);
    }
    if (!n.description.empty()) {
      json += ",\"ds\":";
      append_json_string(json, n.description);
    }
    json += '}';
  }
  json += ']';
  const bool changed = json != g_last_json;
  if (changed) g_last_json = std::move(json);
  return changed;
}

void publish() {
  if (g_last_json == g_pushed_json) return;
  g_pushed_json = g_last_json;
  js::push_mirror(g_pushed_json);
}

}  // namespace uia::web::a11y
