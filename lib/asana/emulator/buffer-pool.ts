/**
 * Reusable response buffers. A page is ~600 KB of JSON; allocating a fresh buffer for each costs
 * more CPU (page faults on new memory) than encoding into one already mapped, so bodies are
 * written into pooled buffers that return to the pool once the socket has taken the bytes.
 */
export class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(
    private readonly maxPooled = 8,
    private readonly chunk = 1 << 20,
  ) {}

  acquire(bytes: number): Buffer {
    for (let i = 0; i < this.free.length; i++) {
      const b = this.free[i] as Buffer;
      if (b.length >= bytes) {
        this.free.splice(i, 1);
        return b;
      }
    }
    return Buffer.allocUnsafe(Math.ceil(bytes / this.chunk) * this.chunk);
  }

  release(b: Buffer): void {
    if (this.free.length < this.maxPooled) this.free.push(b);
  }
}
