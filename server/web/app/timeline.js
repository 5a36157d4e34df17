// The live scheduling timeline under a snippet's console: one lane per thread grouped by process (or one per
// CPU), coloured by state, drawn with ECharts on a canvas while the trace streams in.
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { cssColor, element } from './dom.js';
import { onThemeChange } from './theme.js';
import { say, t } from './i18n.js';
import { TraceModel } from './trace-model.js';
import { cpuLanes, threadLanes } from './timeline-lanes.js';
import { buildItems } from './timeline-items.js';
import { describeItem } from './timeline-tooltip.js';
import { STATE_COLORS, STATE_LABELS, threadColor } from './timeline-colors.js';

echarts.use([CustomChart, DataZoomComponent, GridComponent, TooltipComponent, CanvasRenderer]);

const LANE_PX = 24;
const LABEL_PX = 190;
const COLLAPSE_OVER = 20;
const REDRAW_MS = 120;

export class TraceTimeline {
  constructor(parent) {
    this.model = new TraceModel();
    this.view = 'threads';
    this.showSystem = false;
    this.follow = true;
    this.userCollapsed = new Set();
    this.userExpanded = new Set();
    this.lanes = [];
    this.refs = [];
    this.edgeRefs = [];
    this.buildDom(parent);
    onThemeChange(() => {
      this.colors = null;
      this.render();
    });
  }

  buildDom(parent) {
    this.root = element('section', 'timeline');
    this.root.hidden = true;
    this.root.setAttribute('aria-label', t('traceTitleText'));

    const bar = element('div', 'timeline-bar');
    const title = element('strong', 'timeline-title');
    title.textContent = t('traceTitleText');
    this.summaryText = element('span', 'timeline-summary');
    const views = element('span', 'timeline-views');
    views.setAttribute('role', 'group');
    views.setAttribute('aria-label', t('lanes'));
    this.viewButtons = {};
    for (const [view, text, hint] of [['threads', t('threads'), t('threadsTitle')],
      ['cpus', t('cpus'), t('cpusTitle')]]) {
      const button = element('button', 'timeline-view');
      button.type = 'button';
      button.textContent = text;
      button.title = hint;
      button.addEventListener('click', () => this.setView(view));
      this.viewButtons[view] = button;
      views.append(button);
    }
    this.systemBox = checkbox(t('jvmThreads'), t('jvmThreadsTitle'));
    this.systemBox.input.addEventListener('change', () => {
      this.showSystem = this.systemBox.input.checked;
      this.scheduleRender();
    });
    this.followBox = checkbox(t('follow'), t('followTitle'));
    this.followBox.input.checked = true;
    this.followBox.input.addEventListener('change', () => {
      this.follow = this.followBox.input.checked;
      this.scheduleRender();
    });
    this.enlargeButton = element('button', 'timeline-enlarge');
    this.enlargeButton.type = 'button';
    this.enlargeButton.textContent = t('enlarge');
    this.enlargeButton.title = t('enlargeTitle');
    this.enlargeButton.addEventListener('click', () => this.toggleEnlarged());
    this.download = element('a', 'timeline-download');
    this.download.textContent = t('download');
    this.download.title = t('downloadTitle');
    bar.append(title, this.summaryText, views, this.systemBox.label, this.followBox.label);

    this.alert = element('div', 'timeline-alert');
    this.alert.setAttribute('role', 'alert');
    this.alert.hidden = true;
    this.chartBox = element('div', 'timeline-chart');
    this.chartBox.setAttribute('role', 'img');
    this.legend = element('div', 'timeline-legend');
    const footer = element('div', 'timeline-footer');
    footer.append(this.legend, this.enlargeButton, this.download);
    this.notes = element('ul', 'timeline-notes');
    this.root.append(bar, this.alert, this.chartBox, footer, this.notes);
    parent.append(this.root);
    this.renderLegend();
    this.markView();
  }

  /** A new traced run: clears the old trace and shows an empty timeline that fills as events arrive. */
  start(runId) {
    this.model.reset();
    this.live = true;
    this.follow = true;
    this.followBox.input.checked = true;
    this.span = null;
    this.userCollapsed.clear();
    this.userExpanded.clear();
    this.download.href = `/api/runs/${encodeURIComponent(runId)}/trace`;
    this.download.setAttribute('download', `trace-${runId}.json`);
    this.download.hidden = true;
    this.followBox.label.hidden = false;
    this.root.hidden = false;
    this.ensureChart();
    this.render();
  }

