// The only place where C++ calls into the page's JavaScript (web/glue.js). Every function here
// is a thin EM_JS shim, so the rest of the client reads as ordinary C++.
#pragma once
#include <string>

#include "policy/date.h"

namespace uia::web::js {

// Installs the DOM listeners (pointer, keyboard, IME, resize, scroll) once the runtime runs.
void install();
// The TTF bytes the loader fetched before main() (malloc'ed; caller owns); nullptr if missing.
unsigned char* take_font(int* size);
// Today's date in the browser's local time zone.
Date today();
// Accessibility mirror: the widgets of this frame as compact JSON (see a11y.cpp).
void push_mirror(const std::string& json);
// Where the hidden IME <input> must sit (CSS px, viewport coordinates); active=false blurs it.
// kind: 0 text, 1 password, 2 digits (numeric keyboard on phones).
void set_text_input(bool active, float x, float y, float w, float h, float caret_x, int kind);
// Document height that scrolls the page; scroll_to >= 0 asks the browser to scroll there.
void set_document(float height, float scroll_to);
// CSS cursor for the canvas ("default", "text", "pointer").
void set_cursor(const char* css_cursor);
void set_clipboard(const std::string& text);
// Starts fetch(); the answer arrives through uia_on_fetch (net.cpp). csrf non-empty: sent as
// the X-CSRF-Token header; bearer non-empty: sent as Authorization: Bearer (staff routes).
void fetch(int request_id, const char* method, const char* url, const std::string& body, const std::string& csrf,
           const std::string& bearer);
// Offers base64 data as a file download (a PDF material on the 审核工作台): a Blob and a
// temporary <a download>, nothing kept.
void download(const std::string& file_name, const std::string& content_type, const std::string& base64);
// fetch() with X-Upload-Token (no CSRF token: no session is involved).
void fetch_with_upload_token(int request_id, const char* method, const char* url, const std::string& body,
                             const std::string& upload_token);
// Downloads a same-origin file (a template) without leaving the client.
void download_url(const std::string& url);
// Opens the browser's file chooser (accept: ".jpg,.png,.pdf"); the choice arrives through
// uia_on_file (files.cpp). The file itself stays in the page until upload_picked_file.
void pick_file(const char* accept);
// POSTs the chosen file as {"kind","content_type","data":"<base64>"} with X-Upload-Token; the
// answer arrives through uia_on_fetch like any request (60 s timeout: a 2 MiB upload on a slow
// mobile link).
void upload_picked_file(int request_id, const std::string& url, const std::string& kind, const std::string& upload_token);
// Decodes an image URL (data: or same-origin) to RGBA; arrives through uia_on_image.
void load_image(int slot, const std::string& url);
// The page address's fragment ("#/qr?ticket=...", or "#/login?oidc=..." when /oidc/authorize
// sent the browser here), "" when none; the page's origin ("https://host:port").
std::string location_hash();
std::string location_origin();
// Drops the fragment from the address bar (no reload, no history entry): a reload after the
// QR question or the OIDC request is over opens the ordinary login page.
void clear_location_hash();
// Leaves the client for `url` (a business system's redirect URI after 授权确认).
void navigate(const std::string& url);
// First frame drawn: resolves window.uiaReady and removes the loading screen.
void ready();
// A fatal problem (e.g. no WebGL2): shows it on the loading screen with the retry button.
void fail(const char* message_zh);

}  // namespace uia::web::js
