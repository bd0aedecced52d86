/**
 * A worker that dies part-way, for the tests of what the host does then: the real worker from
 * its source bootstrap, made to exit with code 3 right after it has posted its `count`-th
 * message of type `type`.
 */
export function dyingWorker(
  script: { source: URL | string } | null,
  exitAfter: { type: string; count: number },
): { source: string } {
  if (typeof script?.source !== 'string') throw new Error('expected the source bootstrap');
  return {
    source: `const { parentPort } = require('node:worker_threads');
      let posted = 0;
      const post = parentPort.postMessage.bind(parentPort);
      parentPort.postMessage = (message, transfer) => {
        post(message, transfer);
        if (message.type === ${JSON.stringify(exitAfter.type)} && ++posted === ${exitAfter.count}) process.exit(3);
      };
      ${script.source}`,
  };
}
