/** Intake and status decide staff access with the same rule (README "Who sees and does what"), cell by cell. */
import type { Principal } from '../../platform/auth';
import { canSee, scopeOf } from '../../subgraphs/intake/access/complaint.visibility';
import { staffAccess } from '../../subgraphs/status/access';

const filed = { applicantIin: '900101300027', handlerId: 'h1', handlerBodyId: 'p1', currentHandlerId: 'h1', currentBodyId: 'p1' };
const forwarded = { ...filed, currentHandlerId: 'f1', currentBodyId: 'p2' };
const former = [{ officialId: 'h1', bodyId: 'p1' }];
const who = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({ sub: 's', role, authorization: '', ...extra });

describe('one access rule in intake and status', () => {
  it('applies the same rule as the status subgraph, cell by cell', () => {
    const staff = [
      { officialId: 'h1', bodyId: 'p1' },
      { officialId: 'o1', bodyId: 'p1' },
      { officialId: 'f1', bodyId: 'p2' },
      { officialId: 'o2', bodyId: 'p2' },
      { officialId: 'o3', bodyId: 'p3' },
      { officialId: 'c9', bodyId: null },
    ];
    for (const [record, holders] of [
      [filed, []],
      [forwarded, former],
    ] as const) {
      for (const s of staff) {
        const intake = canSee(scopeOf(who('official', { officialId: s.officialId }), s.bodyId), record, [...holders]);
        const status = staffAccess(
          { handlerId: record.currentHandlerId, handlerBodyId: record.currentBodyId },
          [...holders],
          { ...s, active: true },
        );
        expect([s.officialId, intake]).toEqual([s.officialId, status !== 'none']);
      }
    }
  });

});
