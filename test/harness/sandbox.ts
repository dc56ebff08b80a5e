// `npm start`: try Candor without a desktop VS Code. Builds the extension, creates (once) a demo
// repository with a short history and a few notes, starts code-server with the extension loaded,
// and prints the URL to open. Ctrl-C stops the server and exits.
import * as path from 'node:path';
import { ensureCodeServer, startCodeServer } from './codeServer';
import { ensureDemoRepo } from './demoRepo';

async function main(): Promise<void> {
  const projectRoot = path.resolve(__dirname, '..', '..', '..');
  const demo = ensureDemoRepo(path.join(projectRoot, '.vscode-test', 'demo'));
  const bin = ensureCodeServer(projectRoot);
  const server = await startCodeServer(bin);
  const url = server.url(demo, [['extensionDevelopmentPath', server.remoteUri(projectRoot)]]);
  const stop = () => {
    server.stop();
    console.log('\nStopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`\nCandor sandbox on the demo repository ${demo}\n\n  Open: ${url}\n\nPress Ctrl-C to stop.`);
}

main().catch((err: unknown) => {
  console.error(`sandbox: ${(err as Error).message}`);
  process.exit(1);
});
