import demo from './data/demo-directory.json';
import { isValidBin } from './validation/bin.rule';
import { isValidKato } from './validation/kato.rule';

describe('the demo directory data', () => {
  const units = new Map(demo.administrativeUnits.map((u) => [u.katoCode, u]));
  const officials = new Map(demo.officials.map((o) => [o.id, o]));

  it('has valid KATO codes, the 20 top-level units, and parents in the same region', () => {
    for (const u of demo.administrativeUnits) {
      expect(isValidKato(u.katoCode)).toBe(true);
      if (u.parentKatoCode) {
        expect(units.has(u.parentKatoCode)).toBe(true);
        expect(u.parentKatoCode.slice(0, 2)).toBe(u.katoCode.slice(0, 2));
      }
    }
    expect(demo.administrativeUnits.filter((u) => !u.parentKatoCode)).toHaveLength(20);
  });

  it('has valid unique BINs, heads of their own provider, and the quality-control body', () => {
    expect(new Set(demo.serviceProviders.map((p) => p.bin)).size).toBe(demo.serviceProviders.length);
    for (const p of demo.serviceProviders) {
      expect(isValidBin(p.bin)).toBe(true);
      expect(officials.get(p.headOfficialId)?.serviceProviderId).toBe(p.id);
    }
    expect(demo.serviceProviders.some((p) => p.kind === 'QUALITY_CONTROL_BODY')).toBe(true);
  });

  it('names akims that are akimat officials of their unit, and competences of known officials', () => {
    for (const u of demo.administrativeUnits.filter((x) => x.akimOfficialId)) {
      expect(officials.get(u.akimOfficialId!)).toMatchObject({ serviceProviderId: null, katoCode: u.katoCode });
    }
    for (const c of demo.competences) expect(officials.has(c.officialId)).toBe(true);
  });

  it('keeps the ids the README uses', () => {
    expect(demo.serviceProviders[0].id).toBe('00000000-0000-4000-8000-000000000101');
    expect([...officials.keys()]).toEqual(
      expect.arrayContaining(['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003']),
    );
  });
});
