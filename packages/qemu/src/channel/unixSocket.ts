/**
 * Connecting to a QEMU unix-socket chardev (`server=on,wait=on`): QEMU creates the socket a moment after it
 * starts and does not run the guest until a client connects, so nothing the guest writes is lost.
 * @module
 */
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Connects to `path`, retrying until it exists and accepts, for at most `timeoutMs`; `alive()` false stops
 * early (QEMU exited before creating the socket).
 */
export async function connectUnixSocket(
  path: string,
  timeoutMs: number,
  alive: () => boolean = () => true,
): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  let last = 'socket not created';
  while (Date.now() < deadline && alive()) {
    if (existsSync(path)) {
      try {
        return await new Promise<Socket>((resolve, reject) => {
          const s = connect(path);
          s.once('connect', () => {
            s.removeAllListeners('error');
            resolve(s);
          });
          s.once('error', reject);
        });
      } catch (e) {
        last = (e as Error).message;
      }
    }
    await sleep(20);
  }
  throw new Error(`cannot connect to QEMU chardev socket ${path}: ${alive() ? last : 'QEMU exited'}`);
}
