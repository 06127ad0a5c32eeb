// The page shell's loader (index.html): downloads and starts the program, shows progress and
// errors. A file of its own, not inline: the Content-Security-Policy runs scripts from this
// origin only (server/http/browser_policy.h).
(function () {
  'use strict';
  // window.uiaReady: a Promise while loading that resolves (to true) once the module runs and
  // has drawn its first frame; from then on it is simply `true`. So both
  // `await page.evaluate(() => window.uiaReady)` and `window.uiaReady === true` work.
  // window.uiaStatus is 'loading' | 'ready' | 'error' (window.uiaError holds the message).
  var resolveReady;
  window.uiaStatus = 'loading';
  var firstFrameDrawn = new Promise(function (resolve) { resolveReady = resolve; });
  window.uiaReady = firstFrameDrawn;

  var loader = document.getElementById('uia-loader');
  var bar = loader.querySelector('.bar');
  var fill = bar.firstElementChild;
  var statusEl = loader.querySelector('.status');
  var errorEl = loader.querySelector('.error');
  var retry = loader.querySelector('button');
  var parts = [
    { url: 'uia.wasm', loaded: 0, total: 0, bytes: null },
    { url: 'uia-font.ttf', loaded: 0, total: 0, bytes: null },
  ];
  var started = false;  // uia.js was injected: a retry needs a fresh page

  function mb(n) { return (n / 1048576).toFixed(1) + ' MB'; }
  function showProgress() {
    var loaded = 0, total = 0, known = true;
    parts.forEach(function (p) {
      loaded += p.bytes ? p.bytes.length : p.loaded;
      if (p.bytes) total += p.bytes.length; else if (p.total) total += p.total; else known = false;
    });
    if (known && total > 0) {
      var pct = Math.min(100, Math.round(loaded * 100 / total));
      bar.classList.remove('indeterminate');
      fill.style.width = pct + '%';
      loader.setAttribute('aria-valuenow', String(pct));
      statusEl.textContent = '正在加载 ' + mb(loaded) + ' / ' + mb(total);
    } else {
      bar.classList.add('indeterminate');
      loader.removeAttribute('aria-valuenow');
      statusEl.textContent = '正在加载 ' + mb(loaded);
    }
  }
  function fail(message, canRetry) {
    window.uiaStatus = 'error';
    window.uiaError = message;
    loader.classList.remove('hidden');
    loader.classList.add('failed');
    errorEl.textContent = message;
    retry.style.display = canRetry === false ? 'none' : '';
  }
  function download(part) {
    if (part.bytes) return Promise.resolve(part.bytes);
    part.loaded = 0;
    return fetch(part.url, { cache: 'no-cache' }).then(function (res) {
      if (!res.ok) throw new Error(part.url + ' 返回 HTTP ' + res.status);
      // With Content-Encoding the length is the compressed size: progress then counts bytes only.
      var len = +res.headers.get('Content-Length') || 0;
      part.total = res.headers.get('Content-Encoding') ? 0 : len;
      if (!res.body || !res.body.getReader) {
        return res.arrayBuffer().then(function (buf) { return (part.bytes = new Uint8Array(buf)); });
      }
      var reader = res.body.getReader(), chunks = [], received = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var all = new Uint8Array(received), at = 0;
            chunks.forEach(function (c) { all.set(c, at); at += c.length; });
            part.bytes = all;
            showProgress();
            return all;
          }
          chunks.push(r.value);
          received += r.value.length;
          part.loaded = received;
          showProgress();
          return pump();
        });
      }
      return pump();
    });
  }
  // A fresh browser starts its GPU side (GPU process, software GL) when the first WebGL context
  // is made, and making it blocks the calling thread for up to a second. A worker makes a
  // throw-away context at once, so that start-up runs while this page downloads and compiles the
  // program and the program rasterises its font; the program's own context then comes quickly.
  // The worker's answer is also the WebGL2 check. Resolves { ok, worker } or null (no worker).
  function warmUpGpu() {
    try {
      if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return null;
      var worker = new Worker('gpu_warmup.js');
      return new Promise(function (resolve) {
        worker.onmessage = function (e) { resolve({ ok: e.data === true, worker: worker }); };
        worker.onerror = function () { resolve({ ok: false, worker: worker }); };
      });
    } catch (e) { return null; }
  }
  // The check on the page itself, where the worker cannot tell (no OffscreenCanvas WebGL): it
  // creates the page's context on the real canvas, with the attributes main.cpp asks for (the
  // program's own request then gets this same context back), at its final size (as glue.js's
  // resize() computes it), so the drawing buffer is allocated once.
  function hasWebGL2() {
    try {
      var canvas = document.getElementById('canvas');
      var de = document.documentElement, dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round((de.clientWidth || window.innerWidth) * dpr));
      canvas.height = Math.max(1, Math.round((de.clientHeight || window.innerHeight) * dpr));
      return !!canvas.getContext('webgl2',
        { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
    } catch (e) { return false; }
  }
  function start() {
    if (started) { location.reload(); return; }
    loader.classList.remove('failed');
    window.uiaStatus = 'loading';
    window.uiaError = undefined;
    showProgress();
    // The downloads start first: the WebGL2 check below can take most of a second in a fresh
    // browser (it starts the GPU process), and the bytes arrive meanwhile. The wasm compiles
    // while the font is still downloading (it is the smaller of the two).
    var compiled = null;
    var wasmReady = download(parts[0]).then(function (bytes) {
      if (typeof WebAssembly === 'object' && WebAssembly.compile) {
        compiled = WebAssembly.compile(bytes);
        compiled.catch(function () { /* reported when the module is instantiated */ });
      }
      return bytes;
    });
    var downloads = [wasmReady, download(parts[1])];
    var noWebGL2 = '您的浏览器不支持 WebGL2，无法显示本页面。请使用最新版浏览器，或在浏览器设置中开启硬件加速。';
    var warming = warmUpGpu();
    if (!warming) {
      if (!hasWebGL2()) { fail(noWebGL2); return; }
    } else {
      warming.then(function (w) {
        window.uiaGpuWarmUp = w.ok ? 'worker' : 'page';
        if (!w.ok && !hasWebGL2()) fail(noWebGL2);
        // Kept until the program has its own context, so the GPU side stays up; then let go.
        firstFrameDrawn.then(function () { w.worker.terminate(); });
      });
    }
    Promise.all(downloads).then(function (bytes) {
      statusEl.textContent = '正在启动…';
      started = true;
      window.Module = {
        canvas: document.getElementById('canvas'),
        wasmBinary: bytes[0],        // compiled from memory: no dependency on the .wasm MIME type
        instantiateWasm: function (imports, receiveInstance) {
          (compiled || WebAssembly.compile(bytes[0])).then(function (module) {
            return WebAssembly.instantiate(module, imports).then(function (instance) { receiveInstance(instance, module); });
          }).catch(function (err) { fail('页面程序启动失败：' + (err && err.message ? err.message : err)); });
          return {};  // exports arrive asynchronously through receiveInstance
        },
        uiaFontBytes: bytes[1],
        print: function (t) { console.log(t); },
        printErr: function (t) { console.warn(t); },
        onAbort: function (what) { fail('页面程序运行出错：' + what); },
        uiaOnReady: function () {
          window.uiaFirstFrameMs = performance.now();  // from navigation start (tools/bench/first_frame.mjs)
          loader.classList.add('hidden');
          window.uiaStatus = 'ready';
          window.uiaReady = true;
          resolveReady(true);
        },
        uiaOnError: fail,
      };
      var script = document.createElement('script');
      script.src = 'uia.js';
      script.onerror = function () { fail('页面加载失败（uia.js 下载失败），请检查网络后重试。'); };
      document.body.appendChild(script);
    }).catch(function (err) {
      fail('页面加载失败，请检查网络后重试。（' + (err && err.message ? err.message : err) + '）');
    });
  }
  retry.addEventListener('click', start);
  start();
})();
