#include "ui.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "a11y.h"
#include "fonts.h"
#include "imgui_internal.h"  // GImGui->NavDisableHighlight: is keyboard navigation showing?
#include "platform.h"

namespace uia::web::ui {
namespace {

ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Keyboard navigation (arrow keys, Space to press) rests on the item just drawn: the mirror
// marks it data-focused like a text field with focus, so a keyboard-only user's screen reader
// and the tests know where they are. Not after a mouse click (no highlight shown then).
bool keyboard_focused() { return ImGui::IsItemFocused() && !GImGui->NavDisableHighlight; }

void hand_cursor_if_hovered() {
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

void label_text(const char* label, bool required) {
  if (required) {
    ImGui::PushStyleColor(ImGuiCol_Text, rgba(color::kError));
    ImGui::TextUnformatted("*");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 4);
  }
  ImGui::TextUnformatted(label);
}

constexpr float kRevealWidth = 52.0f;
constexpr float kRevealGap = 6.0f;

// 显示 / 隐藏 right of a password input: people check what they typed on a phone keyboard.
// Named after the field ("显示新密码") so each toggle has its own accessible name.
void reveal_toggle(const char* field_label, Field& field) {
  ImGui::SameLine(0, kRevealGap);
  const char* shown = field.revealed ? "隐藏" : "显示";
  std::string name = std::string(shown) + field_label;
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(color::kPrimary));
  bool pressed = ImGui::Button((std::string(shown) + "###reveal").c_str(), ImVec2(kRevealWidth, ImGui::GetFrameHeight()));
  ImGui::PopStyleColor();
  hand_cursor_if_hovered();
  if (pressed) field.revealed = !field.revealed;
  a11y::Node n;
  n.role = a11y::Role::Button;
  n.focused = keyboard_focused();
  n.label = name;
  n.text = shown;
  n.checked = field.revealed;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
}

float label_width(const char* label, bool required) {
  float w = ImGui::CalcTextSize(label).x;
  if (required) w += ImGui::CalcTextSize("*").x + 4;
  return w;
}

}  // namespace

void Field::set(std::string_view v) {
  size_t n = std::min(v.size(), sizeof text - 1);
  std::memcpy(text, v.data(), n);
  text[n] = '\0';
}

void apply_style() {
  ImGuiStyle& s = ImGui::GetStyle();
  ImGui::StyleColorsLight(&s);
  s.WindowPadding = ImVec2(0, 0);
  s.WindowBorderSize = 0;
  s.WindowRounding = 0;
  s.FramePadding = ImVec2(10, 8);
  s.FrameRounding = 4;
  s.FrameBorderSize = 1;
  s.ItemSpacing = ImVec2(8, 6);
  s.ItemInnerSpacing = ImVec2(8, 6);
  s.PopupRounding = 4;
  s.PopupBorderSize = 1;
  s.GrabRounding = 4;
  s.ScrollbarRounding = 6;
  s.TouchExtraPadding = ImVec2(0, 0);

  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = rgba(color::kText);
  c[ImGuiCol_TextDisabled] = rgba(IM_COL32(150, 156, 165, 255));
  c[ImGuiCol_WindowBg] = rgba(color::kPage);
  c[ImGuiCol_PopupBg] = rgba(color::kCard);
  c[ImGuiCol_Border] = rgba(color::kBorder);
  c[ImGuiCol_FrameBg] = rgba(color::kCard);
  c[ImGuiCol_FrameBgHovered] = rgba(color::kCard);
  c[ImGuiCol_FrameBgActive] = rgba(color::kCard);
  c[ImGuiCol_CheckMark] = rgba(color::kPrimary);
  c[ImGuiCol_Button] = rgba(color::kCard);
  c[ImGuiCol_ButtonHovered] = rgba(IM_COL32(235, 242, 252, 255));
  c[ImGuiCol_ButtonActive] = rgba(IM_COL32(214, 228, 248, 255));
  c[ImGuiCol_Header] = rgba(IM_COL32(225, 236, 250, 255));
  c[ImGuiCol_HeaderHovered] = rgba(IM_COL32(235, 242, 252, 255));
  c[ImGuiCol_HeaderActive] = rgba(IM_COL32(214, 228, 248, 255));
  c[ImGuiCol_TextSelectedBg] = rgba(IM_COL32(30, 100, 200, 80));
  c[ImGuiCol_NavHighlight] = rgba(color::kPrimary);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
}

