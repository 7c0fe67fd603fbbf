import { composeFromCode, drift } from '../scripts/supergraph';

describe('schema/', () => {
  it('composes from the code without errors and matches the committed files', async () => {
    const { files, errors } = await composeFromCode();
    expect(errors).toEqual([]);
    expect(Object.keys(files).sort()).toEqual(['directory.graphql', 'intake.graphql', 'status.graphql', 'supergraph.graphql']);
    expect(drift(files)).toEqual([]);
  });
});
