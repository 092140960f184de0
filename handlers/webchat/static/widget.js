// sakebot chat widget for other sites:
//   <script src="https://HOST/webchat/widget.js" async></script>
// Adds a launcher button and a panel with the chat in an iframe, all inside
// a Shadow DOM root so that the page's CSS and the widget's never meet.
// Its styles are its own code, not a file: they work whatever the page's
// CSP allows.
// Exposes only window.SakebotWidget = {open, close}.
(() => {
  'use strict';
  if (window.SakebotWidget) return; // included twice

  const SELF_RE = /\/webchat\/widget\.js(?:[?#]|$)/;
  const script = document.currentScript ||
    Array.from(document.querySelectorAll('script[src]')).reverse().find((s) => SELF_RE.test(s.src));
  if (!script) return;
  const ORIGIN = new URL(script.src, location.href).origin;
  // The source code (流入経路) to pass on to the chat: the script tag's
  // data-src, else the embedding page's own ?src=.
  const SRC = (script.dataset.src || new URLSearchParams(location.search).get('src') || '')
    .replace(/[^0-9A-Za-z#＃０-９Ａ-Ｚａ-ｚ]/g, '').slice(0, 16);
  const TITLE = 'サケモデル 採用チャット';

  const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.launcher, .panel {
  font: 15px/1.4 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif;
  letter-spacing: normal;
  text-align: left;
}
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 48px; margin: 0; padding: 0 18px;
  border: 0; border-radius: 999px;
  background: #1d4ed8; color: #fff; font-weight: 600;
  box-shadow: 0 4px 14px rgba(0, 0, 0, .25);
  cursor: pointer;
}
.launcher:hover { background: #1e40af; }
.launcher svg { width: 22px; height: 22px; flex: none; fill: currentColor; }
/* A white ring inside a dark one: visible on any page background. */
.launcher:focus-visible {
  outline: 2px solid transparent;
  box-shadow: 0 0 0 3px #fff, 0 0 0 6px #111827;
}
.panel {
  position: fixed; right: 16px; bottom: 80px; z-index: 2147483001;
  display: flex; flex-direction: column;
  width: 380px; max-width: calc(100vw - 32px);
  height: 600px; max-height: calc(100vh - 96px);
  border: 1px solid #cbd5e1; border-radius: 12px; overflow: hidden;
  background: #fff; color: #1f2937;
  box-shadow: 0 12px 40px rgba(0, 0, 0, .3);
}
.bar {
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 2px 4px 2px 14px; background: #1d4ed8; color: #fff;
}
.title { margin: 0; font-size: 15px; font-weight: 600; }
.close {
  min-width: 44px; min-height: 44px; margin: 0; padding: 0 12px;
  border: 0; border-radius: 8px; background: transparent; color: #fff;
  font: inherit; cursor: pointer;
}
.close:hover { background: #1e40af; }
.close:focus-visible { outline: 3px solid #fff; outline-offset: -4px; }
iframe { flex: 1; display: block; width: 100%; min-height: 0; border: 0; background: #fff; }
@media (max-width: 480px) {
  .panel {
    top: 0; right: 0; bottom: 0; left: 0;
    width: auto; height: auto; max-width: none; max-height: none;
    border: 0; border-radius: 0;
  }
}
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: sakebot-in .16s ease-out; }
}
@keyframes sakebot-in { from { opacity: 0; transform: translateY(8px); } }
`;

  function make(tag, props) {
    return Object.assign(document.createElement(tag), props);
  }

  // A speech bubble icon, built without innerHTML (pages may enforce
  // Trusted Types).
  function icon() {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    svg.append(path);
    return svg;
  }

  const host = document.createElement('sakebot-widget');
  const root = host.attachShadow({ mode: 'open' });

  const launcher = make('button', { type: 'button', className: 'launcher' });
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'sakebot-panel');
  launcher.append(icon(), make('span', { textContent: 'チャットで質問する' }));

  const panel = make('div', { id: 'sakebot-panel', className: 'panel', hidden: true });
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', TITLE);
  const bar = make('div', { className: 'bar' });
  const closer = make('button', { type: 'button', className: 'close', textContent: '閉じる' });
  bar.append(make('p', { className: 'title', textContent: TITLE }), closer);
  panel.append(bar);

  // A constructed style sheet is not subject to the page's CSP style-src;
  // older browsers get a <style> element.
  if (root.adoptedStyleSheets && window.CSSStyleSheet && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(make('style', { textContent: CSS }));
  }
  root.append(launcher, panel);

  let frame = null; // created on first open

  function open() {
    if (!frame) {
      const src = SRC ? `&src=${encodeURIComponent(SRC)}` : '';
      frame = make('iframe', { src: `${ORIGIN}/webchat/?embed=1${src}`, title: TITLE });
      panel.append(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  closer.addEventListener('click', close);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.stopPropagation(); close(); }
  });
  // Escape inside the iframe never reaches this page: the chat posts this.
  window.addEventListener('message', (e) => {
    if (frame && e.source === frame.contentWindow && e.origin === ORIGIN &&
        e.data && e.data.sakebot === 'close') close();
  });

  function mount() { document.body.append(host); }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  window.SakebotWidget = Object.freeze({ open, close });
})();
