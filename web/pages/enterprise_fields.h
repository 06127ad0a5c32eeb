// What the enterprise (法人) pages share: the legal-person types, the legal representative's
// document types, and the live checks of the fields that name an organisation, all from the
// shared rules the server uses (check_uscc, check_person_name, validate_value).
#pragma once
#include <string_view>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

// 法人类型: 企业 / 社会组织 / 事业单位 (seed 003 法人类型; REST org_type).
constexpr int kOrgTypeCount = 3;
const char* OrgTypeLabel(int index);
const char* OrgTypeName(int index);  // enterprise, social_organisation, public_institution
int OrgTypeIndex(std::string_view name);  // 0 when unknown
// The radio row; true when the choice changed.
bool OrgTypeRow(const ui::Form& form, int* index);

// The representative's document: 居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证,
// 护照, 外国人永久居留身份证 (REST legal_rep_id_type).
constexpr int kRepIdTypeCount = 5;
const char* const* RepIdTypeLabels();
const char* RepIdTypeName(int index);  // resident, hk_macau_permit, ...
const char* RepIdTypeLabel(std::string_view name);  // 居民身份证 for "resident"; the name itself when unknown

// Messages of the live checks; empty when the value passes.
std::string_view UsccMessage(std::string_view uscc);
// 2-100 characters (code points), as the server's check_enterprise_name.
std::string_view EnterpriseNameMessage(std::string_view name);
std::string_view RepNameMessage(std::string_view name);
std::string_view RepIdNumberMessage(int id_type, std::string_view number, Date today);
// The number as the server stores it (a resident ID's trailing x upper-cased).
std::string RepIdNumberForRequest(int id_type, std::string_view number);

// A text row with its live message (the server's word first).
bool CheckedRow(const ui::Form& form, const ui::TextFieldSpec& spec, ui::Field& f, std::string_view live, bool submitted);

// The label of a section ("法人信息") with a rule to the right edge.
void SectionTitle(const ui::Form& form, const char* text);

// "企业法人" status words for the enterprise centre and outcomes: active 已核验 ...
const char* EnterpriseStatusText(std::string_view status);

}  // namespace uia::web
