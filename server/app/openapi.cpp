#include "app/openapi.h"

#include "api/error_code.h"
#include "ids/id_types.h"

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

// Every document code of the shared catalogue (ids/id_types.h); `police_only` keeps the ones
// the police identity service checks (relatives).
json id_type_schema(bool police_only = false) {
  json codes = json::array();
  for (const auto& t : id_types())
    if (!police_only || checked_by_police(t)) codes.push_back(std::string(t.code));
  return {{"type", "string"}, {"enum", codes}};
}

// A code of a catalogue the province profile holds: the accepted codes depend on the profile
// the server runs with, so the document names the catalogue instead of copying one profile's.
json profile_code_schema(const char* catalogue) {
  return {{"type", "string"},
          {"description", std::string("a code of the profile's ") + catalogue + " (GET /api/v1/profile)"}};
}

json string_schema(const char* description = nullptr) {
  json s = {{"type", "string"}};
  if (description) s["description"] = description;
  return s;
}

// The personal centre: profile, addresses, e-mail, security questions, recovery by e-mail or questions.
void describe_personal_centre(json& schemas, json& paths, bool dev_mode) {
  const json text_or_null = {{"type", "string"}, {"nullable", true}};
  // An object whose properties are all optional (OpenAPI 3.0 forbids an empty "required").
  const auto all_optional = [](json properties) { return json{{"type", "object"}, {"properties", properties}}; };
  const json basic = all_optional({{"ethnicity", string_schema("民族, from /api/v1/profile/options")},
                             {"education", string_schema("学历, from /api/v1/profile/options")},
                             {"occupation", string_schema("职业, from /api/v1/profile/options")},
                             {"work_unit", string_schema("工作单位, up to 100 characters")},
                             {"contact_address", string_schema("联系地址, up to 200 characters")},
                             {"postcode", string_schema("6 digits")}});
  schemas["Profile"] = object(
      {{"person_id", {{"type", "integer"}}}, {"account", string_schema()}, {"name", string_schema("masked")},
       {"id_type", string_schema()}, {"id_number", string_schema("masked")}, {"id_valid_from", text_or_null},
       {"id_valid_to", text_or_null}, {"gender", text_or_null}, {"birth_date", string_schema("year only: 1990-**-**")},
       {"phone", string_schema("masked")}, {"email", string_schema("masked; empty when none is verified")},
       {"email_verified", {{"type", "boolean"}}}, {"level", {{"type", "integer"}}},
       {"level_label", string_schema("一级实名 | 二级实名 | 三级实名")}, {"status", string_schema()},
       {"security_questions_set", {{"type", "boolean"}}}, {"basic", basic},
       {"created_at", {{"type", "string"}, {"format", "date-time"}}}},
      {"person_id", "name", "id_type", "id_number", "level", "level_label", "status", "basic"});
  schemas["AddressInput"] = object(
      {{"kind", {{"type", "string"}, {"enum", {"contact", "postal"}}}}, {"recipient", string_schema()},
       {"phone", string_schema("11-digit mobile number")}, {"region", string_schema("province/city/district, up to 60")},
       {"region_code", string_schema("optional GB/T 2260 code, 6 digits")}, {"detail", string_schema("up to 120")},
       {"postcode", string_schema("6 digits; required for postal")}, {"is_default", {{"type", "boolean"}}}},
      {"kind", "recipient", "phone", "region", "detail"});
  schemas["Address"] = object(
      {{"id", {{"type", "integer"}}}, {"kind", string_schema()}, {"recipient", string_schema()},
       {"phone", string_schema("masked")}, {"region", string_schema()}, {"region_code", text_or_null},
       {"detail", string_schema()}, {"postcode", text_or_null}, {"is_default", {{"type", "boolean"}}}},
      {"id", "kind", "recipient", "phone", "region", "detail", "is_default"});
  const json sent = object({{"expires_in", {{"type", "integer"}}}, {"resend_after", {{"type", "integer"}}},
                            {"email", string_schema("masked")}},
                           {"expires_in", "resend_after"});
  const json question = object({{"id", string_schema()}, {"text", string_schema()}}, {"id", "text"});
  const json my_questions = object({{"set", {{"type", "boolean"}}},
                                    {"questions", {{"type", "array"}, {"items", question}}}},
                                   {"set", "questions"});

  paths["/api/v1/me/profile"]["get"] = operation(
      "The personal centre's view of the signed-in person (masked), with basic information and the real-name level",
      with_errors({{"200", answer("profile", ref("Profile"))}}, {401}), nullptr, true);
  paths["/api/v1/me/profile"]["put"] = operation(
      "Change basic information, ID validity dates (registration's rules) and the name (re-checked with the police "
      "service for resident IDs and permits; 5 name checks a day). Sending account is ACCOUNT_IMMUTABLE; null or \"\" "
      "clears a basic field",
      with_errors({{"200", answer("profile", ref("Profile"))}}, {400, 401, 403, 429, 503}),
      all_optional({{"name", string_schema()}, {"id_valid_from", {{"type", "string"}, {"format", "date"}}},
              {"id_valid_to", string_schema("YYYY-MM-DD or long_term")}, {"ethnicity", text_or_null},
              {"education", text_or_null}, {"occupation", text_or_null}, {"work_unit", text_or_null},
              {"contact_address", text_or_null}, {"postcode", text_or_null}}),
      true);
  paths["/api/v1/profile/options"]["get"] = operation(
      "The lists the basic-information pickers offer, and the free-text limits",
      {{"200", answer("options", object({{"ethnicity", {{"type", "array"}, {"items", string_schema()}}},
                                         {"education", {{"type", "array"}, {"items", string_schema()}}},
                                         {"occupation", {{"type", "array"}, {"items", string_schema()}}},
                                         {"limits", {{"type", "object"}}}},
                                        {"ethnicity", "education", "occupation"}))}});
  paths["/api/v1/me/addresses"]["get"] = operation(
      "The signed-in person's contact and postal (EMS) addresses, default first (?kind=contact|postal)",
      with_errors({{"200", answer("addresses", object({{"addresses", {{"type", "array"}, {"items", ref("Address")}}},
                                                       {"max", {{"type", "integer"}}}},
                                                      {"addresses"}))}},
                  {400, 401}),
      nullptr, true);
  paths["/api/v1/me/addresses"]["post"] = operation(
      "Add an address (at most 20; the first of a kind becomes its default)",
      with_errors({{"201", answer("created", ref("Address"))}}, {400, 401, 403, 409}), ref("AddressInput"), true);
  paths["/api/v1/me/addresses/{id}"]["put"] = operation(
      "Replace an address of the signed-in person (another person's id is 404)",
      with_errors({{"200", answer("updated", ref("Address"))}}, {400, 401, 403, 404}), ref("AddressInput"), true);
  paths["/api/v1/me/addresses/{id}/default"]["post"] = operation(
      "Make an address the default of its kind (设为默认), without resending it",
      with_errors({{"200", answer("updated", ref("Address"))}}, {401, 403, 404}), nullptr, true);
  paths["/api/v1/me/addresses/{id}"]["delete"] = operation(
      "Delete an address (the newest remaining of its kind becomes the default)",
      with_errors({{"204", answer("deleted")}}, {401, 403, 404}), nullptr, true);
  paths["/api/v1/me/email"]["put"] = operation(
      "Bind or change the e-mail address: login password, then a 6-digit code goes to the address",
      with_errors({{"202", answer("code sent", sent)}}, {400, 401, 403, 409, 429, 503}),
      object({{"password", string_schema()}, {"email", string_schema()}}, {"password", "email"}), true);
  paths["/api/v1/me/email/verify"]["post"] = operation(
      "Confirm the e-mail address with the code it received",
      with_errors({{"200", answer("verified", object({{"email", string_schema("masked")},
                                                      {"email_verified", {{"type", "boolean"}}}},
                                                     {"email", "email_verified"}))}},
                  {400, 401, 403, 409}),
      object({{"email_code", string_schema()}}, {"email_code"}), true);
  paths["/api/v1/security-questions"]["get"] = operation(
      "The fixed catalogue of security questions",
      {{"200", answer("catalogue", object({{"questions", {{"type", "array"}, {"items", question}}},
                                           {"count", {{"type", "integer"}}}},
                                          {"questions"}))}});
  paths["/api/v1/me/security-questions"]["get"] = operation(
      "Which security questions the signed-in person set (never the answers)",
      with_errors({{"200", answer("questions", my_questions)}}, {401}), nullptr, true);
  paths["/api/v1/me/security-questions"]["put"] = operation(
      "Set three different security questions with answers (login password required; answers stored as Argon2id "
      "hashes after trimming and ASCII case-folding)",
      with_errors({{"200", answer("questions", my_questions)}}, {400, 401, 403, 503}),
      object({{"password", string_schema()},
              {"questions", {{"type", "array"}, {"minItems", 3}, {"maxItems", 3},
                             {"items", object({{"question", string_schema("catalogue id")}, {"answer", string_schema()}},
                                              {"question", "answer"})}}}},
             {"password", "questions"}),
      true);
  paths["/api/v1/recovery/{id}/email"]["post"] = operation(
      "Forgotten password, step 2 by e-mail: a code to the account's verified address",
      with_errors({{"202", answer("sent", sent)}}, {400, 404, 429, 503}));
  // Step 1 now lists the methods; step 3 takes a method (the SMS form stays the default).
  auto& start = paths["/api/v1/recovery"]["post"]["responses"]["201"]["content"]["application/json"]["schema"];
  start["properties"]["methods"] = {{"type", "array"},
                                    {"items", {{"type", "string"}, {"enum", {"phone", "email", "security_questions"}}}}};
  start["properties"]["email"] = string_schema("masked; when e-mail recovery is available");
  start["properties"]["questions"] = {{"type", "array"}, {"items", question}};
  start["required"] = {"recovery_id", "methods"};
  paths["/api/v1/recovery/{id}/password"]["post"] = operation(
      "Forgotten password, step 3: {method: sms (default) | email | security_questions} + proof + new password "
      "(all sessions end and their business systems get back-channel logout; 5 wrong answer sets a day lock the questions)",
      with_errors({{"204", answer("reset")}}, {400, 404, 423, 503}),
      object({{"method", {{"type", "string"}, {"enum", {"sms", "email", "security_questions"}}}},
              {"sms_code", string_schema()}, {"email_code", string_schema()},
              {"answers", {{"type", "array"}, {"items", string_schema()}, {"minItems", 3}, {"maxItems", 3}}},
              {"new_password", string_schema()}},
             {"new_password"}));
  if (dev_mode) {
    paths["/api/dev/mail"]["get"] = operation(
        "Dev mode: e-mails the simulator delivered to ?to=, newest first",
        {{"200", answer("messages",
                        object({{"messages", {{"type", "array"},
                                              {"items", object({{"to", string_schema()}, {"purpose", string_schema()},
                                                                {"code", string_schema()}, {"subject", string_schema()},
                                                                {"text", string_schema()},
                                                                {"sent_at", {{"type", "string"}, {"format", "date-time"}}}},
                                                               {"to", "purpose", "code", "text", "sent_at"})}}}},
                               {"messages"}))}});
  }
}

