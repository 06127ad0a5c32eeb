// One catalogue of stable error codes, shared by the browser client and the server.
// A code's UPPER_SNAKE name is part of the public REST contract: never rename one.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace uia {

// X-macro: (Enumerator, "UPPER_SNAKE", "zh-CN message", "English message").
// Generic codes name the field that is wrong; detail codes say why, for a precise message.
#define UIA_ERROR_CODES(X)                                                                          \
  X(Ok, "OK", "校验通过", "Valid")                                                                  \
  /* resident ID (GB 11643-1999) */                                                                 \
  X(IdNumberInvalid, "ID_NUMBER_INVALID", "证件号码不正确", "The ID number is invalid")             \
  X(IdNumberEmpty, "ID_NUMBER_EMPTY", "请输入证件号码", "Please enter the ID number")               \
  X(IdNumberLength, "ID_NUMBER_LENGTH", "身份证号码应为18位", "A resident ID number has 18 characters") \
  X(IdNumberCharacters, "ID_NUMBER_CHARACTERS", "身份证号码只能包含数字，最后一位可为X",          \
    "Only digits are allowed, the last character may be X")                                         \
  X(IdNumberRegion, "ID_NUMBER_REGION", "身份证号码的地区码不正确", "The region code is not valid")  \
  X(IdNumberBirthDate, "ID_NUMBER_BIRTH_DATE", "身份证号码中的出生日期不正确",                     \
    "The date of birth in the ID number is not valid")                                              \
  X(IdNumberCheckDigit, "ID_NUMBER_CHECK_DIGIT", "身份证号码校验位不正确",                           \
    "The check character of the ID number is wrong")                                                \
  /* unified social credit code (GB 32100-2015) */                                                  \
  X(UsccInvalid, "USCC_INVALID", "统一社会信用代码不正确", "The unified social credit code is invalid") \
  X(UsccEmpty, "USCC_EMPTY", "请输入统一社会信用代码", "Please enter the unified social credit code") \
  X(UsccLength, "USCC_LENGTH", "统一社会信用代码应为18位", "A unified social credit code has 18 characters") \
  X(UsccCharacters, "USCC_CHARACTERS", "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）",  \
    "The code contains characters that are not allowed (I, O, Z, S, V are never used)")           \
  X(UsccAuthority, "USCC_AUTHORITY", "统一社会信用代码的登记管理部门或机构类别代码不正确",         \
    "The registration authority or organisation type code is not valid")                          \
  X(UsccRegion, "USCC_REGION", "统一社会信用代码的行政区划码不正确", "The region code is not valid") \
  X(UsccOrgCode, "USCC_ORG_CODE", "统一社会信用代码中的组织机构代码不正确",                        \
    "The embedded organisation code is not valid")                                                  \
  X(UsccCheckDigit, "USCC_CHECK_DIGIT", "统一社会信用代码校验位不正确",                              \
    "The check character of the unified social credit code is wrong")                               \
  /* other identity documents */                                                                    \
  X(HkMacauPermitInvalid, "HK_MACAU_PERMIT_INVALID", "港澳居民来往内地通行证号码不正确",           \
    "The Mainland Travel Permit for Hong Kong and Macao Residents number is invalid")              \
  X(TaiwanPermitInvalid, "TAIWAN_PERMIT_INVALID", "台湾居民来往大陆通行证号码不正确",             \
    "The Mainland Travel Permit for Taiwan Residents number is invalid")                           \
  X(PassportInvalid, "PASSPORT_INVALID", "护照号码不正确", "The passport number is invalid")         \
  X(ForeignPermanentIdInvalid, "FOREIGN_PERMANENT_ID_INVALID", "外国人永久居留身份证号码不正确",     \
    "The foreign permanent residence ID number is invalid")                                         \
  X(DocumentNumberEmpty, "DOCUMENT_NUMBER_EMPTY", "请输入证件号码", "Please enter the document number") \
  X(DocumentNumberFormat, "DOCUMENT_NUMBER_FORMAT", "证件号码格式不正确", "The document number has the wrong format") \
  X(DocumentCheckDigit, "DOCUMENT_CHECK_DIGIT", "证件号码校验位不正确", "The check character of the document number is wrong") \
  /* contact */                                                                                     \
  X(PhoneInvalid, "PHONE_INVALID", "请输入正确的11位手机号码", "Please enter a valid 11-digit mobile number") \
  X(PhoneEmpty, "PHONE_EMPTY", "请输入手机号码", "Please enter the mobile number")                  \
  X(EmailInvalid, "EMAIL_INVALID", "电子邮箱格式不正确", "The e-mail address is invalid")           \
  /* account and password */                                                                        \
  X(AccountInvalid, "ACCOUNT_INVALID", "账号应为6-20位字符，字母开头，只能包含字母、数字、下划线", \
    "The account name must be 6-20 characters, start with a letter and use letters, digits, underscore") \
  X(AccountEmpty, "ACCOUNT_EMPTY", "请输入用户账号", "Please enter the account name")                \
  X(AccountLength, "ACCOUNT_LENGTH", "账号应为6-20位字符", "The account name must be 6-20 characters") \
  X(AccountFirstLetter, "ACCOUNT_FIRST_LETTER", "账号必须以字母开头", "The account name must start with a letter") \
  X(AccountCharacters, "ACCOUNT_CHARACTERS", "账号只能包含字母、数字和下划线",                     \
    "The account name may only contain letters, digits and underscores")                           \
  X(PasswordInvalid, "PASSWORD_INVALID", "密码不符合要求", "The password does not meet the policy") \
  X(PasswordEmpty, "PASSWORD_EMPTY", "请输入密码", "Please enter the password")                     \
  X(PasswordLength, "PASSWORD_LENGTH", "密码长度不符合要求", "The password length is not allowed")   \
  X(PasswordClasses, "PASSWORD_CLASSES", "密码应为数字、字母或符号至少2种的组合",                  \
    "The password must combine at least two of digits, letters and symbols")                      \
  X(PasswordCharacters, "PASSWORD_CHARACTERS", "密码含有不允许的字符（空格或非ASCII字符）",         \
    "The password contains characters that are not allowed (spaces or non-ASCII)")                 \
  X(PasswordAllClasses, "PASSWORD_ALL_CLASSES", "密码须同时包含数字、字母和符号",                 \
    "The password must contain digits, letters and symbols")                                        \
  X(PasswordUpperLower, "PASSWORD_UPPER_LOWER", "密码须同时包含大写字母和小写字母",               \
    "The password must contain both upper-case and lower-case letters")                            \
  X(PasswordNamePinyin, "PASSWORD_NAME_PINYIN", "请勿将姓名拼音设为密码",                          \
    "The password must not contain the pinyin of the holder's name")                              \
  X(AccountNotOffered, "ACCOUNT_NOT_OFFERED", "本平台不设自选账号，请使用手机号或证件号码登录",    \
    "This platform has no user-chosen account names: sign in with the phone or document number")  \
  X(RegistrationHours, "REGISTRATION_HOURS", "中国大陆省外个人用户请在规定时段内注册",              \
    "Residents of other provinces may register only during the stated hours")                    \
  X(PhoneChangeProofInvalid, "PHONE_CHANGE_PROOF_INVALID", "不支持该身份验证方式",                 \
    "This proof of identity is not offered for changing the phone number")                        \
  X(PasswordContainsAccount, "PASSWORD_CONTAINS_ACCOUNT", "密码不能包含账号", "The password must not contain the account name") \
  X(PasswordCommon, "PASSWORD_COMMON", "密码过于简单，请勿使用常见密码", "The password is too common") \
  X(PasswordMismatch, "PASSWORD_MISMATCH", "两次输入的密码不一致", "The two passwords do not match") \
  /* names and dates */                                                                             \
  X(NameInvalid, "NAME_INVALID", "姓名格式不正确", "The name is invalid")                          \
  X(NameEmpty, "NAME_EMPTY", "请输入姓名", "Please enter the name")                                \
  X(DateInvalid, "DATE_INVALID", "日期格式不正确，应为YYYY-MM-DD", "The date must be YYYY-MM-DD")   \
  X(IdValidityInvalid, "ID_VALIDITY_INVALID", "证件有效期不正确", "The ID validity period is invalid") \
  X(IdValidityRequired, "ID_VALIDITY_REQUIRED", "请填写证件有效期", "Please enter the ID validity period") \
  X(IdValidityNotAllowed, "ID_VALIDITY_NOT_ALLOWED", "未满16周岁无需填写证件有效期",               \
    "Holders under 16 do not enter validity dates")                                                 \
  X(IdValidityTerm, "ID_VALIDITY_TERM", "有效期应为5年、10年、20年或长期", "The validity must be 5, 10 or 20 years or long-term") \
  X(IdValidityAgeMismatch, "ID_VALIDITY_AGE_MISMATCH", "证件有效期与签发时的年龄不符",              \
    "The validity period does not match the holder's age when issued")                             \
  X(IdValidityBeforeBirth, "ID_VALIDITY_BEFORE_BIRTH", "有效期开始日期早于出生日期",               \
    "The validity start date is before the date of birth")                                          \
  X(IdValidityFuture, "ID_VALIDITY_FUTURE", "有效期开始日期不能晚于今天", "The validity start date cannot be in the future") \
  X(IdExpired, "ID_EXPIRED", "证件已过期，请使用有效证件", "The document has expired")             \
  /* generic request problems */                                                                    \
  X(KindUnknown, "KIND_UNKNOWN", "不支持的校验类型", "Unknown validation kind")                     \
  X(RequestInvalid, "REQUEST_INVALID", "请求格式不正确", "The request is malformed")               \
  X(NotFound, "NOT_FOUND", "请求的资源不存在", "Not found")                                         \
  X(MethodNotAllowed, "METHOD_NOT_ALLOWED", "不支持的请求方法", "Method not allowed")               \
  X(PayloadTooLarge, "PAYLOAD_TOO_LARGE", "请求内容过大", "The request body is too large")         \
  X(InternalError, "INTERNAL_ERROR", "服务器内部错误，请稍后再试", "Internal server error")           \
  X(ServiceBusy, "SERVICE_BUSY", "系统繁忙，请稍后再试", "The service is busy, please retry shortly")  \
  X(FieldRequired, "FIELD_REQUIRED", "请填写必填项", "A required field is missing")                 \
  X(FieldType, "FIELD_TYPE", "字段类型不正确", "A field has the wrong type")                         \
  /* captcha and SMS */                                                                             \
  X(CaptchaInvalid, "CAPTCHA_INVALID", "图形验证码错误", "The captcha answer is wrong")             \
  X(CaptchaExpired, "CAPTCHA_EXPIRED", "图形验证码已失效，请刷新后重试", "The captcha has expired, get a new one") \
  X(SmsPurposeInvalid, "SMS_PURPOSE_INVALID", "短信验证码用途不正确", "Unknown SMS code purpose")  \
  X(SmsRateLimited, "SMS_RATE_LIMITED", "短信发送过于频繁，请稍后再试", "Too many SMS codes, please wait") \
  X(SmsCodeInvalid, "SMS_CODE_INVALID", "短信验证码错误", "The SMS code is wrong")                   \
  X(SmsCodeExpired, "SMS_CODE_EXPIRED", "短信验证码已失效，请重新获取", "The SMS code has expired, request a new one") \
  X(SmsSendFailed, "SMS_SEND_FAILED", "短信发送失败，请稍后再试", "The SMS could not be sent")        \
  /* registration */                                                                                \
  X(AgreementRequired, "AGREEMENT_REQUIRED", "请阅读并同意《注册协议》与《隐私政策》",              \
    "Please read and accept the registration agreement and privacy policy")                       \
  X(IdTypeInvalid, "ID_TYPE_INVALID", "证件类型不正确", "Unknown ID type")                          \
  X(GenderInvalid, "GENDER_INVALID", "性别不正确", "The gender is invalid")                         \
  X(BirthDateInvalid, "BIRTH_DATE_INVALID", "出生日期不正确", "The date of birth is invalid")       \
  X(AccountTaken, "ACCOUNT_TAKEN", "该账号已被使用，请更换", "This account name is taken")          \
  X(IdNumberRegistered, "ID_NUMBER_REGISTERED", "该证件已注册，请直接登录；如忘记密码请找回密码，老用户请激活账号", \
    "This ID is already registered: log in, recover the password, or activate an imported account") \
  X(PhoneRegistered, "PHONE_REGISTERED", "该手机号已被其他账号绑定", "This phone number belongs to another account") \
  X(IdentityMismatch, "IDENTITY_MISMATCH", "姓名与证件号码不一致，请核对", "The name does not match the ID number") \
  X(IdentityUnavailable, "IDENTITY_UNAVAILABLE", "实名核验服务暂不可用，请稍后再试",                 \
    "The identity check service is unavailable, please retry later")                              \
  X(FaceTicketInvalid, "FACE_TICKET_INVALID", "人脸核验已失效，请重新发起", "The face check ticket is invalid or used") \
  /* sign-in and sessions */                                                                        \
  X(CredentialsInvalid, "CREDENTIALS_INVALID", "账号或密码错误", "Wrong account or password")       \
  X(AccountLocked, "ACCOUNT_LOCKED", "登录失败次数过多，账号已临时锁定，请稍后再试",               \
    "Too many failed sign-ins: the account is locked for a while")                                 \
  X(AccountNotActive, "ACCOUNT_NOT_ACTIVE", "账号尚未激活或正在审核中", "The account is not active yet") \
  X(LoginMethodInvalid, "LOGIN_METHOD_INVALID", "不支持的登录方式", "Unknown sign-in method")        \
  X(TooManyRequests, "TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试", "Too many requests, please wait") \
  X(Unauthenticated, "UNAUTHENTICATED", "请先登录", "Please sign in")                                \
  X(SessionExpired, "SESSION_EXPIRED", "登录已过期，请重新登录", "The session has expired, please sign in again") \
  X(CsrfInvalid, "CSRF_INVALID", "页面已过期，请刷新后重试", "Missing or wrong CSRF token")     \
  /* recovery and the personal centre */                                                            \
  X(PersonNotFound, "PERSON_NOT_FOUND", "未找到该用户，请核对姓名和证件号码",                        \
    "No account matches this name and ID number")                                                  \
  X(FlowExpired, "FLOW_EXPIRED", "操作已超时，请重新开始", "This step has expired, please start again") \
  X(PasswordWrong, "PASSWORD_WRONG", "原密码错误", "The current password is wrong")                   \
  X(PasswordUnchanged, "PASSWORD_UNCHANGED", "新密码不能与原密码相同", "The new password must differ from the old one") \
  X(PhoneUnchanged, "PHONE_UNCHANGED", "新手机号与原手机号相同", "The new phone number is the current one") \
  X(IdNumberMismatch, "ID_NUMBER_MISMATCH", "证件号码与本账号不一致", "The ID number does not match this account") \
  /* personal centre: profile, addresses, e-mail, security questions (append below) */             \
  X(AccountImmutable, "ACCOUNT_IMMUTABLE", "用户账号一经注册不可修改", "The account name can never change") \
  X(FieldTooLong, "FIELD_TOO_LONG", "填写内容超过长度限制", "The text is too long")               \
  X(TextInvalid, "TEXT_INVALID", "填写内容含有不允许的字符", "The text contains characters that are not allowed") \
  X(OptionInvalid, "OPTION_INVALID", "请从列表中选择", "Please choose one of the listed values")   \
  X(PostcodeInvalid, "POSTCODE_INVALID", "邮政编码应为6位数字", "The postcode must be 6 digits")   \
  X(RegionCodeInvalid, "REGION_CODE_INVALID", "行政区划代码不正确", "The region code is invalid") \
  X(AddressKindInvalid, "ADDRESS_KIND_INVALID", "地址类型不正确", "Unknown address kind")         \
  X(AddressLimit, "ADDRESS_LIMIT", "地址数量已达上限，请删除不用的地址后再添加",                  \
    "Too many addresses: delete one first")                                                         \
  X(EmailUnchanged, "EMAIL_UNCHANGED", "新邮箱与当前邮箱相同", "The new e-mail address is the current one") \
  X(EmailRegistered, "EMAIL_REGISTERED", "该邮箱已被其他账号绑定", "This e-mail address belongs to another account") \
  X(EmailCodeInvalid, "EMAIL_CODE_INVALID", "邮件验证码错误", "The e-mail code is wrong")         \
  X(EmailCodeExpired, "EMAIL_CODE_EXPIRED", "邮件验证码已失效，请重新获取", "The e-mail code has expired, request a new one") \
  X(EmailRateLimited, "EMAIL_RATE_LIMITED", "邮件发送过于频繁，请稍后再试", "Too many e-mail codes, please wait") \
  X(EmailSendFailed, "EMAIL_SEND_FAILED", "邮件发送失败，请稍后再试", "The e-mail could not be sent") \
  X(MailUnavailable, "MAIL_UNAVAILABLE", "本平台暂未开通邮件服务", "E-mail is not offered by this platform") \
  X(SecurityQuestionInvalid, "SECURITY_QUESTION_INVALID", "密保问题不正确，请从列表中选择",        \
    "Unknown security question")                                                                    \
  X(SecurityQuestionsCount, "SECURITY_QUESTIONS_COUNT", "请设置3个不同的密保问题",               \
    "Set exactly three different security questions")                                               \
  X(SecurityAnswerInvalid, "SECURITY_ANSWER_INVALID", "密保答案应为1-50个字符", "An answer must have 1-50 characters") \
  X(SecurityAnswersWrong, "SECURITY_ANSWERS_WRONG", "密保答案错误", "The answers are wrong")      \
  X(SecurityAnswersLocked, "SECURITY_ANSWERS_LOCKED", "密保答案错误次数过多，请改用其他方式找回密码", \
    "Too many wrong answers: use another recovery method")                                        \
  X(RecoveryMethodInvalid, "RECOVERY_METHOD_INVALID", "不支持的找回方式", "Unknown recovery method") \
  X(RecoveryMethodUnavailable, "RECOVERY_METHOD_UNAVAILABLE", "该账号未设置此找回方式，请选择其他方式", \
    "This account has not set up this recovery method")                                           \
  /* back-office: staff, audit, review of documents (append below) */                               \
  X(StaffRoleRequired, "STAFF_ROLE_REQUIRED", "您没有执行此操作的权限", "Your staff role does not allow this") \
  X(FilterInvalid, "FILTER_INVALID", "查询条件不正确", "A query filter is invalid") \
  X(UploadTokenInvalid, "UPLOAD_TOKEN_INVALID", "上传凭证无效或已过期", "The upload token is invalid or has expired") \
  X(DocumentKindInvalid, "DOCUMENT_KIND_INVALID", "材料类型不正确", "Unknown document kind") \
  X(DocumentTypeInvalid, "DOCUMENT_TYPE_INVALID", "仅支持JPEG、PNG或PDF文件", "Only JPEG, PNG or PDF files are accepted") \
  X(DocumentDataInvalid, "DOCUMENT_DATA_INVALID", "文件内容不正确（应为Base64编码）", "The file data is not valid base64") \
  X(DocumentContentMismatch, "DOCUMENT_CONTENT_MISMATCH", "文件内容与文件类型不符", "The file content does not match its type") \
  X(DocumentTooLarge, "DOCUMENT_TOO_LARGE", "文件过大，单个文件不能超过2MB", "The file is larger than 2 MiB") \
  X(DocumentLimitReached, "DOCUMENT_LIMIT_REACHED", "上传的材料数量已达上限", "Too many documents uploaded") \
  X(ReviewNotPending, "REVIEW_NOT_PENDING", "该注册申请不在待审核状态", "This registration is not waiting for review") \
  X(ReviewDecisionInvalid, "REVIEW_DECISION_INVALID", "审核结论应为通过或驳回", "The decision must be approve or reject") \
  X(ReviewReasonRequired, "REVIEW_REASON_REQUIRED", "驳回时请填写原因", "A rejection needs a reason") \
  X(ReviewDocumentsMissing, "REVIEW_DOCUMENTS_MISSING", "申请人尚未上传证件材料，无法审核通过", "No documents were uploaded: cannot approve") \
  X(FaceCheckNotNeeded, "FACE_CHECK_NOT_NEEDED", "该账号无需进行人脸核验", "This account does not wait for a face check") \
  X(FaceRetryLimited, "FACE_RETRY_LIMITED", "今日人脸核验次数已达上限，请明天再试", "Too many face checks today, try again tomorrow") \
  /* sessions of the signed-in person, first sign-in of imported accounts (append below) */       \
  /* between persons: my messages, relatives, authorization relations (append below) */         \
  X(RelationInvalid, "RELATION_INVALID", "亲属关系不正确，请从列表中选择", "Unknown relation")   \
  X(RelativeSelf, "RELATIVE_SELF", "不能将本人添加为亲属", "You cannot add yourself as a relative") \
  X(RelativeDuplicate, "RELATIVE_DUPLICATE", "该亲属已添加，请勿重复添加", "This relative is already on your list") \
  X(RelativeLimit, "RELATIVE_LIMIT", "亲属数量已达上限，请删除后再添加", "Too many relatives: delete one first") \
  X(RelativeFaceNotNeeded, "RELATIVE_FACE_NOT_NEEDED", "该亲属无需或已完成人脸核验", "This relative needs no face check") \
  X(DelegateNotFound, "DELEGATE_NOT_FOUND", "未找到该用户，被授权人须为已注册的自然人，请核对姓名、证件号码和手机号", \
    "No registered person matches this name, ID number and phone")                                  \
  X(DelegationSelf, "DELEGATION_SELF", "不能授权给本人", "You cannot authorize yourself")         \
  X(DelegationDuplicate, "DELEGATION_DUPLICATE", "您与该用户已有待确认或生效中的授权关系", \
    "An authorization to this person is already pending or active")                                \
  X(DelegationLimit, "DELEGATION_LIMIT", "授权关系数量已达上限", "Too many authorizations")         \
  X(DelegationScopeInvalid, "DELEGATION_SCOPE_INVALID", "授权范围不正确，请从列表中选择", "Unknown authorization scope") \
  X(DelegationPeriodInvalid, "DELEGATION_PERIOD_INVALID", "授权有效期不正确（自今日起，最长5年）", \
    "The validity period must start today or later and last at most 5 years")                      \
  X(DelegationStateInvalid, "DELEGATION_STATE_INVALID", "该授权关系当前状态不允许此操作", \
    "The authorization is not in a state that allows this")                                         \
  X(DelegationExpired, "DELEGATION_EXPIRED", "授权确认已超过24小时，该授权已失效", \
    "The 24 hours to confirm have passed: the authorization has expired")                          \
  X(DelegationGranteeOnly, "DELEGATION_GRANTEE_ONLY", "只有被授权人可以确认或拒绝该授权", \
    "Only the person authorized can confirm or refuse")                                             \
  /* enterprise (legal-person) accounts (append below) */                                          \
  X(EnterpriseTypeInvalid, "ENTERPRISE_TYPE_INVALID", "法人类型不正确", "Unknown legal-person type")    \
  X(EnterpriseRegistrationUnavailable, "ENTERPRISE_REGISTRATION_UNAVAILABLE",                       \
    "本平台不提供法人用户注册", "This platform offers no enterprise (legal-person) registration")    \
  X(EnterpriseNameInvalid, "ENTERPRISE_NAME_INVALID", "法人名称应为2-100个字符", "The organisation name must have 2-100 characters") \
  X(UsccRegistered, "USCC_REGISTERED", "该统一社会信用代码已注册", "This unified social credit code already has an account") \
  X(UsccImmutable, "USCC_IMMUTABLE", "统一社会信用代码不可更改", "The unified social credit code never changes") \
  X(LegalRepNotRealName, "LEGAL_REP_NOT_REAL_NAME", "法定代表人须先完成自然人实名注册",            \
    "The legal representative must first register as a real-name natural person")                 \
  X(LegalRepMismatch, "LEGAL_REP_MISMATCH", "法定代表人姓名与证件号码不一致",                      \
    "The legal representative's name does not match the ID number")                                \
  X(LegalRepUnchanged, "LEGAL_REP_UNCHANGED", "新法定代表人与当前法定代表人相同", "This is already the legal representative") \
  X(RegistryMismatch, "REGISTRY_MISMATCH", "企业信息与工商登记信息不一致，请核对后重试",          \
    "The organisation's details do not match the business registry")                                \
  X(RegistryUnavailable, "REGISTRY_UNAVAILABLE", "工商登记信息核验服务暂不可用，请稍后再试",       \
    "The business registry cannot be reached, please try later")                                   \
  X(EnterpriseNotFound, "ENTERPRISE_NOT_FOUND", "当前企业账号不存在", "No enterprise account matches") \
  X(EnterpriseForbidden, "ENTERPRISE_FORBIDDEN", "您无权办理该企业的此项业务", "You may not do this for this enterprise") \
  X(VerifyMethodInvalid, "VERIFY_METHOD_INVALID", "身份验证方式不正确", "Unknown way of proving who you are") \
  /* OpenID Connect provider: business systems' clients, consent (append below) */                 \
  X(RedirectUriInvalid, "REDIRECT_URI_INVALID", "回调地址不正确（须为https地址或本机http地址，且不含#）", \
    "A redirect URI must be https (or http on loopback) without a fragment")                       \
  X(LevelTooLow, "LEVEL_TOO_LOW", "您的实名认证等级不足，请先提升实名认证等级",                    \
    "Your real-name level is below what this service requires")                                    \
  /* sign-in through an upstream identity provider (the national platform) (append below) */       \
  X(UpstreamProviderUnknown, "UPSTREAM_PROVIDER_UNKNOWN", "不支持该第三方登录方式", "No such upstream sign-in is configured") \
  X(UpstreamStateInvalid, "UPSTREAM_STATE_INVALID", "登录请求已失效或已使用，请重新发起登录",      \
    "This sign-in request expired or was already used; please start again")                       \
  X(UpstreamDenied, "UPSTREAM_DENIED", "第三方平台未完成授权，请重新登录", "The upstream platform did not authorize the sign-in") \
  X(UpstreamUnavailable, "UPSTREAM_UNAVAILABLE", "第三方登录平台暂不可用，请稍后再试",             \
    "The upstream platform cannot be reached, please try later")                                   \
  X(UpstreamTokenInvalid, "UPSTREAM_TOKEN_INVALID", "第三方平台返回的身份凭证无效，请重新登录",    \
    "The upstream platform's ID token failed a check")                                             \
  X(UpstreamNoIdNumber, "UPSTREAM_NO_ID_NUMBER", "第三方平台未提供已核验的证件号码",               \
    "The upstream platform released no verified ID number")                                        \
  X(AccountNotLinked, "ACCOUNT_NOT_LINKED", "本平台尚无与该证件号码对应的账号，请先注册",          \
    "No account here has this ID number; please register first")                                   \
  /* QR-code login (扫码登录) (append below) */                                                     \
  X(QrLoginNotFound, "QR_LOGIN_NOT_FOUND", "二维码无效，请刷新二维码后重新扫码", "No such QR login ticket") \
  X(QrLoginExpired, "QR_LOGIN_EXPIRED", "二维码已过期，请刷新二维码后重新扫码", "The QR code expired") \
  X(QrLoginUsed, "QR_LOGIN_USED", "该二维码已使用，请刷新二维码后重新扫码", "The QR code was already used") \
  X(QrLoginCancelled, "QR_LOGIN_CANCELLED", "本次扫码登录已取消", "This QR login was cancelled")       \
  X(QrLoginOtherPerson, "QR_LOGIN_OTHER_PERSON", "该二维码已被其他账号扫描，请刷新二维码后重新扫码", \
    "Another account scanned this QR code")                                                        \
  X(QrLoginNotScanned, "QR_LOGIN_NOT_SCANNED", "请先扫描二维码，再确认登录", "Scan the QR code before confirming") \
  X(QrLoginOriginInvalid, "QR_LOGIN_ORIGIN_INVALID", "页面地址不正确", "The page origin is not http(s)://host[:port]") \
  /* enterprise agents (经办人) and delegation (append below) */                                \
  X(AgentScopeInvalid, "AGENT_SCOPE_INVALID", "授权事项范围不正确，请至少从列表中选择一项", \
    "Choose at least one service item from the list")                                             \
  X(AgentPeriodInvalid, "AGENT_PERIOD_INVALID", "授权有效期不正确（自今日起，最长5年）",            \
    "The validity period must start today or later and last at most 5 years")                    \
  X(AgentAdminRequired, "AGENT_ADMIN_REQUIRED", "只有法定代表人或具有管理权限的经办人可以管理经办人", \
    "Only the legal representative or an agent with the admin flag manages agents")              \
  X(AgentAdminFlagForbidden, "AGENT_ADMIN_FLAG_FORBIDDEN", "只有法定代表人可以授予管理权限",       \
    "Only the legal representative grants the admin flag")                                        \
  X(AgentGrantInactive, "AGENT_GRANT_INACTIVE", "经办人授权已失效（已过期、已停用或已撤销）",       \
    "The agent grant is no longer in force (expired, disabled or revoked)")                       \
  X(AgentGrantDuplicate, "AGENT_GRANT_DUPLICATE", "该用户已是本企业的经办人或正在等待确认",         \
    "This person already holds or is being offered a grant of this enterprise")                   \
  X(AgentGrantStateInvalid, "AGENT_GRANT_STATE_INVALID", "该授权当前状态不允许此操作",               \
    "The grant is not in a state that allows this")                                               \
  X(AgentAcceptExpired, "AGENT_ACCEPT_EXPIRED", "已超过24小时确认期限，该授权已失效",                \
    "The 24 hours to accept have passed: the grant has expired")                                  \
  X(AgentLevelExceeded, "AGENT_LEVEL_EXCEEDED", "授权层级已达上限，不能再次转授权",                 \
    "Grants go at most three levels deep")                                                        \
  X(AgentGrantExceedsParent, "AGENT_GRANT_EXCEEDS_PARENT", "转授权的事项范围和有效期不得超出本人的授权", \
    "A delegated grant must stay within the scope and period of the grant it comes from")         \
  X(AgentGrantBelowChildren, "AGENT_GRANT_BELOW_CHILDREN", "已转授的授权超出新的范围或有效期，请先调整或撤销转授权", \
    "Grants delegated from this one reach beyond the new scope or period")                       \
  X(AgentSelf, "AGENT_SELF", "不能授权给本人", "You cannot make yourself an agent")              \
  X(GrantRequestDuplicate, "GRANT_REQUEST_DUPLICATE", "您已向该企业提交过授权申请，请等待审核",     \
    "You already asked this enterprise for a grant")                                              \
  X(GrantRequestStateInvalid, "GRANT_REQUEST_STATE_INVALID", "该授权申请已处理",                     \
    "This grant request was already decided")                                                      \
  X(IdentityInvalid, "IDENTITY_INVALID", "无法切换到该身份", "You cannot act as this identity")  \
  /* OIDC client authentication by private_key_jwt (append below) */                             \
  X(ClientJwksInvalid, "CLIENT_JWKS_INVALID",                                                      \
    "公钥集不正确：须为1至5个签名公钥（ES256用P-256椭圆曲线，RS256用2048位以上RSA），不得含私钥，多个公钥须有互不相同的kid", \
    "jwks must hold 1 to 5 public signing keys (EC P-256 for ES256, RSA of 2048 bits or more for RS256), no private member, distinct kids") \
  X(ClientJwksUriUnsupported, "CLIENT_JWKS_URI_UNSUPPORTED",                                       \
    "暂不支持通过公钥地址（jwks_uri）登记公钥，请在jwks中直接提交公钥集",                          \
    "jwks_uri is not supported yet: register the public keys inline as jwks")                       \
  X(OidcSignInAgain, "OIDC_SIGN_IN_AGAIN", "该业务系统要求重新登录，请再次登录后确认授权",          \
    "The business system asked for a fresh sign-in: sign in again, then decide")                   \
  /* upstream sign-in, browser binding and RFC 9207 (issue 6 follow-up) */                         \
  X(UpstreamIssuerMismatch, "UPSTREAM_ISSUER_MISMATCH", "第三方平台的授权响应来源不符，请重新登录",  \
    "The upstream's authorization response names another issuer (RFC 9207)")                     \
  /* appeals (账号申诉), back-office casework and account freeze (append below) */                 \
  X(AppealKindInvalid, "APPEAL_KIND_INVALID", "申诉类型不正确，请从列表中选择", \
    "Unknown appeal kind")                                   \
  X(AppealAlreadyOpen, "APPEAL_ALREADY_OPEN", "该手机号或统一社会信用代码已有正在处理的申诉，请勿重复提交，可通过申诉进度查询了解进展", \
    "An appeal for this phone or credit code is already open") \
  X(AppealNotFound, "APPEAL_NOT_FOUND", "未找到该申诉，请核对申诉编号和手机号", \
    "No appeal matches this case number and phone")          \
  X(AppealUploadTokenInvalid, "APPEAL_UPLOAD_TOKEN_INVALID", "申诉材料上传凭证无效或已过期，请重新发起申诉", \
    "The appeal's upload token is invalid or expired")       \
  X(AppealMaterialKindInvalid, "APPEAL_MATERIAL_KIND_INVALID", "该申诉不需要此类材料", \
    "This appeal does not take this kind of material")       \
  X(AppealMaterialsMissing, "APPEAL_MATERIALS_MISSING", "申诉材料不齐全，请上传全部必需材料后再提交", \
    "Required materials are missing")                        \
  X(AppealNotDraft, "APPEAL_NOT_DRAFT", "申诉已提交，不能再修改",       \
    "The appeal was already submitted")                      \
  X(AppealRemarkTooLong, "APPEAL_REMARK_TOO_LONG", "申诉备注不能超过150字", \
    "The remark is longer than 150 characters")              \
  X(AppealNothingToChange, "APPEAL_NOTHING_TO_CHANGE", "请填写需要修改的企业信息", \
    "Name at least one detail to change")                    \
  X(AppealEnterpriseUnknown, "APPEAL_ENTERPRISE_UNKNOWN", "企业登记信息中未查到该统一社会信用代码，请核对后重试", \
    "The business registry does not know this credit code")  \
  X(CaseNotFound, "CASE_NOT_FOUND", "未找到该申诉案件",              \
    "No such case")                                          \
  X(CaseAlreadyDecided, "CASE_ALREADY_DECIDED", "该申诉已办结，不能重复处理", \
    "The case was already decided")                          \
  X(CaseNotClaimable, "CASE_NOT_CLAIMABLE", "该申诉当前不能领取",     \
    "The case cannot be claimed in its present state")       \
  X(CaseClaimedByOther, "CASE_CLAIMED_BY_OTHER", "该申诉已由其他审核人员领取", \
    "Another reviewer holds this case")                      \
  X(CaseNotClaimed, "CASE_NOT_CLAIMED", "请先领取该申诉再处理",        \
    "Claim the case before deciding it")                     \
  X(CaseOwnFirstReview, "CASE_OWN_FIRST_REVIEW", "复核须由初审以外的审核人员进行", \
    "The second review must be made by another reviewer")    \
  X(CaseApplyConflict, "CASE_APPLY_CONFLICT", "账号信息已发生变化，无法按申诉内容办理，请驳回并说明原因", \
    "The account changed since the appeal: it cannot be applied") \
  X(AccountFrozen, "ACCOUNT_FROZEN", "账号已被冻结，请联系客服处理",       \
    "The account is frozen: contact the service desk")       \
  X(AccountAlreadyFrozen, "ACCOUNT_ALREADY_FROZEN", "该账号已处于冻结状态", \
    "The account is already frozen")                         \
  X(AccountNotFrozen, "ACCOUNT_NOT_FROZEN", "该账号未被冻结",       \
    "The account is not frozen")                             \
  X(FreezeReasonRequired, "FREEZE_REASON_REQUIRED", "请填写冻结或解冻的原因", \
    "A reason is required")                                  \
  X(AccountNotFound, "ACCOUNT_NOT_FOUND", "未找到该账号",          \
    "No such account")                                       \
  /* end of the catalogue: every line above ends with a backslash */

enum class ErrorCode : std::uint16_t {
#define UIA_ENUM(e, name, zh, en) e,
  UIA_ERROR_CODES(UIA_ENUM)
#undef UIA_ENUM
};

std::string_view code_name(ErrorCode code);
std::string_view message_zh(ErrorCode code);
std::string_view message_en(ErrorCode code);
std::optional<ErrorCode> code_from_name(std::string_view name);
// Every code in catalogue order: for OpenAPI, docs and tests.
std::size_t error_code_count();
ErrorCode error_code_at(std::size_t index);

}  // namespace uia
