import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { optionText, type ChartAction, type ChartHit, type ChartModel } from './chart-kit';
import { echarts } from './echarts-setup';

/** Characters of formatted figures, which the option's own strings may not contain. */
const FIGURE_TEXT = '0123456789.,%+-—()（）·万亿元KM';

/**
 * Loads the subsets of the bundled Noto Sans SC that the chart's texts need before echarts
 * measures them: the font is split by unicode ranges and a subset loads only when a page uses
 * it, so a chart drawn first would measure (and on canvas draw) its Chinese in a fallback font.
 */
export async function loadChartFonts(option: EChartsCoreOption): Promise<void> {
  const text = optionText(option) + FIGURE_TEXT;
  try {
    await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 12px "Noto Sans SC"`, text)));
  } catch {
    // A font that cannot load leaves the fallback; the chart is still drawn.
  }
}

/**
 * One echarts chart in the page, drawn as SVG. A click on a part of it is turned into the
 * model's action (list customers, drill down). `fixedWidth` draws at a fixed size without
 * animation, for the printed report; otherwise the chart follows its box's width.
 * `data-rendered` tells when the drawing is done (the print waits for it, so do the tests).
 */
export function EChart({
  model,
  height,
  chartId,
  label,
  onAction,
  fixedWidth,
}: {
  model: ChartModel;
  height: number;
  chartId: string;
  /** What the chart shows, for screen readers (its title). */
  label: string;
  onAction?: (action: ChartAction) => void;
  fixedWidth?: number;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onAction });
  useEffect(() => {
    handlers.current = { onAction };
  });

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    el.dataset.rendered = 'false';
    const chart = echarts.init(el, null, {
      renderer: 'svg',
      ...(fixedWidth ? { width: fixedWidth, height } : {}),
    });
    chart.on('click', (params) => {
      const action = model.actionAt(params as unknown as ChartHit);
      if (action) handlers.current.onAction?.(action);
    });
    const observer = fixedWidth ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    // Drawn means drawn to the end: after the animation, if any (the print and screenshots wait for it).
    let live = true;
    let optionSet = false;
    chart.on('finished', () => {
      if (optionSet) el.dataset.rendered = 'true';
    });
    void loadChartFonts(model.option).then(() => {
      if (!live) return;
      // No animation on paper, nor for users who asked their system for less motion.
      const still = fixedWidth !== undefined || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      optionSet = true;
      chart.setOption(still ? { ...model.option, animation: false } : model.option, { notMerge: true });
    });
    return () => {
      live = false;
      observer?.disconnect();
      chart.dispose();
    };
  }, [model, height, fixedWidth]);

  return (
    <div
      ref={holder}
      data-chart={chartId}
      className="kd-an-chart"
      style={{ width: fixedWidth ?? '100%', height }}
      role="img"
      aria-label={label}
    />
  );
}

/**
 * The chart as a PNG for the export: drawn once more off screen on canvas at a fixed size,
 * white background, pixel ratio 2, so the file looks the same whatever the window's size.
 * Returns the base64 of the PNG (without the `data:` prefix).
 */
export async function chartPng(model: ChartModel, width = 1200, height = 640): Promise<string> {
  await loadChartFonts(model.option);
  const el = document.createElement('div');
  el.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px;`;
  document.body.appendChild(el);
  const chart = echarts.init(el, null, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...model.option, animation: false }, { notMerge: true });
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    return url.slice(url.indexOf(',') + 1);
  } finally {
    chart.dispose();
    el.remove();
  }
}
