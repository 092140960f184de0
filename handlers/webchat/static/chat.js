// sakebot web chat, browser side. Plain ES2020, no dependencies.
//
// Sends with POST /webchat/messages (JSON, retried with the same id) and
// receives every line, ours included, from the EventSource /webchat/events:
// first a replay of the history, then `ready`, then new lines. All server
// and user text is set with textContent: never as HTML.
(() => {
  'use strict';

  const EMBED = new URLSearchParams(location.search).get('embed') === '1';
  if (EMBED) document.documentElement.classList.add('embed');
  // The source code (流入経路) the page was opened with (?src=K0612, passed
  // on by the widget too), sent with the open event: the server checks it.
  const SRC = (new URLSearchParams(location.search).get('src') || '').replace(/[^0-9A-Za-z#＃０-９Ａ-Ｚａ-ｚ]/g, '').slice(0, 16);

  const MAX_LEN = 2000;           // the server's limit on a message's text
  const COUNTER_FROM = 1800;      // show the counter from this length on
  const RETRY_DELAYS = [1000, 2000, 4000]; // after a 5xx or network error
  const POST_TIMEOUT = 15000;
  const TYPING_TIMEOUT = 20000;
  const RECONNECT_MAX = 30000;

  const T = {
    you: 'あなた：',
    bot: 'ボット：',
    sending: '送信中',
    failed: '送信できませんでした',
    resend: '再送',
    choices: '選択肢',
    preparing: '回答を準備しています',
    reconnecting: '再接続しています…',
    offline: '接続できません。ページを再読み込みしてください。',
    reload: 'ページを再読み込みしてください。',
    reloadButton: '再読み込み',
    badInput: 'メッセージを送信できませんでした。内容をご確認ください。',
    tooLong: `メッセージは${MAX_LEN.toLocaleString('ja-JP')}文字以内で入力してください。`,
    tooMany: '送信が多すぎます。しばらく待ってから再送してください。',
    confirm: '入力内容の確認',
    slots: '予約できる日程',
    book: '予約する',
    when: '日時',
    place: '場所',
    online: 'オンライン',
    full: '満席',
    links: 'リンク',
  };

  const state = {
    seen: new Set(),      // server line ids already shown
    outbox: new Map(),    // client id → {body, row, typed}
    ready: false,         // the first `ready` has arrived
    replayed: 0,          // lines received before the first `ready`
    sentAny: false,
    justComposed: false,  // an IME composition ended a moment ago
    typingTimer: 0,
    source: null,
    reconnectTries: 0,
    lastId: 0,            // the newest server line id shown: a new stream resumes after it
    errorFor: null,       // the client id of the message #error is about, if any
  };
  let els = null;

  // ---- Small helpers ------------------------------------------------------

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function newId() {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    // Outside a secure context randomUUID is missing: build a v4 UUID.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Focus the input after a click, except on touch screens where that
  // would pop up the keyboard; keyboard activation (detail 0) always does.
  function focusInputAfter(event) {
    if (!event || event.detail === 0 || matchMedia('(pointer: fine)').matches) {
      els.input.focus({ preventScroll: true });
    }
  }

  // ---- Rendering ----------------------------------------------------------

  const URL_RE = /https?:\/\/[^\s<>"'`「」『』（）()【】、。，]+/g;

  // Appends text to parent, turning http(s) URLs into links.
  function appendText(parent, text, linkify) {
    if (!linkify) { parent.append(text); return; }
    let last = 0;
    for (const m of text.matchAll(URL_RE)) {
      const url = m[0].replace(/[.,!?:;]+$/, '');
      const href = safeHref(url);
      if (!href) continue;
      parent.append(text.slice(last, m.index));
      const a = make('a', null, url);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      parent.append(a);
      last = m.index + url.length;
    }
    parent.append(text.slice(last));
  }

  function safeHref(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
    } catch {
      return '';
    }
  }

  function bubble(text, linkify) {
    const node = make('div', 'bubble');
    appendText(node, text, linkify);
    return node;
  }

  function timeOf(at) {
    const d = new Date(at || '');
    if (Number.isNaN(d.getTime())) return null;
    const node = make('time', 'time', d.toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' }));
    node.dateTime = d.toISOString();
    return node;
  }

  function choiceGroup(choices) {
    const group = make('div', 'choices');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', T.choices);
    for (const c of choices) {
      if (!c || !(c.label || c.text)) continue;
      const b = make('button', 'choice', c.label || c.text);
      b.type = 'button';
      b.addEventListener('click', (e) => pick(c, e));
      group.append(b);
    }
    return group;
  }

  function summaryCard(s) {
    const card = make('section', 'summary');
    card.setAttribute('aria-label', s.title || T.confirm);
    if (s.title) card.append(make('h3', 'summary-title', s.title));
    const dl = make('dl');
    for (const f of s.fields || []) {
      const row = make('div', 'field');
      row.append(make('dt', null, f.label || ''), make('dd', null, f.value || ''));
      dl.append(row);
    }
    card.append(dl);
    if (Array.isArray(s.choices) && s.choices.length) card.append(choiceGroup(s.choices));
    return card;
  }

  // Slots to book, one card each, like LINE's carousel: the event's facts
  // and a 予約する button that sends the slot's postback as a choice does
  // (and, like choices, only on the latest bot line).
  function slotCards(slots) {
    const list = make('ul', 'slots');
    list.setAttribute('aria-label', T.slots);
    for (const s of slots) {
      if (!s || typeof s !== 'object') continue;
      const card = make('li', 'slot');
      if (s.kind) card.append(make('p', 'slot-kind', s.kind));
      card.append(make('h3', 'slot-title', s.title || ''));
      const dl = make('dl');
      for (const [label, value] of [[T.when, s.when || ''], [T.place, s.place || T.online]]) {
        const row = make('div', 'field');
        row.append(make('dt', null, label), make('dd', null, value));
        dl.append(row);
      }
      card.append(dl);
      const seats = Number(s.seats_left) || 0;
      card.append(make('p', 'slot-seats', seats > 0 ? `残り ${seats} 席` : T.full));
      const c = s.choice;
      if (c && (c.postback || c.text)) {
        const label = c.label || T.book;
        // What the visitor's line shows, as LINE shows the display text.
        const shown = c.text && c.text.length <= 100 ? c.text : label;
        const group = make('div', 'choices');
        const b = make('button', 'choice slot-book', label);
        b.type = 'button';
        b.setAttribute('aria-label', `${label}：${s.when || ''} ${s.title || ''}`.trim());
        b.addEventListener('click', (e) => pick({ label: shown, text: c.text, postback: c.postback }, e));
        group.append(b);
        card.append(group);
      }
      list.append(card);
    }
    return list;
  }

  // Links (a booking's calendar file) as links: http(s) only, text only.
  function linkList(links) {
    const box = make('div', 'links');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', T.links);
    for (const l of links) {
      const href = l && typeof l.url === 'string' ? safeHref(l.url) : '';
      if (!href) continue;
      const a = make('a', 'link-button', l.label || href);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      box.append(a);
    }
    return box.childElementCount ? box : null;
  }

  function renderReply(row, r) {
    if (!r) return;
    if (r.text) row.append(bubble(r.text, true));
    if (r.summary) row.append(summaryCard(r.summary));
    if (Array.isArray(r.slots) && r.slots.length) row.append(slotCards(r.slots));
    if (Array.isArray(r.links) && r.links.length) {
      const links = linkList(r.links);
      if (links) row.append(links);
    }
    if (Array.isArray(r.choices) && r.choices.length) row.append(choiceGroup(r.choices));
  }

  // Builds the element of a server line, or null when it shows nothing.
  function renderLine(line) {
    const fromBot = line.from !== 'visitor'; // anything else speaks to the visitor
    const row = make('div', `line ${fromBot ? 'bot' : 'visitor'}`);
    row.dataset.id = String(line.id);
    if (line.client_id) row.dataset.clientId = line.client_id;
    row.append(make('span', 'visually-hidden', fromBot ? T.bot : T.you));
    const before = row.childElementCount;
    if (fromBot && Array.isArray(line.replies) && line.replies.length) {
      line.replies.forEach((r) => renderReply(row, r));
    } else if (line.text) {
      row.append(bubble(line.text, fromBot));
    }
    if (row.childElementCount === before) return null;
    const time = timeOf(line.at);
    if (time) row.append(time);
    return row;
  }

  function nearBottom() {
    const log = els.log;
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  function scrollToBottom() {
    els.log.scrollTop = els.log.scrollHeight;
  }

  // Server lines go before any bubble still being sent, so a reply never
  // lands under a later question that has not been confirmed yet.
  function insertLine(row) {
    els.log.insertBefore(row, els.log.querySelector('.line.pending'));
  }

  // Only the latest bot line keeps its choices.
  function retireChoices(keep) {
    for (const group of els.log.querySelectorAll('.choices')) {
      if (keep && keep.contains(group)) continue;
      removeChoices(group);
    }
  }

  function removeChoices(group) {
    const hadFocus = group.contains(document.activeElement);
    group.remove();
    if (hadFocus) els.input.focus({ preventScroll: true });
  }

  // ---- Receiving ----------------------------------------------------------

  function onLine(event) {
    let line;
    try {
      line = JSON.parse(event.data);
    } catch {
      return;
    }
    const id = Number(line && line.id);
    if (!Number.isFinite(id) || state.seen.has(id)) return; // shown already
    state.seen.add(id);
    if (id > state.lastId) state.lastId = id;
    if (!state.ready) state.replayed++;
    if (line.from === 'visitor' && confirmOwn(line)) return;

    const stick = state.ready && nearBottom(); // onReady scrolls after the replay
    const row = renderLine(line);
    if (row) insertLine(row);
    if (line.from !== 'visitor') {
      retireChoices(row);
      if (state.ready) hideTyping();
    }
    if (stick) scrollToBottom();
  }

  // A visitor line we already show (sent from this page) only confirms it.
  function confirmOwn(line) {
    const entry = line.client_id && state.outbox.get(line.client_id);
    if (!entry) return false;
    state.outbox.delete(line.client_id);
    entry.confirmed = true;
    const row = entry.row;
    if (!row) return true;
    row.classList.remove('pending', 'failed');
    row.dataset.id = String(line.id);
    row.querySelectorAll('.note, .resend').forEach((n) => n.remove());
    const time = timeOf(line.at);
    if (time) row.append(time);
    return true;
  }

  function onReady() {
    hideStatus();
    state.reconnectTries = 0;
    if (state.ready) return;
    state.ready = true;
    els.log.setAttribute('aria-busy', 'false');
    scrollToBottom();
    // A new visitor (no history at all): ask the server for its greeting.
    // A visitor who came with a source's code: the server tags them and
    // welcomes them once per code, new or not.
    if (SRC || (state.replayed === 0 && !state.sentAny)) {
      state.sentAny = true;
      const body = { id: newId(), kind: 'open' };
      if (SRC) body.src = SRC;
      deliver({ body, row: null });
    }
  }

  function connect() {
    // A stream the page opens itself (after the server refused one) resumes
    // after the newest line shown; the browser's own retries send
    // Last-Event-ID.
    const source = new EventSource('/webchat/events' + (state.lastId ? '?after=' + state.lastId : ''));
    state.source = source;
    source.addEventListener('line', onLine);
    source.addEventListener('ready', onReady);
    source.addEventListener('error', () => {
      // Counted on every error, whoever retries, so a server that stays
      // away ends in the "cannot connect" message.
      state.reconnectTries++;
      showStatus(state.reconnectTries > 5 ? T.offline : T.reconnecting);
      // The browser retries by itself (with Last-Event-ID) unless the
      // server refused the stream: then open a new one, later. Its replay
      // is deduplicated by line id.
      if (source.readyState === EventSource.CLOSED) {
        const delay = Math.min(RECONNECT_MAX, 2000 * 2 ** Math.min(state.reconnectTries, 5));
        setTimeout(() => { if (state.source === source) connect(); }, delay);
      }
    });
  }

  function showStatus(text) {
    els.status.textContent = text;
    els.status.hidden = false;
  }

  function hideStatus() {
    els.status.hidden = true;
    els.status.textContent = '';
  }

  // ---- Typing indicator ---------------------------------------------------

  function showTyping() {
    clearTimeout(state.typingTimer);
    els.typing.classList.add('active');
    els.typingText.textContent = T.preparing;
    state.typingTimer = setTimeout(hideTyping, TYPING_TIMEOUT);
    if (nearBottom()) scrollToBottom();
  }

  function hideTyping() {
    clearTimeout(state.typingTimer);
    els.typing.classList.remove('active');
    els.typingText.textContent = '';
  }

  // ---- Sending ------------------------------------------------------------

  async function post(body) {
    try {
      const res = await fetch('/webchat/messages', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout ? AbortSignal.timeout(POST_TIMEOUT) : undefined,
      });
      if (res.ok) return { ok: true, status: res.status };
      const data = await res.json().catch(() => ({}));
      const error = data && typeof data.error === 'string' ? data.error : '';
      return { ok: false, status: res.status, error, retry: res.status >= 500 || res.status === 408 };
    } catch {
      return { ok: false, status: 0, error: '', retry: true };
    }
  }

  // Posts an entry, retrying 5xx and network errors with the same id.
  async function deliver(entry) {
    showTyping();
    for (let attempt = 0; ; attempt++) {
      const res = await post(entry.body);
      if (res.ok) { clearError(entry.body.id); return; }
      if (entry.confirmed) return;
      if (!res.retry || attempt >= RETRY_DELAYS.length) { fail(entry, res); return; }
      await sleep(RETRY_DELAYS[attempt] * (0.8 + Math.random() * 0.4));
      if (entry.confirmed) return;
    }
  }

  function fail(entry, res) {
    hideTyping();
    const { status } = res;
    // The greeting request ('open') fails quietly unless the session is gone.
    if (!entry.row && status !== 401 && status !== 403) return;
    const id = entry.body.id;
    if (status === 400 || status === 413) {
      showError(res.error || T.badInput);
      withdraw(entry);
    } else if (status === 401 || status === 403) {
      showError(T.reload, true, id);
      markFailed(entry, false);
    } else if (status === 429) {
      showError(res.error || T.tooMany, false, id);
      markFailed(entry, true);
    } else {
      if (res.error && res.status >= 400 && res.status < 500) showError(res.error, false, id);
      markFailed(entry, true);
    }
  }

  // A rejected message leaves the log; typed text goes back to the input.
  function withdraw(entry) {
    state.outbox.delete(entry.body.id);
    if (entry.row) entry.row.remove();
    if (entry.typed && !els.input.value) {
      els.input.value = entry.body.text;
      onInput();
    }
  }

  function markFailed(entry, resendable) {
    const row = entry.row;
    if (!row) return;
    row.classList.remove('pending');
    row.classList.add('failed');
    row.querySelector('.note').textContent = T.failed;
    if (!resendable || row.querySelector('.resend')) return;
    const b = make('button', 'resend', T.resend);
    b.type = 'button';
    b.addEventListener('click', (e) => resend(entry, e));
    row.append(b);
  }

  function resend(entry, event) {
    const row = entry.row;
    row.querySelector('.resend').remove();
    row.classList.replace('failed', 'pending');
    row.querySelector('.note').textContent = T.sending;
    els.log.append(row); // it is sent now: it belongs at the end
    scrollToBottom();
    focusInputAfter(event);
    clearError(entry.body.id);
    deliver(entry);
  }

  // Shows the visitor's bubble at once and sends it.
  function sendVisitor(body, shown, typed) {
    body.id = newId();
    const row = make('div', 'line visitor pending');
    row.dataset.clientId = body.id;
    row.append(make('span', 'visually-hidden', T.you), bubble(shown, false), make('span', 'note', T.sending));
    els.log.append(row);
    scrollToBottom();
    state.sentAny = true;
    const entry = { body, row, typed };
    state.outbox.set(body.id, entry);
    deliver(entry);
  }

  function pick(choice, event) {
    retireChoices(null);
    focusInputAfter(event);
    if (choice.postback) {
      const label = choice.label || choice.text || '';
      sendVisitor({ kind: 'postback', postback: choice.postback, label, text: choice.text || '' }, label, false);
    } else {
      sendVisitor({ kind: 'message', text: choice.text || choice.label }, choice.text || choice.label, false);
    }
  }

  function submitInput() {
    const text = els.input.value.trim();
    if (!text) return;
    if (text.length > MAX_LEN) { showError(T.tooLong); return; }
    els.input.value = '';
    onInput();
    els.input.focus();
    sendVisitor({ kind: 'message', text }, text, true);
  }

  // ---- Errors -------------------------------------------------------------

  // showError shows why a message (its client id, or none) was refused.
  function showError(text, offerReload, forId) {
    state.errorFor = forId || null;
    const p = make('p', null, text);
    els.error.replaceChildren(p);
    if (offerReload) {
      const b = make('button', 'reload', T.reloadButton);
      b.type = 'button';
      b.addEventListener('click', () => location.reload());
      els.error.append(b);
    }
  }

  // clearError hides the error once the message it is about went through
  // (or, for an error about no message, at any success).
  function clearError(id) {
    if (state.errorFor && state.errorFor !== id) return;
    state.errorFor = null;
    els.error.replaceChildren();
  }

  // ---- Input --------------------------------------------------------------

  // Grows the input with its text (or, when empty, its placeholder, which
  // wraps on narrow screens), up to the CSS max-height.
  function autosize() {
    const input = els.input;
    const empty = input.value === '';
    if (empty) input.value = input.placeholder;
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`;
    if (empty) input.value = '';
  }

  function onInput() {
    autosize();
    const n = els.input.value.length;
    els.counter.hidden = n < COUNTER_FROM;
    els.counter.classList.toggle('full', n >= MAX_LEN);
    els.counter.textContent = n < COUNTER_FROM ? '' : `${n.toLocaleString('ja-JP')} / ${MAX_LEN.toLocaleString('ja-JP')} 文字`;
  }

  function onKeydown(e) {
    if (e.key !== 'Enter' || e.shiftKey) return;
    // Enter that ends an IME composition must not send (Safari fires
    // compositionend before that keydown).
    if (e.isComposing || e.keyCode === 229 || state.justComposed) return;
    e.preventDefault();
    submitInput();
  }

  function onCompositionEnd() {
    state.justComposed = true;
    setTimeout(() => { state.justComposed = false; }, 0);
  }

  // Keys inside the iframe never reach the host page: on Escape, ask the
  // widget (our parent) to close. The message carries no data.
  function onEscape(e) {
    if (e.key !== 'Escape' || e.isComposing || e.keyCode === 229 || e.defaultPrevented) return;
    if (window.parent !== window) window.parent.postMessage({ sakebot: 'close' }, '*');
  }

  // In the widget, focusing the frame puts the caret in the input.
  function onFrameFocus() {
    if (document.activeElement === document.body && matchMedia('(pointer: fine)').matches) {
      els.input.focus({ preventScroll: true });
    }
  }

  function init() {
    const byId = (id) => document.getElementById(id);
    els = {
      log: byId('log'),
      status: byId('status'),
      typing: byId('typing'),
      typingText: byId('typing-text'),
      error: byId('error'),
      form: byId('composer'),
      input: byId('input'),
      counter: byId('counter'),
    };
    els.log.setAttribute('aria-busy', 'true');
    els.input.maxLength = MAX_LEN;
    els.form.addEventListener('submit', (e) => { e.preventDefault(); submitInput(); });
    els.input.addEventListener('keydown', onKeydown);
    els.input.addEventListener('compositionend', onCompositionEnd);
    els.input.addEventListener('keyup', () => { state.justComposed = false; });
    els.input.addEventListener('input', onInput);
    window.addEventListener('resize', autosize);
    autosize();
    if (EMBED) {
      window.addEventListener('focus', onFrameFocus);
      document.addEventListener('keydown', onEscape);
    }
    connect();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
