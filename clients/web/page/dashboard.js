// The leadership dashboard page: fetches /api/* (the crm.v1.DashboardService
// responses as JSON, with the session cookie), draws them with ECharts and
// writes the key figures as text beside each chart (data-testid attributes).
// Plain script, no build step; ECharts is loaded before it (echarts.min.js).
'use strict';

(function () {
  const LANG_KEY = 'crm.dashboard.lang';
  const DEFAULT_REFRESH_SECONDS = 60;
  const ALERT_PAGE_SIZE = 50;
  const YEARS_BACK = 4;

  // The funnel's stages (LOST is a KPI, not a funnel step), and the tiers.
  const FUNNEL_STAGES = ['NEGOTIATING', 'SIGNED', 'REGISTERED', 'CONSTRUCTION_STARTED', 'IN_PRODUCTION'];
  const TIERS = ['BELOW_1B', '1B', '2B', '5B'];
  const LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'ZONE'];

  const COLORS = {
    text: '#c9d6ea',
    muted: '#7f93b2',
    grid: 'rgba(127,147,178,0.18)',
    series: ['#3ba0ff', '#36cfc9', '#f6bd16', '#ff7a45', '#9270ca', '#5ad8a6'],
    ahead: '#2fc25b',
    behind: '#f04864',
    noTarget: '#56657d',
    pace: '#f6bd16',
    RED: '#f04864',
    YELLOW: '#f6bd16',
    BLUE: '#3ba0ff',
  };

  // Every label the page shows, in both languages. Keys used by data-i18n in
  // index.html, and by the charts.
  const TEXT = {
    zh: {
      title: '招商引资驾驶舱',
      year: '年度',
      unit: '单位',
      allUnits: '全部单位',
      refreshedAt: '更新于',
      logout: '退出',
      langButton: 'English',
      kpiOpenCount: '在推项目（个）',
      kpiOpenPlanned: '在推计划投资（亿元）',
      kpiWeighted: '加权储备投资（亿元）',
      kpiLost: '本年流失项目（个）',
      asOf: '数据日期',
      funnelTitle: '项目漏斗（按阶段）',
      stage: '阶段',
      count: '个数',
      plannedYi: '计划投资（亿元）',
      tierTitle: '投资额档次 × 阶段（个）',
      scoreTitle: '责任状完成率（按单位）',
      trendTitle: '月度趋势',
      poolTitle: '重点企业培育库',
      poolEnterprises: '在库企业',
      candidatesTitle: '符合条件、尚未认定',
      checklistTitle: '服务清单',
      srOpen: '未办结',
      srOverdue: '已逾期',
      srClosed: '本年办结',
      srAvgDays: '平均办理天数',
      srSatisfaction: '满意度（5分制）',
      alertsTitle: '预警督办',
      alertKind: '类型',
      allKinds: '全部',
      color: '督办',
      kind: '类型',
      alertTitle: '事项',
      parent: '所属',
      owner: '责任人',
      daysOverdue: '逾期天数',
      more: '加载更多',
      alertCount: (n, more) => `已显示 ${n} 条${more ? '，还有更多' : ''}`,
      noAlerts: '暂无预警',
      noData: '暂无数据',
      loadFailed: '加载失败',
      projects: '个',
      yi: '亿元',
      stage_NEGOTIATING: '在谈',
      stage_SIGNED: '签约',
      stage_REGISTERED: '注册',
      stage_CONSTRUCTION_STARTED: '开工',
      stage_IN_PRODUCTION: '投产',
      stage_LOST: '流失',
      tier_BELOW_1B: '<10亿',
      tier_1B: '10亿+',
      tier_2B: '20亿+',
      tier_5B: '50亿+',
      completion: '完成率',
      rankHeader: '排名',
      paceHeader: '进度',
      pace: '时间进度',
      pace_AHEAD: '领先',
      pace_BEHIND: '落后',
      pace_NO_TARGET: '无责任状',
      rank: '第{n}名',
      scoreNote: (elapsed, ranked) => `时间进度 ${elapsed}，共 ${ranked} 个单位签订责任状`,
      months: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
      signedCount: '签约项目（个）',
      signedYi: '签约投资（亿元）',
      starts: '开工项目（个）',
      capitalYi: '到资（亿元）',
      trendTotalSigned: '全年签约',
      trendTotalSignedYi: '签约投资',
      trendTotalStarts: '开工',
      trendTotalCapital: '到资',
      color_RED: '红',
      color_YELLOW: '黄',
      color_BLUE: '蓝',
      color_NONE: '—',
      kind_STALLED_PROJECT: '项目停滞',
      kind_OVERDUE_MILESTONE: '节点逾期',
      kind_OVERDUE_SERVICE_REQUEST: '服务逾期',
      stall_SIGNED_NOT_REGISTERED: '签约未注册',
      stall_REGISTERED_NOT_STARTED: '注册未开工',
      stall_STARTED_NOT_IN_PRODUCTION: '开工未投产',
      level_NATIONAL: '国家级',
      level_PROVINCIAL: '省级',
      level_MUNICIPAL: '市级',
      level_ZONE: '区级',
      title_SEED: '种子企业',
      title_POTENTIAL_GAZELLE: '潜在瞪羚',
      title_GAZELLE: '瞪羚企业',
      title_POTENTIAL_UNICORN: '准独角兽',
      title_UNICORN: '独角兽',
      title_SUPER_UNICORN: '超级独角兽',
      title_HIDDEN_CHAMPION: '隐形冠军',
      title_SPECIALIZED_SME: '专精特新',
      title_LITTLE_GIANT: '小巨人',
      title_HIGH_TECH_ENTERPRISE: '高新技术企业',
    },
    en: {
      title: 'Investment Promotion Dashboard',
      year: 'Year',
      unit: 'Unit',
      allUnits: 'All units',
      refreshedAt: 'Updated',
      logout: 'Log out',
      langButton: '中文',
      kpiOpenCount: 'Open projects',
      kpiOpenPlanned: 'Open planned investment (¥100m)',
      kpiWeighted: 'Weighted pipeline (¥100m)',
      kpiLost: 'Lost this year',
      asOf: 'As of',
      funnelTitle: 'Pipeline funnel by stage',
      stage: 'Stage',
      count: 'Projects',
      plannedYi: 'Planned (¥100m)',
      tierTitle: 'Investment tier × stage (projects)',
      scoreTitle: 'Pledge completion by unit',
      trendTitle: 'Monthly trend',
      poolTitle: 'Key enterprise pool',
      poolEnterprises: 'Enterprises in the pool',
      candidatesTitle: 'Qualify, not yet certified',
      checklistTitle: 'Service checklist',
      srOpen: 'Open',
      srOverdue: 'Overdue',
      srClosed: 'Closed this year',
      srAvgDays: 'Average days to close',
      srSatisfaction: 'Satisfaction (of 5)',
      alertsTitle: 'Alerts',
      alertKind: 'Kind',
      allKinds: 'All',
      color: 'Level',
      kind: 'Kind',
      alertTitle: 'Item',
      parent: 'Belongs to',
      owner: 'Owner',
      daysOverdue: 'Days overdue',
      more: 'Load more',
      alertCount: (n, more) => `${n} shown${more ? ', more available' : ''}`,
      noAlerts: 'No alerts',
      noData: 'No data',
      loadFailed: 'Could not load',
      projects: 'projects',
      yi: '¥100m',
      stage_NEGOTIATING: 'Negotiating',
      stage_SIGNED: 'Signed',
      stage_REGISTERED: 'Registered',
      stage_CONSTRUCTION_STARTED: 'Construction',
      stage_IN_PRODUCTION: 'In production',
      stage_LOST: 'Lost',
      tier_BELOW_1B: '< ¥1bn',
      tier_1B: '¥1bn+',
      tier_2B: '¥2bn+',
      tier_5B: '¥5bn+',
      completion: 'Completion',
      rankHeader: 'Rank',
      paceHeader: 'Pace',
      pace: 'Time elapsed',
      pace_AHEAD: 'ahead',
      pace_BEHIND: 'behind',
      pace_NO_TARGET: 'no pledge',
      rank: 'No. {n}',
      scoreNote: (elapsed, ranked) => `${elapsed} of the year elapsed; ${ranked} units have a pledge`,
      months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
      signedCount: 'Signed (projects)',
      signedYi: 'Signed investment (¥100m)',
      starts: 'Construction starts',
      capitalYi: 'Capital arrived (¥100m)',
      trendTotalSigned: 'Signed',
      trendTotalSignedYi: 'Signed investment',
      trendTotalStarts: 'Starts',
      trendTotalCapital: 'Capital arrived',
      color_RED: 'Red',
      color_YELLOW: 'Yellow',
      color_BLUE: 'Blue',
      color_NONE: '—',
      kind_STALLED_PROJECT: 'Stalled project',
      kind_OVERDUE_MILESTONE: 'Overdue milestone',
      kind_OVERDUE_SERVICE_REQUEST: 'Overdue service request',
      stall_SIGNED_NOT_REGISTERED: 'signed, not registered',
      stall_REGISTERED_NOT_STARTED: 'registered, not started',
      stall_STARTED_NOT_IN_PRODUCTION: 'started, not in production',
      level_NATIONAL: 'National',
      level_PROVINCIAL: 'Provincial',
      level_MUNICIPAL: 'Municipal',
      level_ZONE: 'Zone',
      title_SEED: 'Seed',
      title_POTENTIAL_GAZELLE: 'Potential gazelle',
      title_GAZELLE: 'Gazelle',
      title_POTENTIAL_UNICORN: 'Potential unicorn',
      title_UNICORN: 'Unicorn',
      title_SUPER_UNICORN: 'Super unicorn',
      title_HIDDEN_CHAMPION: 'Hidden champion',
      title_SPECIALIZED_SME: 'Specialized SME',
      title_LITTLE_GIANT: 'Little giant',
      title_HIGH_TECH_ENTERPRISE: 'High-tech enterprise',
    },
  };

  const state = {
    lang: storedLanguage(),
    year: '', // '' until the first summary says which year "this year" is
    unit: '',
    alertKind: '',
    loading: false,
    data: {}, // summary, scoreboard, alerts, pool, trend: the last answers
    errors: {}, // the same keys: the last error, if that call failed
    alertsNextToken: '',
    charts: {},
    fontSize: chartFontSize(),
    busy: 0, // loads, redraws and resizes under way (data-ready is false while any is)
  };

  // --- small helpers -------------------------------------------------------

  // The charts' type size: larger on the 大屏, at the same width as the
  // stylesheet's media query.
  function chartFontSize() {
    return window.matchMedia('(min-width: 1920px)').matches ? 16 : 12;
  }

  function storedLanguage() {
    try {
      return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
    } catch (e) {
      return 'zh';
    }
  }

  function t(key) {
    const value = TEXT[state.lang][key];
    return value === undefined ? TEXT.zh[key] : value;
  }

  // The enum value without its type prefix: PROJECT_STAGE_SIGNED → SIGNED.
  function short(value, prefix) {
    return typeof value === 'string' && value.startsWith(prefix) ? value.slice(prefix.length) : String(value || '');
  }

  // 亿元 (CNY / 1e8) with 2 decimals, rounded half away from zero on the exact
  // integer (int64 fields arrive as JSON strings), so that the test can apply
  // the same rounding to the gRPC answer.
  function yi(cny) {
    const n = BigInt(cny || 0);
    const negative = n < 0n;
    const hundredths = ((negative ? -n : n) + 500000n) / 1000000n;
    const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
    return negative ? `-${text}` : text;
  }

  function yiNumber(cny) {
    return Number(yi(cny));
  }

  function count(value) {
    return Number(value || 0);
  }

  function percent(fraction, digits = 1) {
    return `${(fraction * 100).toFixed(digits)}%`;
  }

  function byTestId(id) {
    return document.querySelector(`[data-testid="${id}"]`);
  }

  function setText(testId, text) {
    const el = byTestId(testId);
    if (el) el.textContent = text;
  }

  function element(tag, attrs, children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === 'text') el.textContent = value;
      else el.setAttribute(name, value);
    }
    for (const child of children || []) el.appendChild(child);
    return el;
  }

  function unitName(unit) {
    const units = (state.data.scoreboard && state.data.scoreboard.units) || [];
    const found = units.find((u) => u.unit === unit);
    return found && found.unit_display_name ? found.unit_display_name : unit || '—';
  }

  // --- fetching ------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message || `HTTP ${status}`);
      this.status = status;
      this.code = code || '';
    }
  }

  async function getJson(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== '' && value !== undefined && value !== null) url.searchParams.set(name, value);
    }
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      // The session ended (logout elsewhere, expiry, a revoked token): log in again.
      window.location.assign('/');
      throw new ApiError(401, 'UNAUTHENTICATED', 'not logged in');
    }
    let body = {};
    try {
      body = await response.json();
    } catch (e) {
      body = {};
    }
    if (!response.ok) throw new ApiError(response.status, body.code, body.message);
    return body;
  }

  function fetchAlerts(pageToken) {
    return getJson('/api/alerts', {
      unit: state.unit,
      kind: state.alertKind,
      page_size: ALERT_PAGE_SIZE,
      page_token: pageToken,
    });
  }

  // Runs `work` (which resolves once the charts are drawn) with data-ready
  // "false"; when nothing else is under way, data-ready becomes "true" and
  // data-width the window width the charts were drawn for.
  async function track(work) {
    state.busy += 1;
    document.body.dataset.ready = 'false';
    try {
      await work();
    } finally {
      state.busy -= 1;
      if (state.busy === 0) {
        document.body.dataset.width = String(window.innerWidth);
        document.body.dataset.ready = 'true';
      }
    }
  }

  // Fetches every endpoint again and redraws; skipped while a load is under way.
  async function load() {
    if (state.loading) return;
    state.loading = true;
    try {
      await track(fetchAndRender);
    } finally {
      state.loading = false;
    }
  }

  async function fetchAndRender() {
    const common = { year: state.year, unit: state.unit };
    const calls = {
      summary: getJson('/api/summary', common),
      // Every unit, so that the scoreboard ranks them all and the unit
      // selector lists them; the chosen one is highlighted.
      scoreboard: getJson('/api/scoreboard', { year: state.year }),
      alerts: fetchAlerts(''),
      pool: getJson('/api/pool', common),
      trend: getJson('/api/trend', common),
    };
    const names = Object.keys(calls);
    const settled = await Promise.allSettled(Object.values(calls));
    settled.forEach((result, i) => {
      const name = names[i];
      if (result.status === 'fulfilled') {
        state.data[name] = result.value;
        delete state.errors[name];
      } else {
        delete state.data[name];
        state.errors[name] = result.reason;
      }
    });
    state.alertsNextToken = state.data.alerts ? state.data.alerts.next_page_token || '' : '';
    if (!state.year && state.data.summary) state.year = String(state.data.summary.year);
    document.getElementById('refreshed').textContent = new Date().toLocaleTimeString(
      state.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
    await renderAll();
  }

  async function loadMoreAlerts() {
    if (!state.alertsNextToken) return;
    try {
      const page = await fetchAlerts(state.alertsNextToken);
      state.data.alerts.alerts = (state.data.alerts.alerts || []).concat(page.alerts || []);
      state.alertsNextToken = page.next_page_token || '';
      delete state.errors.alerts;
    } catch (e) {
      state.errors.alerts = e;
    }
    renderAlerts();
    renderErrors();
  }

  // --- rendering -----------------------------------------------------------

  function applyStaticText() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    document.getElementById('lang').textContent = t('langButton');
  }

  function chart(id) {
    if (!state.charts[id]) {
      state.charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    }
    return state.charts[id];
  }

  // Replaces a chart's option and resolves once it has finished rendering
  // (animations included): ECharts' `finished` event.
  function draw(id, option) {
    const instance = chart(id);
    return whenFinished(instance, () => instance.setOption(Object.assign(baseOption(), option), { notMerge: true }));
  }

  // Runs `change` on a chart and resolves when the chart has finished
  // rendering after it.
  function whenFinished(instance, change) {
    return new Promise((resolve) => {
      const done = () => {
        instance.off('finished', done);
        resolve();
      };
      instance.on('finished', done);
      change();
    });
  }

  // What every chart shares: transparent over the card, the page's text
  // colour, and tooltips drawn on the canvas (HTML tooltips would need inline
  // styles, which the page's Content-Security-Policy forbids).
  function baseOption() {
    return {
      backgroundColor: 'transparent',
      color: COLORS.series,
      textStyle: text(),
      tooltip: { renderMode: 'richText', confine: true },
      animationDuration: 500,
    };
  }

  function emptyOption(message) {
    return {
      title: {
        text: message,
        left: 'center',
        top: 'middle',
        textStyle: text({ color: COLORS.muted, fontSize: state.fontSize + 2 }),
      },
      xAxis: { show: false },
      yAxis: { show: false },
      series: [],
    };
  }

  // Chart text in the page's colour and the current type size.
  function text(extra) {
    return Object.assign({ color: COLORS.text, fontSize: state.fontSize }, extra);
  }

  // Room for a legend above a chart's grid.
  function legendSpace() {
    return Math.round(state.fontSize * 2.8);
  }

  function axisStyle() {
    return {
      axisLine: { lineStyle: { color: COLORS.grid } },
      axisLabel: text(),
      splitLine: { lineStyle: { color: COLORS.grid } },
    };
  }

  function errorText(name) {
    const error = state.errors[name];
    return error ? `${t('loadFailed')}: ${error.message}` : t('noData');
  }

  function renderKpis() {
    const s = state.data.summary;
    setText('kpi-open-count', s ? String(count(s.open_project_count)) : '—');
    setText('kpi-open-planned', s ? yi(s.open_planned_investment_cny) : '—');
    setText('kpi-weighted', s ? yi(s.weighted_pipeline_cny) : '—');
    setText('kpi-lost-count', s ? String(count(s.lost_count)) : '—');
    setText('as-of', s ? s.as_of_date : '—');
  }

  function stageTotals(summary) {
    const byStage = {};
    for (const stage of (summary && summary.stages) || []) byStage[short(stage.stage, 'PROJECT_STAGE_')] = stage;
    return byStage;
  }

  function renderFunnel() {
    const s = state.data.summary;
    const rows = document.getElementById('stage-rows');
    rows.replaceChildren();
    if (!s) return draw('chart-funnel', emptyOption(errorText('summary')));
    const byStage = stageTotals(s);
    for (const stage of FUNNEL_STAGES.concat(['LOST'])) {
      const total = byStage[stage] || {};
      rows.appendChild(element('tr', {}, [
        element('th', { scope: 'row', text: t(`stage_${stage}`) }),
        element('td', { 'data-testid': `stage-count-${stage}`, text: String(count(total.project_count)) }),
        element('td', { 'data-testid': `stage-planned-${stage}`, text: yi(total.planned_investment_cny) }),
      ]));
    }
    const data = FUNNEL_STAGES.map((stage) => ({
      name: t(`stage_${stage}`),
      value: count((byStage[stage] || {}).project_count),
    }));
    const max = Math.max(1, ...data.map((d) => d.value));
    return draw('chart-funnel', {
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: '{b}: {c}' },
      series: [{
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '12%',
        left: '8%',
        right: '8%',
        top: 8,
        bottom: 8,
        gap: 3,
        label: Object.assign(text({ color: '#fff' }), { show: true, position: 'inside', formatter: '{b}  {c}' }),
        itemStyle: { borderWidth: 0 },
        data,
      }],
    });
  }

  function renderTiers() {
    const s = state.data.summary;
    const list = document.getElementById('tier-totals');
    list.replaceChildren();
    if (!s) return draw('chart-tiers', emptyOption(errorText('summary')));
    const cells = {};
    for (const cell of s.cells || []) {
      cells[`${short(cell.stage, 'PROJECT_STAGE_')}/${short(cell.tier, 'INVESTMENT_TIER_')}`] = cell;
    }
    for (const tier of TIERS) {
      let projects = 0;
      let planned = 0n;
      for (const stage of FUNNEL_STAGES) {
        const cell = cells[`${stage}/${tier}`] || {};
        projects += count(cell.project_count);
        planned += BigInt(cell.planned_investment_cny || 0);
      }
      list.appendChild(element('li', {}, [
        element('span', { class: 'figure-label', text: t(`tier_${tier}`) }),
        element('strong', { 'data-testid': `tier-count-${tier}`, text: String(projects) }),
        element('span', { class: 'figure-unit', text: t('projects') }),
        element('span', { 'data-testid': `tier-planned-${tier}`, text: yi(planned.toString()) }),
        element('span', { class: 'figure-unit', text: t('yi') }),
      ]));
    }
    return draw('chart-tiers', {
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: text(), data: TIERS.map((tier) => t(`tier_${tier}`)) },
      grid: { left: 8, right: 8, top: legendSpace(), bottom: 4 },
      xAxis: Object.assign({ type: 'category', data: FUNNEL_STAGES.map((stage) => t(`stage_${stage}`)) }, axisStyle()),
      yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
      series: TIERS.map((tier) => ({
        name: t(`tier_${tier}`),
        type: 'bar',
        stack: 'tier',
        barMaxWidth: 36,
        data: FUNNEL_STAGES.map((stage) => count((cells[`${stage}/${tier}`] || {}).project_count)),
      })),
    });
  }

  function renderScoreboard() {
    const board = state.data.scoreboard;
    const note = document.getElementById('score-note');
    note.textContent = '';
    const rows = document.getElementById('score-rows');
    rows.replaceChildren();
    if (!board || !(board.units || []).length) {
      return draw('chart-scoreboard', emptyOption(board ? t('noData') : errorText('scoreboard')));
    }
    const elapsed = Number(board.year_elapsed || 0);
    note.textContent = t('scoreNote')(percent(elapsed), board.ranked_unit_count || 0);
    for (const u of board.units) {
      const id = short(u.unit, 'units/');
      rows.appendChild(element('tr', {}, [
        element('td', { 'data-testid': `unit-rank-${id}`, text: String(u.rank || 0) }),
        element('th', { scope: 'row', text: u.unit_display_name || u.unit }),
        element('td', { 'data-testid': `unit-completion-${id}`,
          text: u.has_target ? percent(Number(u.overall_completion || 0)) : '—' }),
        element('td', { text: t(`pace_${short(u.pace, 'PACE_')}`) }),
      ]));
    }
    // Best first from the server; a horizontal bar chart draws its first
    // category at the bottom, hence the reversal.
    const units = (board.units || []).slice().reverse();
    const colorOf = (u) => {
      const pace = short(u.pace, 'PACE_');
      if (pace === 'AHEAD') return COLORS.ahead;
      if (pace === 'BEHIND') return COLORS.behind;
      return COLORS.noTarget;
    };
    // The bar says the completion; its colour the pace; the tooltip the rank too.
    const labelOf = (u) => (u.has_target ? percent(Number(u.overall_completion || 0)) : t('pace_NO_TARGET'));
    const tipOf = (u) => {
      if (!u.has_target) return `${u.unit_display_name || u.unit}\n${t('pace_NO_TARGET')}`;
      const rank = t('rank').replace('{n}', u.rank);
      return `${u.unit_display_name || u.unit}\n${labelOf(u)} · ${rank} · ${t(`pace_${short(u.pace, 'PACE_')}`)}`;
    };
    // A readable row for every unit: with many units the chart grows downwards
    // (the page scrolls down, never sideways).
    const box = document.getElementById('chart-scoreboard');
    const base = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--chart-height')) || 230;
    box.style.height = `${Math.max(base, units.length * (state.fontSize + 10) + state.fontSize * 3)}px`;
    chart('chart-scoreboard').resize();
    const data = units.map((u) => ({
      value: Number(((u.overall_completion || 0) * 100).toFixed(1)),
      itemStyle: {
        color: colorOf(u),
        borderColor: state.unit && u.unit === state.unit ? '#ffffff' : 'transparent',
        borderWidth: state.unit && u.unit === state.unit ? 2 : 0,
      },
      label: Object.assign(text(), { show: true, position: 'right', formatter: labelOf(u) }),
    }));
    const max = Math.max(100, ...data.map((d) => d.value));
    return draw('chart-scoreboard', {
      tooltip: {
        trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' },
        formatter: (params) => tipOf(units[params[0].dataIndex]),
      },
      // Room on the right for the bar labels, and above for the pace line's.
      grid: { left: 8, right: state.fontSize * 4, top: state.fontSize * 2, bottom: 4 },
      xAxis: Object.assign({ type: 'value', max }, axisStyle(),
        { axisLabel: text({ formatter: '{value}%', hideOverlap: true }) }),
      yAxis: Object.assign({ type: 'category', data: units.map((u) => u.unit_display_name || u.unit) }, axisStyle(),
        { axisLabel: text({ interval: 0 }) }),
      series: [{
        name: t('completion'),
        type: 'bar',
        barMaxWidth: 18,
        data,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: COLORS.pace, type: 'dashed', width: 2 },
          label: text({ color: COLORS.pace, formatter: `${t('pace')} ${percent(elapsed, 0)}` }),
          data: [{ xAxis: Number((elapsed * 100).toFixed(1)) }],
        },
      }],
    });
  }

  function renderTrend() {
    const trend = state.data.trend;
    const list = document.getElementById('trend-totals');
    list.replaceChildren();
    if (!trend) return draw('chart-trend', emptyOption(errorText('trend')));
    const months = trend.months || [];
    const sum = (field) => months.reduce((acc, m) => acc + BigInt(m[field] || 0), 0n).toString();
    const totals = [
      ['trendTotalSigned', 'trend-total-signed', String(count(sum('signed_projects'))), t('projects')],
      ['trendTotalSignedYi', 'trend-total-signed-yi', yi(sum('signed_investment_cny')), t('yi')],
      ['trendTotalStarts', 'trend-total-starts', String(count(sum('construction_starts'))), t('projects')],
      ['trendTotalCapital', 'trend-total-capital-yi', yi(sum('capital_arrived_cny')), t('yi')],
    ];
    for (const [label, testId, value, unit] of totals) {
      list.appendChild(element('li', {}, [
        element('span', { class: 'figure-label', text: t(label) }),
        element('strong', { 'data-testid': testId, text: value }),
        element('span', { class: 'figure-unit', text: unit }),
      ]));
    }
    const monthLabel = (m) => t('months')[Number(String(m.month).slice(5, 7)) - 1] || m.month;
    return draw('chart-trend', {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, textStyle: text() },
      grid: { left: 8, right: 8, top: legendSpace(), bottom: 4 },
      xAxis: Object.assign({ type: 'category', data: months.map(monthLabel) }, axisStyle()),
      yAxis: [
        Object.assign({ type: 'value', name: t('projects'), minInterval: 1 }, axisStyle(),
          { nameTextStyle: text({ color: COLORS.muted }) }),
        Object.assign({ type: 'value', name: t('yi'), nameTextStyle: text({ color: COLORS.muted }) }, axisStyle(),
          { splitLine: { show: false } }),
      ],
      series: [
        { name: t('signedCount'), type: 'bar', barMaxWidth: 14, data: months.map((m) => count(m.signed_projects)) },
        { name: t('starts'), type: 'bar', barMaxWidth: 14, data: months.map((m) => count(m.construction_starts)) },
        { name: t('signedYi'), type: 'line', yAxisIndex: 1,
          data: months.map((m) => yiNumber(m.signed_investment_cny)) },
        { name: t('capitalYi'), type: 'line', yAxisIndex: 1,
          data: months.map((m) => yiNumber(m.capital_arrived_cny)) },
      ],
    });
  }

  function renderPool() {
    const pool = state.data.pool;
    const candidates = document.getElementById('pool-candidates');
    candidates.replaceChildren();
    const sr = (pool && pool.service_requests) || {};
    setText('pool-enterprise-count', pool ? String(count(pool.enterprise_count)) : '—');
    setText('sr-open', pool ? String(count(sr.open_count)) : '—');
    setText('sr-overdue', pool ? String(count(sr.overdue_count)) : '—');
    setText('sr-closed', pool ? String(count(sr.closed_count)) : '—');
    const optional = (v, digits) => (v === undefined || v === null ? '—' : Number(v).toFixed(digits));
    setText('sr-avg-days', pool ? optional(sr.average_days_to_close, 1) : '—');
    setText('sr-satisfaction', pool ? optional(sr.average_satisfaction, 2) : '—');
    if (!pool) return draw('chart-pool', emptyOption(errorText('pool')));
    for (const c of pool.candidates || []) {
      const title = short(c.title, 'CERTIFICATION_TITLE_');
      candidates.appendChild(element('li', {}, [
        element('span', { text: t(`title_${title}`) }),
        element('strong', { 'data-testid': `candidates-${title}`, text: String(count(c.enterprise_count)) }),
      ]));
    }
    if (!(pool.candidates || []).length) candidates.appendChild(element('li', { class: 'muted', text: t('noData') }));
    const titles = [];
    const counts = {};
    for (const row of pool.titles || []) {
      const title = short(row.title, 'CERTIFICATION_TITLE_');
      const level = short(row.level, 'CERTIFICATION_LEVEL_');
      if (!titles.includes(title)) titles.push(title);
      counts[`${title}/${level}`] = count(row.enterprise_count);
    }
    if (!titles.length) return draw('chart-pool', emptyOption(t('noData')));
    titles.reverse(); // first listed on top
    return draw('chart-pool', {
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: text(), data: LEVELS.map((l) => t(`level_${l}`)) },
      grid: { left: 8, right: 12, top: legendSpace(), bottom: 4 },
      xAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle()),
      yAxis: Object.assign({ type: 'category', data: titles.map((title) => t(`title_${title}`)) }, axisStyle()),
      series: LEVELS.map((level) => ({
        name: t(`level_${level}`),
        type: 'bar',
        stack: 'level',
        barMaxWidth: 16,
        data: titles.map((title) => counts[`${title}/${level}`] || 0),
      })),
    });
  }

  function renderAlerts() {
    const rows = document.getElementById('alert-rows');
    rows.replaceChildren();
    const alerts = (state.data.alerts && state.data.alerts.alerts) || [];
    for (const a of alerts) {
      const color = short(a.color, 'ESCALATION_COLOR_');
      const kind = short(a.kind, 'ALERT_KIND_');
      const stall = short(a.stall, 'STALL_KIND_');
      const kindText = kind === 'STALLED_PROJECT' && t(`stall_${stall}`)
        ? `${t(`kind_${kind}`)} · ${t(`stall_${stall}`)}` : t(`kind_${kind}`);
      rows.appendChild(element('tr', { 'data-testid': 'alert-row' }, [
        element('td', {}, [
          element('span', { class: `badge badge-${color.toLowerCase()}`, text: t(`color_${color}`) }),
        ]),
        element('td', { text: kindText }),
        element('td', { text: a.title || a.subject || '' }),
        element('td', { text: a.parent_display_name || a.parent || '' }),
        element('td', { text: unitName(a.unit) }),
        element('td', { text: a.owner ? a.owner.replace(/^users\//, '') : '—' }),
        element('td', { class: 'num', text: String(a.days_overdue || 0) }),
      ]));
    }
    if (!alerts.length) {
      const message = state.errors.alerts ? errorText('alerts') : t('noAlerts');
      rows.appendChild(element('tr', {}, [element('td', { colspan: '7', class: 'muted', text: message })]));
    }
    document.getElementById('alert-count').textContent = t('alertCount')(alerts.length, !!state.alertsNextToken);
    document.getElementById('alerts-more').hidden = !state.alertsNextToken;
  }

  function renderSelectors() {
    const yearSelect = document.getElementById('year');
    const year = Number(state.year) || new Date().getFullYear();
    const newest = Math.max(year, new Date().getFullYear());
    yearSelect.replaceChildren();
    for (let y = newest; y >= newest - YEARS_BACK; y -= 1) {
      const option = element('option', { value: String(y), text: String(y) });
      if (y === year) option.selected = true;
      yearSelect.appendChild(option);
    }
    const unitSelect = document.getElementById('unit');
    const units = (state.data.scoreboard && state.data.scoreboard.units) || [];
    // Keep the "all units" option (its label follows the language).
    while (unitSelect.options.length > 1) unitSelect.remove(1);
    for (const u of units.slice().sort((a, b) => (a.unit < b.unit ? -1 : 1))) {
      const option = element('option', { value: u.unit, text: u.unit_display_name || u.unit });
      if (u.unit === state.unit) option.selected = true;
      unitSelect.appendChild(option);
    }
    unitSelect.value = state.unit;
  }

  function renderErrors() {
    const banner = document.getElementById('error');
    const messages = Object.entries(state.errors).map(([name, e]) => `${name}: ${e.message}`);
    banner.textContent = messages.length ? `${t('loadFailed')} — ${messages.join('; ')}` : '';
    banner.hidden = messages.length === 0;
  }

  // Everything from the last answers; resolves when every chart is drawn.
  function renderAll() {
    applyStaticText();
    renderSelectors();
    renderKpis();
    renderAlerts();
    renderErrors();
    return Promise.all([renderFunnel(), renderTiers(), renderScoreboard(), renderTrend(), renderPool()]);
  }

  function rerender() {
    return track(renderAll);
  }

  // After a window resize: the charts fit their new boxes, and are drawn
  // again when the type size changes (crossing the 大屏 width).
  function resize() {
    return track(() => {
      const size = chartFontSize();
      if (size !== state.fontSize) {
        state.fontSize = size;
        for (const instance of Object.values(state.charts)) instance.resize();
        return renderAll();
      }
      const charts = Object.values(state.charts);
      return Promise.all(charts.map((instance) => whenFinished(instance, () => instance.resize())));
    });
  }

  // --- wiring --------------------------------------------------------------

  function refreshSeconds() {
    const value = new URLSearchParams(window.location.search).get('refresh');
    if (value === null || value === '' || !/^\d+$/.test(value)) return DEFAULT_REFRESH_SECONDS;
    return Number(value); // 0: no auto-refresh
  }

  function start() {
    document.getElementById('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      try {
        localStorage.setItem(LANG_KEY, state.lang);
      } catch (e) {
        // Private mode may refuse storage: the toggle still works for this page.
      }
      rerender();
    });
    document.getElementById('year').addEventListener('change', (event) => {
      state.year = event.target.value;
      load();
    });
    document.getElementById('unit').addEventListener('change', (event) => {
      state.unit = event.target.value;
      load();
    });
    document.getElementById('alert-kind').addEventListener('change', (event) => {
      state.alertKind = event.target.value;
      load();
    });
    document.getElementById('alerts-more').addEventListener('click', loadMoreAlerts);
    // At most one resize per animation frame, however many events arrive.
    let resizeQueued = false;
    window.addEventListener('resize', () => {
      if (resizeQueued) return;
      resizeQueued = true;
      window.requestAnimationFrame(() => {
        resizeQueued = false;
        resize();
      });
    });
    applyStaticText();
    load();
    const seconds = refreshSeconds();
    if (seconds > 0) window.setInterval(load, seconds * 1000);
  }

  start();
})();
