#include "http/response_headers.h"

namespace uia::http {

void set_header(Pistache::Http::ResponseWriter& response, const std::string& name, std::string value) {
  auto& headers = response.headers();
  headers.remove(name);
  headers.add(std::make_shared<FieldHeader>(name, std::move(value)));
}

}  // namespace uia::http
