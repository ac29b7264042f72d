import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
} from '@angular/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { ECharts, EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the PPC charts draw: keeps the lazily loaded chunk small.
use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts chart (canvas) sized by its host, redrawn when the option changes. */
@Component({
  selector: 'ws-echart',
  template: '',
  host: { role: 'img', '[attr.aria-label]': 'label()', '[style.height.px]': 'height()' },
  styles: `
    :host {
      display: block;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EchartComponent {
  readonly option = input.required<EChartsCoreOption>();
  readonly label = input('');
  /** Pixels; bar charts with many rows ask for more. */
  readonly height = input(280);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private chart: ECharts | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.chart = init(this.host, null, { renderer: 'canvas' });
      this.chart.setOption(this.option(), true);
      const resize = new ResizeObserver(() => this.chart?.resize());
      resize.observe(this.host);
      destroyRef.onDestroy(() => {
        resize.disconnect();
        this.chart?.dispose();
        this.chart = null;
      });
    });
    effect(() => {
      const option = this.option();
      this.chart?.setOption(option, true);
    });
  }
}
