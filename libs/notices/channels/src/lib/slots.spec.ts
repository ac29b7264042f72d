import { Slots } from './slots';

describe('Slots', () => {
  it('lets `size` holders in at once and the next one in when one leaves, in arrival order', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    expect(slots.held).toBe(2);
    const c = slots.acquire().then((lease) => (order.push('c'), lease));
    const d = slots.acquire().then((lease) => (order.push('d'), lease));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    a.release();
    a.release(); // a second release of one slot frees nothing more
    const leaseC = await c;
    expect(order).toEqual(['c']);
    expect(slots.held).toBe(2);
    b.release();
    const leaseD = await d;
    expect(order).toEqual(['c', 'd']);
    leaseC.release();
    leaseD.release();
    expect(slots.held).toBe(0);
  });

  it('hands a slot with a payload to the next waiter, and keeps it when nobody waits', async () => {
    const slots = new Slots<string>(1);
    const a = await slots.acquire();
    expect(a.inherited).toBeUndefined();
    expect(a.handOver('record of a')).toBe(false); // nobody waits: a still holds the slot
    expect(slots.held).toBe(1);
    const b = slots.acquire();
    expect(a.handOver('record of a')).toBe(true);
    const leaseB = await b;
    expect(leaseB.inherited).toBe('record of a');
    expect(slots.held).toBe(1);
    a.release(); // handed over: a's lease has ended, this frees nothing
    expect(slots.held).toBe(1);
    const c = slots.acquire();
    leaseB.release();
    expect((await c).inherited).toBeUndefined();
    expect(slots.held).toBe(1);
  });

  it('refuses a size below one', () => {
    expect(() => new Slots(0)).toThrow(/positive size/);
  });
});
