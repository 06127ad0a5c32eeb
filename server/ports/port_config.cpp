#include "ports/port_config.h"

#include "ports/url_rules.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace uia::ports {
namespace {

using nlohmann::json;

// Reads one port section, remembering the first problem with its full key path.
class SectionReader {
 public:
  SectionReader(const json& section, std::string path, std::string& error)
      : section_(section), path_(std::move(path)), error_(error) {}

  bool only_keys(std::initializer_list<std::string_view> allowed) {
    if (!section_.is_object()) return fail(path_, "must be an object");
    for (const auto& [key, value] : section_.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) return fail(path_ + "." + key, "is not a known setting");
    }
    return true;
  }

  bool adapter(AdapterKind& out) {
    const auto found = section_.find("adapter");
    if (found != section_.end() && *found == "http") {
      out = AdapterKind::Http;
    } else if (found != section_.end() && *found == "simulator") {
      out = AdapterKind::Simulator;
    } else {
      return fail(path_ + ".adapter", "must be \"http\" or \"simulator\"");
    }
    return true;
  }

  bool text(const char* key, std::string& out) {
    const auto found = section_.find(key);
    if (found == section_.end()) return true;
    if (!found->is_string()) return fail(path_ + "." + key, "must be a string");
    out = found->get<std::string>();
    return true;
  }

  bool millis(const char* key, long& out) {
    const auto found = section_.find(key);
    if (found == section_.end()) return true;
    if (!found->is_number_integer() || found->get<long long>() < 1 || found->get<long long>() > 60000) {
      return fail(path_ + "." + key, "must be an integer from 1 to 60000 (milliseconds)");
    }
    out = static_cast<long>(found->get<long long>());
    return true;
  }

  bool text_map(const char* key, std::map<std::string, std::string>& out) {
    const auto found = section_.find(key);
    if (found == section_.end()) return true;
    if (!found->is_object()) return fail(path_ + "." + key, "must be an object of strings");
    for (const auto& [name, value] : found->items()) {
      if (!value.is_string()) return fail(path_ + "." + key + "." + name, "must be a string");
      out[name] = value.get<std::string>();
    }
    return true;
  }

 private:
  bool fail(const std::string& where, const char* what) {
    error_ = where + " " + what;
    return false;
  }

  const json& section_;
  std::string path_;
  std::string& error_;
};

// The settings every http adapter shares.
template <typename HttpConfig>
bool read_connection(SectionReader& reader, HttpConfig& http) {
  return reader.text("endpoint", http.endpoint) && reader.text("app_id", http.app_id) &&
         reader.text("app_secret", http.app_secret) && reader.millis("timeout_ms", http.timeout_ms) &&
         reader.millis("connect_timeout_ms", http.connect_timeout_ms) && reader.text("ca_file", http.ca_file);
}

#define UIA_CONNECTION_KEYS "adapter", "endpoint", "app_id", "app_secret", "timeout_ms", "connect_timeout_ms", "ca_file"

bool parse_sms(const json& section, SmsPortConfig& out, std::string& error) {
  SectionReader reader(section, "ports.sms", error);
  return reader.only_keys({UIA_CONNECTION_KEYS, "sign_name", "template_id", "purpose_templates"}) &&
         reader.adapter(out.adapter) && read_connection(reader, out.http) &&
         reader.text("sign_name", out.http.sign_name) && reader.text("template_id", out.http.template_id) &&
         reader.text_map("purpose_templates", out.http.purpose_templates);
}

bool parse_identity(const json& section, IdentityPortConfig& out, std::string& error) {
  SectionReader reader(section, "ports.identity", error);
  return reader.only_keys({UIA_CONNECTION_KEYS}) && reader.adapter(out.adapter) && read_connection(reader, out.http);
}

