#include "app/openapi.h"

#include "api/error_code.h"

namespace uia::app {
namespace {
using nlohmann::json;

json ref(const char* schema) { return {{"$ref", std::string("#/components/schemas/") + schema}}; }

json json_body(json schema) { return {{"required", true}, {"content", {{"application/json", {{"schema", schema}}}}}}; }

json answer(const char* description, json schema = nullptr) {
  json out = {{"description", description}};
  if (!schema.is_null()) out["content"] = {{"application/json", {{"schema", schema}}}};
  return out;
}

// `success` plus the error statuses, each answered with the Error schema.
json with_errors(json success, std::initializer_list<int> statuses) {
  json out = std::move(success);
  for (int status : statuses) out[std::to_string(status)] = answer("error", ref("Error"));
  return out;
}

json operation(const char* summary, json responses, json body = nullptr, bool secured = false) {
  json op = {{"summary", summary}, {"responses", responses}};
  if (!body.is_null()) op["requestBody"] = json_body(body);
  if (secured) op["security"] = json::array({{{"bearer", json::array()}}, {{"sessionCookie", json::array()}}});
  return op;
}

json object(json properties, std::vector<std::string> required) {
  return {{"type", "object"}, {"properties", properties}, {"required", required}};
}

json string_schema(const char* description = nullptr) {
  json s = {{"type", "string"}};
  if (description) s["description"] = description;
  return s;
}

json build(bool dev_mode) {
  json codes = json::array();
  for (std::size_t i = 0; i < error_code_count(); ++i) codes.push_back(code_name(error_code_at(i)));

  json schemas;
  schemas["Error"] = object(
      {{"error", object({{"code", {{"type", "string"}, {"enum", codes}}},
                         {"message", string_schema("zh-CN text from the shared catalogue")},
                         {"detail", string_schema("precise reason code, when it differs from code")},
                         {"field", string_schema("the input at fault")},
                         {"retry_after", {{"type", "integer"}}}},
                        {"code", "message"})}},
      {"error"});
  schemas["Verdict"] = object({{"valid", {{"type", "boolean"}}}, {"code", string_schema()}, {"message", string_schema()},
                               {"detail", string_schema()}, {"field", string_schema()}},
                              {"valid", "code", "message"});
  schemas["Registration"] = object(
      {{"account", string_schema("6-20 characters, starts with a letter")},
       {"password", string_schema("8-16 characters, at least two of digits/letters/symbols")},
       {"name", string_schema()},
       {"id_type", {{"type", "string"}, {"enum", {"resident", "hk_macau_permit", "taiwan_permit", "passport", "foreign_permanent_id"}}}},
       {"id_number", string_schema()},
       {"id_valid_from", {{"type", "string"}, {"format", "date"}}},
       {"id_valid_to", string_schema("YYYY-MM-DD or long_term; omitted under 16")},
       {"gender", {{"type", "string"}, {"enum", {"male", "female"}}}},
       {"birth_date", {{"type", "string"}, {"format", "date"}}},
       {"phone", string_schema()},
       {"sms_code", string_schema()},
       {"agree", {{"type", "boolean"}}}},
      {"account", "password", "name", "id_type", "id_number", "phone", "sms_code", "agree"});
  schemas["SignIn"] = object({{"method", {{"type", "string"}, {"enum", {"password", "sms"}}}},
                              {"identifier", string_schema("account, phone or ID number")},
                              {"password", string_schema()},
                              {"captcha_id", string_schema()},
                              {"captcha_answer", string_schema()},
                              {"phone", string_schema()},
                              {"sms_code", string_schema()}},
                             {"method"});
  schemas["Session"] = object({{"token", string_schema()}, {"expires_in", {{"type", "integer"}}},
                               {"csrf_token", string_schema("send as X-CSRF-Token with the cookie")},
                               {"subject", object({{"type", string_schema()}, {"person_id", {{"type", "integer"}}},
                                                   {"name", string_schema("masked")}, {"level", {{"type", "integer"}}}},
                                                  {"type", "person_id"})}},
                              {"token", "expires_in", "subject"});
  schemas["Me"] = object({{"person_id", {{"type", "integer"}}}, {"account", string_schema()}, {"name", string_schema("masked")},
                          {"id_type", string_schema()}, {"id_number", string_schema("masked")},
                          {"phone", string_schema("masked")}, {"level", {{"type", "integer"}}},
                          {"status", string_schema()}, {"created_at", {{"type", "string"}, {"format", "date-time"}}}},
                         {"person_id", "name", "id_type", "id_number", "level", "status"});

  json paths;
  paths["/healthz"]["get"] = operation("Liveness", {{"200", answer("ok")}});
  paths["/api/v1/validate"]["post"] = operation(
      "Check one value with the shared rules",
      with_errors({{"200", answer("verdict", ref("Verdict"))}}, {400}),
      object({{"kind", string_schema()}, {"value", string_schema()}}, {"kind", "value"}));
  paths["/api/v1/captcha"]["get"] = operation(
      "A new graphic captcha (PNG, single use, 2 minutes)",
      {{"200", answer("captcha", object({{"captcha_id", string_schema()}, {"image", string_schema("data:image/png;base64,...")},
                                         {"expires_in", {{"type", "integer"}}}},
                                        {"captcha_id", "image", "expires_in"}))}});
  paths["/api/v1/sms/codes"]["post"] = operation(
      "Send a 6-digit SMS code (5 minutes; 1/min, 3/h, 5/day per phone)",
      with_errors({{"202", answer("sent", object({{"expires_in", {{"type", "integer"}}}, {"resend_after", {{"type", "integer"}}}},
                                          {"expires_in", "resend_after"}))}}, {400, 429, 503}),
      object({{"phone", string_schema()},
              {"purpose", {{"type", "string"},
                           {"enum", {"register", "activate", "login", "recover", "change_phone", "delete_account",
                                     "enterprise_register", "enterprise_recover"}}}},
              {"captcha_id", string_schema()},
              {"captcha_answer", string_schema()}},
             {"phone", "purpose", "captcha_id", "captcha_answer"}));
  paths["/api/v1/persons"]["post"] = operation(
      "Register a natural person",
      with_errors({{"201", answer("registered", object({{"person_id", {{"type", "integer"}}},
                                                  {"status", {{"type", "string"}, {"enum", {"active", "pending_face", "pending_review"}}}},
                                                  {"level", {{"type", "integer"}}},
                                                  {"face_ticket", string_schema()},
                                                  {"face_url", string_schema()},
                                                  {"next", string_schema("upload_documents for pending_review")},
                                                  {"upload_token", string_schema("X-Upload-Token for the documents")},
                                                  {"upload_expires_in", {{"type", "integer"}}}},
                                                 {"person_id", "status"}))}}, {400, 409, 503}),
      ref("Registration"));
  paths["/api/v1/sessions"]["post"] =
      operation("Sign in", with_errors({{"201", answer("signed in", ref("Session"))}}, {400, 401, 403, 423, 429}),
                ref("SignIn"));
  paths["/api/v1/sessions/current"]["delete"] =
      operation("Sign out", with_errors({{"204", answer("signed out")}}, {401, 403}), nullptr, true);
  paths["/api/v1/me"]["get"] =
      operation("The signed-in person (masked)", with_errors({{"200", answer("me", ref("Me"))}}, {401}),
                nullptr, true);
  paths["/api/v1/me"]["delete"] = operation(
      "Delete the account (ID number + SMS code to the account's phone): sessions revoked, personal data erased",
      with_errors({{"204", answer("deleted")}}, {400, 401, 403}),
      object({{"id_number", string_schema()}, {"sms_code", string_schema()}}, {"id_number", "sms_code"}), true);
  paths["/api/v1/me/deletion/sms"]["post"] = operation(
      "Send the deletion SMS code to the account's phone",
      with_errors({{"202", answer("sent")}}, {401, 403, 429, 503}), nullptr, true);
  paths["/api/v1/me/password"]["put"] = operation(
      "Change the password (all sessions end)", with_errors({{"204", answer("changed")}}, {400, 401, 403}),
      object({{"old_password", string_schema()}, {"new_password", string_schema()}}, {"old_password", "new_password"}), true);
  paths["/api/v1/me/phone"]["put"] = operation(
      "Change the phone: login password + SMS code sent to the new phone (purpose change_phone)",
      with_errors({{"200", answer("changed", object({{"phone", string_schema("masked")}}, {"phone"}))}}, {400, 401, 403, 409}),
      object({{"password", string_schema()}, {"new_phone", string_schema()}, {"sms_code", string_schema()}},
             {"password", "new_phone", "sms_code"}),
      true);
  paths["/api/v1/recovery"]["post"] = operation(
      "Forgotten password, step 1: name + ID number + captcha → masked phone",
      with_errors({{"201", answer("found", object({{"recovery_id", string_schema()}, {"phone", string_schema("masked")},
                                                   {"expires_in", {{"type", "integer"}}}},
                                                  {"recovery_id", "phone"}))}},
                  {400, 404}),
      object({{"name", string_schema()}, {"id_number", string_schema()}, {"captcha_id", string_schema()},
              {"captcha_answer", string_schema()}},
             {"name", "id_number", "captcha_id", "captcha_answer"}));
  paths["/api/v1/recovery/{id}/sms"]["post"] = operation(
      "Forgotten password, step 2: SMS code to the account's phone", with_errors({{"202", answer("sent")}}, {404, 429, 503}));
  paths["/api/v1/recovery/{id}/password"]["post"] = operation(
      "Forgotten password, step 3: SMS code + new password (all sessions end)",
      with_errors({{"204", answer("reset")}}, {400, 404}),
      object({{"sms_code", string_schema()}, {"new_password", string_schema()}}, {"sms_code", "new_password"}));
  paths["/api/v1/activation"]["post"] = operation(
      "Activate an imported account, step 1: ID number + phone + SMS code (name too when the phone changed)",
      with_errors({{"201", answer("verified", object({{"activation_id", string_schema()}, {"expires_in", {{"type", "integer"}}}},
                                                     {"activation_id"}))}},
                  {400, 404, 409, 503}),
      object({{"id_number", string_schema()}, {"phone", string_schema()}, {"sms_code", string_schema()},
              {"name", string_schema("needed when the phone differs from the imported one")}},
             {"id_number", "phone", "sms_code"}));
  paths["/api/v1/activation/{id}/account"]["post"] = operation(
      "Activate an imported account, step 2: account name + password",
      with_errors({{"200", answer("active")}}, {400, 404, 409}),
      object({{"account", string_schema()}, {"password", string_schema()}}, {"account", "password"}));
  paths["/api/v1/face/callback"]["post"] = operation(
      "The face service reports a ticket's result (body signed with the shared secret in X-Signature)",
      with_errors({{"204", answer("recorded")}}, {400, 401, 404}),
      object({{"ticket", string_schema()}, {"result", {{"type", "string"}, {"enum", {"pass", "fail"}}}}},
             {"ticket", "result"}));
  // personal centre: profile, addresses, e-mail, security questions
  // back-office: staff, audit, review of documents
  {
    // Staff routes take a staff bearer token from POST /api/v1/admin/sessions (never a cookie,
    // never a person's token); the role each needs is in its summary.
    const auto staff_op = [](const char* summary, json responses, json body = nullptr) {
      json op = operation(summary, std::move(responses), std::move(body));
      op["security"] = json::array({{{"bearer", json::array()}}});
      return op;
    };
    const json integer = {{"type", "integer"}};
    const json time = {{"type", "string"}, {"format", "date-time"}};
    const json nullable_string = {{"type", "string"}, {"nullable", true}};
    const json staff = object({{"id", integer}, {"username", string_schema()},
                               {"roles", {{"type", "array"}, {"items", {{"type", "string"}, {"enum", {"auditor", "reviewer", "admin"}}}}}}},
                              {"id", "username", "roles"});
    const auto query = [](const char* name, const char* description, json schema = {{"type", "string"}}) {
      return json{{"name", name}, {"in", "query"}, {"required", false}, {"description", description}, {"schema", schema}};
    };
    const auto path_param = [](const char* name) {
      return json{{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}};
    };
    paths["/api/v1/admin/sessions"]["post"] = operation(
        "Staff sign-in (5 failures in 15 minutes lock the username for 30 minutes)",
        with_errors({{"201", answer("signed in", object({{"token", string_schema("send as Authorization: Bearer")},
                                                          {"expires_in", integer}, {"staff", staff}},
                                                         {"token", "expires_in", "staff"}))}},
                    {400, 401, 423, 429}),
        object({{"username", string_schema()}, {"password", string_schema()}}, {"username", "password"}));
    paths["/api/v1/admin/sessions/current"]["delete"] =
        staff_op("Staff sign-out: the token stops working at once", with_errors({{"204", answer("signed out")}}, {401}));
    json audit = staff_op(
        "Role auditor: the audit log, newest first, keyset-paged (reading it is audited too)",
        with_errors({{"200", answer("events",
                                    object({{"events", {{"type", "array"},
                                                        {"items", object({{"id", integer}, {"at", time},
                                                                          {"actor", nullable_string}, {"action", string_schema()},
                                                                          {"target", nullable_string}, {"client_ip", nullable_string},
                                                                          {"result", string_schema()}, {"detail", nullable_string}},
                                                                         {"id", "at", "action", "result"})}}},
                                            {"next_cursor", nullable_string}},
                                           {"events", "next_cursor"}))}},
                    {400, 401, 403}));
    audit["parameters"] = json::array(
        {query("actor", "exact, e.g. person:42 or staff:3"), query("action", "exact, e.g. session.login"),
         query("target", "exact, e.g. person:42"),
         query("result", "ok | denied | failed", {{"type", "string"}, {"enum", {"ok", "denied", "failed"}}}),
         query("from", "RFC 3339, inclusive", time), query("to", "RFC 3339, exclusive", time),
         query("limit", "1-200 (larger values are capped), default 50", integer),
         query("cursor", "next_cursor of the previous page")});
    paths["/api/v1/admin/audit"]["get"] = audit;
    json queue = staff_op(
        "Role reviewer: registrations waiting for review, oldest first (masked)",
        with_errors({{"200", answer("queue", object({{"reviews", {{"type", "array"},
                                                                 {"items", object({{"person_id", integer}, {"name", string_schema("masked")},
                                                                                   {"id_type", string_schema()},
                                                                                   {"id_number", string_schema("masked")},
                                                                                   {"documents", integer}, {"created_at", time}},
                                                                                  {"person_id", "name", "id_type", "id_number"})}}},
                                                     {"next_cursor", nullable_string}},
                                                    {"reviews", "next_cursor"}))}},
                    {400, 401, 403}));
    queue["parameters"] = json::array({query("status", "pending (the default)", {{"type", "string"}, {"enum", {"pending"}}}),
                                       query("limit", "1-200, default 50", integer),
                                       query("cursor", "next_cursor of the previous page")});
    paths["/api/v1/admin/reviews"]["get"] = queue;
    json one = staff_op(
        "Role reviewer: one application unmasked, with its documents (base64) and past decisions; the read is audited",
        with_errors({{"200", answer("application",
                                    object({{"person_id", integer}, {"status", string_schema()}, {"name", string_schema()},
                                            {"id_type", string_schema()}, {"id_number", string_schema()},
                                            {"gender", nullable_string}, {"birth_date", nullable_string},
                                            {"phone", string_schema("masked")}, {"created_at", time},
                                            {"documents", {{"type", "array"},
                                                           {"items", object({{"id", integer}, {"kind", string_schema()},
                                                                             {"content_type", string_schema()}, {"size", integer},
                                                                             {"uploaded_at", time}, {"data", string_schema("base64")}},
                                                                            {"id", "kind", "content_type", "data"})}}},
                                            {"history", {{"type", "array"},
                                                         {"items", object({{"decision", string_schema()}, {"reason", string_schema()},
                                                                           {"staff_id", integer}, {"decided_at", time}},
                                                                          {"decision"})}}}},
                                           {"person_id", "status", "name", "id_number", "documents"}))}},
                    {401, 403, 404}));
    one["parameters"] = json::array({path_param("person_id")});
    paths["/api/v1/admin/reviews/{person_id}"]["get"] = one;
    json decide = staff_op(
        "Role reviewer: approve (active, level 2) or reject (rejected, reason required) a waiting registration",
        with_errors({{"200", answer("decided", object({{"person_id", integer}, {"decision", string_schema()},
                                                       {"status", string_schema()}, {"level", integer}},
                                                      {"person_id", "decision", "status"}))}},
                    {400, 401, 403, 404, 409}),
        object({{"decision", {{"type", "string"}, {"enum", {"approve", "reject"}}}},
                {"reason", string_schema("required to reject; shown to the person")}},
               {"decision"}));
    decide["parameters"] = json::array({path_param("person_id")});
    paths["/api/v1/admin/reviews/{person_id}"]["post"] = decide;
    json upload = operation(
        "Upload one identity document for a registration waiting for review (X-Upload-Token from the registration "
        "or from signing in; at most 2 MiB decoded, JPEG/PNG/PDF checked by content)",
        with_errors({{"201", answer("stored", object({{"document_id", integer}, {"kind", string_schema()},
                                                      {"content_type", string_schema()}, {"size", integer},
                                                      {"status", string_schema()}},
                                                     {"document_id", "kind", "content_type", "size"}))}},
                    {400, 401, 409, 413}),
        object({{"kind", {{"type", "string"}, {"enum", {"passport_photo_page", "residence_permit", "other"}}}},
                {"content_type", {{"type", "string"}, {"enum", {"image/jpeg", "image/png", "application/pdf"}}}},
                {"data", string_schema("the file, standard base64")}},
               {"kind", "content_type", "data"}));
    upload["parameters"] = json::array(
        {path_param("id"), {{"name", "X-Upload-Token"}, {"in", "header"}, {"required", true}, {"schema", {{"type", "string"}}}}});
    paths["/api/v1/persons/{id}/documents"]["post"] = upload;
    paths["/api/v1/face/checks"]["post"] = operation(
        "A new face check for an account in pending_face (identifier + password + captcha, as at sign-in; "
        "at most 5 checks a day)",
        with_errors({{"201", answer("ticket", object({{"face_ticket", string_schema()}, {"face_url", string_schema()},
                                                      {"expires_in", integer}},
                                                     {"face_ticket", "expires_in"}))}},
                    {400, 401, 409, 423, 429, 503}),
        object({{"identifier", string_schema("account, phone or ID number")}, {"password", string_schema()},
                {"captcha_id", string_schema()}, {"captcha_answer", string_schema()}},
               {"identifier", "password", "captcha_id", "captcha_answer"}));
  }
  // sessions of the signed-in person, first sign-in of imported accounts
  paths["/api/v1/openapi.json"]["get"] = operation("This document", {{"200", answer("OpenAPI 3 document")}});
  if (dev_mode) {
    // Served only by `uia serve --dev` (404 in production), so described only there.
    paths["/api/dev/captcha/{id}"]["get"] = operation(
        "Dev mode: the answer of a captcha",
        with_errors({{"200", answer("answer", object({{"answer", string_schema()}}, {"answer"}))}}, {404}));
    paths["/api/dev/sms"]["get"] = operation(
        "Dev mode: SMS messages the simulator delivered to ?phone=, newest first",
        {{"200", answer("messages",
                        object({{"messages", {{"type", "array"},
                                              {"items", object({{"purpose", string_schema()}, {"code", string_schema()},
                                                                {"text", string_schema()},
                                                                {"sent_at", {{"type", "string"}, {"format", "date-time"}}}},
                                                               {"purpose", "code", "text", "sent_at"})}}}},
                               {"messages"}))}});
    paths["/api/dev/face/{ticket}"]["post"] = operation(
        "Dev mode: complete a simulated face check",
        with_errors({{"200", answer("completed")}}, {400, 404}),
        object({{"result", {{"type", "string"}, {"enum", {"pass", "fail"}}}}}, {"result"}));
  }

  return {{"openapi", "3.0.3"},
          {"info", {{"title", "UIA 统一身份认证平台 REST API"}, {"version", "1"}}},
          {"servers", json::array({{{"url", "/"}}})},
          {"paths", paths},
          {"components",
           {{"schemas", schemas},
            {"securitySchemes",
             {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
              {"sessionCookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "uia_session"}}}}}}}};
}

}  // namespace

const nlohmann::json& openapi_document(bool dev_mode) {
  static const nlohmann::json production = build(false);
  static const nlohmann::json dev = build(true);
  return dev_mode ? dev : production;
}

}  // namespace uia::app
