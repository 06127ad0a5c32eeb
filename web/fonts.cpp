#include "fonts.h"

#include "appeals/appeals.h"
#include "profile/profile.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "profile/profile.h"

namespace uia::web::fonts {
namespace {

constexpr float kBodySize = 16.0f;
constexpr float kHeadingSize = 22.0f;
// Everything the heading font must draw (page titles and the banner): a title added to a page
// must be added here too (tests check every heading with uia_missing_heading_glyphs).
// The banner shows the profile's platform_name: the built-in profiles' names are added from the
// profiles themselves (build), and a name a config sets is drawn in the body font when the
// heading font lacks a character of it (heading_draws).
constexpr const char* kHeadingText = "统一身份认证平台用户登录个人注册成功账号激活找回密码中心绑定邮箱保问题收货寄地址管理基本信息编辑新增人脸识别上传明材料法企业扫确授权亲属我的给经办选择申请为工作员审核案件诉内容涉及处理记操查询冻结进度";

unsigned char* g_ttf = nullptr;
int g_ttf_size = 0;
ImFont* g_body = nullptr;
ImFont* g_heading = nullptr;
GLuint g_texture = 0;
ImVector<ImWchar> g_heading_ranges;

// Broad ranges: Dear ImGui skips code points the subset does not contain, so the atlas holds
// exactly the subset's glyphs.
const ImWchar kBodyRanges[] = {
    0x0020, 0x00FF,  // ASCII, Latin-1
    0x0100, 0x01FF,  // Latin extended (pinyin tone marks)
    0x2000, 0x206F,  // general punctuation
    0x2100, 0x22FF,  // letterlike symbols, arrows, maths
    0x2460, 0x24FF,  // enclosed numbers
    0x25A0, 0x26FF,  // shapes, symbols
    0x3000, 0x303F,  // CJK symbols and punctuation
    0x4E00, 0x9FFF,  // CJK unified ideographs
    0xFF00, 0xFFEF,  // full-width forms
    0xFFFD, 0xFFFD,
    0,
};

// LUMINANCE_ALPHA = 2 bytes per texel instead of the backend's RGBA (4): the CJK atlas is big.
// Samples as (L, L, L, A) = (1, 1, 1, coverage), exactly what the RGBA path would give.
void upload_texture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* alpha = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsAlpha8(&alpha, &width, &height);
  if (g_texture) glDeleteTextures(1, &g_texture);
  glGenTextures(1, &g_texture);
  glBindTexture(GL_TEXTURE_2D, g_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, width, height, 0, GL_LUMINANCE_ALPHA,
               GL_UNSIGNED_BYTE, nullptr);
  // Convert in bands so the temporary buffer stays small.
  const int band = std::max(1, std::min(height, (1 << 20) / std::max(width, 1)));
  std::vector<unsigned char> la(static_cast<size_t>(width) * band * 2);
  for (int y0 = 0; y0 < height; y0 += band) {
    int rows = std::min(band, height - y0);
    const unsigned char* src = alpha + static_cast<size_t>(y0) * width;
    for (size_t i = 0, n = static_cast<size_t>(rows) * width; i < n; ++i) {
      la[i * 2] = 255;
      la[i * 2 + 1] = src[i];
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y0, width, rows, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE,
                    la.data());
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_texture)));
  io.Fonts->ClearTexData();  // the GPU has it; free the CPU copy
  std::printf("uia: font atlas %dx%d (%.1f MB texture)\n", width, height,
              width * height * 2 / 1048576.0);
}

