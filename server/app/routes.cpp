#include "app/routes.h"

#include <optional>

#include "api/validate.h"
#include "app/openapi.h"
#include "flows/activation/activation.h"
#include "flows/agents/agent_centre.h"
#include "flows/appeals/appeals_rest.h"
#include "flows/agents/agent_grants.h"
#include "flows/agents/grant_requests.h"
#include "flows/agents/identities.h"
#include "flows/agents/my_agent_grants.h"
#include "flows/addresses/addresses.h"
#include "flows/appeals/case_work.h"
#include "flows/back_office/account_freeze.h"
#include "flows/back_office/audit_query.h"
#include "flows/back_office/document_content.h"
#include "flows/back_office/document_upload.h"
#include "flows/back_office/reviews.h"
#include "flows/back_office/staff_sign_in.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/delegations/delegations.h"
#include "flows/email/email_settings.h"
#include "flows/enterprise/enterprise_activation.h"
#include "flows/enterprise/enterprise_centre.h"
#include "flows/enterprise/enterprise_recovery.h"
#include "flows/enterprise/enterprise_registration.h"
#include "flows/enterprise/registry_check.h"
#include "flows/face/face_retry.h"
#include "flows/face/face_status.h"
#include "flows/login/login.h"
#include "flows/me/me.h"
#include "flows/messages/messages.h"
#include "flows/oidc/admin_clients.h"
#include "flows/oidc/authorize.h"
#include "flows/oidc/authorized_clients.h"
#include "flows/oidc/consent.h"
#include "flows/oidc/discovery.h"
#include "flows/oidc/logout.h"
#include "flows/oidc/session_end_routes.h"
#include "flows/oidc/token_endpoint.h"
#include "flows/oidc/token_use.h"
#include "flows/profile/profile.h"
#include "flows/province/profile_route.h"
#include "flows/qr_login/qr_login.h"
#include "flows/recovery/recovery.h"
#include "flows/registration/registration.h"
#include "flows/relatives/relatives.h"
#include "flows/security_questions/security_questions.h"
#include "flows/sessions/my_sessions.h"
#include "flows/settings/settings.h"
#include "flows/sms/sms_codes.h"
#include "flows/upstream/upstream_login.h"
#include "http/api.h"
#include "http/bulk_writer.h"
#include "http/json_fields.h"
#include "http/json_request.h"
#include "http/json_response.h"
#include "http/request_headers.h"
#include "http/response_headers.h"

