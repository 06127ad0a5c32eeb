// GET /api/v1/openapi.json describes everything the server offers: every route the router
// serves (method and path pattern) and every error code of the shared catalogue.
#include <set>

#include "api/error_code.h"
#include "rest_test_support.h"

namespace uia::rest {
namespace {

class RestOpenApi : public RestTest {
 protected:
  nlohmann::json document() {
    const Reply reply = get("/api/v1/openapi.json");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("content-type").rfind("application/json", 0), 0u);
    return reply.json;
  }
};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST_F(RestOpenApi, IsAnOpenApi3Document) {
  const nlohmann::json doc = document();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc.value("openapi", "").rfind("3.", 0), 0u) << doc.value("openapi", "");
  EXPECT_FALSE(doc["info"].value("title", "").empty());
  EXPECT_FALSE(doc["info"].value("version", "").empty());
  ASSERT_TRUE(doc["paths"].is_object());
  for (const auto& [path, operations] : doc["paths"].items()) {
    EXPECT_EQ(path.rfind('/', 0), 0u) << path;
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
}

TEST_F(RestOpenApi, ListsEveryRouteTheRouterServes) {
  const nlohmann::json doc = document();
  const auto routes = platform_->router->routes();
  ASSERT_GT(routes.size(), 8u);
  for (const auto& route : routes) {
    const std::string method = lower(Pistache::Http::methodString(route.method));
    EXPECT_TRUE(doc["paths"].contains(route.pattern) && doc["paths"][route.pattern].contains(method))
        << method << " " << route.pattern << " is served but not in openapi.json";
  }
}

TEST_F(RestOpenApi, DescribesOnlyWhatIsServed) {
  const nlohmann::json doc = document();
  std::set<std::pair<std::string, std::string>> served;
  for (const auto& route : platform_->router->routes())
    served.emplace(lower(Pistache::Http::methodString(route.method)), route.pattern);
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(served.count({method, path})) << method << " " << path << " is documented but not served";
    }
  }
}

TEST_F(RestOpenApi, ListsEveryErrorCodeOfTheCatalogue) {
  const nlohmann::json doc = document();
  const auto& codes = doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
  ASSERT_TRUE(codes.is_array());
  std::set<std::string> listed;
  for (const auto& code : codes) listed.insert(code.get<std::string>());
  for (std::size_t i = 0; i < error_code_count(); ++i) {
    const std::string name(code_name(error_code_at(i)));
    EXPECT_TRUE(listed.count(name)) << name;
  }
  EXPECT_EQ(listed.size(), error_code_count());
}

}  // namespace
}  // namespace uia::rest
