// The real face-verification adapter (人脸核验服务).
//
// start():  POST {"app_id", "timestamp", "nonce", "name", "id_number", "purpose", "callback_url",
//           "signature"} signed over app_id, callback_url, id_number, name, nonce, purpose,
//           timestamp (request_signing.h); success is HTTP 200 and
//           {"code": "0" | "OK", "ticket": "...", "start_url": "..."}.
// Callback: when the person finishes, the service POSTs to callback_url the JSON body
//           {"ticket": "...", "result": "pass" | "fail"} with the header
//           X-Signature: hex HMAC-SHA256(app_secret, raw body). Check the signature on the raw
//           bytes first (verify_face_callback), then parse (parse_face_callback).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ports/clock.h"
#include "ports/face_verifier.h"
#include "ports/http_json_client.h"

namespace uia::ports {

struct FaceHttpConfig {
  std::string endpoint;
  std::string app_id;
  std::string app_secret;    // signs our requests and the service's callbacks
  std::string callback_url;  // our public URL the service reports results to
  long timeout_ms = 5000;
  long connect_timeout_ms = 2000;
  std::string ca_file;
};

class FaceHttpVerifier final : public FaceVerifier {
 public:
  explicit FaceHttpVerifier(FaceHttpConfig config, std::shared_ptr<const Clock> clock = nullptr);
  FaceTicket start(const FaceCheckRequest& request) override;

 private:
  FaceHttpConfig config_;
  std::shared_ptr<const Clock> clock_;
  HttpJsonClient client_;
};

// true when signature_header is the hex HMAC-SHA256(secret, body) (either hex case).
// Constant-time; false for an empty secret, so a misconfiguration fails closed.
bool verify_face_callback(std::string_view secret, std::string_view body, std::string_view signature_header);

struct FaceCallback {
  std::string ticket;
  FaceResult result = FaceResult::Fail;
};
// nullopt unless the body is {"ticket": non-empty string, "result": "pass" | "fail"}.
std::optional<FaceCallback> parse_face_callback(std::string_view body);

}  // namespace uia::ports
