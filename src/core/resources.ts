/**
 * What a server owns for its life besides the database: worker threads and the caches beside them
 * (national results, effect runs, the OpenID Connect provider configuration). Each kind is named
 * by a key — a module constant that holds no state, only how to make one — and the scope in the
 * dependency bundle makes it on first use and closes every one when the server closes
 * (http/server.ts). Two servers in one process thus never share a worker, a computation in flight
 * or a cached result.
 */
/** A resource with `close()` has it called when the scope closes (stop worker threads, forget). */
interface Closable {
  close(): Promise<void> | void;
}
const closable = (r: object): r is Closable => typeof (r as Partial<Closable>).close === 'function';

export interface ResourceKey<T extends object> {
  readonly name: string;
  make(): T;
}

export class ResourceScope {
  private readonly made = new Map<ResourceKey<object>, object>();

  /** The scope's one instance of `key`, made on first use (again after close). */
  use<T extends object>(key: ResourceKey<T>): T {
    let r = this.made.get(key);
    if (!r) {
      r = key.make();
      this.made.set(key, r);
    }
    return r as T;
  }

  /** Close every resource made so far (server shut-down); a later use makes a fresh one. */
  async close(): Promise<void> {
    const all = [...this.made.values()];
    this.made.clear();
    await Promise.all(all.map((r) => (closable(r) ? r.close() : undefined)));
  }
}
