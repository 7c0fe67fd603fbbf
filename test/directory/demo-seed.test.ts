import { startTestSystem, type TestSystem } from '../support/harness';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the demo directory, loaded on first start', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ SEED_DEMO_DATA: 'true' });
  });
  afterAll(() => t?.stop());

  const decide = (vars: Record<string, unknown>) =>
    t.query(
      `query($a: Addressee!, $sp: ID!, $k: String, $ps: String) {
         jurisdictionDecision(addressee: $a, serviceProviderId: $sp, katoCode: $k, publicService: $ps) { official { id } bodyKind rule }
       }`,
      vars,
    );

  it('lists the 20 top-level units and the districts of Astana', async () => {
    const top = await t.query(`{ administrativeUnits { katoCode } }`);
    expect(top.data.administrativeUnits).toHaveLength(20);
    const astana = await t.query(`{ administrativeUnits(parentKatoCode: "710000000") { katoCode parent { nameRu } } }`);
    expect(astana.data.administrativeUnits.map((u: any) => u.katoCode)).toEqual([
      '711110000', '711210000', '711310000', '711410000', '711510000',
    ]);
  });

  it('routes demo complaints by the documented rules', async () => {
    const akim = await decide({ a: 'AKIM', sp: id(103), k: '351010000' });
    expect(akim.data.jurisdictionDecision).toMatchObject({ official: { id: id(11) }, bodyKind: 'LOCAL_EXECUTIVE_BODY' });
    // A district inside Karaganda is not over the provider (which sits at city level): its akim cannot review it.
    const below = await decide({ a: 'AKIM', sp: id(103), k: '351013100' });
    expect(below.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'katoCode' });
    const competent = await decide({ a: 'SERVICE_PROVIDER_HEAD', sp: id(101), ps: '00301001' });
    expect(competent.data.jurisdictionDecision.official.id).toBe(id(12));
    const quality = await decide({ a: 'PORTAL', sp: id(102) });
    expect(quality.data.jurisdictionDecision).toMatchObject({ official: { id: id(4) }, bodyKind: 'QUALITY_CONTROL_BODY' });
  });
});
