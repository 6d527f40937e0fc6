// The dashboard page: keeps the operator token for this tab, follows the live stream, and sends operator actions.
(function () {
  'use strict';
  const i18n = window.KefuI18n;
  const TOKEN_KEY = 'kefu.token';

  let token = null;
  let session = null;
  let selected = null;
  let latest = null;
  let panels = null;
  let toastTimer = null;

  function takeToken() {
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get('token');
    if (fromUrl) {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
      history.replaceState(null, '', '/'); // keep the token out of history, bookmarks and screenshots
      return fromUrl;
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
    location.replace('/');
  }

  function toast(text, kind) {
    const node = document.getElementById('toast');
    node.textContent = text;
    node.className = 'toast toast-' + (kind || 'ok');
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { node.hidden = true; }, 4000);
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ Authorization: 'Bearer ' + token },
        body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const payload = await response.json().catch(() => ({ message: response.statusText }));
    if (response.status === 401) {
      toast(i18n.t('sessionExpired'), 'bad');
      setTimeout(signOut, 1200);
    }
    if (!response.ok) {
      const error = new Error(payload.message || response.statusText);
      error.status = response.status;
      throw error;
    }
    return payload;
  }

  async function act(label, method, path, body) {
    try {
      const receipt = await api(method, path, body);
      toast(i18n.t('sent', { what: label }) + ' · ' + receipt.topic + '@' + receipt.offset, 'ok');
      return true;
    } catch (e) {
      toast(e.status === 403 ? i18n.t('readOnly') : i18n.t('failed', { m: e.message }), 'bad');
      return false;
    }
  }

  const ui = {
    isAdmin: () => session !== null && session.role === 'ADMIN',
    promote: (model, version) => act('PROMOTE ' + version, 'POST',
      '/api/models/' + encodeURIComponent(model) + '/' + encodeURIComponent(version) + '/promote', {}),
    rollBack: (model, version) => act('ROLL_BACK ' + version, 'POST',
      '/api/models/' + encodeURIComponent(model) + '/' + encodeURIComponent(version) + '/roll-back', {}),
    select: conversationId => {
      selected = conversationId;
      if (latest) panels.render(latest, selected);
    }
  };

  function setLive(state) {
    const node = document.getElementById('live-status');
    node.dataset.state = state;
    node.textContent = i18n.t(state === 'live' ? 'live' : state === 'reconnecting' ? 'reconnecting' : 'connecting');
    node.className = 'pill ' + (state === 'live' ? 'pill-live' : 'pill-wait');
  }

  function connect() {
    const stream = new EventSource('/api/stream?token=' + encodeURIComponent(token));
    stream.addEventListener('snapshot', event => {
      setLive('live');
      latest = JSON.parse(event.data);
      panels.render(latest, selected);
    });
    stream.onerror = async () => {
      setLive('reconnecting');
      if (stream.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. a 401): find out whether the token still works, else sign in again.
        try {
          await api('GET', '/api/session');
          setTimeout(connect, 2000);
        } catch (e) {
          if (e.status !== 401) setTimeout(connect, 2000);
        }
      }
    };
  }

  function wireControls() {
    document.getElementById('lang-toggle').addEventListener('click', i18n.toggle);
    document.getElementById('sign-out').addEventListener('click', signOut);
    document.querySelectorAll('[data-training]').forEach(button => {
      button.addEventListener('click', () => act(button.textContent, 'POST', '/api/training/' + button.dataset.training, {}));
    });
    document.getElementById('answer-form').addEventListener('submit', async event => {
      event.preventDefault();
      const box = document.getElementById('answer-text');
      const text = box.value.trim();
      if (!selected || !text) return;
      const ok = await act(i18n.t('answerSent'), 'POST', '/api/handoffs/' + encodeURIComponent(selected) + '/answer', { text });
      if (ok) box.value = '';
    });
    document.getElementById('handoff-close').addEventListener('click', () => {
      if (selected) act('CLOSE_HANDOFF', 'POST', '/api/handoffs/' + encodeURIComponent(selected) + '/close', {});
    });
    i18n.onChange(() => {
      setLive(document.getElementById('live-status').dataset.state);
      showRole();
      if (latest) panels.render(latest, selected);
    });
  }

  function showRole() {
    const badge = document.getElementById('role-badge');
    badge.hidden = false;
    window.KefuDom.fill(badge, i18n.t(ui.isAdmin() ? 'roleAdmin' : 'roleViewer'),
      window.KefuDom.el('span', { class: 'role-id' }, ' · ' + session.operatorId));
    badge.className = 'pill ' + (ui.isAdmin() ? 'pill-admin' : 'pill-viewer');
    document.body.dataset.role = session.role;
    if (!ui.isAdmin()) {
      document.querySelectorAll('[data-admin]').forEach(node => {
        node.disabled = true;
        node.title = i18n.t('readOnly');
      });
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    i18n.apply();
    token = takeToken();
    if (!token) {
      signOut();
      return;
    }
    try {
      session = await api('GET', '/api/session');
    } catch (e) {
      signOut();
      return;
    }
    showRole();
    panels = window.KefuPanels.create(ui);
    wireControls();
    connect();
  });
})();