// CPU only (no GL call): the atlas is rasterised before the GL context exists.
void build(float scale, int max_texture) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  io.Fonts->TexGlyphPadding = 1;
  io.Fonts->TexDesiredWidth = std::min(4096, max_texture);

  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // g_ttf outlives atlas rebuilds
  config.OversampleH = 1;                // rasterised at the device pixel size already
  config.OversampleV = 1;
  config.PixelSnapH = true;
  g_body = io.Fonts->AddFontFromMemoryTTF(g_ttf, g_ttf_size, kBodySize * scale, &config,
                                          kBodyRanges);
  if (g_heading_ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText(kHeadingText);
    // The banner shows the province's platform name (the profile): every built-in one's.
    for (std::string_view name : builtin_profile_names()) builder.AddText(builtin_profile(name)->platform_name.c_str());
    // Each appeal kind's page is titled with its label (shared/appeals).
    for (const auto& kind : appeal_kinds()) builder.AddText(kind.label.data(), kind.label.data() + kind.label.size());
    builder.BuildRanges(&g_heading_ranges);
  }
  g_heading = io.Fonts->AddFontFromMemoryTTF(g_ttf, g_ttf_size, kHeadingSize * scale, &config,
                                             g_heading_ranges.Data);
  io.FontDefault = g_body;
  io.FontGlobalScale = 1.0f / scale;
}

// Rasterises at the device pixel size (capped: a 3x phone gets 2.5x, slightly scaled), as
// big as `max_texture` allows (small GPUs fall back to a coarser atlas).
void rasterise(float pixel_ratio, int max_texture) {
  float scale = std::clamp(pixel_ratio, 1.0f, 2.5f);
  build(scale, max_texture);
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  while ((h > max_texture || w > max_texture) && scale > 1.0f) {
    scale = std::max(1.0f, scale - 0.5f);
    build(scale, max_texture);
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  }
}

GLint max_texture_size() {
  GLint max_texture = 4096;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture);
  return max_texture;
}

}  // namespace

bool rasterise(unsigned char* ttf, int size, float pixel_ratio) {
  g_ttf = ttf;
  g_ttf_size = size;
  if (!g_ttf || g_ttf_size <= 0) return false;
  // WebGL2 guarantees 2048; every browser we target offers 4096 or more (checked in upload()).
  rasterise(pixel_ratio, 4096);
  return true;
}

void upload(float pixel_ratio) {
  // Let the OpenGL3 backend create its device objects (shaders, buffers) against a tiny
  // stand-in atlas, so that it never converts the CJK atlas to RGBA itself; then take the
  // texture over.
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas* cjk = io.Fonts;
  ImFontAtlas stand_in;
  stand_in.AddFontDefault();
  io.Fonts = &stand_in;
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  io.Fonts = cjk;
  if (!g_ttf) {
    io.Fonts->AddFontDefault();  // the built-in Latin font, so at least something renders
    upload_texture();
    g_body = g_heading = io.Fonts->Fonts[0];
    return;
  }
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  const GLint max_texture = max_texture_size();
  if (w > max_texture || h > max_texture) rasterise(pixel_ratio, max_texture);
  upload_texture();
}

void rebuild(float pixel_ratio) {
  if (!g_ttf) return;
  rasterise(pixel_ratio, max_texture_size());
  upload_texture();
}

ImFont* body() { return g_body; }
ImFont* heading() { return g_heading; }

}  // namespace uia::web::fonts

// For the browser tests: how many characters of `utf8` a font cannot draw (they would show as
// '?'). The tests pass every label and message on screen through it.
namespace {
int missing_glyphs(ImFont* font, const char* utf8) {  // also fonts::heading_draws
  if (!font || !utf8) return -1;
  int missing = 0;
  const char* end = utf8 + std::strlen(utf8);
  for (const char* p = utf8; p < end;) {
    unsigned int c = 0;
    int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
  }
  return missing;
}
}  // namespace

namespace uia::web::fonts {
bool heading_draws(const char* utf8) { return missing_glyphs(heading(), utf8) == 0; }
}  // namespace uia::web::fonts

extern "C" EMSCRIPTEN_KEEPALIVE int uia_missing_glyphs(const char* utf8) {
  return missing_glyphs(uia::web::fonts::body(), utf8);
}

// The same for the heading font, which holds only the characters of kHeadingText.
extern "C" EMSCRIPTEN_KEEPALIVE int uia_missing_heading_glyphs(const char* utf8) {
  return missing_glyphs(uia::web::fonts::heading(), utf8);
}
