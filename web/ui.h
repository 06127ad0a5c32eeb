// Form widgets for the pages: a labelled text field with its live error line, buttons, a
// checkbox, radio buttons, tabs, a combo, headings and message boxes. Each one draws with
// Dear ImGui and records itself in the accessibility mirror (a11y.h), so pages never have to.
// Layout: labels left of fields on wide screens (>= 600 CSS px), above them on narrow ones.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "profile/profile.h"

#include "imgui.h"

namespace uia::web::ui {

// Colours of the theme (also used by pages for custom drawing).
namespace color {
constexpr ImU32 kPrimary = IM_COL32(30, 100, 200, 255);
constexpr ImU32 kText = IM_COL32(31, 35, 41, 255);
constexpr ImU32 kMuted = IM_COL32(100, 106, 115, 255);
constexpr ImU32 kError = IM_COL32(217, 45, 32, 255);
constexpr ImU32 kSuccess = IM_COL32(18, 128, 92, 255);
constexpr ImU32 kBorder = IM_COL32(208, 213, 221, 255);
constexpr ImU32 kPage = IM_COL32(242, 244, 247, 255);
constexpr ImU32 kCard = IM_COL32(255, 255, 255, 255);
}  // namespace color

void apply_style();

// One editable text value and what the user has done with it.
struct Field {
  // Room for 150 Chinese characters (申诉备注, 3 bytes each in UTF-8) and then some.
  char text[640] = "";
  bool dirty = false;       // edited at least once
  bool visited = false;     // was focused and then left
  bool active = false;      // has keyboard focus now
  bool focus_request = false;
  bool enter = false;       // Enter was pressed in it this frame
  bool revealed = false;    // password field: shown in clear by its 显示 toggle
  std::string server_error;  // message the server gave for this field; cleared on edit

  std::string_view str() const { return text; }
  bool empty() const { return text[0] == '\0'; }
  void set(std::string_view v);
  void reset() { *this = Field{}; }
  // Live checking shows a field's message once the user has typed in it or left it, or after
  // a submit attempt (so untouched fields are not red from the start).
  bool should_show_error(bool submitted) const { return dirty || visited || submitted; }
};

struct Form {
  bool wide = true;
  float x = 0;          // left edge (window coordinates)
  float width = 300;
  float label_w = 120;  // wide layout: label column
  float gap = 12;
  float field_x() const { return wide ? x + label_w + gap : x; }
  float field_w() const { return wide ? width - label_w - gap : width; }
};

enum class Keyboard { Text, Password, Digits };

struct TextFieldSpec {
  const char* label = "";   // visible label = aria-label
  const char* hint = "";    // placeholder
  const char* field = "";   // REST field name
  bool required = true;
  Keyboard keyboard = Keyboard::Text;
  ImGuiInputTextFlags flags = 0;
  float trailing = 0;       // width kept free right of the input (captcha image, SMS button)
  bool read_only = false;
};

// Label + input (+ room for a trailing widget). Returns true when the value changed.
// Draw the trailing widget right after with ui::Trailing(form, spec), then ui::FieldError.
bool TextField(const Form& form, const TextFieldSpec& spec, Field& field, bool invalid);
// Moves the cursor to the trailing slot of the field just drawn.
void Trailing(const Form& form, const TextFieldSpec& spec);
// The red message under a field (role="alert"); nothing when message is empty.
void FieldError(const Form& form, std::string_view message, const char* field = "");
// A row label without an input (for radio groups, checkboxes, static values).
void RowLabel(const Form& form, const char* label, bool required);
void RowGap(float h = 14.0f);
// Radio buttons and checkboxes are 24 px (inputs 32 px): centres them on a row's label.
void AlignCompactRow();

bool PrimaryButton(const char* label, ImVec2 size, bool disabled = false);
bool SecondaryButton(const char* label, ImVec2 size, bool disabled = false);
// 获取验证码 with its countdown: while seconds_left > 0 it shows "59秒后重发" and is disabled.
// The mirror keeps `label` as its name (tests and screen readers find one button), the shown
// text as its content.
bool CountdownButton(const char* label, double seconds_left, ImVec2 size, bool busy);
bool LinkButton(const char* label);
bool Checkbox(const char* label, bool* value);
bool RadioButton(const char* label, bool active);
bool Tab(const char* label, bool selected, float width);
// Combo box; returns true when the selection changed.
bool Combo(const char* label, int* index, const char* const items[], int count, float width);
// Combo box over labels held elsewhere (a profile catalogue's, the ID-type catalogue's): the
// pick is an index into `items`; the strings must outlive the call.
bool Combo(const char* label, int* index, const std::vector<std::string_view>& items, float width);
// The labels of a profile catalogue, in its order, for the Combo above.
std::vector<std::string_view> CatalogueLabels(const std::vector<CatalogueEntry>& catalogue);
// The code of the picked entry (the pick clamped into the catalogue); empty for an empty one.
std::string_view CatalogueCode(const std::vector<CatalogueEntry>& catalogue, int pick);
// The index of `code` in the catalogue; 0 when it is not there.
int CatalogueIndex(const std::vector<CatalogueEntry>& catalogue, std::string_view code);
void Heading(const char* text, int level = 1);
// Boxed message (server errors, success): role="alert".
enum class Tone { Error, Success, Info };
void MessageBox(std::string_view text, Tone tone, float width);
void Note(std::string_view text, float wrap_width, ImU32 color = color::kMuted);
// Line breaks for Chinese text in the current font: between any two characters, at spaces in
// Latin runs (numbers, addresses, dates stay whole), and never with closing punctuation (，。；)
// at the start of a line (Dear ImGui's word wrap leaves a lone "。" on the next line).
std::string WrapText(std::string_view text, float width);
// Draws a texture (e.g. captcha) as a button; returns true when clicked.
bool ImageButton(const char* label, ImTextureID texture, ImVec2 size, std::string_view placeholder,
                 ImVec2 image_size = ImVec2(0, 0));

}  // namespace uia::web::ui
