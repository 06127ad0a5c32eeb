#include "flows/upstream/upstream_error.h"

namespace uia::flows::upstream {

std::string_view upstream_error_name(UpstreamError error) {
  switch (error) {
    case UpstreamError::ProviderUnknown: return "UPSTREAM_PROVIDER_UNKNOWN";
    case UpstreamError::StateInvalid: return "UPSTREAM_STATE_INVALID";
    case UpstreamError::Denied: return "UPSTREAM_DENIED";
    case UpstreamError::Unavailable: return "UPSTREAM_UNAVAILABLE";
    case UpstreamError::TokenInvalid: return "UPSTREAM_TOKEN_INVALID";
    case UpstreamError::NoIdNumber: return "UPSTREAM_NO_ID_NUMBER";
    case UpstreamError::AccountNotLinked: return "ACCOUNT_NOT_LINKED";
    case UpstreamError::AccountNotActive: return "ACCOUNT_NOT_ACTIVE";
  }
  return "UPSTREAM_UNAVAILABLE";
}

std::string_view upstream_error_zh(UpstreamError error) {
  switch (error) {
    case UpstreamError::ProviderUnknown: return "不支持该第三方登录方式";
    case UpstreamError::StateInvalid: return "登录请求已失效或已使用，请重新发起登录";
    case UpstreamError::Denied: return "第三方平台未完成授权，请重新登录";
    case UpstreamError::Unavailable: return "第三方登录平台暂不可用，请稍后再试";
    case UpstreamError::TokenInvalid: return "第三方平台返回的身份凭证无效，请重新登录";
    case UpstreamError::NoIdNumber: return "第三方平台未提供已核验的证件号码";
    case UpstreamError::AccountNotLinked: return "本平台尚无与该证件号码对应的账号，请先注册";
    case UpstreamError::AccountNotActive: return "账号尚未激活或正在审核中";
  }
  return "";
}

}  // namespace uia::flows::upstream
