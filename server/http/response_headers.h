// Setting arbitrary response headers. Pistache 0.0.5 only writes typed headers (a header added
// with addRaw never reaches the wire), so any name/value pair goes through this small typed
// header whose name is chosen at run time.
#pragma once
#include <string>

#include <pistache/http.h>

namespace uia::http {

class FieldHeader final : public Pistache::Http::Header::Header {
 public:
  FieldHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& stream) const override { stream << value_; }
#ifdef SAFE_HEADER_CAST
  uint64_t hash() const override { return 0; }
#endif

 private:
  std::string name_;
  std::string value_;
};

// Replaces any earlier header of the same name.
void set_header(Pistache::Http::ResponseWriter& response, const std::string& name, std::string value);

}  // namespace uia::http