namespace uia::app {
namespace {
using http::ApiRequest;
using http::ApiResponse;
using Pistache::Http::Method;

ApiResponse captcha_route(Services& services, const ApiRequest&) {
  const auto captcha = flows::issue_captcha(services);
  return ApiResponse::json(200, {{"captcha_id", captcha.id}, {"image", captcha.image_data_url}, {"expires_in", captcha.expires_in}});
}

ApiResponse sms_route(Services& services, const ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  flows::SmsRequest sms;
  sms.phone = fields.required("phone");
  sms.purpose = fields.required("purpose");
  sms.captcha_id = fields.required("captcha_id");
  sms.captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  sms.client_ip = request.client_ip;
  const auto result = flows::request_sms_code(services, sms);
  if (result.error == ErrorCode::SmsRateLimited) {
    ApiResponse limited = ApiResponse::error(429, result.error, result.field);
    limited.retry_after(result.retry_after);
    return limited;
  }
  if (result.error == ErrorCode::SmsSendFailed) return ApiResponse::error(503, result.error);
  if (result.error != ErrorCode::Ok) {
    // Phone format errors keep the phone's generic code (PHONE_INVALID) with its precise text.
    if (result.field == "phone") return ApiResponse::error(400, Verdict::fail(ErrorCode::PhoneInvalid, result.error), "phone");
    return ApiResponse::error(400, result.error, result.field);
  }
  return ApiResponse::json(202, {{"expires_in", result.expires_in}, {"resend_after", result.resend_after}});
}

// The shared rules over HTTP: the same verdict `uia validate` prints and the browser computes.
// Pure CPU and microseconds long, so it answers on the reactor thread.
void validate_route(const Services& services, const Pistache::Http::Request& request, Pistache::Http::ResponseWriter response) {
  using Pistache::Http::Code;
  const auto body = http::parse_json_object(request.body());
  if (!body) return http::send_error(response, Code::Bad_Request, ErrorCode::RequestInvalid);
  const auto kind_it = body->find("kind");
  const auto value_it = body->find("value");
  if (kind_it == body->end() || !kind_it->is_string())
    return http::send_error(response, Code::Bad_Request, ErrorCode::FieldRequired, "kind");
  if (value_it == body->end() || !value_it->is_string())
    return http::send_error(response, Code::Bad_Request, ErrorCode::FieldRequired, "value");
  const auto kind = value_kind_from_name(kind_it->get<std::string>());
  if (!kind) return http::send_error(response, Code::Bad_Request, ErrorCode::KindUnknown, "kind");
  const Verdict verdict = validate_value(*kind, value_it->get<std::string>(), services.clock->today(), services.profile());
  nlohmann::json out = {{"valid", verdict.ok()}, {"code", code_name(verdict.code)}, {"message", verdict.message_zh()}};
  if (verdict.detail != verdict.code) out["detail"] = code_name(verdict.detail);
  if (!verdict.ok()) out["field"] = value_kind_field(*kind);
  http::send_json(response, Code::Ok, out);
}

// The face service reports a ticket's verdict here, signed with the shared secret (real adapter
// only: the simulator reports in-process).
ApiResponse face_callback_route(Services& services, const ApiRequest& request) {
  if (services.ports.face_callback_secret.empty() ||
      !ports::verify_face_callback(services.ports.face_callback_secret, request.body, request.signature_header))
    return ApiResponse::error(401, ErrorCode::Unauthenticated);
  const auto callback = ports::parse_face_callback(request.body);
  if (!callback) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  if (!flows::complete_face_check(services, callback->ticket, callback->result))
    return ApiResponse::error(404, ErrorCode::FaceTicketInvalid, "ticket");
  return ApiResponse::no_content();
}

// Runs `flow` on the request as sent by the real client: behind a trusted proxy (nginx), the
// address it forwarded for, so per-IP limits and the audit log see the person, not the proxy.
bool behind_trusted_proxy(const Services& services, const ApiRequest& r) {
  return !services.trusted_proxies.empty() && services.trusted_proxies.contains(r.client_ip);
}

template <class Flow>
ApiResponse as_real_client(const Services& services, const ApiRequest& r, Flow&& flow) {
  if (!behind_trusted_proxy(services, r)) return flow(r);
  ApiRequest forwarded = r;
  forwarded.client_ip = services.trusted_proxies.client_of(r.client_ip, r.forwarded_for);
  return flow(forwarded);
}

// Spends one request of `budget` for the real client (as as_real_client sees it) on the reactor
// thread: past the budget the answer is 429 TOO_MANY_REQUESTS with Retry-After, and the request
// never takes a worker, a database connection or a CPU-heavy step.
http::Admission within_budget(Services& services, std::optional<RequestBudget> budget) {
  if (!budget || !services.request_budgets) return {};
  return [&services, budget = *budget](const ApiRequest& r) -> std::optional<ApiResponse> {
    const std::string client = behind_trusted_proxy(services, r)
                                   ? services.trusted_proxies.client_of(r.client_ip, r.forwarded_for)
                                   : r.client_ip;
    const long long wait = services.request_budgets->take(budget, client, services.clock->now());
    if (wait == 0) return std::nullopt;
    return std::move(ApiResponse::error(429, ErrorCode::TooManyRequests).retry_after(wait));
  };
}

void add_dev_routes(http::Router& router, Services& services, runtime::WorkerPool& workers) {
  router.add(Method::Get, "/api/dev/captcha/{id}", http::api_route(workers, [&services](const ApiRequest& request) {
    const auto answer = flows::dev_captcha_answer(services, request.params.at("id"));
    if (!answer) return ApiResponse::error(404, ErrorCode::NotFound, "captcha_id");
    return ApiResponse::json(200, {{"answer", *answer}});
  }));
  router.add(Method::Get, "/api/dev/sms", http::api_route(workers, [&services](const ApiRequest& request) {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& sent : services.ports.sms_simulator->messages_for(request.query_value("phone"))) {
      const auto at = std::chrono::system_clock::to_time_t(sent.sent_at);
      std::tm utc{};
      gmtime_r(&at, &utc);
      char when[32];
      std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
      messages.push_back({{"purpose", sent.message.purpose}, {"code", sent.message.code},
                          {"text", sent.message.text}, {"sent_at", when}});
    }
    return ApiResponse::json(200, {{"messages", messages}});
  }));
  router.add(Method::Post, "/api/dev/face/{ticket}", http::api_route(workers, [&services](const ApiRequest& request) {
    const auto body = request.json();
    if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
    // JsonFields, not json::value(): a number or object here must be a 400, not a type_error.
    http::JsonFields fields(*body);
    const std::string result = fields.required("result");
    if (fields.failed()) return fields.error();
    if (result != "pass" && result != "fail") return ApiResponse::error(400, ErrorCode::RequestInvalid, "result");
    // An expired or finished check must not look completed to the tester.
    if (!flows::face_check_pending(services, request.params.at("ticket")))
      return ApiResponse::error(404, ErrorCode::FaceTicketInvalid, "ticket");
    const bool done = services.ports.face_simulator->complete(
        request.params.at("ticket"), result == "pass" ? ports::FaceResult::Pass : ports::FaceResult::Fail);
    if (!done) return ApiResponse::error(404, ErrorCode::FaceTicketInvalid, "ticket");
    return ApiResponse::json(200, {{"ticket", request.params.at("ticket")}, {"result", result}});
  }));
  // enterprise accounts: what the simulated business registry records, and one re-check pass now
  router.add(Method::Put, "/api/dev/registry/{uscc}", http::api_route(workers, [&services](const ApiRequest& request) {
    const auto body = request.json();
    if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
    http::JsonFields fields(*body);
    ports::SeededRegistryEntry entry;
    entry.name = fields.required("name");
    entry.legal_rep_name = fields.required("legal_rep_name");
    entry.legal_rep_id_number = fields.required("legal_rep_id_number");
    if (fields.failed()) return fields.error();
    entry.entry = ports::BusinessRegistrySimulator::generated_entry(entry.name);
    // Dev mode with the real registry configured has no simulator to tell.
    if (!services.ports.registry_simulator) return ApiResponse::error(404, ErrorCode::NotFound);
    services.ports.registry_simulator->seed(request.params.at("uscc"), entry);
    return ApiResponse::json(200, {{"uscc", request.params.at("uscc")}, {"seeded", true}});
  }));
  router.add(Method::Post, "/api/dev/enterprises", http::api_route(workers, [&services](const ApiRequest& request) {
    return flows::dev_import_enterprise(services, request);
  }));
  router.add(Method::Post, "/api/dev/registry/recheck", http::api_route(workers, [&services](const ApiRequest&) {
    const int verified = flows::recheck_unverified_enterprises(services);
    services.read_cache->invalidate_all();
    return ApiResponse::json(200, {{"verified", verified}});
  }));
}

}  // namespace

