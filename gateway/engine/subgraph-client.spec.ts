import { unanswered } from './subgraph-client';

const URL_ = 'http://127.0.0.1:4001/graphql';
const err = (code: string) => Object.assign(new Error(code), { code });

describe('a subgraph fetch without an answer', () => {
  it('says the outcome of a mutation is unknown unless the connection was refused', () => {
    const lost = unanswered(URL_, 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }', err('ECONNRESET'));
    expect(lost.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true, outcome: 'UNKNOWN' });
    expect(lost.message).toContain('idempotencyKey');
    expect(lost.message).not.toContain('nothing was changed');

    const refused = unanswered(URL_, 'mutation { x }', err('ECONNREFUSED'));
    expect(refused.extensions).toMatchObject({ outcome: 'NOT_APPLIED' });
    expect(unanswered(URL_, '{ complaint(id: "1") { id } }', err('ECONNRESET')).extensions).toMatchObject({ outcome: 'NOT_APPLIED' });
  });
});