// Back-office: staff sessions, the audit query, document upload and review, face-check retry.
// OpenID Connect provider. The OAuth endpoints (/oidc/*, /.well-known/*) answer RFC 6749 errors
// ({"error", "error_description"}) and are named in the discovery document; /api/v1 routes use
// the usual envelope.
void describe_oidc(json& paths) {
  const json integer = {{"type", "integer"}};
  const json scopes = {{"type", "array"}, {"items", string_schema()}};
  const json oauth_error = answer("RFC 6749 error", object({{"error", string_schema()}, {"error_description", string_schema()}}, {"error"}));
  const auto form_op = [&](const char* summary, json responses, json properties, std::vector<std::string> required) {
    json op = {{"summary", summary}, {"responses", std::move(responses)}};
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/x-www-form-urlencoded", {{"schema", object(properties, required)}}}}}};
    return op;
  };
  paths["/.well-known/openid-configuration"]["get"] =
      operation("OpenID Connect discovery: issuer, endpoints, algorithms, scopes, acr values", {{"200", answer("provider metadata")}});
  paths["/.well-known/jwks.json"]["get"] = operation("The provider's public signing keys (same as /oidc/jwks)", {{"200", answer("JWK set")}});
  paths["/oidc/jwks"]["get"] = operation("The provider's public signing keys: current ES256 and RS256 keys, and replaced keys while "
                                         "tokens they signed may still be valid", {{"200", answer("JWK set")}});
  json authorize = operation(
      "Authorization endpoint (code flow, PKCE S256; plain refused; required of public clients). A bad client_id or "
      "redirect_uri answers 400 here; other errors go to the redirect URI. Without a signed-in person of the required "
      "level: 302 to /#/login?oidc=<request_id>; without consent: 302 to /#/consent?oidc=<request_id>",
      {{"302", answer("to the client's redirect URI (code, state, iss) or to the web client's login/consent page")},
       {"400", oauth_error}});
  authorize["parameters"] = json::array();
  for (const char* name : {"client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge",
                           "code_challenge_method", "acr_values", "claims", "prompt"})
    authorize["parameters"].push_back({{"name", name}, {"in", "query"}, {"required", false}, {"schema", string_schema()}});
  paths["/oidc/authorize"]["get"] = authorize;
  paths["/oidc/token"]["post"] = form_op(
      "Token endpoint: authorization_code (client_secret_basic, client_secret_post, private_key_jwt, or PKCE for public "
      "clients) and refresh_token (rotated; reuse revokes the family). private_key_jwt: client_assertion_type "
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer and a client_assertion signed ES256/RS256 by a registered "
      "key, iss = sub = client_id, aud the token endpoint or the issuer, at most 5 minutes of life, a jti used once",
      {{"200", answer("tokens", object({{"access_token", string_schema()}, {"token_type", string_schema()},
                                        {"expires_in", integer}, {"refresh_token", string_schema()},
                                        {"id_token", string_schema("JWS, ES256 or RS256 per client")}, {"scope", string_schema()}},
                                       {"access_token", "token_type", "expires_in", "id_token"}))},
       {"400", oauth_error}, {"401", oauth_error}},
      {{"grant_type", string_schema()}, {"code", string_schema()}, {"redirect_uri", string_schema()},
       {"code_verifier", string_schema()}, {"refresh_token", string_schema()}, {"client_id", string_schema()},
       {"client_secret", string_schema()}, {"client_assertion_type", string_schema()}, {"client_assertion", string_schema()}},
      {"grant_type"});
  const json userinfo = {{"200", answer("claims by scope: sub, uia_level, acr; profile: name; phone: phone_number, "
                                        "phone_number_verified; uia_id (clients registered for it, persons of level 2+): "
                                        "id_type, id_number")},
                         {"401", oauth_error}};
  paths["/oidc/userinfo"]["get"] = operation("UserInfo (Authorization: Bearer <access token>)", userinfo);
  paths["/oidc/userinfo"]["post"] = operation("UserInfo (bearer header or access_token form field)", userinfo);
  paths["/oidc/introspect"]["post"] = form_op(
      "Token introspection (RFC 7662), confidential clients, their own tokens only",
      {{"200", answer("{active, scope, client_id, sub, exp, iat, token_type, ...} or {active: false}")}, {"400", oauth_error},
       {"401", oauth_error}},
      {{"token", string_schema()}, {"token_type_hint", string_schema()}}, {"token"});
  paths["/oidc/revoke"]["post"] = form_op(
      "Token revocation (RFC 7009): a refresh token ends its whole family; 200 whether or not the token was known",
      {{"200", answer("revoked")}, {"400", oauth_error}, {"401", oauth_error}},
      {{"token", string_schema()}, {"token_type_hint", string_schema()}}, {"token"});

  json logout = operation(
      "RP-initiated logout: ends the browser's sign-in session (id_token_hint names the client and person; "
      "post_logout_redirect_uri must be registered exactly, else 400), revokes the tokens the session gave, and tells "
      "every client it touched by back-channel logout",
      {{"302", answer("to post_logout_redirect_uri (with state) or to the web client")}, {"400", oauth_error}});
  logout["parameters"] = json::array();
  for (const char* name : {"id_token_hint", "client_id", "post_logout_redirect_uri", "state"})
    logout["parameters"].push_back({{"name", name}, {"in", "query"}, {"required", false}, {"schema", string_schema()}});
  paths["/oidc/logout"]["get"] = logout;
  paths["/api/v1/oidc/requests/{id}"]["get"] = operation(
      "For the web client's login/consent pages: the pending authorization request (client, scopes, level required, "
      "and the signed-in person masked, if any)",
      with_errors({{"200", answer("request", object({{"request_id", string_schema()},
                                                     {"client", object({{"client_id", string_schema()}, {"name", string_schema()}},
                                                                       {"client_id", "name"})},
                                                     {"scopes", scopes}, {"level_required", integer},
                                                     {"level_required_label", string_schema()}, {"expires_in", integer},
                                                     {"prompt", {{"type", "array"}, {"items", string_schema()},
                                                                 {"description", "the request's prompt values (login, consent)"}}},
                                                     {"person", {{"type", "object"}, {"nullable", true}}}},
                                                    {"request_id", "client", "scopes", "level_required"}))}},
                  {404}));
  paths["/api/v1/oidc/requests/{id}/decision"]["post"] = operation(
      "The person's decision on a pending request (session; cookie callers send X-CSRF-Token): approve → redirect_to "
      "carries code, state and iss; refuse → error=access_denied",
      with_errors({{"200", answer("where to send the browser", object({{"redirect_to", string_schema()}}, {"redirect_to"}))}},
                  {400, 401, 403, 404}),
      object({{"approve", {{"type", "boolean"}}}}, {"approve"}), true);

  const json client = object(
      {{"client_id", string_schema()}, {"name", string_schema()}, {"client_type", string_schema("confidential | public")},
       {"redirect_uris", scopes}, {"post_logout_redirect_uris", scopes}, {"scopes", scopes},
       {"subject_type", string_schema("public | pairwise")}, {"id_token_signed_response_alg", string_schema("ES256 | RS256")},
       {"backchannel_logout_uri", {{"type", "string"}, {"nullable", true}}}, {"min_level", integer},
       {"token_endpoint_auth_method", string_schema("client_secret_basic | client_secret_post | private_key_jwt | none")},
       {"jwks", {{"type", "object"}, {"nullable", true}, {"description", "private_key_jwt: the registered public keys"}}},
       {"enabled", {{"type", "boolean"}}}, {"created_at", {{"type", "string"}, {"format", "date-time"}}},
       {"client_secret", string_schema("only in the answer to registration")}},
      {"client_id", "name", "client_type", "redirect_uris", "scopes", "subject_type", "min_level", "enabled"});
  const auto staff_op = [](const char* summary, json responses, json body = nullptr) {
    json op = operation(summary, std::move(responses), std::move(body));
    op["security"] = json::array({{{"bearer", json::array()}}});
    return op;
  };
  paths["/api/v1/admin/clients"]["post"] = staff_op(
      "Role admin: register a business system (the secret is shown once; redirect URIs are matched exactly)",
      with_errors({{"201", answer("registered", client)}}, {400, 401, 403}),
      object({{"name", string_schema()}, {"client_type", string_schema("confidential (default) | public")},
              {"redirect_uris", scopes}, {"post_logout_redirect_uris", scopes}, {"scopes", scopes},
              {"subject_type", string_schema("public (default) | pairwise")},
              {"id_token_signed_response_alg", string_schema("ES256 (default) | RS256")},
              {"backchannel_logout_uri", string_schema()}, {"min_level", integer},
              {"token_endpoint_auth_method",
               string_schema("client_secret_basic (default) | client_secret_post | private_key_jwt; none for public clients")},
              {"jwks", {{"type", "object"},
                        {"description", "private_key_jwt only, required: {\"keys\": [1-5 public JWKs: EC P-256 (ES256) or RSA "
                                        ">= 2048 bits (RS256); kid required and unique when several]}. jwks_uri is refused "
                                        "(CLIENT_JWKS_URI_UNSUPPORTED)"}}}},
             {"name", "redirect_uris"}));
  paths["/api/v1/admin/clients"]["get"] = staff_op(
      "Role admin: every registered business system",
      with_errors({{"200", answer("clients", object({{"clients", {{"type", "array"}, {"items", client}}}}, {"clients"}))}},
                  {401, 403}));
  paths["/api/v1/admin/clients/{id}/disable"]["post"] = staff_op(
      "Role admin: disable a business system (its tokens stop working at once)",
      with_errors({{"200", answer("disabled", client)}}, {401, 403, 404}));
  paths["/api/v1/me/authorized-clients"]["get"] = operation(
      "The business systems the signed-in person has authorized",
      with_errors({{"200", answer("clients", object({{"clients", {{"type", "array"}, {"items", object(
          {{"client_id", string_schema()}, {"name", string_schema()}, {"scopes", scopes},
           {"authorized_at", {{"type", "string"}, {"format", "date-time"}}},
           {"last_used_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}}},
          {"client_id", "name", "scopes", "authorized_at"})}}}}, {"clients"}))}}, {401}),
      nullptr, true);
  paths["/api/v1/me/authorized-clients/{client_id}"]["delete"] = operation(
      "Withdraw a business system's authorization: its tokens for the person stop working",
      with_errors({{"204", answer("revoked")}}, {401, 403, 404}), nullptr, true);
}

// Appeals (账号申诉), the appellant's side: anonymous; the materials and the submission take the
// case's upload token in X-Upload-Token.
void describe_appeals(json& paths) {
  const json integer = {{"type", "integer"}};
  const json time = {{"type", "string"}, {"format", "date-time"}};
  const json nullable_time = {{"type", "string"}, {"format", "date-time"}, {"nullable", true}};
  const json codes = {{"type", "array"}, {"items", {{"type", "string"}}}};
  const json material_list = {{"type", "array"},
                              {"items", object({{"code", string_schema()}, {"label", string_schema()}}, {"code", "label"})}};
  const json case_number = {{"name", "case_number"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
  const json upload_token = {{"name", "X-Upload-Token"}, {"in", "header"}, {"required", true}, {"schema", {{"type", "string"}}}};
  paths["/api/v1/appeals/kinds"]["get"] = operation(
      "The appeal kinds, their party and hint, and the materials each requires or allows",
      {{"200", answer("kinds", object({{"kinds", {{"type", "array"},
                                                  {"items", object({{"code", string_schema()}, {"label", string_schema()},
                                                                    {"party", {{"type", "string"}, {"enum", {"person", "enterprise"}}}},
                                                                    {"hint", string_schema()},
                                                                    {"required_materials", material_list},
                                                                    {"optional_materials", material_list}},
                                                                   {"code", "label", "party", "required_materials"})}}},
                                       {"document_max_kib", integer}},
                                      {"kinds", "document_max_kib"}))}});
  json lookup = operation(
      "The organisation a USCC belongs to in the business registry, its name masked (first step of an enterprise appeal)",
      with_errors({{"200", answer("found", object({{"uscc", string_schema()}, {"name", string_schema("masked")}},
                                                  {"uscc", "name"}))}},
                  {400, 404, 429, 503}));
  lookup["parameters"] = json::array({{{"name", "uscc"}, {"in", "query"}, {"required", true}, {"schema", {{"type", "string"}}}}});
  paths["/api/v1/appeals/enterprise"]["get"] = lookup;
  paths["/api/v1/appeals"]["post"] = operation(
      "File an appeal (a draft): kind, the kind's fields (see issue 16), phone + sms_code (purpose appeal), remark "
      "(<= 150 characters); person_id_taken and enterprise_register_assist also captcha_id + captcha_answer. One open "
      "appeal per phone, ID number and USCC (409 APPEAL_ALREADY_OPEN)",
      with_errors({{"201", answer("filed", object({{"case_number", string_schema()}, {"status", string_schema()},
                                                   {"upload_token", string_schema("send as X-Upload-Token")},
                                                   {"upload_expires_in", integer}, {"required_materials", codes},
                                                   {"optional_materials", codes}},
                                                  {"case_number", "status", "upload_token", "upload_expires_in"}))}},
                  {400, 403, 409, 429, 503}),
      {{"type", "object"},
       {"properties", {{"kind", string_schema("a code of GET /api/v1/appeals/kinds")}, {"phone", string_schema()},
                       {"sms_code", string_schema()}, {"remark", string_schema()}}},
       {"required", {"kind", "phone", "sms_code"}},
       {"additionalProperties", true}});
  json upload = operation(
      "Upload a material to a draft (JPEG, PNG or PDF by content, at most the profile's document_max_kib); a kind "
      "uploaded again replaces the earlier file",
      with_errors({{"201", answer("stored", object({{"material_id", integer}, {"kind", string_schema()}, {"size", integer}},
                                                   {"material_id", "kind", "size"}))}},
                  {400, 401, 409, 413, 429}),
      object({{"kind", string_schema()},
              {"content_type", {{"type", "string"}, {"enum", {"image/jpeg", "image/png", "application/pdf"}}}},
              {"data", string_schema("base64")}},
             {"kind", "content_type", "data"}));
  upload["parameters"] = json::array({case_number, upload_token});
  paths["/api/v1/appeals/{case_number}/materials"]["post"] = upload;
  json remove = operation("Remove a material from a draft", with_errors({{"204", answer("removed")}}, {401, 404, 409, 429}));
  remove["parameters"] = json::array(
      {case_number, upload_token, {{"name", "material_id"}, {"in", "path"}, {"required", true}, {"schema", integer}}});
  paths["/api/v1/appeals/{case_number}/materials/{material_id}"]["delete"] = remove;
  json submit = operation(
      "Submit a draft for review (409 APPEAL_MATERIALS_MISSING with error.missing when required materials are absent); "
      "due_at is the review target, working days later",
      with_errors({{"200", answer("submitted", object({{"case_number", string_schema()}, {"status", string_schema()},
                                                       {"due_at", time}},
                                                      {"case_number", "status", "due_at"}))}},
                  {401, 409, 429}));
  submit["parameters"] = json::array({case_number, upload_token});
  paths["/api/v1/appeals/{case_number}/submit"]["post"] = submit;
  paths["/api/v1/appeals/progress"]["post"] = operation(
      "申诉进度查询: case number + contact phone + SMS code (purpose appeal); 404 APPEAL_NOT_FOUND when they do not match",
      with_errors({{"200", answer("the case as the appellant may see it",
                                  object({{"case_number", string_schema()}, {"kind", string_schema()},
                                          {"kind_label", string_schema()}, {"status", string_schema()},
                                          {"status_label", string_schema()}, {"submitted_at", nullable_time},
                                          {"due_at", nullable_time}, {"decided_at", nullable_time},
                                          {"reason", {{"type", "string"}, {"nullable", true}}},
                                          {"events", {{"type", "array"},
                                                      {"items", object({{"at", time}, {"action", string_schema()}},
                                                                       {"at", "action"})}}}},
                                         {"case_number", "kind", "status", "events"}))}},
                  {400, 404, 429}),
      object({{"case_number", string_schema()}, {"phone", string_schema()}, {"sms_code", string_schema()}},
             {"case_number", "phone", "sms_code"}));
  paths["/api/v1/appeals/templates/authorisation-letter"]["get"] = operation(
      "The 申诉授权书 template to print, sign, stamp and upload (HTML, as an attachment)",
      {{"200", {{"description", "the template"}, {"content", {{"text/html", {{"schema", {{"type", "string"}}}}}}}}}});
}

void describe_back_office(json& paths) {
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
      object({{"kind", profile_code_schema("document_kinds")},
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
  json status = operation(
      "Where a face check stands, for the page that shows its ticket and waits (no session: the ticket is the "
      "bearer; a pending check past its time reads expired)",
      with_errors({{"200", answer("status", object({{"ticket", string_schema()},
                                                   {"purpose", string_schema("register | retry | ...")},
                                                   {"status", {{"type", "string"}, {"enum", {"pending", "passed", "failed", "expired", "superseded"}}}},
                                                   {"expires_in", integer}},
                                                  {"ticket", "status", "expires_in"}))}},
                  {404}));
  status["parameters"] = json::array(
      {{{"name", "ticket"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}});
  paths["/api/v1/face/checks/{ticket}"]["get"] = status;
}

// Between persons: my messages, relatives (亲属), authorization relations between persons (授权).
// Appeals casework and account freeze for staff (role reviewer).
void describe_casework(json& paths) {
  const auto staff_op = [](const char* summary, json responses, json body = nullptr) {
    json op = operation(summary, std::move(responses), std::move(body));
    op["security"] = json::array({{{"bearer", json::array()}}});
    return op;
  };
  const json integer = {{"type", "integer"}};
  const json time = {{"type", "string"}, {"format", "date-time"}, {"nullable", true}};
  const json nullable_string = {{"type", "string"}, {"nullable", true}};
  const json nullable_integer = {{"type", "integer"}, {"nullable", true}};
  const auto query = [](const char* name, const char* description, json schema = {{"type", "string"}}) {
    return json{{"name", name}, {"in", "query"}, {"required", false}, {"description", description}, {"schema", schema}};
  };
  const json case_param = {{"name", "case_number"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
  const auto id_param = [](const char* name) {
    return json{{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}};
  };
  const json summary = object({{"case_number", string_schema()}, {"kind", string_schema()}, {"kind_label", string_schema()},
                               {"status", string_schema()}, {"status_label", string_schema()}, {"submitted_at", time},
                               {"due_at", time}, {"overdue", {{"type", "boolean"}}}, {"claimed_by", nullable_integer},
                               {"claimed_by_me", {{"type", "boolean"}}}, {"applicant", string_schema("masked")},
                               {"contact_phone", string_schema("masked in the list, whole in one case")}},
                              {"case_number", "kind", "status", "overdue"});
  json list = staff_op("Role reviewer: the appeal cases, oldest first, masked; filters combine",
                       with_errors({{"200", answer("cases", object({{"cases", {{"type", "array"}, {"items", summary}}},
                                                                   {"next_cursor", nullable_string}},
                                                                  {"cases", "next_cursor"}))}},
                                   {400, 401, 403}));
  list["parameters"] = json::array(
      {query("kind", "one appeal kind"),
       query("status", "submitted, in_review, awaiting_second, second_review, approved, rejected, or open (not decided)"),
       query("overdue", "true: open cases past their due time (working days after submission)"),
       query("older_than_hours", "cases submitted more than N hours ago", integer),
       query("mine", "true: the cases the caller holds"), query("limit", "1-200, default 50", integer),
       query("cursor", "next_cursor of the previous page")});
  paths["/api/v1/admin/cases"]["get"] = list;
  json one = staff_op(
      "Role reviewer: one case unmasked (its fields, the account concerned, materials listed, history); audited case.read",
      with_errors({{"200", answer("case", summary)}}, {401, 403, 404}));
  one["parameters"] = json::array({case_param});
  paths["/api/v1/admin/cases/{case_number}"]["get"] = one;
  json material = staff_op("Role reviewer: one material of a case, base64; audited case.material.read",
                           with_errors({{"200", answer("material", object({{"id", integer}, {"kind", string_schema()},
                                                                           {"content_type", string_schema()}, {"size", integer},
                                                                           {"data", string_schema("base64")}},
                                                                          {"id", "kind", "content_type", "data"}))}},
                                       {401, 403, 404}));
  material["parameters"] = json::array({case_param, id_param("material_id")});
  paths["/api/v1/admin/cases/{case_number}/materials/{material_id}"]["get"] = material;
  json claim = staff_op("Role reviewer: take a case (submitted → in_review; awaiting_second → second_review, "
                        "not by its first reviewer)",
                        with_errors({{"200", answer("claimed", summary)}}, {401, 403, 404, 409}));
  claim["parameters"] = json::array({case_param});
  paths["/api/v1/admin/cases/{case_number}/claim"]["post"] = claim;
  json release = staff_op("Role reviewer: put a case one holds back in the queue",
                          with_errors({{"200", answer("released", summary)}}, {401, 403, 404, 409}));
  release["parameters"] = json::array({case_param});
  paths["/api/v1/admin/cases/{case_number}/release"]["post"] = release;
  json decide = staff_op(
      "Role reviewer: approve (the account change is applied in the same transaction) or reject (reason required) "
      "a case one holds; the appellant is told by SMS (and 我的消息)",
      with_errors({{"200", answer("decided", object({{"case_number", string_schema()}, {"status", string_schema()}},
                                                    {"case_number", "status"}))}},
                  {400, 401, 403, 404, 409}),
      object({{"decision", {{"type", "string"}, {"enum", {"approve", "reject"}}}},
              {"reason", string_schema("required to reject (at most 500 characters); shown to the appellant")}},
             {"decision"}));
  decide["parameters"] = json::array({case_param});
  paths["/api/v1/admin/cases/{case_number}/decision"]["post"] = decide;

  const json account = object({{"type", string_schema()}, {"id", integer}, {"name", string_schema()},
                               {"status", string_schema()}, {"frozen", {{"type", "boolean"}}}},
                              {"type", "id", "frozen"});
  json find = staff_op("Role reviewer: find an account by exactly one of phone, id_number, uscc (masked); audited",
                       with_errors({{"200", answer("accounts", object({{"accounts", {{"type", "array"}, {"items", account}}}},
                                                                      {"accounts"}))}},
                                   {400, 401, 403}));
  find["parameters"] = json::array({query("phone", "a person's phone"), query("id_number", "a person's document number"),
                                    query("uscc", "an enterprise's unified social credit code")});
  paths["/api/v1/admin/accounts"]["get"] = find;
  const json reason = object({{"reason", string_schema("required")}}, {"reason"});
  const json frozen = object({{"type", string_schema()}, {"id", integer}, {"frozen", {{"type", "boolean"}}}},
                             {"type", "id", "frozen"});
  for (const auto& [base, param] : {std::pair{"/api/v1/admin/persons/{person_id}", "person_id"},
                                    std::pair{"/api/v1/admin/enterprises/{enterprise_id}", "enterprise_id"}}) {
    json freeze = staff_op("Role reviewer: freeze the account (sign-in refused with ACCOUNT_FROZEN; its sessions and "
                           "business-system tokens end at once); audited account.freeze",
                           with_errors({{"200", answer("frozen", frozen)}}, {400, 401, 403, 404, 409}), reason);
    freeze["parameters"] = json::array({id_param(param)});
    paths[std::string(base) + "/freeze"]["post"] = freeze;
    json unfreeze = staff_op("Role reviewer: unfreeze the account; audited account.unfreeze",
                             with_errors({{"200", answer("unfrozen", frozen)}}, {400, 401, 403, 404, 409}), reason);
    unfreeze["parameters"] = json::array({id_param(param)});
    paths[std::string(base) + "/unfreeze"]["post"] = unfreeze;
  }
}

void describe_person_relations(json& schemas, json& paths) {
  const json text_or_null = {{"type", "string"}, {"nullable", true}};
  const json time_or_null = {{"type", "string"}, {"format", "date-time"}, {"nullable", true}};
  schemas["Message"] = object(
      {{"id", {{"type", "integer"}}}, {"kind", string_schema("delegation.request, delegation.confirmed, ...")},
       {"title", string_schema()}, {"body", string_schema()},
       {"subject", {{"type", "string"}, {"nullable", true}, {"description", "the record it is about, delegation:12"}}},
       {"payload", {{"type", "object"}}}, {"action_expires_at", time_or_null},
       {"created_at", {{"type", "string"}, {"format", "date-time"}}}, {"read", {{"type", "boolean"}}},
       {"read_at", time_or_null}},
      {"id", "kind", "title", "body", "payload", "created_at", "read"});
  schemas["RelativeInput"] = object(
      {{"relation", profile_code_schema("relations")},
       {"name", string_schema()},
       {"id_type", id_type_schema(true)},
       {"id_number", string_schema()},
       {"birth_date", string_schema("YYYY-MM-DD; permits only (a resident ID carries it)")},
       {"id_valid_from", string_schema("YYYY-MM-DD; residents of 16 and over")},
       {"id_valid_to", string_schema("YYYY-MM-DD or long_term")}},
      {"relation", "name", "id_type", "id_number"});
  schemas["Relative"] = object(
      {{"id", {{"type", "integer"}}}, {"relation", string_schema()}, {"relation_label", string_schema()},
       {"name", string_schema("masked")}, {"id_type", string_schema()}, {"id_number", string_schema("masked")},
       {"age", {{"type", "integer"}}}, {"id_valid_from", text_or_null}, {"id_valid_to", text_or_null},
       {"status", {{"type", "string"}, {"enum", {"verified", "pending_face", "face_failed"}}}},
       {"face_needed", {{"type", "boolean"}}},
       {"face_ticket", string_schema("only in the answer that started a face check")},
       {"face_url", string_schema("where the relative completes the face check")}},
      {"id", "relation", "name", "id_type", "id_number", "age", "status"});
  schemas["Delegation"] = object(
      {{"id", {{"type", "integer"}}}, {"role", {{"type", "string"}, {"enum", {"grantor", "grantee"}}}},
       {"grantor", object({{"name", string_schema("masked")}}, {"name"})},
       {"grantee", object({{"name", string_schema("masked")}, {"id_number", string_schema("masked")}}, {"name"})},
       {"scope", {{"type", "string"}, {"enum", {"all", "query", "apply"}}}}, {"scope_label", string_schema()},
       {"valid_from", {{"type", "string"}, {"format", "date"}}}, {"valid_to", {{"type", "string"}, {"format", "date"}}},
       {"state", {{"type", "string"},
                  {"enum", {"awaiting_face", "face_failed", "pending", "active", "refused", "expired", "ended"}}}},
       {"confirm_by", time_or_null}, {"ended_by", text_or_null},
       {"created_at", {{"type", "string"}, {"format", "date-time"}}},
       {"face_ticket", string_schema("only when created: the grantor's face check")}, {"face_url", string_schema()}},
      {"id", "role", "scope", "valid_from", "valid_to", "state"});
  const json delegation_list = object({{"delegations", {{"type", "array"}, {"items", ref("Delegation")}}},
                                       {"scopes", {{"type", "array"}, {"items", {{"type", "object"}}}}}},
                                      {"delegations"});

  paths["/api/v1/me/messages"]["get"] = operation(
      "My messages (我的消息), newest first: ?unread=true, ?page=1, ?per_page=20 (at most 100); with the unread count",
      with_errors({{"200", answer("messages", object({{"messages", {{"type", "array"}, {"items", ref("Message")}}},
                                                      {"total", {{"type", "integer"}}}, {"unread", {{"type", "integer"}}},
                                                      {"page", {{"type", "integer"}}}, {"per_page", {{"type", "integer"}}}},
                                                     {"messages", "total", "unread"}))}},
                  {400, 401, 403}),
      nullptr, true);
  paths["/api/v1/me/messages/{id}/read"]["post"] = operation(
      "Mark one message read (another person's id is 404)",
      with_errors({{"200", answer("read", ref("Message"))}}, {401, 403, 404}), nullptr, true);
  paths["/api/v1/me/messages/read-all"]["post"] = operation(
      "Mark every message read",
      with_errors({{"200", answer("marked", object({{"marked", {{"type", "integer"}}}}, {"marked"}))}}, {401, 403}),
      nullptr, true);
  paths["/api/v1/me/relatives"]["get"] = operation(
      "My relatives (亲属, masked), the relation kinds and the limit",
      with_errors({{"200", answer("relatives", object({{"relatives", {{"type", "array"}, {"items", ref("Relative")}}},
                                                       {"max", {{"type", "integer"}}},
                                                       {"relations", {{"type", "array"}, {"items", {{"type", "object"}}}}}},
                                                      {"relatives"}))}},
                  {401, 403}),
      nullptr, true);
  paths["/api/v1/me/relatives"]["post"] = operation(
      "Add a relative: name and document checked with the police service; 16 and over stays pending_face until the "
      "relative's face check (face_ticket) passes; under 16 is verified at once. At most 20, no duplicates",
      with_errors({{"201", answer("created", ref("Relative"))}}, {400, 401, 403, 409, 503}), ref("RelativeInput"), true);
  paths["/api/v1/me/relatives/{id}"]["put"] = operation(
      "Change a relative; a new name or document is checked again (police, and face at 16 and over)",
      with_errors({{"200", answer("updated", ref("Relative"))}}, {400, 401, 403, 404, 409, 503}), ref("RelativeInput"),
      true);
  paths["/api/v1/me/relatives/{id}"]["delete"] = operation(
      "Delete a relative", with_errors({{"204", answer("deleted")}}, {401, 403, 404}), nullptr, true);
  paths["/api/v1/me/relatives/{id}/face"]["post"] = operation(
      "A new face check for a relative still pending_face or face_failed (the earlier ticket stops counting)",
      with_errors({{"201", answer("started", ref("Relative"))}}, {401, 403, 404, 409, 503}), nullptr, true);
  paths["/api/v1/me/delegations"]["post"] = operation(
      "Authorize another registered person (授权关系): name + ID number (+ phone) must match an active account; the "
      "grantor's own face check (face_ticket) must pass before the grantee is asked (24 h to confirm in my messages)",
      with_errors({{"201", answer("created, awaiting_face", ref("Delegation"))}}, {400, 401, 403, 404, 409, 503}),
      object({{"name", string_schema()}, {"id_number", string_schema()}, {"phone", string_schema("optional")},
              {"scope", {{"type", "string"}, {"enum", {"all", "query", "apply"}}}},
              {"valid_from", string_schema("YYYY-MM-DD, today or later; default today")},
              {"valid_to", string_schema("YYYY-MM-DD, at most 5 years after valid_from")}},
             {"name", "id_number", "scope", "valid_to"}),
      true);
  paths["/api/v1/me/delegations/given"]["get"] = operation(
      "Authorizations I granted, newest first",
      with_errors({{"200", answer("delegations", delegation_list)}}, {401, 403}), nullptr, true);
  paths["/api/v1/me/delegations/received"]["get"] = operation(
      "Authorizations granted to me (once the grantor's face check passed), newest first",
      with_errors({{"200", answer("delegations", delegation_list)}}, {401, 403}), nullptr, true);
  paths["/api/v1/me/delegations/{id}/confirm"]["post"] = operation(
      "The grantee accepts a pending authorization (409 DELEGATION_EXPIRED after 24 h)",
      with_errors({{"200", answer("active", ref("Delegation"))}}, {401, 403, 404, 409}), nullptr, true);
  paths["/api/v1/me/delegations/{id}/refuse"]["post"] = operation(
      "The grantee refuses a pending authorization",
      with_errors({{"200", answer("refused", ref("Delegation"))}}, {401, 403, 404, 409}), nullptr, true);
  paths["/api/v1/me/delegations/{id}/end"]["post"] = operation(
      "Either side ends an authorization not over yet (the other side gets a message)",
      with_errors({{"200", answer("ended", ref("Delegation"))}}, {401, 403, 404, 409}), nullptr, true);
}

// Enterprise (legal-person) accounts: registration, recovery, activation, the enterprise centre.
void describe_enterprises(json& schemas, json& paths, bool dev_mode) {
  const json text_or_null = {{"type", "string"}, {"nullable", true}};
  const json integer = {{"type", "integer"}};
  const json org_type = profile_code_schema("organisation_types");
  json rep_id_type = id_type_schema();
  rep_id_type["description"] = "default resident";
  const json rep_fields = {{"legal_rep_name", string_schema("must match the representative's real-name person account")},
                           {"legal_rep_id_type", rep_id_type},
                           {"legal_rep_id_number", string_schema()},
                           {"legal_rep_id_valid_from", {{"type", "string"}, {"format", "date"}}},
                           {"legal_rep_id_valid_to", string_schema("YYYY-MM-DD or long_term")}};
  const auto with = [](json base, json more) {
    for (auto& [k, v] : more.items()) base[k] = v;
    return base;
  };
  schemas["Enterprise"] = object(
      {{"enterprise_id", integer}, {"account", text_or_null}, {"uscc", string_schema()}, {"name", string_schema()},
       {"org_type", org_type},
       {"status", {{"type", "string"},
                   {"enum", {"pending_face", "unverified", "active", "pending_activation", "registry_mismatch"}}}},
       {"registry_confirmed", {{"type", "boolean"}}}, {"phone", string_schema("masked")},
       {"legal_rep", object({{"name", string_schema("masked")}, {"id_type", string_schema()},
                             {"id_number", string_schema("masked")}, {"id_valid_from", text_or_null},
                             {"id_valid_to", text_or_null}},
                            {"name", "id_type", "id_number"})},
       {"extended", {{"type", "object"},
                     {"description", "what the business registry records"},
                     {"properties", {{"registered_address", text_or_null}, {"registered_capital", text_or_null},
                                     {"established_date", text_or_null}, {"business_term", text_or_null},
                                     {"business_scope", text_or_null}, {"industry", text_or_null},
                                     {"business_status", text_or_null}, {"registration_authority", text_or_null}}}}},
       {"created_at", {{"type", "string"}, {"format", "date-time"}}}},
      {"enterprise_id", "uscc", "name", "org_type", "status", "legal_rep", "extended"});
  paths["/api/v1/enterprises"]["post"] = operation(
      "Register an enterprise account (SMS purpose enterprise_register). The legal representative must be an active "
      "real-name person; the business registry checks USCC, name, representative and ID number (REGISTRY_MISMATCH), "
      "or cannot confirm yet (status unverified, re-checked periodically). A resident-ID representative then passes "
      "the face check of face_ticket (status pending_face until then; a failed check withdraws the registration). "
      "A USCC known but never set up answers 409 USCC_REGISTERED with next=activate.",
      with_errors({{"201", answer("registered", object({{"enterprise_id", integer}, {"status", string_schema()},
                                                        {"registry_confirmed", {{"type", "boolean"}}},
                                                        {"face_ticket", string_schema()}, {"face_url", string_schema()}},
                                                       {"enterprise_id", "status"}))}},
                  {400, 409, 503}),
      object(with({{"org_type", org_type}, {"name", string_schema("2-100 characters")},
                   {"uscc", string_schema("GB 32100, 18 characters")}, {"phone", string_schema()},
                   {"sms_code", string_schema()}, {"account", string_schema()}, {"password", string_schema()},
                   {"agree", {{"type", "boolean"}}}},
                  rep_fields),
             {"org_type", "name", "uscc", "legal_rep_name", "legal_rep_id_number", "phone", "sms_code", "account",
              "password", "agree"}));
  paths["/api/v1/enterprises/recovery"]["post"] = operation(
      "Enterprise password recovery, step 1: account or USCC + representative's name and ID number + captcha; an "
      "enterprise_recover code goes to the enterprise's phone",
      with_errors({{"201", answer("code sent", object({{"recovery_id", string_schema()}, {"expires_in", integer},
                                                       {"phone", string_schema("masked")}, {"resend_after", integer}},
                                                      {"recovery_id", "phone"}))}},
                  {400, 404, 429, 503}),
      object({{"identifier", string_schema("enterprise account or USCC")}, {"legal_rep_name", string_schema()},
              {"legal_rep_id_number", string_schema()}, {"captcha_id", string_schema()},
              {"captcha_answer", string_schema()}},
             {"identifier", "legal_rep_name", "legal_rep_id_number", "captcha_id", "captcha_answer"}));
  paths["/api/v1/enterprises/recovery/{id}/password"]["post"] = operation(
      "Enterprise password recovery, step 2: the SMS code and the new password; every session acting for the "
      "enterprise ends",
      with_errors({{"204", answer("password set")}}, {400, 404}),
      object({{"sms_code", string_schema()}, {"new_password", string_schema()}}, {"sms_code", "new_password"}));
  paths["/api/v1/enterprises/activation"]["post"] = operation(
      "Activate a pending_activation enterprise, step 1: enterprise info + representative + the contact phone "
      "(captcha); an enterprise_activate code goes to that phone",
      with_errors({{"201", answer("code sent", object({{"activation_id", string_schema()}, {"expires_in", integer},
                                                       {"phone", string_schema("masked")}, {"resend_after", integer}},
                                                      {"activation_id", "phone"}))}},
                  {400, 404, 429, 503}),
      object(with({{"uscc", string_schema()}, {"name", string_schema()}, {"phone", string_schema()},
                   {"captcha_id", string_schema()}, {"captcha_answer", string_schema()}},
                  rep_fields),
             {"uscc", "name", "legal_rep_name", "legal_rep_id_number", "phone", "captcha_id", "captcha_answer"}));
  paths["/api/v1/enterprises/activation/{id}/sms"]["post"] = operation(
      "Activation step 2: the code sent to the contact phone",
      with_errors({{"200", answer("phone proven", object({{"activation_id", string_schema()}, {"next", string_schema()}},
                                                         {"activation_id", "next"}))}},
                  {400, 404}),
      object({{"phone", string_schema()}, {"sms_code", string_schema()}}, {"phone", "sms_code"}));
  paths["/api/v1/enterprises/activation/{id}/account"]["post"] = operation(
      "Activation step 3: account name and password; active when the registry confirmed, else unverified",
      with_errors({{"200", answer("activated", object({{"enterprise_id", integer}, {"account", string_schema()},
                                                       {"status", string_schema()}},
                                                      {"enterprise_id", "status"}))}},
                  {400, 404, 409}),
      object({{"account", string_schema()}, {"password", string_schema()}}, {"account", "password"}));
  paths["/api/v1/enterprises/{id}"]["get"] = operation(
      "The enterprise the session acts for: enterprise info, legal representative (masked), registry details",
      with_errors({{"200", answer("enterprise", ref("Enterprise"))}}, {401, 403, 404}), nullptr, true);
  paths["/api/v1/enterprises/{id}/password"]["put"] = operation(
      "Change the enterprise account's password (ends every session acting for the enterprise)",
      with_errors({{"204", answer("changed")}}, {400, 401, 403, 404}),
      object({{"old_password", string_schema()}, {"new_password", string_schema()}}, {"old_password", "new_password"}),
      true);
  paths["/api/v1/enterprises/{id}/phone"]["put"] = operation(
      "Change the contact phone: proven by the login password (verify_by=password) or the four elements "
      "(verify_by=four_elements: name, legal_rep_name, legal_rep_id_number), and an enterprise_change_phone code",
      with_errors({{"200", answer("changed", ref("Enterprise"))}}, {400, 401, 403, 404, 409}),
      object({{"verify_by", {{"type", "string"}, {"enum", {"password", "four_elements"}}}}, {"password", string_schema()},
              {"name", string_schema()}, {"legal_rep_name", string_schema()}, {"legal_rep_id_number", string_schema()},
              {"new_phone", string_schema()}, {"sms_code", string_schema()}},
             {"verify_by", "new_phone", "sms_code"}),
      true);
  paths["/api/v1/enterprises/{id}/info"]["put"] = operation(
      "Change the enterprise's name or type, as the business registry records them (USCC_IMMUTABLE: the USCC never "
      "changes)",
      with_errors({{"200", answer("changed", ref("Enterprise"))}}, {400, 401, 403, 404, 409, 503}),
      object({{"name", string_schema()}, {"org_type", org_type}, {"uscc", string_schema("optional; must be the current one")}},
             {"name"}),
      true);
  paths["/api/v1/enterprises/{id}/legal-representative"]["put"] = operation(
      "Change the legal representative: a real-name person, confirmed by the business registry",
      with_errors({{"200", answer("changed", ref("Enterprise"))}}, {400, 401, 403, 404, 409, 503}),
      object(rep_fields, {"legal_rep_name", "legal_rep_id_number"}), true);
  if (dev_mode) {
    paths["/api/dev/registry/{uscc}"]["put"] = operation(
        "Dev mode: the simulated business registry now records this USCC with these four elements",
        with_errors({{"200", answer("seeded")}}, {400}),
        object({{"name", string_schema()}, {"legal_rep_name", string_schema()}, {"legal_rep_id_number", string_schema()}},
               {"name", "legal_rep_name", "legal_rep_id_number"}));
    paths["/api/dev/enterprises"]["post"] = operation(
        "Dev mode: an enterprise the registry knows but nobody set up (pending_activation), as a registry import "
        "leaves it; the simulated registry confirms its four elements",
        with_errors({{"201", answer("imported", object({{"enterprise_id", integer}, {"status", string_schema()}},
                                                       {"enterprise_id", "status"}))}},
                    {400, 409}),
        object(with({{"uscc", string_schema()}, {"name", string_schema()}, {"org_type", org_type}}, rep_fields),
               {"uscc", "name", "legal_rep_name", "legal_rep_id_number"}));
    paths["/api/dev/registry/recheck"]["post"] = operation(
        "Dev mode: run one pass of the periodic re-check of unverified enterprises now",
        {{"200", answer("pass done", object({{"verified", integer}}, {"verified"}))}});
  }
}

// Upstream identity providers (e.g. 国家政务服务平台): a citizen signs in there and lands here
// signed in. Browser routes: both answer with redirects, never an error body.
void describe_upstream(json& paths) {
  const json name_parameter = {{"name", "name"}, {"in", "path"}, {"required", true}, {"schema", string_schema("provider name, e.g. national")}};
  paths["/api/v1/upstream/providers"]["get"] = operation(
      "The configured upstream identity providers, for the login page's buttons (e.g. 国家政务服务平台登录)",
      {{"200", answer("providers",
                      object({{"providers", {{"type", "array"},
                                             {"items", object({{"name", string_schema()},
                                                               {"display_name", string_schema()},
                                                               {"login_url", string_schema("GET it in the browser (top-level navigation)")}},
                                                              {"name", "display_name", "login_url"})}}}},
                             {"providers"}))}});
  json login = operation(
      "Starts a sign-in at the upstream provider: 302 to its authorization endpoint with state, nonce and PKCE S256 "
      "(the state is single use, valid 10 minutes) and Set-Cookie: uia_upstream (HttpOnly, SameSite=Lax, path "
      "/api/v1/upstream/, 10 minutes), which binds the state to this browser. Unknown provider: 302 to "
      "/#/login?upstream_error=UPSTREAM_PROVIDER_UNKNOWN",
      {{"302", answer("to the upstream provider's authorize URL")}});
  login["parameters"] = json::array(
      {name_parameter,
       {{"name", "return_to"}, {"in", "query"}, {"required", false},
        {"schema", string_schema("where to land once signed in: a path on this site only (\"/...\", not \"//\"), "
                                 "e.g. /#/consent?oidc=ID; anything else is ignored")}}});
  paths["/api/v1/upstream/{name}/login"]["get"] = login;
  json callback = operation(
      "The upstream provider's redirect back: exchanges the code (client_secret_basic + code_verifier), verifies the ID "
      "token (JWKS signature, iss, aud, exp, nonce), finds the local person by an earlier link or by the verified ID "
      "number, sets the uia_session cookie and answers 302 to the login's return_to or /#/centre. It first requires "
      "the uia_upstream cookie of the browser that started the login (else UPSTREAM_STATE_INVALID) and, per RFC 9207, "
      "an iss equal to the provider's issuer (when present, or when the provider is configured with "
      "authorization_response_iss_parameter_supported; else UPSTREAM_ISSUER_MISMATCH); the cookie is cleared either "
      "way. Every failure answers 302 to "
      "/#/login?upstream_error=CODE with UPSTREAM_STATE_INVALID, UPSTREAM_DENIED, UPSTREAM_UNAVAILABLE, "
      "UPSTREAM_TOKEN_INVALID, UPSTREAM_NO_ID_NUMBER, ACCOUNT_NOT_LINKED, ACCOUNT_NOT_ACTIVE, UPSTREAM_ISSUER_MISMATCH "
      "or UPSTREAM_PROVIDER_UNKNOWN",
      {{"302", answer("to return_to or /#/centre (signed in, Set-Cookie: uia_session) or /#/login?upstream_error=CODE")}});
  callback["parameters"] = json::array({name_parameter});
  for (const char* query : {"code", "state", "error", "error_description", "iss"})
    callback["parameters"].push_back({{"name", query}, {"in", "query"}, {"required", false}, {"schema", string_schema()}});
  paths["/api/v1/upstream/{name}/callback"]["get"] = callback;
}

// QR-code login (扫码登录): the desktop's ticket and polling, the signed-in phone's scan/confirm/cancel.
void describe_qr_login(json& schemas, json& paths) {
  const json ticket_param = {{"name", "ticket"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
  schemas["QrLoginTicket"] = object(
      {{"ticket", string_schema("what the QR code and the phone's link carry")},
       {"poll_token", string_schema("the desktop's secret for GET /api/v1/qr-logins/{ticket}?poll_token=")},
       {"url", string_schema("origin + link: what the QR code encodes")},
       {"link", string_schema("/#/qr?ticket=...: the web client's confirm page")},
       {"qr", string_schema("data:image/png;base64,... (libqrencode, level M)")},
       {"expires_in", {{"type", "integer"}}},
       {"poll_interval", {{"type", "integer"}, {"description", "seconds between polls"}}}},
      {"ticket", "poll_token", "url", "link", "qr", "expires_in", "poll_interval"});
  schemas["QrLoginPhoneView"] = object(
      {{"status", {{"type", "string"}, {"enum", {"scanned", "confirmed", "cancelled"}}}},
       {"requester", object({{"client_ip", string_schema()}, {"user_agent", string_schema()},
                             {"requested_at", {{"type", "string"}, {"format", "date-time"}}}},
                            {"client_ip", "user_agent", "requested_at"})},
       {"expires_in", {{"type", "integer"}}}},
      {"status", "requester", "expires_in"});
  paths["/api/v1/qr-logins"]["post"] = operation(
      "Desktop: a QR login ticket, valid 2 minutes (20 a minute per address); the QR code holds origin + link "
      "(400 QR_LOGIN_ORIGIN_INVALID unless origin is http(s)://host[:port])",
      with_errors({{"201", answer("ticket", ref("QrLoginTicket"))}}, {400, 429}),
      object({{"origin", string_schema("http(s)://host[:port] of the page asking")}}, {"origin"}));
  json poll = operation(
      "Desktop polling with ?poll_token=: {status: pending | scanned (+ scanned_by.name, masked)}; once the phone "
      "confirmed, exactly one poll gets the sign-in answer (token, csrf_token, subject, uia_session cookie, status "
      "confirmed); 410 QR_LOGIN_EXPIRED / QR_LOGIN_USED / QR_LOGIN_CANCELLED; 404 for a wrong ticket or poll token",
      with_errors({{"200", answer("status, or the new session", {{"type", "object"}})}}, {403, 404, 410}));
  poll["parameters"] = {ticket_param, {{"name", "poll_token"}, {"in", "query"}, {"required", true}, {"schema", {{"type", "string"}}}}};
  paths["/api/v1/qr-logins/{ticket}"]["get"] = poll;
  const auto phone_step = [&](const char* summary) {
    json op = operation(summary, with_errors({{"200", answer("what the phone shows", ref("QrLoginPhoneView"))}},
                                             {401, 403, 404, 409, 410}),
                        nullptr, true);
    op["parameters"] = {ticket_param};
    return op;
  };
  paths["/api/v1/qr-logins/{ticket}/scan"]["post"] =
      phone_step("Phone (signed in): scan, pending → scanned; answers which device asks (address, browser, time)");
  paths["/api/v1/qr-logins/{ticket}/confirm"]["post"] =
      phone_step("Phone: the person who scanned confirms, scanned → confirmed (another person: 403 QR_LOGIN_OTHER_PERSON)");
  paths["/api/v1/qr-logins/{ticket}/cancel"]["post"] =
      phone_step("Phone: the person who scanned cancels before the desktop collects its session");
}

// Enterprise agents (经办人): grants, acceptance within 24 h, re-delegation (at most 3 levels),
// grant requests, agent sign-in (POST /api/v1/sessions method agent_password), identities.
void describe_agents(json& schemas, json& paths) {
  const json integer = {{"type", "integer"}};
  const json id_or_null = {{"type", "integer"}, {"nullable", true}};
  const json date = {{"type", "string"}, {"format", "date"}};
  const json time = {{"type", "string"}, {"format", "date-time"}};
  const json time_or_null = {{"type", "string"}, {"format", "date-time"}, {"nullable", true}};
  const json scope = {{"type", "array"}, {"items", {{"type", "string"}}},
                      {"description", "service item codes: business_registration, tax, social_security, housing_fund, "
                                      "licensing, certificates, progress_query"}};
  const json role = {{"type", "string"}, {"enum", {"enterprise", "legal_rep", "admin", "agent"}}};
  schemas["AgentGrant"] = object(
      {{"grant_id", integer},
       {"enterprise", object({{"id", integer}, {"name", string_schema()}, {"uscc", string_schema()}}, {"id"})},
       {"agent", object({{"person_id", integer}, {"name", string_schema("masked")}, {"id_type", string_schema()},
                         {"id_number", string_schema("masked")}, {"phone", string_schema("masked")}},
                        {"person_id"})},
       {"granted_by", object({{"role", role}, {"person_id", id_or_null}}, {"role"})},
       {"parent_grant_id", id_or_null}, {"level", {{"type", "integer"}, {"minimum", 1}, {"maximum", 3}}},
       {"admin", {{"type", "boolean"}}}, {"scope", scope}, {"valid_from", date}, {"valid_to", date},
       {"state", {{"type", "string"},
                  {"enum", {"awaiting_face", "face_failed", "pending", "active", "refused", "disabled", "expired", "revoked"}},
                  {"description", "expired is read from the clock: pending past confirm_by, active/disabled past valid_to"}}},
       {"in_force", {{"type", "boolean"}, {"description", "active, within its period, and so is every grant above it"}}},
       {"confirm_by", time_or_null}, {"created_at", time}, {"updated_at", time},
       {"manageable", {{"type", "boolean"}, {"description", "GET .../agents only: may the viewer change it"}}},
       {"face_ticket", string_schema("only when created by the representative: the face check to pass")},
       {"face_url", string_schema()}},
      {"grant_id", "enterprise", "agent", "level", "admin", "scope", "valid_from", "valid_to", "state", "in_force"});
  schemas["AgentGrantInput"] = object(
      {{"name", string_schema()}, {"id_number", string_schema()}, {"phone", string_schema()}, {"scope", scope},
       {"valid_from", string_schema("YYYY-MM-DD, today or later; default today")},
       {"valid_to", string_schema("YYYY-MM-DD, at most 5 years after valid_from")},
       {"admin", {{"type", "boolean"}, {"description", "legal representative / enterprise account only"}}}},
      {"name", "id_number", "phone", "scope", "valid_to"});
  schemas["GrantRequest"] = object(
      {{"request_id", integer}, {"enterprise_id", integer},
       {"person", object({{"person_id", integer}, {"name", string_schema("masked")},
                          {"id_number", string_schema("masked")}, {"phone", string_schema("masked")}},
                         {"person_id"})},
       {"scope", scope}, {"valid_from", date}, {"valid_to", date}, {"note", string_schema()},
       {"state", {{"type", "string"}, {"enum", {"pending", "approved", "rejected"}}}}, {"grant_id", id_or_null},
       {"created_at", time}, {"decided_at", time_or_null}},
      {"request_id", "enterprise_id", "scope", "state"});
  schemas["Identity"] = object(
      {{"type", {{"type", "string"}, {"enum", {"person", "enterprise"}}}},
       {"role", {{"type", "string"}, {"enum", {"self", "legal_rep", "admin", "agent"}}}},
       {"person_id", integer}, {"name", string_schema("masked")}, {"enterprise_id", id_or_null},
       {"enterprise_name", string_schema()}, {"uscc", string_schema()}, {"grant_id", id_or_null}},
      {"type", "role"});
  const json grant = ref("AgentGrant");
  const json service_items = {{"type", "array"}, {"items", object({{"code", string_schema()}, {"label", string_schema()}},
                                                                   {"code", "label"})}};

  paths["/api/v1/enterprises/{id}/agents"]["get"] = operation(
      "The enterprise's agents (我的经办人), every state; managers only: the enterprise account, the legal "
      "representative, an admin agent (a plain agent gets 403 AGENT_ADMIN_REQUIRED)",
      with_errors({{"200", answer("agents", object({{"agents", {{"type", "array"}, {"items", grant}}},
                                                    {"service_items", service_items},
                                                    {"viewer", object({{"role", role}, {"grant_id", integer}}, {"role"})}},
                                                   {"agents", "service_items"}))}},
                  {401, 403, 404}),
      nullptr, true);
  paths["/api/v1/enterprises/{id}/agents"]["post"] = operation(
      "Add an agent: a registered person found by name + ID number + phone. By the enterprise account or the legal "
      "representative: awaiting_face until the representative's face check (face_ticket) passes, then pending; by an "
      "admin agent: delegated from its own grant, pending at once. The agent accepts within 24 hours",
      with_errors({{"201", answer("created", grant)}}, {400, 401, 403, 404, 409, 503}), ref("AgentGrantInput"), true);
  json edit = object({{"scope", scope}, {"valid_from", string_schema("YYYY-MM-DD")},
                            {"valid_to", string_schema("YYYY-MM-DD")},
                            {"admin", {{"type", "boolean"}, {"description", "legal representative, level-1 grants only"}}},
                            {"enabled", {{"type", "boolean"}, {"description", "false disables, true enables again"}}}},
                           {});
  edit.erase("required");  // every field is optional
  paths["/api/v1/enterprises/{id}/agents/{grant_id}"]["patch"] = operation(
      "Change a grant: scope, period, admin flag, enable/disable (within the grant above it; not below grants "
      "delegated from it: 409 AGENT_GRANT_BELOW_CHILDREN)",
      with_errors({{"200", answer("changed", grant)}}, {400, 401, 403, 404, 409}), edit, true);
  paths["/api/v1/enterprises/{id}/agents/{grant_id}"]["put"] = operation(
      "Same as PATCH", with_errors({{"200", answer("changed", grant)}}, {400, 401, 403, 404, 409}), edit, true);
  json revoked = grant;
  paths["/api/v1/enterprises/{id}/agents/{grant_id}"]["delete"] = operation(
      "Revoke a grant and every grant delegated from it (revoked_grant_ids lists them)",
      with_errors({{"200", answer("revoked: the grant plus revoked_grant_ids", revoked)}}, {401, 403, 404, 409}),
      nullptr, true);
  paths["/api/v1/enterprises/{id}/agent-centre"]["get"] = operation(
      "The agent centre (经办人中心): the agent's own info (masked), its grant, the enterprise's basic info; the "
      "agent changes its password with PUT /api/v1/me/password",
      with_errors({{"200", answer("agent centre",
                                  object({{"agent", {{"type", "object"}}}, {"grant", {{"allOf", json::array({grant})}, {"nullable", true}}},
                                          {"enterprise", {{"type", "object"}}},
                                          {"can_manage_agents", {{"type", "boolean"}}}},
                                         {"agent", "enterprise", "can_manage_agents"}))}},
                  {401, 403, 404}),
      nullptr, true);
  paths["/api/v1/enterprises/{id}/grant-requests"]["post"] = operation(
      "A signed-in person asks the enterprise ({id}: id or USCC) for a grant; the representative gets a message",
      with_errors({{"201", answer("created", ref("GrantRequest"))}}, {400, 401, 403, 404, 409}),
      object({{"scope", scope}, {"valid_from", string_schema("YYYY-MM-DD")}, {"valid_to", string_schema("YYYY-MM-DD")},
              {"note", string_schema("at most 200 bytes")}},
             {"scope", "valid_to"}),
      true);
  paths["/api/v1/enterprises/{id}/grant-requests"]["get"] = operation(
      "Grant requests of the enterprise, newest first (managers only)",
      with_errors({{"200", answer("requests", object({{"requests", {{"type", "array"}, {"items", ref("GrantRequest")}}}},
                                                     {"requests"}))}},
                  {401, 403, 404}),
      nullptr, true);
  paths["/api/v1/enterprises/{id}/grant-requests/{request_id}/approve"]["post"] = operation(
      "Approve: by the representative a level-1 grant awaiting the representative's face check, then active; by an "
      "admin agent a grant delegated from its own, active at once",
      with_errors({{"200", answer("the grant made (request_id, face_ticket when a face check is needed)", grant)}},
                  {400, 401, 403, 404, 409, 503}),
      json{{"type", "object"}, {"properties", {{"admin", {{"type", "boolean"}}}}}}, true);
  paths["/api/v1/enterprises/{id}/grant-requests/{request_id}/reject"]["post"] = operation(
      "Reject a pending grant request (the person gets a message)",
      with_errors({{"200", answer("rejected", ref("GrantRequest"))}}, {401, 403, 404, 409}), nullptr, true);
  paths["/api/v1/me/agent-grants"]["get"] = operation(
      "Grants offered to me (from pending on), newest first, with the service items",
      with_errors({{"200", answer("grants", object({{"grants", {{"type", "array"}, {"items", grant}}},
                                                    {"service_items", service_items}},
                                                   {"grants"}))}},
                  {401, 403}),
      nullptr, true);
  paths["/api/v1/me/agent-grants/{grant_id}/accept"]["post"] = operation(
      "Accept a pending grant (409 AGENT_ACCEPT_EXPIRED after 24 hours)",
      with_errors({{"200", answer("active", grant)}}, {401, 403, 404, 409}), nullptr, true);
  paths["/api/v1/me/agent-grants/{grant_id}/refuse"]["post"] = operation(
      "Refuse a pending grant", with_errors({{"200", answer("refused", grant)}}, {401, 403, 404, 409}), nullptr, true);
  paths["/api/v1/me/agent-grants/{grant_id}/delegations"]["post"] = operation(
      "Re-delegate my grant to another registered person, within its scope and period, at most 3 levels deep "
      "(409 AGENT_LEVEL_EXCEEDED, 400 AGENT_GRANT_EXCEEDS_PARENT); the new agent accepts within 24 hours",
      with_errors({{"201", answer("created, pending", grant)}}, {400, 401, 403, 404, 409}), ref("AgentGrantInput"), true);
  paths["/api/v1/me/enterprises"]["get"] = operation(
      "Every enterprise that authorized me (企业授权) and those I represent, with the grant's state",
      with_errors({{"200", answer("enterprises", object({{"enterprises", {{"type", "array"}, {"items", object(
          {{"enterprise", {{"type", "object"}}}, {"role", {{"type", "string"}, {"enum", {"legal_rep", "admin", "agent"}}}},
           {"grant_id", id_or_null}, {"state", string_schema()}, {"in_force", {{"type", "boolean"}}},
           {"scope", scope}, {"valid_from", date}, {"valid_to", date}},
          {"enterprise", "role", "state", "in_force"})}}}}, {"enterprises"}))}},
                  {401, 403}),
      nullptr, true);
  paths["/api/v1/me/identities"]["get"] = operation(
      "Whom I may act as now: myself, enterprises I represent, grants in force; and the session's current identity",
      with_errors({{"200", answer("identities", object({{"current", ref("Identity")},
                                                        {"identities", {{"type", "array"}, {"items", ref("Identity")}}}},
                                                       {"current", "identities"}))}},
                  {401, 403}),
      nullptr, true);
  paths["/api/v1/sessions/current/identity"]["put"] = operation(
      "Switch whom this session acts as (works even when the current identity stopped working)",
      with_errors({{"200", answer("the session", object({{"session_id", integer}, {"person_id", integer},
                                                         {"acting_as", string_schema("person, legal_rep, admin, agent")},
                                                         {"enterprise_id", integer}, {"grant_id", integer},
                                                         {"current", ref("Identity")}, {"valid_until", time}},
                                                        {"session_id", "acting_as"}))}},
                  {400, 401, 403}),
      object({{"type", {{"type", "string"}, {"enum", {"person", "enterprise"}}}}, {"enterprise_id", integer},
              {"grant_id", integer}},
             {"type"}),
      true);
}

// OpenID Connect for persons acting for an enterprise (issue 6, agentclaims): the uia_enterprise
// scope and its claims (flows/oidc/enterprise_claims.h), the consent page's data items, the
// refusal of an enterprise account's own session (flows/oidc/enterprise_account.h), and the
// service-item catalogue of the agent centre. Runs after describe_oidc and describe_agents: it
// adds to their operations.
void describe_oidc_enterprise(json& schemas, json& paths) {
  schemas["EnterpriseClaims"] = object(
      {{"uia_enterprise",
        object({{"uscc", string_schema("统一社会信用代码")},
                {"name", string_schema("the enterprise's name")},
                {"role", {{"type", "string"}, {"enum", {"legal_representative", "agent", "admin_agent"}}}}},
               {"uscc", "name", "role"})},
       {"uia_agent_scope", {{"type", "array"}, {"items", string_schema("service-item code, see service_items")},
                            {"description", "agents only: the grant's service items (a legal representative may do all)"}}},
       {"uia_agent_valid_until", {{"type", "string"}, {"format", "date"}, {"description", "agents only: the grant's last valid day"}}}},
      {});
  schemas["EnterpriseClaims"].erase("required");  // every claim is optional
  schemas["EnterpriseClaims"]["description"] =
      "Scope uia_enterprise (the client must be registered for it and ask for it): when the signed-in person acted "
      "for an enterprise at /oidc/authorize (legal representative, or an agent on a grant: PUT "
      "/api/v1/sessions/current/identity or agent_password sign-in), the ID token, userinfo and introspection carry "
      "these claims; a person acting for nobody gets none. Every later use re-checks the identity: a grant disabled, "
      "revoked or expired (or an ancestor grant), a representative replaced, or an enterprise no longer active makes "
      "refresh answer invalid_grant and userinfo invalid_token and revokes the token family; introspection answers "
      "active=false. Revoking or disabling a grant revokes its families at once.";
  const char* claims_note = " With scope uia_enterprise: the EnterpriseClaims (components/schemas/EnterpriseClaims).";
  for (const char* path : {"/oidc/userinfo", "/oidc/introspect", "/oidc/token"})
    for (auto& op : paths[path]) op["description"] = std::string(op.value("summary", "")) + "." + claims_note;
  paths["/oidc/authorize"]["get"]["description"] =
      "An enterprise account's own session (法人登录) does not sign in to business systems: the browser is sent to "
      "/#/login?oidc=<request_id>&reason=enterprise_account (prompt=none: login_required) to sign in as the legal "
      "representative or an agent. So is a session still acting on an agent grant that ended (disabled, revoked, "
      "expired) or as a representative since replaced.";
  auto& request_schema =
      paths["/api/v1/oidc/requests/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["properties"];
  request_schema["data_items"] = {{"type", "array"},
                                  {"items", object({{"scope", string_schema()}, {"label", string_schema("zh-CN")}}, {"scope", "label"})}};
  request_schema["acting_for"] = {
      {"type", "object"},
      {"nullable", true},
      {"description", "whom the signed-in session releases data for (scope uia_enterprise only)"},
      {"properties", {{"uscc", string_schema()}, {"name", string_schema()}, {"role", string_schema()},
                      {"role_label", string_schema("zh-CN")},
                      {"service_items", {{"type", "array"}, {"items", object({{"code", string_schema()}, {"label", string_schema()}}, {"code", "label"})}}},
                      {"valid_until", {{"type", "string"}, {"format", "date"}}}}}};
  request_schema["sign_in_refused"] = {
      {"type", "object"},
      {"description", "set when the session is an enterprise account's own: {code: LOGIN_METHOD_INVALID, reason: "
                      "enterprise_account, message (zh-CN)}"}};
  paths["/api/v1/oidc/requests/{id}/decision"]["post"]["description"] =
      "An enterprise account's own session: 403 LOGIN_METHOD_INVALID with error.reason=enterprise_account and a zh-CN "
      "error.hint.";
  auto& centre =
      paths["/api/v1/enterprises/{id}/agent-centre"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["properties"];
  centre["service_items"] = {{"type", "array"},
                             {"description", "the service-item catalogue with zh-CN labels (names the grant's scope)"},
                             {"items", object({{"code", string_schema()}, {"label", string_schema()}}, {"code", "label"})}};
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
      {{"account", string_schema("only when the profile's account.mode is user_chosen (jilin, shandong, gongshang): "
                                 "account.min_length-max_length characters, starts with a letter; otherwise "
                                 "absent (ACCOUNT_NOT_OFFERED)")},
       {"password", string_schema("the profile's password rules (GET /api/v1/profile: password.*)")},
       {"name", string_schema()},
       {"id_type", id_type_schema()},
       {"id_number", string_schema()},
       {"id_valid_from", {{"type", "string"}, {"format", "date"}}},
       {"id_valid_to", string_schema("YYYY-MM-DD or long_term; omitted under 16")},
       {"gender", {{"type", "string"}, {"enum", {"male", "female"}}}},
       {"birth_date", {{"type", "string"}, {"format", "date"}}},
       {"phone", string_schema()},
       {"sms_code", string_schema()},
       {"agree", {{"type", "boolean"}}}},
      {"password", "name", "id_type", "id_number", "phone", "sms_code", "agree"});
  schemas["SignIn"] = object({{"method", {{"type", "string"}, {"enum", {"password", "sms", "enterprise_password", "agent_password"}}}},
                              {"identifier", string_schema("account, phone or ID number; enterprise_password: "
                                                           "enterprise account or USCC; agent_password: the agent's "
                                                           "phone or ID number")},
                              {"uscc", string_schema("agent_password: the enterprise's USCC (or account)")},
                              {"password", string_schema()},
                              {"captcha_id", string_schema()},
                              {"captcha_answer", string_schema()},
                              {"phone", string_schema()},
                              {"sms_code", string_schema()}},
                             {"method"});
  schemas["Session"] = object({{"token", string_schema()}, {"expires_in", {{"type", "integer"}}},
                               {"csrf_token", string_schema("send as X-CSRF-Token with the cookie")},
                               {"subject", object({{"type", string_schema("person | enterprise | agent")},
                                                   {"person_id", {{"type", "integer"}}},
                                                   {"name", string_schema("masked for persons")},
                                                   {"level", {{"type", "integer"}}},
                                                   {"enterprise_id", {{"type", "integer"}}},
                                                   {"uscc", string_schema()},
                                                   {"acting_role", string_schema("who acts for the enterprise")},
                                                   {"enterprise_name", string_schema("agent_password")},
                                                   {"grant_id", {{"type", "integer"}, {"nullable", true}}}},
                                                  {"type"})}},
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
  paths["/api/v1/profile"]["get"] = operation(
      "The province profile the server runs with (uia profile show): password and account rules, "
      "login identifiers and methods, the real-name ladder, catalogues; public, ETag (304 on If-None-Match)",
      {{"200", answer("profile", {{"type", "object"}, {"description", "see `uia profile fields` for every field"}})},
       {"304", {{"description", "not modified"}}}});
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
                                     "enterprise_register", "enterprise_recover", "enterprise_activate",
                                     "enterprise_change_phone", "appeal"}}}},
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
  paths["/api/v1/sessions/current"]["get"] = operation(
      "The session this cookie or token is in, with its CSRF token (a reloaded page keeps it in memory only)",
      with_errors({{"200", answer("session", object({{"session_id", {{"type", "integer"}}},
                                                    {"person_id", {{"type", "integer"}}},
                                                    {"acting_as", {{"type", "string"}, {"enum", {"person", "enterprise", "agent", "admin", "legal_rep"}}}},
                                                    {"enterprise_id", {{"type", "integer"}}},
                                                    {"csrf_token", string_schema()},
                                                    {"valid_until", {{"type", "string"}, {"format", "date-time"}}}},
                                                   {"session_id", "csrf_token"}))}},
                  {401}),
      nullptr, true);
  paths["/api/v1/sessions/current"]["delete"] =
      operation("Sign out; every business system (OIDC client) this session signed in to gets a back-channel logout "
                "token and loses the tokens it got through the session",
                with_errors({{"204", answer("signed out")}}, {401, 403}), nullptr, true);
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
      "Change the password (all sessions end; their business systems get back-channel logout)", with_errors({{"204", answer("changed")}}, {400, 401, 403}),
      object({{"old_password", string_schema()}, {"new_password", string_schema()}}, {"old_password", "new_password"}), true);
  paths["/api/v1/me/phone"]["put"] = operation(
      "Change the phone: a proof the profile's phone_change_proofs offer (proof password: the login password; "
      "identity: name + ID number) + SMS code sent to the new phone (purpose change_phone)",
      with_errors({{"200", answer("changed", object({{"phone", string_schema("masked")}}, {"phone"}))}}, {400, 401, 403, 409}),
      object({{"proof", {{"type", "string"}, {"enum", {"password", "identity"}}, {"default", "password"}}},
              {"password", string_schema()}, {"name", string_schema()}, {"id_number", string_schema()},
              {"new_phone", string_schema()}, {"sms_code", string_schema()}},
             {"new_phone", "sms_code"}),
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
      "Activate an imported account, step 2: account name + password, and the ID validity dates when step 1 listed them "
      "as missing",
      with_errors({{"200", answer("active")}}, {400, 404, 409}),
      object({{"account", string_schema()}, {"password", string_schema()},
              {"id_valid_from", {{"type", "string"}, {"format", "date"}}},
              {"id_valid_to", string_schema("YYYY-MM-DD or long_term")}},
             {"account", "password"}));
  paths["/api/v1/face/callback"]["post"] = operation(
      "The face service reports a ticket's result (body signed with the shared secret in X-Signature)",
      with_errors({{"204", answer("recorded")}}, {400, 401, 404}),
      object({{"ticket", string_schema()}, {"result", {{"type", "string"}, {"enum", {"pass", "fail"}}}}},
             {"ticket", "result"}));
  describe_appeals(paths);
  // personal centre: profile, addresses, e-mail, security questions
  describe_personal_centre(schemas, paths, dev_mode);
  // back-office: staff, audit, review of documents
  describe_back_office(paths);
  describe_casework(paths);
  // sessions of the signed-in person, first sign-in of imported accounts
  paths["/api/v1/me/sessions"]["get"] = operation(
      "Where the signed-in person is signed in (sessions that still work, newest use first)",
      with_errors({{"200", answer("sessions", object({{"sessions", {{"type", "array"}, {"items", object(
          {{"session_id", {{"type", "integer"}}}, {"created_at", {{"type", "string"}, {"format", "date-time"}}},
           {"last_seen_at", {{"type", "string"}, {"format", "date-time"}}},
           {"expires_at", {{"type", "string"}, {"format", "date-time"}}}, {"client_ip", string_schema()},
           {"user_agent", string_schema()}, {"current", {{"type", "boolean"}}}},
          {"session_id", "current"})}}}}, {"sessions"}))}}, {401}),
      nullptr, true);
  paths["/api/v1/me/sessions/{id}"]["delete"] = operation(
      "Sign out one of the person's sessions (another device, or this one); the business systems it signed in to "
      "are told by back-channel logout",
      with_errors({{"204", answer("signed out")}}, {401, 403, 404}), nullptr, true);
  paths["/api/v1/activation/{id}"]["get"] = operation(
      "An activation in progress: who it is for (masked) and what step 2 must still collect; an SMS sign-in of an "
      "imported account answers 403 ACCOUNT_NOT_ACTIVE with next=complete_profile and this activation_id",
      with_errors({{"200", answer("activation", object({{"activation_id", string_schema()}, {"expires_in", {{"type", "integer"}}},
                                                        {"name", string_schema("masked")}, {"id_type", string_schema()},
                                                        {"id_number", string_schema("masked")}, {"phone", string_schema("masked")},
                                                        {"missing", {{"type", "array"}, {"items", string_schema()}}}},
                                                       {"activation_id", "missing"}))}}, {404}));
  // between persons: my messages, relatives, authorization relations (delegations)
  describe_person_relations(schemas, paths);
  // enterprise (legal-person) accounts: registration, recovery, activation, enterprise centre
  describe_enterprises(schemas, paths, dev_mode);
  // OpenID Connect provider
  describe_oidc(paths);
  // upstream identity providers (sign in with e.g. 国家政务服务平台)
  describe_upstream(paths);
  // QR-code login (扫码登录)
  describe_qr_login(schemas, paths);
  // enterprise agents (经办人): grants, acceptance, re-delegation, grant requests, identities
  describe_agents(schemas, paths);
  // OpenID Connect for persons acting for an enterprise: uia_enterprise claims (after oidc and agents)
  describe_oidc_enterprise(schemas, paths);
  paths["/api/v1/openapi.json"]["get"] = operation("This document", {{"200", answer("OpenAPI 3 document")}});
  if (dev_mode) {
    // Served only by `uia serve --dev` (404 in production), so described only there.
    paths["/api/dev/captcha/{id}"]["get"] = operation(
        "Dev mode: the answer of a captcha",
        with_errors({{"200", answer("answer", object({{"answer", string_schema()}}, {"answer"}))}}, {404}));
    paths["/api/dev/oidc/backchannel-logouts"]["get"] = operation(
        "Dev mode: the back-channel logout calls the simulator recorded ({calls: [{uri, logout_token}]}, oldest first)",
        {{"200", answer("calls")}});
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

  // What anyone may call without signing in has a request budget (app/routes.cpp): past it,
  // 429 TOO_MANY_REQUESTS with a Retry-After header.
  const std::pair<const char*, const char*> budgeted[] = {
      {"/api/v1/captcha", "get"}, {"/api/v1/sms/codes", "post"}, {"/api/v1/persons", "post"},
      {"/api/v1/sessions", "post"}, {"/api/v1/admin/sessions", "post"}, {"/api/v1/face/checks", "post"},
      {"/api/v1/qr-logins", "post"}, {"/api/v1/upstream/{name}/login", "get"}, {"/api/v1/upstream/{name}/callback", "get"},
      {"/api/v1/activation", "post"}, {"/api/v1/activation/{id}", "get"}, {"/api/v1/activation/{id}/account", "post"},
      {"/api/v1/recovery", "post"}, {"/api/v1/recovery/{id}/sms", "post"}, {"/api/v1/recovery/{id}/email", "post"},
      {"/api/v1/recovery/{id}/password", "post"}, {"/api/v1/enterprises", "post"},
      {"/api/v1/enterprises/recovery", "post"}, {"/api/v1/enterprises/recovery/{id}/password", "post"},
      {"/api/v1/enterprises/activation", "post"}, {"/api/v1/enterprises/activation/{id}/sms", "post"},
      {"/api/v1/enterprises/activation/{id}/account", "post"}, {"/oidc/authorize", "get"},
      {"/api/v1/oidc/requests/{id}", "get"}};
  for (const auto& [path, method] : budgeted) {
    if (!paths.contains(path) || !paths[path].contains(method)) continue;
    json& responses = paths[path][method]["responses"];
    if (!responses.contains("429")) responses["429"] = answer("too many requests: retry after Retry-After seconds", ref("Error"));
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
