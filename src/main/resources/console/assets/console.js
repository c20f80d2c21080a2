// The agent console. Everything comes from the API with the session's cookie and stays current through
// GET /api/events; text from customers only ever goes into the page as textContent.
(() => {
  'use strict';

  const meta = (name) => document.querySelector(`meta[name="${name}"]`).content;
  const CSRF_TOKEN = meta('_csrf');
  const CSRF_HEADER = meta('_csrf_header');
  const ME = meta('agent');
  const SUPERVISOR = meta('role') === 'SUPERVISOR';

  const HOUR = 3600e3;
  const DAY = 24 * HOUR;
  const LONG_WAIT = 5 * 60e3;

  const REASONS = {
    CUSTOMER_REQUEST: 'Minta bicara dengan agen',
    NOT_UNDERSTOOD: 'Bot tidak memahami',
    LOCKOUT: 'Verifikasi terkunci',
    COMPLAINT: 'Pengaduan',
    AGENT_CLAIM: 'Diambil agen',
  };
  const TIERS = { MEGA: 'Mega', MACRO: 'Makro', MID: 'Menengah', MICRO: 'Mikro', REGULAR: 'Reguler' };
  const VERIFICATION = {
    VERIFIED: 'Terverifikasi',
    PENDING: 'Belum terverifikasi',
    LOCKED_OUT: 'Terkunci: terlalu banyak percobaan',
  };
  const FLOWS = { tracking: 'Lacak kiriman', complaint: 'Pengaduan' };
  const LANGUAGES = { id: 'Bahasa Indonesia', en: 'Bahasa Inggris' };
  const STATUS_MESSAGES = {
    0: 'Tidak dapat terhubung ke server Balas. Periksa koneksi jaringan Anda.',
    400: 'Permintaan tidak valid.',
    401: 'Sesi Anda telah berakhir. Silakan masuk lagi.',
    403: 'Akses ditolak. Muat ulang halaman, lalu coba lagi.',
    404: 'Percakapan tidak ditemukan.',
    409: 'Status percakapan sudah berubah (mungkin sudah diambil agen lain).',
    422: 'Sudah lebih dari 7 hari sejak pesan terakhir pelanggan: Instagram tidak mengizinkan balasan lagi.',
    429: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
    502: 'Instagram menolak pesan ini. Coba lagi sebentar lagi.',
  };

  const $ = (id) => document.getElementById(id);
  const numbers = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 });
  const clock = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit' });
  const dateAndClock = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

  const state = {
    handoffs: new Map(), // conversationId → Handoff (QUEUED or HELD)
    initialised: false, // the queue was shown once: from then on, new arrivals are highlighted
    unread: new Set(), // held by me, with customer messages not yet looked at
    openId: null,
    open: null, // the open conversation, as GET /api/conversations/{id} gave it
    lineKeys: new Set(),
    sessionEnded: false,
    busy: false, // an action is under way: its buttons wait
    canned: new Map(), // key → text
    recent: [], // as GET /api/conversations gave them, their handoffs kept current by the events
    handoffChanges: 0, // handoff events received, so that a list read meanwhile can tell it may be stale
  };

  // ---- the API ------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  const path = (id) => encodeURIComponent(id).replace(/%3A/gi, ':');

  async function api(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers[CSRF_HEADER] = CSRF_TOKEN;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(url, {
        method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (networkFailure) {
      throw new ApiError(0, STATUS_MESSAGES[0]);
    }
    const text = await response.text();
    if (response.ok) {
      return text ? JSON.parse(text) : null;
    }
    let message = null;
    try {
      // the agents' API refuses with a problem detail written for agents, in Indonesian
      const problem = JSON.parse(text);
      if (typeof problem.detail === 'string' && problem.detail) {
        message = problem.detail;
      }
    } catch (notJson) {
      // Spring Security answers some refusals without a JSON body
    }
    if (response.status === 401) {
      sessionEnded();
    }
    throw new ApiError(response.status, message
      || STATUS_MESSAGES[response.status]
      || (response.status >= 500 ? 'Terjadi kesalahan di server Balas. Coba lagi.' : `Permintaan gagal (${response.status}).`));
  }

  // ---- notices --------------------------------------------------------------------------------------------------

  let noticeTimer = null;

  function notify(message, kind = 'error') {
    if (state.sessionEnded && kind !== 'session') {
      return;
    }
    const notice = $('notice');
    $('notice-text').textContent = message;
    notice.className = kind === 'info' ? 'notice info' : 'notice';
    $('notice-login').hidden = kind !== 'session';
    $('notice-close').hidden = kind === 'session';
    notice.hidden = false;
    clearTimeout(noticeTimer);
    // an error stays until the agent closes it or another notice replaces it: it may explain an empty screen
    if (kind === 'info') {
      noticeTimer = setTimeout(() => { notice.hidden = true; }, 6000);
    }
  }

  function sessionEnded() {
    if (!state.sessionEnded) {
      notify(STATUS_MESSAGES[401], 'session');
      state.sessionEnded = true;
      setConnection('offline', 'Sesi berakhir');
    }
  }

  const failed = (error) => notify(error instanceof ApiError ? error.message : 'Terjadi kesalahan pada halaman ini. Muat ulang halaman.');

  // ---- small DOM helpers ----------------------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  const handle = (customer) => (customer && customer.username ? `@${customer.username}` : `Pelanggan ${customer ? customer.id : ''}`);
  const followers = (customer) => (customer && customer.followers != null ? `${numbers.format(customer.followers)} pengikut` : 'Pengikut tidak diketahui');

  function duration(millis) {
    const seconds = Math.max(0, Math.floor(millis / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  }

  function ago(instant) {
    const minutes = Math.floor((Date.now() - Date.parse(instant)) / 60e3);
    if (minutes < 1) return 'baru saja';
    if (minutes < 60) return `${minutes} mnt lalu`;
    if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} jam lalu`;
    return `${Math.floor(minutes / (24 * 60))} hari lalu`;
  }

  function when(instant) {
    const date = new Date(instant);
    return new Date().toDateString() === date.toDateString() ? clock.format(date) : dateAndClock.format(date);
  }

  // ---- the queue ------------------------------------------------------------------------------------------------

  function byUrgency(a, b) {
    return a.priority - b.priority || Date.parse(a.queuedAt) - Date.parse(b.queuedAt);
  }

  /**
   * Brings a list in line with its entries, touching only the items that changed or moved: events arrive at any
   * moment, and an item replaced by a copy between the press and the release of a click would swallow the click.
   */
  function syncList(list, entries, fill, { highlightNew = false } = {}) {
    const wanted = new Set(entries.map((entry) => entry.id));
    const items = new Map();
    for (const item of [...list.children]) {
      if (wanted.has(item.dataset.id)) {
        items.set(item.dataset.id, item);
      } else {
        item.remove();
      }
    }
    entries.forEach(({ id, data }, index) => {
      let item = items.get(id);
      if (!item) {
        item = el('li');
        item.dataset.id = id;
        const button = el('button', highlightNew && state.initialised ? 'item fresh' : 'item');
        button.type = 'button';
        button.dataset.id = id;
        button.addEventListener('click', () => openConversation(id));
        item.append(button);
      }
      const signature = `${JSON.stringify(data)}|${id === state.openId}|${state.unread.has(id)}`;
      if (item.dataset.signature !== signature) {
        item.dataset.signature = signature;
        item.firstChild.classList.toggle('selected', id === state.openId);
        fill(item.firstChild, data);
      }
      if (list.children[index] !== item) {
        list.insertBefore(item, list.children[index] || null);
      }
    });
  }

  function priorityBadge(handoff) {
    const badge = el('span', handoff.status === 'HELD' ? 'prio held' : `prio p${handoff.priority}`, `P${handoff.priority}`);
    badge.title = `Prioritas ${handoff.priority} (1 paling mendesak)`;
    return badge;
  }

  const tierLabel = (customer) => TIERS[customer.tier] || customer.tier;

  const tierBadge = (customer) => el('span', `tier ${customer.tier}`, tierLabel(customer));

  const holderFlag = (handoff) => (handoff.agent === ME ? el('span', 'flag mine', 'Anda')
    : el('span', 'flag', `Ditangani ${handoff.agent}`));

  function fillQueueItem(button, handoff) {
    const held = handoff.status === 'HELD';
    const mine = held && handoff.agent === ME;

    const who = el('span', 'who');
    const name = el('span', 'name', handle(handoff.customer));
    if (mine && state.unread.has(handoff.conversationId)) {
      name.classList.add('unread');
    }
    who.append(name, tierBadge(handoff.customer));

    const since = held && handoff.claimedAt ? handoff.claimedAt : handoff.queuedAt;
    const time = el('span', 'time', duration(Date.now() - Date.parse(since)));
    time.dataset.since = since;
    time.title = held ? `Diambil pukul ${when(since)}` : `Menunggu sejak ${when(since)}`;

    const details = el('span', 'meta');
    details.append(el('span', null, `${REASONS[handoff.reason] || handoff.reason} · ${followers(handoff.customer)}`));
    if (held) {
      details.append(holderFlag(handoff));
    }
    if (handoff.negativeTone) {
      details.append(el('span', 'flag negative', 'Nada negatif'));
    }
    if (handoff.ticketId) {
      details.append(el('span', 'flag', handoff.ticketId));
    }
    if (handoff.language === 'en') {
      details.append(el('span', 'flag', 'EN'));
    }

    const last = el('span', 'last', handoff.lastMessage ? `“${handoff.lastMessage}”` : 'Belum ada pesan');
    button.replaceChildren(priorityBadge(handoff), who, time, details, last);
  }

  function renderQueue() {
    const all = [...state.handoffs.values()];
    const queued = all.filter((h) => h.status === 'QUEUED').sort(byUrgency);
    // mine first: those are the ones this agent answers
    const held = all.filter((h) => h.status === 'HELD')
      .sort((a, b) => (b.agent === ME) - (a.agent === ME) || Date.parse(a.claimedAt) - Date.parse(b.claimedAt));
    const entries = (handoffs) => handoffs.map((h) => ({ id: h.conversationId, data: h }));
    syncList($('queue'), entries(queued), fillQueueItem, { highlightNew: true });
    syncList($('held'), entries(held), fillQueueItem);
    $('queue-empty').hidden = queued.length > 0;
    $('held-empty').hidden = held.length > 0;
    $('queue-count').textContent = queued.length;
    $('queue-count').classList.toggle('waiting', queued.length > 0);
    document.title = `${queued.length > 0 ? `(${queued.length}) ` : ''}Konsol agen · Balas`;
    state.initialised = true;
    tick();
  }

  function tick() {
    const current = Date.now();
    for (const time of document.querySelectorAll('.item .time[data-since]')) {
      const waited = current - Date.parse(time.dataset.since);
      time.textContent = duration(waited);
      time.classList.toggle('long', waited > LONG_WAIT && !time.closest('#held'));
    }
    for (const time of document.querySelectorAll('.item .time[data-ago]')) {
      time.textContent = ago(time.dataset.ago);
    }
  }

  async function loadQueue() {
    // a change told live while the list was on its way may be missing from it: then the list is read again
    for (let attempt = 0; attempt < 3; attempt++) {
      const changesBefore = state.handoffChanges;
      const handoffs = await api('GET', '/api/handoffs');
      state.handoffs = new Map(handoffs.map((h) => [h.conversationId, withLastMessageOf(state.handoffs.get(h.conversationId), h)]));
      renderQueue();
      if (state.handoffChanges === changesBefore) return;
    }
  }

  /** Events and claims leave the customer's last message out (only the queue's list reads it): keep the one known. */
  function withLastMessageOf(before, handoff) {
    return handoff.lastMessage == null && before ? { ...handoff, lastMessage: before.lastMessage } : handoff;
  }

  function applyHandoff(handoff) {
    state.handoffChanges++;
    const id = handoff.conversationId;
    const before = state.handoffs.get(id);
    if (handoff.status === 'CLOSED') {
      state.handoffs.delete(id);
      state.unread.delete(id);
    } else {
      state.handoffs.set(id, withLastMessageOf(before, handoff));
    }
    if (before && before.status === 'HELD' && before.agent === ME && handoff.status === 'QUEUED') {
      notify(`Percakapan ${handle(handoff.customer)} kembali ke antrean karena tidak ada aktivitas.`, 'info');
    }
    renderQueue();
    const recent = state.recent.find((conversation) => conversation.conversationId === id);
    if (recent) {
      recent.handoff = handoff.status === 'CLOSED' ? null : handoff;
      renderRecent();
    }
    if (id === state.openId && state.open) {
      const previous = state.open.handoff;
      const next = handoff.status === 'CLOSED' ? null : handoff;
      state.open.handoff = next;
      renderControls();
      // personal data is shown whole to the holder alone, and the bot says goodbye when it takes over: read it again
      if (holder(previous) !== holder(next) || (previous && !next)) {
        reloadOpen();
      }
    }
  }

  /** Shows at once what the event of a release or resolution will say again: the bot has the conversation. */
  function closed(id) {
    const handoff = state.handoffs.get(id) || (state.openId === id && state.open && state.open.handoff);
    if (handoff) {
      applyHandoff({ ...handoff, status: 'CLOSED' });
    }
  }

  const holder = (handoff) => (handoff && handoff.status === 'HELD' ? handoff.agent : null);

  // ---- recent conversations -------------------------------------------------------------------------------------

  function fillRecentItem(button, conversation) {
    const handoff = conversation.handoff;
    const who = el('span', 'who');
    who.append(el('span', 'name', handle(conversation.customer)), tierBadge(conversation.customer));
    const time = el('span', 'time');
    if (conversation.lastMessageAt) {
      time.dataset.ago = conversation.lastMessageAt;
      time.textContent = ago(conversation.lastMessageAt);
      time.title = `Pesan terakhir ${when(conversation.lastMessageAt)}`;
    }
    const details = el('span', 'meta');
    details.append(el('span', null, followers(conversation.customer)));
    if (!handoff) {
      details.append(el('span', 'flag', 'Dilayani bot'));
    } else if (handoff.status === 'QUEUED') {
      details.append(el('span', 'flag negative', 'Menunggu agen'));
    } else {
      details.append(holderFlag(handoff));
    }
    button.replaceChildren(handoff ? priorityBadge(handoff) : el('span', 'prio', '–'), who, time, details);
  }

  async function loadRecent() {
    try {
      state.recent = await api('GET', '/api/conversations');
      renderRecent();
    } catch (error) {
      failed(error);
    }
  }

  function renderRecent() {
    syncList($('recent'), state.recent.map((c) => ({ id: c.conversationId, data: c })), fillRecentItem);
    $('recent-empty').hidden = state.recent.length > 0;
  }

  function showTab(recent) {
    $('tab-queue').setAttribute('aria-selected', String(!recent));
    $('tab-recent').setAttribute('aria-selected', String(recent));
    $('panel-queue').hidden = recent;
    $('panel-recent').hidden = !recent;
    if (recent) {
      loadRecent();
    }
  }

  // ---- the open conversation ------------------------------------------------------------------------------------

  async function openConversation(id) {
    state.openId = id;
    state.unread.delete(id);
    for (const item of document.querySelectorAll('.sidebar .item')) {
      item.classList.toggle('selected', item.dataset.id === id);
    }
    closeResolveForm();
    try {
      const conversation = await api('GET', `/api/conversations/${path(id)}`);
      if (state.openId !== id) {
        return; // another was opened meanwhile
      }
      showConversation(conversation);
      renderQueue();
    } catch (error) {
      failed(error);
    }
  }

  async function reloadOpen() {
    const id = state.openId;
    if (!id) return;
    try {
      const conversation = await api('GET', `/api/conversations/${path(id)}`);
      if (state.openId === id) {
        showConversation(conversation, true);
      }
    } catch (error) {
      failed(error);
    }
  }

  function showConversation(conversation, keepDraft) {
    const switched = !state.open || state.open.conversationId !== conversation.conversationId;
    state.open = conversation;
    $('placeholder').hidden = true;
    $('detail').hidden = false;
    const customer = conversation.customer;
    $('conv-username').textContent = handle(customer);
    $('conv-followers').textContent = followers(customer);
    $('conv-tier').textContent = `Tingkat ${tierLabel(customer)}`;
    $('conv-tier').className = `tier ${customer.tier}`;

    $('fact-username').textContent = customer.username ? `@${customer.username}` : '—';
    $('fact-followers').textContent = customer.followers != null ? new Intl.NumberFormat('id-ID').format(customer.followers) : 'Tidak diketahui';
    $('fact-language').textContent = LANGUAGES[conversation.language] || conversation.language || '—';
    const collected = conversation.collected || {};
    $('fact-barcode').textContent = collected.barcode || '—';
    $('fact-verification').textContent = collected.verification ? VERIFICATION[collected.verification] || collected.verification : '—';
    $('fact-verification').className = collected.verification === 'VERIFIED' ? 'verified' : collected.verification === 'LOCKED_OUT' ? 'locked' : '';
    $('fact-ticket').textContent = collected.ticketId || (conversation.handoff && conversation.handoff.ticketId) || '—';
    $('fact-flow').textContent = FLOWS[conversation.flow] || 'Tidak ada';

    state.lineKeys = new Set();
    const transcript = $('transcript');
    transcript.replaceChildren();
    delete transcript.dataset.day;
    for (const line of conversation.transcript || []) {
      appendLine(line, false);
    }
    transcript.scrollTop = transcript.scrollHeight;
    if (switched && !keepDraft) {
      $('reply-text').value = '';
      countCharacters();
    }
    renderControls();
  }

  function lineKey(line) {
    return `${line.at}|${line.author}|${line.text}`;
  }

  /** Adds a line unless it is there already (an agent's own line comes back as an event too). */
  function appendLine(line, followLatest = true) {
    const key = lineKey(line);
    if (state.lineKeys.has(key)) {
      return;
    }
    state.lineKeys.add(key);
    const transcript = $('transcript');
    const author = line.author === 'AGENT' ? `${line.agent || 'Agen'}${line.agent === ME ? ' (Anda)' : ''}`
      : line.author === 'BOT' ? 'Bot Balas' : handle(state.open && state.open.customer);
    const item = el('li', `line ${line.author}`);
    item.append(el('span', 'by', `${author} · ${clock.format(new Date(line.at))}`), el('div', 'bubble', line.text));
    item.title = `${author}, ${when(line.at)}`;
    const append = () => {
      const lineDay = day.format(new Date(line.at));
      if (lineDay !== transcript.dataset.day) {
        transcript.append(el('li', 'day', lineDay));
        transcript.dataset.day = lineDay;
      }
      transcript.append(item);
    };
    if (followLatest) {
      keepingTheLatestLineInView(append);
    } else {
      append();
    }
  }

  function heldByMe() {
    const handoff = state.open && state.open.handoff;
    return Boolean(handoff && handoff.status === 'HELD' && handoff.agent === ME);
  }

  function renderControls() {
    const conversation = state.open;
    if (!conversation) return;
    const handoff = conversation.handoff;
    const mine = heldByMe();
    const heldByOther = Boolean(handoff && handoff.status === 'HELD' && handoff.agent !== ME);
    const status = $('conv-status');
    if (!handoff) {
      status.textContent = 'Dilayani bot';
      status.className = 'status';
    } else if (handoff.status === 'QUEUED') {
      status.textContent = `Menunggu agen · ${REASONS[handoff.reason] || handoff.reason}`;
      status.className = 'status queued';
    } else {
      status.textContent = mine ? 'Anda menangani percakapan ini' : `Ditangani ${handoff.agent}`;
      status.className = mine ? 'status mine' : 'status other';
    }

    const claim = $('claim');
    claim.hidden = mine;
    claim.disabled = state.busy || heldByOther;
    claim.title = heldByOther ? `Sedang ditangani ${handoff.agent}` : '';
    const mayClose = mine || (heldByOther && SUPERVISOR);
    $('release').hidden = !mayClose;
    $('resolve').hidden = !mayClose;
    $('release').disabled = state.busy;
    $('resolve').disabled = state.busy;

    $('fact-reason').textContent = handoff ? REASONS[handoff.reason] || handoff.reason : '—';
    $('fact-priority').textContent = handoff ? `${handoff.priority} dari 5${handoff.negativeTone ? ' · nada negatif' : ''}` : '—';
    $('fact-queued').textContent = handoff ? when(handoff.queuedAt) : '—';

    $('fact-last-inbound').textContent = conversation.lastInboundAt ? `${when(conversation.lastInboundAt)} (${ago(conversation.lastInboundAt)})` : '—';
    const sinceCustomer = conversation.lastInboundAt ? Date.now() - Date.parse(conversation.lastInboundAt) : 0;
    const windowClosed = sinceCustomer > 7 * DAY;
    const note = $('window-note');
    note.className = windowClosed ? 'window-note closed' : 'window-note';
    note.textContent = windowClosed ? 'Lebih dari 7 hari sejak pesan terakhir pelanggan: balasan tidak bisa dikirim.'
      : sinceCustomer > DAY ? 'Lebih dari 24 jam: balasan dikirim dengan tag HUMAN_AGENT.' : '';

    const canReply = mine && !windowClosed;
    $('reply-text').disabled = !canReply;
    $('canned').disabled = !canReply;
    $('send').disabled = !canReply || state.busy;
    $('reply-hint').textContent = mine ? (windowClosed ? '' : 'Enter kirim · Shift+Enter baris baru')
      : heldByOther ? `Hanya ${handoff.agent} yang dapat membalas percakapan ini.` : 'Ambil percakapan ini untuk membalas.';
  }

  async function act(action) {
    if (state.busy) return;
    state.busy = true;
    renderControls();
    try {
      await action();
    } catch (error) {
      failed(error);
      if (error.status === 409 || error.status === 404) {
        reloadOpen();
      }
    } finally {
      state.busy = false;
      renderControls();
    }
  }

  function claim() {
    const id = state.openId;
    return act(async () => {
      applyHandoff(await api('POST', `/api/handoffs/${path(id)}/claim`));
      if (state.openId === id) {
        $('reply-text').focus();
      }
    });
  }

  function release() {
    const id = state.openId;
    return act(async () => {
      await api('POST', `/api/conversations/${path(id)}/release`);
      closed(id);
      notify('Percakapan dikembalikan ke bot. Pelanggan sudah diberi tahu.', 'info');
    });
  }

  function openResolveForm() {
    keepingTheLatestLineInView(() => { $('resolve-form').hidden = false; });
    $('outcome').focus();
  }

  /** Runs a change of layout that shortens the transcript without hiding its last line, if that was in view. */
  function keepingTheLatestLineInView(change) {
    const transcript = $('transcript');
    const atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
    change();
    if (atBottom) {
      transcript.scrollTop = transcript.scrollHeight;
    }
  }

  function closeResolveForm() {
    $('resolve-form').hidden = true;
    $('outcome').value = '';
  }

  function resolve(event) {
    event.preventDefault();
    const id = state.openId;
    const outcome = $('outcome').value.trim();
    if (!outcome) {
      notify('Tuliskan hasil penanganan sebelum menyelesaikan percakapan.');
      $('outcome').focus();
      return undefined;
    }
    return act(async () => {
      await api('POST', `/api/conversations/${path(id)}/resolve`, { outcome });
      closeResolveForm();
      closed(id);
      notify('Percakapan diselesaikan.', 'info');
    });
  }

  function send(event) {
    if (event) event.preventDefault();
    const id = state.openId;
    const box = $('reply-text');
    const text = box.value.trim();
    if (!text || !heldByMe()) {
      return undefined;
    }
    return act(async () => {
      const sent = await api('POST', `/api/conversations/${path(id)}/messages`, { text });
      if (state.openId === id) {
        box.value = '';
        countCharacters();
        if (sent && sent.line) {
          appendLine(sent.line);
          $('transcript').scrollTop = $('transcript').scrollHeight;
        }
        box.focus();
      }
    });
  }

  function countCharacters() {
    $('char-count').textContent = `${$('reply-text').value.length}/1000`;
  }

  // ---- canned responses -----------------------------------------------------------------------------------------

  async function loadCannedResponses() {
    try {
      const responses = await api('GET', '/api/canned-responses');
      const select = $('canned');
      for (const response of responses) {
        const option = el('option', null, response.title);
        option.value = response.key;
        option.title = response.text;
        select.append(option);
      }
      state.canned = new Map(responses.map((r) => [r.key, r.text]));
    } catch (error) {
      failed(error);
    }
  }

  function useCannedResponse() {
    const select = $('canned');
    const text = state.canned.get(select.value);
    select.value = '';
    if (!text) return;
    const box = $('reply-text');
    const filled = text.replaceAll('{agen}', ME);
    box.value = box.value.trim() ? `${box.value.trimEnd()}\n${filled}` : filled;
    countCharacters();
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }

  // ---- live events ----------------------------------------------------------------------------------------------

  function setConnection(kind, text) {
    const connection = $('connection');
    connection.className = `connection ${kind}`;
    connection.textContent = text;
  }

  function applyMessage(event) {
    const { conversationId, line } = event;
    const handoff = state.handoffs.get(conversationId);
    if (handoff && line.author === 'CUSTOMER') {
      handoff.lastMessage = line.text;
    }
    if (conversationId === state.openId && state.open) {
      appendLine(line);
      if (line.author === 'CUSTOMER') {
        state.open.lastInboundAt = line.at;
        renderControls();
      }
    } else if (handoff && handoff.status === 'HELD' && handoff.agent === ME && line.author === 'CUSTOMER') {
      state.unread.add(conversationId);
    }
    renderQueue();
  }

  let events = null;

  function connect() {
    if (state.sessionEnded) return;
    events = new EventSource('/api/events');
    events.addEventListener('open', () => {
      setConnection('online', 'Tersambung');
      // events missed while disconnected are not replayed: read the current state again
      loadQueue().catch(failed);
      if (state.openId) reloadOpen();
    });
    events.addEventListener('handoff', (e) => applyHandoff(JSON.parse(e.data)));
    events.addEventListener('message', (e) => applyMessage(JSON.parse(e.data)));
    events.addEventListener('error', () => {
      setConnection('offline', 'Terputus, menyambung lagi…');
      if (events.readyState === EventSource.CLOSED) {
        // the server refused the stream (the browser does not retry then): find out whether the session is gone
        events.close();
        setTimeout(() => api('GET', '/api/handoffs').then(connect, (error) => {
          if (error.status !== 401) setTimeout(connect, 5000);
        }), 2000);
      }
    });
  }

  // ---- wiring ---------------------------------------------------------------------------------------------------

  $('tab-queue').addEventListener('click', () => showTab(false));
  $('tab-recent').addEventListener('click', () => showTab(true));
  $('recent-refresh').addEventListener('click', loadRecent);
  $('notice-close').addEventListener('click', () => { $('notice').hidden = true; });
  $('claim').addEventListener('click', claim);
  $('release').addEventListener('click', release);
  $('resolve').addEventListener('click', openResolveForm);
  $('resolve-cancel').addEventListener('click', closeResolveForm);
  $('resolve-form').addEventListener('submit', resolve);
  $('reply').addEventListener('submit', send);
  $('canned').addEventListener('change', useCannedResponse);
  $('reply-text').addEventListener('input', countCharacters);
  $('reply-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('resolve-form').hidden) {
      closeResolveForm();
      $('resolve').focus();
    }
  });

  setInterval(tick, 1000);
  loadCannedResponses();
  loadQueue().catch(failed);
  connect();
})();
