import { Button, Group } from '@mantine/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from './chartOptions';

// Only the chart types and components the dashboards draw: this module is loaded lazily.
echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkPointComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

/** One chart, drawn on a canvas, with its PNG download. The text alternative is the table next to it. */
export default function Chart({ option, label, fileName, height = 320 }: { option: ChartOption; label: string; fileName: string; height?: number }) {
  const { t } = useTranslation();
  const ref = useRef<ReactEChartsCore>(null);
  const downloadPng = () => {
    const instance = ref.current?.getEchartsInstance();
    if (!instance) return;
    const link = document.createElement('a');
    link.href = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    link.download = `${fileName}.png`;
    link.click();
  };
  return (
    <div>
      <div role="img" aria-label={t('analytics.chart.alt', { title: label })}>
        <ReactEChartsCore ref={ref} echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
      </div>
      <Group justify="flex-end" mt={4}>
        <Button size="xs" variant="subtle" onClick={downloadPng}>
          {t('analytics.downloadPng')}
        </Button>
      </Group>
    </div>
  );
}
