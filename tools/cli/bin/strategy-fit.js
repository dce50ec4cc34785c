#!/usr/bin/env -S node --max-semi-space-size=16 --max-old-space-size=192
// The flags bound V8's heap, so that memory stays flat however large the portal. The young
// generation: under a bulk run's steady allocation rate V8 would grow it to 2 × 64 MB, which alone
// pushes a 200,000-company run past 300 MB RSS (bench/bulk-score.bench.ts). The old generation:
// what a walk keeps alive stays under 50 MB (`--trace-gc`, 16 blocks of 1,000 in flight), but V8
// lets garbage grow the heap to about 200 MB before a full collection, which took `score --all`
// on 50,000 records to 307–359 MiB RSS; capped at 192 MB it peaks near 200 MiB, no slower
// (npm run bench -- requests).
import { main } from '../src/main.ts';

await main();
