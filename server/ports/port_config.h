// Which adapter each port uses, from the "ports" section of the server configuration file:
//
//   "ports": {
//     "sms":      {"adapter": "http", "endpoint": "https://...", "app_id": "...", "app_secret": "...",
//                  "sign_name": "【统一身份认证】", "template_id": "SMS_001",
//                  "purpose_templates": {"register": "SMS_002"}, "timeout_ms": 5000},
//     "identity": {"adapter": "http", "endpoint": "https://...", "app_id": "...", "app_secret": "..."},
//     "face":     {"adapter": "http", "endpoint": "https://...", "app_id": "...", "app_secret": "...",
//                  "callback_url": "https://uia.example.gov.cn/api/v1/face/callback"},
//     "mail":     {"adapter": "http", "endpoint": "https://...", "app_id": "...", "app_secret": "...",
//                  "from": "noreply@uia.example.gov.cn", "from_name": "统一身份认证平台"},
//     "registry": {"adapter": "http", "endpoint": "https://...", "app_id": "...", "app_secret": "..."}
//   }
//
// Optional in every http section: "timeout_ms" (1-60000, default 5000), "connect_timeout_ms"
// (1-60000, default 2000), "ca_file". {"adapter": "simulator"} selects the in-memory simulator.
//
// Production is strict on purpose: every port must be configured, simulators are refused, and
// endpoints must be https:// (plain http only to a loopback host, e.g. a local TLS-terminating
// sidecar) so that names and ID numbers never cross a network in clear text.
// Dev mode: a missing section means the simulator, and any URL is accepted.
//
// The one exception is "mail": e-mail is an optional extra of the personal centre (seed 002:
// binding an address is the citizen's choice), so production without a "mail" section starts
// with e-mail switched off (Ports::mail null: binding answers MAIL_UNAVAILABLE and recovery
// does not offer e-mail). The mail simulator is refused in production like every other.
// "registry" (the business registry, for enterprise accounts) is optional the same way: a
// province may run UIA for natural persons only, so production without it starts with
// enterprise registration switched off (Ports::registry null: REGISTRY_UNAVAILABLE); its
// simulator is refused in production.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "ports/business_registry_http.h"
#include "ports/business_registry_simulator.h"
#include "ports/clock.h"
#include "ports/face_http_verifier.h"
#include "ports/face_verifier_simulator.h"
#include "ports/identity_http_verifier.h"
#include "ports/identity_verifier_simulator.h"
#include "ports/mail_http_sender.h"
#include "ports/mail_simulator.h"
#include "ports/sms_http_gateway.h"
#include "ports/sms_simulator.h"

namespace uia::ports {

enum class AdapterKind { Http, Simulator };

struct SmsPortConfig {
  AdapterKind adapter = AdapterKind::Simulator;
  SmsHttpConfig http;
};
struct IdentityPortConfig {
  AdapterKind adapter = AdapterKind::Simulator;
  IdentityHttpConfig http;
};
struct FacePortConfig {
  AdapterKind adapter = AdapterKind::Simulator;
  FaceHttpConfig http;
};

struct MailPortConfig {
  AdapterKind adapter = AdapterKind::Simulator;
  MailHttpConfig http;
};

struct RegistryPortConfig {
  AdapterKind adapter = AdapterKind::Simulator;
  RegistryHttpConfig http;
};

struct PortsConfig {
  std::optional<SmsPortConfig> sms;  // nullopt: section absent
  std::optional<IdentityPortConfig> identity;
  std::optional<FacePortConfig> face;
  std::optional<MailPortConfig> mail;
  std::optional<RegistryPortConfig> registry;
};

// Parses the "ports" object (null or {} give an empty config). Rejects unknown keys, wrong
// types and unknown adapters with a message naming the offending key, e.g. "ports.sms.timeout_ms".
bool parse_ports_config(const nlohmann::json& section, PortsConfig& out, std::string& error);

struct Ports {
  std::shared_ptr<SmsGateway> sms;
  std::shared_ptr<SmsSimulator> sms_simulator;  // null in production
  std::shared_ptr<IdentityVerifier> identity;
  std::shared_ptr<IdentityVerifierSimulator> identity_simulator;  // null in production
  std::shared_ptr<FaceVerifier> face;
  std::shared_ptr<FaceVerifierSimulator> face_simulator;  // null in production
  // The secret that signs the face service's callbacks (verify_face_callback); empty with the
  // simulator, which reports through FaceVerifierSimulator::on_result instead.
  std::string face_callback_secret;
  std::shared_ptr<MailSender> mail;  // null in production without a "mail" section (e-mail off)
  std::shared_ptr<MailSimulator> mail_simulator;  // null in production
  std::shared_ptr<BusinessRegistry> registry;  // null in production without a "registry" section
  std::shared_ptr<BusinessRegistrySimulator> registry_simulator;  // null in production
};

// Builds the adapters. false (and `out` untouched) with a clear message when production mode
// would start with a simulator, a missing section, an incomplete http section or a clear-text
// endpoint. `clock` stamps signatures and simulated SMS (null means the system clock).
bool make_ports(const PortsConfig& config, bool dev_mode, Ports& out, std::string& error,
                std::shared_ptr<const Clock> clock = nullptr);

}  // namespace uia::ports
