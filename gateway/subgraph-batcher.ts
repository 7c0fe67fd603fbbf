import { postJson, type JsonResponse } from '../platform/json-post';

interface Waiting {
  operation: object;
  resolve: (res: JsonResponse<unknown>) => void;
  reject: (err: unknown) => void;
}

/** A batch never carries more operations than this. */
const MAX_BATCH = 50;

/**
 * Fetches to one subgraph that a query plan (or several concurrent requests of one caller) issues in the same turn
 * of the event loop go out as one HTTP request carrying an array of operations (the subgraphs accept Apollo Server's
 * batched requests). A plan that asks the directory for a complaint's handler and its provider in parallel thus
 * costs one HTTP exchange, not two. Only operations with the same Authorization share a request: the subgraph
 * builds one context per request.
 */
export class SubgraphBatcher {
  private waiting = new Map<string, Waiting[]>();
  private scheduled = false;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  send(operation: object, authorization: string | undefined): Promise<JsonResponse<unknown>> {
    return new Promise((resolve, reject) => {
      const key = authorization ?? '';
      const list = this.waiting.get(key) ?? [];
      list.push({ operation, resolve, reject });
      this.waiting.set(key, list);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const all = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    for (const [authorization, list] of all) {
      for (let i = 0; i < list.length; i += MAX_BATCH) this.post(authorization, list.slice(i, i + MAX_BATCH));
    }
  }

  private post(authorization: string, batch: Waiting[]): void {
    const headers: Record<string, string> = authorization ? { authorization } : {};
    if (batch.length === 1) {
      postJson(this.url, batch[0].operation, headers, this.timeoutMs).then(batch[0].resolve, batch[0].reject);
      return;
    }
    postJson<unknown>(this.url, batch.map((w) => w.operation), headers, this.timeoutMs).then(
      (res) => {
        const answers = res.body;
        if (Array.isArray(answers) && answers.length === batch.length) {
          batch.forEach((w, i) => w.resolve({ ...res, body: answers[i] }));
        } else if (res.status < 200 || res.status > 299) {
          batch.forEach((w) => w.resolve(res)); // refused as a whole: each operation reports the refusal
        } else {
          const err = new Error(`${this.url} answered a batch of ${batch.length} operations with something else`);
          batch.forEach((w) => w.reject(err));
        }
      },
      (err) => batch.forEach((w) => w.reject(err)),
    );
  }
}
