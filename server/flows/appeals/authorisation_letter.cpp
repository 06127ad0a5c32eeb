// The 申诉授权书 an enterprise appellant prints, fills in, signs, stamps and uploads as the
// material "authorisation_letter" (001 2.7.1). Plain HTML with print styles: any browser prints
// it on one A4 page, and nothing in it needs the platform to render.
#include "flows/appeals/appeals_rest.h"

namespace uia::flows {

std::string authorisation_letter_template() {
  return R"html(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>申诉授权书</title>
<style>
  @page { size: A4; margin: 25mm 20mm; }
  body { font-family: "SimSun", "Songti SC", serif; font-size: 15px; line-height: 2; color: #000; max-width: 170mm; margin: 0 auto; }
  h1 { text-align: center; font-size: 24px; letter-spacing: 8px; margin: 0 0 24px; }
  .blank { display: inline-block; min-width: 14em; border-bottom: 1px solid #000; }
  .short { min-width: 6em; }
  p { text-indent: 2em; margin: 0 0 8px; }
  table { width: 100%; border-collapse: collapse; margin: 12px 0; }
  td { border: 1px solid #000; padding: 6px 10px; height: 28px; }
  td.label { width: 30%; text-align: center; }
  .sign { margin-top: 40px; text-align: right; line-height: 2.4; }
  .note { font-size: 12px; line-height: 1.6; margin-top: 32px; border-top: 1px dashed #666; padding-top: 8px; }
</style>
</head>
<body>
<h1>申诉授权书</h1>
<p>统一身份认证平台：</p>
<p>兹授权我单位以下人员作为经办人，代表我单位办理统一身份认证平台法人账号申诉事项（包括更换联系人及联系手机号、重置登录密码、辅助企业注册、修改企业信息），经办人在办理上述事项过程中所签署的文件、提交的材料及作出的确认，我单位均予以承认，并承担相应的法律责任。</p>
<table>
  <tr><td class="label">单位名称</td><td></td></tr>
  <tr><td class="label">统一社会信用代码</td><td></td></tr>
  <tr><td class="label">法定代表人姓名</td><td></td></tr>
  <tr><td class="label">法定代表人身份证号码</td><td></td></tr>
  <tr><td class="label">经办人姓名</td><td></td></tr>
  <tr><td class="label">经办人身份证号码</td><td></td></tr>
  <tr><td class="label">经办人手机号码</td><td></td></tr>
  <tr><td class="label">申诉事项</td><td>□ 法人账号申诉　□ 辅助企业注册申诉　□ 修改企业信息申诉</td></tr>
</table>
<p>授权期限：自<span class="blank short"></span>年<span class="blank short"></span>月<span class="blank short"></span>日起至申诉办结之日止。</p>
<p>我单位承诺所提交的申诉材料真实、有效，如有虚假，愿承担由此产生的一切法律责任。</p>
<div class="sign">
  法定代表人（签字）：<span class="blank"></span><br>
  单位（盖章）：<span class="blank"></span><br>
  <span class="blank short"></span>年<span class="blank short"></span>月<span class="blank short"></span>日
</div>
<div class="note">
  填写说明：1. 请用黑色签字笔填写，字迹清晰，不得涂改；2. 须由法定代表人签字并加盖单位公章；3. 填写完整后拍照或扫描（JPG、PNG 或 PDF 格式），在账号申诉页面作为“申诉授权书”上传。
</div>
</body>
</html>
)html";
}

}  // namespace uia::flows