bool TextField(const Form& form, const TextFieldSpec& spec, Field& field, bool invalid) {
  ImGui::PushID(spec.label);
  if (form.wide) {
    ImGui::SetCursorPosX(form.x + form.label_w - label_width(spec.label, spec.required));
    ImGui::AlignTextToFramePadding();
    label_text(spec.label, spec.required);
    ImGui::SameLine(0, 0);
    ImGui::SetCursorPosX(form.field_x());
  } else {
    ImGui::SetCursorPosX(form.x);
    label_text(spec.label, spec.required);
    ImGui::SetCursorPosX(form.x);
  }

  const bool password = spec.keyboard == Keyboard::Password;
  float width = form.field_w() - (spec.trailing > 0 ? spec.trailing + form.gap : 0);
  if (password) width -= kRevealWidth + kRevealGap;
  ImGui::SetNextItemWidth(width);
  ImGuiInputTextFlags flags = spec.flags;
  if (password && !field.revealed) flags |= ImGuiInputTextFlags_Password;
  if (spec.read_only) flags |= ImGuiInputTextFlags_ReadOnly;
  if (field.focus_request) ImGui::SetKeyboardFocusHere();
  ImGui::PushStyleColor(ImGuiCol_Border, rgba(invalid ? color::kError : color::kBorder));
  if (spec.read_only) ImGui::PushStyleColor(ImGuiCol_FrameBg, rgba(color::kPage));
  bool edited = ImGui::InputTextWithHint("##value", spec.hint, field.text, sizeof field.text, flags);
  if (spec.read_only) ImGui::PopStyleColor();
  ImGui::PopStyleColor();
  if (field.focus_request) {
    ImGui::SetScrollHereY(0.3f);
    field.focus_request = false;
    // Dear ImGui applies the focus in the next frame: make sure there is one even when
    // nothing else changes (a client-side check that only moves the focus).
    wake(2);
  }
  const bool active = ImGui::IsItemActive();
  field.enter = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  if (edited) {
    field.dirty = true;
    field.server_error.clear();
  }
  if (field.active && !active) field.visited = true;
  field.active = active;
  if (active) {
    // The outline shows which field has focus.
    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                        invalid ? color::kError : color::kPrimary,
                                        ImGui::GetStyle().FrameRounding, 0, 2.0f);
  }

  a11y::Node n;
  n.role = a11y::Role::Textbox;
  n.label = spec.label;
  a11y::set_last_item_rect(n);
  // Even when shown in clear the value stays out of the mirror (it is a password).
  n.password = password;
  n.keyboard = static_cast<int>(spec.keyboard);
  n.text = n.password ? std::string() : std::string(field.text);
  n.has_value = true;
  n.focused = active;
  n.invalid = invalid;
  n.required = spec.required;
  n.disabled = spec.read_only;
  n.field = spec.field;
  a11y::add(std::move(n));
  if (password) reveal_toggle(spec.label, field);
  ImGui::PopID();
  return edited;
}

void Trailing(const Form& form, const TextFieldSpec& spec) {
  ImGui::SameLine(0, 0);
  ImGui::SetCursorPosX(form.field_x() + form.field_w() - spec.trailing);
}

void FieldError(const Form& form, std::string_view message, const char* field) {
  if (message.empty()) {
    RowGap();
    return;
  }
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::SetCursorPosX(form.field_x());
  const std::string wrapped = WrapText(message, form.field_w());
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(color::kError));
  ImGui::TextUnformatted(wrapped.c_str());
  ImGui::PopStyleColor();
  a11y::Node n;
  n.role = a11y::Role::Alert;
  n.label = std::string(message);
  n.text = std::string(message);
  n.field = field;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  RowGap(8);
}

void RowLabel(const Form& form, const char* label, bool required) {
  if (form.wide) {
    ImGui::SetCursorPosX(form.x + form.label_w - label_width(label, required));
    ImGui::AlignTextToFramePadding();
    label_text(label, required);
    ImGui::SameLine(0, 0);
    ImGui::SetCursorPosX(form.field_x());
  } else {
    ImGui::SetCursorPosX(form.x);
    label_text(label, required);
    ImGui::SetCursorPosX(form.x);
  }
}

void RowGap(float h) { ImGui::Dummy(ImVec2(1, h)); }

