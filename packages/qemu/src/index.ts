/**
 * `@umcg/qemu`: the QEMU guest target. It builds a guest (the reference kernel or a user's bzImage, an initramfs
 * with busybox and the static executor), boots it under TCG, streams traces to the executor over virtio-serial
 * (or ttyS1), runs several guests in parallel, and turns kernel crashes and hangs into their own verdict.
 * @module
 */
export {
  hangTimeout,
  probedFeatures,
  QEMU_ADAPTER_VERSION,
  QEMU_FEATURES,
  qemu,
  qemu as default,
  qemuTarget,
} from './adapter.js';
export { LineSplitter, parseResponseLine } from './channel/lineSplitter.js';
export { connectUnixSocket } from './channel/unixSocket.js';
export { type AccelRequest, chooseAccel, kvmDeviceUsable } from './guest/accel.js';
export { bzImageRelease, bzImageVersion } from './guest/bzImage.js';
export { crashDetail, findingsHeadline, worstFinding } from './guest/crashReport.js';
export { EXECUTOR_BUILD_HINT, ensureExecutor, NATIVE_CSRC } from './guest/executor.js';
export { Guest, type GuestConfig, type GuestReply } from './guest/guest.js';
export { buildGuestImage, type GuestImageOptions } from './guest/image.js';
export {
  type ChannelKind,
  EXIT_MARKER,
  initScript,
  READY_MARKER,
  UNAME_MARKER,
  VIRTIO_PORT_NAME,
} from './guest/init.js';
export { chooseKernel, type KernelChoice } from './guest/kernelChoice.js';
export { QEMU_INSTALL, qemuVersion } from './guest/qemuVersion.js';
export { type BatchOptions, type BatchResult, runBatch } from './runner/batch.js';
export { GuestPool, type PoolStats } from './runner/pool.js';
export { shard } from './runner/shard.js';
export {
  GUEST_STEP_TIMEOUT_MS,
  openQemuSession,
  parseQemuArgs,
  type QemuOptions,
  type QemuSession,
} from './session.js';
