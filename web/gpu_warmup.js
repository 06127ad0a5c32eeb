// The GPU warm-up worker (boot.js, warmUpGpu): a fresh browser starts its GPU side when the first
// WebGL context is made, which blocks the calling thread for up to a second. Made here, off the
// page's thread, while the page downloads the program. A file, not a Blob URL: the
// Content-Security-Policy allows workers from this origin only (server/http/browser_policy.h).
var ok = false;
try {
  self.gl = new OffscreenCanvas(1, 1).getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
  ok = !!self.gl;
} catch (e) { /* no WebGL2 in workers: the page checks on its own canvas */ }
postMessage(ok);
