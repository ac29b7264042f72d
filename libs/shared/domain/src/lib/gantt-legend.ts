/**
 * The colours and markers of the Gantt, as the chart draws them and the printed Gantt repeats
 * them: one list, so the legend on screen and on paper say the same. `key` names the text
 * (web: `gantt.legend.<key>`, PDF: the report's labels).
 */
export const GANTT_LEGEND = [
  { key: 'bar', colour: '#4c6ef5', mark: 'bar' },
  { key: 'critical', colour: '#d9480f', mark: 'outline' },
  { key: 'conflict', colour: '#d92d20', mark: 'badge' },
  { key: 'manual', colour: '#1b1f24', mark: 'corner' },
  { key: 'done', colour: '#4c6ef5', mark: 'hatched' },
  { key: 'inProgress', colour: '#4c6ef5', mark: 'progress' },
  { key: 'baseline', colour: '#adb5bd', mark: 'thin' },
  { key: 'today', colour: '#e03131', mark: 'vline' },
  { key: 'nonWorking', colour: '#eef0f3', mark: 'fill' },
  { key: 'holiday', colour: '#fdecc8', mark: 'fill' },
  { key: 'blackout', colour: '#f7d4d4', mark: 'fill' },
  { key: 'link', colour: '#7a8391', mark: 'arrow' },
] as const;

export type GanttLegendKey = (typeof GANTT_LEGEND)[number]['key'];
export type GanttLegendMark = (typeof GANTT_LEGEND)[number]['mark'];
