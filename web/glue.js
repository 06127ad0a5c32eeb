// UIA web client: the browser side of the platform layer (linked into uia.js with --pre-js).
//
// - canvas: fixed, fills the window, backing store = CSS size x devicePixelRatio;
// - pointer: mouse/pen events go straight to Dear ImGui; a touch tap becomes a click (a touch
//   drag scrolls the document natively, see below);
// - keyboard: editing and navigation keys (Backspace, Delete, arrows, Home, End, Tab, Enter,
//   Ctrl+A/C/V/X/Y/Z) are forwarded as key events; *text* never is: it always arrives through
//   the hidden <input id="uia-ime"> (typing, IME composition, paste, on-screen keyboards), so
//   each character reaches Dear ImGui exactly once;
// - scrolling: the document is as tall as the content and scrolls natively (wheel, touch,
//   scrollbar); Dear ImGui's root window follows window.scrollY;
// - accessibility mirror: <div id="uia-a11y"> gets one positioned element per widget
//   (API-CONTRACT.md, "Web client: accessibility mirror"), updated in place;
// - fetch and image decoding for the C++ network layer.
Module['uiaGlue'] = (function () {
  'use strict';

  var canvas = null, mirrorRoot = null, ime = null;
  var textActive = false, composing = false, imeKind = 0;
  var mirrorItems = [];
  var mirrorEls = new Map();
  var mirrorSerial = 0;
  var keysDown = new Set();
  var touch = null;

  // DOM keyCodes forwarded to Dear ImGui (they double as its KeysDown[] indices).
  var NAV = { 8: 1, 9: 1, 13: 1, 27: 1, 33: 1, 34: 1, 35: 1, 36: 1, 37: 1, 38: 1, 39: 1, 40: 1, 45: 1, 46: 1 };
  var MODS = { 16: 1, 17: 1, 18: 1, 91: 1, 92: 1, 93: 1, 224: 1 };
  var SHORTCUTS = { 65: 1, 67: 1, 86: 1, 88: 1, 89: 1, 90: 1 };  // A C V X Y Z with Ctrl/Cmd

  function call(name) {
    var f = Module['_' + name];
    if (typeof f === 'function') return f.apply(null, Array.prototype.slice.call(arguments, 1));
  }
  function mods(e) {
    return (e.ctrlKey || e.metaKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0);
  }
  function sendText(text) {
    if (text) Module['ccall']('uia_on_text', null, ['string'], [text]);
  }

  // ---- Canvas size and pixel ratio ---------------------------------------------------------
  var dprQuery = null;
  var lastDpr = 0;
  function resize() {
    var de = document.documentElement;
    var w = de.clientWidth || window.innerWidth;
    var h = de.clientHeight || window.innerHeight;
    var dpr = window.devicePixelRatio || 1;
    canvas.style.width = w + 'px';
    canvas.style.height = h + 'px';
    var fw = Math.max(1, Math.round(w * dpr)), fh = Math.max(1, Math.round(h * dpr));
    if (canvas.width !== fw) canvas.width = fw;
    if (canvas.height !== fh) canvas.height = fh;
    call('uia_on_resize', w, h, dpr, fw, fh);
    if (dpr !== lastDpr) {
      lastDpr = dpr;
      watchPixelRatio();
    }
  }
  function watchPixelRatio() {
    // Browser zoom or moving to another screen changes devicePixelRatio.
    if (!window.matchMedia) return;
    if (dprQuery) dprQuery.removeEventListener('change', resize);
    dprQuery = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    dprQuery.addEventListener('change', resize);
  }

  // ---- Pointer -------------------------------------------------------------------------------
  function canvasPoint(e) {
    var r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  function imguiButton(e) {
    return e.button === 2 ? 1 : e.button === 1 ? 2 : e.button;  // ImGui: 0 left, 1 right, 2 middle
  }
  // Text fields get the keyboard synchronously, inside the user's gesture, so that phones open
  // their on-screen keyboard and keys typed right after the click are not lost.
  function textboxAt(x, y) {
    var sy = window.scrollY;
    for (var i = 0; i < mirrorItems.length; i++) {
      var it = mirrorItems[i];
      if (it.r !== 'textbox' || it.d) continue;
      var top = it.y - sy;
      if (x >= it.x && x < it.x + it.w && y >= top && y < top + it.h) return it;
    }
    return null;
  }
  function focusTextboxAt(x, y) {
    var it = textboxAt(x, y);
    if (!it) return;
    placeIme(it.x, it.y - window.scrollY, it.w, it.h, it.x, it.p ? 1 : (it.kb || 0));
    if (document.activeElement !== ime) ime.focus({ preventScroll: true });
  }
  function tap(x, y) {
    call('uia_on_pointer_button', 0, 1, x, y);
    call('uia_on_pointer_button', 0, 0, x, y);
    focusTextboxAt(x, y);
  }

  function onPointerDown(e) {
    var p = canvasPoint(e);
    if (e.pointerType === 'touch') {
      touch = { id: e.pointerId, x: p[0], y: p[1], moved: false };
      return;
    }
    var b = imguiButton(e);
    if (b > 2) return;
    try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* not capturable */ }
    call('uia_on_pointer_button', b, 1, p[0], p[1]);
    if (b === 0) focusTextboxAt(p[0], p[1]);
  }
  function onPointerMove(e) {
    var p = canvasPoint(e);
    if (e.pointerType === 'touch') {
      if (touch && touch.id === e.pointerId && Math.abs(p[0] - touch.x) + Math.abs(p[1] - touch.y) > 10) touch.moved = true;
      return;
    }
    call('uia_on_pointer_move', p[0], p[1]);
  }
  function onPointerUp(e) {
    var p = canvasPoint(e);
    if (e.pointerType === 'touch') {
      if (touch && touch.id === e.pointerId && !touch.moved) {
        tap(p[0], p[1]);
        call('uia_on_pointer_leave');  // no hover left behind by a finger
      }
      touch = null;
      return;
    }
    var b = imguiButton(e);
    if (b > 2) return;
    call('uia_on_pointer_button', b, 0, p[0], p[1]);
  }
  function onPointerCancel(e) {
    if (e.pointerType === 'touch') { touch = null; return; }  // the browser took it: a scroll
    var p = canvasPoint(e);
    call('uia_on_pointer_button', imguiButton(e), 0, p[0], p[1]);
  }

  // ---- Keyboard and text ---------------------------------------------------------------------
  function ours(e) {
    var t = e.target;
    return t === ime || t === canvas || t === document.body || t === document.documentElement || !t;
  }
  function normalizeKey(k) { return (k === 91 || k === 92 || k === 93 || k === 224) ? 17 : k; }
  function onKeyDown(e) {
    if (!ours(e) || e.isComposing || composing || e.keyCode === 229) return;
    var k = normalizeKey(e.keyCode), ctrl = e.ctrlKey || e.metaKey;
    if (MODS[k]) {
      keysDown.add(k);
      call('uia_on_key', k, 1, mods(e));
      return;
    }
    var nav = !!NAV[k], shortcut = ctrl && !!SHORTCUTS[k], space = k === 32 && !textActive;
    if (!nav && !shortcut && !space) return;  // a character: it comes as text via 'input'
    keysDown.add(k);
    call('uia_on_key', k, 1, mods(e));
    // Keep the browser from moving focus (Tab), submitting, scrolling or navigating; leave
    // Ctrl+C/V/X alone so that the native copy/paste events still happen.
    if (nav || space || (shortcut && (k === 65 || k === 89 || k === 90))) e.preventDefault();
  }
  function onKeyUp(e) {
    if (!ours(e)) return;
    var k = normalizeKey(e.keyCode);
    if (!keysDown.has(k)) return;
    keysDown.delete(k);
    call('uia_on_key', k, 0, mods(e));
  }
  function onBlur() {
    keysDown.clear();
    call('uia_on_blur');
  }
  function onImeInput(e) {
    if (composing || e.isComposing) return;  // the composition's result comes with compositionend
    var text = ime.value;
    ime.value = '';
    sendText(text);
  }
  // Paste from the event's clipboard data (the default insertion is unreliable in some browsers).
  function onPaste(e) {
    var data = e.clipboardData || window.clipboardData;
    if (!data) return;  // let the browser insert it; 'input' picks it up
    e.preventDefault();
    sendText(String(data.getData('text/plain') || data.getData('text') || '').replace(/[\r\n\t]+/g, ' ').trim());
  }
  function onCompositionStart() {
    composing = true;
    ime.classList.add('composing');
  }
  function onCompositionEnd(e) {
    composing = false;
    ime.classList.remove('composing');
    var text = typeof e.data === 'string' ? e.data : ime.value;
    ime.value = '';
    sendText(text);
  }

  // The input covers the field from the caret to its right edge: the IME candidate window opens
  // at the caret, and a composition in progress is shown there without hiding the text before it.
  function placeIme(x, y, w, h, caretX, kind) {
    var s = ime.style;
    var left = Math.max(x, Math.min(caretX, x + w - 48));
    s.left = left + 'px';
    s.top = y + 'px';
    s.width = Math.max(1, x + w - left - 2) + 'px';
    s.height = Math.max(1, h) + 'px';
    if (kind !== imeKind || ime.type !== (kind === 1 ? 'password' : 'text')) {
      imeKind = kind;
      ime.type = kind === 1 ? 'password' : 'text';
      ime.inputMode = kind === 2 ? 'numeric' : 'text';
      ime.value = '';
    }
  }

  // The IME input holds keyboard focus for the active field, so it carries that field's name,
  // state and error message for assistive technology.
  function describeIme() {
    var field = null;
    for (var i = 0; i < mirrorItems.length; i++) if (mirrorItems[i].f && mirrorItems[i].r === 'textbox') field = mirrorItems[i];
    // Always named (a form control without a name is an axe finding): the field's label while one is active.
    setAttr(ime, 'aria-label', field ? field.l : '文本输入');
    setAttr(ime, 'aria-invalid', field && field.i ? 'true' : null);
    setAttr(ime, 'aria-required', field && field.q ? 'true' : null);
    var alertEl = null;
    if (field && field.fd) {
      mirrorEls.forEach(function (el) {
        if (!alertEl && el.getAttribute('role') === 'alert' && el.getAttribute('data-field') === field.fd) alertEl = el;
      });
    }
    setAttr(ime, 'aria-describedby', alertEl ? alertEl.id : null);
  }

  // ---- Accessibility mirror ------------------------------------------------------------------
  function setAttr(el, name, value) {
    if (value === null || value === undefined) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else {
      value = String(value);
      if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
  }
  function px(el, prop, v) {
    v = v + 'px';
    if (el.style[prop] !== v) el.style[prop] = v;
  }
  function updateNode(el, it) {
    setAttr(el, 'role', it.r);
    setAttr(el, 'aria-label', it.l || null);
    px(el, 'left', it.x);
    px(el, 'top', it.y);
    px(el, 'width', it.w);
    px(el, 'height', it.h);
    var text = it.t || '';
    if (el.textContent !== text) el.textContent = text;
    var r = it.r;
    var hasValue = (r === 'textbox' || r === 'combobox') && it.v && !it.p;
    setAttr(el, 'data-value', hasValue ? text : null);
    setAttr(el, 'aria-checked', r === 'checkbox' || r === 'radio' ? (it.c ? 'true' : 'false') : null);
    setAttr(el, 'aria-selected', r === 'tab' || r === 'option' ? (it.s ? 'true' : 'false') : null);
    setAttr(el, 'aria-expanded', r === 'combobox' ? (it.e ? 'true' : 'false') : null);
    setAttr(el, 'aria-level', r === 'heading' ? (it.lv || 1) : null);
    setAttr(el, 'aria-disabled', it.d ? 'true' : null);
    setAttr(el, 'aria-invalid', it.i ? 'true' : null);
    setAttr(el, 'aria-required', it.q ? 'true' : null);
    setAttr(el, 'data-focused', it.f ? 'true' : null);
    setAttr(el, 'data-password', it.p ? 'true' : null);
    setAttr(el, 'data-field', it.fd || null);
    setAttr(el, 'aria-description', it.ds || null);
  }
  var GROUPS = { tab: 'tablist', listitem: 'list', option: 'listbox' };
  function mirror(json) {
    var items;
    try { items = JSON.parse(json); } catch (err) { return; }
    mirrorItems = items;
    var keep = new Set();
    // Widgets whose role needs a parent (WAI-ARIA: tab in tablist, listitem in list, option in
    // listbox) go into a container element, one per run of consecutive items of that role.
    var prev = null, group = null, groupRole = null, groupPrev = null;
    var place = function (parent, after, el) {
      var want = after ? after.nextSibling : parent.firstChild;
      if (want !== el) parent.insertBefore(el, want);
    };
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      keep.add(it.k);
      var el = mirrorEls.get(it.k);
      if (!el) {
        el = document.createElement('div');
        el.id = 'uia-a11y-' + (++mirrorSerial);
        el.setAttribute('data-key', it.k);
        mirrorEls.set(it.k, el);
      }
      updateNode(el, it);
      var parentRole = GROUPS[it.r] || null;
      if (parentRole && group && groupRole === parentRole) {
        place(group, groupPrev, el);
        groupPrev = el;
        continue;
      }
      if (parentRole) {
        var gk = parentRole + ':' + it.k;
        keep.add(gk);
        group = mirrorEls.get(gk);
        if (!group) {
          group = document.createElement('div');
          group.id = 'uia-a11y-' + (++mirrorSerial);
          group.setAttribute('data-key', gk);
          group.setAttribute('role', parentRole);
          group.className = 'uia-a11y-group';
          mirrorEls.set(gk, group);
        }
        groupRole = parentRole;
        place(mirrorRoot, prev, group);
        prev = group;
        place(group, null, el);
        groupPrev = el;
        continue;
      }
      group = null;
      place(mirrorRoot, prev, el);
      prev = el;
    }
    mirrorEls.forEach(function (el, key) {
      if (!keep.has(key)) {
        el.remove();
        mirrorEls.delete(key);
      }
    });
    if (textActive) describeIme();
  }
  // Assistive technology "clicks" a mirror element: press the widget under its centre.
  function onMirrorClick(e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-key]') : null;
    if (!el) return;
    var r = el.getBoundingClientRect();
    var c = canvas.getBoundingClientRect();
    tap(r.left + r.width / 2 - c.left, r.top + r.height / 2 - c.top);
  }

  // ---- Network and images --------------------------------------------------------------------
  function flatten(value, prefix, out) {
    if (value !== null && typeof value === 'object') {
      for (var k in value) {
        if (Object.prototype.hasOwnProperty.call(value, k)) flatten(value[k], prefix ? prefix + '.' + k : k, out);
      }
      return;
    }
    var s = value === null || value === undefined ? '' : String(value);
    out.push(prefix.replace(/[\x1e\x1f]/g, '') + '\x1f' + s.replace(/[\x1e\x1f]/g, ''));
  }
  // extra: more request headers (e.g. X-Upload-Token); timeoutMs: 15 s unless given.
  function fetchJson(id, method, url, body, csrf, extra, timeoutMs) {
    var ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, timeoutMs || 15000);
    var headers = { 'Accept': 'application/json' };
    if (body !== null) headers['Content-Type'] = 'application/json';
    if (csrf) headers['X-CSRF-Token'] = csrf;
    if (extra) for (var h in extra) headers[h] = extra[h];
    var done = function (status, isJson, flat) {
      clearTimeout(timer);
      Module['ccall']('uia_on_fetch', null, ['number', 'number', 'number', 'string'], [id, status, isJson ? 1 : 0, flat]);
    };
    fetch(url, {
      method: method, headers: headers, body: body === null ? undefined : body,
      credentials: 'same-origin', cache: 'no-store', signal: ctrl ? ctrl.signal : undefined,
    }).then(function (res) {
      return res.text().then(function (text) {
        var out = [], isJson = false;
        try {
          flatten(JSON.parse(text), '', out);
          isJson = true;
        } catch (err) { /* not JSON (e.g. an HTML 404 page) */ }
        done(res.status, isJson, out.join('\x1e'));
      });
    }).catch(function (err) {
      done(err && err.name === 'AbortError' ? -1 : 0, false, '');
    });
  }
  // ---- Files (documents for review) -----------------------------------------------------------
  // The chosen file stays here, as a File; C++ learns its name, type and size (uia_on_file) and
  // later asks for it to be uploaded, so megabytes never pass through the wasm heap.
  var picker = null, pickedFile = null;
  function pickFile(accept) {
    if (!picker) {
      picker = document.createElement('input');
      picker.type = 'file';
      picker.id = 'uia-file';
      picker.style.position = 'fixed';
      picker.style.left = '-10000px';
      picker.setAttribute('aria-hidden', 'true');
      picker.tabIndex = -1;
      document.body.appendChild(picker);
      picker.addEventListener('change', function () {
        pickedFile = picker.files && picker.files[0] ? picker.files[0] : null;
        if (pickedFile) Module['ccall']('uia_on_file', null, ['string', 'string', 'number'], [pickedFile.name, pickedFile.type || '', pickedFile.size]);
        else Module['ccall']('uia_on_file', null, ['string', 'string', 'number'], ['', '', -1]);
        picker.value = '';  // the same file can be chosen again
      });
      picker.addEventListener('cancel', function () {
        Module['ccall']('uia_on_file', null, ['string', 'string', 'number'], ['', '', -1]);
      });
    }
    picker.accept = accept;
    picker.click();
  }
  function uploadPicked(id, url, kind, token) {
    var file = pickedFile;
    if (!file) { Module['ccall']('uia_on_fetch', null, ['number', 'number', 'number', 'string'], [id, 0, 0, '']); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var dataUrl = String(reader.result), comma = dataUrl.indexOf(',');
      var body = JSON.stringify({ kind: kind, content_type: file.type, data: dataUrl.slice(comma + 1) });
      fetchJson(id, 'POST', url, body, null, { 'X-Upload-Token': token }, 60000);
    };
    reader.onerror = function () { Module['ccall']('uia_on_fetch', null, ['number', 'number', 'number', 'string'], [id, 0, 0, '']); };
    reader.readAsDataURL(file);
  }
  function loadImage(slot, url) {
    var img = new Image();
    img.onload = function () {
      var w = img.naturalWidth, h = img.naturalHeight;
      var c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      var ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      var data = ctx.getImageData(0, 0, w, h).data;
      var ptr = _malloc(data.length);
      HEAPU8.set(data, ptr);
      call('uia_on_image', slot, w, h, ptr);
      _free(ptr);
    };
    img.onerror = function () { call('uia_on_image', slot, 0, 0, 0); };
    img.src = url;
  }
  // A file the client holds as base64 (a PDF material) saved through a temporary link.
  function download(name, type, base64) {
    var bytes = atob(base64), buf = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
    var url = URL.createObjectURL(new Blob([buf], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function copyText(text) {
    function fallback() {
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      document.body.appendChild(ta);
      ta.select();
      try { document.execCommand('copy'); } catch (err) { /* no clipboard */ }
      ta.remove();
      if (textActive) ime.focus({ preventScroll: true });
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
  }

  return {
    install: function () {
      canvas = Module['canvas'] || document.getElementById('canvas');
      mirrorRoot = document.getElementById('uia-a11y');
      ime = document.getElementById('uia-ime');
      window.addEventListener('resize', resize);
      if (window.ResizeObserver) new ResizeObserver(resize).observe(document.documentElement);
      window.addEventListener('scroll', function () { call('uia_on_scroll', window.scrollY); }, { passive: true });
      // #/qr?ticket=... opened in a tab that already runs the client: draw a frame to follow it.
      window.addEventListener('hashchange', function () { call('uia_on_hashchange'); });
      canvas.addEventListener('pointerdown', onPointerDown);
      canvas.addEventListener('pointermove', onPointerMove);
      canvas.addEventListener('pointerup', onPointerUp);
      canvas.addEventListener('pointercancel', onPointerCancel);
      canvas.addEventListener('pointerleave', function (e) { if (e.pointerType !== 'touch' && !e.buttons) call('uia_on_pointer_leave'); });
      // Keep keyboard focus on the IME input when the canvas is clicked.
      canvas.addEventListener('mousedown', function (e) { e.preventDefault(); });
      canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
      window.addEventListener('keydown', onKeyDown, true);
      window.addEventListener('keyup', onKeyUp, true);
      window.addEventListener('blur', onBlur);
      window.addEventListener('focus', function () { if (textActive) ime.focus({ preventScroll: true }); });
      ime.addEventListener('input', onImeInput);
      ime.addEventListener('paste', onPaste);
      ime.addEventListener('compositionstart', onCompositionStart);
      ime.addEventListener('compositionend', onCompositionEnd);
      mirrorRoot.addEventListener('click', onMirrorClick);
      resize();
      // Not every pixel-ratio change fires an event (e.g. device emulation): poll it too.
      setInterval(function () { if ((window.devicePixelRatio || 1) !== lastDpr) resize(); }, 500);
      call('uia_on_scroll', window.scrollY);
    },
    mirror: mirror,
    textInput: function (active, x, y, w, h, caretX, kind) {
      textActive = !!active;
      if (textActive) {
        placeIme(x, y, w, h, caretX, kind);
        describeIme();
        if (document.activeElement !== ime) ime.focus({ preventScroll: true });
      } else {
        if (composing) { composing = false; ime.classList.remove('composing'); }
        ime.value = '';
        if (document.activeElement === ime) ime.blur();
      }
    },
    document: function (height, scrollTo) {
      mirrorRoot.style.height = Math.ceil(height) + 'px';
      if (scrollTo >= 0) {
        window.scrollTo(0, scrollTo);
        call('uia_on_scroll', window.scrollY);
      }
    },
    cursor: function (css) { canvas.style.cursor = css; },
    clipboard: copyText,
    fetch: fetchJson,
    pickFile: pickFile,
    uploadPicked: uploadPicked,
    loadImage: loadImage,
    download: download,
    ready: function () {
      if (Module['uiaOnReady']) Module['uiaOnReady']();
    },
    fail: function (message) {
      if (Module['uiaOnError']) Module['uiaOnError'](message, false);
    },
  };
})();