void AlignCompactRow() { ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4); }

bool PrimaryButton(const char* label, ImVec2 size, bool disabled) {
  ImGui::PushStyleColor(ImGuiCol_Button, rgba(color::kPrimary));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgba(IM_COL32(43, 120, 228, 255)));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgba(IM_COL32(24, 82, 166, 255)));
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(IM_COL32_WHITE));
  ImGui::PushStyleColor(ImGuiCol_Border, rgba(color::kPrimary));
  ImGui::BeginDisabled(disabled);
  bool pressed = ImGui::Button(label, size);
  ImGui::EndDisabled();
  ImGui::PopStyleColor(5);
  hand_cursor_if_hovered();
  a11y::Node n;
  n.role = a11y::Role::Button;
  n.focused = keyboard_focused();
  n.label = label;
  n.text = label;
  n.disabled = disabled;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return pressed && !disabled;
}

bool SecondaryButton(const char* label, ImVec2 size, bool disabled) {
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(disabled ? color::kMuted : color::kPrimary));
  ImGui::PushStyleColor(ImGuiCol_Border, rgba(disabled ? color::kBorder : color::kPrimary));
  ImGui::BeginDisabled(disabled);
  bool pressed = ImGui::Button(label, size);
  ImGui::EndDisabled();
  ImGui::PopStyleColor(2);
  hand_cursor_if_hovered();
  a11y::Node n;
  n.role = a11y::Role::Button;
  n.focused = keyboard_focused();
  n.label = label;
  n.text = label;
  n.disabled = disabled;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return pressed && !disabled;
}

bool CountdownButton(const char* label, double seconds_left, ImVec2 size, bool busy) {
  const bool waiting = seconds_left > 0;
  char shown[64];
  if (waiting)
    std::snprintf(shown, sizeof shown, "%d秒后重发", static_cast<int>(seconds_left + 0.999));
  else
    std::snprintf(shown, sizeof shown, "%s", busy ? "发送中…" : label);
  const bool disabled = waiting || busy;
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(disabled ? color::kMuted : color::kPrimary));
  ImGui::PushStyleColor(ImGuiCol_Border, rgba(disabled ? color::kBorder : color::kPrimary));
  ImGui::BeginDisabled(disabled);
  // "###" keeps the widget's identity while its text counts down.
  bool pressed = ImGui::Button((std::string(shown) + "###" + label).c_str(), size);
  ImGui::EndDisabled();
  ImGui::PopStyleColor(2);
  hand_cursor_if_hovered();
  a11y::Node n;
  n.role = a11y::Role::Button;
  n.focused = keyboard_focused();
  n.label = label;
  n.text = label;  // the name stays what it is; the countdown is its description
  if (waiting || busy) n.description = shown;
  n.disabled = disabled;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return pressed && !disabled;
}

bool LinkButton(const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(color::kPrimary));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 8));
  bool pressed = ImGui::Button(label);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(4);
  if (ImGui::IsItemHovered()) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    float y = b.y - 7;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x + 4, y), ImVec2(b.x - 4, y), color::kPrimary);
  }
  hand_cursor_if_hovered();
  a11y::Node n;
  n.role = a11y::Role::Button;
  n.focused = keyboard_focused();
  n.label = label;
  n.text = label;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return pressed;
}

bool Checkbox(const char* label, bool* value) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 4));
  bool changed = ImGui::Checkbox(label, value);
  ImGui::PopStyleVar();
  hand_cursor_if_hovered();
  a11y::Node n;
  n.role = a11y::Role::Checkbox;
  n.focused = keyboard_focused();
  n.label = label;
  n.checked = *value;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return changed;
}

bool RadioButton(const char* label, bool active) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 4));
  bool pressed = ImGui::RadioButton(label, active);
  ImGui::PopStyleVar();
  hand_cursor_if_hovered();
  a11y::Node n;
  n.role = a11y::Role::Radio;
  n.focused = keyboard_focused();
  n.label = label;
  n.checked = active;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return pressed;
}

