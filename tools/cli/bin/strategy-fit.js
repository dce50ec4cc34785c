#!/usr/bin/env -S node --max-semi-space-size=16
// The flag caps V8's young generation: under a bulk run's steady allocation rate V8 would grow it
// to 2 × 64 MB, which alone pushes a 200,000-company run past 300 MB RSS (bench/bulk-score.bench.ts).
import { main } from '../src/main.ts';

await main();
