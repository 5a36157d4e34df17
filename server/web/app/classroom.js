// The class dashboard: the server draws the grid; this adds the learner filter, local dates, one score histogram per
// exercise (ECharts, from the grid's own cells) and the Regrade buttons with their progress.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { cssColor } from './dom.js';
import { onThemeChange } from './theme.js';
import { requireJson } from './http.js';
import { localizeTimes } from './local-time.js';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const BINS = ['0–19', '20–39', '40–59', '60–79', '80–99', '100'];
const POLL_MS = 700;

function installFilter(section) {
  const input = section.querySelector('input.learner-filter');
  if (!input) return;
  const rows = [...section.querySelectorAll('table.grade-grid tbody tr')];
  const count = section.querySelector('.filter-count');
  input.addEventListener('input', () => {
    const wanted = input.value.trim().toLocaleLowerCase();
    let shown = 0;
    for (const row of rows) {
      row.hidden = wanted !== '' && !row.dataset.learner.toLocaleLowerCase().includes(wanted);
      if (!row.hidden) shown++;
    }
    count.textContent = wanted ? `${shown} / ${rows.length} ${section.dataset.shown}` : '';
  });
}

/** How many learners' scores fall in each fifth of full marks (full marks apart); ungraded cells are left out. */
export function histogram(scores, max) {
  const counts = BINS.map(() => 0);
  for (const score of scores) {
    const share = max > 0 ? score / max : 0;
    counts[share >= 1 ? 5 : Math.min(4, Math.floor(share * 5))]++;
  }
  return counts;
}

function scoresOf(section, exerciseId) {
  return [...section.querySelectorAll(`td.cell[data-exercise="${CSS.escape(exerciseId)}"]`)]
    .filter((cell) => cell.dataset.score !== '').map((cell) => Number(cell.dataset.score));
}

function drawHistograms(section) {
  const charts = [];
  for (const card of section.querySelectorAll('article.exercise-card')) {
    const counts = histogram(scoresOf(section, card.dataset.exercise), Number(card.dataset.max));
    const box = card.querySelector('.histogram');
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    charts.push({ chart, counts });
    new ResizeObserver(() => chart.resize()).observe(box);
  }
  const draw = () => {
    const colors = { ink: cssColor(section, '--muted'), line: cssColor(section, '--line'),
      bar: cssColor(section, '--accent'), full: cssColor(section, '--good') };
    for (const { chart, counts } of charts) chart.setOption(option(section, counts, colors));
  };
  draw();
  onThemeChange(draw);
  return charts;
}

function option(section, counts, colors) {
  return {
    animation: false,
    grid: { left: 34, right: 8, top: 18, bottom: 38 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: BINS.map((bin) => `${bin}%`), name: section.dataset.scoreAxis,
      nameLocation: 'middle', nameGap: 24, axisLabel: { color: colors.ink, fontSize: 10, interval: 0 },
      nameTextStyle: { color: colors.ink }, axisLine: { lineStyle: { color: colors.line } } },
    yAxis: { type: 'value', minInterval: 1, name: section.dataset.learnersAxis,
      nameTextStyle: { color: colors.ink, align: 'left' }, axisLabel: { color: colors.ink },
      splitLine: { lineStyle: { color: colors.line } } },
    series: [{ type: 'bar', data: counts.map((value, i) => ({ value,
      itemStyle: { color: i === BINS.length - 1 ? colors.full : colors.bar } })) }],
  };
}

/** Regrade: starts it, shows done/total until finished, then reloads the grid with the new grades. */
async function regrade(card, section) {
  const button = card.querySelector('button.regrade');
  const progress = card.querySelector('.regrade-progress');
  button.disabled = true;
  try {
    let state = await requireJson(`/api/exercises/${encodeURIComponent(card.dataset.exercise)}/regrade`,
      { method: 'POST', body: {} });
    while (!state.finished) {
      progress.textContent = `${section.dataset.regrading} ${state.done}/${state.total}`;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      state = await requireJson(`/api/regrades/${encodeURIComponent(state.id)}`);
    }
    progress.textContent = `${section.dataset.regraded} ${state.done}/${state.total}`;
    setTimeout(() => location.reload(), 800);
  } catch (e) {
    progress.textContent = e.message;
    button.disabled = false;
  }
}

const section = document.querySelector('section.class-dashboard');
if (section) {
  localizeTimes(section);
  installFilter(section);
  const charts = drawHistograms(section);
  for (const card of section.querySelectorAll('article.exercise-card')) {
    card.querySelector('button.regrade').addEventListener('click', () => regrade(card, section));
  }
  // For browser tests and the curious.
  window.threadlabClassroom = { histograms: charts.map(({ counts }) => counts) };
}
