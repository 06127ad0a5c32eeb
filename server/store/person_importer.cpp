#include "store/person_importer.h"

namespace uia::store {

PersonImporter::PersonImporter(soci::session& sql, const crypto::FieldCipher& cipher, const crypto::BlindIndex& index)
    : cipher_(cipher), index_(index) {
  id_exists_ = std::make_unique<soci::statement>(
      (sql.prepare << "SELECT COUNT(*) FROM persons WHERE id_type = :t AND id_number_index = :i", soci::use(id_type_),
       soci::use(id_index_), soci::into(count_)));
  phone_exists_ = std::make_unique<soci::statement>(
      (sql.prepare << "SELECT COUNT(*) FROM persons WHERE phone_index = :p", soci::use(phone_index_), soci::into(count_)));
  insert_ = std::make_unique<soci::statement>(
      (sql.prepare << "INSERT INTO persons (name, id_type, id_number_enc, id_number_index, phone_enc, phone_index, gender, "
                      "birth_date, id_valid_from, id_valid_to, status, level, created_at, updated_at) VALUES (:name, :type, "
                      ":enc, :idx, :penc, :pidx, :gender, :birth, :from, :to, :status, :level, :c, :u)",
       soci::use(name_), soci::use(id_type_), soci::use(id_enc_), soci::use(id_index_), soci::use(phone_enc_, phone_ind_),
       soci::use(phone_index_, phone_ind_), soci::use(gender_, gender_ind_), soci::use(birth_, birth_ind_),
       soci::use(from_, from_ind_), soci::use(to_, to_ind_), soci::use(status_), soci::use(level_), soci::use(now_),
       soci::use(now_)));
}

PersonImporter::Outcome PersonImporter::import(const Person& p) {
  const auto set = [](std::string& value, soci::indicator& ind, const std::optional<std::string>& from) {
    ind = from ? soci::i_ok : soci::i_null;
    value = from.value_or("");
  };
  id_type_ = p.id_type;
  id_index_ = index_("id_number", p.id_number);
  id_exists_->execute(true);
  if (count_ > 0) return Outcome::AlreadyPresent;
  set(phone_index_, phone_ind_, p.phone ? std::optional<std::string>(index_("phone", *p.phone)) : std::nullopt);
  if (p.phone) {
    phone_exists_->execute(true);
    if (count_ > 0) return Outcome::PhoneTaken;
    phone_enc_ = cipher_.seal(*p.phone, "person.phone");
  }
  name_ = p.name;
  id_enc_ = cipher_.seal(p.id_number, "person.id_number");
  set(gender_, gender_ind_, p.gender);
  set(birth_, birth_ind_, p.birth_date);
  set(from_, from_ind_, p.id_valid_from);
  set(to_, to_ind_, p.id_valid_to);
  status_ = std::string(status_name(p.status));
  level_ = p.level;
  now_ = p.created_at;
  insert_->execute(true);
  return Outcome::Imported;
}

}  // namespace uia::store
