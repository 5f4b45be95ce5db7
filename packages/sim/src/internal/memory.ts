/**
 * User memory of the simulated process: 4 KiB pages, anonymous or shmem, mapped or unmapped, with pin counts.
 * Words are little-endian; 64-bit words are JS numbers (exact below 2^53, which covers every address used).
 * Accessors return `undefined` for a fault (the page is not mapped).
 * @module
 */
import type { MemoryKind } from '@umcg/spec/vocabulary';

/** Size of a page. */
export const PAGE_SIZE = 4096;

/** One page of user memory. */
export interface Page {
  /** Anonymous or shmem (pinning requires anonymous). */
  readonly kind: MemoryKind;
  /** False once unmapped: every access faults. */
  mapped: boolean;
  /** Number of outstanding kernel pins. */
  pins: number;
  /** Contents. */
  readonly data: DataView;
}

/** The address space of the process. */
export class Memory {
  private readonly pages = new Map<number, Page>();

  /** Maps a zero-filled page at `addr` (page aligned). */
  map(addr: number, kind: MemoryKind): Page {
    const page: Page = { kind, mapped: true, pins: 0, data: new DataView(new ArrayBuffer(PAGE_SIZE)) };
    this.pages.set(Math.floor(addr / PAGE_SIZE), page);
    return page;
  }

  /** The page holding `addr`, mapped or not (undefined if it never existed). */
  page(addr: number): Page | undefined {
    return this.pages.get(Math.floor(addr / PAGE_SIZE));
  }

  private live(addr: number, size: number): Page | undefined {
    const p = this.page(addr);
    if (p === undefined || !p.mapped || (addr % PAGE_SIZE) + size > PAGE_SIZE) return undefined;
    return p;
  }

  /** Loads a 32-bit word. */
  read32(addr: number): number | undefined {
    return this.live(addr, 4)?.data.getUint32(addr % PAGE_SIZE, true);
  }

  /** Stores a 32-bit word; false on fault. */
  write32(addr: number, value: number): boolean {
    const p = this.live(addr, 4);
    if (p === undefined) return false;
    p.data.setUint32(addr % PAGE_SIZE, value >>> 0, true);
    return true;
  }

  /** Loads a 64-bit word as a number. */
  read64(addr: number): number | undefined {
    const p = this.live(addr, 8);
    if (p === undefined) return undefined;
    const off = addr % PAGE_SIZE;
    return p.data.getUint32(off + 4, true) * 0x1_0000_0000 + p.data.getUint32(off, true);
  }

  /** Stores a 64-bit word given as a number; false on fault. */
  write64(addr: number, value: number): boolean {
    const p = this.live(addr, 8);
    if (p === undefined) return false;
    const off = addr % PAGE_SIZE;
    p.data.setUint32(off, (value % 0x1_0000_0000) >>> 0, true);
    p.data.setUint32(off + 4, Math.floor(value / 0x1_0000_0000) >>> 0, true);
    return true;
  }

  /** Reads a word regardless of the mapping (the observer's view of the page contents). */
  peek(addr: number, size: 4 | 8): number {
    const p = this.page(addr);
    if (p === undefined) return 0;
    const off = addr % PAGE_SIZE;
    if (size === 4) return p.data.getUint32(off, true);
    return p.data.getUint32(off + 4, true) * 0x1_0000_0000 + p.data.getUint32(off, true);
  }
}
