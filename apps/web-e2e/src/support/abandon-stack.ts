// A process that starts a stack (two apis behind nginx, one worker) and ends without stopping it,
// for the scale suite's check that nothing of the stack outlives it. Prints the stack's addresses
// as one JSON line; then `throw` ends by an uncaught error when a line comes on stdin, `wait` waits
// to be ended by a signal.
import { startStack } from './stack';

async function main(): Promise<void> {
  const mode = process.argv[2];
  const stack = await startStack({ apis: 2, workers: 1 });
  console.log(JSON.stringify({ url: stack.url, apiUrls: stack.apiUrls, databaseUrl: stack.databaseUrl }));
  process.stdin.once('data', () => {
    if (mode === 'throw') throw new Error('ended without stopping its stack (on purpose)');
  });
}

void main();
