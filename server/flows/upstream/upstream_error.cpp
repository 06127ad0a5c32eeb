#include "flows/upstream/upstream_error.h"

#include "api/error_code.h"

namespace uia::flows::upstream {
namespace {

ErrorCode catalogue_code(UpstreamError error) {
  switch (error) {
    case UpstreamError::ProviderUnknown: return ErrorCode::UpstreamProviderUnknown;
    case UpstreamError::StateInvalid: return ErrorCode::UpstreamStateInvalid;
    case UpstreamError::Denied: return ErrorCode::UpstreamDenied;
    case UpstreamError::Unavailable: return ErrorCode::UpstreamUnavailable;
    case UpstreamError::TokenInvalid: return ErrorCode::UpstreamTokenInvalid;
    case UpstreamError::NoIdNumber: return ErrorCode::UpstreamNoIdNumber;
    case UpstreamError::AccountNotLinked: return ErrorCode::AccountNotLinked;
    case UpstreamError::AccountNotActive: return ErrorCode::AccountNotActive;
    case UpstreamError::IssuerMismatch: return ErrorCode::UpstreamIssuerMismatch;
    case UpstreamError::AccountFrozen: return ErrorCode::AccountFrozen;
  }
  return ErrorCode::UpstreamUnavailable;
}

}  // namespace

std::string_view upstream_error_name(UpstreamError error) { return code_name(catalogue_code(error)); }
std::string_view upstream_error_zh(UpstreamError error) { return message_zh(catalogue_code(error)); }

}  // namespace uia::flows::upstream
