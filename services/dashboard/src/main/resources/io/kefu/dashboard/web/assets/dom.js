// Building the page from data. Every piece of data becomes a text node or an attribute value: never markup.
(function () {
  'use strict';
  const i18n = window.KefuI18n;

  /**
   * el('span', {class: 'pill', dataset: {version: v}, title: t}, 'text', childNode, null)
   * Strings in children become text nodes, so '<script>' in a customer message shows as those characters.
   */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) {
          continue;
        }
        if (key === 'class') {
          node.className = value;
        } else if (key === 'dataset') {
          Object.assign(node.dataset, value);
        } else if (key.startsWith('on')) {
          node.addEventListener(key.substring(2), value);
        } else if (key === 'disabled' || key === 'hidden') {
          node[key] = Boolean(value);
        } else {
          node.setAttribute(key, String(value));
        }
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) {
        continue;
      }
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
  }

  function duration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return s + 's';
    const m = Math.floor(s / 60);
    if (m < 60) return m + 'm ' + (s % 60) + 's';
    const h = Math.floor(m / 60);
    return h < 48 ? h + 'h ' + (m % 60) + 'm' : Math.floor(h / 24) + 'd';
  }

  function ago(epochMillis, now) {
    const ms = (now || Date.now()) - epochMillis;
    return ms < 2000 ? i18n.t('justNow') : i18n.t('ago', { d: duration(ms) });
  }

  function clock(epochMillis) {
    const d = new Date(epochMillis);
    return d.toLocaleTimeString(i18n.lang() === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
  }

  function stars(value) {
    if (value === null || value === undefined) return '–';
    return '★ ' + Number(value).toFixed(2);
  }

  function percent(value) {
    if (value === null || value === undefined) return '–';
    return Math.round(value * 100) + '%';
  }

  function number(value) {
    return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US');
  }

  /**
   * Calls render(data) only when data (or the language) differs from the previous call's, so stable parts of the page
   * stay put: a button is not replaced under the pointer every second.
   */
  function memo(render) {
    let previous = null;
    return data => {
      const key = i18n.lang() + JSON.stringify(data);
      if (key !== previous) {
        previous = key;
        render(data);
      }
    };
  }

  window.KefuDom = { el, fill, duration, ago, clock, stars, percent, number, memo };
})();
