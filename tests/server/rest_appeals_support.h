// Appeals (issue 16) over HTTP: bodies of each kind, materials with real file signatures, and
// the filing → upload → submit walk the appellant's pages make.
#pragma once
#include <string>

#include "flows/back_office/document_content.h"
#include "rest_oidc_support.h"

namespace uia::rest {

inline constexpr const char* kAppealPassword = "Appeal#2026new";

// The smallest files each signature check accepts.
inline std::string jpeg_bytes() { return std::string("\xFF\xD8\xFF\xE0", 4) + std::string(200, 'j'); }
inline std::string png_bytes() { return std::string("\x89PNG\r\n\x1A\n", 8) + std::string(200, 'p'); }
inline std::string pdf_bytes() { return "%PDF-1.4\n" + std::string(200, 'd'); }

// On the OIDC fixture: approvals are checked to end the other holder's business-system tokens.
class RestAppealsTest : public RestOidcTest {
 protected:
  struct Filed {
    Reply reply;
    std::string case_number;
    std::string token;
  };

  void next_minute() { advance(std::chrono::seconds(61)); }  // the per-phone SMS limit: 1 a minute

  Reply file(nlohmann::json body) {
    body["sms_code"] = sms_code(body.value("phone", ""), "appeal");
    return post("/api/v1/appeals", body);
  }
  Filed file_ok(const nlohmann::json& body) {
    Filed f{file(body), "", ""};
    EXPECT_EQ(f.reply.status, 201) << f.reply.body;
    f.case_number = f.reply.json.value("case_number", "");
    f.token = f.reply.json.value("upload_token", "");
    return f;
  }
  nlohmann::json with_captcha(nlohmann::json body) {
    const Captcha c = captcha();
    body["captcha_id"] = c.id;
    body["captcha_answer"] = c.answer;
    return body;
  }

  // 手机号被他人注册: the appellant (name, ID number) claims `phone`.
  nlohmann::json phone_taken(const std::string& phone, const std::string& id_number, const std::string& name = "李大伟") {
    return {{"kind", "person_phone_taken"}, {"phone", phone}, {"id_type", "resident"}, {"name", name},
            {"id_number", id_number},       {"password", kAppealPassword}};
  }
  // 身份证号被他人手机号注册: the holder of `id_number` wants its account, on `new_phone`.
  nlohmann::json id_taken(const std::string& id_number, const std::string& name, const std::string& new_phone) {
    return with_captcha({{"kind", "person_id_taken"}, {"id_number", id_number}, {"id_type", "resident"}, {"name", name},
                         {"phone", new_phone}, {"password", kAppealPassword}});
  }
  nlohmann::json enterprise_account(const std::string& uscc, const std::string& phone) {
    return {{"kind", "enterprise_account"}, {"uscc", uscc}, {"contact_name", "王经办"},
            {"contact_id_number", make_resident_id({1985, 3, 8})}, {"phone", phone}, {"password", kAppealPassword}};
  }
  nlohmann::json register_assist(const std::string& uscc, const std::string& phone, const std::string& rep_id) {
    return with_captcha({{"kind", "enterprise_register_assist"}, {"organisation_type", "enterprise"},
                         {"enterprise_name", "长春星河科技有限公司"}, {"uscc", uscc}, {"legal_rep_name", "赵法人"},
                         {"legal_rep_id_type", "resident"}, {"legal_rep_id_number", rep_id},
                         {"legal_rep_id_valid_from", "2020-01-10"}, {"legal_rep_id_valid_to", "long_term"},
                         {"phone", phone}, {"password", kAppealPassword}});
  }
  nlohmann::json info_change(const std::string& uscc, const std::string& phone, const std::string& new_phone) {
    return {{"kind", "enterprise_info_change"}, {"uscc", uscc}, {"phone", phone}, {"new_phone", new_phone}};
  }

  Reply upload(const Filed& f, const std::string& kind, const std::string& content_type, const std::string& bytes,
               const std::string& token = "") {
    const nlohmann::json body = {{"kind", kind}, {"content_type", content_type}, {"data", flows::encode_document(bytes)}};
    return request("POST", "/api/v1/appeals/" + f.case_number + "/materials", body.dump(), {},
                   "X-Upload-Token: " + (token.empty() ? f.token : token) + "\r\n");
  }
  Reply submit(const Filed& f) {
    return request("POST", "/api/v1/appeals/" + f.case_number + "/submit", "{}", {}, "X-Upload-Token: " + f.token + "\r\n");
  }
  // Uploads every required material (as JPEG) and submits; the submission's reply.
  Reply complete(const Filed& f) {
    for (const auto& code : f.reply.json["required_materials"]) {
      const Reply r = upload(f, code.get<std::string>(), "image/jpeg", jpeg_bytes());
      EXPECT_EQ(r.status, 201) << r.body;
    }
    return submit(f);
  }
  Reply progress(const std::string& case_number, const std::string& phone) {
    return post("/api/v1/appeals/progress",
                {{"case_number", case_number}, {"phone", phone}, {"sms_code", sms_code(phone, "appeal")}});
  }
};

}  // namespace uia::rest
