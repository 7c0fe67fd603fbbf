/** Each subgraph's `/health`, by name: true when it answered 200 in time. */
export async function subgraphHealth(urls: Record<string, string>, timeoutMs = 2000): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, res.ok] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
