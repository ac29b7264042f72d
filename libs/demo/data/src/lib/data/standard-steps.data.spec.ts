import { DEPARTMENTS } from './organisations.data';
import { STANDARD_STEPS } from './standard-steps.data';

describe('the standard work steps of the demo', () => {
  it('have unique names, known departments, durations in whole working hours and safety notes', () => {
    const departments = new Set(DEPARTMENTS.map((d) => d.key));
    expect(new Set(STANDARD_STEPS.map((step) => step.name)).size).toBe(STANDARD_STEPS.length);
    for (const step of STANDARD_STEPS) {
      expect({ name: step.name, known: departments.has(step.department) }).toEqual({ name: step.name, known: true });
      expect(step.minutes % 60).toBe(0);
      expect(step.minutes).toBeGreaterThan(0);
      expect(step.safetyNotes.length).toBeGreaterThan(10);
      expect(step.tools.length).toBeGreaterThan(0);
    }
  });

  it('cover the steps of the 飞线入地 chain and of the other utilities', () => {
    expect(STANDARD_STEPS.map((step) => step.name)).toEqual(
      expect.arrayContaining([
        '动力电缆入地及表箱改接',
        '通信光缆入地（移动）',
        '通信光缆入地（电信）',
        '通信光缆入地（联通）',
        '路面破除及管沟开挖',
        '管沟回填及路面恢复',
        '拆除架空飞线',
        '供水管道更换',
        '燃气立管改造',
        '楼体外立面整治',
      ]),
    );
  });
});
