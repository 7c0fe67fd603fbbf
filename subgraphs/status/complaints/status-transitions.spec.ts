import { StatusMarkKind as K } from '../../../contracts/enums';
import { canTransition, isOpen, TRANSITIONS } from './status-transitions';

describe('the status transition table', () => {
  it('has a row for every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.values(K).sort());
  });

  it.each([
    [K.DELIVERED, K.REGISTERED],
    [K.DELIVERED, K.FORWARDED],
    [K.DELIVERED, K.WITHDRAWN],
    [K.REGISTERED, K.IN_EXECUTION],
    [K.REGISTERED, K.EXTENDED],
    [K.IN_EXECUTION, K.REVIEWED],
    [K.EXTENDED, K.EXTENDED],
    [K.EXTENDED, K.REVIEWED],
    [K.FORWARDED, K.REGISTERED],
    [K.FORWARDED, K.FORWARDED],
  ])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    [K.DELIVERED, K.IN_EXECUTION],
    [K.DELIVERED, K.REVIEWED],
    [K.DELIVERED, K.EXTENDED],
    [K.DELIVERED, K.DELIVERED],
    [K.REGISTERED, K.REGISTERED],
    [K.IN_EXECUTION, K.IN_EXECUTION],
    [K.IN_EXECUTION, K.REGISTERED],
    [K.FORWARDED, K.IN_EXECUTION],
    [K.FORWARDED, K.EXTENDED],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('ends the timeline at REVIEWED and WITHDRAWN', () => {
    for (const to of Object.values(K)) {
      expect(canTransition(K.REVIEWED, to)).toBe(false);
      expect(canTransition(K.WITHDRAWN, to)).toBe(false);
    }
    expect(isOpen(K.REVIEWED)).toBe(false);
    expect(isOpen(K.WITHDRAWN)).toBe(false);
    expect(isOpen(K.EXTENDED)).toBe(true);
  });

  it('never lets a mark produce DELIVERED', () => {
    for (const from of Object.values(K)) expect(canTransition(from, K.DELIVERED)).toBe(false);
  });
});
