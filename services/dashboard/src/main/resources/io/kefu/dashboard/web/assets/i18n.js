// UI wording in English and Chinese. Data (messages, replies, reasons) is shown as written, never translated.
(function () {
  'use strict';

  const STRINGS = {
    en: {
      title: 'Operator dashboard',
      connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…',
      signOut: 'Sign out', roleAdmin: 'Admin', roleViewer: 'Viewer · read-only',
      kpiMessages: 'Messages / s', kpiReplies: 'Replies / s', kpiLatency: 'Latency p95', kpiActive: 'Active version',
      kpiHandoffs: 'Open handoffs', kpiDlq: 'Dead letters', canaryNote: '(canary)',
      throughput: 'Throughput', throughputHint: 'per second · last 5 min',
      latency: 'Reply latency', latencyHint: 'ms · p50 / p95 / p99 per 10 s',
      rating: 'Average rating by version', ratingHint: '1–5 stars per 10 s',
      csat: 'CSAT by version', csatHint: '% of 4–5 star ratings per 10 s',
      messages: 'Messages', replies: 'Replies', handoffsSeries: 'Handoffs',
      models: 'Model registry', trainNow: 'Train now', pauseTraining: 'Pause training', resumeTraining: 'Resume training',
      trainingRunning: 'Training: running', trainingPaused: 'Training: paused',
      colVersion: 'Version', colStatus: 'Status', colParent: 'Parent', colEvaluation: 'Evaluation',
      colLive: 'Live ratings', colEvidence: 'Evidence', colChanged: 'Changed', colActions: 'Actions',
      promote: 'Promote', rollBack: 'Roll back', noModels: 'No model versions on model-versions yet.',
      ratingsCount: '{n} ratings', share: '{p}% of traffic',
      handoffs: 'Handoff queue', noHandoffs: 'Nobody is waiting for a human.',
      noHandoffSelected: 'Select a conversation to read its transcript and answer it.',
      handoffResolved: 'This conversation was answered or closed.',
      answerLabel: 'Answer', answerPlaceholder: 'Write the answer the customer will read…',
      send: 'Send answer', closeHandoff: 'Close without answer', waiting: 'waiting {d}',
      confidence: 'confidence {c}', reason_LOW_CONFIDENCE: 'Low confidence', reason_CUSTOMER_ASKED: 'Asked for a person',
      reason_OPERATOR: 'Operator', reason_OTHER: 'Other',
      conversations: 'Recent conversations', noConversations: 'No conversations in the last minutes.',
      customer: 'Customer', agent: 'Agent', model: 'Model', human: 'Human', system: 'System', handedOff: 'handed off',
      lag: 'Consumer lag', noLag: 'No consumer group has committed offsets yet.', sampled: 'sampled {t}',
      lagError: 'Lag unavailable: {e}',
      colGroup: 'Group', colTopic: 'Topic', colPartition: 'Part.', colCommitted: 'Committed', colEnd: 'End', colLag: 'Lag',
      dlq: 'Dead letters', dlqNone: 'No dead letters.', record: '{n} record', records: '{n} records',
      commands: 'Operator commands', noCommands: 'No operator commands yet.',
      colWhen: 'When', colCommand: 'Command', colTarget: 'Target', colOperator: 'Operator', colReason: 'Reason',
      ago: '{d} ago', justNow: 'just now',
      sent: '{what} sent', answerSent: 'Answer sent to the customer', readOnly: 'This token may only view.',
      failed: 'Failed: {m}', sessionExpired: 'Your token is no longer accepted.',
      signInTitle: 'Sign in', signInHelp: 'Enter the operator token Kefu printed when it started.',
      tokenLabel: 'Operator token', signIn: 'Sign in', tokenRejected: 'This token was not accepted.',
      lang: '中文'
    },
    zh: {
      title: '运营控制台',
      connecting: '连接中…', live: '实时', reconnecting: '重新连接中…',
      signOut: '退出', roleAdmin: '管理员', roleViewer: '只读查看',
      kpiMessages: '消息 / 秒', kpiReplies: '回复 / 秒', kpiLatency: '延迟 p95', kpiActive: '当前版本',
      kpiHandoffs: '待人工', kpiDlq: '死信', canaryNote: '（灰度）',
      throughput: '吞吐量', throughputHint: '每秒 · 最近 5 分钟',
      latency: '回复延迟', latencyHint: '毫秒 · 每 10 秒 p50 / p95 / p99',
      rating: '各版本平均评分', ratingHint: '每 10 秒 1–5 星',
      csat: '各版本满意度', csatHint: '每 10 秒 4–5 星占比',
      messages: '消息', replies: '回复', handoffsSeries: '转人工',
      models: '模型版本', trainNow: '立即训练', pauseTraining: '暂停训练', resumeTraining: '恢复训练',
      trainingRunning: '训练：运行中', trainingPaused: '训练：已暂停',
      colVersion: '版本', colStatus: '状态', colParent: '父版本', colEvaluation: '评估',
      colLive: '线上评分', colEvidence: '依据', colChanged: '更新时间', colActions: '操作',
      promote: '上线', rollBack: '回滚', noModels: 'model-versions 上还没有模型版本。',
      ratingsCount: '{n} 条评分', share: '{p}% 流量',
      handoffs: '转人工队列', noHandoffs: '没有等待人工的会话。',
      noHandoffSelected: '选择一个会话以查看记录并回复。',
      handoffResolved: '该会话已回复或关闭。',
      answerLabel: '回复', answerPlaceholder: '输入客户将看到的回复…',
      send: '发送回复', closeHandoff: '直接关闭', waiting: '已等待 {d}',
      confidence: '置信度 {c}', reason_LOW_CONFIDENCE: '置信度低', reason_CUSTOMER_ASKED: '客户要求人工',
      reason_OPERATOR: '运营转入', reason_OTHER: '其他',
      conversations: '最近会话', noConversations: '最近几分钟没有会话。',
      customer: '客户', agent: '客服', model: '模型', human: '人工', system: '系统', handedOff: '已转人工',
      lag: '消费延迟', noLag: '还没有消费组提交位点。', sampled: '采样于 {t}',
      lagError: '无法获取延迟：{e}',
      colGroup: '消费组', colTopic: '主题', colPartition: '分区', colCommitted: '已提交', colEnd: '末尾', colLag: '延迟',
      dlq: '死信', dlqNone: '没有死信。', record: '{n} 条', records: '{n} 条',
      commands: '运营指令', noCommands: '还没有运营指令。',
      colWhen: '时间', colCommand: '指令', colTarget: '对象', colOperator: '操作人', colReason: '原因',
      ago: '{d}前', justNow: '刚刚',
      sent: '已发送 {what}', answerSent: '回复已发送给客户', readOnly: '此令牌只能查看。',
      failed: '失败：{m}', sessionExpired: '令牌已失效。',
      signInTitle: '登录', signInHelp: '输入 Kefu 启动时打印的运营令牌。',
      tokenLabel: '运营令牌', signIn: '登录', tokenRejected: '令牌无效。',
      lang: 'English'
    }
  };

  const KEY = 'kefu.lang';
  let current = localStorage.getItem(KEY) || ((navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  if (!STRINGS[current]) {
    current = 'en';
  }
  const listeners = [];

  function t(key, vars) {
    let text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
    if (vars) {
      for (const [name, value] of Object.entries(vars)) {
        text = text.replace('{' + name + '}', String(value));
      }
    }
    return text;
  }

  function apply(root) {
    const scope = root || document;
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
    scope.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    const toggle = document.getElementById('lang-toggle');
    if (toggle) {
      toggle.textContent = t('lang');
    }
  }

  function setLang(lang) {
    current = STRINGS[lang] ? lang : 'en';
    localStorage.setItem(KEY, current);
    apply();
    listeners.forEach(fn => fn(current));
  }

  window.KefuI18n = {
    t, apply, setLang,
    lang: () => current,
    toggle: () => setLang(current === 'en' ? 'zh' : 'en'),
    onChange: fn => listeners.push(fn)
  };
})();
