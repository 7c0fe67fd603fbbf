import { registry } from '../../platform/metrics';
import { EventQueue } from './event-queue';

async function events(result: 'delivered' | 'dropped'): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'shagym_gateway_subscription_events_total');
  return metric?.values.find((v) => v.labels.result === result)?.value ?? 0;
}

describe('subscription event metrics', () => {
  it('counts events handed to a client as delivered, and those lost to an overflow as dropped', async () => {
    const [delivered0, dropped0] = [await events('delivered'), await events('dropped')];
    const queue = new EventQueue({ capacity: 3, overflowResult: () => ({ errors: [] }), onClose: () => undefined });
    const first = queue.next();
    queue.push({ data: { n: 0 } }); // straight to the waiting consumer
    await first;
    for (let n = 1; n <= 3; n++) queue.push({ data: { n } }); // queued for a slow consumer
    expect(await events('delivered')).toBe(delivered0 + 4);
    queue.push({ data: { n: 4 } }); // past the capacity: the 3 queued and this one are dropped
    expect(await events('dropped')).toBe(dropped0 + 4);
  });
});