bool Tab(const char* label, bool selected, float width) {
  const float height = ImGui::GetFrameHeight() + 6;
  ImGui::PushID(label);
  bool pressed = ImGui::InvisibleButton("##tab", ImVec2(width, height));
  ImGui::PopID();
  hand_cursor_if_hovered();
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 ts = ImGui::CalcTextSize(label);
  ImU32 text_color = selected ? color::kPrimary : (ImGui::IsItemHovered() ? color::kText : color::kMuted);
  dl->AddText(ImVec2(a.x + (width - ts.x) * 0.5f, a.y + (height - ts.y) * 0.5f), text_color, label);
  dl->AddLine(ImVec2(a.x, b.y - 1), ImVec2(b.x, b.y - 1), color::kBorder);
  if (selected) dl->AddRectFilled(ImVec2(a.x + 8, b.y - 3), ImVec2(b.x - 8, b.y), color::kPrimary);
  a11y::Node n;
  n.role = a11y::Role::Tab;
  n.focused = keyboard_focused();
  n.label = label;
  n.checked = selected;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return pressed;
}

bool Combo(const char* label, int* index, const char* const items[], int count, float width) {
  bool changed = false;
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(width);
  const char* preview = (*index >= 0 && *index < count) ? items[*index] : "";
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));  // the popup's padding
  bool open = ImGui::BeginCombo("##combo", preview, ImGuiComboFlags_HeightLargest);
  ImGui::PopStyleVar();
  hand_cursor_if_hovered();
  a11y::Node n;
  n.role = a11y::Role::Combobox;
  n.focused = keyboard_focused();
  n.label = label;
  n.text = preview;
  n.has_value = true;
  n.expanded = open;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  if (open) {
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    for (int i = 0; i < count; ++i) {
      bool selected = i == *index;
      // Rows as tall as an input: easy to hit with a finger.
      if (ImGui::Selectable(items[i], selected, 0, ImVec2(0, ImGui::GetFrameHeight()))) {
        changed = *index != i;
        *index = i;
      }
      if (selected) ImGui::SetItemDefaultFocus();
      a11y::Node o;
      o.role = a11y::Role::Option;
      o.label = items[i];
      o.checked = selected;
      a11y::set_last_item_rect(o);
      a11y::add(std::move(o));
    }
    ImGui::PopStyleVar();
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

bool Combo(const char* label, int* index, const std::vector<std::string_view>& items, float width) {
  // Every label comes from a std::string or a literal: its data() is NUL-terminated.
  std::vector<const char*> texts;
  texts.reserve(items.size());
  for (std::string_view item : items) texts.push_back(item.data());
  return Combo(label, index, texts.data(), static_cast<int>(texts.size()), width);
}

std::vector<std::string_view> CatalogueLabels(const std::vector<CatalogueEntry>& catalogue) {
  std::vector<std::string_view> labels;
  labels.reserve(catalogue.size());
  for (const auto& entry : catalogue) labels.push_back(entry.label);
  return labels;
}

std::string_view CatalogueCode(const std::vector<CatalogueEntry>& catalogue, int pick) {
  if (catalogue.empty()) return {};
  return catalogue[std::clamp(pick, 0, static_cast<int>(catalogue.size()) - 1)].code;
}

int CatalogueIndex(const std::vector<CatalogueEntry>& catalogue, std::string_view code) {
  for (std::size_t i = 0; i < catalogue.size(); ++i)
    if (catalogue[i].code == code) return static_cast<int>(i);
  return 0;
}

void Heading(const char* text, int level) {
  ImGui::PushFont(fonts::heading());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  a11y::Node n;
  n.role = a11y::Role::Heading;
  n.label = text;
  n.text = text;
  n.level = level;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
}

void MessageBox(std::string_view text, Tone tone, float width) {
  if (text.empty()) return;
  const ImVec2 pad(12, 10);
  const std::string wrapped = WrapText(text, width - pad.x * 2);
  ImVec2 ts = ImGui::CalcTextSize(wrapped.c_str());
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImVec2 size(width, ts.y + pad.y * 2);
  ImU32 fg = tone == Tone::Error ? color::kError : tone == Tone::Success ? color::kSuccess : color::kPrimary;
  ImU32 bg = tone == Tone::Error ? IM_COL32(254, 236, 235, 255)
             : tone == Tone::Success ? IM_COL32(231, 246, 239, 255)
                                     : IM_COL32(235, 242, 252, 255);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, 4);
  dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), (fg & 0x00FFFFFF) | 0x66000000, 4);
  ImGui::SetCursorScreenPos(ImVec2(p.x + pad.x, p.y + pad.y));
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(fg));
  ImGui::TextUnformatted(wrapped.c_str());
  ImGui::PopStyleColor();
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(size);
  a11y::Node n;
  n.role = tone == Tone::Info ? a11y::Role::Status : a11y::Role::Alert;
  n.label = std::string(text);
  n.text = std::string(text);
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
}

