// The sign-in form: checks a token against /api/session, keeps it for this tab, and opens the dashboard with it.
(function () {
  'use strict';
  const i18n = window.KefuI18n;
  const TOKEN_KEY = 'kefu.token';

  async function accepted(token) {
    const response = await fetch('/api/session', { headers: { Authorization: 'Bearer ' + token } });
    return response.ok;
  }

  function open(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    location.replace('/?token=' + encodeURIComponent(token));
  }

  function showError(key) {
    const error = document.getElementById('login-error');
    error.textContent = i18n.t(key);
    error.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    i18n.apply();
    document.getElementById('lang-toggle').addEventListener('click', i18n.toggle);
    const params = new URLSearchParams(location.search);
    if (params.has('token')) {
      history.replaceState(null, '', '/');
      sessionStorage.removeItem(TOKEN_KEY);
      showError('tokenRejected');
    } else {
      const kept = sessionStorage.getItem(TOKEN_KEY);
      if (kept && await accepted(kept)) {
        open(kept);
        return;
      }
      sessionStorage.removeItem(TOKEN_KEY);
    }
    document.getElementById('login-form').addEventListener('submit', async event => {
      event.preventDefault();
      const token = document.getElementById('token-input').value.trim();
      if (token && await accepted(token)) {
        open(token);
      } else {
        showError('tokenRejected');
      }
    });
  });
})();
