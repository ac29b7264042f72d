import { Slots } from './slots';

describe('Slots', () => {
  it('lets `size` holders in at once and the next one in when one leaves, in arrival order', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    expect(slots.held).toBe(2);
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const d = slots.acquire().then((release) => (order.push('d'), release));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    a();
    a(); // a second release of one slot frees nothing more
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(slots.held).toBe(2);
    b();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    expect(slots.held).toBe(0);
  });

  it('refuses a size below one', () => {
    expect(() => new Slots(0)).toThrow(/positive size/);
  });
});
