// The dashboard's panels: each takes its part of a snapshot and redraws only when that part changed.
(function () {
  'use strict';
  const { el, fill, ago, clock, stars, percent, number, memo } = window.KefuDom;
  const i18n = window.KefuI18n;
  const { TimeChart, versionStyle } = window.KefuCharts;

  const PROMOTABLE = ['CANARY']; // the lifecycle lets only a canary become ACTIVE
  const ROLLBACKABLE = ['CANARY', 'ACTIVE'];

  function create(ui) {
    const $ = id => document.getElementById(id);
    const charts = {
      throughput: new TimeChart($('chart-throughput'), { minPoints: 60, format: v => (v >= 10 ? Math.round(v) : v.toFixed(1)) }),
      latency: new TimeChart($('chart-latency'), { minPoints: 12, format: v => Math.round(v) + '' }),
      rating: new TimeChart($('chart-rating'), { minPoints: 12, yRange: [1, 5], format: v => v.toFixed(1) }),
      // A CSAT of 0% is a measurement (every rating was 1-3 stars), not an empty bucket: those are null.
      csat: new TimeChart($('chart-csat'), { minPoints: 12, yRange: [0, 100], zeroIsData: true,
        format: v => Math.round(v) + '%' })
    };

    function adminOnly(node) {
      if (!ui.isAdmin()) {
        node.disabled = true;
        node.title = i18n.t('readOnly');
      }
      return node;
    }

    /** A table cell labelled for the stacked phone layout; its content sits in one box beside the label. */
    function cell(labelKey, props, ...children) {
      return el('td', Object.assign({ 'data-label': i18n.t(labelKey) }, props || {}), el('div', null, ...children));
    }

    function since(epochMillis) {
      return el('span', { class: 'since', dataset: { since: String(epochMillis) } }, ago(epochMillis));
    }

    // ---- charts -------------------------------------------------------------------------------------------------
    function renderCharts(s) {
      const t = s.throughput;
      charts.throughput.update(t.seconds, [
        { label: i18n.t('messages'), values: t.messages, color: '#2563eb' },
        { label: i18n.t('replies'), values: t.replies, color: '#16a34a' },
        { label: i18n.t('handoffsSeries'), values: t.handoffs, color: '#dc2626' }
      ]);
      const l = s.latency;
      charts.latency.update(l.seconds, [
        { label: 'p50', values: l.p50, color: '#0891b2' },
        { label: 'p95', values: l.p95, color: '#7c3aed' },
        { label: 'p99', values: l.p99, color: '#db2777' }
      ]);
      const versions = s.ratings.versions;
      const label = v => (s.marks[v.version] ? v.version + ' · ' + s.marks[v.version] : v.version);
      charts.rating.update(s.ratings.seconds, versions.map((v, i) => Object.assign(
        { label: label(v), values: v.average }, versionStyle(v.version, s.marks[v.version], i))));
      charts.csat.update(s.ratings.seconds, versions.map((v, i) => Object.assign(
        { label: label(v), values: v.csat.map(x => (x === null ? null : x * 100)) },
        versionStyle(v.version, s.marks[v.version], i))));
    }

    // ---- key figures ----------------------------------------------------------------------------------------------
    function renderKpis(s) {
      $('kpi-messages').textContent = s.throughput.messagesPerSecond.toFixed(1);
      $('kpi-replies').textContent = s.throughput.repliesPerSecond.toFixed(1);
      const p95 = s.latency.p95.filter(v => v !== null);
      $('kpi-latency').textContent = p95.length ? p95[p95.length - 1] + ' ms' : '–';
      const active = Object.keys(s.marks).filter(v => s.marks[v] === 'ACTIVE');
      const canary = Object.keys(s.marks).filter(v => s.marks[v] === 'CANARY');
      fill($('kpi-active'), active.length ? active.join(', ') : '–',
        canary.length ? el('span', { class: 'kpi-sub' }, ' + ' + canary.join(', ') + ' ' + i18n.t('canaryNote')) : null);
      $('kpi-handoffs').textContent = number(s.handoffs.open);
      $('kpi-dlq').textContent = number(s.dlq.reduce((sum, d) => sum + d.count, 0));
    }

    // ---- model registry -------------------------------------------------------------------------------------------
    function metricList(map) {
      const entries = Object.entries(map || {});
      if (!entries.length) return '–';
      return el('dl', { class: 'metrics' }, entries.slice(0, 6).map(([k, v]) => [
        el('dt', null, k), el('dd', null, Number.isInteger(v) ? String(v) : Number(v).toFixed(3))]));
    }

    // Live ratings change every second; they are written into their cells so the rows (and their buttons) stay put.
    function renderLiveRatings(ratings) {
      const live = new Map(ratings.map(r => [r.version, r]));
      document.querySelectorAll('#models-body [data-live-version]').forEach(td => {
        const rating = live.get(td.dataset.liveVersion);
        fill(td.firstChild, rating
          ? [el('div', null, stars(rating.totalAverage) + ' · CSAT ' + percent(rating.totalCsat)),
              el('div', { class: 'muted small' }, i18n.t('ratingsCount', { n: rating.totalRatings }))]
          : '–');
      });
    }

    const renderModels = memo(({ models, paused, switchedBy }) => {
      fill($('models-body'), models.map(m => {
        const r = m.row;
        const actions = el('div', { class: 'row-actions' },
          adminOnly(el('button', {
            class: 'btn btn-small btn-primary', type: 'button', disabled: !PROMOTABLE.includes(r.status),
            dataset: { action: 'promote', model: r.modelName, version: r.version },
            onclick: () => ui.promote(r.modelName, r.version)
          }, i18n.t('promote'))),
          adminOnly(el('button', {
            class: 'btn btn-small btn-danger', type: 'button', disabled: !ROLLBACKABLE.includes(r.status),
            dataset: { action: 'roll-back', model: r.modelName, version: r.version },
            onclick: () => ui.rollBack(r.modelName, r.version)
          }, i18n.t('rollBack'))));
        return el('tr', { dataset: { model: r.modelName, version: r.version, status: r.status }, class: m.mark ? 'marked-' + m.mark.toLowerCase() : null },
          cell('colVersion', null,
            el('div', { class: 'version' }, el('strong', null, r.version),
              m.mark ? el('span', { class: 'mark mark-' + m.mark.toLowerCase() }, m.mark) : null),
            el('div', { class: 'muted small' }, r.modelName)),
          cell('colStatus', { class: 'status' }, el('span', { class: 'pill status-' + r.status.toLowerCase() }, r.status)),
          cell('colParent', null, r.parentVersion || '–'),
          cell('colEvaluation', null, metricList(r.evaluation)),
          cell('colLive', { class: 'live-rating', dataset: { liveVersion: r.version } }, '–'),
          cell('colEvidence', { class: 'evidence' },
            r.reason ? el('div', { class: 'reason', title: r.reason }, r.reason) : '–',
            r.status === 'CANARY' && r.canaryShare > 0
              ? el('div', { class: 'muted small' }, i18n.t('share', { p: Math.round(r.canaryShare * 100) })) : null),
          cell('colChanged', null, since(r.changedAt)),
          cell('colActions', null, actions));
      }));
      $('models-empty').hidden = models.length > 0;
      $('models-table').hidden = models.length === 0;
      const state = $('training-state');
      state.textContent = i18n.t(paused ? 'trainingPaused' : 'trainingRunning');
      state.className = 'pill ' + (paused ? 'pill-warn' : 'pill-ok');
      state.title = switchedBy || '';
    });

    // ---- handoffs ---------------------------------------------------------------------------------------------------
    function turnItem(turn) {
      const author = turn.author === 'CUSTOMER' ? i18n.t('customer')
        : turn.author === 'MODEL' ? i18n.t('model') + (turn.modelVersion ? ' ' + turn.modelVersion : '')
          : turn.author === 'HUMAN' ? i18n.t('human') + (turn.operatorId ? ' ' + turn.operatorId : '')
            : turn.author === 'SYSTEM' ? i18n.t('system') : i18n.t('agent');
      return el('li', { class: 'turn turn-' + turn.author.toLowerCase() },
        el('span', { class: 'turn-author' }, author),
        el('span', { class: 'turn-text' }, turn.text),
        turn.rating ? el('span', { class: 'turn-rating', title: turn.rating + '/5' }, '★'.repeat(turn.rating)) : null);
    }

    // Drawn from what the items show only (not the open count, nor transcripts growing elsewhere), so a busy queue
    // does not replace the items under the operator's pointer on every push.
    const renderHandoffList = memo(({ items, selected }) => {
      if (!items.length) {
        fill($('handoff-list'), el('li', { class: 'empty' }, i18n.t('noHandoffs')));
        return;
      }
      fill($('handoff-list'), items.map(h => el('li', null, el('button', {
        type: 'button', class: 'handoff-item' + (h.conversationId === selected ? ' selected' : ''),
        dataset: { conversation: h.conversationId }, onclick: () => ui.select(h.conversationId)
      },
        el('div', { class: 'handoff-row' }, el('strong', { class: 'conv-id' }, h.conversationId),
          el('span', { class: 'handoff-wait', dataset: { since: String(h.createdAt) } }, ago(h.createdAt))),
        el('div', { class: 'handoff-row' },
          el('span', { class: 'pill pill-soft' }, i18n.t('reason_' + h.reason)),
          el('span', { class: 'muted small' }, h.locale)),
        h.preview ? el('div', { class: 'preview' }, h.preview) : null))));
    });

    function handoffItems(handoffs) {
      return handoffs.handoffs.map(h => {
        const lastCustomer = [...h.transcript].reverse().find(t => t.author === 'CUSTOMER');
        return { conversationId: h.conversationId, reason: h.reason, locale: h.locale, createdAt: h.createdAt,
          preview: lastCustomer ? lastCustomer.text : null };
      });
    }

    const renderHandoffDetail = memo(({ handoff, selected }) => {
      $('handoff-empty').hidden = Boolean(handoff);
      $('handoff-selected').hidden = !handoff;
      if (!handoff) {
        $('handoff-empty').textContent = i18n.t(selected ? 'handoffResolved' : 'noHandoffSelected');
        return;
      }
      fill($('handoff-meta'),
        el('strong', { class: 'conv-id' }, handoff.conversationId),
        el('span', { class: 'pill pill-soft' }, i18n.t('reason_' + handoff.reason)),
        el('span', { class: 'muted small' }, handoff.locale),
        handoff.modelVersion ? el('span', { class: 'muted small' }, handoff.modelVersion) : null,
        el('span', { class: 'muted small' }, i18n.t('confidence', { c: Number(handoff.confidence).toFixed(2) })));
      fill($('handoff-transcript'), handoff.transcript.map(turnItem));
      const transcript = $('handoff-transcript');
      transcript.scrollTop = transcript.scrollHeight;
    });

    // ---- conversations ----------------------------------------------------------------------------------------------
    const renderConversations = memo(conversations => {
      if (!conversations.length) {
        fill($('conversations'), el('p', { class: 'empty' }, i18n.t('noConversations')));
        return;
      }
      fill($('conversations'), conversations.map(c => el('article', { class: 'conv', dataset: { conversation: c.conversationId } },
        el('header', { class: 'conv-head' },
          el('strong', { class: 'conv-id' }, c.conversationId),
          el('span', { class: 'muted small' }, c.locale),
          c.handedOff ? el('span', { class: 'pill pill-warn' }, i18n.t('handedOff')) : null,
          el('span', { class: 'conv-rating' }, c.averageRating === null ? '' : stars(c.averageRating)),
          el('span', { class: 'muted small conv-time' }, clock(c.lastActivity))),
        el('ol', { class: 'transcript compact' }, c.turns.slice(-6).map(turnItem)))));
    });

    // ---- lag, dead letters, commands --------------------------------------------------------------------------------
    const renderLag = memo(lag => {
      fill($('lag-body'), lag.rows.map(r => el('tr', { class: r.lag > 0 ? 'lagging' : null },
        el('td', null, r.group), el('td', null, r.topic), el('td', { class: 'num' }, String(r.partition)),
        el('td', { class: 'num' }, number(r.committed)), el('td', { class: 'num' }, number(r.end)),
        el('td', { class: 'num lag' }, number(r.lag)))));
      $('lag-empty').hidden = lag.rows.length > 0;
      $('lag-table').hidden = lag.rows.length === 0;
      $('lag-sampled').textContent = lag.error ? i18n.t('lagError', { e: lag.error })
        : lag.sampledAt ? i18n.t('sampled', { t: clock(lag.sampledAt) }) : '';
      $('lag-sampled').classList.toggle('error', Boolean(lag.error));
    });

    const renderDlq = memo(dlq => {
      fill($('dlq'), dlq.map(d => el('div', { class: 'dlq-topic', dataset: { topic: d.topic } },
        el('div', { class: 'dlq-head' }, el('span', { class: 'mono' }, d.topic),
          el('span', { class: 'pill ' + (d.count > 0 ? 'pill-bad' : 'pill-ok') }, i18n.t(d.count === 1 ? 'record' : 'records', { n: number(d.count) }))),
        d.latest.length ? el('ul', { class: 'dlq-latest' }, d.latest.map(l => el('li', null,
          el('span', { class: 'mono reason-code' }, l.reason || '?'),
          el('span', { class: 'dlq-detail' }, l.detail || ''),
          el('span', { class: 'muted small' }, [l.service, l.sourceTopic && l.sourceTopic + '-' + l.sourcePartition + '@' + l.sourceOffset]
            .filter(Boolean).join(' · ') + ' · ' + clock(l.atMillis))))) : null)));
    });

    const renderCommands = memo(commands => {
      fill($('commands-body'), commands.latest.map(c => el('tr', null,
        el('td', null, clock(c.issuedAt)),
        el('td', null, el('span', { class: 'pill pill-soft' }, c.kind)),
        el('td', null, c.conversationId || [c.modelName, c.modelVersion].filter(Boolean).join(' ') || '–'),
        el('td', null, c.operatorId), el('td', { class: 'reason' }, c.reason || ''))));
      $('commands-empty').hidden = commands.latest.length > 0;
      $('commands-table').hidden = commands.latest.length === 0;
    });

    function refreshTimes() {
      const now = Date.now();
      document.querySelectorAll('[data-since]').forEach(node => {
        node.textContent = ago(Number(node.dataset.since), now);
      });
    }

    return {
      render(s, selected) {
        renderCharts(s);
        renderKpis(s);
        renderModels({ models: s.models, paused: s.commands.trainingPaused, switchedBy: s.commands.lastTrainingSwitch
            ? s.commands.lastTrainingSwitch.operatorId + ' · ' + clock(s.commands.lastTrainingSwitch.issuedAt) : '' });
        renderLiveRatings(s.ratings.versions);
        $('handoff-count').textContent = String(s.handoffs.open);
        renderHandoffList({ items: handoffItems(s.handoffs), selected });
        renderHandoffDetail({ handoff: s.handoffs.handoffs.find(h => h.conversationId === selected) || null, selected });
        renderConversations(s.conversations);
        renderLag(s.lag);
        renderDlq(s.dlq);
        renderCommands(s.commands);
        refreshTimes();
      }
    };
  }

  window.KefuPanels = { create };
})();
