import { formatPredecessors, parsePredecessors, PredecessorLink } from './predecessors';

const DAY = 480;

describe('parsePredecessors', () => {
  it('reads MS Project notation', () => {
    expect(parsePredecessors('12FS+2d; 15SS, 7FF-4h; 9', DAY)).toEqual({
      ok: true,
      links: [
        { code: 12, type: 'FS', lagMinutes: 960 },
        { code: 15, type: 'SS', lagMinutes: 0 },
        { code: 7, type: 'FF', lagMinutes: -240 },
        { code: 9, type: 'FS', lagMinutes: 0 },
      ],
    });
  });

  it('accepts lower case, spaces, Chinese separators and units, full-width characters', () => {
    expect(parsePredecessors(' 3 ss + 半天 ；4sf-1小时，5、６ＦＳ＋１天 ', DAY)).toEqual({
      ok: true,
      links: [
        { code: 3, type: 'SS', lagMinutes: 240 },
        { code: 4, type: 'SF', lagMinutes: -60 },
        { code: 5, type: 'FS', lagMinutes: 0 },
        { code: 6, type: 'FS', lagMinutes: 480 },
      ],
    });
  });

  it('reads a plain lag as days and a lag without a type as FS', () => {
    expect(parsePredecessors('12+2', DAY)).toEqual({ ok: true, links: [{ code: 12, type: 'FS', lagMinutes: 960 }] });
  });

  it('reads an empty text (and empty pieces) as no predecessors', () => {
    expect(parsePredecessors('', DAY)).toEqual({ ok: true, links: [] });
    expect(parsePredecessors(' ; ,；', DAY)).toEqual({ ok: true, links: [] });
  });

  it('names every offending piece with its reason', () => {
    expect(parsePredecessors('12FS+2d; 15XX; abc; 7FF-4q; 12SS; 0; 8FS2d; 9+99999d', DAY)).toEqual({
      ok: false,
      errors: [
        { piece: '15XX', index: 1, kind: 'type' },
        { piece: 'abc', index: 2, kind: 'code' },
        { piece: '7FF-4q', index: 3, kind: 'lag' },
        { piece: '12SS', index: 4, kind: 'duplicate' },
        { piece: '0', index: 5, kind: 'code' },
        { piece: '8FS2d', index: 6, kind: 'lag' },
        { piece: '9+99999d', index: 7, kind: 'lag.tooLong' },
      ],
    });
  });
});

describe('formatPredecessors', () => {
  const links: PredecessorLink[] = [
    { code: 15, type: 'SS', lagMinutes: 0 },
    { code: 12, type: 'FS', lagMinutes: 960 },
    { code: 9, type: 'FS', lagMinutes: 0 },
    { code: 7, type: 'FF', lagMinutes: -240 },
    { code: 20, type: 'SF', lagMinutes: DAY + 90 },
  ];

  it('writes the notation, sorted by code, FS without lag as the bare code', () => {
    expect(formatPredecessors(links, DAY)).toBe('7FF-4h; 9; 12FS+2d; 15SS; 20SF+1d1h30m');
    expect(formatPredecessors([], DAY)).toBe('');
  });

  it('reads back what it writes', () => {
    const parsed = parsePredecessors(formatPredecessors(links, DAY), DAY);
    expect(parsed).toEqual({ ok: true, links: [...links].sort((a, b) => a.code - b.code) });
  });
});
