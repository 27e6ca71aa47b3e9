// `npm run web -- --port N`: build, then serve the console in the browser shell.
import { build, runForeground } from './run.mjs';

build();
runForeground(process.execPath, ['out/main/web.js', ...process.argv.slice(2)]);
