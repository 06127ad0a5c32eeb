// 上传证明材料: a registration with a passport or foreign permanent residence ID waits for a
// person at the back office (seed 000: 护照/外国人永久居留身份证注册需人工审核). Right after
// registering, the applicant uploads the document pictures (护照照片页, 居留证件, 其他; JPEG,
// PNG or PDF up to 2 MB each, at most 5) with the upload token registration gave; each file is
// listed as it lands. The token lasts 24 hours and needs no sign-in (the account cannot sign in
// before the review).
#pragma once
#include <string>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct DocumentsState {
  long long person_id = 0;
  std::string upload_token;
  int kind = 0;  // index into DocumentKinds()
  struct Uploaded {
    std::string kind_zh, name, size;  // size as "1.2 MB"
  };
  std::vector<Uploaded> uploaded;
  std::string picked_name;  // the file being uploaded
  bool picking = false;     // the chooser is open
  bool busy = false;        // an upload in flight
  bool finished = false;    // 提交审核 pressed: the waiting message
  std::string error, info;
};

struct DocumentsActions {
  bool pick = false;  // open the chooser, then upload the choice
  bool go_login = false;
};

void DocumentsPage(const PageContext& ctx, DocumentsState& s, DocumentsActions& out);

// The kinds are the profile's document_kinds, in the order of the radio buttons: the REST
// kind of a pick and its zh-CN label.
std::string DocumentKindName(const Profile& profile, int kind);
std::string DocumentKindLabel(const Profile& profile, int kind);
// "" when the browser-reported file can go up (the profile's document_max_kib); else why not
// (type, size), in zh-CN.
std::string DocumentFileProblem(const Profile& profile, const std::string& type, long long size);
std::string FileSizeText(long long bytes);

}  // namespace uia::web
