// Face verification (人脸核验): the platform asks the face service for a ticket bound to a name
// and ID number; the person completes liveness + comparison in the provincial app or the face
// page; the service reports the result to our callback. The simulator completes a ticket when
// POST /api/dev/face/{ticket} says pass or fail.
#pragma once
#include <functional>
#include <string>

namespace uia::ports {

struct FaceCheckRequest {
  std::string name;
  std::string id_number;
  std::string purpose;  // register, level_up, recover, ...
};

struct FaceTicket {
  bool ok = false;
  std::string ticket;       // opaque, URL-safe
  std::string start_url;    // where the person completes the check (app deep link or page)
  std::string error;
};

enum class FaceResult { Pass, Fail };

class FaceVerifier {
 public:
  virtual ~FaceVerifier() = default;
  virtual FaceTicket start(const FaceCheckRequest& request) = 0;
};

}  // namespace uia::ports
