/**
 * IPv4 CIDR arithmetic (pure): parse, containment and overlap, for checking
 * address spaces and subnets before Azure rejects them half-way through a
 * deployment. No dependency: a CIDR is two 32-bit numbers.
 */

/** A parsed IPv4 CIDR block. */
export interface Cidr {
    /** The text as written. */
    readonly text: string;
    /** First address of the block, as an unsigned 32-bit number. */
    readonly start: number;
    /** Last address of the block, as an unsigned 32-bit number. */
    readonly end: number;
    /** Prefix length (0-32). */
    readonly prefix: number;
}

const CIDR = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\/(\d{1,2})$/;
const ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted-quad address to an unsigned 32-bit number; a problem sentence instead when it is not one. */
export function parseAddress(text: string): number | string {
    const m = ADDRESS.exec(text);
    if (!m) return `"${text}" is not an IPv4 address (a.b.c.d)`;
    const octets = m.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) return `"${text}" has an octet above 255`;
    return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

/** Parses `a.b.c.d/n`; returns a problem sentence instead when the text is not a canonical CIDR block. */
export function parseCidr(text: string): Cidr | string {
    const m = CIDR.exec(text);
    if (!m) return `"${text}" is not an IPv4 CIDR block (a.b.c.d/n)`;
    const address = parseAddress(m[1]);
    if (typeof address === "string") return `"${text}" has an octet above 255`;
    const prefix = Number(m[2]);
    if (prefix > 32) return `"${text}" has a prefix above /32`;
    const size = 2 ** (32 - prefix);
    const start = Math.floor(address / size) * size;
    if (start !== address) return `"${text}" has host bits set (the block starts at ${formatAddress(start)}/${prefix})`;
    return { text, start, end: start + size - 1, prefix };
}

/** Dotted-quad text of a 32-bit address. */
export function formatAddress(n: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
    return inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
    return a.start <= b.end && b.start <= a.end;
}

/** True when the address lies inside the block. */
export function containsAddress(block: Cidr, address: number): boolean {
    return address >= block.start && address <= block.end;
}

/** Number of addresses in a block. */
export function size(c: Cidr): number {
    return c.end - c.start + 1;
}
