/**
 * The guest's `/init`: mount the pseudo file systems, find the protocol channel (virtio-serial port `umcg.0`, or
 * the second UART), announce itself on the console, run the executor on the channel, and power off when it exits
 * (the host closing the channel makes it exit), after printing the kernel's coverage counters when asked to. The console (ttyS0) carries only kernel messages and these
 * markers, never protocol traffic.
 * @module
 */

import { DUMP_SCRIPT } from '../coverage/dump.js';

/** Which device carries the protocol: a virtio-serial port (fast, needs CONFIG_VIRTIO_CONSOLE=y) or ttyS1. */
export type ChannelKind = 'virtio' | 'ttyS1';

/** Console line printed right before the executor starts (followed by ` io=<device>`). */
export const READY_MARKER = 'UMCG-GUEST-READY';
/** Console line printed with the guest's `uname -r` (followed by a space and the release). */
export const UNAME_MARKER = 'UMCG-UNAME';
/** Console line printed when the executor exits (followed by ` rc=<code>`). */
export const EXIT_MARKER = 'UMCG-EXEC-EXIT';
/** Name of the virtio-serial port the host creates. */
export const VIRTIO_PORT_NAME = 'umcg.0';

/** The text of `/init` for a channel kind; the executor is `/bin/umcg-exec`. */
export function initScript(channel: ChannelKind): string {
  const findDevice =
    channel === 'virtio'
      ? `dev=
for i in $(seq 1 200); do
  for p in /sys/class/virtio-ports/*; do
    [ -r "$p/name" ] && [ "$(cat "$p/name")" = ${VIRTIO_PORT_NAME} ] && dev=/dev/$(basename "$p")
  done
  [ -n "$dev" ] && [ -c "$dev" ] && break
  dev=
  usleep 20000
done
[ -n "$dev" ] || { echo "UMCG-NO-CHANNEL virtio port ${VIRTIO_PORT_NAME} not found (CONFIG_VIRTIO_CONSOLE=y and CONFIG_VIRTIO_PCI=y needed)"; poweroff -f; }`
      : `dev=/dev/ttyS1
[ -c $dev ] || { echo "UMCG-NO-CHANNEL $dev missing (CONFIG_SERIAL_8250=y needed)"; poweroff -f; }
stty -F $dev raw -echo -icanon -isig -ixon -ixoff -opost 2>/dev/null`;
  return `#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs tmp /tmp
echo "${UNAME_MARKER} $(uname -r)"
${findDevice}
echo "${READY_MARKER} io=$dev"
/bin/umcg-exec --io $dev
echo "${EXIT_MARKER} rc=$?"
${DUMP_SCRIPT}
poweroff -f
`;
}
