export * from './lib/look-ahead.routes';
export { TaskConstraintsComponent } from './lib/constraints/task-constraints.component';
export { ConstraintLineComponent } from './lib/constraints/constraint-line.component';
export { OpenConstraintsComponent } from './lib/constraints/open-constraints.component';
export { ClearConstraintButtonComponent } from './lib/constraints/clear-constraint-button.component';
