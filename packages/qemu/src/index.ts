/**
 * `@umcg/qemu`: the QEMU guest target. It builds a guest (the reference kernel or a user's bzImage, an initramfs
 * with busybox and the static executor), boots it under TCG, streams traces to the executor over virtio-serial
 * (or ttyS1), runs several guests in parallel, and turns kernel crashes and hangs into their own verdict.
 * @module
 */
export { QEMU_ADAPTER_VERSION, QEMU_FEATURES, hangTimeout, qemu, qemuTarget } from './adapter.js';
export { type AccelRequest, chooseAccel, kvmDeviceUsable } from './guest/accel.js';
export { bzImageRelease, bzImageVersion } from './guest/bzImage.js';
export { crashDetail, findingsHeadline, worstFinding } from './guest/crashReport.js';
export { EXECUTOR_BUILD_HINT, NATIVE_CSRC, ensureExecutor } from './guest/executor.js';
export { Guest, type GuestConfig, type GuestReply } from './guest/guest.js';
export { type GuestImageOptions, buildGuestImage } from './guest/image.js';
export { type ChannelKind, EXIT_MARKER, READY_MARKER, UNAME_MARKER, VIRTIO_PORT_NAME, initScript } from './guest/init.js';
export { type KernelChoice, chooseKernel } from './guest/kernelChoice.js';
export { QEMU_INSTALL, qemuVersion } from './guest/qemuVersion.js';
export { LineSplitter, parseResponseLine } from './channel/lineSplitter.js';
export { connectUnixSocket } from './channel/unixSocket.js';
export { GuestPool, type PoolStats } from './runner/pool.js';
export { shard } from './runner/shard.js';
export { type BatchOptions, type BatchResult, runBatch } from './runner/batch.js';
export { type QemuOptions, type QemuSession, openQemuSession, parseQemuArgs } from './session.js';
export { qemu as default } from './adapter.js';