void add_api_routes(http::Router& router, Services& services, runtime::WorkerPool& workers,
                    const nlohmann::json& oidc_config, const nlohmann::json& upstream_config) {
  // Every state-changing request, once its work has committed, makes cached reads stale.
  // max_body_bytes: 0 keeps the server's default request-body limit.
  // `budget`: the request budget of an endpoint anyone may call without signing in.
  using Flow = ApiResponse (*)(Services&, const ApiRequest&);
  const auto add_route = [&](Method method, const char* pattern, Flow flow, std::size_t max_body_bytes,
                             std::optional<RequestBudget> budget) {
    const bool changes_state = method != Method::Get && method != Method::Head && method != Method::Options;
    router.add(method, pattern, http::api_route(workers, [&services, flow, changes_state](const ApiRequest& r) {
                 ApiResponse out = as_real_client(services, r, [&](const ApiRequest& seen) { return flow(services, seen); });
                 if (changes_state) services.read_cache->invalidate_all();
                 return out;
               }, within_budget(services, budget)),
               max_body_bytes);
  };
  const auto route = [&](Method method, const char* pattern, Flow flow, std::size_t max_body_bytes = 0) {
    add_route(method, pattern, flow, max_body_bytes, std::nullopt);
  };
  const auto anonymous_route = [&](RequestBudget budget, Method method, const char* pattern, Flow flow) {
    add_route(method, pattern, flow, 0, budget);
  };
  router.add(Method::Get, "/api/v1/profile", [&services](const auto& request, auto response, const auto&) {
    flows::profile_route(services, request, std::move(response));
  });
  router.add(Method::Post, "/api/v1/validate", [&services](const auto& request, auto response, const auto&) {
    validate_route(services, request, std::move(response));
  });
  anonymous_route(RequestBudget::Captcha, Method::Get, "/api/v1/captcha", captcha_route);
  anonymous_route(RequestBudget::SmsSend, Method::Post, "/api/v1/sms/codes", sms_route);
  anonymous_route(RequestBudget::Registration, Method::Post, "/api/v1/persons", flows::register_person);
  anonymous_route(RequestBudget::SignIn, Method::Post, "/api/v1/sessions", flows::sign_in);
  route(Method::Get, "/api/v1/sessions/current", flows::current_session);
  // DELETE /api/v1/sessions/current: in the OIDC block below (it also tells business systems).
  // GET /api/v1/me is the hottest read of all (every business page asks who is signed in): a
  // current cached answer goes out from the reactor thread, without a worker hop or a query.
  const auto me_from_database = http::api_route(workers, [&services](const ApiRequest& r) { return flows::get_me(services, r); });
  router.add(Method::Get, "/api/v1/me", [&services, me_from_database](const auto& request, auto response, const auto& params) {
    const std::string token = http::presented_token(request);
    if (!token.empty()) {
      if (auto cached = services.read_cache->find(flows::me_cache_key(token), services.now_seconds()))
        return http::send_json_text(response, Pistache::Http::Code::Ok, *cached);
    }
    me_from_database(request, std::move(response), params);
  });
  // PUT /api/v1/me/password: in the OIDC block below (signing out everywhere tells business systems).
  route(Method::Put, "/api/v1/me/phone", flows::change_phone);
  route(Method::Post, "/api/v1/me/deletion/sms", flows::send_deletion_sms);
  // DELETE /api/v1/me (注销账号): in the OIDC block below (it also tells business systems).
  route(Method::Post, "/api/v1/face/callback", face_callback_route);
  anonymous_route(RequestBudget::Activation, Method::Post, "/api/v1/activation", flows::verify_activation);
  anonymous_route(RequestBudget::Activation, Method::Post, "/api/v1/activation/{id}/account", flows::finish_activation);
  anonymous_route(RequestBudget::Recovery, Method::Post, "/api/v1/recovery", flows::start_recovery);
  anonymous_route(RequestBudget::SmsSend, Method::Post, "/api/v1/recovery/{id}/sms", flows::send_recovery_sms);
  // POST /api/v1/recovery/{id}/password: in the OIDC block below (it ends every session).
  // personal centre: profile, addresses, e-mail, security questions
  route(Method::Get, "/api/v1/me/profile", flows::get_profile);
  route(Method::Put, "/api/v1/me/profile", flows::update_profile);
  route(Method::Get, "/api/v1/profile/options", flows::profile_options);
  route(Method::Get, "/api/v1/me/addresses", flows::list_addresses);
  route(Method::Post, "/api/v1/me/addresses", flows::create_address);
  route(Method::Put, "/api/v1/me/addresses/{id}", flows::update_address);
  route(Method::Delete, "/api/v1/me/addresses/{id}", flows::delete_address);
  route(Method::Post, "/api/v1/me/addresses/{id}/default", flows::make_default_address);
  route(Method::Put, "/api/v1/me/email", flows::change_email);
  route(Method::Post, "/api/v1/me/email/verify", flows::verify_email);
  route(Method::Get, "/api/v1/security-questions", flows::list_security_questions);
  route(Method::Get, "/api/v1/me/security-questions", flows::get_my_security_questions);
  route(Method::Put, "/api/v1/me/security-questions", flows::set_my_security_questions);
  anonymous_route(RequestBudget::Recovery, Method::Post, "/api/v1/recovery/{id}/email", flows::send_recovery_email);
  if (services.dev_mode) route(Method::Get, "/api/dev/mail", flows::dev_mail);
  // back-office: staff, audit, review of documents
  anonymous_route(RequestBudget::SignIn, Method::Post, "/api/v1/admin/sessions", flows::staff_sign_in);
  route(Method::Delete, "/api/v1/admin/sessions/current", flows::staff_sign_out);
  route(Method::Get, "/api/v1/admin/audit", flows::query_audit_log);
  route(Method::Get, "/api/v1/admin/reviews", flows::list_reviews);
  route(Method::Get, "/api/v1/admin/reviews/{person_id}", flows::show_review);
  route(Method::Post, "/api/v1/admin/reviews/{person_id}", flows::decide_review);
  // back-office: appeals casework and account freeze
  route(Method::Get, "/api/v1/admin/cases", flows::list_cases);
  route(Method::Get, "/api/v1/admin/cases/{case_number}", flows::show_case);
  route(Method::Get, "/api/v1/admin/cases/{case_number}/materials/{material_id}", flows::show_case_material);
  route(Method::Post, "/api/v1/admin/cases/{case_number}/claim", flows::claim_case);
  route(Method::Post, "/api/v1/admin/cases/{case_number}/release", flows::release_case);
  route(Method::Post, "/api/v1/admin/cases/{case_number}/decision", flows::decide_case);
  route(Method::Get, "/api/v1/admin/accounts", flows::find_accounts);
  route(Method::Post, "/api/v1/admin/persons/{person_id}/freeze", flows::freeze_person);
  route(Method::Post, "/api/v1/admin/persons/{person_id}/unfreeze", flows::unfreeze_person);
  route(Method::Post, "/api/v1/admin/enterprises/{enterprise_id}/freeze", flows::freeze_enterprise);
  route(Method::Post, "/api/v1/admin/enterprises/{enterprise_id}/unfreeze", flows::unfreeze_enterprise);
  // The one route with bodies above the default limit: a base64 document of up to 2 MiB.
  route(Method::Post, "/api/v1/persons/{id}/documents", flows::upload_document,
        flows::document_base64_limit(flows::document_max_bytes(services.profile())) + 4096);
  anonymous_route(RequestBudget::SignIn, Method::Post, "/api/v1/face/checks", flows::retry_face_check);
  route(Method::Get, "/api/v1/face/checks/{ticket}", flows::face_check_status);
  // sessions of the signed-in person, first sign-in of imported accounts
  route(Method::Get, "/api/v1/me/sessions", flows::list_my_sessions);
  // DELETE /api/v1/me/sessions/{id}: in the OIDC block below (it also tells business systems).
  anonymous_route(RequestBudget::Activation, Method::Get, "/api/v1/activation/{id}", flows::describe_activation);
  // between persons: my messages, relatives, authorization relations (delegations)
  route(Method::Get, "/api/v1/me/messages", flows::list_my_messages);
  route(Method::Post, "/api/v1/me/messages/read-all", flows::read_all_my_messages);
  route(Method::Post, "/api/v1/me/messages/{id}/read", flows::read_my_message);
  route(Method::Get, "/api/v1/me/relatives", flows::list_relatives);
  route(Method::Post, "/api/v1/me/relatives", flows::create_relative);
  route(Method::Put, "/api/v1/me/relatives/{id}", flows::update_relative);
  route(Method::Delete, "/api/v1/me/relatives/{id}", flows::delete_relative);
  route(Method::Post, "/api/v1/me/relatives/{id}/face", flows::restart_relative_face);
  route(Method::Post, "/api/v1/me/delegations", flows::create_delegation);
  route(Method::Get, "/api/v1/me/delegations/given", flows::list_given_delegations);
  route(Method::Get, "/api/v1/me/delegations/received", flows::list_received_delegations);
  route(Method::Post, "/api/v1/me/delegations/{id}/confirm", flows::confirm_delegation);
  route(Method::Post, "/api/v1/me/delegations/{id}/refuse", flows::refuse_delegation);
  route(Method::Post, "/api/v1/me/delegations/{id}/end", flows::end_delegation);
  // appeals (账号申诉), the appellant's side: anonymous, budgeted like registration and recovery;
  // materials take bodies up to a base64 document (as identity documents do)
  anonymous_route(RequestBudget::Recovery, Method::Get, "/api/v1/appeals/kinds", flows::list_appeal_kinds);
  anonymous_route(RequestBudget::Recovery, Method::Get, "/api/v1/appeals/enterprise", flows::look_up_appeal_enterprise);
  anonymous_route(RequestBudget::Registration, Method::Post, "/api/v1/appeals", flows::file_appeal);
  add_route(Method::Post, "/api/v1/appeals/{case_number}/materials", flows::add_appeal_material,
            flows::document_base64_limit(flows::document_max_bytes(services.profile())) + 4096, RequestBudget::Activation);
  anonymous_route(RequestBudget::Activation, Method::Delete, "/api/v1/appeals/{case_number}/materials/{material_id}",
                  flows::delete_appeal_material);
  anonymous_route(RequestBudget::Registration, Method::Post, "/api/v1/appeals/{case_number}/submit", flows::submit_appeal);
  anonymous_route(RequestBudget::Recovery, Method::Post, "/api/v1/appeals/progress", flows::appeal_progress);
  router.add(Method::Get, "/api/v1/appeals/templates/authorisation-letter",
             [text = flows::authorisation_letter_template()](const auto&, auto response, const auto&) {
               http::set_header(response, "Content-Type", "text/html; charset=utf-8");
               http::set_header(response, "Content-Disposition",
                                "attachment; filename=\"appeal-authorisation-letter.html\"; "
                                "filename*=UTF-8''%E7%94%B3%E8%AF%89%E6%8E%88%E6%9D%83%E4%B9%A6.html");
               http::set_header(response, "Cache-Control", "public, max-age=86400");
               http::send_body(response, Pistache::Http::Code::Ok, text);
             });
  // enterprise (legal-person) accounts: registration, recovery, activation, enterprise centre
  anonymous_route(RequestBudget::Registration, Method::Post, "/api/v1/enterprises", flows::register_enterprise);
  anonymous_route(RequestBudget::Recovery, Method::Post, "/api/v1/enterprises/recovery", flows::start_enterprise_recovery);
  anonymous_route(RequestBudget::Recovery, Method::Post, "/api/v1/enterprises/recovery/{id}/password", flows::finish_enterprise_recovery);
  anonymous_route(RequestBudget::Activation, Method::Post, "/api/v1/enterprises/activation", flows::start_enterprise_activation);
  anonymous_route(RequestBudget::Activation, Method::Post, "/api/v1/enterprises/activation/{id}/sms", flows::verify_enterprise_activation_sms);
  anonymous_route(RequestBudget::Activation, Method::Post, "/api/v1/enterprises/activation/{id}/account", flows::finish_enterprise_activation);
  route(Method::Get, "/api/v1/enterprises/{id}", flows::get_enterprise);
  route(Method::Put, "/api/v1/enterprises/{id}/password", flows::change_enterprise_password);
  route(Method::Put, "/api/v1/enterprises/{id}/phone", flows::change_enterprise_phone);
  route(Method::Put, "/api/v1/enterprises/{id}/info", flows::change_enterprise_info);
  route(Method::Put, "/api/v1/enterprises/{id}/legal-representative", flows::change_legal_representative);
  // enterprise agents (经办人): grants, acceptance, re-delegation, grant requests, identities
  route(Method::Get, "/api/v1/enterprises/{id}/agents", flows::list_agents);
  route(Method::Post, "/api/v1/enterprises/{id}/agents", flows::add_agent);
  route(Method::Patch, "/api/v1/enterprises/{id}/agents/{grant_id}", flows::edit_agent);
  route(Method::Put, "/api/v1/enterprises/{id}/agents/{grant_id}", flows::edit_agent);
  route(Method::Delete, "/api/v1/enterprises/{id}/agents/{grant_id}", flows::revoke_agent);
  route(Method::Get, "/api/v1/enterprises/{id}/agent-centre", flows::get_agent_centre);
  route(Method::Post, "/api/v1/enterprises/{id}/grant-requests", flows::create_grant_request);
  route(Method::Get, "/api/v1/enterprises/{id}/grant-requests", flows::list_grant_requests);
  route(Method::Post, "/api/v1/enterprises/{id}/grant-requests/{request_id}/approve", flows::approve_grant_request);
  route(Method::Post, "/api/v1/enterprises/{id}/grant-requests/{request_id}/reject", flows::reject_grant_request);
  route(Method::Get, "/api/v1/me/agent-grants", flows::list_my_agent_grants);
  route(Method::Post, "/api/v1/me/agent-grants/{grant_id}/accept", flows::accept_agent_grant);
  route(Method::Post, "/api/v1/me/agent-grants/{grant_id}/refuse", flows::refuse_agent_grant);
  route(Method::Post, "/api/v1/me/agent-grants/{grant_id}/delegations", flows::redelegate_agent_grant);
  route(Method::Get, "/api/v1/me/enterprises", flows::list_my_enterprises);
  route(Method::Get, "/api/v1/me/identities", flows::list_my_identities);
  route(Method::Put, "/api/v1/sessions/current/identity", flows::switch_identity);
  // OpenID Connect provider: discovery, keys, the OAuth endpoints (RFC 6749 error bodies), the
  // REST of the web client's login/consent pages, back-office clients, authorized business systems.
  // OIDC flows also get the provider (settings, back-channel port) and the Authorization: Basic
  // and Host headers, which ApiRequest does not carry.
  const auto provider = flows::oidc::make_provider(oidc_config, services.dev_mode);
  using OidcFlow = ApiResponse (*)(Services&, const flows::oidc::OidcCall&, const ApiRequest&);
  const auto oidc_route = [&](Method method, const char* pattern, OidcFlow flow,
                              std::optional<RequestBudget> budget = std::nullopt) {
    const bool changes_state = method != Method::Get;
    router.add(method, pattern, [&services, &workers, provider, flow, changes_state, admit = within_budget(services, budget)](
                                    const Pistache::Http::Request& request, Pistache::Http::ResponseWriter response,
                                    const http::PathParams& params) {
      const std::string authorization = http::header_value(request, "Authorization");
      std::string basic = authorization.rfind("Basic ", 0) == 0 ? authorization.substr(6, 1024) : std::string();
      std::string host = http::header_value(request, "Host").substr(0, 255);
      http::api_route(workers, [&services, provider, flow, changes_state, basic, host](const ApiRequest& r) {
        ApiResponse out = as_real_client(services, r, [&](const ApiRequest& seen) {
          const flows::oidc::OidcCall call{*provider, basic, host, seen.client_ip};
          return flow(services, call, seen);
        });
        if (changes_state) services.read_cache->invalidate_all();
        return out;
      }, admit)(request, std::move(response), params);
    });
  };
  oidc_route(Method::Get, "/.well-known/openid-configuration", flows::oidc::discovery);
  oidc_route(Method::Get, "/.well-known/jwks.json", flows::oidc::jwks);
  oidc_route(Method::Get, "/oidc/jwks", flows::oidc::jwks);
  oidc_route(Method::Get, "/oidc/authorize", flows::oidc::authorize, RequestBudget::OidcAuthorize);
  oidc_route(Method::Post, "/oidc/token", flows::oidc::token);
  oidc_route(Method::Get, "/oidc/userinfo", flows::oidc::userinfo);
  oidc_route(Method::Post, "/oidc/userinfo", flows::oidc::userinfo);
  oidc_route(Method::Post, "/oidc/introspect", flows::oidc::introspect);
  oidc_route(Method::Post, "/oidc/revoke", flows::oidc::revoke);
  oidc_route(Method::Get, "/oidc/logout", flows::oidc::end_session);
  anonymous_route(RequestBudget::OidcAuthorize, Method::Get, "/api/v1/oidc/requests/{id}", flows::describe_oidc_request);
  oidc_route(Method::Post, "/api/v1/oidc/requests/{id}/decision", flows::decide_oidc_request);
  route(Method::Post, "/api/v1/admin/clients", flows::register_oidc_client);
  route(Method::Get, "/api/v1/admin/clients", flows::list_oidc_clients);
  route(Method::Post, "/api/v1/admin/clients/{id}/disable", flows::disable_oidc_client);
  route(Method::Get, "/api/v1/me/authorized-clients", flows::list_authorized_clients);
  route(Method::Delete, "/api/v1/me/authorized-clients/{client_id}", flows::revoke_authorized_client);
  // QR-code login (扫码登录): the desktop asks for a ticket and polls; a signed-in phone scans,
  // confirms or cancels (flows/qr_login/qr_login.h).
  anonymous_route(RequestBudget::SignIn, Method::Post, "/api/v1/qr-logins", flows::create_qr_login);
  route(Method::Get, "/api/v1/qr-logins/{ticket}", flows::poll_qr_login);
  route(Method::Post, "/api/v1/qr-logins/{ticket}/scan", flows::scan_qr_login);
  route(Method::Post, "/api/v1/qr-logins/{ticket}/confirm", flows::confirm_qr_login);
  route(Method::Post, "/api/v1/qr-logins/{ticket}/cancel", flows::cancel_qr_login);
  // Plain sign-out, 下线 of a device, 修改密码 and 找回密码 end sessions as before, then back-channel
  // logout tells every business system the ended sessions signed in to (session_end_routes.h).
  oidc_route(Method::Delete, "/api/v1/sessions/current", flows::oidc::sign_out_and_notify);
  oidc_route(Method::Delete, "/api/v1/me/sessions/{id}", flows::oidc::revoke_my_session_and_notify);
  oidc_route(Method::Put, "/api/v1/me/password", flows::oidc::change_password_and_notify);
  oidc_route(Method::Post, "/api/v1/recovery/{id}/password", flows::oidc::finish_recovery_and_notify,
             RequestBudget::Recovery);
  // 注销账号 ends every session and authorization: business systems hear of it the same way.
  oidc_route(Method::Delete, "/api/v1/me", flows::oidc::delete_account_and_notify);
  if (services.dev_mode) {
    // Dev mode: what the back-channel logout simulator would have POSTed to business systems.
    // Empty when the config chose the real adapter in dev mode (a business system of its own).
    router.add(Method::Get, "/api/dev/oidc/backchannel-logouts", [provider](const auto&, auto response, const auto&) {
      nlohmann::json calls = nlohmann::json::array();
      if (provider->backchannel_simulator)
        for (const auto& call : provider->backchannel_simulator->calls())
          calls.push_back({{"uri", call.uri}, {"logout_token", call.logout_token}});
      http::send_json(response, Pistache::Http::Code::Ok, {{"calls", calls}});
    });
  }
  // upstream identity providers (e.g. 国家政务服务平台): sign in there, land here signed in. The
  // callback always answers with a redirect (to /#/centre or /#/login?upstream_error=CODE).
  const auto upstreams = flows::upstream::UpstreamProviders::from_config(upstream_config, services.dev_mode);
  using UpstreamFlow = ApiResponse (*)(const flows::upstream::UpstreamProviders&, Services&, const ApiRequest&);
  const auto upstream_route = [&](const char* pattern, UpstreamFlow flow, std::optional<RequestBudget> budget = std::nullopt) {
    const bool signs_in = flow == flows::upstream::finish_upstream_login;
    router.add(Method::Get, pattern, http::api_route(workers, [&services, upstreams, flow, signs_in](const ApiRequest& r) {
                 ApiResponse out = as_real_client(services, r, [&](const ApiRequest& seen) { return flow(*upstreams, services, seen); });
                 // The callback changes state (a session, a link): cached reads must not outlive it.
                 if (signs_in) services.read_cache->invalidate_all();
                 return out;
               }, within_budget(services, budget)));
  };
  upstream_route("/api/v1/upstream/providers", flows::upstream::list_upstream_providers);
  // Both start a sign-in, and the callback asks the upstream provider (an outbound call).
  upstream_route("/api/v1/upstream/{name}/login", flows::upstream::start_upstream_login, RequestBudget::SignIn);
  upstream_route("/api/v1/upstream/{name}/callback", flows::upstream::finish_upstream_login, RequestBudget::SignIn);

  // Over 100 KB: written by the bulk writer, so that a client reading it slowly (or never)
  // cannot hold a reactor (http/bulk_writer.h). Served on the reactor thread, as send_body needs.
  router.add(Method::Get, "/api/v1/openapi.json",
             [text = openapi_document(services.dev_mode).dump()](const auto&, auto response, const auto&) {
               http::set_header(response, "Content-Type", "application/json; charset=utf-8");
               http::set_header(response, "Cache-Control", "no-store");
               http::send_body(response, Pistache::Http::Code::Ok, text);
             });
  if (services.dev_mode) add_dev_routes(router, services, workers);
}

}  // namespace uia::app
