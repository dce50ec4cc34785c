// `npm start`: the demo (commands/demo.ts) with its defaults; `strategy-fit demo --help` lists options.
import { main } from './main.ts';

await main([process.argv[0] ?? 'node', 'strategy-fit', 'demo', ...process.argv.slice(2)]);
