/**
 * Charts as SVG on the server with ECharts (`ssr: true`, no DOM). The output is made fit for a
 * strict Content-Security-Policy (no `<style>` element, no style attributes: they become
 * presentation attributes) and for assistive technology (`role="img"`, `aria-label`); the
 * numbers are in the data table beside every chart.
 */
import * as echarts from 'echarts';
import { escapeHtml } from '../web/html.ts';
import type { Chart } from './model.ts';

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11). */
export const PALETTE = ['#004993', '#b35b00', '#2a7a2a', '#8a2b8a', '#a8001c', '#4d4d4d'];

/** Room per category label; long labels wrap, and many categories are turned on their side. */
function categoryAxis(c: Chart, plotWidth: number) {
  const hidden = c.hidden ?? [];
  const partly = c.partlyHidden ?? [];
  const labels = c.categories.map((l, i) => (hidden[i] ? `${l}\n(skjult)` : partly[i] ? `${l}\n(delvis skjult)` : l));
  const many = labels.length > 12;
  const slot = Math.max(40, Math.floor(plotWidth / Math.max(1, labels.length)) - 8);
  // About 7 px a character at 12 px: a word longer than its slot ("Frederikshavn") is never
  // broken inside; the labels are turned instead, so every name stays whole.
  const longestWord = Math.max(1, ...c.categories.flatMap((l) => l.split(/\s+/).map((w) => w.length)));
  const longest = Math.max(1, ...c.categories.map((l) => l.length));
  const turned = !many && longestWord * 7 > slot;
  const anyHidden = hidden.some(Boolean);
  const marked = anyHidden || partly.some(Boolean);
  // A turned label ends at its tick, right under the axis, where a hidden category's «skjult»
  // diamond sits (half of it below the axis): turned labels start further down when there are any.
  const margin = (many || turned) && anyHidden ? 16 : 8;
  return {
    labels,
    rotate: many ? 90 : turned ? 30 : 0,
    width: many || turned ? undefined : slot,
    margin,
    marked,
    bottom: many ? 64 + margin : turned ? 16 + margin + Math.ceil(longest * 7 * 0.5) + (marked ? 14 : 0)
      : 16 + 14 * Math.min(4, Math.max(...labels.map((l) => Math.ceil(l.length / 14)), 1) + (marked ? 1 : 0)),
  };
}

export function chartOption(c: Chart, plotWidth = 640): echarts.EChartsOption {
  const axis = categoryAxis(c, plotWidth);
  const hidden = c.hidden ?? [];
  // A suppressed category gets a marker on the axis and its own legend entry, so it is not read as 0.
  const gapSeries = hidden.some(Boolean)
    ? [{ name: 'Skjult: for få til at vise', type: 'scatter', symbol: 'diamond', symbolSize: 12, itemStyle: { color: '#ffffff', borderColor: '#1a1a1a', borderWidth: 2 },
        data: hidden.map((h) => (h ? 0 : null)), label: { show: true, position: 'top', formatter: 'skjult', color: '#1a1a1a' } }]
    : [];
  const undrawn = new Set(axis.marked ? c.series.filter((s) => s.data.every((v) => v === null || v === undefined)).map((s) => s.name) : []);
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'sans-serif', color: '#1a1a1a' },
    // A series none of whose bars can be drawn is named «(skjult)» in the legend, not as if its bars were there.
    legend: { top: 0, textStyle: { color: '#1a1a1a' }, formatter: (name: string) => (undrawn.has(name) ? `${name} (skjult)` : name) },
    grid: { left: 56, right: 16, top: 48, bottom: axis.bottom, containLabel: false },
    // Every category keeps its label (interval 0): wrapped when there is room, turned when there are many.
    xAxis: { type: 'category', data: axis.labels, axisLabel: { color: '#1a1a1a', interval: 0, rotate: axis.rotate, margin: axis.margin, width: axis.width, overflow: 'break' } },
    yAxis: { type: 'value', name: c.yName, axisLabel: { color: '#1a1a1a', formatter: c.percent ? '{value} %' : '{value}' }, nameTextStyle: { color: '#1a1a1a' } },
    series: c.series.map((s) => ({
      name: s.name, type: s.type, data: s.data, stack: s.stack, showSymbol: false, connectNulls: false,
      lineStyle: s.dashed ? { type: 'dashed', width: 2 } : { width: 2 },
    })).concat(gapSeries as never[]) as echarts.SeriesOption[],
  };
}

const STYLE_PROPS = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity', 'white-space']);

/** Style attributes → presentation attributes; drop `<style>` and ECharts' own metadata attributes. */
export function cspSafeSvg(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_m, css: string) => css.split(';').map((d) => d.trim()).filter(Boolean)
      .map((d) => { const i = d.indexOf(':'); return [d.slice(0, i).trim(), d.slice(i + 1).trim()]; })
      .filter(([k]) => STYLE_PROPS.has(k)).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join(''))
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '');
}

export function renderChartSvg(c: Chart, size = { width: 720, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(c));
    const svg = cspSafeSvg(chart.renderToSVGString());
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(`${c.title}. ${c.description}`)}" focusable="false" `);
  } finally {
    chart.dispose();
  }
}