bool parse_face(const json& section, FacePortConfig& out, std::string& error) {
  SectionReader reader(section, "ports.face", error);
  return reader.only_keys({UIA_CONNECTION_KEYS, "callback_url"}) && reader.adapter(out.adapter) &&
         read_connection(reader, out.http) && reader.text("callback_url", out.http.callback_url);
}

bool parse_mail(const json& section, MailPortConfig& out, std::string& error) {
  SectionReader reader(section, "ports.mail", error);
  return reader.only_keys({UIA_CONNECTION_KEYS, "from", "from_name"}) && reader.adapter(out.adapter) &&
         read_connection(reader, out.http) && reader.text("from", out.http.from) &&
         reader.text("from_name", out.http.from_name);
}

bool parse_registry(const json& section, RegistryPortConfig& out, std::string& error) {
  SectionReader reader(section, "ports.registry", error);
  return reader.only_keys({UIA_CONNECTION_KEYS}) && reader.adapter(out.adapter) && read_connection(reader, out.http);
}

#undef UIA_CONNECTION_KEYS

// Checks one http section; `extra` lists further required (name, value) pairs.
bool check_http(const std::string& port, const std::string& endpoint, const std::string& app_id,
                const std::string& app_secret, std::initializer_list<std::pair<const char*, const std::string*>> extra,
                bool dev_mode, std::string& error) {
  if (!url_looks_valid(endpoint)) {
    error = "ports." + port + ".endpoint must be an http:// or https:// URL";
    return false;
  }
  if (!dev_mode && !url_is_protected(endpoint)) {
    error = "ports." + port + ".endpoint must use https:// in production (plain http only to a loopback host)";
    return false;
  }
  if (app_id.empty() || app_secret.empty()) {
    error = "ports." + port + " needs app_id and app_secret";
    return false;
  }
  for (const auto& [name, value] : extra) {
    if (value->empty()) {
      error = "ports." + port + "." + name + " is required";
      return false;
    }
  }
  return true;
}

// Production refuses a missing section and a simulator with the same style of message.
bool check_selection(const char* port, bool present, AdapterKind adapter, bool dev_mode, std::string& error) {
  if (dev_mode) return true;
  if (!present) {
    error = std::string("ports.") + port + " is not configured: production needs the real adapter ({\"adapter\": \"http\", ...})";
    return false;
  }
  if (adapter == AdapterKind::Simulator) {
    error = std::string("ports.") + port + ": the simulator is for dev mode and tests only; production needs \"adapter\": \"http\"";
    return false;
  }
  return true;
}

}  // namespace

bool parse_ports_config(const nlohmann::json& section, PortsConfig& out, std::string& error) {
  PortsConfig parsed;
  if (section.is_null()) {
    out = parsed;
    return true;
  }
  if (!section.is_object()) {
    error = "ports must be an object";
    return false;
  }
  for (const auto& [key, value] : section.items()) {
    if (key == "sms") {
      if (!parse_sms(value, parsed.sms.emplace(), error)) return false;
    } else if (key == "identity") {
      if (!parse_identity(value, parsed.identity.emplace(), error)) return false;
    } else if (key == "face") {
      if (!parse_face(value, parsed.face.emplace(), error)) return false;
    } else if (key == "mail") {
      if (!parse_mail(value, parsed.mail.emplace(), error)) return false;
    } else if (key == "registry") {
      if (!parse_registry(value, parsed.registry.emplace(), error)) return false;
    } else {
      error = "ports." + key + " is not a known port (sms, identity, face, mail, registry)";
      return false;
    }
  }
  out = std::move(parsed);
  return true;
}