  /** The trace of a run that has ended (a kept run, a graded submission), drawn at once from its stored events. */
  showStored(runId, events) {
    this.start(runId);
    this.add(events);
    this.finish();
    // The download link offers a live run's Chrome export, which a stored trace has not; nor does a finished trace
    // grow, so there is nothing to follow.
    this.download.hidden = true;
    this.followBox.label.hidden = true;
  }

  /** A run without a trace: nothing to show. */
  hide() {
    this.live = false;
    this.root.hidden = true;
  }

  add(events) {
    this.model.add(events);
    this.scheduleRender();
  }

  finish() {
    if (this.root.hidden) return;
    this.live = false;
    this.model.end();
    this.download.hidden = this.model.eventCount === 0;
    this.render();
  }

  /** For tests and the curious: how many lanes are drawn, and what they are. */
  laneCount() {
    return this.lanes.length;
  }

  visibleLanes() {
    return this.lanes.map((lane) => ({
      kind: lane.kind, label: this.laneLabel(lane.key).trim(), pid: lane.process?.pid ?? lane.thread?.pid,
      tid: lane.thread?.tid, cpu: lane.cpu,
    }));
  }

  /** Counts of drawn items by state (thread view) or by thread name (CPU view). */
  drawnStates() {
    const counts = {};
    for (const ref of this.refs) {
      const key = ref.kind === 'cpu' || ref.kind === 'cpu-mix' ? `cpu:${ref.thread?.name}` : ref.slice?.state ?? ref.state;
      if (key) counts[key] = (counts[key] || 0) + 1;
    }
    return counts;
  }

  setView(view) {
    this.view = view;
    this.markView();
    this.renderLegend();
    this.render();
  }

  markView() {
    for (const [view, button] of Object.entries(this.viewButtons)) {
      button.setAttribute('aria-pressed', String(view === this.view));
    }
    this.systemBox.label.hidden = this.view !== 'threads';
  }

  toggleEnlarged() {
    const enlarged = this.root.classList.toggle('enlarged');
    this.enlargeButton.textContent = enlarged ? t('shrink') : t('enlarge');
    if (enlarged) {
      this.closeOnEscape = (event) => { if (event.key === 'Escape') this.toggleEnlarged(); };
      document.addEventListener('keydown', this.closeOnEscape);
    } else {
      document.removeEventListener('keydown', this.closeOnEscape);
    }
    this.render();
  }

  ensureChart() {
    if (this.chart) return;
    this.chart = echarts.init(this.chartBox, null, { renderer: 'canvas' });
    this.chart.on('datazoom', (event) => this.onZoom(event));
    this.chart.on('click', (event) => this.onClick(event));
    new ResizeObserver(() => this.chart.resize()).observe(this.chartBox);
  }

