import { TokenExpiry } from './token-expiry';

describe('TokenExpiry', () => {
  const start = Date.UTC(2030, 0, 1, 12, 0, 0);
  let expiry: TokenExpiry;

  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    expiry = new TokenExpiry();
  });
  afterEach(() => {
    expiry.dispose();
    jest.useRealTimers();
  });

  const item = (log: string[], name: string) => ({ expire: () => void log.push(name) });
  const exp = (secondsFromStart: number) => start / 1000 + secondsFromStart;

  it('ends each subscription when its token expires, in order, with one timer', () => {
    const log: string[] = [];
    expiry.add(exp(20), item(log, 'late'));
    expiry.add(exp(10), item(log, 'early'));
    expiry.add(exp(10), item(log, 'early too'));
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(9_999);
    expect(log).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(log).toEqual(['early', 'early too']);
    jest.advanceTimersByTime(10_000);
    expect(log).toEqual(['early', 'early too', 'late']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('does not end a subscription removed before its expiry', () => {
    const log: string[] = [];
    const gone = item(log, 'gone');
    expiry.add(exp(5), gone);
    expiry.add(exp(6), item(log, 'kept'));
    expiry.delete(exp(5), gone);
    jest.advanceTimersByTime(6_000);
    expect(log).toEqual(['kept']);
  });

  it('ends at once a token already expired', () => {
    const log: string[] = [];
    expiry.add(exp(-1), item(log, 'stale'));
    jest.advanceTimersByTime(0);
    expect(log).toEqual(['stale']);
  });
});