bool make_ports(const PortsConfig& config, bool dev_mode, Ports& out, std::string& error,
                std::shared_ptr<const Clock> clock) {
  const auto sms_kind = config.sms ? config.sms->adapter : AdapterKind::Simulator;
  const auto identity_kind = config.identity ? config.identity->adapter : AdapterKind::Simulator;
  const auto face_kind = config.face ? config.face->adapter : AdapterKind::Simulator;

  // Validate everything before building anything, so a refusal leaves `out` untouched.
  if (!check_selection("sms", config.sms.has_value(), sms_kind, dev_mode, error) ||
      !check_selection("identity", config.identity.has_value(), identity_kind, dev_mode, error) ||
      !check_selection("face", config.face.has_value(), face_kind, dev_mode, error)) {
    return false;
  }
  // E-mail is optional (see port_config.h): only a configured simulator is refused.
  const auto mail_kind = config.mail ? config.mail->adapter : AdapterKind::Simulator;
  if (config.mail && !check_selection("mail", true, mail_kind, dev_mode, error)) return false;
  // The business registry is optional the same way (enterprise accounts off without it).
  const auto registry_kind = config.registry ? config.registry->adapter : AdapterKind::Simulator;
  if (config.registry && !check_selection("registry", true, registry_kind, dev_mode, error)) return false;
  if (registry_kind == AdapterKind::Http) {
    const auto& http = config.registry->http;
    if (!check_http("registry", http.endpoint, http.app_id, http.app_secret, {}, dev_mode, error)) return false;
  }
  if (sms_kind == AdapterKind::Http) {
    const auto& http = config.sms->http;
    if (!check_http("sms", http.endpoint, http.app_id, http.app_secret,
                    {{"sign_name", &http.sign_name}, {"template_id", &http.template_id}}, dev_mode, error)) {
      return false;
    }
  }
  if (identity_kind == AdapterKind::Http) {
    const auto& http = config.identity->http;
    if (!check_http("identity", http.endpoint, http.app_id, http.app_secret, {}, dev_mode, error)) return false;
  }
  if (face_kind == AdapterKind::Http) {
    const auto& http = config.face->http;
    if (!check_http("face", http.endpoint, http.app_id, http.app_secret, {{"callback_url", &http.callback_url}},
                    dev_mode, error)) {
      return false;
    }
    if (!dev_mode && !url_is_protected(http.callback_url)) {
      error = "ports.face.callback_url must use https:// in production";
      return false;
    }
  }

  if (mail_kind == AdapterKind::Http) {
    const auto& http = config.mail->http;
    if (!check_http("mail", http.endpoint, http.app_id, http.app_secret, {{"from", &http.from}}, dev_mode, error))
      return false;
  }

  if (!clock) clock = std::make_shared<SystemClock>();
  Ports built;
  if (sms_kind == AdapterKind::Http) {
    built.sms = std::make_shared<SmsHttpGateway>(config.sms->http, clock);
  } else {
    built.sms_simulator = std::make_shared<SmsSimulator>(clock);
    built.sms = built.sms_simulator;
  }
  if (identity_kind == AdapterKind::Http) {
    built.identity = std::make_shared<IdentityHttpVerifier>(config.identity->http, clock);
  } else {
    built.identity_simulator = std::make_shared<IdentityVerifierSimulator>();
    built.identity = built.identity_simulator;
  }
  if (face_kind == AdapterKind::Http) {
    built.face = std::make_shared<FaceHttpVerifier>(config.face->http, clock);
    built.face_callback_secret = config.face->http.app_secret;
  } else {
    built.face_simulator = std::make_shared<FaceVerifierSimulator>();
    built.face = built.face_simulator;
  }
  if (mail_kind == AdapterKind::Http) {
    built.mail = std::make_shared<MailHttpSender>(config.mail->http, clock);
  } else if (dev_mode) {
    built.mail_simulator = std::make_shared<MailSimulator>(clock);
    built.mail = built.mail_simulator;
  }
  if (registry_kind == AdapterKind::Http) {
    built.registry = std::make_shared<BusinessRegistryHttp>(config.registry->http, clock);
  } else if (dev_mode) {
    built.registry_simulator = std::make_shared<BusinessRegistrySimulator>();
    built.registry = built.registry_simulator;
  }
  out = std::move(built);
  return true;
}

}  // namespace uia::ports
