import { ComponentFixture, TestBed } from '@angular/core/testing';
import { generateGanttData } from '../testing/gantt-demo-data';
import { GanttChartComponent } from './gantt-chart.component';

describe('GanttChartComponent', () => {
  let fixture: ComponentFixture<GanttChartComponent>;

  async function render(data = generateGanttData({ tasks: 10_000, links: 15_000 })) {
    fixture = TestBed.createComponent(GanttChartComponent);
    fixture.componentRef.setInput('rows', data.rows);
    fixture.componentRef.setInput('bars', data.bars);
    fixture.componentRef.setInput('links', data.links);
    fixture.componentRef.setInput('shading', data.shading);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('renders only a bounded number of bars for 10k tasks', async () => {
    const el = await render();
    const count = el.querySelectorAll('[data-task-id]').length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(200);
  });
});