  scheduleRender() {
    if (this.pending || this.root.hidden) return;
    this.pending = true;
    const wait = Math.max(0, (this.lastRender || 0) + REDRAW_MS - performance.now());
    setTimeout(() => requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    }), wait);
  }

  render() {
    if (!this.chart || this.root.hidden) return;
    this.lastRender = performance.now();
    const model = this.model;
    this.lanes = this.view === 'cpus' ? cpuLanes(model) : threadLanes(model, {
      showSystem: this.showSystem,
      isCollapsed: (key, threadCount) => this.userCollapsed.has(key)
        || (threadCount > COLLAPSE_OVER && !this.userExpanded.has(key)),
    });
    this.laneByKey = new Map(this.lanes.map((lane) => [lane.key, lane]));
    const nowMs = Math.max(model.now / 1000, 1);
    const range = this.visibleWindow(nowMs);
    const height = this.resizeForLanes();
    const pixels = Math.max(this.chartBox.clientWidth - LABEL_PX - 24, 50);
    const built = buildItems(model, this.lanes, { from: range.from * 1000, to: range.to * 1000, pixels });
    this.refs = built.refs;
    this.edgeRefs = built.edges.length ? built.edgeRefs : [];
    this.deadlocked = new Set((model.deadlock?.threads || []).map((t) => t.tid));
    const visibleLanes = Math.max(1, Math.floor((height - 70) / LANE_PX));
    const colors = this.readColors();
    const option = {
      animation: false,
      grid: { left: LABEL_PX, right: this.lanes.length > visibleLanes ? 30 : 12, top: 6, bottom: 52 },
      xAxis: {
        type: 'value', min: 0, max: nowMs,
        axisLabel: { formatter: formatMs, hideOverlap: true, color: colors.muted },
        axisLine: { lineStyle: { color: colors.line } },
        splitLine: { lineStyle: { color: colors.grid } },
      },
      yAxis: {
        type: 'category', inverse: true, data: this.lanes.map((lane) => lane.key), triggerEvent: true,
        axisTick: { show: false },
        splitLine: { show: true, lineStyle: { color: colors.gridSoft } },
        axisLine: { lineStyle: { color: colors.line } },
        axisLabel: {
          formatter: (key) => this.laneLabel(key), align: 'left', margin: LABEL_PX - 8, width: LABEL_PX - 14,
          overflow: 'truncate', interval: 0, color: (key) => this.laneColor(key), fontSize: 12,
        },
      },
      tooltip: { trigger: 'item', confine: true, formatter: (params) => this.tooltip(params) },
      series: [
        { id: 'slices', type: 'custom', renderItem: (p, api) => this.renderSlice(p, api),
          encode: { x: [1, 2], y: 0 }, data: built.items, clip: true },
        { id: 'edges', type: 'custom', renderItem: (p, api) => this.renderEdge(p, api),
          encode: { x: 0, y: [1, 2] }, data: built.edges, clip: true, z: 3 },
      ],
      dataZoom: [
        { id: 'x-slider', type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 16, bottom: 8,
          rangeMode: ['value', 'value'], labelFormatter: formatMs, showDataShadow: false,
          textStyle: { color: colors.muted }, borderColor: colors.line },
        { id: 'x-inside', type: 'inside', xAxisIndex: 0, filterMode: 'none', rangeMode: ['value', 'value'] },
        { id: 'y-slider', type: 'slider', yAxisIndex: 0, filterMode: 'none', right: 6, width: 14, zoomLock: true,
          showDetail: false, showDataShadow: false, show: this.lanes.length > visibleLanes,
          startValue: 0, endValue: Math.max(0, visibleLanes - 1), brushSelect: false },
      ],
    };
    if (this.follow || this.userWindow == null) {
      Object.assign(option.dataZoom[0], { startValue: range.from, endValue: range.to });
      Object.assign(option.dataZoom[1], { startValue: range.from, endValue: range.to });
    }
    if (this.keepLaneScroll) {
      delete option.dataZoom[2].startValue;
      delete option.dataZoom[2].endValue;
    }
    this.keepLaneScroll = this.lanes.length > visibleLanes;
    this.chart.setOption(option, { replaceMerge: ['series'] });
    this.renderSummary(nowMs);
    this.renderAlerts();
  }

  /** The time window to draw, in ms: the newest part when following, else what the user zoomed to. */
  visibleWindow(nowMs) {
    if (this.follow || this.userWindow == null) {
      const from = this.span == null ? 0 : Math.max(0, nowMs - this.span);
      return { from, to: nowMs };
    }
    return { from: this.userWindow.from, to: Math.min(this.userWindow.to, nowMs) };
  }

  onZoom(event) {
    const zoom = event.batch ? event.batch[0] : event;
    if (zoom.dataZoomId === 'y-slider' || zoom.start == null) return;
    const nowMs = Math.max(this.model.now / 1000, 1);
    const from = (zoom.start / 100) * nowMs;
    const to = (zoom.end / 100) * nowMs;
    this.userWindow = { from, to };
    const atEnd = zoom.end >= 99.5;
    this.span = zoom.start <= 0.5 ? null : to - from;
    this.follow = atEnd && (this.live || this.span == null);
    this.followBox.input.checked = this.follow;
    this.scheduleRender();
  }

  onClick(event) {
    const key = event.componentType === 'yAxis' ? event.value
      : event.seriesId === 'slices' && this.refs[event.dataIndex]?.kind === 'group' ? this.refs[event.dataIndex].laneKey
        : null;
    const lane = key && this.laneByKey.get(key);
    if (lane && (lane.kind === 'process' || lane.kind === 'group')) this.toggleThreads(lane.toggle, lane.kind === 'group');
    // A virtual thread's label folds its process's virtual threads back into one lane.
    if (lane && lane.kind === 'thread' && lane.thread.virtual) this.toggleThreads(`v${lane.thread.pid}`, false);
  }

  /** Shows a process's platform threads in one summary lane, or one lane each. */
  toggleProcess(pid) {
    this.toggleThreads(`p${pid}`, false);
  }

  /**
   * Shows a set of threads (`p<pid>`: a process's platform threads, `v<pid>`: its virtual threads) in one summary
   * lane, or one lane each.
   */
  toggleThreads(key, collapsed) {
    const wasCollapsed = key.startsWith('p') ? this.laneByKey.get(key)?.collapsed : collapsed;
    if (wasCollapsed) {
      this.userCollapsed.delete(key);
      this.userExpanded.add(key);
    } else {
      this.userExpanded.delete(key);
      this.userCollapsed.add(key);
    }
    this.render();
  }

  resizeForLanes() {
    const enlarged = this.root.classList.contains('enlarged');
    const wanted = this.lanes.length * LANE_PX + 70;
    const limit = enlarged ? Math.max(320, Math.round(window.innerHeight * 0.8)) : 440;
    const height = Math.max(150, Math.min(wanted, limit));
    if (this.chartBox.style.height !== `${height}px`) {
      this.chartBox.style.height = `${height}px`;
      this.chart.resize();
    }
    return height;
  }

  /** The theme's colours for the canvas; a theme switch forgets them and redraws. */
  readColors() {
    if (this.colors) return this.colors;
    const read = (name) => cssColor(this.root, name);
    this.colors = {
      ink: read('--ink'), muted: read('--muted'), bad: read('--bad'), line: read('--line'), grid: read('--chart-grid'),
      gridSoft: read('--chart-grid-soft'), process: read('--chart-process'), edge: read('--chart-edge'),
    };
    return this.colors;
  }

  laneLabel(key) {
    const lane = this.laneByKey.get(key);
    if (!lane) return '';
    return lane.kind === 'thread' && this.deadlocked.has(lane.thread.tid) ? `⚠ ${lane.label.trim()}` : lane.label;
  }

  laneColor(key) {
    const lane = this.laneByKey.get(key);
    if (lane?.kind === 'thread' && this.deadlocked.has(lane.thread.tid)) return this.colors.bad;
    return lane?.kind === 'process' ? this.colors.ink : this.colors.muted;
  }

  renderSlice(params, api) {
    const ref = this.refs[params.dataIndex];
    if (!ref) return null;
    const lane = api.value(0);
    const [x0, y] = api.coord([api.value(1), lane]);
    const [x1] = api.coord([api.value(2), lane]);
    const band = api.size([0, 1])[1];
    let top = y - band * 0.35;
    let height = band * 0.7;
    if (ref.kind === 'process') {
      top = y - band * 0.12;
      height = band * 0.24;
    } else if (ref.kind === 'group') {
      top += height * ref.from;
      height *= ref.to - ref.from;
    }
    const shape = echarts.graphic.clipRectByRect(
      { x: x0, y: top, width: Math.max(x1 - x0, 1), height }, params.coordSys);
    if (!shape) return null;
    const style = { fill: this.itemColor(ref) };
    if (ref.thread && this.deadlocked.has(ref.thread.tid) && ref.slice?.state === 'blocked') {
      Object.assign(style, { stroke: this.colors.ink, lineWidth: 1.5 });
    } else if (ref.slice?.pinned) {
      // A pinned virtual thread: outlined, since its carrier cannot run anything else meanwhile.
      Object.assign(style, { stroke: this.colors.ink, lineWidth: 1, lineDash: [3, 2] });
    }
    const children = [{ type: 'rect', shape, style }];
    const text = itemText(ref);
    if (text && shape.width >= text.length * 6.5 + 6 && height >= 10) {
      children.push({
        type: 'text', silent: true,
        style: { text, x: shape.x + shape.width / 2, y, align: 'center', verticalAlign: 'middle',
          fill: '#fff', font: '11px system-ui, sans-serif' },
      });
    }
    return { type: 'group', children };
  }

  renderEdge(params, api) {
    const [x, from] = api.coord([api.value(0), api.value(1)]);
    const [, to] = api.coord([api.value(0), api.value(2)]);
    const box = params.coordSys;
    if (x < box.x || x > box.x + box.width) return null;
    const direction = Math.sign(to - from);
    const band = api.size([0, 1])[1];
    const tip = to - direction * band * 0.36;
    const color = this.colors.edge;
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: x, y1: from, x2: x, y2: tip }, style: { stroke: color, lineWidth: 1.2, lineDash: [3, 2] } },
        { type: 'polygon', shape: { points: [[x - 3.5, tip - direction * 6], [x + 3.5, tip - direction * 6], [x, tip]] }, style: { fill: color } },
      ],
    };
  }

  itemColor(ref) {
    switch (ref.kind) {
      case 'process': return this.colors.process;
      case 'cpu':
      case 'cpu-mix': return threadColor(ref.thread);
      default: return STATE_COLORS[ref.slice?.state ?? ref.state] || '#999';
    }
  }

  tooltip(params) {
    const ref = params.seriesId === 'edges' ? this.edgeRefs[params.dataIndex] : this.refs[params.dataIndex];
    return ref ? describeItem(ref, this.model) : '';
  }

  renderSummary(nowMs) {
    const model = this.model;
    if (model.eventCount === 0) {
      this.summaryText.textContent = t(this.live ? 'summaryWaiting' : 'summaryNoEvents');
      return;
    }
    const threads = [...model.threads.values()];
    const hidden = this.showSystem ? 0 : threads.filter((t) => t.system).length;
    const processes = model.processes.size;
    const parts = [
      t(processes === 1 ? 'summaryProcess' : 'summaryProcesses', { count: processes }),
      t('summaryThreads', { count: threads.length - hidden }) + (hidden ? ` (+${hidden} JVM)` : ''),
      t('summaryCpus', { count: model.cpuCount() }),
      formatMs(nowMs),
    ];
    this.summaryText.textContent = parts.join(' · ');
    this.chartBox.setAttribute('aria-label', t('summaryLabel', { parts: parts.join(', ') }));
  }

  renderAlerts() {
    const deadlock = this.model.deadlock;
    this.alert.hidden = !deadlock;
    if (deadlock) this.alert.textContent = deadlockText(deadlock);
    this.notes.replaceChildren(...this.model.notes.map((note) => {
      const item = element('li');
      item.textContent = note;
      return item;
    }));
  }

  renderLegend() {
    if (this.view === 'cpus') {
      this.legend.textContent = t('cpuLegend');
      return;
    }
    this.legend.replaceChildren(...Object.entries(STATE_LABELS).map(([state, text]) => {
      const item = element('span', 'legend-item');
      const swatch = element('span', 'legend-swatch');
      swatch.style.background = STATE_COLORS[state];
      item.append(swatch, text);
      return item;
    }), legendEdge(), legendCpu());
  }
}

