// Appeal materials are identity documents kept only while a case needs them (PIPL art. 19): a
// case's files are deleted limits.appeal_materials_retention_days after its decision, by a
// periodic task (app/platform.cpp), each case in its own transaction, each purge audited
// (case.materials.purged, actor "system") and written to the case's history. The case record
// itself (who decided what, when, why) stays.
#pragma once
#include "app/services.h"

namespace uia::flows {

// One pass at services' now: how many cases had their materials deleted. Safe on several nodes
// at once (a case already purged is skipped).
int purge_decided_materials(app::Services& services);

}  // namespace uia::flows