void Note(std::string_view text, float wrap_width, ImU32 color) {
  const std::string wrapped = WrapText(text, wrap_width);
  ImGui::PushStyleColor(ImGuiCol_Text, rgba(color));
  ImGui::TextUnformatted(wrapped.c_str());
  ImGui::PopStyleColor();
}

namespace {

// Characters that must not begin a line (the usual Chinese line-breaking rule).
bool closes(std::string_view ch) {
  static constexpr std::string_view kClosing[] = {"，", "。", "；", "：", "、", "！", "？", "）", "》", "」", "”", "’",
                                                  ",", ".", ";", ":", "!", "?", ")"};
  for (std::string_view c : kClosing)
    if (ch == c) return true;
  return false;
}

// The next break unit: one non-ASCII character, one space, or a run of other ASCII characters.
size_t unit_length(std::string_view s) {
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 0x80) {
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return std::min(n, s.size());
  }
  if (c == ' ' || c == '\n') return 1;
  size_t n = 0;
  while (n < s.size() && static_cast<unsigned char>(s[n]) < 0x80 && s[n] != ' ' && s[n] != '\n') ++n;
  return n;
}

}  // namespace

std::string WrapText(std::string_view text, float width) {
  std::string out;
  float line_w = 0;
  size_t line_start = 0;     // in `out`
  size_t last_unit = std::string::npos;  // start in `out` of the previous unit on this line
  while (!text.empty()) {
    const size_t n = unit_length(text);
    std::string_view unit = text.substr(0, n);
    text.remove_prefix(n);
    if (unit == "\n") {
      out += '\n';
      line_w = 0;
      line_start = out.size();
      last_unit = std::string::npos;
      continue;
    }
    const float w = ImGui::CalcTextSize(unit.data(), unit.data() + unit.size()).x;
    if (line_w + w > width && out.size() > line_start) {
      if (unit == " ") continue;  // a space at the break disappears
      if (closes(unit) && last_unit != std::string::npos && last_unit > line_start) {
        // Take the previous character along so the punctuation does not start the line.
        std::string carried = out.substr(last_unit);
        out.resize(last_unit);
        out += '\n';
        line_start = out.size();
        out += carried;
        line_w = ImGui::CalcTextSize(carried.c_str()).x;
      } else {
        while (out.size() > line_start && out.back() == ' ') out.pop_back();
        out += '\n';
        line_start = out.size();
        line_w = 0;
      }
    }
    last_unit = out.size();
    out.append(unit);
    line_w += w;
  }
  return out;
}

bool ImageButton(const char* label, ImTextureID texture, ImVec2 size, std::string_view placeholder,
                 ImVec2 image_size) {
  ImGui::PushID(label);
  bool pressed = ImGui::InvisibleButton("##image", size);
  ImGui::PopID();
  hand_cursor_if_hovered();
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (texture) {
    // Fit the picture into the box keeping its aspect ratio.
    ImVec2 img = image_size.x > 0 && image_size.y > 0 ? image_size : size;
    float scale = std::min(size.x / img.x, size.y / img.y);
    ImVec2 d(img.x * scale, img.y * scale);
    ImVec2 p0(a.x + (size.x - d.x) * 0.5f, a.y + (size.y - d.y) * 0.5f);
    dl->AddRectFilled(a, b, IM_COL32_WHITE, 4);
    dl->AddImage(texture, p0, ImVec2(p0.x + d.x, p0.y + d.y));
  } else {
    dl->AddRectFilled(a, b, color::kPage, 4);
    ImVec2 ts = ImGui::CalcTextSize(placeholder.data(), placeholder.data() + placeholder.size());
    dl->AddText(ImVec2(a.x + (size.x - ts.x) * 0.5f, a.y + (size.y - ts.y) * 0.5f), color::kMuted,
                placeholder.data(), placeholder.data() + placeholder.size());
  }
  dl->AddRect(a, b, color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::Button;
  n.focused = keyboard_focused();
  n.label = label;
  n.text = std::string(placeholder);
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  return pressed;
}

}  // namespace uia::web::ui
