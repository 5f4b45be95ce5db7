/**
 * Pinning the caller's and its server's struct pages ([PZ-v2] 5/5 umcg_pin_pages(), rules `pin.*`).
 * @module
 */

import { UMCG_TID_MASK } from '../abi/constants.js';
import { lookupUmcg } from './lookup.js';
import { access, pinnable } from './memory.js';
import { atomic, local, type Routine } from './thread.js';

/** Result of a pin. */
export type PinResult = 0 | 'EBUSY' | 'EFAULT' | 'ESRCH';

/** `umcg_pin_pages`: stale check, pin self, read `server_tid`, look the server up, pin it, cache it. */
export function* pinPages(me: number): Routine<PinResult> {
  const stale = yield* local(undefined, (s) => s.k[me]!.pinned);
  if (stale) {
    yield* local('pin.stale', () => undefined);
    return 'EBUSY';
  }
  const self = yield* local(undefined, (s) => s.k[me]!.umcg);
  const serverTid = yield* atomic('pin.self', (s) =>
    pinnable(s, self) ? access(s, self)!.server_tid : undefined,
  );
  if (serverTid === undefined) return 'EFAULT';
  return yield* atomic('pin.server', (s): PinResult => {
    const server = lookupUmcg(s, s.world.params.tidMask ? serverTid & UMCG_TID_MASK : serverTid);
    if (server < 0) return 'ESRCH';
    const serverAddr = s.k[server]!.umcg;
    if (!pinnable(s, serverAddr)) return 'EFAULT';
    const k = s.k[me]!;
    k.pinned = true;
    k.pinServer = server;
    k.pinServerAddr = serverAddr;
    if (s.world.params.pinWritesZero) {
      access(s, self)!.zero0 = 0;
      access(s, serverAddr)!.zero0 = 0;
      s.fired.add('pin.zero-store');
    }
    return 0;
  });
}

/** Releases the pins. */
export function* unpinPages(me: number): Routine<void> {
  yield* local(undefined, (s) => {
    s.k[me]!.pinned = false;
  });
}
