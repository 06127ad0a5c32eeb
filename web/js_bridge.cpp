#include "js_bridge.h"

#include <cstdlib>

#include <emscripten.h>

#include <cstdlib>

// The JavaScript side lives in glue.js (linked with --pre-js) as Module.uiaGlue.

EM_JS(void, uia_js_install, (), { Module.uiaGlue.install(); });

EM_JS(unsigned char*, uia_js_take_font, (int* size_out), {
  var bytes = Module.uiaFontBytes;
  if (!bytes || !bytes.length) { HEAP32[size_out >> 2] = 0; return 0; }
  var ptr = _malloc(bytes.length);
  HEAPU8.set(bytes, ptr);
  HEAP32[size_out >> 2] = bytes.length;
  Module.uiaFontBytes = null;  // the wasm heap holds the only copy now
  return ptr;
});

EM_JS(int, uia_js_today, (), {
  var d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});

// A JavaScript string handed to C++: malloc'ed UTF-8 the caller frees.
EM_JS(char*, uia_js_location_hash, (), {
  var text = window.location.hash || "";
  var size = lengthBytesUTF8(text) + 1;
  var ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

EM_JS(char*, uia_js_location_origin, (), {
  var text = window.location.origin || "";
  var size = lengthBytesUTF8(text) + 1;
  var ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

EM_JS(void, uia_js_clear_hash, (), {
  if (window.location.hash) history.replaceState(null, "", window.location.pathname + window.location.search);
});

EM_JS(void, uia_js_mirror, (const char* json), { Module.uiaGlue.mirror(UTF8ToString(json)); });

EM_JS(void, uia_js_text_input, (int active, float x, float y, float w, float h, float caret_x, int kind), {
  Module.uiaGlue.textInput(active, x, y, w, h, caret_x, kind);
});

EM_JS(void, uia_js_document, (float height, float scroll_to), {
  Module.uiaGlue.document(height, scroll_to);
});

EM_JS(void, uia_js_cursor, (const char* cursor), { Module.uiaGlue.cursor(UTF8ToString(cursor)); });

EM_JS(void, uia_js_clipboard, (const char* text), { Module.uiaGlue.clipboard(UTF8ToString(text)); });

EM_JS(void, uia_js_fetch, (int id, const char* method, const char* url, const char* body, const char* csrf,
                          const char* bearer), {
  Module.uiaGlue.fetch(id, UTF8ToString(method), UTF8ToString(url), body ? UTF8ToString(body) : null,
                       csrf ? UTF8ToString(csrf) : null,
                       bearer ? { 'Authorization': 'Bearer ' + UTF8ToString(bearer) } : null);
});

EM_JS(void, uia_js_download, (const char* name, const char* type, const char* base64), {
  Module.uiaGlue.download(UTF8ToString(name), UTF8ToString(type), UTF8ToString(base64));
});

EM_JS(void, uia_js_fetch_upload_token, (int id, const char* method, const char* url, const char* body, const char* token), {
  Module.uiaGlue.fetch(id, UTF8ToString(method), UTF8ToString(url), body ? UTF8ToString(body) : null, null,
                       { 'X-Upload-Token': UTF8ToString(token) });
});

EM_JS(void, uia_js_download_url, (const char* url), {
  var a = document.createElement('a');
  a.href = UTF8ToString(url);
  a.toggleAttribute('download', true);  // the server's Content-Disposition names the file
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
});

EM_JS(void, uia_js_pick_file, (const char* accept), { Module.uiaGlue.pickFile(UTF8ToString(accept)); });

EM_JS(void, uia_js_upload_picked, (int id, const char* url, const char* kind, const char* token), {
  Module.uiaGlue.uploadPicked(id, UTF8ToString(url), UTF8ToString(kind), UTF8ToString(token));
});

EM_JS(void, uia_js_load_image, (int slot, const char* url), {
  Module.uiaGlue.loadImage(slot, UTF8ToString(url));
});

EM_JS(void, uia_js_navigate, (const char* url), { window.location.assign(UTF8ToString(url)); });

EM_JS(void, uia_js_ready, (), { Module.uiaGlue.ready(); });

EM_JS(void, uia_js_fail, (const char* message), { Module.uiaGlue.fail(UTF8ToString(message)); });

namespace uia::web::js {

void install() { uia_js_install(); }

unsigned char* take_font(int* size) { return uia_js_take_font(size); }

Date today() {
  int v = uia_js_today();
  return Date{v / 10000, (v / 100) % 100, v % 100};
}

void push_mirror(const std::string& json) { uia_js_mirror(json.c_str()); }

void set_text_input(bool active, float x, float y, float w, float h, float caret_x, int kind) {
  uia_js_text_input(active ? 1 : 0, x, y, w, h, caret_x, kind);
}

void set_document(float height, float scroll_to) { uia_js_document(height, scroll_to); }

void set_cursor(const char* css_cursor) { uia_js_cursor(css_cursor); }

void set_clipboard(const std::string& text) { uia_js_clipboard(text.c_str()); }

void fetch(int request_id, const char* method, const char* url, const std::string& body, const std::string& csrf,
           const std::string& bearer) {
  uia_js_fetch(request_id, method, url, body.empty() ? nullptr : body.c_str(), csrf.empty() ? nullptr : csrf.c_str(),
               bearer.empty() ? nullptr : bearer.c_str());
}

void download(const std::string& file_name, const std::string& content_type, const std::string& base64) {
  uia_js_download(file_name.c_str(), content_type.c_str(), base64.c_str());
}

void pick_file(const char* accept) { uia_js_pick_file(accept); }

void fetch_with_upload_token(int request_id, const char* method, const char* url, const std::string& body,
                             const std::string& upload_token) {
  uia_js_fetch_upload_token(request_id, method, url, body.empty() ? nullptr : body.c_str(), upload_token.c_str());
}

void download_url(const std::string& url) { uia_js_download_url(url.c_str()); }

void upload_picked_file(int request_id, const std::string& url, const std::string& kind, const std::string& upload_token) {
  uia_js_upload_picked(request_id, url.c_str(), kind.c_str(), upload_token.c_str());
}

void load_image(int slot, const std::string& url) { uia_js_load_image(slot, url.c_str()); }

void navigate(const std::string& url) { uia_js_navigate(url.c_str()); }

void ready() { uia_js_ready(); }

void fail(const char* message_zh) { uia_js_fail(message_zh); }

namespace {
std::string take_js_string(char* text) {
  std::string out = text ? text : "";
  std::free(text);
  return out;
}
}  // namespace

std::string location_hash() { return take_js_string(uia_js_location_hash()); }
std::string location_origin() { return take_js_string(uia_js_location_origin()); }
void clear_location_hash() { uia_js_clear_hash(); }

}  // namespace uia::web::js
