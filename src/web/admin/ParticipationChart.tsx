import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatRate, type Lang } from '../i18n.js';
import type { ParticipationGroup } from '../types.js';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Horizontal bars of the response rate per group; the same figures are in the table below it. */
export default function ParticipationChart({
  groups,
  lang,
  label,
}: {
  groups: ParticipationGroup[];
  lang: Lang;
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const ordered = [...groups].reverse();
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: unknown) => formatRate(Number(value), lang),
      },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: (value: number) => formatRate(value, lang) },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((g) => g.group),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: ordered.map((g) => g.rate ?? 0),
          itemStyle: { color: '#1d4f91' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => formatRate(Number(p.value), lang),
          },
          barMaxWidth: 28,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [groups, lang]);
  const height = Math.max(120, groups.length * 36 + 40);
  return <div ref={element} className="chart" style={{ height }} role="img" aria-label={label} />;
}