function legendEdge() {
  const item = element('span', 'legend-item');
  item.textContent = t('edgeLegend');
  return item;
}

function legendCpu() {
  const item = element('span', 'legend-item');
  item.textContent = t('cpuNumberLegend');
  return item;
}

function itemText(ref) {
  if (ref.kind === 'slice' && ref.slice.state === 'running' && ref.slice.cpu != null) return String(ref.slice.cpu);
  if (ref.kind === 'cpu') return ref.thread.name || `tid ${ref.thread.tid}`;
  return null;
}

export function formatMs(ms) {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10000 ? 1 : 2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

function checkbox(text, title) {
  const label = element('label', 'timeline-check');
  label.title = title;
  const input = element('input');
  input.type = 'checkbox';
  label.append(input, ` ${text}`);
  return { label, input };
}

/** The trace's deadlock event said in the page's language: who waits for which lock, held by whom. */
function deadlockText(deadlock) {
  const waits = (deadlock.threads || []).map((w) => ({
    messageKey: w.holds?.length ? 'outcome.deadlockWaitHolding' : 'outcome.deadlockWait',
    args: { thread: w.name, lock: w.waitsFor, owner: w.owner, holds: (w.holds || []).join(', ') },
  }));
  return waits.length ? say({ message: deadlock.message, messageKey: 'outcome.deadlock', args: { waits } })
    : deadlock.message;
}
