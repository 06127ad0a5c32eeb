// The last two parts of every appeal (pages/appeal_form_page.h): the materials step (one file
// chooser per material kind of the case, then 提交申诉) and the final page with the case number.
#pragma once
#include "pages/appeal_form_page.h"

namespace uia::web {

void AppealMaterialsStep(const PageContext& ctx, AppealFormState& s, AppealFormActions& out);
void AppealDone(const PageContext& ctx, AppealFormState& s, AppealFormActions& out);
// The name of a material's chooser button ("上传营业执照原件照片"): tests press it by this name.
std::string AppealMaterialButton(std::string_view material_code);

}  // namespace uia::web
