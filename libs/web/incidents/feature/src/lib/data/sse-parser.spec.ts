import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('reads named events, skips comments and joins data lines', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nevent: incident\ndata: {"a":1}\n\n')).toEqual([
      { event: 'incident', data: '{"a":1}' },
    ]);
    expect(parser.push('data: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('puts events split across chunks (and CRLF split between them) back together', () => {
    const parser = new SseParser();
    expect(parser.push('event: inci')).toEqual([]);
    expect(parser.push('dent\r')).toEqual([]);
    expect(parser.push('\ndata: {"id":"x"}\r\n')).toEqual([]);
    expect(parser.push('\r\n')).toEqual([{ event: 'incident', data: '{"id":"x"}' }]);
  });

  it('dispatches nothing for an event without data', () => {
    expect(new SseParser().push('event: incident\n\n')).toEqual([]);
  });
});
