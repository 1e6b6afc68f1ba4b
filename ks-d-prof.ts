import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);
const option = { animation: false, title: { text: 'x' }, legend: {}, xAxis: { type: 'value', min: 0, max: 4 }, yAxis: { type: 'category', data: ['a','b','c','d','e'] },
  series: [{ name: 'P', type: 'bar', data: [1,2,3,2.5,1.5], label: { show: true } }, { name: 'S', type: 'scatter', data: [2,2,2,2,2] }] };
let ti = 0, ts = 0, tr = 0;
const N = 100;
for (let i = 0; i < N; i++) {
  let t = performance.now();
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 680, height: 300 });
  ti += performance.now() - t; t = performance.now();
  c.setOption(option);
  ts += performance.now() - t; t = performance.now();
  c.renderToSVGString();
  tr += performance.now() - t;
  c.dispose();
}
console.log('init', (ti/N).toFixed(2), 'setOption', (ts/N).toFixed(2), 'render', (tr/N).toFixed(2));
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 680, height: 300 });
let t = performance.now();
for (let i = 0; i < N; i++) { c.setOption(option, true); c.renderToSVGString(); }
console.log('reuse', ((performance.now() - t)/N).toFixed(2));
