#include "store/person_profile_repository.h"

#include <soci/soci.h>

namespace uia::store {
namespace {

// SOCI 4.0 binds optionals through value + indicator pairs.
struct Nullable {
  std::string value;
  soci::indicator indicator = soci::i_null;
  Nullable() = default;
  explicit Nullable(const std::optional<std::string>& from) {
    if (from) {
      value = *from;
      indicator = soci::i_ok;
    }
  }
  std::optional<std::string> get() const { return indicator == soci::i_ok ? std::optional(value) : std::nullopt; }
};

}  // namespace

BasicInfo PersonProfileRepository::load(soci::session& sql, long long person_id) const {
  Nullable ethnicity, education, occupation, work_unit, address, postcode;
  sql << "SELECT ethnicity, education, occupation, work_unit_enc, contact_address_enc, postcode FROM person_profiles "
         "WHERE person_id = :p",
      soci::use(person_id), soci::into(ethnicity.value, ethnicity.indicator),
      soci::into(education.value, education.indicator), soci::into(occupation.value, occupation.indicator),
      soci::into(work_unit.value, work_unit.indicator), soci::into(address.value, address.indicator),
      soci::into(postcode.value, postcode.indicator);
  BasicInfo info;
  if (!sql.got_data()) return info;
  info.ethnicity = ethnicity.get();
  info.education = education.get();
  info.occupation = occupation.get();
  if (auto sealed = work_unit.get()) info.work_unit = cipher_.open(*sealed, "profile.work_unit");
  if (auto sealed = address.get()) info.contact_address = cipher_.open(*sealed, "profile.contact_address");
  info.postcode = postcode.get();
  return info;
}

void PersonProfileRepository::save(soci::session& sql, long long person_id, const BasicInfo& info,
                                   long long now) const {
  Nullable ethnicity(info.ethnicity), education(info.education), occupation(info.occupation),
      postcode(info.postcode);
  Nullable work_unit(info.work_unit ? std::optional(cipher_.seal(*info.work_unit, "profile.work_unit")) : std::nullopt);
  Nullable address(info.contact_address ? std::optional(cipher_.seal(*info.contact_address, "profile.contact_address"))
                                        : std::nullopt);
  // Delete + insert: portable "upsert" inside the caller's transaction.
  sql << "DELETE FROM person_profiles WHERE person_id = :p", soci::use(person_id);
  sql << "INSERT INTO person_profiles (person_id, ethnicity, education, occupation, work_unit_enc, contact_address_enc, "
         "postcode, updated_at) VALUES (:p, :e, :ed, :o, :w, :a, :pc, :u)",
      soci::use(person_id), soci::use(ethnicity.value, ethnicity.indicator),
      soci::use(education.value, education.indicator), soci::use(occupation.value, occupation.indicator),
      soci::use(work_unit.value, work_unit.indicator), soci::use(address.value, address.indicator),
      soci::use(postcode.value, postcode.indicator), soci::use(now);
}

void PersonProfileRepository::erase(soci::session& sql, long long person_id) const {
  sql << "DELETE FROM person_profiles WHERE person_id = :p", soci::use(person_id);
}

}  // namespace uia::store
