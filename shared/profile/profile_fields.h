// A profile as text: the JSON the server prints (`uia profile show`) and sends to the browser
// (GET /api/v1/profile), and the flat fields both read back. Flat fields are the JSON's leaves
// named by their path, e.g. {"password": {"min_length": 8}} -> "password.min_length" = "8",
// {"levels": [{"name": "初级认证"}]} -> "levels.0.name" = "初级认证" (the browser's fetch glue
// and the server's config reader flatten JSON this way). One field list (profile_fields.cpp)
// drives printing, reading and the documentation of every field, so they cannot drift apart.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "profile/profile.h"

namespace uia {

using FlatFields = std::vector<std::pair<std::string, std::string>>;

// Compact JSON, fields in the documented order: the same bytes on both sides.
std::string profile_json(const Profile& profile);

struct ProfileProblem {
  std::string field;    // "password.min_length"; empty when all is well
  std::string message;  // zh-CN, names what is wrong
  bool ok() const { return field.empty(); }
};

// Writes `fields` over `profile`. Every field must be a known one with a value of its kind; a
// list named at all is replaced as a whole (its entries numbered 0, 1, ... without gaps; an
// empty list is the list's own name with an empty value). Afterwards the whole profile is
// checked (check_profile). On a problem the profile is left as it was.
ProfileProblem apply_profile_fields(Profile& profile, const FlatFields& fields);

// The rules a profile must keep to be usable: lengths in range, min <= max, at least one login
// identifier and method, a ladder of distinct levels 1-4 in rising order, known words in the
// word lists, catalogues with distinct non-empty codes and labels.
ProfileProblem check_profile(const Profile& profile);

// Every field path with a zh-CN description, in the documented order ("levels[].name"): for
// `uia profile fields`, the README and tests.
struct ProfileFieldDoc {
  std::string path;
  std::string description;
};
std::vector<ProfileFieldDoc> profile_field_docs();

}  // namespace uia
