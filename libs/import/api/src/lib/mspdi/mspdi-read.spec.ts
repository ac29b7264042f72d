import { readMspdi } from './mspdi-read';

const task = (uid: number, type: number) => `
  <Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><Manual>0</Manual>
    <Start>2026-12-0${uid}T08:00:00</Start><Finish>2026-12-0${uid}T17:00:00</Finish><Duration>PT8H0M0S</Duration>
    <ConstraintType>${type}</ConstraintType><CalendarUID>-1</CalendarUID>
    ${type === 0 || type === 1 ? '' : `<ConstraintDate>2026-12-0${uid}T${type === 3 || type > 5 ? '17' : '08'}:00:00</ConstraintDate>`}
  </Task>`;

/** One task per MSPDI constraint type: 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT. */
const XML = `<Project xmlns="http://schemas.microsoft.com/project"><Tasks>${[0, 1, 2, 3, 4, 5, 6, 7]
  .map((type) => task(type + 1, type))
  .join('')}</Tasks></Project>`;

describe('MSPDI constraints', () => {
  it('holds MSO, SNET and FNLT, turns MFO into must-start-on at its start, and reports ALAP, SNLT and FNET', () => {
    const file = readMspdi(XML);
    expect(file.tasks.map((row) => [row.code, row.constraint ?? null])).toEqual([
      ['1', null],
      ['2', null],
      ['3', { type: 'must_start_on', at: '2026-12-03T08:00:00' }],
      ['4', { type: 'must_start_on', at: '2026-12-04T08:00:00' }],
      ['5', { type: 'start_no_earlier_than', at: '2026-12-05T08:00:00' }],
      ['6', null],
      ['7', null],
      ['8', { type: 'finish_no_later_than', at: '2026-12-08T17:00:00' }],
    ]);
    expect(file.notes.map((note) => [note.code, note.key, note.params['type']])).toEqual([
      ['2', 'mspdi_constraint_dropped', 'ALAP'],
      ['4', 'mspdi_constraint_converted', 'MFO'],
      ['6', 'mspdi_constraint_dropped', 'SNLT'],
      ['7', 'mspdi_constraint_dropped', 'FNET'],
    ]);
  });
});
