/**
 * node -r ./scripts/register-ts.js bench/heap-summary.ts small.heapsnapshot large.heapsnapshot [cabinets]
 * Self size and count by constructor (Chrome's "Summary" view) of V8 heap snapshots; with two snapshots, the growth
 * from the first to the second, divided by `cabinets` when given: what each further cabinet costs the gateway.
 * Reads the snapshot as bytes (a 10,000-cabinet snapshot is larger than a JavaScript string may be).
 */
import fs from 'node:fs';

type Summary = Map<string, { bytes: number; count: number }>;

function numbersAfter(buf: Buffer, marker: string): { values: number[]; end: number } {
  let i = buf.indexOf(marker) + marker.length;
  const values: number[] = [];
  let n = -1;
  for (; ; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) n = (n < 0 ? 0 : n * 10) + (c - 48);
    else {
      if (n >= 0) values.push(n);
      n = -1;
      if (c === 93) return { values, end: i }; // ]
    }
  }
}

function summarize(file: string): Summary {
  const buf = fs.readFileSync(file);
  const nodesAt = buf.indexOf('"nodes":[');
  const head = buf.subarray(0, nodesAt).toString().replace(/,\s*$/, '') + '}';
  const meta = JSON.parse(head).snapshot.meta;
  const fields: string[] = meta.node_fields;
  const types: string[] = meta.node_types[0];
  const { values: nodes } = numbersAfter(buf, '"nodes":[');
  const stringsAt = buf.indexOf('"strings":[') + '"strings":'.length;
  const stringsEnd = buf.lastIndexOf(']');
  const strings: string[] = JSON.parse(buf.subarray(stringsAt, stringsEnd + 1).toString());
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const summary: Summary = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    const name = strings[nodes[i + nameAt]];
    const key =
      type === 'object' || type === 'native'
        ? name
        : type === 'closure'
          ? `(closure) ${name || 'anonymous'}`
          : type === 'string' || type === 'concatenated string' || type === 'sliced string'
            ? '(string)'
            : `(${type})${type === 'hidden' || type === 'array' || type === 'code' ? ` ${name.slice(0, 40)}` : ''}`;
    const entry = summary.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += nodes[i + sizeAt];
    entry.count++;
    summary.set(key, entry);
  }
  return summary;
}

function main() {
  const [a, b, per] = process.argv.slice(2);
  const first = summarize(a);
  const second = b ? summarize(b) : new Map();
  const divisor = Number(per ?? 1) || 1;
  const rows = [...new Set([...first.keys(), ...second.keys()])].map((key) => {
    const x = first.get(key) ?? { bytes: 0, count: 0 };
    const y = b ? (second.get(key) ?? { bytes: 0, count: 0 }) : { bytes: 0, count: 0 };
    const bytes = b ? y.bytes - x.bytes : x.bytes;
    const count = b ? y.count - x.count : x.count;
    return { key, bytes: bytes / divisor, count: count / divisor };
  });
  rows.sort((p, q) => q.bytes - p.bytes);
  const total = rows.reduce((s, r) => s + r.bytes, 0);
  console.log(`total ${(total / 1024).toFixed(2)} KiB${b ? ` growth${per ? ' per cabinet' : ''}` : ''}`);
  for (const r of rows.slice(0, Number(process.env.TOP ?? 40))) {
    console.log(`${(r.bytes / 1024).toFixed(3).padStart(10)} KiB ${r.count.toFixed(2).padStart(10)}  ${r.key}`);
  }
}

main();
