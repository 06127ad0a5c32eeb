#include "store/address_repository.h"

#include <soci/soci.h>

namespace uia::store {
namespace {

constexpr const char* kColumns =
    "id, person_id, kind, recipient, phone_enc, region, region_code, detail, postcode, is_default, created_at, updated_at";
constexpr const char* kPhoneContext = "address.phone";

// One row's worth of bound variables.
struct Row {
  Address a;
  std::string phone_enc, region_code, postcode;
  soci::indicator phone_ind = soci::i_null, region_code_ind = soci::i_null, postcode_ind = soci::i_null;
  int is_default = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(a.id));
    st.exchange(soci::into(a.person_id));
    st.exchange(soci::into(a.kind));
    st.exchange(soci::into(a.recipient));
    st.exchange(soci::into(phone_enc, phone_ind));
    st.exchange(soci::into(a.region));
    st.exchange(soci::into(region_code, region_code_ind));
    st.exchange(soci::into(a.detail));
    st.exchange(soci::into(postcode, postcode_ind));
    st.exchange(soci::into(is_default));
    st.exchange(soci::into(a.created_at));
    st.exchange(soci::into(a.updated_at));
  }
  Address take(const crypto::FieldCipher& cipher) const {
    Address out = a;
    out.phone = phone_ind == soci::i_ok ? cipher.open(phone_enc, kPhoneContext).value_or("") : "";
    out.region_code = region_code_ind == soci::i_ok ? std::optional(region_code) : std::nullopt;
    out.postcode = postcode_ind == soci::i_ok ? std::optional(postcode) : std::nullopt;
    out.is_default = is_default != 0;
    return out;
  }
};

}  // namespace

std::vector<Address> AddressRepository::list(soci::session& sql, long long person_id) const {
  std::vector<Address> out;
  Row row;
  const std::string query = std::string("SELECT ") + kColumns +
                            " FROM addresses WHERE person_id = :p ORDER BY is_default DESC, created_at DESC, id DESC";
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(person_id));
  row.bind(st);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(row.take(cipher_));
  return out;
}

std::optional<Address> AddressRepository::find(soci::session& sql, long long person_id, long long id) const {
  Row row;
  const std::string query = std::string("SELECT ") + kColumns + " FROM addresses WHERE id = :id AND person_id = :p";
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(id));
  st.exchange(soci::use(person_id));
  row.bind(st);
  st.define_and_bind();
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return row.take(cipher_);
}

long long AddressRepository::count(soci::session& sql, long long person_id) const {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM addresses WHERE person_id = :p", soci::use(person_id), soci::into(n);
  return n;
}

long long AddressRepository::insert(soci::session& sql, const Address& a) const {
  const std::string phone_enc = cipher_.seal(a.phone, kPhoneContext);
  std::string region_code = a.region_code.value_or(""), postcode = a.postcode.value_or("");
  soci::indicator rc_ind = a.region_code ? soci::i_ok : soci::i_null, pc_ind = a.postcode ? soci::i_ok : soci::i_null;
  const int is_default = a.is_default ? 1 : 0;
  sql << "INSERT INTO addresses (person_id, kind, recipient, phone_enc, region, region_code, detail, postcode, is_default, "
         "created_at, updated_at) VALUES (:p, :k, :r, :ph, :rg, :rc, :d, :pc, :def, :c, :u)",
      soci::use(a.person_id), soci::use(a.kind), soci::use(a.recipient), soci::use(phone_enc), soci::use(a.region),
      soci::use(region_code, rc_ind), soci::use(a.detail), soci::use(postcode, pc_ind), soci::use(is_default),
      soci::use(a.created_at), soci::use(a.updated_at);
  // Portable "last insert id": the caller's transaction holds the person's row lock (see
  // flows/addresses), so the newest row of this person is the one just written.
  long long id = 0;
  sql << "SELECT MAX(id) FROM addresses WHERE person_id = :p", soci::use(a.person_id), soci::into(id);
  return id;
}

void AddressRepository::update(soci::session& sql, const Address& a) const {
  const std::string phone_enc = cipher_.seal(a.phone, kPhoneContext);
  std::string region_code = a.region_code.value_or(""), postcode = a.postcode.value_or("");
  soci::indicator rc_ind = a.region_code ? soci::i_ok : soci::i_null, pc_ind = a.postcode ? soci::i_ok : soci::i_null;
  const int is_default = a.is_default ? 1 : 0;
  sql << "UPDATE addresses SET kind = :k, recipient = :r, phone_enc = :ph, region = :rg, region_code = :rc, detail = :d, "
         "postcode = :pc, is_default = :def, updated_at = :u WHERE id = :id AND person_id = :p",
      soci::use(a.kind), soci::use(a.recipient), soci::use(phone_enc), soci::use(a.region), soci::use(region_code, rc_ind),
      soci::use(a.detail), soci::use(postcode, pc_ind), soci::use(is_default), soci::use(a.updated_at), soci::use(a.id),
      soci::use(a.person_id);
}

void AddressRepository::remove(soci::session& sql, long long person_id, long long id) const {
  sql << "DELETE FROM addresses WHERE id = :id AND person_id = :p", soci::use(id), soci::use(person_id);
}

void AddressRepository::make_default(soci::session& sql, long long person_id, const std::string& kind, long long id) const {
  sql << "UPDATE addresses SET is_default = 0 WHERE person_id = :p AND kind = :k AND id <> :id", soci::use(person_id),
      soci::use(kind), soci::use(id);
  sql << "UPDATE addresses SET is_default = 1 WHERE person_id = :p AND id = :id", soci::use(person_id), soci::use(id);
}

long long AddressRepository::newest_of_kind(soci::session& sql, long long person_id, const std::string& kind) const {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(id) FROM addresses WHERE person_id = :p AND kind = :k", soci::use(person_id), soci::use(kind),
      soci::into(id, ind);
  return ind == soci::i_ok ? id : 0;
}

bool AddressRepository::has_default(soci::session& sql, long long person_id, const std::string& kind) const {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM addresses WHERE person_id = :p AND kind = :k AND is_default = 1", soci::use(person_id),
      soci::use(kind), soci::into(n);
  return n > 0;
}

}  // namespace uia::store
