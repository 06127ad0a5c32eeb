// What the enterprise (法人) pages share: the legal-person types, the legal representative's
// document types, and the live checks of the fields that name an organisation, all from the
// shared rules the server uses (check_uscc, check_person_name, validate_value).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

// 法人类型: the profile's organisation_types (jilin 企业法人 only; hainan, hubei three). The
// pick is an index into that catalogue; REST org_type carries its code.
// The label of a type code (the code itself when the profile does not list it).
std::string OrgTypeLabel(const Profile& profile, std::string_view code);
// The radio row, one radio per type; true when the choice changed.
bool OrgTypeRow(const ui::Form& form, const Profile& profile, int* index);

// The representative's document: every type of the shared catalogue (ids/id_types.h), in its
// order (REST legal_rep_id_type); the pick is an index into id_types().
std::vector<std::string_view> RepIdTypeLabels();
std::string_view RepIdTypeName(int index);  // resident, hk_macau_permit, ...
std::string_view RepIdTypeLabel(std::string_view name);  // 居民身份证 for "resident"; "" when unknown

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
