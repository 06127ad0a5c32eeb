// 上传证明材料 (pages/documents_page.h): the REST side. The file is checked here first (type,
// size) so a wrong choice is named at once, and the server checks it again (magic bytes).
#include "app.h"
#include "files.h"

namespace uia::web {

void App::frame_documents(const PageContext& ctx) {
  DocumentsState& s = documents_;
  DocumentsActions a;
  DocumentsPage(ctx, s, a);
  if (a.pick) documents_pick();
  if (a.go_login) go(Page::Login);
}

void App::documents_pick() {
  DocumentsState& s = documents_;
  s.picking = true;
  files::pick(".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf", [this](const files::Picked& f) {
    DocumentsState& s = documents_;
    s.picking = false;
    if (f.size < 0) return;  // cancelled
    if (std::string problem = DocumentFileProblem(profile_, f.type, f.size); !problem.empty()) {
      s.error = problem;
      return;
    }
    s.busy = true;
    s.picked_name = f.name;
    const int kind = s.kind;
    const std::string size = FileSizeText(f.size);
    net::upload_picked_file("/api/v1/persons/" + std::to_string(s.person_id) + "/documents", DocumentKindName(profile_, kind),
                            s.upload_token, [this, kind, name = f.name, size](const net::Response& r) {
                              DocumentsState& s = documents_;
                              s.busy = false;
                              if (!r.ok()) {
                                s.error = net::failure_message(r, "材料上传");
                                return;
                              }
                              s.uploaded.push_back({DocumentKindLabel(profile_, kind), name, size});
                              s.info = name + " 已上传";
                            });
  });
}

}  // namespace uia::web
