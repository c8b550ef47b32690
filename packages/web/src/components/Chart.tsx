/** An ECharts chart: loads echarts lazily, sets the option on change, resizes with its box. */
import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from '../lib/echarts';

type EchartsModule = typeof import('../lib/echarts');
let echartsPromise: Promise<EchartsModule> | null = null;
function loadEcharts(): Promise<EchartsModule> {
  echartsPromise ??= import('../lib/echarts');
  return echartsPromise;
}

export interface ChartProps {
  option: ChartOption;
  className?: string;
  testId?: string;
  /** 'svg' renders SVG (sharper print, testable text); default canvas. */
  renderer?: 'canvas' | 'svg';
  onClick?: (params: { name?: string; data?: unknown; seriesName?: string; value?: unknown }) => void;
}

export function Chart({ option, className, testId, renderer = 'canvas', onClick }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<EchartsModule['echarts']['init']> | null>(null);
  const [ready, setReady] = useState(false);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadEcharts().then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer });
      chartRef.current = chart;
      chart.on('click', (p) => clickRef.current?.(p as never));
      observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    // Short animations: a redraw after a slider move should settle at once (and screenshots too).
    if (ready && chartRef.current) chartRef.current.setOption({ animationDuration: 250, animationDurationUpdate: 200, ...option }, { notMerge: true });
  }, [option, ready]);

  return <div ref={ref} className={`chart ${className ?? ''}`} data-testid={testId} data-ready={ready ? 'true' : 'false'} />;
}
