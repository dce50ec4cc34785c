// Association types (HubSpot-defined ids) and the in-memory index of record associations.

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export type AssociationType = {
  typeId: number;
  category: AssociationCategory;
  fromObjectTypeId: string;
  toObjectTypeId: string;
  /** `null` for the unlabeled type, `"Primary"` for the primary company. */
  label: string | null;
  inverseTypeId: number;
  /** A record may have this type to only one target (the primary company). */
  single: boolean;
};

const defined = (
  typeId: number,
  from: string,
  to: string,
  label: string | null,
  inverseTypeId: number,
  single = false,
): AssociationType => ({
  typeId,
  category: 'HUBSPOT_DEFINED',
  fromObjectTypeId: from,
  toObjectTypeId: to,
  label,
  inverseTypeId,
  single,
});

/** HubSpot-defined association types between the standard objects the sandbox serves. */
export const STANDARD_ASSOCIATION_TYPES: readonly AssociationType[] = [
  defined(279, '0-1', '0-2', null, 280),
  defined(280, '0-2', '0-1', null, 279),
  defined(1, '0-1', '0-2', 'Primary', 2, true),
  defined(2, '0-2', '0-1', 'Primary', 1),
  defined(3, '0-3', '0-1', null, 4),
  defined(4, '0-1', '0-3', null, 3),
  defined(341, '0-3', '0-2', null, 342),
  defined(342, '0-2', '0-3', null, 341),
  defined(5, '0-3', '0-2', 'Primary', 6, true),
  defined(6, '0-2', '0-3', 'Primary', 5),
  defined(19, '0-3', '0-8', null, 20),
  defined(20, '0-8', '0-3', null, 19),
];

type Edges = Map<number, number[]>; // fromId → [toId, typeId, toId, typeId, …]

/** Both directions of every association, keyed by the ordered pair of object type ids. */
export class AssociationIndex {
  private readonly pairs = new Map<string, Edges>();
  private readonly types = new Map<number, AssociationType>();
  private readonly unlabeledByPair = new Map<string, number>();

  constructor(types: readonly AssociationType[]) {
    for (const type of types) this.defineType(type);
  }

  defineType(type: AssociationType): void {
    this.types.set(type.typeId, type);
    if (type.label === null) {
      this.unlabeledByPair.set(pairKey(type.fromObjectTypeId, type.toObjectTypeId), type.typeId);
    }
  }

  type(typeId: number): AssociationType | undefined {
    return this.types.get(typeId);
  }

  typesBetween(from: string, to: string): AssociationType[] {
    return [...this.types.values()].filter(
      (t) => t.fromObjectTypeId === from && t.toObjectTypeId === to,
    );
  }

  unlabeledType(from: string, to: string): number | undefined {
    return this.unlabeledByPair.get(pairKey(from, to));
  }

  /**
   * Adds one directed type and its inverse. Returns whether it is new, and for a single-target
   * type (the primary company) the targets it was moved away from.
   */
  add(typeId: number, fromId: number, toId: number): { added: boolean; replaced: number[] } {
    const type = this.types.get(typeId);
    if (type === undefined) return { added: false, replaced: [] };
    const replaced = type.single ? this.dropSingle(type, fromId, toId) : [];
    const added = this.addDirected(
      type.fromObjectTypeId,
      type.toObjectTypeId,
      fromId,
      toId,
      typeId,
    );
    this.addDirected(type.toObjectTypeId, type.fromObjectTypeId, toId, fromId, type.inverseTypeId);
    return { added, replaced };
  }

  /** Removes one directed type and its inverse. */
  remove(typeId: number, fromId: number, toId: number): void {
    const type = this.types.get(typeId);
    if (type === undefined) return;
    this.removeDirected(type.fromObjectTypeId, type.toObjectTypeId, fromId, toId, typeId);
    this.removeDirected(
      type.toObjectTypeId,
      type.fromObjectTypeId,
      toId,
      fromId,
      type.inverseTypeId,
    );
  }

  /** Removes every type between two records (both directions). */
  removeAll(from: string, to: string, fromId: number, toId: number): number[] {
    const removed = this.typeIdsBetween(from, to, fromId, toId);
    for (const typeId of removed) this.remove(typeId, fromId, toId);
    return removed;
  }

  typeIdsBetween(from: string, to: string, fromId: number, toId: number): number[] {
    const flat = this.pairs.get(pairKey(from, to))?.get(fromId);
    if (flat === undefined) return [];
    const typeIds: number[] = [];
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === toId) typeIds.push(flat[i + 1] ?? 0);
    return typeIds;
  }

  /** The associations of one record to one object type, grouped by target, in target-id order. */
  targets(from: string, to: string, fromId: number): { toId: number; typeIds: number[] }[] {
    const flat = this.pairs.get(pairKey(from, to))?.get(fromId);
    if (flat === undefined) return [];
    const byTarget = new Map<number, number[]>();
    for (let i = 0; i < flat.length; i += 2) {
      const toId = flat[i] ?? 0;
      const list = byTarget.get(toId) ?? [];
      list.push(flat[i + 1] ?? 0);
      byTarget.set(toId, list);
    }
    // Unlabeled first, then labels by type id: the same order whatever the insertion order was.
    const rank = (typeId: number): number => (this.types.get(typeId)?.label === null ? 0 : 1);
    return [...byTarget.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([toId, typeIds]) => ({
        toId,
        typeIds: typeIds.sort((a, b) => rank(a) - rank(b) || a - b),
      }));
  }

  private dropSingle(type: AssociationType, fromId: number, keepToId: number): number[] {
    const flat = this.pairs.get(pairKey(type.fromObjectTypeId, type.toObjectTypeId))?.get(fromId);
    if (flat === undefined) return [];
    const previous: number[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i + 1] === type.typeId && flat[i] !== keepToId) previous.push(flat[i] ?? 0);
    }
    for (const toId of previous) this.remove(type.typeId, fromId, toId);
    return previous;
  }

  private addDirected(
    from: string,
    to: string,
    fromId: number,
    toId: number,
    typeId: number,
  ): boolean {
    const key = pairKey(from, to);
    let edges = this.pairs.get(key);
    if (edges === undefined) {
      edges = new Map();
      this.pairs.set(key, edges);
    }
    const flat = edges.get(fromId);
    if (flat === undefined) {
      edges.set(fromId, [toId, typeId]);
      return true;
    }
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i] === toId && flat[i + 1] === typeId) return false;
    }
    flat.push(toId, typeId);
    return true;
  }

  private removeDirected(
    from: string,
    to: string,
    fromId: number,
    toId: number,
    typeId: number,
  ): void {
    const edges = this.pairs.get(pairKey(from, to));
    const flat = edges?.get(fromId);
    if (edges === undefined || flat === undefined) return;
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i] === toId && flat[i + 1] === typeId) {
        flat.splice(i, 2);
        break;
      }
    }
    if (flat.length === 0) edges.delete(fromId);
  }
}

const pairKey = (from: string, to: string): string => `${from}>${to}`;
