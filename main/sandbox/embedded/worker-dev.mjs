// Runs the TypeScript worker where no build exists (tests, `tsx` scripts): tsx compiles it on load.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
